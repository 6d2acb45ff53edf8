import Foundation
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import Testing

@Suite("Attributes (use case 1): one age band and gender per tracked person")
struct AttributesTests {
    @Test("a person seen in several frames is decided once, from her faces, and counted once")
    func decidedOncePerTrack() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same portrait six times: one person standing still, tracked across six frames.
        let frames = folder.appendingPathComponent("frames")
        try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: true)
        let portrait = PipelineFixture.media.appendingPathComponent("astronaut.png")
        try #require(FileManager.default.fileExists(atPath: portrait.path))
        for index in 0..<6 {
            try FileManager.default.createSymbolicLink(at: frames.appendingPathComponent("\(index).png"),
                                                       withDestinationURL: portrait)
        }
        var manifest = try PipelineFixture.example("attributes")
        try manifest.set("cameras[0].source", yaml: "'\(frames.path)'")
        try manifest.remove("cameras[0].settings.tracker")   // the default tracker: confirmed after 3 detections
        let (store, statuses) = try await PipelineFixture.run(manifest, folder: folder, frames: nil)
        #expect(statuses.first?.framesProcessed == 6)
        let rows = try await store.records(of: "shoji-retail").attributeTotals(ReportQuery(since: .distantPast))
        #expect(rows.map(\.count).reduce(0, +) == 1, "\(rows)")
        #expect(rows.first?.gender == .female)
        #expect(rows.first.map { ![.unknown, .age0to9, .age10to19].contains($0.ageBand) } ?? false, "\(rows)")
    }
}
