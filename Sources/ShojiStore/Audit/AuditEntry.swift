import Crypto
import Foundation

/// One entry of a tenant's audit chain: who did what to which record, when, linked to the entry before it.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// The tenant whose chain it belongs to.
    public let tenant: String
    /// Its place in the chain, from 1.
    public let sequence: Int
    /// When it was written.
    public let recordedAt: Date
    /// Who acted: `user:NAME`, `pipeline:DEPLOYMENT`, `system:retention`, `keys`.
    public let actor: String
    /// What was done, e.g. `watchlist.approve`, `vault.read`, `request.disclose`.
    public let action: String
    /// Which record: an entry, alert or request id, a purpose; never a visitor id or a vector.
    public let target: String
    /// Counts and reasons.
    public let detail: String
    /// The hash of the entry before it (``AuditLog/genesis`` for the first).
    public let previousHash: String
    /// The hash stored with the entry (``hash`` recomputes it).
    public let storedHash: String

    init(tenant: String, sequence: Int, recordedAt: Date, actor: String, action: String, target: String,
         detail: String, previousHash: String, storedHash: String? = nil) {
        self.tenant = tenant
        self.sequence = sequence
        // Stored as REAL seconds; whole microseconds survive the round trip, so the hash is of what is stored.
        self.recordedAt = Date(timeIntervalSince1970: Double(Self.microseconds(recordedAt)) / 1e6)
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
        self.previousHash = previousHash
        self.storedHash = storedHash ?? Self.hash(previousHash, tenant, String(sequence),
                                                  String(Self.microseconds(recordedAt)), actor, action, target, detail)
    }

    /// SHA-256 (hex) over the previous hash and every field, each length-prefixed so that no two entries share
    /// an encoding.
    public var hash: String {
        Self.hash(previousHash, tenant, String(sequence), String(Self.microseconds(recordedAt)), actor, action, target, detail)
    }

    private static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1e6).rounded())
    }

    private static func hash(_ fields: String...) -> String {
        var hasher = SHA256()
        for field in fields {
            let bytes = Data(field.utf8)
            hasher.update(data: Data("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
