import Foundation
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import ShojiVision
import Testing

/// Real manifests, media and stores for pipeline tests. Manifests are edited as YAML documents and approved from
/// their bytes in a file, as every deployment is.
enum PipelineFixture {
    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fixed start time, so that buckets do not depend on when the test runs.
    static let start = Date(timeIntervalSince1970: 1_796_000_400)  // 2026-11-30T00:20:00Z
    /// The examples' assessment day.
    static let day = CalendarDay(year: 2026, month: 12, day: 1)!

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

    /// An example manifest of the repository as a document, with every `media/` source pointed at the installed
    /// media by absolute path.
    static func example(_ name: String) throws -> ManifestDocument {
        var document = try ManifestDocument(contentsOf: repository.appendingPathComponent("examples/\(name).yaml"))
        var index = 0
        while let source = try document.string(at: "cameras[\(index)].source") {
            if source.hasPrefix("media/") {
                let path = media.appendingPathComponent(String(source.dropFirst("media/".count))).path
                try document.set("cameras[\(index)].source", yaml: "'\(path)'")
            }
            index += 1
        }
        return document
    }

    /// Writes `document` to `folder` and approves it as of its start day.
    static func approve(_ document: ManifestDocument, in folder: URL, deployment: String = "test") throws -> ApprovedDeployment {
        let file = folder.appendingPathComponent("\(deployment).yaml")
        try Data(try document.text().utf8).write(to: file)
        let day = try #require(CalendarDay(try document.string(at: "starts_on") ?? ""), "the manifest has a starts_on day")
        return try ApprovedDeployment.approve(manifestAt: file, deploymentID: deployment, asOf: day)
    }

    /// The plan of `document`, approved in a fresh folder.
    static func plan(_ document: ManifestDocument, deployment: String = "test") throws -> PipelinePlan {
        try PipelinePlan(deployment: approve(document, in: temporaryFolder(), deployment: deployment))
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

    /// Approves `document` in `folder`, runs it to its end and returns the store and the final statuses.
    static func run(_ document: ManifestDocument, folder: URL, frames: Int?, keys: TenantKeyring? = nil,
                    options: PipelineOptions? = nil) async throws -> (AnalyticsStore, [CameraStatus]) {
        let deployment = try approve(document, in: folder)
        let store = try AnalyticsStore(path: folder.appendingPathComponent("test.sqlite").path)
        let pipeline = try Pipeline(deployment: deployment, store: store, keys: keys,
                                    options: options ?? self.options(folder: folder, frames: frames))
        try await pipeline.run()
        return (store, pipeline.status)
    }

    /// Every line crossing stored, by direction.
    static func crossings(_ store: AnalyticsStore) async throws -> [ShojiStore.CrossingDirection: Int] {
        let rows = try await store.records(of: "shoji-retail").lineCrossingTotals(ReportQuery(since: Date(timeIntervalSince1970: 0)))
        return rows.reduce(into: [:]) { $0[$1.direction, default: 0] += $1.count }
    }
}

extension ManifestDocument {
    /// Appends a copy of camera `index` under another id and source.
    mutating func addCamera(copying index: Int = 0, id: String, source: String) throws {
        let template = try #require(try yaml(at: "cameras[\(index)]"), "camera \(index) exists")
        try append("cameras", yaml: template)
        var last = 0
        while try string(at: "cameras[\(last + 1)].id") != nil { last += 1 }
        try set("cameras[\(last)].id", yaml: "'\(id)'")
        try set("cameras[\(last)].source", yaml: "'\(source)'")
    }
}
