import Foundation

/// How many people of one estimated age band and gender a camera saw during one bucket (use case 1).
///
/// An aggregate: the face crop and estimate are discarded at once; only this count remains.
public struct AttributeCount: Sendable, Hashable, Codable {
    /// The approved deployment that produced the count.
    public var deploymentID: String
    /// The camera that saw the people.
    public var cameraID: String
    /// The interval counted.
    public var bucket: TimeBucket
    /// Estimated age band.
    public var ageBand: AgeBand
    /// Estimated gender.
    public var gender: Gender
    /// People counted; recording the same key again adds to it.
    public var count: Int

    /// A count for one camera, bucket, age band and gender.
    public init(deploymentID: String, cameraID: String, bucket: TimeBucket, ageBand: AgeBand, gender: Gender, count: Int) {
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.bucket = bucket
        self.ageBand = ageBand
        self.gender = gender
        self.count = count
    }
}

/// Ten-year age bands, open above 70, as published in attribute statistics.
public enum AgeBand: String, Sendable, Hashable, Codable, CaseIterable {
    /// 0 to 9 years.
    case age0to9 = "0-9"
    /// 10 to 19 years.
    case age10to19 = "10-19"
    /// 20 to 29 years.
    case age20to29 = "20-29"
    /// 30 to 39 years.
    case age30to39 = "30-39"
    /// 40 to 49 years.
    case age40to49 = "40-49"
    /// 50 to 59 years.
    case age50to59 = "50-59"
    /// 60 to 69 years.
    case age60to69 = "60-69"
    /// 70 years and over.
    case age70plus = "70+"
    /// The estimator gave no usable age.
    case unknown = "unknown"

    /// The band that contains an estimated age in years; negative or non-finite estimates are `unknown`.
    public init(estimatedAge years: Double) {
        guard years.isFinite, years >= 0 else { self = .unknown; return }
        let bands: [AgeBand] = [.age0to9, .age10to19, .age20to29, .age30to39, .age40to49, .age50to59, .age60to69]
        let index = Int(years / 10)
        self = index < bands.count ? bands[index] : .age70plus
    }
}

/// Estimated gender as published in attribute statistics.
public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
    /// Estimated female.
    case female
    /// Estimated male.
    case male
    /// The estimator gave no usable answer.
    case unknown
}
