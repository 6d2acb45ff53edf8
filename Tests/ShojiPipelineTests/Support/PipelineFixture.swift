import Foundation
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import ShojiVision
import Testing

/// Real manifests, media and stores for pipeline tests.
enum PipelineFixture {
    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fixed start time, so that buckets do not depend on when the test runs.
    static let start = Date(timeIntervalSince1970: 1_796_000_400)  // 2026-11-30T00:20:00Z

    /// `$SHOJI_MEDIA` or `media/`.
    static var media: URL {
        if let explicit = ProcessInfo.processInfo.environment["SHOJI_MEDIA"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return repository.appendingPathComponent("media")
    }

    /// vtest.avi, which must be installed.
    static func vtest() throws -> URL {
        let url = media.appendingPathComponent("vtest.avi")
        try #require(FileManager.default.fileExists(atPath: url.path), "\(url.path) is missing: run scripts/setup")
        return url
    }

    /// An example manifest of the repository, with every file camera pointed at vtest.avi by absolute path.
    static func example(_ name: String) throws -> Manifest {
        var manifest = try Manifest.load(contentsOf: repository.appendingPathComponent("examples/\(name).yaml"))
        for index in manifest.cameras.indices where manifest.cameras[index].source.hasPrefix("media/") {
            manifest.cameras[index].source = media.appendingPathComponent(
                String(manifest.cameras[index].source.dropFirst("media/".count))).path
        }
        return manifest
    }

    /// Approves `manifest` as of its start day.
    static func plan(_ manifest: Manifest, deployment: String = "test") throws -> PipelinePlan {
        let assessment = Assessment(manifest: manifest, asOf: manifest.startsOn)
        return try PipelinePlan.approve(manifest: manifest, assessment: assessment, deploymentID: deployment,
                                        manifestSHA256: String(repeating: "a", count: 64))
    }

    /// A fresh folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Options for a test run: fixed clock, files until their end (or `frames`), icon maps in `folder`.
    static func options(folder: URL, frames: Int?, untilEnd: Bool = true) -> PipelineOptions {
        var options = PipelineOptions()
        options.untilEnd = untilEnd
        options.maximumFrames = frames
        options.outputFolder = folder.appendingPathComponent("out")
        options.clock = { start }
        options.reconnect = FrameSource.ReconnectPolicy(initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200))
        options.statusInterval = .milliseconds(200)
        return options
    }

    /// Runs `plan` to its end and returns the store and the final statuses.
    static func run(_ plan: PipelinePlan, folder: URL, frames: Int?) async throws -> (AnalyticsStore, [CameraStatus]) {
        let store = try AnalyticsStore(path: folder.appendingPathComponent("test.sqlite").path)
        let pipeline = try Pipeline(plan: plan, store: store, options: options(folder: folder, frames: frames))
        try await pipeline.run()
        return (store, pipeline.status)
    }

    /// Every line crossing stored, by direction.
    static func crossings(_ store: AnalyticsStore) async throws -> [ShojiStore.CrossingDirection: Int] {
        let rows = try await store.lineCrossingTotals(ReportQuery(since: Date(timeIntervalSince1970: 0)))
        return rows.reduce(into: [:]) { $0[$1.direction, default: 0] += $1.count }
    }
}
