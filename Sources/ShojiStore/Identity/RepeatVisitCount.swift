import Foundation

/// Visits per bucket (use case 3 statistics): how many, how many were first visits and how many were returns.
/// An aggregate: no visitor id.
public struct RepeatVisitCount: Sendable, Hashable, Codable {
    /// The deployment that counted them.
    public let deploymentID: String
    /// The camera.
    public let cameraID: String
    /// The time bucket.
    public let bucket: TimeBucket
    /// Visits seen.
    public let visits: Int
    /// Visits by someone not seen before.
    public let newVisitors: Int
    /// Visits by someone seen before (within the retention window).
    public let returningVisits: Int
    /// The sum, over the returning visits, of the time since that visitor's previous visit (seconds): divided by
    /// `returningVisits`, the mean return interval.
    public let returnIntervalSeconds: Double

    /// A count; new and returning visits each at most `visits`.
    public init(deploymentID: String, cameraID: String, bucket: TimeBucket, visits: Int, newVisitors: Int, returningVisits: Int,
                returnIntervalSeconds: Double) {
        self.returnIntervalSeconds = returnIntervalSeconds
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.bucket = bucket
        self.visits = visits
        self.newVisitors = newVisitors
        self.returningVisits = returningVisits
    }
}
