import Foundation
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import Testing

@Suite("One camera's failure never stops the others")
struct ResilienceTests {
    @Test("a refused rtsp camera is retried with back-off while the other camera keeps counting; shutdown flushes")
    func deadCameraRetried() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PipelineFixture.vtest()
        var manifest = try PipelineFixture.example("counting")
        // The detector on every other frame: this test is about retries and shutdown, and it shares 2 cores with
        // every other suite (and the command tests' own pipelines) when the whole run goes at once.
        try manifest.set("cameras[0].settings.detect_every", yaml: "2")
        try manifest.addCamera(id: "dead", source: "rtsp://127.0.0.1:9/stream")
        let deployment = try PipelineFixture.approve(manifest, in: folder)
        let store = try AnalyticsStore(path: folder.appendingPathComponent("test.sqlite").path)
        var options = PipelineFixture.options(folder: folder, frames: 250, untilEnd: false)
        options.flushInterval = .seconds(3600)   // only the shutdown flush can store the counts
        let pipeline = try Pipeline(deployment: deployment, store: store, options: options)
        let running = Task { try await pipeline.run() }
        // Wait for the file camera to end while the dead one keeps retrying (generous: tests share 2 cores).
        let deadline = Date().addingTimeInterval(480)
        while Date() < deadline {
            let statuses = pipeline.status
            // Ended, not only 250 frames analysed: the camera still ends its tracks after its last frame.
            if statuses.first(where: { $0.id == "street" })?.state == .ended,
               (statuses.first(where: { $0.id == "dead" })?.reconnectAttempts ?? 0) >= 3 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let statuses = pipeline.status
        let street = try #require(statuses.first { $0.id == "street" })
        let deadStatus = try #require(statuses.first { $0.id == "dead" })
        #expect(street.state == .ended)
        #expect(deadStatus.state == .reconnecting)
        #expect(deadStatus.reconnectAttempts >= 3)
        #expect(deadStatus.framesRead == 0)
        let shutdownStarted = Date()
        await pipeline.shutdown()
        try await running.value
        #expect(Date().timeIntervalSince(shutdownStarted) < 10, "a dead camera must not hold up the shutdown")
        #expect(pipeline.status.first { $0.id == "street" }?.framesProcessed == 250)
        let crossings = try await PipelineFixture.crossings(store)
        #expect(crossings.values.reduce(0, +) >= 2)
    }

    @Test("a corrupt video fails its camera only; a folder with a broken image goes on past it")
    func corruptSources() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.avi")
        try Data((0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: broken)
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        for (index, name) in ["grace_hopper.jpg", "messi5.jpg"].enumerated() {
            try FileManager.default.copyItem(at: PipelineFixture.media.appendingPathComponent(name),
                                             to: photos.appendingPathComponent("\(index * 2).jpg"))
        }
        try Data("not a jpeg".utf8).write(to: photos.appendingPathComponent("1.jpg"))

        var manifest = try PipelineFixture.example("counting")
        try manifest.addCamera(id: "corrupt", source: broken.path)
        try manifest.addCamera(id: "stills", source: photos.path)
        let (store, statuses) = try await PipelineFixture.run(manifest, folder: folder, frames: 250)
        let byID = Dictionary(uniqueKeysWithValues: statuses.map { ($0.id, $0) })
        #expect(byID["corrupt"]?.state == .failed)
        #expect(byID["stills"]?.state == .ended)
        #expect(byID["stills"]?.framesProcessed == 2)
        #expect(byID["stills"]?.badFrames == 1)
        #expect(byID["street"]?.framesProcessed == 250)
        #expect(try await PipelineFixture.crossings(store).values.reduce(0, +) >= 2)
    }
}
