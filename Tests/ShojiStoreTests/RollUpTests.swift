import Foundation
import Testing
@testable import ShojiStore

@Suite("Hourly roll-ups")
struct RollUpTests {
    /// Bucket lengths a camera may use: dividing an hour, not dividing it (7 min), and whole hours and a day.
    static let lengths = [60, 300, 420, 900, 3600, 7200, 86_400]

    @Test("reports rolled up to hours or days give the same totals from the roll-up tables as from the records")
    func rollUpsMatchRecords() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        var random = SplitMix64(seed: 42)
        var crossings: [LineCrossingCount] = [], attributes: [AttributeCount] = []
        for _ in 0..<3000 {
            let seconds = Self.lengths[Int(random.next() % UInt64(Self.lengths.count))]
            let offset = Int(random.next() % (3 * 86_400))
            let bucket = try Fixture.bucket(offset, seconds: seconds)
            let camera = "cam-\(random.next() % 3)"
            crossings.append(Fixture.crossing(camera: camera, line: "line-\(random.next() % 2)",
                                              random.next() % 2 == 0 ? .in : .out, bucket: bucket, count: Int(random.next() % 9)))
            attributes.append(AttributeCount(deploymentID: Fixture.deploymentID, cameraID: camera, bucket: bucket,
                                             ageBand: AgeBand.allCases[Int(random.next() % UInt64(AgeBand.allCases.count))],
                                             gender: [.female, .male, .unknown][Int(random.next() % 3)], count: Int(random.next() % 5)))
        }
        // In batches, as flushes store them: the roll-up adds across batches like the records do.
        for start in stride(from: 0, to: crossings.count, by: 500) {
            try await store.record(AnalyticsBatch(lineCrossings: Array(crossings[start..<min(start + 500, crossings.count)]),
                                                  attributes: Array(attributes[start..<min(start + 500, attributes.count)])))
        }
        let records = store.records(of: Fixture.tenant)
        for rollUp in [3600, 7200, 86_400] {
            for (since, until) in [(0, 3 * 86_400), (86_400, 2 * 86_400), (-86_400, 4 * 86_400)] {
                let query = ReportQuery(since: Fixture.day.addingTimeInterval(TimeInterval(since)),
                                        until: Fixture.day.addingTimeInterval(TimeInterval(until)), bucketSeconds: rollUp)
                #expect(query.rollsUpToHours)
                let fromRecords = try await records.lineCrossingTotals(query, fromRollUp: false)
                #expect(try await records.lineCrossingTotals(query, fromRollUp: true) == fromRecords, "roll-up \(rollUp) s, \(since)…\(until)")
                #expect(try await records.lineCrossingTotals(query) == fromRecords)
                #expect(!fromRecords.isEmpty)
                let attributesFromRecords = try await records.attributeTotals(query, fromRollUp: false)
                #expect(try await records.attributeTotals(query, fromRollUp: true) == attributesFromRecords)
            }
        }
        #expect(crossings.map(\.count).reduce(0, +) == (try await records.lineCrossingTotals(ReportQuery(since: .distantPast, bucketSeconds: 86_400))).map(\.count).reduce(0, +))
    }

    @Test("retention removes a roll-up hour once its start is past the cut-off: nothing older outlives the records")
    func retentionAgesRollUps() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        try await store.record(AnalyticsBatch(lineCrossings: [
            Fixture.crossing(bucket: try Fixture.bucket(0, seconds: 60), count: 1),       // 00:00, hour 00
            Fixture.crossing(bucket: try Fixture.bucket(1800, seconds: 60), count: 2),    // 00:30, hour 00
            Fixture.crossing(bucket: try Fixture.bucket(3600, seconds: 60), count: 4),    // 01:00, hour 01
        ]))
        // Cut-off at 00:30: the 00:00 record goes; the hour 00 goes whole from the roll-up.
        _ = try await store.deleteRecords(olderThan: [.lineCrossings: Fixture.day.addingTimeInterval(1800)], deploymentID: nil)
        let hourly = try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: .distantPast, bucketSeconds: 3600))
        #expect(hourly.map(\.count) == [4])
        let records = try await store.records(of: Fixture.tenant).lineCrossingTotals(ReportQuery(since: .distantPast))
        #expect(records.map(\.count) == [2, 4])
    }
}
