import Foundation
import PostgresNIO
import ShojiStore

extension PostgresStore: RecordTotalsReading {
    public func totals(of tenant: String) async throws(StoreError) -> RecordTotals {
        try await run("summing records") { [client, logger] in
            func sum(_ expression: String, _ table: String) async throws -> Int64 {
                var query = PostgresQuery(unsafeSQL: "SELECT COALESCE(\(expression), 0)::bigint FROM \(table) WHERE tenant_id = $1")
                query.binds.append(tenant)
                let rows = try await client.query(query, logger: logger)
                for try await value in rows.decode(Int64.self) { return value }
                return 0
            }
            var totals = RecordTotals()
            totals.lineCrossings = try await sum("SUM(count)", "line_crossing_count")
            totals.attributes = try await sum("SUM(count)", "attribute_count")
            totals.zoneVisits = try await sum("SUM(visit_count)", "zone_dwell_stat")
            totals.zoneDwellMilliseconds = try await sum("ROUND(SUM(total_dwell_seconds) * 1000)", "zone_dwell_stat")
            totals.zoneTransitions = try await sum("SUM(count)", "zone_transition_count")
            totals.congestionSamples = try await sum("SUM(samples)", "congestion_history")
            totals.heatmapCells = try await sum("SUM(c)", "heatmap_grid h, unnest(h.counts) AS c")
            return totals
        }
    }

    /// Retention on the hub: drops every monthly partition whose whole month ended before `cutoff`, in `tables`
    /// (nil: every record table; a partition drop is instant and leaves no dead rows). Returns the partitions
    /// dropped.
    @discardableResult
    public func dropPartitions(endingBefore cutoff: Date, of tables: [String]? = nil) async throws(StoreError) -> [String] {
        let limit = Int64(cutoff.timeIntervalSince1970)
        let tables = tables ?? HubTable.all.map(\.name) + ["heatmap_grid"]
        let dropped = try await run("dropping expired partitions") { [client, logger] in
            var names: [String] = []
            for try await (name, bound) in try await client.query("""
                SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = ANY(\(tables))
                """, logger: logger).decode((String, String).self) {
                // FOR VALUES FROM ('…') TO ('…'): the upper bound is the second number.
                let numbers = bound.split(whereSeparator: { !$0.isNumber && $0 != "-" }).compactMap { Int64($0) }
                if let upper = numbers.last, upper <= limit { names.append(name) }
            }
            for name in names.sorted() {
                try await client.query(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \(name)"), logger: logger)
            }
            return names.sorted()
        }
        partitions.forgetAll()
        if !dropped.isEmpty { logger.info("expired partitions dropped", metadata: ["partitions": "\(dropped.joined(separator: ", "))"]) }
        return dropped
    }
}
