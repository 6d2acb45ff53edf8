import Foundation
import Logging
import PostgresNIO
import ShojiStore

extension PostgresStore {
    /// The records of `tenant` at the hub, over all its sites: the same reads as an edge's
    /// `AnalyticsStore.records(of:)`, for the console and the API.
    public func records(of tenant: String) -> PostgresTenantRecords {
        PostgresTenantRecords(store: self, tenant: tenant)
    }
}

/// One tenant's records at the hub (every edge node's), read as the edge's `TenantRecords` reads its own: the same
/// rows for the same records, which the conformance tests check. Every query starts with `tenant_id = $1`, the
/// leading key of every hub table. Repeat visits and trajectories never reach a hub, so those reads are empty.
public struct PostgresTenantRecords: TenantRecordsReading {
    let store: PostgresStore
    /// The tenant whose records are read.
    public let tenant: String

    public func lineCrossingTotals(_ query: ReportQuery) async throws(StoreError) -> [LineCrossingTotal] {
        try await rows(query, """
            SELECT deployment_id AS "deploymentID", camera_id AS "cameraID", line_id AS "lineID", direction,
                   {start} AS "bucketStart", {seconds} AS "bucketSeconds", SUM(count)::bigint AS count
            FROM line_crossing_count WHERE {filter} GROUP BY 1, 2, 3, 4, 5, 6
            """, order: #""bucketStart", "deploymentID", "cameraID", "lineID", direction"#)
    }

    public func attributeTotals(_ query: ReportQuery) async throws(StoreError) -> [AttributeTotal] {
        try await rows(query, """
            SELECT deployment_id AS "deploymentID", camera_id AS "cameraID", {start} AS "bucketStart",
                   {seconds} AS "bucketSeconds", age_band AS "ageBand", gender, SUM(count)::bigint AS count
            FROM attribute_count WHERE {filter} GROUP BY 1, 2, 3, 4, 5, 6
            """, order: #""bucketStart", "deploymentID", "cameraID", "ageBand", gender"#)
    }

    public func zoneDwellTotals(_ query: ReportQuery) async throws(StoreError) -> [ZoneDwellTotal] {
        try await rows(query, """
            SELECT deployment_id AS "deploymentID", camera_id AS "cameraID", zone_id AS "zoneID", {start} AS "bucketStart",
                   {seconds} AS "bucketSeconds", SUM(visit_count)::bigint AS visits, SUM(total_dwell_seconds) AS "totalDwellSeconds",
                   CASE WHEN SUM(visit_count) > 0 THEN SUM(total_dwell_seconds) / SUM(visit_count) ELSE 0 END AS "meanDwellSeconds"
            FROM zone_dwell_stat WHERE {filter} GROUP BY 1, 2, 3, 4, 5
            """, order: #""bucketStart", "deploymentID", "cameraID", "zoneID""#)
    }

    public func zoneTransitionTotals(_ query: ReportQuery) async throws(StoreError) -> [ZoneTransitionTotal] {
        try await rows(query, """
            SELECT deployment_id AS "deploymentID", camera_id AS "cameraID", from_zone_id AS "fromZoneID", to_zone_id AS "toZoneID",
                   {start} AS "bucketStart", {seconds} AS "bucketSeconds", SUM(count)::bigint AS count
            FROM zone_transition_count WHERE {filter} GROUP BY 1, 2, 3, 4, 5, 6
            """, order: #""bucketStart", "deploymentID", "cameraID", "fromZoneID", "toZoneID""#)
    }

    public func congestionHistory(_ query: ReportQuery) async throws(StoreError) -> [CongestionHistoryRow] {
        try await rows(query, """
            SELECT deployment_id AS "deploymentID", area_id AS "areaID", {start} AS "bucketStart", {seconds} AS "bucketSeconds",
                   SUM(samples)::bigint AS samples, SUM(person_count_sum)::float8 / SUM(samples) AS "meanPersonCount",
                   MAX(person_count_max) AS "maxPersonCount", MAX(level_max) AS "maxLevel"
            FROM congestion_history WHERE {filter} GROUP BY 1, 2, 3, 4
            """, order: #""bucketStart", "deploymentID", "areaID""#, cameras: false)
    }

    public func latestCongestion(deploymentID: String?) async throws(StoreError) -> [CongestionSnapshot] {
        try await store.run("reading congestion") { [store, tenant] in
            var snapshots: [CongestionSnapshot] = []
            for try await (deployment, area, takenAt, people, level) in try await store.client.query("""
                SELECT deployment_id, area_id, taken_at, person_count, level FROM congestion_current
                WHERE tenant_id = \(tenant) AND (\(deploymentID)::text IS NULL OR deployment_id = \(deploymentID))
                ORDER BY deployment_id, area_id
                """, logger: store.logger).decode((String, String, Double, Int, Int).self) {
                guard let level = CongestionLevel(rawValue: level) else { throw StoreError.invalidValue("unknown stored congestion level \(level)") }
                snapshots.append(CongestionSnapshot(deploymentID: deployment, areaID: area, takenAt: Date(timeIntervalSince1970: takenAt),
                                                    personCount: people, level: level))
            }
            return snapshots
        }
    }

    public func heatmapTotals(_ query: ReportQuery) async throws(StoreError) -> [HeatmapGrid] {
        let window = try HubReportWindow(query, tenant: tenant, cameras: true)
        return try await store.run("reading heatmaps") { [store] in
            var grids: [HeatmapGrid] = []
            let sql = """
                SELECT deployment_id, camera_id, \(window.bucketStart) AS b_start, \(window.bucketSeconds) AS b_seconds,
                       columns, rows, cell_size, counts
                FROM heatmap_grid WHERE \(window.filter)
                ORDER BY b_start, deployment_id, camera_id, b_seconds, columns, rows, cell_size
                """
            for try await (deployment, camera, start, seconds, columns, rows, cellSize, counts) in try await store.client.query(
                window.query(sql), logger: store.logger).decode((String, String, Int64, Int, Int, Int, Double, [Int64]).self) {
                grids.append(HeatmapGrid(deploymentID: deployment, cameraID: camera, bucket: TimeBucket(storedStart: start, seconds: seconds),
                                         columns: columns, rows: rows, cellSize: cellSize,
                                         counts: counts.map { UInt32(clamping: $0) }))
            }
            return HeatmapGrid.addingUp(grids)
        }
    }

    /// None: repeat visits are counted from face vectors, which never leave the edge node.
    public func repeatVisitTotals(_ query: ReportQuery) async throws(StoreError) -> [RepeatVisitTotal] { [] }

    /// None: trajectories are per visit and stay on the edge node.
    public func trajectoryCount(_ query: ReportQuery) async throws(StoreError) -> Int { 0 }

    public func deployments() async throws(StoreError) -> [DeploymentRecord] {
        try await store.run("reading deployments") { [store, tenant] in
            var records: [DeploymentRecord] = []
            for try await (deployment, digest, approvedAt, assessment) in try await store.client.query("""
                SELECT d.deployment_id, a.manifest_sha256, a.approved_at, a.assessment_json
                FROM deployment d JOIN deployment_approval a ON a.deployment_id = d.deployment_id
                WHERE d.tenant_id = \(tenant) ORDER BY d.deployment_id, a.approved_at, a.manifest_sha256
                """, logger: store.logger).decode((String, String, Double, String).self) {
                records.append(DeploymentRecord(deploymentID: deployment, tenantID: tenant, manifestSHA256: digest,
                                                approvedAt: Date(timeIntervalSince1970: approvedAt), assessmentJSON: assessment))
            }
            return records
        }
    }

    /// Runs an aggregate query whose rows PostgreSQL returns as one JSON array, with the row type's own field names
    /// (`{start}`, `{seconds}` and `{filter}` filled in from `query`), and decodes it into that type.
    private func rows<Row: Decodable & Sendable>(_ query: ReportQuery, _ select: String, order: String, cameras: Bool = true) async throws(StoreError) -> [Row] {
        let window = try HubReportWindow(query, tenant: tenant, cameras: cameras)
        let inner = select.replacingOccurrences(of: "{start}", with: window.bucketStart)
            .replacingOccurrences(of: "{seconds}", with: window.bucketSeconds)
            .replacingOccurrences(of: "{filter}", with: window.filter)
        let sql = "SELECT COALESCE(json_agg(r ORDER BY \(order)), '[]')::text FROM (\(inner)) r"
        let json = try await store.run("reading records") { [store] in
            var text = "[]"
            for try await value in try await store.client.query(window.query(sql), logger: store.logger).decode(String.self) { text = value }
            return text
        }
        do {
            return try Self.decoder.decode([Row].self, from: Data(json.utf8))
        } catch {
            throw .invalidValue("the hub's rows could not be read: \(error)")
        }
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}

/// A report query's window in the hub's SQL: the same roll-up expressions and overlap filter as the edge's, with
/// the tenant first (the tables' leading key) and numbered parameters.
struct HubReportWindow {
    let bucketStart: String
    let bucketSeconds: String
    let filter: String
    private var binds = PostgresBindings()

    init(_ query: ReportQuery, tenant: String, cameras: Bool) throws(StoreError) {
        (bucketStart, bucketSeconds) = try query.bucketExpressions()
        let since = query.since.timeIntervalSince1970
        binds.append(tenant)
        binds.append(since - Double(TimeBucket.maximumSeconds))
        binds.append(since)
        var clauses = ["tenant_id = $1", "bucket_start > $2", "bucket_start + bucket_seconds > $3"]
        if let until = query.until?.timeIntervalSince1970 {
            binds.append(until)
            clauses.append("bucket_start < $\(binds.count)")
        }
        if let deployment = query.deploymentID {
            binds.append(deployment)
            clauses.append("deployment_id = $\(binds.count)")
        }
        if cameras, let camera = query.cameraID {
            binds.append(camera)
            clauses.append("camera_id = $\(binds.count)")
        }
        filter = clauses.joined(separator: " AND ")
    }

    /// `sql` (which uses this window's filter) with the window's parameters.
    func query(_ sql: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
