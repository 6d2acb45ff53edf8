import Foundation
import Logging
import PostgresNIO
import ShojiStore
import ShojiStorePostgres
import Testing

/// One conformance suite for both stores: the edge's SQLite `AnalyticsStore` and the hub's `PostgresStore`. Each
/// test runs on a fresh store of each kind (a new SQLite file; a new PostgreSQL database in the test cluster).
@Suite("Store conformance: SQLite and PostgreSQL")
struct StoreConformanceTests {
    enum Kind: String, CaseIterable, CustomStringConvertible {
        case sqlite, postgres
        var description: String { rawValue }
    }

    @Test("a batch is stored whole and summed kind by kind; the same batch id again changes nothing", arguments: Kind.allCases)
    func replayChangesNothing(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let batch = try Records.batch(node: "edge-1", sequence: 1, deployment: "shop-a", scale: 1)
            #expect(try await store.record(batch, tenant: nil))
            let once = try await store.totals(of: Records.retail)
            #expect(once == Records.expectedTotals([1]), "\(once)")
            #expect(try await store.record(batch, tenant: nil) == false, "a replay is not applied")
            #expect(try await store.totals(of: Records.retail) == once)
            // The next batch of the node is applied; so is the same sequence number of another node.
            #expect(try await store.record(try Records.batch(node: "edge-1", sequence: 2, deployment: "shop-a", scale: 2), tenant: nil))
            #expect(try await store.record(try Records.batch(node: "edge-2", sequence: 1, deployment: "shop-b", scale: 3), tenant: nil))
            #expect(try await store.totals(of: Records.retail) == Records.expectedTotals([1, 2, 3]))
            #expect(try await store.totals(of: Records.railway) == RecordTotals(), "nothing of another tenant")
        }
    }

    @Test("a node cannot write as another tenant, nor name an unknown deployment, nor mix tenants in a batch", arguments: Kind.allCases)
    func tenantsKeptApart(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            let railway = try Records.batch(node: "edge-1", sequence: 1, deployment: "station", scale: 1)
            await #expect(throws: StoreError.deploymentTenantMismatch(deploymentID: "station")) {
                try await store.record(railway, tenant: Records.retail)
            }
            await #expect(throws: StoreError.unknownDeployment) {
                try await store.record(try Records.batch(node: "edge-1", sequence: 2, deployment: "nowhere", scale: 1), tenant: nil)
            }
            var mixed = try Records.batch(node: "edge-1", sequence: 3, deployment: "shop-a", scale: 1)
            mixed.lineCrossings += railway.lineCrossings
            await #expect(throws: StoreError.self) { try await store.record(mixed, tenant: nil) }
            #expect(try await store.totals(of: Records.retail) == RecordTotals())
            #expect(try await store.totals(of: Records.railway) == RecordTotals())
            // Refused batches were not claimed: the same ids apply once their records are right.
            #expect(try await store.record(railway, tenant: Records.railway))
            #expect(try await store.totals(of: Records.railway) == Records.expectedTotals([1]))
        }
    }

    @Test("a bad value is refused before anything is stored, and the batch id stays free", arguments: Kind.allCases)
    func badValuesRefused(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            var bad = try Records.batch(node: "edge-1", sequence: 1, deployment: "shop-a", scale: 1)
            bad.attributes[0].count = -1
            await #expect(throws: StoreError.self) { try await store.record(bad, tenant: nil) }
            #expect(try await store.totals(of: Records.retail) == RecordTotals())
            #expect(try await store.record(try Records.batch(node: "edge-1", sequence: 1, deployment: "shop-a", scale: 1), tenant: nil))
        }
    }

    @Test("retention removes what is past its cut-off and nothing else, the same in both stores", arguments: Kind.allCases)
    func retention(_ kind: Kind) async throws {
        try await Self.withStore(kind) { store in
            // Four months back, two months back, and today; then keep thirty days.
            for (sequence, days) in [(1, 120.0), (2, 60.0), (3, 0.0)] {
                #expect(try await store.record(try Records.batch(node: "edge-1", sequence: Int64(sequence), deployment: "shop-a",
                                                                 scale: sequence, at: Records.day.addingTimeInterval(-days * 86_400)), tenant: nil))
            }
            let cutoff = Records.day.addingTimeInterval(-30 * 86_400)
            let kinds = RecordKind.allCases.filter(\.isShareable)
            let removed = try await store.deleteRecords(olderThan: Dictionary(uniqueKeysWithValues: kinds.map { ($0, cutoff) }), deploymentID: nil)
            #expect(removed[.lineCrossings] == 6 && removed[.attributes] == 4 && removed[.heatmaps] == 2 && removed[.congestionHistory] == 2,
                    "two batches' rows: \(removed)")
            #expect(removed[.congestion] == 0, "the latest snapshot of the area is today's")
            #expect(try await store.totals(of: Records.retail) == Records.expectedTotals([3]), "only today's batch is left")
        }
    }

    @Test("the same batch sent by two hubs at once is stored once")
    func concurrentReplays() async throws {
        try await Self.withPostgres { store in
            let batches = try (1...20).map { try Records.batch(node: "edge-1", sequence: Int64($0), deployment: "shop-a", scale: 1) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { for batch in batches { try await store.record(batch, tenant: Records.retail) } }
                }
                try await group.waitForAll()
            }
            #expect(try await store.totals(of: Records.retail) == Records.expectedTotals(Array(repeating: 1, count: 20)))
        }
    }

    @Test("hub tables are partitioned by month; retention drops whole months that ended before the cut-off")
    func partitionsDropped() async throws {
        try await Self.withPostgres { store in
            let old = try Records.batch(node: "edge-1", sequence: 1, deployment: "shop-a", scale: 1, at: Records.day.addingTimeInterval(-62 * 86_400))
            try await store.record(old, tenant: nil)
            try await store.record(try Records.batch(node: "edge-1", sequence: 2, deployment: "shop-a", scale: 1), tenant: nil)
            #expect(try await store.totals(of: Records.retail) == Records.expectedTotals([1, 1]))
            let dropped = try await store.dropPartitions(endingBefore: Records.day.addingTimeInterval(-31 * 86_400))
            #expect(!dropped.isEmpty && dropped.allSatisfy { $0.contains("_y") }, "\(dropped)")
            #expect(try await store.totals(of: Records.retail) == Records.expectedTotals([1]), "only the old month went")
            // The dropped month takes records again: its partition is made anew.
            try await store.record(try Records.batch(node: "edge-1", sequence: 3, deployment: "shop-a", scale: 1,
                                                     at: Records.day.addingTimeInterval(-62 * 86_400)), tenant: nil)
            #expect(try await store.totals(of: Records.retail) == Records.expectedTotals([1, 1]))
        }
    }

    // MARK: Stores

    typealias Store = any AnalyticsRecording & RecordTotalsReading & RecordRetention

    /// Runs `body` on a fresh store of `kind` with the deployments of ``Records`` recorded.
    static func withStore(_ kind: Kind, _ body: @Sendable (Store) async throws -> Void) async throws {
        switch kind {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-conformance-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try AnalyticsStore(path: folder.appendingPathComponent("edge.sqlite").path)
            try await Records.recordDeployments(store)
            try await body(store)
        case .postgres:
            try await withPostgres(body)
        }
    }

    /// Runs `body` on a hub store over a new database of the test cluster, deployments recorded.
    static func withPostgres(_ body: @Sendable (PostgresStore) async throws -> Void) async throws {
        let cluster = PostgresTestCluster.shared
        let database = try await cluster.makeDatabase()
        let client = PostgresClient(configuration: try await cluster.configuration(database: database))
        try await PostgresTestCluster.using(client) { client in
            let store = PostgresStore(client: client)
            try await store.migrate()
            try await Records.recordDeployments(store)
            try await body(store)
        }
    }
}

/// The records the conformance tests store: two deployments of a retailer and one of a railway.
enum Records {
    static let retail = "shoji-retail", railway = "shoji-railway"
    /// Midnight UTC of a fixed day, so that buckets align.
    static let day = Date(timeIntervalSince1970: 1_796_083_200)

    static func recordDeployments(_ store: any AnalyticsRecording) async throws {
        for (deployment, tenant) in [("shop-a", retail), ("shop-b", retail), ("station", railway)] {
            try await store.recordDeployment(DeploymentRecord(
                deploymentID: deployment, tenantID: tenant, manifestSHA256: String(repeating: "ab", count: 32),
                approvedAt: day, assessmentJSON: "{}"))
        }
    }

    /// One batch of every shareable kind, its counts multiplied by `scale`, in the hour after `at`.
    static func batch(node: String, sequence: Int64, deployment: String, scale: Int, at: Date = day) throws -> AnalyticsBatch {
        let bucket = try TimeBucket(start: at, seconds: 60), later = try TimeBucket(start: at.addingTimeInterval(60), seconds: 60)
        var batch = AnalyticsBatch(
            lineCrossings: [
                LineCrossingCount(deploymentID: deployment, cameraID: "entrance", lineID: "door", direction: .in, bucket: bucket, count: 3 * scale),
                LineCrossingCount(deploymentID: deployment, cameraID: "entrance", lineID: "door", direction: .out, bucket: bucket, count: 2 * scale),
                LineCrossingCount(deploymentID: deployment, cameraID: "entrance", lineID: "door", direction: .in, bucket: later, count: 1 * scale),
            ],
            attributes: [
                AttributeCount(deploymentID: deployment, cameraID: "entrance", bucket: bucket, ageBand: .age30to39, gender: .female, count: 4 * scale),
                AttributeCount(deploymentID: deployment, cameraID: "entrance", bucket: bucket, ageBand: .unknown, gender: .unknown, count: 1 * scale),
            ],
            zoneDwell: [ZoneDwellStat(deploymentID: deployment, cameraID: "floor", zoneID: "shelf", bucket: bucket, visits: 2 * scale,
                                      totalDwellSeconds: 12.25 * Double(scale))],
            zoneTransitions: [ZoneTransitionCount(deploymentID: deployment, cameraID: "floor", fromZoneID: "door", toZoneID: "shelf",
                                                  bucket: bucket, count: 5 * scale)],
            heatmaps: [HeatmapGrid(deploymentID: deployment, cameraID: "floor", bucket: bucket, columns: 2, rows: 2, cellSize: 0.5,
                                   counts: [1, 0, 2, UInt32(scale)])],
            congestion: [CongestionSnapshot(deploymentID: deployment, areaID: "\(deployment)-hall", takenAt: at.addingTimeInterval(30),
                                            personCount: 7, level: .moderate)])
        batch.id = try BatchID(node: node, sequence: sequence)
        return batch
    }

    /// The totals of one batch per scale in `scales`.
    static func expectedTotals(_ scales: [Int]) -> RecordTotals {
        let scale = Int64(scales.reduce(0, +)), batches = Int64(scales.count)
        var totals = RecordTotals()
        totals.lineCrossings = 6 * scale
        totals.attributes = 5 * scale
        totals.zoneVisits = 2 * scale
        totals.zoneDwellMilliseconds = 12_250 * scale
        totals.zoneTransitions = 5 * scale
        totals.heatmapCells = scale + 3 * batches
        totals.congestionSamples = batches
        return totals
    }
}
