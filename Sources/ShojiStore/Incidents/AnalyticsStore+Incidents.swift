import Foundation
import GRDB

extension AnalyticsStore {
    /// The roles that record and read incidents: the privacy officer who reviews them and the operator who
    /// reports them; auditors read them.
    static let incidentRecorders: Set<Role> = [.privacyOfficer, .operator]

    /// Records an incident of the user's tenant, or a new version of one with the same id (a report sent, a
    /// count corrected). `document` must already have been read as a valid incident (the caller parses it with
    /// ShojiPolicy's `Incident`); the store keeps it whole. Audited.
    public func recordIncident(id: String, document: String, by user: AuthenticatedUser,
                               at time: Date = Date()) async throws(IdentityError) -> RecordedIncident {
        try user.require(Self.incidentRecorders, to: "recording incidents")
        guard (1...100).contains(id.count) else { throw .invalidValue("an incident id is 1 to 100 characters") }
        guard document.utf8.count <= 65_536 else { throw .invalidValue("an incident file is at most 64 KiB") }
        return try await write(IdentityError.self) { db in
            let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM incident WHERE tenant_id = ? AND incident_id = ?",
                                            arguments: [user.tenant, id]) ?? false
            try db.execute(sql: """
                INSERT INTO incident (tenant_id, incident_id, document, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, incident_id) DO UPDATE SET document = excluded.document,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                """, arguments: [user.tenant, id, document, user.name, time.timeIntervalSince1970])
            try AuditLog.append(db, tenant: user.tenant, actor: user.actor, action: existed ? "incident.update" : "incident.record",
                                target: id, detail: "\(document.utf8.count) bytes", at: time)
            return try Self.incident(db, tenant: user.tenant, id: id)
        }
    }

    /// The tenant's incidents, latest recorded first.
    public func incidents(by user: AuthenticatedUser) async throws(IdentityError) -> [RecordedIncident] {
        try user.require(Self.incidentRecorders.union([.auditor]), to: "reading incidents")
        return try await read(IdentityError.self) { db in
            try Row.fetchAll(db, sql: """
                SELECT incident_id, document, recorded_by, recorded_at FROM incident WHERE tenant_id = ? ORDER BY recorded_at DESC
                """, arguments: [user.tenant]).map(RecordedIncident.init(row:))
        }
    }

    /// The tenant's incident `id`.
    ///
    /// - Throws: ``IdentityError/notFound(kind:id:)`` when the tenant has none of that id.
    public func incident(_ id: String, by user: AuthenticatedUser) async throws(IdentityError) -> RecordedIncident {
        try user.require(Self.incidentRecorders.union([.auditor]), to: "reading incidents")
        return try await read(IdentityError.self) { db in try Self.incident(db, tenant: user.tenant, id: id) }
    }

    private static func incident(_ db: Database, tenant: String, id: String) throws -> RecordedIncident {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT incident_id, document, recorded_by, recorded_at FROM incident WHERE tenant_id = ? AND incident_id = ?
            """, arguments: [tenant, id]) else {
            throw IdentityError.notFound(kind: "incident", id: id)
        }
        return RecordedIncident(row: row)
    }
}
