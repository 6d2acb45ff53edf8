import Foundation
import GRDB
import ShojiPolicy

/// A request filed through the public portal: the ticket its sender follows it by.
public struct FiledRequest: Sendable, Hashable {
    /// The ticket, e.g. `K7QX-3MPA-9TRV-WC2E`: about 79 random bits, so a ticket cannot be guessed from another.
    public let ticket: String
    /// The request's id, for the operator.
    public let requestID: UUID
}

/// What anyone holding a ticket may see of its request: where it stands, never what it is about or found.
public struct RequestProgress: Sendable, Hashable, Codable {
    /// What was asked.
    public let kind: RightsRequest.Kind
    /// Where it stands.
    public let status: RightsRequest.Status
    /// The day it was received.
    public let receivedOn: String
    /// When it was answered or refused.
    public let closedAt: Date?
}

extension AnalyticsStore {
    /// Files a request sent through the public portal without a photo, about `deployment`. Nothing is looked up:
    /// an operator answers it (a photo lookup goes through ``FeatureVault/fileRequest(_:contact:requestedMethod:probe:threshold:at:)``).
    public func fileRequest(about deployment: ApprovedDeployment, kind: RightsRequest.Kind, contact: String,
                            requestedMethod: String, at time: Date = Date()) async throws(IdentityError) -> FiledRequest {
        try await fileRequest(tenant: deployment.tenant, deploymentID: deployment.deploymentID, kind: kind, contact: contact,
                              requestedMethod: requestedMethod, matches: nil, actor: "portal:\(deployment.deploymentID)", at: time)
    }

    func fileRequest(tenant: String, deploymentID: String, kind: RightsRequest.Kind, contact: String, requestedMethod: String,
                     matches: [RightsRequest.Match]?, actor: String, at time: Date) async throws(IdentityError) -> FiledRequest {
        let contact = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !contact.isEmpty, contact.count <= 300 else { throw .invalidValue("give a contact of 1 to 300 characters, so the answer can reach you") }
        guard !requestedMethod.isEmpty, requestedMethod.count <= 40 else { throw .invalidValue("the answer method is 1 to 40 characters") }
        let id = UUID(), ticket = Self.newTicket()
        let encoded = String(decoding: (try? JSONEncoder().encode(matches ?? [])) ?? Data("[]".utf8), as: UTF8.self)
        try await write(IdentityError.self) { db in
            try db.execute(sql: """
                INSERT INTO rights_request (request_id, tenant_id, kind, received_on, requested_method, status, matches,
                    opened_by, opened_at, ticket, deployment_id, contact, photo_compared)
                VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.uuidString.lowercased(), tenant, kind.rawValue, CalendarDay(time).description, requestedMethod,
                                 encoded, actor, time.timeIntervalSince1970, ticket, deploymentID, contact, matches != nil])
            try AuditLog.append(db, tenant: tenant, actor: actor, action: "request.file", target: id.uuidString.lowercased(),
                                detail: matches.map { "\(kind.rawValue) through the portal with a photo, \($0.count) matches" }
                                    ?? "\(kind.rawValue) through the portal, no photo", at: time)
        }
        return FiledRequest(ticket: ticket, requestID: id)
    }

    /// Where the request of `ticket` stands.
    ///
    /// - Throws: ``IdentityError/notFound(kind:id:)`` for an unknown ticket.
    public func requestProgress(ticket: String) async throws(IdentityError) -> RequestProgress {
        let normalised = ticket.uppercased().trimmingCharacters(in: .whitespaces)
        let progress = try await read(IdentityError.self) { db -> RequestProgress? in
            guard let row = try Row.fetchOne(db, sql: "SELECT kind, status, received_on, closed_at FROM rights_request WHERE ticket = ?",
                                             arguments: [normalised]),
                  let kind = RightsRequest.Kind(rawValue: row["kind"]), let status = RightsRequest.Status(rawValue: row["status"])
            else { return nil }
            return RequestProgress(kind: kind, status: status, receivedOn: row["received_on"],
                                   closedAt: (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
        guard let progress else { throw .notFound(kind: "ticket", id: normalised) }
        return progress
    }

    /// The tenant's requests, newest first, for an operator or privacy officer (an audited read of personal data).
    public func requests(by user: AuthenticatedUser, at time: Date = Date()) async throws(IdentityError) -> [RightsRequest] {
        try user.require([.operator, .privacyOfficer], to: "reading requests")
        return try await write(IdentityError.self) { db in
            let requests = try Row.fetchAll(db, sql: "SELECT \(RightsRequest.columns) FROM rights_request WHERE tenant_id = ? ORDER BY opened_at DESC",
                                            arguments: [user.tenant]).map(RightsRequest.init(row:))
            try AuditLog.append(db, tenant: user.tenant, actor: user.actor, action: "request.list", detail: "\(requests.count) requests", at: time)
            return requests
        }
    }

    /// Refuses an open request of the user's tenant, recording the reason given to the person (Art. 33(2)).
    public func denyRequest(_ id: UUID, reason: String, by user: AuthenticatedUser, at time: Date = Date()) async throws(IdentityError) -> RightsRequest {
        try user.require([.operator, .privacyOfficer], to: "answering requests")
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .invalidValue("a refusal needs its reason (Art. 33(2))") }
        return try await write(IdentityError.self) { db in
            let request = try FeatureVault.openRequest(db, tenant: user.tenant, id: id)
            try FeatureVault.close(db, tenant: user.tenant, id: id, status: .denied, by: user, method: request.requestedMethod,
                                   note: reason, at: time)
            try AuditLog.append(db, tenant: user.tenant, actor: user.actor, action: "request.deny", target: id.uuidString.lowercased(),
                                detail: reason, at: time)
            return try FeatureVault.request(db, tenant: user.tenant, id: id)
        }
    }

    /// Four groups of four characters from an alphabet without look-alikes (no 0/O, 1/I/L).
    private static func newTicket() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        let characters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] }
        return stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
