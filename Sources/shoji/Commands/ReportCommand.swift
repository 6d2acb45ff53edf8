import ArgumentParser
import Foundation
import ShojiStore

/// `shoji report`: the stored statistics (aggregates only) as a table, CSV or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the stored statistics: line crossings, attributes, zone dwell and transitions, repeat visits, congestion.",
        discussion: """
            Reads the database read-only. --since takes a day (2026-11-23), a time (2026-11-23T09:00:00Z) or an \
            age (90m, 24h, 7d); without it everything is reported. Per-visit trajectories are not printed: \
            they are counted only. Repeat visits are reported from their aggregates (visits, first visits, \
            returns, repeat rate, mean return interval): no visitor id is read.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Option(help: "The analytics database (SQLite).")
    var database: String = "shoji.sqlite"

    @Option(help: "Only buckets from this time on: a day, an ISO 8601 time, or an age such as 24h or 7d.")
    var since: String?

    @Option(name: .customLong("bucket-minutes"), help: "Add stored buckets up into buckets of this many minutes.")
    var bucketMinutes: Int?

    @Option(help: "Only this camera.")
    var camera: String?

    @Option(help: "The tenant whose records are reported (default: each tenant in the database in turn; JSON needs one).")
    var tenant: String?

    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    func validate() throws {
        if let since, Self.parseSince(since, now: Date()) == nil {
            throw ValidationError("--since must be a day (2026-11-23), an ISO 8601 time or an age (90m, 24h, 7d)")
        }
        if let bucketMinutes, bucketMinutes < 1 { throw ValidationError("--bucket-minutes must be at least 1") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("\(database): no database; run 'shoji run MANIFEST --database \(database)' first").report()
        }
        let query = ReportQuery(since: since.flatMap { Self.parseSince($0, now: Date()) } ?? Date(timeIntervalSince1970: 0),
                                cameraID: camera, bucketSeconds: bucketMinutes.map { $0 * 60 })
        let (path, tenant, format) = (database, tenant, format)
        let reports = try failingWithOneLine {
            try runBlocking { () async throws -> [(String, RecordSummary)] in
                let store = try AnalyticsStore(path: path, options: .init(readOnly: true))
                var reports: [(String, RecordSummary)] = []
                for tenant in try await Self.tenants(tenant, in: store, path: path, oneOnly: format == .json) {
                    reports.append((tenant, try await store.records(of: tenant).summary(query)))
                }
                return reports
            }
        }
        for (tenant, report) in reports {
            if reports.count > 1 { print("tenant: \(tenant)") }
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            case .csv:
                print(report.tables.map { $0.csv() }.joined(separator: "\n"), terminator: "")
            case .table:
                print(report.tables.map { $0.text() }.joined(separator: "\n"), terminator: "")
                print("trajectories (visits): \(report.trajectories)")
            }
        }
    }

    /// The tenant asked for, else every tenant in the database (each reported through its own records); JSON
    /// takes one tenant, so with several an error names them.
    static func tenants(_ asked: String?, in store: AnalyticsStore, path: String, oneOnly: Bool) async throws -> [String] {
        let tenants = try await store.tenants()
        if let asked {
            guard tenants.contains(asked) else {
                throw CommandFailure("\(path) holds no records of tenant \(asked); it holds: \(tenants.joined(separator: ", "))")
            }
            return [asked]
        }
        if oneOnly, tenants.count > 1 {
            throw CommandFailure("\(path) holds several tenants (\(tenants.joined(separator: ", "))); choose one with --tenant")
        }
        return tenants.isEmpty ? [""] : tenants
    }

    /// A day, an ISO 8601 time or an age like 90m / 24h / 7d before `now`.
    static func parseSince(_ text: String, now: Date) -> Date? {
        if let unit = text.last, let amount = Double(text.dropLast()), amount >= 0 {
            let seconds: Double? = switch unit {
            case "m": amount * 60
            case "h": amount * 3600
            case "d": amount * 86400
            default: nil
            }
            if let seconds { return now.addingTimeInterval(-seconds) }
        }
        let time = ISO8601DateFormatter()
        if let date = time.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}

/// What `shoji report` prints as tables.
extension RecordSummary {
    /// One table per kind of record, in a fixed order.
    var tables: [Table] {
        let time = ISO8601DateFormatter()
        func t(_ date: Date) -> String { time.string(from: date) }
        return [
            Table(title: "line crossings", header: ["deployment", "camera", "line", "direction", "bucket_start", "bucket_seconds", "count"],
                  rows: lineCrossings.map { [$0.deploymentID, $0.cameraID, $0.lineID, $0.direction.rawValue, t($0.bucketStart), "\($0.bucketSeconds)", "\($0.count)"] }),
            Table(title: "attributes", header: ["deployment", "camera", "bucket_start", "bucket_seconds", "age_band", "gender", "count"],
                  rows: attributes.map { [$0.deploymentID, $0.cameraID, t($0.bucketStart), "\($0.bucketSeconds)", $0.ageBand.rawValue, $0.gender.rawValue, "\($0.count)"] }),
            Table(title: "zone dwell", header: ["deployment", "camera", "zone", "bucket_start", "bucket_seconds", "visits", "mean_dwell_seconds"],
                  rows: zoneDwell.map { [$0.deploymentID, $0.cameraID, $0.zoneID, t($0.bucketStart), "\($0.bucketSeconds)", "\($0.visits)", String(format: "%.1f", $0.meanDwellSeconds)] }),
            Table(title: "zone transitions", header: ["deployment", "camera", "from", "to", "bucket_start", "bucket_seconds", "count"],
                  rows: zoneTransitions.map { [$0.deploymentID, $0.cameraID, $0.fromZoneID, $0.toZoneID, t($0.bucketStart), "\($0.bucketSeconds)", "\($0.count)"] }),
            Table(title: "repeat visits", header: ["deployment", "camera", "bucket_start", "bucket_seconds", "visits", "first_visits",
                                                   "returning_visits", "repeat_rate", "mean_return_days"],
                  rows: repeatVisits.map {
                      [$0.deploymentID, $0.cameraID, t($0.bucketStart), "\($0.bucketSeconds)", "\($0.visits)", "\($0.newVisitors)",
                       "\($0.returningVisits)", $0.repeatRate.map { String(format: "%.3f", $0) } ?? "",
                       $0.meanReturnIntervalSeconds.map { String(format: "%.2f", $0 / 86_400) } ?? ""]
                  }),
            Table(title: "congestion (latest)", header: ["deployment", "area", "taken_at", "people", "level"],
                  rows: congestion.map { [$0.deploymentID, $0.areaID, t($0.takenAt), "\($0.personCount)", $0.level.name] }),
        ]
    }
}

/// A titled table printed as aligned text or as CSV (the title becomes a leading `kind` column).
struct Table {
    var title: String
    var header: [String]
    var rows: [[String]]

    func text() -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = "\(title): \(rows.isEmpty ? "none" : "\(rows.count) rows")\n"
        if !rows.isEmpty {
            out += "  " + line(header) + "\n"
            for row in rows { out += "  " + line(row) + "\n" }
        }
        return out
    }

    func csv() -> String {
        func escape(_ cell: String) -> String {
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        let kind = title.replacingOccurrences(of: " (latest)", with: "").replacingOccurrences(of: " ", with: "_")
        var out = (["kind"] + header).joined(separator: ",") + "\n"
        for row in rows { out += ([kind] + row).map(escape).joined(separator: ",") + "\n" }
        return out
    }
}
