import Foundation
import GRDB
import Testing
@testable import ShojiStore

@Suite("Opening the database")
struct OpeningTests {
    @Test("migrations apply to an empty file and are not applied again on reopen")
    func migrationsAreIdempotent() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("a.sqlite")
        let first = try AnalyticsStore(path: path)
        #expect(try await first.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5"])
        try await first.recordDeployment(Fixture.deployment)
        try await first.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(bucket: try Fixture.bucket(0), count: 3)]))

        let second = try AnalyticsStore(path: path)
        #expect(try await second.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5"])
        let rows = try await second.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day))
        #expect(rows.map(\.count) == [3], "reopening must keep what was stored")
    }

    @Test("secure_delete and foreign_keys are on for writer and reader connections, and the journal is WAL")
    func pragmasAreSet() async throws {
        let dir = try TemporaryDirectory()
        let store = try AnalyticsStore(path: dir.path("a.sqlite"))
        let onWriter = try await store.pool.write { db in
            (try Int.fetchOne(db, sql: "PRAGMA secure_delete"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        let onReader = try await store.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA secure_delete"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(onWriter.0 == 1)
        #expect(onWriter.1 == 1)
        #expect(onWriter.2 == "wal")
        #expect(onReader.0 == 1)
        #expect(onReader.1 == 1)
    }

    @Test("a file of random bytes gives notADatabase and is left byte for byte as it was")
    func corruptFileIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("corrupt.sqlite")
        var generator = SplitMix64(seed: 0x5A0_1DB)
        let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: URL(fileURLWithPath: path))

        #expect(throws: StoreError.notADatabase(path: path)) { try AnalyticsStore(path: path) }
        #expect(throws: StoreError.notADatabase(path: path)) { try AnalyticsStore(path: path, options: .init(readOnly: true)) }
        #expect(FileManager.default.contents(atPath: path) == garbage)
    }

    @Test("a missing folder, a folder as path and a missing file opened read-only give cannotOpen")
    func unopenablePaths() throws {
        let dir = try TemporaryDirectory()
        let inMissingFolder = dir.path("nope/a.sqlite")
        #expect { try AnalyticsStore(path: inMissingFolder) } throws: { error in
            guard case let .cannotOpen(path, reason) = error as? StoreError else { return false }
            return path == inMissingFolder && reason.contains("does not exist")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("nope")))
        #expect { try AnalyticsStore(path: dir.url.path) } throws: { error in
            if case .cannotOpen = error as? StoreError { return true } else { return false }
        }
        #expect { try AnalyticsStore(path: dir.path("absent.sqlite"), options: .init(readOnly: true)) } throws: { error in
            if case .cannotOpen = error as? StoreError { return true } else { return false }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("absent.sqlite")), "read-only must not create a file")
        #expect(throws: StoreError.cannotOpen(path: "", reason: "the path is empty")) { try AnalyticsStore(path: "") }
    }

    @Test("a file migrated by a newer version is refused with newerSchema")
    func newerSchemaIsRefused() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("a.sqlite")
        _ = try AnalyticsStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        try queue.close()
        #expect(throws: StoreError.newerSchema(path: path)) { try AnalyticsStore(path: path) }
    }

    @Test("a read-only store reads but refuses writes")
    func readOnlyStore() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("a.sqlite")
        let writer = try await dir.store("a.sqlite")
        try await writer.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(bucket: try Fixture.bucket(0), count: 2)]))
        let reader = try AnalyticsStore(path: path, options: .init(readOnly: true))
        #expect(try await reader.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day)).map(\.count) == [2])
        await #expect { try await reader.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(bucket: try Fixture.bucket(0), count: 1)])) } throws: { error in
            if case .cannotOpen = error as? StoreError { return true } else { return false }
        }
    }

    @Test("a write blocked by another connection's write gives busy and stores nothing")
    func busyDatabase() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("a.sqlite")
        let store = try await dir.store("a.sqlite", options: .init(busyTimeoutSeconds: 0.05))
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // to hold the write lock across calls, as another process would
        let other = try DatabaseQueue(path: path, configuration: config)
        try await other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        await #expect(throws: StoreError.busy(path: path)) {
            try await store.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(bucket: try Fixture.bucket(0), count: 1)]))
        }
        try await other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        try await store.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(bucket: try Fixture.bucket(0), count: 1)]))
        #expect(try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day)).map(\.count) == [1])
    }

    @Test("disk full gives the diskFull error and keeps everything stored before, and nothing of the failed batch")
    func diskFullKeepsStoredData() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("small.sqlite")
        let store = try await dir.store("small.sqlite", options: .init(maximumSizeBytes: 512 * 1024))
        try await store.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(line: "kept", bucket: try Fixture.bucket(0), count: 7)]))

        // Enough distinct rows to need far more than the 512 KiB cap.
        let flood = try (0..<20_000).map { i in
            Fixture.crossing(line: "line-\(i)-" + String(repeating: "x", count: 40), bucket: try Fixture.bucket(0), count: 1)
        }
        await #expect(throws: StoreError.diskFull(path: path)) { try await store.record(AnalyticsBatch(lineCrossings: flood)) }
        #expect(StoreError.diskFull(path: path).description.hasPrefix("disk full: free space or move the database with --database"))

        let rows = try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day))
        #expect(rows.map(\.lineID) == ["kept"])
        #expect(rows.map(\.count) == [7])
        // The store still works after the failure.
        try await store.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(line: "kept", bucket: try Fixture.bucket(0), count: 1)]))
        #expect(try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day)).map(\.count) == [8])
    }
}

/// A small deterministic generator, so that the "random" corrupt file is the same in every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
