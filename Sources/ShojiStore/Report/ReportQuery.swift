import Foundation

/// Which stored aggregates a report reads: a time window, optional deployment and camera, optional roll-up.
///
/// A bucket is included when it overlaps `[since, until)`. With `bucketSeconds`, stored buckets are added into
/// buckets of that length (hourly totals from 5-minute counts); a stored bucket whose length does not divide it
/// is kept as it is, never split.
public struct ReportQuery: Sendable, Hashable, Codable {
    /// Start of the window.
    public var since: Date
    /// End of the window (exclusive); `nil` for no end.
    public var until: Date?
    /// Only this deployment; `nil` for all.
    public var deploymentID: String?
    /// Only this camera (ignored by area-based congestion queries); `nil` for all.
    public var cameraID: String?
    /// Roll stored buckets up into buckets of this many seconds; `nil` keeps the stored buckets.
    public var bucketSeconds: Int?

    /// A query; only `since` is required.
    public init(since: Date, until: Date? = nil, deploymentID: String? = nil, cameraID: String? = nil, bucketSeconds: Int? = nil) {
        self.since = since
        self.until = until
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.bucketSeconds = bucketSeconds
    }

    /// Whether the query rolls up to whole hours, so the hourly roll-up tables answer it.
    var rollsUpToHours: Bool { bucketSeconds.map { $0 > 0 && $0 % 3600 == 0 } ?? false }
}
