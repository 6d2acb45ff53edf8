import Foundation

/// Records to store together in one transaction: all of them are stored, or none.
///
/// Analyzers hand the store one batch per flush interval; a batch that fails (disk full, unknown deployment,
/// duplicate visit) leaves the database as it was.
public struct AnalyticsBatch: Sendable, Hashable, Codable {
    /// Line crossing counts, added to stored counts.
    public var lineCrossings: [LineCrossingCount]
    /// Attribute counts, added to stored counts.
    public var attributes: [AttributeCount]
    /// Zone dwell statistics, added to stored statistics.
    public var zoneDwell: [ZoneDwellStat]
    /// Zone transition counts, added to stored counts.
    public var zoneTransitions: [ZoneTransitionCount]
    /// Finished visits' trajectories; each visit id must be new.
    public var trajectories: [FlowTrajectory]
    /// Heatmap grids, added cell by cell to stored grids.
    public var heatmaps: [HeatmapGrid]
    /// Congestion snapshots, replacing the area's previous one unless that one is newer.
    public var congestion: [CongestionSnapshot]

    /// A batch; every list defaults to empty.
    public init(
        lineCrossings: [LineCrossingCount] = [], attributes: [AttributeCount] = [], zoneDwell: [ZoneDwellStat] = [],
        zoneTransitions: [ZoneTransitionCount] = [], trajectories: [FlowTrajectory] = [], heatmaps: [HeatmapGrid] = [],
        congestion: [CongestionSnapshot] = []
    ) {
        self.lineCrossings = lineCrossings
        self.attributes = attributes
        self.zoneDwell = zoneDwell
        self.zoneTransitions = zoneTransitions
        self.trajectories = trajectories
        self.heatmaps = heatmaps
        self.congestion = congestion
    }

    /// The number of records (rows) in the batch.
    public var recordCount: Int {
        lineCrossings.count + attributes.count + zoneDwell.count + zoneTransitions.count + trajectories.count
            + heatmaps.count + congestion.count
    }

    /// True when there is nothing to store.
    public var isEmpty: Bool {
        lineCrossings.isEmpty && attributes.isEmpty && zoneDwell.isEmpty && zoneTransitions.isEmpty
            && trajectories.isEmpty && heatmaps.isEmpty && congestion.isEmpty
    }
}
