import Crypto
import Foundation
import GRDB

/// The hash-chained audit log: every read or change of personal data (vault, watchlist, alerts, requests, users)
/// appends an entry whose hash covers the previous entry's hash (DESIGN.md invariant 8).
///
/// One chain per tenant. `audit_head` holds the sequence and hash the chain has reached, updated in the same
/// transaction as each append, so that cutting entries off the end is seen too; anchoring the printed head hash
/// elsewhere (``verify(tenant:anchor:)``) detects even a cut that rewrote the head. Entries hold ids of entries,
/// alerts and requests and counts, never a vector, an image, a secret or a visitor id.
public enum AuditLog {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Appends one entry inside the caller's transaction (so the entry and the change it records commit together).
    static func append(_ db: Database, tenant: String, actor: String, action: String, target: String = "",
                       detail: String = "", at time: Date) throws {
        let head = try Row.fetchOne(db, sql: "SELECT sequence, entry_hash FROM audit_head WHERE tenant_id = ?", arguments: [tenant])
        let sequence = (head?["sequence"] as Int? ?? 0) + 1
        let previous: String = head?["entry_hash"] ?? genesis
        let entry = AuditEntry(tenant: tenant, sequence: sequence, recordedAt: time, actor: actor, action: action,
                               target: target, detail: detail, previousHash: previous)
        try db.execute(sql: """
            INSERT INTO audit_entry (tenant_id, sequence, recorded_at, actor, action, target, detail, previous_hash, entry_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [tenant, sequence, entry.recordedAt.timeIntervalSince1970, actor, action, target, detail,
                             previous, entry.hash])
        try db.execute(sql: """
            INSERT INTO audit_head (tenant_id, sequence, entry_hash) VALUES (?, ?, ?)
            ON CONFLICT (tenant_id) DO UPDATE SET sequence = excluded.sequence, entry_hash = excluded.entry_hash
            """, arguments: [tenant, sequence, entry.hash])
    }

    /// The tenant's entries, oldest first.
    static func entries(_ db: Database, tenant: String) throws -> [AuditEntry] {
        try Row.fetchAll(db, sql: """
            SELECT sequence, recorded_at, actor, action, target, detail, previous_hash, entry_hash
            FROM audit_entry WHERE tenant_id = ? ORDER BY rowid
            """, arguments: [tenant]).map { row in
            AuditEntry(tenant: tenant, sequence: row["sequence"], recordedAt: Date(timeIntervalSince1970: row["recorded_at"]),
                       actor: row["actor"], action: row["action"], target: row["target"], detail: row["detail"],
                       previousHash: row["previous_hash"], storedHash: row["entry_hash"])
        }
    }

    /// Walks the chain in storage order and reports the first entry that does not hold: an edited entry (its
    /// hash), an inserted, removed or reordered one (sequence or link), or a cut end (the head, or `anchor`).
    static func verify(_ db: Database, tenant: String, anchor: String?) throws -> AuditVerification {
        let entries = try entries(db, tenant: tenant)
        let head = try Row.fetchOne(db, sql: "SELECT sequence, entry_hash FROM audit_head WHERE tenant_id = ?", arguments: [tenant])
        var previous = genesis
        for (offset, entry) in entries.enumerated() {
            let expected = offset + 1
            if entry.sequence != expected {
                return .broken(at: entry.sequence, problem: "entry \(entry.sequence) stands where entry \(expected) should: an entry was inserted, removed or moved")
            }
            if entry.previousHash != previous {
                return .broken(at: entry.sequence, problem: "entry \(entry.sequence) does not follow the entry before it: the log was reordered or an entry replaced")
            }
            if entry.hash != entry.storedHash {
                return .broken(at: entry.sequence, problem: "entry \(entry.sequence) was changed after it was written")
            }
            previous = entry.hash
        }
        let last = entries.last
        if let head {
            let sequence: Int = head["sequence"], hash: String = head["entry_hash"]
            if sequence != (last?.sequence ?? 0) || hash != (last?.hash ?? genesis) {
                return .broken(at: last?.sequence ?? 0, problem: "the log ends at entry \(last?.sequence ?? 0) but had reached entry \(sequence): entries were cut off the end")
            }
        } else if let last {
            return .broken(at: last.sequence, problem: "the log's head record is missing")
        }
        if let anchor, !entries.contains(where: { $0.hash == anchor }) && !(anchor == genesis && entries.isEmpty) {
            return .broken(at: last?.sequence ?? 0, problem: "no entry has the anchored hash \(anchor): the log was cut or rewritten since it was anchored")
        }
        return .intact(entries: entries.count, head: last?.hash ?? genesis)
    }
}

extension AnalyticsStore {
    /// Verifies the tenant's audit chain (see ``AuditLog``); `anchor` is a head hash printed earlier.
    public func verifyAuditLog(tenant: String, anchor: String? = nil) async throws(StoreError) -> AuditVerification {
        try await read { db in try AuditLog.verify(db, tenant: tenant, anchor: anchor) }
    }

    /// The tenant's audit entries, oldest first.
    public func auditEntries(tenant: String) async throws(StoreError) -> [AuditEntry] {
        try await read { db in try AuditLog.entries(db, tenant: tenant) }
    }

    /// Appends one audit entry in its own transaction (for reads of personal data that change nothing).
    public func audit(tenant: String, actor: String, action: String, target: String = "", detail: String = "",
                      at time: Date = Date()) async throws(StoreError) {
        try await write { db in
            try AuditLog.append(db, tenant: tenant, actor: actor, action: action, target: target, detail: detail, at: time)
        }
    }
}
