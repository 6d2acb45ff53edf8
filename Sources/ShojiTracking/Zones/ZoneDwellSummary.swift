/// Completed dwells in one zone, aggregated without track ids.
public struct ZoneDwellSummary: Hashable, Sendable, Codable {
    /// The zone's id.
    public var zoneID: String
    /// Number of completed dwells.
    public var visits: Int
    /// Sum of their durations in seconds.
    public var totalSeconds: Double
    /// Longest single dwell in seconds.
    public var longestSeconds: Double

    /// Mean dwell in seconds, 0 when there were none.
    public var meanSeconds: Double { visits > 0 ? totalSeconds / Double(visits) : 0 }

    /// Creates a summary.
    public init(zoneID: String, visits: Int = 0, totalSeconds: Double = 0, longestSeconds: Double = 0) {
        self.zoneID = zoneID
        self.visits = visits
        self.totalSeconds = totalSeconds
        self.longestSeconds = longestSeconds
    }
}
