import Foundation
import PostgresNIO
import ShojiStore
import ShojiStorePostgres
import Testing

/// The hub's reads answer what the edge's answer: the same records stored in SQLite and in PostgreSQL give the
/// same rows for every query the console, the API and `shoji report` make.
@Suite("Read conformance: SQLite and PostgreSQL")
struct ReadConformanceTests {
    @Test("every read gives the same rows from both stores, per tenant, window, roll-up, deployment and camera")
    func sameRows() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let edge = try AnalyticsStore(path: folder.appendingPathComponent("edge.sqlite").path)
        try await Records.recordDeployments(edge)
        try await StoreConformanceTests.withPostgres { hub in
            var sequence: Int64 = 0
            for (deployment, hours) in [("shop-a", 0..<30), ("shop-b", 5..<9), ("station", 0..<3)] {
                for hour in hours {
                    sequence += 1
                    let batch = try Records.batch(node: "edge-1", sequence: sequence, deployment: deployment, scale: 1 + hour % 4,
                                                  at: Records.day.addingTimeInterval(Double(hour) * 3600 + 120))
                    #expect(try await edge.record(batch))
                    #expect(try await hub.record(batch))
                }
            }
            let day = Records.day
            let queries = [
                ReportQuery(since: day.addingTimeInterval(-86_400)),
                ReportQuery(since: day, until: day.addingTimeInterval(6 * 3600), bucketSeconds: 3600),
                ReportQuery(since: day.addingTimeInterval(3 * 3600), bucketSeconds: 86_400),
                ReportQuery(since: day, bucketSeconds: 900),
                ReportQuery(since: day, deploymentID: "shop-b"),
                ReportQuery(since: day, cameraID: "floor", bucketSeconds: 7200),
                ReportQuery(since: day.addingTimeInterval(40 * 3600)),
            ]
            for tenant in [Records.retail, Records.railway, "nobody"] {
                let (mine, theirs): (any TenantRecordsReading, any TenantRecordsReading) = (edge.records(of: tenant), hub.records(of: tenant))
                for query in queries {
                    #expect(try await theirs.lineCrossingTotals(query) == mine.lineCrossingTotals(query), "\(tenant) \(query)")
                    #expect(try await theirs.attributeTotals(query) == mine.attributeTotals(query), "\(tenant) \(query)")
                    #expect(try await theirs.zoneDwellTotals(query) == mine.zoneDwellTotals(query), "\(tenant) \(query)")
                    #expect(try await theirs.zoneTransitionTotals(query) == mine.zoneTransitionTotals(query), "\(tenant) \(query)")
                    #expect(try await theirs.congestionHistory(query) == mine.congestionHistory(query), "\(tenant) \(query)")
                    #expect(try await theirs.heatmapTotals(query) == mine.heatmapTotals(query), "\(tenant) \(query)")
                }
                #expect(try await theirs.latestCongestion(deploymentID: nil) == mine.latestCongestion(deploymentID: nil))
                #expect(try await theirs.latestCongestion(deploymentID: "shop-b") == mine.latestCongestion(deploymentID: "shop-b"))
                #expect(try await theirs.deployments() == mine.deployments())
            }
            let all = ReportQuery(since: day.addingTimeInterval(-86_400))
            #expect(try await hub.records(of: Records.retail).lineCrossingTotals(all).count == 3 * 34, "rows were read, not only compared")
            #expect(try await hub.records(of: Records.retail).lineCrossingTotals(all).allSatisfy { $0.deploymentID.hasPrefix("shop-") })
        }
    }
}
