import Foundation

/// How many visits a floor zone had in one bucket and how long they stayed in total (use case 2).
///
/// An aggregate: mean dwell is `totalDwellSeconds / visits`; no visit id is kept here.
public struct ZoneDwellStat: Sendable, Hashable, Codable {
    /// The approved deployment that produced the statistic.
    public var deploymentID: String
    /// The camera whose floor plane the zone is on.
    public var cameraID: String
    /// The zone, as named in the manifest.
    public var zoneID: String
    /// The interval counted (by the time a visit left the zone).
    public var bucket: TimeBucket
    /// Number of visits to the zone; recording the same key again adds to it.
    public var visits: Int
    /// Sum of the dwell times of those visits, in seconds; recording the same key again adds to it.
    public var totalDwellSeconds: Double

    /// A dwell statistic for one zone and bucket.
    public init(deploymentID: String, cameraID: String, zoneID: String, bucket: TimeBucket, visits: Int, totalDwellSeconds: Double) {
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.zoneID = zoneID
        self.bucket = bucket
        self.visits = visits
        self.totalDwellSeconds = totalDwellSeconds
    }
}
