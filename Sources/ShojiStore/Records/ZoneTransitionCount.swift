import Foundation

/// How many people moved from one zone straight to another during one bucket (use case 2).
public struct ZoneTransitionCount: Sendable, Hashable, Codable {
    /// The approved deployment that produced the count.
    public var deploymentID: String
    /// The camera whose floor plane the zones are on.
    public var cameraID: String
    /// The zone left.
    public var fromZoneID: String
    /// The zone entered next.
    public var toZoneID: String
    /// The interval counted.
    public var bucket: TimeBucket
    /// Transitions in the bucket; recording the same key again adds to it.
    public var count: Int

    /// A transition count for one pair of zones and bucket.
    public init(deploymentID: String, cameraID: String, fromZoneID: String, toZoneID: String, bucket: TimeBucket, count: Int) {
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.fromZoneID = fromZoneID
        self.toZoneID = toZoneID
        self.bucket = bucket
        self.count = count
    }
}
