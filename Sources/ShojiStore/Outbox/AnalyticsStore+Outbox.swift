import Foundation
import GRDB

/// How much waits in an outbox.
public struct OutboxBacklog: Sendable, Hashable, Codable {
    /// Batches waiting.
    public let batches: Int
    /// Records in them.
    public let records: Int
    /// When the oldest was queued.
    public let oldestQueuedAt: Date?
}

extension AnalyticsStore {
    /// Up to `limit` outbox batches due at `now` (not deferred past it), oldest first.
    public func outboxDue(limit: Int, now: Date = Date()) async throws(StoreError) -> [OutboxEntry] {
        let rows = try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.sequence, o.tenant_id, o.payload, o.attempts, n.node_id FROM outbox_batch o, store_node n
                WHERE o.next_attempt_at <= ? ORDER BY o.sequence LIMIT ?
                """, arguments: [now.timeIntervalSince1970, max(1, limit)]).map { row in
                (sequence: row["sequence"] as Int64, tenant: row["tenant_id"] as String, payload: row["payload"] as Data,
                 attempts: row["attempts"] as Int, node: row["node_id"] as String)
            }
        }
        return try rows.map { row throws(StoreError) in
            var batch = try OutboxEntry.decode(row.payload)
            batch.id = try BatchID(node: row.node, sequence: row.sequence)
            return OutboxEntry(batch: batch, tenant: row.tenant, attempts: row.attempts)
        }
    }

    /// Deletes the batches the hub acknowledged.
    public func acknowledgeOutbox(_ ids: [BatchID]) async throws(StoreError) {
        guard !ids.isEmpty else { return }
        try await write { db in
            for id in ids {
                try db.execute(sql: "DELETE FROM outbox_batch WHERE sequence = ?", arguments: [id.sequence])
            }
        }
    }

    /// Puts the batches off until `until` after a failed send, counting the attempt.
    public func deferOutbox(_ ids: [BatchID], until: Date) async throws(StoreError) {
        guard !ids.isEmpty else { return }
        try await write { db in
            for id in ids {
                try db.execute(sql: "UPDATE outbox_batch SET attempts = attempts + 1, next_attempt_at = ? WHERE sequence = ?",
                               arguments: [until.timeIntervalSince1970, id.sequence])
            }
        }
    }

    /// The lowest sequence number the hub has not acknowledged: the smallest waiting in the outbox, else the next
    /// one to be numbered. Every batch below it was acknowledged and deleted, so it is never sent again.
    public func outboxWatermark() async throws(StoreError) -> Int64 {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE((SELECT MIN(sequence) FROM outbox_batch), (SELECT next_sequence FROM store_node), 1)") ?? 1
        }
    }

    /// What waits in the outbox.
    public func outboxBacklog() async throws(StoreError) -> OutboxBacklog {
        try await read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(records), 0) AS records, MIN(queued_at) AS oldest FROM outbox_batch")
            return OutboxBacklog(batches: row?["n"] ?? 0, records: row?["records"] ?? 0,
                                 oldestQueuedAt: (row?["oldest"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
    }
}
