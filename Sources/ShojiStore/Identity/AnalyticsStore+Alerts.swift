import Foundation
import GRDB

extension AnalyticsStore {
    /// The tenant's match alerts (pending only unless `all`), newest first; an audited read by `user`.
    public func matchAlerts(by user: AuthenticatedUser, all: Bool = false, at time: Date = Date()) async throws(IdentityError) -> [MatchAlert] {
        try user.require([.operator, .privacyOfficer], to: "reading match alerts")
        return try await write(IdentityError.self) { db in
            let alerts = try Row.fetchAll(db, sql: """
                SELECT \(Self.alertColumns) FROM match_alert WHERE tenant_id = ? AND (? OR status = 'pending')
                ORDER BY matched_at DESC
                """, arguments: [user.tenant, all]).map(Self.alert(row:))
            try AuditLog.append(db, tenant: user.tenant, actor: user.actor, action: "alerts.list",
                                detail: "\(alerts.count) alerts", at: time)
            return alerts
        }
    }

    /// Records a person's review of a pending alert: confirmed (it is the registered person) or dismissed.
    public func reviewMatchAlert(_ id: UUID, confirmed: Bool, by user: AuthenticatedUser,
                                 at time: Date = Date()) async throws(IdentityError) -> MatchAlert {
        try user.require([.operator, .privacyOfficer], to: "reviewing a match alert")
        let key = id.uuidString.lowercased()
        return try await write(IdentityError.self) { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.alertColumns) FROM match_alert WHERE alert_id = ? AND tenant_id = ?",
                                             arguments: [key, user.tenant]) else {
                throw IdentityError.notFound(kind: "match alert", id: key)
            }
            let alert = try Self.alert(row: row)
            guard alert.status == .pending else {
                throw IdentityError.wrongState(kind: "match alert", id: key, state: alert.status.rawValue, action: "reviewed again")
            }
            let status: MatchAlert.Status = confirmed ? .confirmed : .dismissed
            try db.execute(sql: "UPDATE match_alert SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE alert_id = ? AND tenant_id = ?",
                           arguments: [status.rawValue, user.name, time.timeIntervalSince1970, key, user.tenant])
            try AuditLog.append(db, tenant: user.tenant, actor: user.actor, action: "alert.\(status.rawValue)", target: key,
                                detail: "entry \(alert.entryID.uuidString.lowercased())", at: time)
            return MatchAlert(alertID: alert.alertID, entryID: alert.entryID, deploymentID: alert.deploymentID,
                              cameraID: alert.cameraID, matchedAt: alert.matchedAt, distance: alert.distance, status: status,
                              reviewedBy: user.name, reviewedAt: time)
        }
    }

    static let alertColumns = "alert_id, entry_id, deployment_id, camera_id, matched_at, distance, status, reviewed_by, reviewed_at"

    static func alert(row: Row) throws -> MatchAlert {
        guard let id = UUID(uuidString: row["alert_id"]), let entry = UUID(uuidString: row["entry_id"]),
              let status = MatchAlert.Status(rawValue: row["status"]) else {
            throw StoreError.invalidValue("a stored match alert is malformed")
        }
        return MatchAlert(alertID: id, entryID: entry, deploymentID: row["deployment_id"], cameraID: row["camera_id"],
                          matchedAt: Date(timeIntervalSince1970: row["matched_at"]), distance: row["distance"], status: status,
                          reviewedBy: row["reviewed_by"], reviewedAt: (row["reviewed_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
