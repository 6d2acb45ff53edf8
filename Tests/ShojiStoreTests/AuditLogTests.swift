import Foundation
import GRDB
import Testing
@testable import ShojiStore

/// Every way of tampering with the chain is detected (after transparency-dev/merkle's tests, which corrupt a
/// valid proof every way and expect verification to fail).
@Suite("The audit log is a hash chain: every kind of tampering is found")
struct AuditLogTests {
    static let tenant = "tenant-a"

    /// A store with a chain of `count` entries.
    static func chain(_ count: Int) async throws -> (TemporaryDirectory, AnalyticsStore) {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        for index in 1...count {
            try await store.audit(tenant: tenant, actor: "user:dpo", action: "watchlist.list", target: "t\(index)",
                                  detail: "\(index) entries", at: Date(timeIntervalSince1970: 1_796_000_000 + Double(index)))
        }
        return (dir, store)
    }

    @Test("an untouched chain holds, and its head is the last entry's hash")
    func intact() async throws {
        let (_, store) = try await Self.chain(5)
        let result = try await store.verifyAuditLog(tenant: Self.tenant)
        let entries = try await store.auditEntries(tenant: Self.tenant)
        #expect(result == .intact(entries: 5, head: entries[4].hash))
        #expect(entries[1].previousHash == entries[0].hash && entries[0].previousHash == AuditLog.genesis)
        #expect(try await store.verifyAuditLog(tenant: "nobody") == .intact(entries: 0, head: AuditLog.genesis))
        // Another tenant's chain is its own.
        try await store.audit(tenant: "tenant-b", actor: "user:x", action: "a")
        #expect(try await store.verifyAuditLog(tenant: Self.tenant).isIntact)
    }

    @Test("an edited entry is found")
    func edited() async throws {
        let (_, store) = try await Self.chain(5)
        try await store.pool.write { db in try db.execute(sql: "UPDATE audit_entry SET detail = 'nothing happened' WHERE sequence = 3") }
        #expect(try await store.verifyAuditLog(tenant: Self.tenant) == .broken(at: 3, problem: "entry 3 was changed after it was written"))
    }

    @Test("an edited entry whose hash was recomputed breaks the next link")
    func editedAndRehashed() async throws {
        let (_, store) = try await Self.chain(5)
        var entries = try await store.auditEntries(tenant: Self.tenant)
        let forged = AuditEntry(tenant: Self.tenant, sequence: 3, recordedAt: entries[2].recordedAt, actor: "user:dpo",
                                action: "watchlist.list", target: "t3", detail: "forged", previousHash: entries[2].previousHash)
        entries[2] = forged
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE audit_entry SET detail = ?, entry_hash = ? WHERE sequence = 3", arguments: [forged.detail, forged.hash])
        }
        let result = try await store.verifyAuditLog(tenant: Self.tenant)
        guard case .broken(let at, _) = result else { Issue.record("a rehashed edit passed"); return }
        #expect(at == 4)
    }

    @Test("an inserted entry is found")
    func inserted() async throws {
        let (_, store) = try await Self.chain(5)
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE audit_entry SET sequence = sequence + 1000 WHERE tenant_id = ? AND sequence >= 3", arguments: [Self.tenant])
            try db.execute(sql: "UPDATE audit_entry SET sequence = sequence - 999 WHERE tenant_id = ? AND sequence >= 1000", arguments: [Self.tenant])
            // Written in sequence order as a tamperer would, with a hash of its own making.
            let fake = AuditEntry(tenant: Self.tenant, sequence: 3, recordedAt: Date(), actor: "user:x", action: "vault.read",
                                  target: "", detail: "", previousHash: String(repeating: "1", count: 64))
            try db.execute(sql: """
                INSERT INTO audit_entry (tenant_id, sequence, recorded_at, actor, action, target, detail, previous_hash, entry_hash)
                VALUES (?, 3, ?, 'user:x', 'vault.read', '', '', ?, ?)
                """, arguments: [Self.tenant, fake.recordedAt.timeIntervalSince1970, fake.previousHash, fake.hash])
        }
        #expect(try await store.verifyAuditLog(tenant: Self.tenant).isIntact == false)
    }

    @Test("a removed entry is found")
    func removed() async throws {
        let (_, store) = try await Self.chain(5)
        try await store.pool.write { db in try db.execute(sql: "DELETE FROM audit_entry WHERE sequence = 2") }
        guard case .broken(let at, let problem) = try await store.verifyAuditLog(tenant: Self.tenant) else {
            Issue.record("a removal passed")
            return
        }
        #expect(at == 3 && problem.contains("inserted, removed or moved"))
    }

    @Test("reordered entries are found")
    func reordered() async throws {
        let (_, store) = try await Self.chain(5)
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE audit_entry SET sequence = 1000 WHERE sequence = 2")
            try db.execute(sql: "UPDATE audit_entry SET sequence = 2 WHERE sequence = 4")
            try db.execute(sql: "UPDATE audit_entry SET sequence = 4 WHERE sequence = 1000")
        }
        #expect(try await store.verifyAuditLog(tenant: Self.tenant).isIntact == false)
        // Swapping whole rows (contents and all) is found too.
        let (_, other) = try await Self.chain(5)
        try await other.pool.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_entry WHERE sequence IN (2, 3) ORDER BY sequence")
            try db.execute(sql: "DELETE FROM audit_entry WHERE sequence IN (2, 3)")
            for (row, sequence) in zip(rows.reversed(), [2, 3]) {
                try db.execute(sql: """
                    INSERT INTO audit_entry (tenant_id, sequence, recorded_at, actor, action, target, detail, previous_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [row["tenant_id"], sequence, row["recorded_at"], row["actor"], row["action"], row["target"],
                                     row["detail"], row["previous_hash"], row["entry_hash"]])
            }
        }
        #expect(try await other.verifyAuditLog(tenant: Self.tenant).isIntact == false)
    }

    @Test("entries cut off the end are found: by the recorded head, and by an anchor when the head was rewritten too")
    func truncated() async throws {
        let (_, store) = try await Self.chain(5)
        let anchor = try await store.auditEntries(tenant: Self.tenant)[4].hash
        try await store.pool.write { db in try db.execute(sql: "DELETE FROM audit_entry WHERE sequence >= 4") }
        guard case .broken(_, let problem) = try await store.verifyAuditLog(tenant: Self.tenant) else {
            Issue.record("a cut passed")
            return
        }
        #expect(problem.contains("cut off the end"))
        // The tamperer also rewrites the head: only the anchor kept elsewhere shows the cut.
        let third = try await store.auditEntries(tenant: Self.tenant)[2]
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE audit_head SET sequence = 3, entry_hash = ? WHERE tenant_id = ?", arguments: [third.hash, Self.tenant])
        }
        #expect(try await store.verifyAuditLog(tenant: Self.tenant).isIntact, "without the anchor the cut chain looks whole")
        guard case .broken(_, let anchored) = try await store.verifyAuditLog(tenant: Self.tenant, anchor: anchor) else {
            Issue.record("a cut past the anchor passed")
            return
        }
        #expect(anchored.contains("anchored hash"))
        #expect(try await store.verifyAuditLog(tenant: Self.tenant, anchor: third.hash).isIntact)
    }
}
