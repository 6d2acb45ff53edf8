import Foundation
import PostgresNIO
import ShojiStore

extension PostgresStore: RecordRetention {
    /// The hub's table and time column of each kind that reaches it; the others (trajectories, visits, alerts)
    /// never leave the edge node.
    static let retentionStorage: [RecordKind: (table: String, column: String, partitioned: Bool)] = [
        .lineCrossings: ("line_crossing_count", "bucket_start", true),
        .attributes: ("attribute_count", "bucket_start", true),
        .zoneDwell: ("zone_dwell_stat", "bucket_start", true),
        .zoneTransitions: ("zone_transition_count", "bucket_start", true),
        .heatmaps: ("heatmap_grid", "bucket_start", true),
        .congestionHistory: ("congestion_history", "bucket_start", true),
        .congestion: ("congestion_current", "taken_at", false),
    ]

    /// Retention at the hub, kind by kind. For every deployment (`deploymentID` nil: the hub's own period), the
    /// monthly partitions that ended before the cut-off are dropped whole and the rows of the month it falls in
    /// are deleted; for one deployment, its rows before the cut-off are deleted. Returns the records removed per
    /// kind that reaches a hub.
    public func deleteRecords(olderThan cutoffs: [RecordKind: Date], deploymentID: String?) async throws(StoreError) -> [RecordKind: Int] {
        var removed: [RecordKind: Int] = [:]
        for (kind, cutoff) in cutoffs.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let storage = Self.retentionStorage[kind] else { continue }
            let limit = cutoff.timeIntervalSince1970
            let condition = "\(storage.column) < $1 AND ($2::text IS NULL OR deployment_id = $2)"
            func query(_ sql: String) -> PostgresQuery {
                var binds = PostgresBindings()
                binds.append(limit)
                binds.append(deploymentID)
                return PostgresQuery(unsafeSQL: sql, binds: binds)
            }
            removed[kind] = try await run("counting expired records") { [client, logger] in
                var count = 0
                for try await value in try await client.query(query("SELECT count(*)::bigint FROM \(storage.table) WHERE \(condition)"),
                                                              logger: logger).decode(Int64.self) {
                    count = Int(value)
                }
                return count
            }
            if storage.partitioned, deploymentID == nil {
                try await dropPartitions(endingBefore: cutoff, of: [storage.table])
            }
            try await run("deleting expired records") { [client, logger] in
                _ = try await client.query(query("DELETE FROM \(storage.table) WHERE \(condition)"), logger: logger)
            }
        }
        return removed
    }
}
