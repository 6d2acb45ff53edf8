import Foundation
import Testing
@testable import ShojiStore

@Suite("Report queries")
struct ReportTests {
    @Test("the window keeps buckets overlapping [since, until) and filters by deployment and camera")
    func windowFilters() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        try await store.record(AnalyticsBatch(lineCrossings: [
            Fixture.crossing(bucket: try Fixture.bucket(0), count: 1),
            Fixture.crossing(bucket: try Fixture.bucket(300), count: 2),
            Fixture.crossing(bucket: try Fixture.bucket(600), count: 4),
            Fixture.crossing(camera: "cam-2", bucket: try Fixture.bucket(300), count: 8),
        ]))
        // since 10:07 (inside the 300 s bucket) until 10:10 (start of the 600 s bucket).
        let window = ReportQuery(since: Fixture.day.addingTimeInterval(420), until: Fixture.day.addingTimeInterval(600))
        #expect(try await store.records(of: Fixture.tenant).lineCrossingTotals(window).map(\.count) == [2, 8])
        var oneCamera = window
        oneCamera.cameraID = "cam-2"
        #expect(try await store.records(of: Fixture.tenant).lineCrossingTotals(oneCamera).map(\.count) == [8])
        var otherDeployment = window
        otherDeployment.deploymentID = "someone-else"
        #expect(try await store.records(of: Fixture.tenant).lineCrossingTotals(otherDeployment).isEmpty)
    }

    @Test("roll-up adds stored buckets into longer ones and never splits a bucket that does not fit")
    func rollUp() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        try await store.record(AnalyticsBatch(lineCrossings: [
            Fixture.crossing(bucket: try Fixture.bucket(0), count: 1),
            Fixture.crossing(bucket: try Fixture.bucket(3300), count: 2),
            Fixture.crossing(bucket: try Fixture.bucket(3600), count: 4),
            Fixture.crossing(bucket: try Fixture.bucket(0, seconds: 7 * 60), count: 16),  // 7 min does not divide an hour
        ]))
        let hourly = try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day, bucketSeconds: 3600))
        let shape = hourly.map { "\(Int($0.bucketStart.timeIntervalSince(Fixture.day)))+\($0.bucketSeconds)=\($0.count)" }
        #expect(shape == ["-360+420=16", "0+3600=3", "3600+3600=4"])
        await #expect(throws: StoreError.self) { try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day, bucketSeconds: 0)) }
    }

    @Test("rows encode as flat JSON objects for the command to print")
    func rowsAreFlatJSON() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        try await store.record(AnalyticsBatch(lineCrossings: [Fixture.crossing(.bToA, bucket: try Fixture.bucket(0), count: 3)]))
        let rows = try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: Fixture.day))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(rows), as: UTF8.self)
        #expect(json == #"[{"bucketSeconds":300,"bucketStart":"2026-06-01T00:00:00Z","cameraID":"cam-1","count":3,"deploymentID":"dep-station-east","direction":"b_to_a","lineID":"gate"}]"#)
    }
}
