import Foundation

/// How many people crossed a counting line in one direction during one bucket (use case 4).
///
/// An aggregate: it names places and times, never a person or a track.
public struct LineCrossingCount: Sendable, Hashable, Codable {
    /// The approved deployment that produced the count.
    public var deploymentID: String
    /// The camera the line is drawn on.
    public var cameraID: String
    /// The counting line, as named in the manifest.
    public var lineID: String
    /// Which way people crossed.
    public var direction: CrossingDirection
    /// The interval counted.
    public var bucket: TimeBucket
    /// Crossings in the bucket; recording the same key again adds to it.
    public var count: Int

    /// A count for one line, direction and bucket.
    public init(deploymentID: String, cameraID: String, lineID: String, direction: CrossingDirection, bucket: TimeBucket, count: Int) {
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.lineID = lineID
        self.direction = direction
        self.bucket = bucket
        self.count = count
    }
}

/// The direction of a line crossing: entrance lines use in/out, other lines the side they were crossed from.
public enum CrossingDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// Into the counted place.
    case `in` = "in"
    /// Out of the counted place.
    case out = "out"
    /// From side A of the line to side B.
    case aToB = "a_to_b"
    /// From side B of the line to side A.
    case bToA = "b_to_a"
}
