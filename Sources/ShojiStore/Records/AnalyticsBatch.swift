import Foundation

/// Records to store together in one transaction: all of them are stored, or none.
///
/// Analyzers hand the store one batch per flush interval; a batch that fails (disk full, unknown deployment,
/// duplicate visit) leaves the database as it was.
public struct AnalyticsBatch: Sendable, Hashable, Codable {
    /// The batch's id when it comes from an edge node (the hub applies each id once); nil for a store's own
    /// batches, which take the store's node id and next sequence number when stored.
    public var id: BatchID?
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

    /// The deployments its records name.
    public var deploymentIDs: Set<String> {
        var ids = Set(lineCrossings.map(\.deploymentID))
        ids.formUnion(attributes.map(\.deploymentID))
        ids.formUnion(zoneDwell.map(\.deploymentID))
        ids.formUnion(zoneTransitions.map(\.deploymentID))
        ids.formUnion(trajectories.map(\.deploymentID))
        ids.formUnion(heatmaps.map(\.deploymentID))
        ids.formUnion(congestion.map(\.deploymentID))
        return ids
    }

    /// Only the records of kinds that may leave the node for a hub (``RecordKind/isShareable``): aggregates. Per-visit
    /// trajectories stay on the edge node. The batch holds no image, crop or vector to begin with: none of its
    /// types can carry one.
    public var shareable: AnalyticsBatch {
        AnalyticsBatch(lineCrossings: lineCrossings, attributes: attributes, zoneDwell: zoneDwell, zoneTransitions: zoneTransitions,
                       heatmaps: heatmaps, congestion: congestion)
    }

    /// Checks every value's range before a store touches anything (what ``AnalyticsStore/record(_:tenant:)``
    /// checks first): for stores in other modules.
    public func validate() throws(StoreError) {
        try Validate.batch(self)
    }

    /// True when there is nothing to store.
    public var isEmpty: Bool {
        lineCrossings.isEmpty && attributes.isEmpty && zoneDwell.isEmpty && zoneTransitions.isEmpty
            && trajectories.isEmpty && heatmaps.isEmpty && congestion.isEmpty
    }
}
