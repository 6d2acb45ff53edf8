import Foundation

/// The read side of one tenant's stored records, whatever the store: the edge's SQLite (``TenantRecords``) and the
/// hub's PostgreSQL over all its sites. The console, the API and `shoji report` read through this, so that a
/// server shows a hub's records as it shows its own. Every implementation answers for its ``tenant`` only.
public protocol TenantRecordsReading: Sendable {
    /// The tenant (controller) whose records are read.
    var tenant: String { get }
    /// Line crossings per deployment, camera, line, direction and bucket, oldest bucket first.
    func lineCrossingTotals(_ query: ReportQuery) async throws(StoreError) -> [LineCrossingTotal]
    /// People per deployment, camera, bucket, age band and gender, oldest bucket first.
    func attributeTotals(_ query: ReportQuery) async throws(StoreError) -> [AttributeTotal]
    /// Visits and dwell per deployment, camera, zone and bucket, oldest bucket first.
    func zoneDwellTotals(_ query: ReportQuery) async throws(StoreError) -> [ZoneDwellTotal]
    /// Zone-to-zone moves per deployment, camera, pair of zones and bucket, oldest bucket first.
    func zoneTransitionTotals(_ query: ReportQuery) async throws(StoreError) -> [ZoneTransitionTotal]
    /// The latest snapshot of every area (of one deployment, or all), by deployment and area.
    func latestCongestion(deploymentID: String?) async throws(StoreError) -> [CongestionSnapshot]
    /// Congestion per deployment, area and bucket, oldest bucket first.
    func congestionHistory(_ query: ReportQuery) async throws(StoreError) -> [CongestionHistoryRow]
    /// Heatmaps per deployment, camera and bucket, cells added over rolled-up buckets, oldest first.
    func heatmapTotals(_ query: ReportQuery) async throws(StoreError) -> [HeatmapGrid]
    /// Visits per bucket of use case 3 (none at a hub: repeat visits stay on the edge node).
    func repeatVisitTotals(_ query: ReportQuery) async throws(StoreError) -> [RepeatVisitTotal]
    /// Visits whose trajectories overlap the window (none at a hub: trajectories stay on the edge node).
    func trajectoryCount(_ query: ReportQuery) async throws(StoreError) -> Int
    /// Every recorded approval of the tenant's deployments, by deployment then approval time.
    func deployments() async throws(StoreError) -> [DeploymentRecord]
}

extension TenantRecordsReading {
    /// The summary of the records in `query`'s window.
    public func summary(_ query: ReportQuery) async throws(StoreError) -> RecordSummary {
        RecordSummary(
            lineCrossings: try await lineCrossingTotals(query), attributes: try await attributeTotals(query),
            zoneDwell: try await zoneDwellTotals(query), zoneTransitions: try await zoneTransitionTotals(query),
            repeatVisits: try await repeatVisitTotals(query), congestion: try await latestCongestion(deploymentID: query.deploymentID),
            trajectories: try await trajectoryCount(query))
    }
}

extension TenantRecords: TenantRecordsReading {}
