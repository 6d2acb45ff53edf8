import Foundation
import Logging
import NIOCore
import PostgresNIO
import ShojiStore

/// The hub's store: the records of every edge node of every tenant in PostgreSQL (PostgresNIO), the same
/// ``AnalyticsRecording`` interface as the edge's SQLite store and the same conformance tests.
///
/// A batch is applied once per id: the ids of an ingest are claimed in `applied_batch` (`ON CONFLICT DO NOTHING`)
/// in the transaction that merges their rows, so a batch resent after an ambiguous failure changes nothing, and
/// two hubs receiving the same batch at once store it once. Rows go in by COPY into a session's staging table and
/// one set-based merge per table (COPY has no ON CONFLICT). Several hubs may share one database: merges take row
/// locks in key order, and a deadlock or serialization failure is retried.
///
/// The caller runs the `PostgresClient` (it is a swift-service-lifecycle `Service`).
public final class PostgresStore: AnalyticsRecording {
    let client: PostgresClient
    let logger: Logger
    /// The length of congestion history buckets (the edge's default).
    let congestionHistorySeconds = 900
    let partitions = PartitionCatalog()

    /// A store over `client`; call ``migrate()`` once before use.
    public init(client: PostgresClient, logger: Logger = Logger(label: "shoji.hub.store")) {
        self.client = client
        self.logger = logger
    }

    /// Creates the schema when it is missing (idempotent; several hubs may start at once).
    ///
    /// - Throws: ``StoreError/newerSchema(path:)`` when a newer Shoji made the database.
    public func migrate() async throws(StoreError) {
        try await run("migrating the schema") { [client, logger] in
            try await client.withConnection { connection in
                // One hub at a time creates tables: CREATE TABLE IF NOT EXISTS races with itself.
                try await connection.query("SELECT pg_advisory_lock(7324001)", logger: logger)
                do {
                    for statement in HubSchema.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    var stored: Int?
                    for try await version in try await connection.query("SELECT version FROM shoji_schema", logger: logger).decode(Int.self) {
                        stored = version
                    }
                    if let stored, stored > HubSchema.version { throw StoreError.newerSchema(path: "the hub's PostgreSQL database") }
                    try await connection.query("""
                        INSERT INTO shoji_schema (singleton, version) VALUES (1, \(HubSchema.version))
                        ON CONFLICT (singleton) DO UPDATE SET version = excluded.version
                        """, logger: logger)
                } catch {
                    _ = try? await connection.query("SELECT pg_advisory_unlock(7324001)", logger: logger)
                    throw error
                }
                try await connection.query("SELECT pg_advisory_unlock(7324001)", logger: logger)
            }
        }
    }

    /// Asks PostgreSQL for `SELECT 1`: whether the database answers now.
    public func ping() async throws(StoreError) {
        try await run("checking the connection") { [client, logger] in
            _ = try await client.query("SELECT 1", logger: logger)
        }
    }

    public func recordDeployment(_ deployment: DeploymentRecord) async throws(StoreError) {
        let digest = deployment.manifestSHA256.lowercased()
        guard !deployment.deploymentID.isEmpty, !deployment.tenantID.isEmpty, digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
            throw .invalidValue("a deployment needs an id, a tenant and a 64-hex-digit manifest digest")
        }
        try await run("recording a deployment") { [client, logger] in
            try await client.withTransaction(logger: logger) { connection in
                var owner: String?
                for try await tenant in try await connection.query("""
                    INSERT INTO deployment (deployment_id, tenant_id) VALUES (\(deployment.deploymentID), \(deployment.tenantID))
                    ON CONFLICT (deployment_id) DO UPDATE SET tenant_id = deployment.tenant_id RETURNING tenant_id
                    """, logger: logger).decode(String.self) {
                    owner = tenant
                }
                guard owner == deployment.tenantID else {
                    throw StoreError.deploymentTenantMismatch(deploymentID: deployment.deploymentID)
                }
                try await connection.query("""
                    INSERT INTO deployment_approval (deployment_id, manifest_sha256, approved_at, assessment_json)
                    VALUES (\(deployment.deploymentID), \(digest), \(deployment.approvedAt.timeIntervalSince1970), \(deployment.assessmentJSON))
                    ON CONFLICT (deployment_id, manifest_sha256)
                    DO UPDATE SET approved_at = excluded.approved_at, assessment_json = excluded.assessment_json
                    """, logger: logger)
            }
        }
    }

    @discardableResult
    public func record(_ batch: AnalyticsBatch, tenant: String?) async throws(StoreError) -> Bool {
        guard let id = batch.id else {
            throw .invalidValue("a hub applies batches from edge nodes only: the batch needs its id (node, sequence)")
        }
        let applied = try await apply([batch], tenant: tenant)
        return applied.contains(id)
    }

    /// Applies edge batches in one transaction, each at most once; returns the ids applied now (the others were
    /// applied before). Every batch needs its id; `tenant`, when given, is the only tenant the records may belong
    /// to (the sending node's).
    public func apply(_ batches: [AnalyticsBatch], tenant: String?) async throws(StoreError) -> Set<BatchID> {
        var ids: [BatchID] = []
        for batch in batches {
            guard let id = batch.id else { throw .invalidValue("every batch sent to a hub needs its id (node, sequence)") }
            try batch.validate()
            guard batch.trajectories.isEmpty else { throw .invalidValue("flow trajectories stay on the edge node; a hub takes aggregates only") }
            ids.append(id)
        }
        guard Set(ids).count == ids.count else { throw .invalidValue("an ingest names the same batch twice") }
        let deployments = batches.reduce(into: Set<String>()) { $0.formUnion($1.deploymentIDs) }
        let owners = try await tenants(of: deployments)
        for batch in batches {
            let batchTenants = Set(batch.deploymentIDs.map { owners[$0] ?? "" })
            guard batchTenants.count <= 1, let owner = batchTenants.first ?? tenant else {
                throw .invalidValue("a batch holds the records of one tenant")
            }
            if let tenant, owner != tenant {
                throw .deploymentTenantMismatch(deploymentID: batch.deploymentIDs.sorted().first ?? "")
            }
        }
        let rows = try HubRows(batches, owners: owners, congestionHistorySeconds: congestionHistorySeconds)
        try await ensurePartitions(rows.months)
        return try await run("applying \(batches.count) batches") { [self] in
            try await retryingConflicts { [self] in
                try await client.withTransaction(logger: logger) { connection in
                    let fresh = try await self.claim(batches, owners: owners, connection)
                    guard !fresh.isEmpty else { return fresh }
                    try await self.merge(rows.only(fresh), connection)
                    return fresh
                }
            }
        }
    }

    // MARK: Steps of an ingest

    /// The tenant of each deployment named.
    private func tenants(of deployments: Set<String>) async throws(StoreError) -> [String: String] {
        guard !deployments.isEmpty else { return [:] }
        let names = Array(deployments)
        let owners = try await run("reading deployments") { [client, logger] in
            var owners: [String: String] = [:]
            for try await (deployment, tenant) in try await client.query(
                "SELECT deployment_id, tenant_id FROM deployment WHERE deployment_id = ANY(\(names))", logger: logger
            ).decode((String, String).self) {
                owners[deployment] = tenant
            }
            return owners
        }
        guard owners.count == deployments.count else { throw .unknownDeployment }
        return owners
    }

    /// Claims the batch ids not applied before; returns those.
    private func claim(_ batches: [AnalyticsBatch], owners: [String: String], _ connection: PostgresConnection) async throws -> Set<BatchID> {
        let nodes = batches.map { $0.id?.node ?? "" }, sequences = batches.map { $0.id?.sequence ?? 0 }
        let tenants = batches.map { $0.deploymentIDs.first.flatMap { owners[$0] } ?? "" }, records = batches.map { $0.recordCount }
        let now = Date().timeIntervalSince1970
        var fresh = Set<BatchID>()
        for try await (node, sequence) in try await connection.query("""
            INSERT INTO applied_batch (node_id, sequence, tenant_id, records, applied_at)
            SELECT n, s, t, r, \(now) FROM unnest(\(nodes)::text[], \(sequences)::bigint[], \(tenants)::text[], \(records)::int[]) AS b(n, s, t, r)
            WHERE NOT EXISTS (SELECT 1 FROM hub_node h WHERE h.node_id = b.n AND b.s < h.applied_below)
            ON CONFLICT (node_id, sequence) DO NOTHING RETURNING node_id, sequence
            """, logger: logger).decode((String, Int64).self) {
            fresh.insert(try BatchID(node: node, sequence: sequence))
        }
        return fresh
    }

    /// COPY each table's rows into its staging table, then one merge per table.
    private func merge(_ rows: HubRows, _ connection: PostgresConnection) async throws {
        for (table, lines) in rows.tables where !lines.isEmpty {
            try await connection.query(PostgresQuery(unsafeSQL: table.createStaging), logger: logger)
            try await copy(lines, into: table.staging, columns: table.columns, connection)
            try await connection.query(PostgresQuery(unsafeSQL: table.mergeStatement), logger: logger)
        }
        for snapshot in rows.congestion {
            try await connection.query("""
                INSERT INTO congestion_current (tenant_id, deployment_id, area_id, taken_at, person_count, level)
                VALUES (\(snapshot.tenant), \(snapshot.record.deploymentID), \(snapshot.record.areaID), \(snapshot.record.takenAt.timeIntervalSince1970),
                        \(snapshot.record.personCount), \(snapshot.record.level.rawValue))
                ON CONFLICT (tenant_id, deployment_id, area_id) DO UPDATE SET
                    taken_at = excluded.taken_at, person_count = excluded.person_count, level = excluded.level
                WHERE excluded.taken_at >= congestion_current.taken_at
                """, logger: logger)
        }
        for grid in rows.heatmaps {
            try await mergeHeatmap(grid.record, tenant: grid.tenant, connection)
        }
    }

    /// COPY of text-format lines into `table` (a name from ``HubTable``, never from the network).
    func copy(_ lines: [String], into table: String, columns: [String], _ connection: PostgresConnection) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var buffer = ByteBuffer()
            for line in lines {
                buffer.writeString(line)
                if buffer.readableBytes > 1 << 16 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// Adds a heatmap grid cell by cell to the stored one (few per batch: one per camera and bucket).
    private func mergeHeatmap(_ grid: HeatmapGrid, tenant: String, _ connection: PostgresConnection) async throws {
        let start = Int64(grid.bucket.start.timeIntervalSince1970)
        let found = try await connection.query("""
            SELECT columns, rows, counts FROM heatmap_grid WHERE tenant_id = \(tenant) AND deployment_id = \(grid.deploymentID)
              AND camera_id = \(grid.cameraID) AND bucket_start = \(start) AND bucket_seconds = \(grid.bucket.seconds) FOR UPDATE
            """, logger: logger)
        var stored: (Int, Int, [Int64])?
        for try await row in found.decode((Int, Int, [Int64]).self) { stored = row }
        var counts = grid.counts.map(Int64.init)
        if let stored {
            guard stored.0 == grid.columns, stored.1 == grid.rows, stored.2.count == counts.count else {
                throw StoreError.heatmapShapeMismatch(expected: "\(stored.0)x\(stored.1)", got: grid.shape)
            }
            counts = zip(stored.2, counts).map { $0 + $1 }
        }
        try await connection.query("""
            INSERT INTO heatmap_grid (tenant_id, deployment_id, camera_id, bucket_start, bucket_seconds, columns, rows, cell_size, counts)
            VALUES (\(tenant), \(grid.deploymentID), \(grid.cameraID), \(start), \(grid.bucket.seconds), \(grid.columns), \(grid.rows),
                    \(grid.cellSize), \(counts))
            ON CONFLICT (tenant_id, deployment_id, camera_id, bucket_start, bucket_seconds) DO UPDATE SET counts = excluded.counts
            """, logger: logger)
    }

    /// Creates the monthly partitions rows will land in, outside the ingest's transaction (DDL of two hubs at once
    /// would otherwise conflict inside it).
    func ensurePartitions(_ months: Set<PartitionMonth>) async throws(StoreError) {
        let missing = partitions.missing(months)
        guard !missing.isEmpty else { return }
        try await run("creating partitions") { [client, logger] in
            for month in missing.sorted() {
                for table in HubTable.all.map(\.name) + ["heatmap_grid"] {
                    do {
                        try await client.query(PostgresQuery(unsafeSQL: month.createStatement(for: table)), logger: logger)
                    } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42P07" {
                        continue  // another hub created it just now
                    }
                }
            }
        }
        partitions.insert(missing)
    }

    // MARK: Errors

    /// Runs `body`, mapping PostgreSQL's errors to ``StoreError``s that say what to do.
    func run<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch let error as PSQLError {
            throw PostgresStore.storeError(error, while: what)
        } catch {
            throw .sqlite(code: -1, message: "PostgreSQL, \(what): \(error)")
        }
    }

    /// Retries a transaction that lost a deadlock or a serialization conflict to another hub (a few times, with
    /// a short random wait), the standard answer to both.
    private func retryingConflicts<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error as PSQLError where ["40P01", "40001"].contains(error.serverInfo?[.sqlState] ?? "") && attempt < 5 {
                attempt += 1
                logger.debug("ingest conflicted with another; retrying", metadata: ["attempt": "\(attempt)"])
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...50) * attempt))
            }
        }
    }

    static func storeError(_ error: PSQLError, while what: String) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "\(error.code)"
        switch state {
        case "53100": return .diskFull(path: "the hub's PostgreSQL database")
        case "23503": return .unknownDeployment
        case "": return .busy(path: "the hub's PostgreSQL database (\(what): \(error.code); is PostgreSQL running and reachable?)")
        default: return .sqlite(code: -1, message: "PostgreSQL \(state), \(what): \(message)")
        }
    }
}
