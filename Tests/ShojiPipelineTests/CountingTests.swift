import Foundation
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import Testing

@Suite("Counting (use case 4) on vtest.avi")
struct CountingTests {
    @Test("people crossing the walkway line are counted in both directions, in the run's bucket")
    func bothDirections() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PipelineFixture.vtest()
        let (store, statuses) = try await PipelineFixture.run(try PipelineFixture.example("counting"), folder: folder, frames: 250)
        let byDirection = try await PipelineFixture.crossings(store)
        #expect(byDirection[.aToB, default: 0] >= 1)
        #expect(byDirection[.bToA, default: 0] >= 1)
        #expect(statuses.map(\.framesProcessed) == [250])
        #expect(statuses.map(\.framesDropped) == [0], "a file source is read losslessly")
        let rows = try await store.records(of: "shoji-retail").lineCrossingTotals(ReportQuery(since: .distantPast))
        let bucket = try TimeBucket(containing: PipelineFixture.start, seconds: 900)
        #expect(rows.allSatisfy { $0.bucketStart == bucket.start && $0.lineID == "walkway" && $0.cameraID == "street" })
    }

    @Test("the fps budget skips frames instead of queueing them")
    func budget() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PipelineFixture.vtest()
        var manifest = try PipelineFixture.example("counting")
        try manifest.set("cameras[0].settings.fps", yaml: "5")   // vtest.avi is 10 frames/s
        let (_, statuses) = try await PipelineFixture.run(manifest, folder: folder, frames: 60)
        let status = try #require(statuses.first)
        #expect(status.framesRead == 60)
        #expect(status.framesProcessed == 30)
        #expect(status.framesSkipped == 30)
    }
}
