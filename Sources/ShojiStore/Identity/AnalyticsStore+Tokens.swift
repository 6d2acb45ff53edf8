import Crypto
import Foundation
import GRDB

/// What a bearer token is for: the JSON API (long-lived, issued on the command line) or a console session
/// (short-lived, issued at login, carried in an HttpOnly cookie).
public enum AccessTokenKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An API token, sent as `Authorization: Bearer …`.
    case api
    /// A console session, sent as the session cookie.
    case console
}

extension AnalyticsStore {
    /// Issues a token that acts as `user` until `lifetime` has passed. The token is returned once; only its
    /// SHA-256 is stored, so a copy of the database does not let anyone sign in. A 256-bit random token needs no
    /// slow hash: it cannot be guessed, and a fast lookup lets the API answer thousands of requests a second.
    public func issueToken(for user: AuthenticatedUser, kind: AccessTokenKind, lifetime: TimeInterval,
                           at time: Date = Date()) async throws(IdentityError) -> String {
        guard lifetime > 0 else { throw .invalidValue("a token's lifetime must be positive") }
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        let token = "shoji_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let hash = Self.tokenHash(token)
        try await write(IdentityError.self) { db in
            // Expired tokens go as new ones come, so the table holds live credentials only.
            try db.execute(sql: "DELETE FROM access_token WHERE expires_at <= ?", arguments: [time.timeIntervalSince1970])
            try db.execute(sql: """
                INSERT INTO access_token (token_hash, tenant_id, user_name, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [hash, user.tenant, user.name, kind.rawValue, time.timeIntervalSince1970,
                                 time.addingTimeInterval(lifetime).timeIntervalSince1970])
            try AuditLog.append(db, tenant: user.tenant, actor: user.actor, action: kind == .api ? "token.issue" : "session.open",
                                target: user.name, detail: "valid \(Int(lifetime)) s", at: time)
        }
        return token
    }

    /// The user a live token of `kind` acts as, with the role the user has now.
    ///
    /// - Throws: ``IdentityError/notAuthenticated(tenant:)`` (with an empty tenant) when the token is unknown,
    ///   expired, of the other kind or its user was removed.
    public func authenticate(token: String, kind: AccessTokenKind, at time: Date = Date()) async throws(IdentityError) -> AuthenticatedUser {
        guard token.hasPrefix("shoji_"), token.count < 100 else { throw .notAuthenticated(tenant: "") }
        let hash = Self.tokenHash(token)
        let user = try await read(IdentityError.self) { db -> AuthenticatedUser? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT t.tenant_id, t.user_name, u.role FROM access_token t
                JOIN app_user u ON u.tenant_id = t.tenant_id AND u.name = t.user_name
                WHERE t.token_hash = ? AND t.kind = ? AND t.expires_at > ?
                """, arguments: [hash, kind.rawValue, time.timeIntervalSince1970]),
                  let role = Role(rawValue: row["role"]) else { return nil }
            return AuthenticatedUser(tenant: row["tenant_id"], name: row["user_name"], role: role)
        }
        guard let user else { throw .notAuthenticated(tenant: "") }
        return user
    }

    /// Ends a token (logout); an unknown token is ignored.
    public func revokeToken(_ token: String) async throws(IdentityError) {
        let hash = Self.tokenHash(token)
        try await write(IdentityError.self) { db in
            try db.execute(sql: "DELETE FROM access_token WHERE token_hash = ?", arguments: [hash])
        }
    }

    private static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
