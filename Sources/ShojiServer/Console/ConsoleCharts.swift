import Foundation
import ShojiPolicy
import ShojiRender
import ShojiStore

/// The console's charts of one deployment, drawn on the server from its aggregates (never from a per-person row).
enum ConsoleChart: String, CaseIterable, Sendable {
    /// Line crossings per line, direction and hour.
    case crossings
    /// People by age band and gender.
    case attributes
    /// Mean dwell per zone.
    case dwell
    /// Where people were, summed over the window.
    case heatmap
    /// Share of returning visits per day.
    case repeatRate = "repeat"

    /// The chart's title.
    func title(_ language: ConsoleLanguage) -> String {
        switch self {
        case .crossings: language.pick("通過人数(ライン・時間帯別)", "Line crossings per hour")
        case .attributes: language.pick("属性(年代・性別、直近24時間)", "People by age band and gender, last 24 hours")
        case .dwell: language.pick("ゾーン別の平均滞在時間(直近24時間)", "Mean dwell per zone, last 24 hours")
        case .heatmap: language.pick("ヒートマップ(直近24時間)", "Heatmap, last 24 hours")
        case .repeatRate: language.pick("再来店率(日別)", "Repeat-visit rate per day")
        }
    }

    /// The use case whose records the chart draws: a deployment's overview shows the charts of its use cases.
    var useCase: UseCase {
        switch self {
        case .crossings: .counting
        case .attributes: .attributes
        case .dwell, .heatmap: .flow
        case .repeatRate: .repeatVisit
        }
    }

    /// How far back the chart reads, and the buckets it rolls up to: the last 24 hours (by hour for crossings),
    /// a month of days for the repeat rate. Reading only what is drawn keeps a chart as fast over a year of
    /// records as over a day.
    func window(now: Date) -> (since: Date, bucketSeconds: Int) {
        switch self {
        case .crossings: (now.addingTimeInterval(-24 * 3600), 3600)
        case .attributes, .dwell, .heatmap: (now.addingTimeInterval(-24 * 3600), 86_400)
        case .repeatRate: (now.addingTimeInterval(-31 * 86_400), 86_400)
        }
    }

    /// The SVG drawing from `statistics` (and `heatmaps` for the heatmap), times in `zone`.
    func render(_ statistics: RecordSummary, heatmaps: [HeatmapGrid], zone: TimeZone, language: ConsoleLanguage) -> String {
        let lang = language.rawValue
        switch self {
        case .crossings:
            let hour = Self.formatter("MM-dd HH:00", zone: zone)
            let hours = Self.labels(statistics.lineCrossings.map(\.bucketStart), formatter: hour, keepLast: 24)
            var series: [String: [Double]] = [:]
            for row in statistics.lineCrossings {
                let label = hour.string(from: row.bucketStart)
                guard let index = hours.firstIndex(of: label) else { continue }
                series["\(row.lineID) \(row.direction.rawValue)", default: Array(repeating: 0, count: hours.count)][index] += Double(row.count)
            }
            return BarChart(title: title(language), categories: hours, series: Self.coloured(series), unit: language.pick("人", "people"),
                            language: lang).render()
        case .attributes:
            let bands = AgeBand.allCases.map(\.rawValue)
            var series: [String: [Double]] = [:]
            for row in statistics.attributes {
                guard let index = bands.firstIndex(of: row.ageBand.rawValue) else { continue }
                series[row.gender.rawValue, default: Array(repeating: 0, count: bands.count)][index] += Double(row.count)
            }
            return BarChart(title: title(language), categories: bands, series: Self.coloured(series), unit: language.pick("人", "people"),
                            language: lang).render()
        case .dwell:
            var visits: [String: (Int, Double)] = [:]
            for row in statistics.zoneDwell {
                visits[row.zoneID, default: (0, 0)].0 += row.visits
                visits[row.zoneID, default: (0, 0)].1 += row.totalDwellSeconds
            }
            let zones = visits.keys.sorted()
            let means = zones.map { zone in visits[zone].map { $0.0 > 0 ? $0.1 / Double($0.0) : 0 } ?? 0 }
            return BarChart(title: title(language), categories: zones,
                            series: zones.isEmpty ? [] : [.init(name: language.pick("平均滞在(秒)", "mean dwell (s)"), colour: BarChart.palette[0], values: means)],
                            unit: language.pick("秒", "s"), language: lang).render()
        case .heatmap:
            guard let first = heatmaps.first else {
                return HeatmapChart(title: title(language), columns: 0, rows: 0, counts: [], language: lang).render()
            }
            var counts = Array(repeating: UInt32(0), count: first.counts.count)
            for grid in heatmaps where grid.cameraID == first.cameraID && grid.columns == first.columns && grid.rows == first.rows
                && grid.cellSize == first.cellSize {
                for (index, value) in grid.counts.enumerated() {
                    let (sum, overflow) = counts[index].addingReportingOverflow(value)
                    counts[index] = overflow ? .max : sum
                }
            }
            return HeatmapChart(title: "\(title(language)) — \(first.cameraID)", columns: first.columns, rows: first.rows, counts: counts,
                                language: lang).render()
        case .repeatRate:
            let day = Self.formatter("yyyy-MM-dd", zone: zone)
            let days = Self.labels(statistics.repeatVisits.map(\.bucketStart), formatter: day, keepLast: 31)
            var visits = Array(repeating: 0.0, count: days.count), returning = visits
            for row in statistics.repeatVisits {
                guard let index = days.firstIndex(of: day.string(from: row.bucketStart)) else { continue }
                visits[index] += Double(row.visits)
                returning[index] += Double(row.returningVisits)
            }
            let rates = zip(visits, returning).map { $0 > 0 ? 100 * $1 / $0 : 0 }
            return BarChart(title: title(language), categories: days,
                            series: days.isEmpty ? [] : [.init(name: language.pick("再来店の割合(%)", "returning visits (%)"), colour: BarChart.palette[2], values: rates)],
                            unit: "%", language: lang).render()
        }
    }

    private static func coloured(_ series: [String: [Double]]) -> [BarChart.Series] {
        series.keys.sorted().enumerated().map { index, name in
            BarChart.Series(name: name, colour: BarChart.palette[index % BarChart.palette.count], values: series[name] ?? [])
        }
    }

    /// Distinct labels of `times` in order, the last `keepLast` of them.
    private static func labels(_ times: [Date], formatter: DateFormatter, keepLast: Int) -> [String] {
        var seen: [String] = []
        for time in Set(times).sorted() {
            let label = formatter.string(from: time)
            if seen.last != label { seen.append(label) }
        }
        return Array(seen.suffix(keepLast))
    }

    /// One formatter per chart: making one per label costs more than the query.
    private static func formatter(_ format: String, zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter
    }
}
