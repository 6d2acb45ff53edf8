import Foundation
import Hummingbird
import ShojiStore

/// The statistics window of a request: `since` and `until` (ISO 8601 times or days, `until` exclusive) and
/// `bucket_minutes` to roll buckets up. Without `since`, the last 30 days.
struct StatisticsQuery: Sendable {
    let reportQuery: ReportQuery

    /// Reads the query parameters; 400 with what is wrong.
    init(_ parameters: Parameters, deploymentID: String, now: Date = Date()) throws {
        let since = try Self.instant(parameters["since"].map(String.init), name: "since") ?? now.addingTimeInterval(-30 * 86_400)
        let until = try Self.instant(parameters["until"].map(String.init), name: "until")
        if let until, until <= since { throw HTTPError(.badRequest, message: "until must come after since") }
        var bucketSeconds: Int?
        if let text = parameters["bucket_minutes"] {
            guard let minutes = Int(text), (1...525_600).contains(minutes) else {
                throw HTTPError(.badRequest, message: "bucket_minutes must be a whole number from 1 to 525600")
            }
            bucketSeconds = minutes * 60
        }
        reportQuery = ReportQuery(since: since, until: until, deploymentID: deploymentID, bucketSeconds: bucketSeconds)
    }

    /// An ISO 8601 time (2026-11-23T09:00:00Z) or a day (2026-11-23, midnight UTC).
    static func instant(_ text: String?, name: String) throws -> Date? {
        guard let text else { return nil }
        if let time = ISO8601DateFormatter().date(from: text) { return time }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        if let date = day.date(from: text) { return date }
        throw HTTPError(.badRequest, message: "\(name) must be an ISO 8601 time (2026-11-23T09:00:00Z) or a day (2026-11-23)")
    }
}
