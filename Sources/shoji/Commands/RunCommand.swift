import ArgumentParser
import Foundation
import Logging
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import ShojiVision

/// `shoji run manifest.yaml`: runs the analytics of an approved deployment on its cameras (live streams,
/// devices, files) and stores the records in the database. SIGINT or SIGTERM stops it gracefully: every camera
/// ends its tracks and what was counted is stored before the process exits.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the analytics an approved deployment manifest allows, storing records in the database.",
        discussion: """
            The manifest is assessed first: the run is refused (exit 1, findings printed) when a legal obligation \
            is unmet or a camera runs a use case no declared purpose covers. Per camera, the settings map of the \
            manifest gives lines, zones, homography, congestion areas, detect_every and the fps budget (see \
            Sources/ShojiPipeline/README.md). No frame or crop is written anywhere; the only images written are \
            congestion icon maps (shapes only) in --output. Stop with Ctrl-C or SIGTERM: counts are flushed.
            """
    )

    @OptionGroup var target: DeploymentOptions

    @OptionGroup var hub: HubOptions

    @Flag(name: .customLong("until-end"), help: "Stop once every camera's source has ended (video files).")
    var untilEnd = false

    @Option(help: "Folder for congestion icon maps.")
    var output: String = "out"

    @Option(name: .customLong("max-frames"), help: "Read at most this many frames per camera.")
    var maxFrames: Int?

    @Flag(help: "Play video files in real time and drop frames the analysis cannot keep up with, like a live camera.")
    var paced = false

    @Option(name: .customLong("flush-seconds"), help: "Store what was counted this often.")
    var flushSeconds: Int = 10

    @Flag(help: "No live status line.")
    var quiet = false

    func validate() throws {
        if let maxFrames, maxFrames < 1 { throw ValidationError("--max-frames must be at least 1") }
        guard flushSeconds >= 1 else { throw ValidationError("--flush-seconds must be at least 1") }
    }

    func run() throws {
        let deployment = try target.approve()
        let store = try target.openStore(outbox: hub.sendsToHub)
        let sender = try hub.sender(for: store)
        var options = PipelineOptions()
        options.untilEnd = untilEnd
        options.maximumFrames = maxFrames
        options.paced = paced
        options.outputFolder = URL(fileURLWithPath: output)
        options.flushInterval = .seconds(flushSeconds)
        options.retentionSweepPeriod = .seconds(3600)
        let statusLine = StatusLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        options.onStatus = { statusLine.draw($0) }
        var logger = Logger(label: "shoji.run")
        logger.logLevel = .warning
        let runtime = try failingWithOneLine {
            try DeploymentRuntime(deployment: deployment, store: store, keyFolder: target.keyFolder, options: options, logger: logger)
        }
        let pipeline = runtime.pipeline
        let plan = pipeline.plan
        let cameras = plan.cameras.map { "\($0.id) [\($0.useCases.map(\.rawValue).joined(separator: ", "))]" }
        FileHandle.standardError.write(Data("shoji run: deployment \(plan.deploymentID), cameras: \(cameras.joined(separator: "; "))\n".utf8))
        try failingWithOneLine { try runBlocking { try await runtime.run(outbox: sender) } }
        statusLine.finish()
        for status in pipeline.status {
            var line = "\(status.id): \(status.state.rawValue), \(status.framesProcessed) frames analysed, "
                + "\(status.framesDropped) dropped, \(status.framesSkipped) skipped for the fps budget"
            if status.badFrames > 0 { line += ", \(status.badFrames) bad frames" }
            if status.reconnectAttempts > 0 { line += ", \(status.reconnectAttempts) reconnection attempts" }
            if let problem = status.problem, status.state == .failed { line += " (\(problem))" }
            print(line)
        }
        print("records stored in \(target.database)")
        if let sender {
            let sent = sender.status
            let backlog = try awaitingOneLine { try await store.outboxBacklog() }
            var line = "hub: \(sent.acknowledgedBatches) batches (\(sent.acknowledgedRecords) records) acknowledged"
            line += backlog.batches > 0 ? ", \(backlog.batches) waiting in the outbox for the next run" : ", outbox empty"
            if backlog.batches > 0, let problem = sent.lastError { line += " (last problem: \(problem))" }
            print(line)
        }
    }
}

/// The live status line: one field per camera, redrawn in place on a terminal. Whatever the terminal, a camera
/// whose source ends or fails gets one line of its own on standard error, once.
final class StatusLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var width = 0
    private var announced: Set<String> = []

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func draw(_ statuses: [CameraStatus]) {
        lock.withLock {
            for status in statuses where !announced.contains(status.id) {
                let message: String
                switch status.state {
                case .ended: message = "\(status.id): source ended after \(status.framesProcessed) frames"
                case .failed: message = "\(status.id): failed (\(status.problem ?? "unknown problem")); the other cameras go on"
                default: continue
                }
                announced.insert(status.id)
                clear()
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            guard enabled else { return }
            let line = statuses.map(\.summary).joined(separator: " | ")
            let padding = max(0, width - line.count)
            width = line.count
            FileHandle.standardError.write(Data(("\r" + line + String(repeating: " ", count: padding)).utf8))
        }
    }

    func finish() {
        lock.withLock { clear() }
    }

    private func clear() {
        guard enabled, width > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: width) + "\r").utf8))
        width = 0
    }
}
