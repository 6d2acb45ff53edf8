import Foundation
import GRDB
import Testing
@testable import ShojiStore

@Suite("Retention")
struct RetentionTests {
    /// A camera id that appears in no other row, so its bytes can be looked for in the files.
    static let marker = "MARKER-7f3a9c2e-only-in-the-old-row"

    /// Old rows (60 days before `now`) of every kind, under the marker camera and area, and new rows (1 day old).
    static func seed(_ store: AnalyticsStore, now: Date, deploymentID d: String = Fixture.deploymentID) async throws {
        for (age, camera) in [(60.0, marker), (1.0, "cam-new")] {
            let at = now.addingTimeInterval(-age * 86_400)
            let bucket = try TimeBucket(containing: at, seconds: 300)
            try await store.record(AnalyticsBatch(
                lineCrossings: [LineCrossingCount(deploymentID: d, cameraID: camera, lineID: "gate", direction: .aToB, bucket: bucket, count: 5)],
                attributes: [AttributeCount(deploymentID: d, cameraID: camera, bucket: bucket, ageBand: .age30to39, gender: .male, count: 1)],
                zoneDwell: [ZoneDwellStat(deploymentID: d, cameraID: camera, zoneID: "z", bucket: bucket, visits: 1, totalDwellSeconds: 4)],
                zoneTransitions: [ZoneTransitionCount(deploymentID: d, cameraID: camera, fromZoneID: "a", toZoneID: "b", bucket: bucket, count: 1)],
                trajectories: [FlowTrajectory(visitID: UUID(), deploymentID: d, cameraID: camera, started: at.addingTimeInterval(-60), ended: at,
                                              points: [FlowPoint(offset: 0, x: 1, y: 1)])],
                heatmaps: [HeatmapGrid(deploymentID: d, cameraID: camera, bucket: bucket, columns: 1, rows: 1, cellSize: 1, counts: [3])],
                congestion: [CongestionSnapshot(deploymentID: d, areaID: camera, takenAt: at, personCount: 9, level: .moderate)]))
            // Repeat and watchlist rows are written by the vault; here straight in SQL, one of each kind.
            try await store.pool.write { db in
                let entry = UUID().uuidString.lowercased()
                try db.execute(sql: """
                    INSERT INTO watchlist_entry (entry_id, tenant_id, deployment_id, category, evidence, evidence_date,
                        registered_by, registered_at, status)
                    VALUES (?, 't', ?, 'theft', 'report 1', '2026-01-01', 'a', ?, 'pending')
                    """, arguments: [entry, d, at.timeIntervalSince1970])
                try db.execute(sql: """
                    INSERT INTO match_alert (alert_id, tenant_id, entry_id, deployment_id, camera_id, matched_at, distance, status)
                    VALUES (?, 't', ?, ?, ?, ?, 0.3, 'pending')
                    """, arguments: [UUID().uuidString.lowercased(), entry, d, camera, at.timeIntervalSince1970])
                try db.execute(sql: """
                    INSERT INTO repeat_visit (tenant_id, visitor_id, deployment_id, camera_id, visited_at) VALUES ('t', ?, ?, ?, ?)
                    """, arguments: ["v-\(camera)-\(d)", d, camera, at.timeIntervalSince1970])
                try db.execute(sql: """
                    INSERT INTO repeat_visit_count (deployment_id, camera_id, bucket_start, bucket_seconds, visits, first_visits,
                        returning_visits, return_interval_seconds)
                    VALUES (?, ?, ?, 300, 2, 1, 1, 60)
                    """, arguments: [d, camera, Int64(bucket.start.timeIntervalSince1970)])
            }
        }
    }

    /// Rows per kind's table, straight from SQL.
    static func rowCounts(_ store: AnalyticsStore) async throws -> [RecordKind: Int] {
        try await store.pool.read { db in
            var counts: [RecordKind: Int] = [:]
            for kind in RecordKind.allCases {
                counts[kind] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(kind.storage.table)")
            }
            return counts
        }
    }

    @Test("a sweep deletes old rows of every kind, keeps new ones, and the marker is gone from the .sqlite, -wal and -shm bytes")
    func sweepErasesFromFiles() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("retention.sqlite")
        let store = try await dir.store("retention.sqlite")
        let now = Fixture.day
        try await Self.seed(store, now: now)

        let marker = Data(Self.marker.utf8)
        #expect(databaseFileBytes(path).range(of: marker) != nil, "the marker must be on disk before the sweep, or the test proves nothing")
        #expect(try await Self.rowCounts(store) == Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, 2) }))

        let policy = try RetentionPolicy(days: [:], defaultDays: 30)
        let sweeper = RetentionSweeper(store: store, policy: policy, deploymentID: Fixture.deploymentID, now: { now })
        let report = try await sweeper.sweep()

        #expect(report.deleted == Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, 1) }))
        #expect(report.checkpointComplete)
        #expect(try await Self.rowCounts(store) == Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, 1) }))
        let query = ReportQuery(since: now.addingTimeInterval(-365 * 86_400))
        #expect(try await store.records(of: Fixture.tenant).lineCrossingTotals(query).map(\.cameraID) == ["cam-new"])
        #expect(try await store.records(of: Fixture.tenant).trajectories(query).map(\.cameraID) == ["cam-new"])
        #expect(try await store.records(of: Fixture.tenant).latestCongestion().map(\.areaID) == ["cam-new"])

        let after = databaseFileBytes(path)
        #expect(after.range(of: marker) == nil, "deleted content must not remain in the database files")
        #expect(after.range(of: Data("cam-new".utf8)) != nil, "kept rows are still on disk")
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(walSize == 0, "the WAL is truncated")
    }

    @Test("days per kind: a kind with longer retention keeps its rows; a kind with no retention is not swept")
    func perKindDays() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let now = Fixture.day
        try await Self.seed(store, now: now)
        let policy = try RetentionPolicy(days: [.lineCrossings: 90, .attributes: 7, .flowTrajectories: 0])
        #expect(Set(policy.unboundedKinds) == Set(RecordKind.allCases).subtracting([.lineCrossings, .attributes, .flowTrajectories]))
        let report = try await RetentionSweeper(store: store, policy: policy, deploymentID: Fixture.deploymentID, now: { now }).sweep()
        #expect(report.deleted == [.lineCrossings: 0, .attributes: 1, .flowTrajectories: 2])
        let counts = try await Self.rowCounts(store)
        #expect(counts[.lineCrossings] == 2)
        #expect(counts[.attributes] == 1)
        #expect(counts[.flowTrajectories] == 0)
        #expect(counts[.heatmaps] == 2)
    }

    @Test("a policy refuses negative days")
    func policyValidation() {
        #expect(throws: StoreError.self) { try RetentionPolicy(days: [.heatmaps: -1]) }
        #expect(throws: StoreError.self) { try RetentionPolicy(days: [:], defaultDays: -3) }
    }

    @Test("a deployment's sweep deletes its own old records only: another deployment in the same file keeps its own")
    func sweepIsPerDeployment() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        var other = Fixture.deployment
        other.deploymentID = "dep-other-tenant"
        other.tenantID = "tenant-b"
        try await store.recordDeployment(other)
        let now = Fixture.day
        try await Self.seed(store, now: now)
        try await Self.seed(store, now: now, deploymentID: other.deploymentID)

        let policy = try RetentionPolicy(days: [:], defaultDays: 30)
        let report = try await RetentionSweeper(store: store, policy: policy, deploymentID: Fixture.deploymentID,
                                                now: { now }).sweep()
        #expect(report.deleted == Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, 1) }))
        let otherID = other.deploymentID
        let otherRows = try await store.pool.read { db in
            try RecordKind.allCases.map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0.storage.table) WHERE deployment_id = ?",
                                 arguments: [otherID])
            }
        }
        #expect(otherRows == RecordKind.allCases.map { _ in 2 }, "the other deployment's old and new rows are all kept")
    }

    @Test("run() sweeps once per period with the injected clock and stops when sleep is cancelled")
    func runLoop() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let start = Fixture.day
        try await Self.seed(store, now: start)
        let clock = TestClock(start: start)
        // Retention 30 days: the first sweep removes the 60-day-old rows; after the clock moves 40 days the
        // 1-day-old rows are 41 days old and the second sweep removes them.
        let sweeper = RetentionSweeper(
            store: store, policy: try RetentionPolicy(days: [.lineCrossings: 30]), deploymentID: Fixture.deploymentID,
            period: .seconds(3600),
            now: { clock.now }, sleep: { period in try await clock.sleep(period, advancingBy: 40 * 86_400, stopAfter: 2) })
        await sweeper.run()

        #expect(clock.sleeps == [.seconds(3600), .seconds(3600)])
        #expect(try await Self.rowCounts(store)[.lineCrossings] == 0)
        #expect(try await Self.rowCounts(store)[.attributes] == 2, "kinds without retention are kept")
    }
}

/// A clock the test moves: each sleep advances it, and the n-th sleep throws CancellationError to end run().
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Duration] = []

    init(start: Date) { current = start }

    var now: Date { lock.withLock { current } }
    var sleeps: [Duration] { lock.withLock { recorded } }

    func sleep(_ period: Duration, advancingBy seconds: TimeInterval, stopAfter limit: Int) async throws {
        let count = lock.withLock {
            recorded.append(period)
            current = current.addingTimeInterval(seconds)
            return recorded.count
        }
        if count >= limit { throw CancellationError() }
    }
}
