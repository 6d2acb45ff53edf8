import Foundation
import ShojiStore

/// An ingest's records as the rows of the hub's tables: COPY text lines per added-up table (tenant first), and the
/// congestion snapshots and heatmap grids that merge one by one. Each row remembers its batch, so that only the
/// batches claimed now are merged.
struct HubRows: Sendable {
    /// A record with the tenant and batch it belongs to.
    struct Owned<Record: Sendable>: Sendable {
        let record: Record
        let tenant: String
        let batch: BatchID
    }

    private(set) var lines: [(table: HubTable, batch: BatchID, line: String)] = []
    private(set) var congestion: [Owned<CongestionSnapshot>] = []
    private(set) var heatmaps: [Owned<HeatmapGrid>] = []
    /// The months the rows fall in, for their partitions.
    private(set) var months: Set<PartitionMonth> = []

    init(_ batches: [AnalyticsBatch], owners: [String: String], congestionHistorySeconds: Int) throws(StoreError) {
        for batch in batches {
            guard let id = batch.id else { continue }
            func add(_ table: HubTable, _ deployment: String, _ bucket: TimeBucket, _ fields: [String]) {
                let start = Int64(bucket.start.timeIntervalSince1970)
                months.insert(PartitionMonth(containing: start))
                let columns = [owners[deployment] ?? "", deployment, String(start), String(bucket.seconds)] + fields
                lines.append((table, id, columns.map(Self.escaped).joined(separator: "\t") + "\n"))
            }
            for c in batch.lineCrossings {
                add(.lineCrossings, c.deploymentID, c.bucket, [c.cameraID, c.lineID, c.direction.rawValue, String(c.count)])
            }
            for c in batch.attributes {
                add(.attributes, c.deploymentID, c.bucket, [c.cameraID, c.ageBand.rawValue, c.gender.rawValue, String(c.count)])
            }
            for s in batch.zoneDwell {
                add(.zoneDwell, s.deploymentID, s.bucket, [s.cameraID, s.zoneID, String(s.visits), String(s.totalDwellSeconds)])
            }
            for c in batch.zoneTransitions {
                add(.zoneTransitions, c.deploymentID, c.bucket, [c.cameraID, c.fromZoneID, c.toZoneID, String(c.count)])
            }
            for s in batch.congestion {
                let bucket = try TimeBucket(containing: s.takenAt, seconds: congestionHistorySeconds)
                add(.congestionHistory, s.deploymentID, bucket,
                    [s.areaID, "1", String(s.personCount), String(s.personCount), String(s.level.rawValue)])
                congestion.append(Owned(record: s, tenant: owners[s.deploymentID] ?? "", batch: id))
            }
            for grid in batch.heatmaps {
                months.insert(PartitionMonth(containing: Int64(grid.bucket.start.timeIntervalSince1970)))
                heatmaps.append(Owned(record: grid, tenant: owners[grid.deploymentID] ?? "", batch: id))
            }
        }
    }

    /// The rows of the batches in `batches` only.
    func only(_ batches: Set<BatchID>) -> HubRows {
        var rows = self
        rows.lines = lines.filter { batches.contains($0.batch) }
        rows.congestion = congestion.filter { batches.contains($0.batch) }
        rows.heatmaps = heatmaps.filter { batches.contains($0.batch) }
        return rows
    }

    /// The COPY lines per table.
    var tables: [(HubTable, [String])] {
        HubTable.all.map { table in (table, lines.filter { $0.table.name == table.name }.map(\.line)) }
    }

    /// A value in COPY's text format: backslash, tab, newline and carriage return escaped.
    static func escaped(_ value: String) -> String {
        guard value.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return value }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}
