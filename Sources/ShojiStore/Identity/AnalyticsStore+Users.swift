import Foundation
import GRDB
import HummingbirdBcrypt

extension AnalyticsStore {
    /// bcrypt's cost factor for user secrets: 2^12 rounds, about a quarter of a second a check here.
    static let secretCost: UInt8 = 12

    /// Adds a user to `tenant` with a fresh random secret, which is returned once and stored only as a bcrypt hash.
    ///
    /// A tenant's first user must be a privacy officer and needs no `creator`; every later user is added by one of
    /// the tenant's privacy officers.
    public func addUser(tenant: String, name: String, role: Role, creator: AuthenticatedUser?,
                        at time: Date = Date()) async throws(IdentityError) -> String {
        guard !name.isEmpty, name.count <= 64, !name.contains(where: { $0.isWhitespace || $0.isNewline || $0 == ":" }) else {
            throw .invalidValue("a user name is 1 to 64 characters without spaces or ':'")
        }
        if let creator {
            guard creator.tenant == tenant else { throw .notAuthenticated(tenant: tenant) }
            try creator.require([.privacyOfficer], to: "adding a user")
        }
        var bytes = [UInt8](repeating: 0, count: 24)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        let secret = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let hash = await Self.offCooperativePool { Bcrypt.hash(secret, cost: Self.secretCost) }
        try await write(IdentityError.self) { db in
            let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM app_user WHERE tenant_id = ?", arguments: [tenant]) ?? 0
            if existing == 0 {
                guard role == .privacyOfficer else { throw IdentityError.firstUserMustBePrivacyOfficer }
            } else if creator == nil {
                throw IdentityError.roleRequired([Role.privacyOfficer.rawValue], action: "adding a user")
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM app_user WHERE tenant_id = ? AND name = ?", arguments: [tenant, name]) == true {
                throw IdentityError.userExists(name)
            }
            try db.execute(sql: """
                INSERT INTO app_user (tenant_id, name, role, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [tenant, name, role.rawValue, hash, time.timeIntervalSince1970, creator?.name])
            try AuditLog.append(db, tenant: tenant, actor: creator?.actor ?? "user:\(name)", action: "user.add",
                                target: name, detail: "role \(role.rawValue)", at: time)
        }
        return secret
    }

    /// The user `name` of `tenant` when `secret` is theirs.
    public func authenticate(tenant: String, name: String, secret: String) async throws(IdentityError) -> AuthenticatedUser {
        let stored = try await read(IdentityError.self) { db -> (role: String, hash: String)? in
            try Row.fetchOne(db, sql: "SELECT role, secret_hash FROM app_user WHERE tenant_id = ? AND name = ?",
                             arguments: [tenant, name]).map { ($0["role"], $0["secret_hash"]) }
        }
        // Without a user, check against a fixed hash anyway: the time taken does not say whether the name exists.
        let storedHash = stored?.hash
        let matches = await Self.offCooperativePool { Bcrypt.verify(secret, hash: storedHash ?? Self.absentUserHash) }
        guard let stored, matches, let role = Role(rawValue: stored.role) else { throw .notAuthenticated(tenant: tenant) }
        return AuthenticatedUser(tenant: tenant, name: name, role: role)
    }

    /// How many users the tenant has (0: the next one added must be its privacy officer).
    public func userCount(tenant: String) async throws(IdentityError) -> Int {
        try await read(IdentityError.self) { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM app_user WHERE tenant_id = ?", arguments: [tenant]) ?? 0
        }
    }

    /// The tenant's users, by name.
    public func users(tenant: String) async throws(IdentityError) -> [UserSummary] {
        try await read(IdentityError.self) { db in
            try Row.fetchAll(db, sql: "SELECT name, role, created_at, created_by FROM app_user WHERE tenant_id = ? ORDER BY name",
                             arguments: [tenant]).compactMap { row in
                Role(rawValue: row["role"]).map {
                    UserSummary(name: row["name"], role: $0, createdAt: Date(timeIntervalSince1970: row["created_at"]),
                                createdBy: row["created_by"])
                }
            }
        }
    }

    private static let absentUserHash = Bcrypt.hash("shoji: no such user", cost: secretCost)

    /// Runs `work` (a quarter of a second of bcrypt) on a dispatch thread: on Swift's cooperative pool, which has
    /// one thread per core, it would stall every other task of the process (a camera's shutdown, a page) meanwhile.
    private static func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
