import Foundation
import NIOConcurrencyHelpers

/// A calendar month (UTC) of bucket starts: the unit the hub's tables are partitioned by and retention drops.
struct PartitionMonth: Sendable, Hashable, Comparable {
    let year: Int
    let month: Int

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()

    /// The month holding `seconds` since 1970 UTC.
    init(containing seconds: Int64) {
        let parts = Self.calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        year = parts.year ?? 1970
        month = parts.month ?? 1
    }

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Its first second and the next month's, since 1970 UTC.
    var bounds: (from: Int64, to: Int64) {
        let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: 1)) ?? Date(timeIntervalSince1970: 0)
        let end = Self.calendar.date(byAdding: .month, value: 1, to: start) ?? start
        return (Int64(start.timeIntervalSince1970), Int64(end.timeIntervalSince1970))
    }

    /// `table_y2026m12`.
    func partitionName(of table: String) -> String {
        "\(table)_y\(year)m\(month < 10 ? "0" : "")\(month)"
    }

    func createStatement(for table: String) -> String {
        "CREATE TABLE IF NOT EXISTS \(partitionName(of: table)) PARTITION OF \(table) FOR VALUES FROM (\(bounds.from)) TO (\(bounds.to))"
    }

    static func < (lhs: PartitionMonth, rhs: PartitionMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

/// The partitions this hub process knows exist, so that an ingest asks PostgreSQL only for new months.
final class PartitionCatalog: Sendable {
    private let known = NIOLockedValueBox<Set<PartitionMonth>>([])

    func missing(_ months: Set<PartitionMonth>) -> Set<PartitionMonth> {
        known.withLockedValue { months.subtracting($0) }
    }

    func insert(_ months: Set<PartitionMonth>) {
        known.withLockedValue { $0.formUnion(months) }
    }

    /// After partitions were dropped: ask PostgreSQL again next time.
    func forgetAll() {
        known.withLockedValue { $0.removeAll() }
    }
}
