import Foundation
import GRDB

extension AnalyticsStore {
    /// The records of `tenant`'s deployments, to read. Every read of stored records goes through this: there
    /// is no read of records without a tenant.
    public func records(of tenant: String) -> TenantRecords {
        TenantRecords(store: self, tenant: tenant)
    }

    /// The tenants that have recorded a deployment here, by id: which ``records(of:)`` can read.
    public func tenants() async throws(StoreError) -> [String] {
        try await read { db in try String.fetchAll(db, sql: "SELECT DISTINCT tenant_id FROM deployment ORDER BY tenant_id") }
    }
}

/// The read side of one tenant's stored records, for `shoji report`, the console and the API: plain Codable rows,
/// no formatting. Every query is limited to the deployments the tenant recorded, so one tenant's reader never
/// returns another's rows (DESIGN.md invariant 6).
public struct TenantRecords: Sendable {
    let store: AnalyticsStore
    /// The tenant (controller) whose records are read.
    public let tenant: String

    private func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        try await store.read(value)
    }
    /// Line crossings per deployment, camera, line, direction and bucket, oldest bucket first.
    ///
    /// Rolled up to whole hours (`bucketSeconds` a multiple of 3600), the hourly roll-up is read: the same sums,
    /// with whole stored hours included at the window's edges.
    public func lineCrossingTotals(_ query: ReportQuery) async throws(StoreError) -> [LineCrossingTotal] {
        try await lineCrossingTotals(query, fromRollUp: query.rollsUpToHours)
    }

    func lineCrossingTotals(_ query: ReportQuery, fromRollUp: Bool) async throws(StoreError) -> [LineCrossingTotal] {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: "bucket_start", cameraColumn: "camera_id")
        let table = fromRollUp ? "line_crossing_hourly" : "line_crossing_count"
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT deployment_id, camera_id, line_id, direction, \(window.bucketStart) AS b_start,
                       \(window.bucketSeconds) AS b_seconds, SUM(count) AS total
                FROM \(table) WHERE \(window.filter)
                GROUP BY deployment_id, camera_id, line_id, direction, b_start, b_seconds
                ORDER BY b_start, deployment_id, camera_id, line_id, direction
                """, arguments: window.arguments
            ).map { row in
                LineCrossingTotal(
                    deploymentID: row["deployment_id"], cameraID: row["camera_id"], lineID: row["line_id"],
                    direction: try stored(row["direction"]), bucketStart: epoch(row["b_start"]),
                    bucketSeconds: row["b_seconds"], count: row["total"])
            }
        }
    }

    /// People per deployment, camera, bucket, age band and gender, oldest bucket first (from the hourly roll-up
    /// when rolled up to whole hours, as ``lineCrossingTotals(_:)``).
    public func attributeTotals(_ query: ReportQuery) async throws(StoreError) -> [AttributeTotal] {
        try await attributeTotals(query, fromRollUp: query.rollsUpToHours)
    }

    func attributeTotals(_ query: ReportQuery, fromRollUp: Bool) async throws(StoreError) -> [AttributeTotal] {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: "bucket_start", cameraColumn: "camera_id")
        let table = fromRollUp ? "attribute_hourly" : "attribute_count"
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT deployment_id, camera_id, \(window.bucketStart) AS b_start, \(window.bucketSeconds) AS b_seconds,
                       age_band, gender, SUM(count) AS total
                FROM \(table) WHERE \(window.filter)
                GROUP BY deployment_id, camera_id, b_start, b_seconds, age_band, gender
                ORDER BY b_start, deployment_id, camera_id, age_band, gender
                """, arguments: window.arguments
            ).map { row in
                AttributeTotal(
                    deploymentID: row["deployment_id"], cameraID: row["camera_id"], bucketStart: epoch(row["b_start"]),
                    bucketSeconds: row["b_seconds"], ageBand: try stored(row["age_band"]), gender: try stored(row["gender"]),
                    count: row["total"])
            }
        }
    }

    /// Visits and dwell per deployment, camera, zone and bucket, oldest bucket first.
    public func zoneDwellTotals(_ query: ReportQuery) async throws(StoreError) -> [ZoneDwellTotal] {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: "bucket_start", cameraColumn: "camera_id")
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT deployment_id, camera_id, zone_id, \(window.bucketStart) AS b_start,
                       \(window.bucketSeconds) AS b_seconds, SUM(visit_count) AS visits, SUM(total_dwell_seconds) AS dwell
                FROM zone_dwell_stat WHERE \(window.filter)
                GROUP BY deployment_id, camera_id, zone_id, b_start, b_seconds
                ORDER BY b_start, deployment_id, camera_id, zone_id
                """, arguments: window.arguments
            ).map { row in
                let visits: Int = row["visits"]
                let dwell: Double = row["dwell"]
                return ZoneDwellTotal(
                    deploymentID: row["deployment_id"], cameraID: row["camera_id"], zoneID: row["zone_id"],
                    bucketStart: epoch(row["b_start"]), bucketSeconds: row["b_seconds"], visits: visits,
                    totalDwellSeconds: dwell, meanDwellSeconds: visits > 0 ? dwell / Double(visits) : 0)
            }
        }
    }

    /// Zone-to-zone moves per deployment, camera, pair of zones and bucket, oldest bucket first.
    public func zoneTransitionTotals(_ query: ReportQuery) async throws(StoreError) -> [ZoneTransitionTotal] {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: "bucket_start", cameraColumn: "camera_id")
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT deployment_id, camera_id, from_zone_id, to_zone_id, \(window.bucketStart) AS b_start,
                       \(window.bucketSeconds) AS b_seconds, SUM(count) AS total
                FROM zone_transition_count WHERE \(window.filter)
                GROUP BY deployment_id, camera_id, from_zone_id, to_zone_id, b_start, b_seconds
                ORDER BY b_start, deployment_id, camera_id, from_zone_id, to_zone_id
                """, arguments: window.arguments
            ).map { row in
                ZoneTransitionTotal(
                    deploymentID: row["deployment_id"], cameraID: row["camera_id"], fromZoneID: row["from_zone_id"],
                    toZoneID: row["to_zone_id"], bucketStart: epoch(row["b_start"]), bucketSeconds: row["b_seconds"],
                    count: row["total"])
            }
        }
    }

    /// The latest snapshot of every area (of one deployment, or all), by deployment and area.
    public func latestCongestion(deploymentID: String? = nil) async throws(StoreError) -> [CongestionSnapshot] {
        let tenant = tenant
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT deployment_id, area_id, taken_at, person_count, level FROM congestion_current
                WHERE (?1 IS NULL OR deployment_id = ?1) AND deployment_id IN (SELECT deployment_id FROM deployment WHERE tenant_id = ?2)
                ORDER BY deployment_id, area_id
                """, arguments: [deploymentID, tenant]
            ).map { row in
                CongestionSnapshot(
                    deploymentID: row["deployment_id"], areaID: row["area_id"],
                    takenAt: Date(timeIntervalSince1970: row["taken_at"]), personCount: row["person_count"],
                    level: try stored(row["level"]))
            }
        }
    }

    /// Congestion per deployment, area and bucket (samples, mean and peak), oldest bucket first.
    public func congestionHistory(_ query: ReportQuery) async throws(StoreError) -> [CongestionHistoryRow] {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: "bucket_start", cameraColumn: nil)
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT deployment_id, area_id, \(window.bucketStart) AS b_start, \(window.bucketSeconds) AS b_seconds,
                       SUM(samples) AS samples, SUM(person_count_sum) AS people, MAX(person_count_max) AS peak,
                       MAX(level_max) AS level
                FROM congestion_history WHERE \(window.filter)
                GROUP BY deployment_id, area_id, b_start, b_seconds
                ORDER BY b_start, deployment_id, area_id
                """, arguments: window.arguments
            ).map { row in
                let samples: Int = row["samples"]
                let people: Int = row["people"]
                return CongestionHistoryRow(
                    deploymentID: row["deployment_id"], areaID: row["area_id"], bucketStart: epoch(row["b_start"]),
                    bucketSeconds: row["b_seconds"], samples: samples, meanPersonCount: Double(people) / Double(samples),
                    maxPersonCount: row["peak"], maxLevel: try stored(row["level"]))
            }
        }
    }

    /// Heatmaps per deployment, camera and bucket, cell counts added over rolled-up buckets, oldest first.
    ///
    /// Grids of different shapes are never added: each shape gives its own grid.
    public func heatmapTotals(_ query: ReportQuery) async throws(StoreError) -> [HeatmapGrid] {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: "bucket_start", cameraColumn: "camera_id")
        return try await read { db in
            var grids: [HeatmapGrid] = []
            let rows = try Row.fetchAll(db, sql: """
                SELECT deployment_id, camera_id, \(window.bucketStart) AS b_start, \(window.bucketSeconds) AS b_seconds,
                       columns, rows, cell_size, counts
                FROM heatmap_grid WHERE \(window.filter)
                ORDER BY b_start, deployment_id, camera_id, b_seconds, columns, rows, cell_size
                """, arguments: window.arguments)
            for row in rows {
                let bucket = TimeBucket(storedStart: row["b_start"], seconds: row["b_seconds"])
                let (columns, rowCount, cellSize): (Int, Int, Double) = (row["columns"], row["rows"], row["cell_size"])
                let counts = try HeatmapGrid.decode(row["counts"], cells: columns * rowCount)
                grids.append(HeatmapGrid(
                    deploymentID: row["deployment_id"], cameraID: row["camera_id"], bucket: bucket,
                    columns: columns, rows: rowCount, cellSize: cellSize, counts: counts))
            }
            return HeatmapGrid.addingUp(grids)
        }
    }

    /// The number of visits whose trajectories overlap the window: what a report shows of them, without
    /// reading a single point or visit id.
    public func trajectoryCount(_ query: ReportQuery) async throws(StoreError) -> Int {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: nil, cameraColumn: "camera_id")
        return try await read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM flow_trajectory WHERE \(Self.trajectoryOverlap(window))",
                             arguments: Self.trajectoryOverlapArguments(window)) ?? 0
        }
    }

    /// Trajectories of visits that overlap the window, by start time.
    ///
    /// Rolling up does not apply; `bucketSeconds` is ignored. Callers that expose these through the API or the
    /// command line write the read to the audit log (DESIGN.md invariant 8).
    public func trajectories(_ query: ReportQuery) async throws(StoreError) -> [FlowTrajectory] {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: nil, cameraColumn: "camera_id")
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT visit_id, deployment_id, camera_id, started_at, ended_at, points FROM flow_trajectory
                WHERE \(Self.trajectoryOverlap(window)) ORDER BY started_at, visit_id
                """, arguments: Self.trajectoryOverlapArguments(window)
            ).map { row in
                let visit: String = row["visit_id"]
                guard let visitID = UUID(uuidString: visit) else { throw StoreError.invalidValue("stored visit id is not a UUID") }
                return FlowTrajectory(
                    visitID: visitID, deploymentID: row["deployment_id"], cameraID: row["camera_id"],
                    started: Date(timeIntervalSince1970: row["started_at"]), ended: Date(timeIntervalSince1970: row["ended_at"]),
                    points: try FlowTrajectory.decode(row["points"]))
            }
        }
    }

    /// The condition for a visit overlapping the window (ended after it starts, started before it ends) and
    /// matching its filter, and its arguments.
    private static func trajectoryOverlap(_ window: ReportWindow) -> String {
        "ended_at >= ? AND (? IS NULL OR started_at < ?) AND \(window.filter)"
    }

    private static func trajectoryOverlapArguments(_ window: ReportWindow) -> StatementArguments {
        [window.since, window.until, window.until] + window.arguments
    }

    /// Every recorded approval of the tenant's deployments, by deployment then approval time.
    public func deployments() async throws(StoreError) -> [DeploymentRecord] {
        let tenant = tenant
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.deployment_id, d.tenant_id, a.manifest_sha256, a.approved_at, a.assessment_json
                FROM deployment d JOIN deployment_approval a ON a.deployment_id = d.deployment_id
                WHERE d.tenant_id = ?
                ORDER BY d.deployment_id, a.approved_at, a.manifest_sha256
                """, arguments: [tenant]
            ).map { row in
                DeploymentRecord(
                    deploymentID: row["deployment_id"], tenantID: row["tenant_id"], manifestSHA256: row["manifest_sha256"],
                    approvedAt: Date(timeIntervalSince1970: row["approved_at"]), assessmentJSON: row["assessment_json"])
            }
        }
    }
}

extension TenantRecords {
    /// Visits, first visits and returning visits per deployment, camera and bucket (use case 3), oldest first.
    /// Read from the aggregates only: no visitor id is read.
    public func repeatVisitTotals(_ query: ReportQuery) async throws(StoreError) -> [RepeatVisitTotal] {
        let window = try ReportWindow(query, tenant: tenant, timeColumn: "bucket_start", cameraColumn: "camera_id")
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT deployment_id, camera_id, \(window.bucketStart) AS b_start, \(window.bucketSeconds) AS b_seconds,
                       SUM(visits) AS visit_total, SUM(first_visits) AS first_total, SUM(returning_visits) AS return_total,
                       SUM(return_interval_seconds) AS interval_total
                FROM repeat_visit_count WHERE \(window.filter)
                GROUP BY deployment_id, camera_id, b_start, b_seconds
                ORDER BY b_start, deployment_id, camera_id
                """, arguments: window.arguments
            ).map { row in
                let returning: Int = row["return_total"]
                let intervals: Double = row["interval_total"]
                return RepeatVisitTotal(
                    deploymentID: row["deployment_id"], cameraID: row["camera_id"], bucketStart: epoch(row["b_start"]),
                    bucketSeconds: row["b_seconds"], visits: row["visit_total"], newVisitors: row["first_total"], returningVisits: returning,
                    meanReturnIntervalSeconds: returning > 0 ? intervals / Double(returning) : nil)
            }
        }
    }
}

private func stored<E: RawRepresentable>(_ raw: E.RawValue) throws -> E {
    guard let value = E(rawValue: raw) else { throw StoreError.invalidValue("unknown stored value \(raw) for \(E.self)") }
    return value
}

private func epoch(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
