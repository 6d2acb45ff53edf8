import Foundation

/// Every kind of aggregate a tenant's records hold over one window: what `shoji report` prints and the API's
/// statistics answer. Aggregates only: trajectories are counted, never read.
public struct RecordSummary: Codable, Sendable {
    /// Crossings per line, direction and bucket.
    public var lineCrossings: [LineCrossingTotal]
    /// People per age band, gender and bucket.
    public var attributes: [AttributeTotal]
    /// Visits and dwell per zone and bucket.
    public var zoneDwell: [ZoneDwellTotal]
    /// Moves between zones per bucket.
    public var zoneTransitions: [ZoneTransitionTotal]
    /// Visits, first visits and returns per bucket.
    public var repeatVisits: [RepeatVisitTotal]
    /// The latest congestion snapshot of every area (whatever the window).
    public var congestion: [CongestionSnapshot]
    /// Visits whose trajectories overlap the window.
    public var trajectories: Int

    /// A summary of these rows.
    public init(lineCrossings: [LineCrossingTotal], attributes: [AttributeTotal], zoneDwell: [ZoneDwellTotal],
                zoneTransitions: [ZoneTransitionTotal], repeatVisits: [RepeatVisitTotal], congestion: [CongestionSnapshot],
                trajectories: Int) {
        self.lineCrossings = lineCrossings
        self.attributes = attributes
        self.zoneDwell = zoneDwell
        self.zoneTransitions = zoneTransitions
        self.repeatVisits = repeatVisits
        self.congestion = congestion
        self.trajectories = trajectories
    }
}
