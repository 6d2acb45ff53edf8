import Foundation
import GRDB

extension AnalyticsStore {
    /// Records an approved deployment; records can name it from then on.
    ///
    /// Recording the same approval again is harmless; a new manifest digest adds an approval. A deployment id
    /// already held by another tenant is refused with ``StoreError/deploymentTenantMismatch(deploymentID:)``.
    public func recordDeployment(_ deployment: DeploymentRecord) async throws(StoreError) {
        try Validate.identifier(deployment.deploymentID, "deployment id")
        try Validate.identifier(deployment.tenantID, "tenant id")
        let digest = deployment.manifestSHA256.lowercased()
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
            throw .invalidValue("manifest SHA-256 must be 64 hex digits")
        }
        try await write { db in
            let tenant = try String.fetchOne(
                db, sql: "SELECT tenant_id FROM deployment WHERE deployment_id = ?", arguments: [deployment.deploymentID])
            if let tenant, tenant != deployment.tenantID {
                throw StoreError.deploymentTenantMismatch(deploymentID: deployment.deploymentID)
            }
            if tenant == nil {
                try db.execute(
                    sql: "INSERT INTO deployment (deployment_id, tenant_id) VALUES (?, ?)",
                    arguments: [deployment.deploymentID, deployment.tenantID])
            }
            try db.execute(
                sql: """
                    INSERT INTO deployment_approval (deployment_id, manifest_sha256, approved_at, assessment_json)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (deployment_id, manifest_sha256)
                    DO UPDATE SET approved_at = excluded.approved_at, assessment_json = excluded.assessment_json
                    """,
                arguments: [deployment.deploymentID, digest, deployment.approvedAt.timeIntervalSince1970, deployment.assessmentJSON])
        }
        logger.debug("deployment approval recorded")
    }

    /// Stores a batch in one transaction: counts are added to stored counts, trajectories inserted, congestion
    /// snapshots replace older ones. On any error nothing of the batch is stored.
    ///
    /// A batch with an ``AnalyticsBatch/id`` (one from an edge node) is applied once: the same id again changes
    /// nothing and returns false. A batch without one is this store's own: it takes the store's node id and next
    /// sequence number, and with ``Options/outbox`` its shareable records are queued for the hub in the same
    /// transaction. All records of a batch belong to one tenant; `tenant`, when given, must be that tenant (a hub
    /// passes the sending node's).
    ///
    /// - Returns: Whether the batch was applied (false: applied before, or empty).
    /// - Throws: ``StoreError/invalidValue(_:)`` before touching the file when a value is out of range,
    ///   ``StoreError/unknownDeployment`` when a record names a deployment not recorded,
    ///   ``StoreError/deploymentTenantMismatch(deploymentID:)`` when a record belongs to another tenant,
    ///   ``StoreError/duplicateVisit`` when a visit id is already stored,
    ///   ``StoreError/heatmapShapeMismatch(expected:got:)``, ``StoreError/diskFull(path:)``.
    @discardableResult
    public func record(_ batch: AnalyticsBatch, tenant: String?) async throws(StoreError) -> Bool {
        guard !batch.isEmpty else { return false }
        try Validate.batch(batch)
        let trajectories = try batch.trajectories.map { trajectory throws(StoreError) in
            (trajectory, try FlowTrajectory.encode(trajectory.points))
        }
        let historySeconds = options.congestionHistoryBucketSeconds
        let history = try batch.congestion.map { snapshot throws(StoreError) in
            (snapshot, try TimeBucket(containing: snapshot.takenAt, seconds: historySeconds))
        }
        // Only this store's own records go on to the hub; a hub does not forward what it received.
        let shared = options.outbox && batch.id == nil ? batch.shareable : AnalyticsBatch()
        let payload = shared.isEmpty ? nil : try OutboxEntry.encode(shared)
        let now = Date().timeIntervalSince1970
        let applied = try await write { db -> BatchID? in
            let owner = try Self.tenant(of: batch, db)
            if let tenant, tenant != owner.tenant { throw StoreError.deploymentTenantMismatch(deploymentID: owner.deploymentID) }
            let id = try batch.id ?? Self.nextBatchID(db)
            guard try Self.claim(id, tenant: owner.tenant, records: batch.recordCount, at: now, db) else { return nil }
            try Self.upsertLineCrossings(batch.lineCrossings, db)
            try Self.upsertAttributes(batch.attributes, db)
            try Self.upsertZoneDwell(batch.zoneDwell, db)
            try Self.upsertZoneTransitions(batch.zoneTransitions, db)
            try Self.insertTrajectories(trajectories, db)
            try Self.upsertHeatmaps(batch.heatmaps, db)
            try Self.upsertCongestion(history, db)
            if let payload {
                try db.execute(sql: """
                    INSERT INTO outbox_batch (sequence, tenant_id, payload, records, queued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id.sequence, owner.tenant, payload, shared.recordCount, now, now])
            }
            return id
        }
        guard let applied else {
            logger.debug("batch applied before; nothing changed", metadata: ["batch": "\(batch.id.map(\.description) ?? "")"])
            return false
        }
        logger.trace("analytics batch stored", metadata: [
            "batch": "\(applied)", "lineCrossings": "\(batch.lineCrossings.count)", "attributes": "\(batch.attributes.count)",
            "zoneDwell": "\(batch.zoneDwell.count)", "zoneTransitions": "\(batch.zoneTransitions.count)",
            "trajectories": "\(batch.trajectories.count)", "heatmaps": "\(batch.heatmaps.count)",
            "congestion": "\(batch.congestion.count)", "outbox": "\(payload != nil)",
        ])
        return true
    }

    /// This store's node id: what its batches are named by at a hub.
    public func nodeID() async throws(StoreError) -> String {
        try await read { db in try String.fetchOne(db, sql: "SELECT node_id FROM store_node") ?? "" }
    }

    /// Names this store's node (the id in its hub credential). Refused while the outbox holds batches numbered
    /// under the old id, which must reach the hub under the id they were numbered by; the sequence goes on, so
    /// no id is ever used twice.
    public func setNodeID(_ node: String) async throws(StoreError) {
        try Validate.nodeID(node)
        try await write { db in
            let id = try String.fetchOne(db, sql: "SELECT node_id FROM store_node") ?? ""
            guard id != node else { return }
            let waiting = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox_batch") ?? 0
            guard waiting == 0 else {
                throw StoreError.invalidValue("\(waiting) batches numbered as node \(id) wait in the outbox; send them with that node's credential first, or use a new store for \(node)")
            }
            try db.execute(sql: "UPDATE store_node SET node_id = ?", arguments: [node])
        }
    }

    /// The tenant every record of `batch` belongs to, with one of its deployments (for the error naming it).
    private static func tenant(of batch: AnalyticsBatch, _ db: Database) throws -> (tenant: String, deploymentID: String) {
        var tenants: [String: String] = [:]
        for deployment in batch.deploymentIDs {
            guard let tenant = try String.fetchOne(db, sql: "SELECT tenant_id FROM deployment WHERE deployment_id = ?", arguments: [deployment]) else {
                throw StoreError.unknownDeployment
            }
            tenants[tenant] = deployment
        }
        guard tenants.count == 1, let only = tenants.first else {
            throw StoreError.invalidValue("a batch holds the records of one tenant; this one mixes \(tenants.keys.sorted().joined(separator: ", "))")
        }
        return (only.key, only.value)
    }

    /// The next id of this store's own batches.
    private static func nextBatchID(_ db: Database) throws -> BatchID {
        guard let row = try Row.fetchOne(db, sql: "UPDATE store_node SET next_sequence = next_sequence + 1 RETURNING node_id, next_sequence - 1 AS sequence") else {
            throw StoreError.invalidValue("the store has no node id (store_node is empty)")
        }
        return try BatchID(node: row["node_id"], sequence: row["sequence"])
    }

    /// Records `id` as applied; false when it was applied before.
    private static func claim(_ id: BatchID, tenant: String, records: Int, at time: Double, _ db: Database) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO applied_batch (node_id, sequence, tenant_id, records, applied_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (node_id, sequence) DO NOTHING
            """, arguments: [id.node, id.sequence, tenant, records, time])
        return db.changesCount == 1
    }

    private static func upsertLineCrossings(_ counts: [LineCrossingCount], _ db: Database) throws {
        guard !counts.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO line_crossing_count
                (deployment_id, camera_id, line_id, direction, bucket_start, bucket_seconds, count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, camera_id, line_id, direction, bucket_start, bucket_seconds)
            DO UPDATE SET count = count + excluded.count
            """)
        let hourly = try db.cachedStatement(sql: """
            INSERT INTO line_crossing_hourly (deployment_id, bucket_start, bucket_seconds, camera_id, line_id, direction, count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, bucket_start, bucket_seconds, camera_id, line_id, direction)
            DO UPDATE SET count = count + excluded.count
            """)
        for c in counts {
            try statement.execute(arguments: [
                c.deploymentID, c.cameraID, c.lineID, c.direction.rawValue, c.bucket.epochSeconds, c.bucket.seconds, c.count,
            ])
            let hour = c.bucket.hourlyRollUp
            try hourly.execute(arguments: [c.deploymentID, hour.start, hour.seconds, c.cameraID, c.lineID, c.direction.rawValue, c.count])
        }
    }

    private static func upsertAttributes(_ counts: [AttributeCount], _ db: Database) throws {
        guard !counts.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO attribute_count
                (deployment_id, camera_id, bucket_start, bucket_seconds, age_band, gender, count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, camera_id, bucket_start, bucket_seconds, age_band, gender)
            DO UPDATE SET count = count + excluded.count
            """)
        let hourly = try db.cachedStatement(sql: """
            INSERT INTO attribute_hourly (deployment_id, bucket_start, bucket_seconds, camera_id, age_band, gender, count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, bucket_start, bucket_seconds, camera_id, age_band, gender)
            DO UPDATE SET count = count + excluded.count
            """)
        for c in counts {
            try statement.execute(arguments: [
                c.deploymentID, c.cameraID, c.bucket.epochSeconds, c.bucket.seconds, c.ageBand.rawValue, c.gender.rawValue, c.count,
            ])
            let hour = c.bucket.hourlyRollUp
            try hourly.execute(arguments: [c.deploymentID, hour.start, hour.seconds, c.cameraID, c.ageBand.rawValue, c.gender.rawValue, c.count])
        }
    }

    private static func upsertZoneDwell(_ stats: [ZoneDwellStat], _ db: Database) throws {
        guard !stats.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO zone_dwell_stat
                (deployment_id, camera_id, zone_id, bucket_start, bucket_seconds, visit_count, total_dwell_seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, camera_id, zone_id, bucket_start, bucket_seconds)
            DO UPDATE SET visit_count = visit_count + excluded.visit_count,
                          total_dwell_seconds = total_dwell_seconds + excluded.total_dwell_seconds
            """)
        for s in stats {
            try statement.execute(arguments: [
                s.deploymentID, s.cameraID, s.zoneID, s.bucket.epochSeconds, s.bucket.seconds, s.visits, s.totalDwellSeconds,
            ])
        }
    }

    private static func upsertZoneTransitions(_ counts: [ZoneTransitionCount], _ db: Database) throws {
        guard !counts.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO zone_transition_count
                (deployment_id, camera_id, from_zone_id, to_zone_id, bucket_start, bucket_seconds, count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, camera_id, from_zone_id, to_zone_id, bucket_start, bucket_seconds)
            DO UPDATE SET count = count + excluded.count
            """)
        for c in counts {
            try statement.execute(arguments: [
                c.deploymentID, c.cameraID, c.fromZoneID, c.toZoneID, c.bucket.epochSeconds, c.bucket.seconds, c.count,
            ])
        }
    }

    private static func insertTrajectories(_ trajectories: [(FlowTrajectory, Data)], _ db: Database) throws {
        guard !trajectories.isEmpty else { return }
        // A plain INSERT: a visit id is stored once; a second trajectory under it is refused, never merged.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO flow_trajectory (visit_id, deployment_id, camera_id, started_at, ended_at, points)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (t, points) in trajectories {
            do {
                try statement.execute(arguments: [
                    t.visitID.uuidString.lowercased(), t.deploymentID, t.cameraID,
                    t.started.timeIntervalSince1970, t.ended.timeIntervalSince1970, points,
                ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError.duplicateVisit
            }
        }
    }

    private static func upsertHeatmaps(_ grids: [HeatmapGrid], _ db: Database) throws {
        guard !grids.isEmpty else { return }
        // Cell-wise addition needs the stored grid; the write transaction makes read-add-write atomic.
        let select = try db.cachedStatement(sql: """
            SELECT columns, rows, cell_size, counts FROM heatmap_grid
            WHERE deployment_id = ? AND camera_id = ? AND bucket_start = ? AND bucket_seconds = ?
            """)
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO heatmap_grid (deployment_id, camera_id, bucket_start, bucket_seconds, columns, rows, cell_size, counts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, camera_id, bucket_start, bucket_seconds) DO UPDATE SET counts = excluded.counts
            """)
        for grid in grids {
            let key: StatementArguments = [grid.deploymentID, grid.cameraID, grid.bucket.epochSeconds, grid.bucket.seconds]
            var counts = grid.counts
            if let row = try Row.fetchOne(select, arguments: key) {
                let stored = HeatmapGrid(
                    deploymentID: grid.deploymentID, cameraID: grid.cameraID, bucket: grid.bucket,
                    columns: row["columns"], rows: row["rows"], cellSize: row["cell_size"], counts: [])
                guard stored.shape == grid.shape else {
                    throw StoreError.heatmapShapeMismatch(expected: stored.shape, got: grid.shape)
                }
                let previous = try HeatmapGrid.decode(row["counts"], cells: grid.counts.count)
                counts = zip(previous, grid.counts).map { stored, added in
                    let (sum, overflow) = stored.addingReportingOverflow(added)
                    return overflow ? UInt32.max : sum
                }
            }
            try upsert.execute(arguments: key + [grid.columns, grid.rows, grid.cellSize, HeatmapGrid.encode(counts)])
        }
    }

    private static func upsertCongestion(_ snapshots: [(CongestionSnapshot, TimeBucket)], _ db: Database) throws {
        guard !snapshots.isEmpty else { return }
        // A late snapshot must not hide a newer one: replace only when not older.
        let current = try db.cachedStatement(sql: """
            INSERT INTO congestion_current (deployment_id, area_id, taken_at, person_count, level)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (deployment_id, area_id) DO UPDATE SET
                taken_at = excluded.taken_at, person_count = excluded.person_count, level = excluded.level
            WHERE excluded.taken_at >= congestion_current.taken_at
            """)
        let history = try db.cachedStatement(sql: """
            INSERT INTO congestion_history (deployment_id, area_id, bucket_start, bucket_seconds,
                samples, person_count_sum, person_count_max, level_max)
            VALUES (?, ?, ?, ?, 1, ?, ?, ?)
            ON CONFLICT (deployment_id, area_id, bucket_start, bucket_seconds) DO UPDATE SET
                samples = samples + 1,
                person_count_sum = person_count_sum + excluded.person_count_sum,
                person_count_max = MAX(person_count_max, excluded.person_count_max),
                level_max = MAX(level_max, excluded.level_max)
            """)
        for (s, bucket) in snapshots {
            try current.execute(arguments: [s.deploymentID, s.areaID, s.takenAt.timeIntervalSince1970, s.personCount, s.level.rawValue])
            try history.execute(arguments: [
                s.deploymentID, s.areaID, bucket.epochSeconds, bucket.seconds, s.personCount, s.personCount, s.level.rawValue,
            ])
        }
    }
}
