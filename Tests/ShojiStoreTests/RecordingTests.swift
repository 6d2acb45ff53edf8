import Foundation
import GRDB
import Testing
@testable import ShojiStore

@Suite("Recording aggregates")
struct RecordingTests {
    @Test("line crossings with the same key add up; other keys stay apart")
    func lineCrossingUpsertIncrements() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let bucket = try Fixture.bucket(0)
        try await store.record(AnalyticsBatch(lineCrossings: [
            Fixture.crossing(.in, bucket: bucket, count: 3), Fixture.crossing(.out, bucket: bucket, count: 1),
        ]))
        try await store.record(AnalyticsBatch(lineCrossings: [
            Fixture.crossing(.in, bucket: bucket, count: 4), Fixture.crossing(.in, bucket: try Fixture.bucket(300), count: 2),
        ]))
        let rows = try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day))
        #expect(rows.map { "\($0.direction.rawValue)@\(Int($0.bucketStart.timeIntervalSince(Fixture.day)))=\($0.count)" }
            == ["in@0=7", "out@0=1", "in@300=2"])
        let stored = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM line_crossing_count") }
        #expect(stored == 3, "an increment updates the row, it does not add one")
    }

    @Test("attribute counts, zone dwell and transitions add up per key")
    func otherAggregatesIncrement() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let bucket = try Fixture.bucket(0)
        let d = Fixture.deploymentID
        let batch = AnalyticsBatch(
            attributes: [
                AttributeCount(deploymentID: d, cameraID: "c", bucket: bucket, ageBand: .age20to29, gender: .female, count: 2),
                AttributeCount(deploymentID: d, cameraID: "c", bucket: bucket, ageBand: .age70plus, gender: .unknown, count: 1),
            ],
            zoneDwell: [ZoneDwellStat(deploymentID: d, cameraID: "c", zoneID: "shelf", bucket: bucket, visits: 2, totalDwellSeconds: 30)],
            zoneTransitions: [ZoneTransitionCount(deploymentID: d, cameraID: "c", fromZoneID: "door", toZoneID: "shelf", bucket: bucket, count: 2)])
        try await store.record(batch)
        try await store.record(batch)
        let query = ReportQuery(since: Fixture.day)
        let attributes = try await store.records(of: Fixture.tenant).attributeTotals(query)
        #expect(attributes.map { "\($0.ageBand.rawValue)/\($0.gender.rawValue)=\($0.count)" } == ["20-29/female=4", "70+/unknown=2"])
        let dwell = try #require(try await store.records(of: Fixture.tenant).zoneDwellTotals(query).first)
        #expect(dwell.visits == 4)
        #expect(dwell.totalDwellSeconds == 60)
        #expect(dwell.meanDwellSeconds == 15)
        #expect(try await store.records(of: Fixture.tenant).zoneTransitionTotals(query).map(\.count) == [4])
    }

    @Test("heatmaps add cell by cell; another grid shape for the same bucket is refused")
    func heatmapsAdd() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let bucket = try Fixture.bucket(0)
        func grid(_ counts: [UInt32], columns: Int = 2) -> HeatmapGrid {
            HeatmapGrid(deploymentID: Fixture.deploymentID, cameraID: "c", bucket: bucket, columns: columns, rows: 2, cellSize: 0.5, counts: counts)
        }
        try await store.record(AnalyticsBatch(heatmaps: [grid([1, 0, 2, UInt32.max - 1])]))
        try await store.record(AnalyticsBatch(heatmaps: [grid([1, 5, 0, 9])]))
        let stored = try await store.records(of: Fixture.tenant).heatmapTotals(ReportQuery(since: Fixture.day))
        #expect(stored.map(\.counts) == [[2, 5, 2, UInt32.max]], "adds, and saturates instead of wrapping")
        await #expect { try await store.record(AnalyticsBatch(heatmaps: [grid([1, 1, 1, 1, 1, 1], columns: 3)])) } throws: { error in
            if case .heatmapShapeMismatch = error as? StoreError { return true } else { return false }
        }
        await #expect(throws: StoreError.self) { try await store.record(AnalyticsBatch(heatmaps: [grid([1, 2, 3])])) }
    }

    @Test("a congestion snapshot replaces the area's row unless it is older; history keeps samples, mean and peak")
    func congestionReplaces() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store(options: .init(congestionHistoryBucketSeconds: 600))
        func snap(_ offset: Double, _ people: Int, _ level: CongestionLevel, area: String = "platform-1") -> CongestionSnapshot {
            CongestionSnapshot(deploymentID: Fixture.deploymentID, areaID: area, takenAt: Fixture.day.addingTimeInterval(offset), personCount: people, level: level)
        }
        try await store.record(AnalyticsBatch(congestion: [snap(10, 40, .crowded), snap(10, 3, .light, area: "platform-2")]))
        try await store.record(AnalyticsBatch(congestion: [snap(70, 80, .veryCrowded)]))
        try await store.record(AnalyticsBatch(congestion: [snap(20, 5, .light)]))  // arrives late: must not win

        let latest = try await store.records(of: Fixture.tenant).latestCongestion()
        #expect(latest.map { "\($0.areaID)=\($0.personCount)/\($0.level)" } == ["platform-1=80/very_crowded", "platform-2=3/light"])
        let rows = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM congestion_current") }
        #expect(rows == 2, "one row per area")

        let history = try await store.records(of: Fixture.tenant).congestionHistory(ReportQuery(since: Fixture.day))
        let platform1 = try #require(history.first { $0.areaID == "platform-1" })
        #expect(platform1.samples == 3)
        #expect(platform1.meanPersonCount == (40 + 80 + 5) / 3.0)
        #expect(platform1.maxPersonCount == 80)
        #expect(platform1.maxLevel == .veryCrowded)
        #expect(platform1.bucketSeconds == 600)
    }

    @Test("records must name a recorded deployment; a failing batch stores nothing")
    func unknownDeploymentRollsBack() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let bucket = try Fixture.bucket(0)
        var stranger = Fixture.crossing(line: "other", bucket: bucket, count: 1)
        stranger.deploymentID = "never-approved"
        await #expect(throws: StoreError.unknownDeployment) {
            try await store.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(bucket: bucket, count: 5), stranger]))
        }
        #expect(try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day)).isEmpty)
    }

    @Test("bad values are refused before the write")
    func badValuesAreRefused() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let bucket = try Fixture.bucket(0)
        await #expect(throws: StoreError.self) { try await store.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(bucket: bucket, count: -1)])) }
        await #expect(throws: StoreError.self) { try await store.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(camera: "", bucket: bucket, count: 1)])) }
        #expect(throws: StoreError.self) { try TimeBucket(containing: Fixture.day, seconds: 0) }
        #expect(throws: StoreError.self) { try TimeBucket(start: Fixture.day.addingTimeInterval(7), seconds: 300) }
        #expect(try TimeBucket(containing: Fixture.day.addingTimeInterval(299.9), seconds: 300).start == Fixture.day)
        #expect(try TimeBucket(containing: Date(timeIntervalSince1970: -1), seconds: 300).start == Date(timeIntervalSince1970: -300))
    }

    @Test("deployments keep every approval and never change tenant")
    func deploymentApprovals() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        var reapproved = Fixture.deployment
        reapproved.manifestSHA256 = String(repeating: "CD", count: 32)
        reapproved.approvedAt = Fixture.deployment.approvedAt.addingTimeInterval(86_400)
        try await store.recordDeployment(reapproved)
        try await store.recordDeployment(Fixture.deployment)  // same approval again: no new row
        let approvals = try await store.records(of: Fixture.tenant).deployments()
        #expect(approvals.map(\.manifestSHA256) == [String(repeating: "ab", count: 32), String(repeating: "cd", count: 32)])
        #expect(approvals.allSatisfy { $0.tenantID == "tenant-a" && $0.assessmentJSON == #"{"findings":[]}"# })

        var otherTenant = Fixture.deployment
        otherTenant.tenantID = "tenant-b"
        await #expect(throws: StoreError.deploymentTenantMismatch(deploymentID: Fixture.deploymentID)) {
            try await store.recordDeployment(otherTenant)
        }
        var badDigest = Fixture.deployment
        badDigest.manifestSHA256 = "not-a-digest"
        await #expect(throws: StoreError.self) { try await store.recordDeployment(badDigest) }
    }
}

@Suite("Time buckets")
struct TimeBucketTests {
    @Test("a decoded bucket is validated like a constructed one")
    func decodingValidates() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let good = try decoder.decode(TimeBucket.self, from: Data(#"{"start":1780272000,"seconds":300}"#.utf8))
        #expect(good.start == Fixture.day)
        #expect(good.end == Fixture.day.addingTimeInterval(300))
        #expect(throws: DecodingError.self) { try decoder.decode(TimeBucket.self, from: Data(#"{"start":1780272007,"seconds":300}"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(TimeBucket.self, from: Data(#"{"start":1780272000,"seconds":0}"#.utf8)) }
    }
}
