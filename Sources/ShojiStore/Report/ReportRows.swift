import Foundation

// Flat rows, one per table line, so that `shoji report` can print them as a table, CSV or JSON without knowing
// the schema. Bucket starts are UTC instants; the command chooses how to print them.

/// Line crossings of one line and direction in one (possibly rolled-up) bucket.
public struct LineCrossingTotal: Sendable, Hashable, Codable {
    /// Deployment that counted.
    public var deploymentID: String
    /// Camera the line is on.
    public var cameraID: String
    /// The line.
    public var lineID: String
    /// Direction crossed.
    public var direction: CrossingDirection
    /// Start of the bucket (UTC).
    public var bucketStart: Date
    /// Length of the bucket in seconds.
    public var bucketSeconds: Int
    /// Crossings.
    public var count: Int
}

/// People of one age band and gender seen by one camera in one bucket.
public struct AttributeTotal: Sendable, Hashable, Codable {
    /// Deployment that counted.
    public var deploymentID: String
    /// Camera that saw them.
    public var cameraID: String
    /// Start of the bucket (UTC).
    public var bucketStart: Date
    /// Length of the bucket in seconds.
    public var bucketSeconds: Int
    /// Estimated age band.
    public var ageBand: AgeBand
    /// Estimated gender.
    public var gender: Gender
    /// People counted.
    public var count: Int
}

/// Visits to one zone and their dwell time in one bucket.
public struct ZoneDwellTotal: Sendable, Hashable, Codable {
    /// Deployment that counted.
    public var deploymentID: String
    /// Camera whose floor the zone is on.
    public var cameraID: String
    /// The zone.
    public var zoneID: String
    /// Start of the bucket (UTC).
    public var bucketStart: Date
    /// Length of the bucket in seconds.
    public var bucketSeconds: Int
    /// Visits.
    public var visits: Int
    /// Sum of dwell times in seconds.
    public var totalDwellSeconds: Double
    /// Mean dwell time in seconds; 0 when there were no visits.
    public var meanDwellSeconds: Double
}

/// Moves from one zone to another in one bucket.
public struct ZoneTransitionTotal: Sendable, Hashable, Codable {
    /// Deployment that counted.
    public var deploymentID: String
    /// Camera whose floor the zones are on.
    public var cameraID: String
    /// Zone left.
    public var fromZoneID: String
    /// Zone entered.
    public var toZoneID: String
    /// Start of the bucket (UTC).
    public var bucketStart: Date
    /// Length of the bucket in seconds.
    public var bucketSeconds: Int
    /// Transitions.
    public var count: Int
}

/// Congestion of one area over one bucket: how many snapshots, their mean and peak.
public struct CongestionHistoryRow: Sendable, Hashable, Codable {
    /// Deployment that measured.
    public var deploymentID: String
    /// The area.
    public var areaID: String
    /// Start of the bucket (UTC).
    public var bucketStart: Date
    /// Length of the bucket in seconds.
    public var bucketSeconds: Int
    /// Snapshots folded into the bucket.
    public var samples: Int
    /// Mean people count over the snapshots.
    public var meanPersonCount: Double
    /// Highest people count.
    public var maxPersonCount: Int
    /// Highest level reached.
    public var maxLevel: CongestionLevel
}

/// Repeat-visit statistics of one camera in one (possibly rolled-up) bucket (use case 3): aggregates only.
public struct RepeatVisitTotal: Sendable, Hashable, Codable {
    /// Deployment that counted.
    public var deploymentID: String
    /// Camera that saw the visits.
    public var cameraID: String
    /// Start of the bucket (UTC).
    public var bucketStart: Date
    /// Length of the bucket in seconds.
    public var bucketSeconds: Int
    /// Visits.
    public var visits: Int
    /// First visits.
    public var newVisitors: Int
    /// Visits by someone seen before.
    public var returningVisits: Int
    /// Mean time since the previous visit over the returning visits, in seconds (nil when none returned).
    public var meanReturnIntervalSeconds: Double?

    /// Returning visits per visit (nil without visits).
    public var repeatRate: Double? { visits > 0 ? Double(returningVisits) / Double(visits) : nil }
}
