import Foundation

/// A UTC time interval of fixed length whose start is a whole multiple of its length since 1970-01-01 UTC.
///
/// Aggregates are counted per bucket so that no single event time is kept. Alignment makes buckets from different
/// cameras and runs add up: the same wall-clock interval always has the same start.
public struct TimeBucket: Sendable, Hashable, Codable {
    /// First instant of the bucket (inclusive), in UTC.
    public let start: Date
    /// Length of the bucket in seconds (at least 1).
    public let seconds: Int

    /// The longest bucket stored: a day (the camera settings allow `bucket_minutes` up to 1440). Reports
    /// roll longer periods up when reading; the cap lets a window's start bound the index range it reads.
    public static let maximumSeconds = 86_400

    /// The bucket of `seconds` length that contains `date`.
    public init(containing date: Date, seconds: Int) throws(StoreError) {
        guard seconds > 0 else { throw .invalidValue("bucket length must be at least 1 second, got \(seconds)") }
        guard seconds <= Self.maximumSeconds else {
            throw .invalidValue("a bucket is at most a day (\(Self.maximumSeconds) s) long, got \(seconds); roll days up when reading")
        }
        let epoch = Int64(date.timeIntervalSince1970.rounded(.down))
        let length = Int64(seconds)
        // Floor division, so that dates before 1970 still fall into the bucket that contains them.
        let index = epoch >= 0 ? epoch / length : -((-epoch + length - 1) / length)
        self.start = Date(timeIntervalSince1970: TimeInterval(index * length))
        self.seconds = seconds
    }

    /// A bucket from a stored start; refuses a start that is not aligned to the length.
    public init(start: Date, seconds: Int) throws(StoreError) {
        let bucket = try TimeBucket(containing: start, seconds: seconds)
        guard bucket.start == start else {
            throw .invalidValue("bucket start \(start) is not aligned to \(seconds) s buckets; use TimeBucket(containing:seconds:)")
        }
        self = bucket
    }

    private enum CodingKeys: String, CodingKey { case start, seconds }

    /// Decodes and validates: a decoded bucket is aligned like a constructed one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Date.self, forKey: .start)
        let seconds = try container.decode(Int.self, forKey: .seconds)
        do {
            self = try TimeBucket(start: start, seconds: seconds)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .start, in: container, debugDescription: error.description)
        }
    }

    /// Trusted initialiser for values read back from a store (validated on the way in, or rolled up when read,
    /// which may make them longer than a day): for the stores' read sides.
    public init(storedStart: Int64, seconds: Int) {
        self.start = Date(timeIntervalSince1970: TimeInterval(storedStart))
        self.seconds = seconds
    }

    /// First instant after the bucket.
    public var end: Date { start.addingTimeInterval(TimeInterval(seconds)) }

    /// Start as whole seconds since 1970 UTC: the stored form.
    var epochSeconds: Int64 { Int64(start.timeIntervalSince1970) }
}

extension TimeBucket {
    /// The stored start and length of the hourly roll-up this bucket is added into: its hour when it divides an
    /// hour, else itself (as `AnalyticsSchema.hourStart` computes in SQL).
    var hourlyRollUp: (start: Int64, seconds: Int) {
        guard 3600 % seconds == 0 else { return (epochSeconds, seconds) }
        let start = epochSeconds
        return (start - (((start % 3600) + 3600) % 3600), 3600)
    }
}
