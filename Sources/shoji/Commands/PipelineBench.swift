import ArgumentParser
import Foundation
import Logging
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import ShojiVision

/// `shoji bench pipeline`: how many live cameras (one video played as N cameras, each paced at a fixed frame
/// rate) the pipeline keeps up with for counting + flow, beside the decode-only ceiling measured in the same run.
struct PipelineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Cameras kept up with (counting + flow, paced live playback) vs the decode-only ceiling.",
        discussion: """
            The video is played as 1, 2, … --cameras cameras at once, each paced at --fps like a live camera: \
            a camera keeps up when the pipeline drops at most --max-drop of its frames. The deployment is \
            examples/flow.yaml with a counting line and the counting purpose of examples/counting.yaml, so it \
            goes through the same approval as 'shoji run'.
            """
    )

    @Option(help: "The video played by every camera.")
    var video: String = "media/vtest.avi"

    @Option(help: "Frames per second each camera delivers.")
    var fps: Double = 7

    @Option(help: "Largest number of cameras to try (it stops earlier after two counts in a row fall behind).")
    var cameras: Int = 10

    @Option(help: "Seconds of playback per measurement.")
    var seconds: Double = 15


    @Option(name: .customLong("max-drop"), help: "Largest share of dropped frames that still counts as keeping up.")
    var maxDrop: Double = 0.02

    @Option(help: "Folder holding flow.yaml and counting.yaml.")
    var examples: String = "examples"

    @Option(name: .customLong("detect-every"), help: "Person detector on every Nth frame (default: the example's setting).")
    var detectEvery: Int?

    @Option(help: "Overlapping strips the person detector sees (default: the example's setting).")
    var columns: Int?

    @OptionGroup var repetition: BenchRuns

    func validate() throws {
        guard cameras >= 1, fps > 0, seconds > 0 else {
            throw ValidationError("--cameras, --fps and --seconds must be positive")
        }
    }

    /// One measurement of N cameras.
    struct Measurement: Codable {
        var cameras: Int
        var analysedFPSPerCamera: Double
        var dropShare: Double
        var keptUp: Bool
    }

    func run() throws {
        let (runs, json) = (repetition.runs, repetition.json)
        let input = try failingWithOneLine { try MediaInput(argument: video) }
        let base = try failingWithOneLine { try manifest(examples: examples) }
        var decodeRates: [Double] = []
        var table: [Measurement] = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-bench-pipeline-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var ceilingReached = false
        for count in 1...cameras where !ceilingReached {
            var rates: [Double] = [], drops: [Double] = []
            for run in 1...runs {
                decodeRates.append(try failingWithOneLine { try AnonymizeBench.decodeOnly(input) })
                let (rate, drop) = try failingWithOneLine {
                    try measure(cameras: count, base: base, input: input, scratch: scratch.appendingPathComponent("\(count)-\(run)"))
                }
                rates.append(rate)
                drops.append(drop)
                FileHandle.standardError.write(Data(String(format: "%d camera(s), run %d/%d: %.2f frames/s per camera, %.1f%% dropped\n",
                                                           count, run, runs, rate, drop * 100).utf8))
            }
            let measurement = Measurement(cameras: count, analysedFPSPerCamera: median(rates), dropShare: median(drops),
                                          keptUp: median(drops) <= maxDrop)
            table.append(measurement)
            // Two failures in a row: more cameras will not do better.
            if table.suffix(2).count == 2, table.suffix(2).allSatisfy({ !$0.keptUp }) { ceilingReached = true }
        }
        let decode = median(decodeRates)
        let keptUp = table.filter(\.keptUp).map(\.cameras).max() ?? 0
        let decodeCameras = decode / fps
        let every = detectEvery ?? CameraSettings.defaultDetectEvery
        let strips = columns ?? CameraSettings.defaultDetectorColumns
        print("benchmark: shoji pipeline (counting + flow; person detector every \(every) frame(s) on \(strips) strip(s)) on \(input.displayName)")
        print("  each camera paced at \(fps) frames/s for \(seconds) s; median of \(runs); \(ProcessInfo.processInfo.activeProcessorCount) cores")
        for m in table {
            print(String(format: "  %d camera(s): %6.2f frames/s analysed per camera, %5.1f%% dropped  %@",
                         m.cameras, m.analysedFPSPerCamera, m.dropShare * 100, m.keptUp ? "kept up" : "fell behind"))
        }
        print(String(format: "  decode only (ceiling)    %8.1f frames/s = %.0f cameras at %.0f frames/s", decode, decodeCameras, fps))
        // When the largest count tried still kept up, the limit lies beyond it: say so rather than report a ceiling.
        let limitBeyondTried = table.last.map { $0.keptUp && $0.cameras == cameras } ?? false
        print(String(format: "  cameras kept up with     %8d%@", keptUp,
                     limitBeyondTried ? " or more (the most tried; raise --cameras to find the limit)" : ""))
        print(String(format: "  ratio pipeline/decode    %8.3f (camera frames analysed per second / decoded per second)",
                     Double(keptUp) * fps / decode))
        print("  target >= 4 cameras      \(keptUp >= 4 ? "met" : "NOT met")")
        if let json {
            let figures: [String: Any] = [
                "benchmark": "pipeline", "video": input.description, "runs": runs, "fps": fps, "seconds": seconds,
                "cores": ProcessInfo.processInfo.activeProcessorCount, "decode_fps_median": decode,
                "cameras_kept_up": keptUp, "limit_beyond_tried": limitBeyondTried, "decode_ceiling_cameras": decodeCameras,
                "ratio": Double(keptUp) * fps / decode,
                "measurements": table.map { ["cameras": $0.cameras, "fps_per_camera": $0.analysedFPSPerCamera,
                                              "drop_share": $0.dropShare, "kept_up": $0.keptUp] as [String: Any] },
            ]
            try writeFigures(figures, to: json)
        }
    }

    /// Runs `cameras` paced cameras for the configured time; returns the median analysed fps per camera and the
    /// largest share of frames any camera dropped.
    private func measure(cameras: Int, base: ManifestDocument, input: MediaInput, scratch: URL) throws -> (Double, Double) {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var document = base
        guard let template = try document.yaml(at: "cameras[0]") else { throw CommandFailure("the bench manifest has no camera") }
        try document.set("cameras", yaml: "[]")
        for index in 1...cameras {
            try document.append("cameras", yaml: template)
            try document.set("cameras[\(index - 1)].id", yaml: "camera-\(index)")
            try document.set("cameras[\(index - 1)].source", yaml: "'\(input.locator)'")
        }
        // Approved like any manifest: from its bytes in a file.
        let file = scratch.appendingPathComponent("bench.yaml")
        try Data(try document.text().utf8).write(to: file)
        let deployment = try ApprovedDeployment.approve(manifestAt: file, deploymentID: "bench", asOf: CalendarDay(Date()))
        let store = try AnalyticsStore(path: scratch.appendingPathComponent("bench.sqlite").path)
        var options = PipelineOptions()
        options.untilEnd = true
        options.paced = true
        options.playbackFramesPerSecond = fps
        options.maximumFrames = Int(seconds * fps)
        options.outputFolder = scratch
        var logger = Logger(label: "shoji.bench")
        logger.logLevel = .error
        let runtime = try DeploymentRuntime(deployment: deployment, store: store, options: options, logger: logger)
        let pipeline = runtime.pipeline
        let started = Date()
        try runBlocking { try await runtime.run(signals: []) }
        let elapsed = Date().timeIntervalSince(started)
        let statuses = pipeline.status
        let rates = statuses.map { Double($0.framesProcessed) / elapsed }
        let drops = statuses.map { $0.framesRead > 0 ? Double($0.framesDropped) / Double($0.framesRead) : 1 }
        return (median(rates), drops.max() ?? 1)
    }

    /// examples/flow.yaml with its first camera running counting and flow, and the counting purpose added.
    func manifest(examples: String) throws -> ManifestDocument {
        let folder = URL(fileURLWithPath: examples)
        var flow = try ManifestDocument(contentsOf: folder.appendingPathComponent("flow.yaml"))
        let counting = try ManifestDocument(contentsOf: folder.appendingPathComponent("counting.yaml"))
        guard let line = try counting.yaml(at: "cameras[0].settings.lines"),
              let purpose = try counting.yaml(at: "purposes[0]"), try flow.yaml(at: "cameras[0]") != nil else {
            throw CommandFailure("\(examples)/flow.yaml or counting.yaml has no camera or purpose to copy")
        }
        try flow.set("cameras[0].use_cases", yaml: "[counting, flow]")
        try flow.set("cameras[0].settings.lines", yaml: line)
        if let detectEvery { try flow.set("cameras[0].settings.detect_every", yaml: "\(detectEvery)") }
        if let columns { try flow.set("cameras[0].settings.detector_columns", yaml: "\(columns)") }
        while try flow.yaml(at: "cameras[1]") != nil { try flow.remove("cameras[1]") }
        try flow.append("purposes", yaml: purpose)
        try flow.set("retention.days.line_crossings", yaml: try counting.yaml(at: "retention.days.line_crossings") ?? "1095")
        return flow
    }
}
