import Foundation
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import Testing

@Suite("Retention enforced by the pipeline")
struct RetentionTests {
    @Test("manifest kinds map to every table that stores them; transient kinds to none")
    func mapping() throws {
        let manifest = try PipelineFixture.plan(try PipelineFixture.example("flow")).deployment.manifest
        let days = RetentionPlan.days(from: manifest.retention)
        let declared = manifest.retention.days
        #expect(days[.flowTrajectories] == declared[.trajectories])
        #expect(days[.zoneDwell] == declared[.zoneStatistics] && days[.zoneTransitions] == declared[.zoneStatistics])
        #expect(days[.heatmaps] == declared[.heatmaps])
        #expect(days.count == 4, "frames and tracks are never stored: \(days)")
    }

    @Test("a run sweeps records past the manifest's period out of the database file, and keeps the rest")
    func runSweeps() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deployment = try PipelineFixture.approve(try PipelineFixture.example("counting"), in: folder)
        let plan = try PipelinePlan(deployment: deployment)
        let period = try #require(plan.retention.days[.lineCrossings])
        let path = folder.appendingPathComponent("test.sqlite").path
        let store = try AnalyticsStore(path: path)
        try await store.recordDeployment(DeploymentRecord(
            deploymentID: plan.deploymentID, tenantID: plan.tenant, manifestSHA256: deployment.manifestSHA256,
            approvedAt: PipelineFixture.start, assessmentJSON: "{}"))
        let day = 86_400.0
        let expired = try TimeBucket(containing: PipelineFixture.start.addingTimeInterval(-Double(period + 2) * day), seconds: 900)
        let recent = try TimeBucket(containing: PipelineFixture.start.addingTimeInterval(-Double(period - 2) * day), seconds: 900)
        let marker = "EXPIRED-LINE-7f3a9c"
        try await store.record(AnalyticsBatch(lineCrossings: [
            LineCrossingCount(deploymentID: plan.deploymentID, cameraID: "cam-old", lineID: marker, direction: .aToB,
                              bucket: expired, count: 5),
            LineCrossingCount(deploymentID: plan.deploymentID, cameraID: "cam-old", lineID: "kept", direction: .aToB,
                              bucket: recent, count: 3),
        ]))
        #expect(try await store.checkpointWAL(), "nothing else holds the database: the WAL is folded in")
        #expect(databaseBytes(path).range(of: Data(marker.utf8)) != nil, "the marker is on disk before the run")

        var options = PipelineFixture.options(folder: folder, frames: 20)
        options.retentionSweepPeriod = .seconds(3600)   // swept as of the fixture's clock
        let pipeline = try Pipeline(deployment: deployment, store: store, options: options)
        try await pipeline.run()

        let rows = try await store.records(of: "shoji-retail").lineCrossingTotals(ReportQuery(since: Date(timeIntervalSince1970: 0), cameraID: "cam-old"))
        #expect(rows.map(\.lineID) == ["kept"])
        // The sweep's own checkpoint can be kept from completing by the run's writes (documented: the old pages
        // then stay in the WAL until the next checkpoint succeeds); once the run has ended, one must complete.
        // Seen once in a loaded full-suite run (the marker in the files' bytes after the run).
        #expect(try await store.checkpointWAL(), "nothing holds the database after the run")
        #expect(databaseBytes(path).range(of: Data(marker.utf8)) == nil, "expired record gone from the file's bytes")
    }

    private func databaseBytes(_ path: String) -> Data {
        ["", "-wal", "-shm"].reduce(into: Data()) { all, suffix in
            if let data = FileManager.default.contents(atPath: path + suffix) { all.append(data) }
        }
    }
}
