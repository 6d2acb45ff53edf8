import Foundation
import PostgresNIO
import ShojiStore

extension PostgresStore {
    /// How long applied batch ids below a node's watermark are still kept (for reading, not for deduplication).
    public static let acknowledgedIDsKeptFor: TimeInterval = 7 * 86_400

    /// Records that `node` has every batch below `sequence` acknowledged (the edge's outbox watermark), so they
    /// are never sent again: a claim treats any id below the watermark as applied, and ids below it older than
    /// ``acknowledgedIDsKeptFor`` are deleted. Keeps `applied_batch` from growing with every batch ever sent.
    /// The watermark only rises. Returns the ids deleted.
    @discardableResult
    public func forgetAcknowledged(node: String, below sequence: Int64, now: Date = Date()) async throws(StoreError) -> Int {
        let cutoff = now.timeIntervalSince1970 - Self.acknowledgedIDsKeptFor
        return try await run("moving a node's watermark") { [client, logger] in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("""
                    UPDATE hub_node SET applied_below = GREATEST(applied_below, \(sequence)) WHERE node_id = \(node)
                    """, logger: logger)
                var deleted = 0
                for try await _ in try await connection.query("""
                    DELETE FROM applied_batch a USING hub_node h
                    WHERE h.node_id = \(node) AND a.node_id = h.node_id AND a.sequence < h.applied_below AND a.applied_at < \(cutoff)
                    RETURNING a.sequence
                    """, logger: logger).decode(Int64.self) {
                    deleted += 1
                }
                return deleted
            }
        }
    }
}
