import Foundation
import GRDB

/// Every shareable record of a tenant summed up, kind by kind: what an edge node and the hub it reports to must
/// agree on exactly once delivery is complete (nothing lost, nothing counted twice).
public struct RecordTotals: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Sum of line crossing counts.
    public var lineCrossings: Int64 = 0
    /// Sum of attribute counts.
    public var attributes: Int64 = 0
    /// Sum of zone visits.
    public var zoneVisits: Int64 = 0
    /// Sum of dwell, in whole milliseconds (so that sums added in another order compare equal).
    public var zoneDwellMilliseconds: Int64 = 0
    /// Sum of zone transition counts.
    public var zoneTransitions: Int64 = 0
    /// Sum of every heatmap cell.
    public var heatmapCells: Int64 = 0
    /// Congestion snapshots folded into the history.
    public var congestionSamples: Int64 = 0

    /// Totals of nothing.
    public init() {}

    public var description: String {
        "crossings \(lineCrossings), attributes \(attributes), zone visits \(zoneVisits) (\(zoneDwellMilliseconds) ms), "
            + "transitions \(zoneTransitions), heatmap cells \(heatmapCells), congestion samples \(congestionSamples)"
    }
}

/// A store that sums up a tenant's records: the edge's SQLite store and the hub's PostgreSQL store.
public protocol RecordTotalsReading: Sendable {
    /// The totals of `tenant`'s records.
    func totals(of tenant: String) async throws(StoreError) -> RecordTotals
}

extension AnalyticsStore: RecordTotalsReading {
    public func totals(of tenant: String) async throws(StoreError) -> RecordTotals {
        try await read { db in
            func sum(_ expression: String, _ table: String) throws -> Int64 {
                try Int64.fetchOne(db, sql: """
                    SELECT COALESCE(\(expression), 0) FROM \(table) t JOIN deployment d ON d.deployment_id = t.deployment_id WHERE d.tenant_id = ?
                    """, arguments: [tenant]) ?? 0
            }
            var totals = RecordTotals()
            totals.lineCrossings = try sum("SUM(t.count)", "line_crossing_count")
            totals.attributes = try sum("SUM(t.count)", "attribute_count")
            totals.zoneVisits = try sum("SUM(t.visit_count)", "zone_dwell_stat")
            totals.zoneDwellMilliseconds = try sum("CAST(ROUND(SUM(t.total_dwell_seconds) * 1000) AS INTEGER)", "zone_dwell_stat")
            totals.zoneTransitions = try sum("SUM(t.count)", "zone_transition_count")
            totals.congestionSamples = try sum("SUM(t.samples)", "congestion_history")
            for row in try Row.fetchAll(db, sql: """
                SELECT t.counts, t.columns * t.rows AS cells FROM heatmap_grid t JOIN deployment d ON d.deployment_id = t.deployment_id
                WHERE d.tenant_id = ?
                """, arguments: [tenant]) {
                totals.heatmapCells += try HeatmapGrid.decode(row["counts"], cells: row["cells"]).reduce(0) { $0 + Int64($1) }
            }
            return totals
        }
    }
}
