import ArgumentParser
import Foundation
import ShojiPipeline
import ShojiTracking
import ShojiVision

/// `shoji eval`: accuracy against ground truth.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure accuracy against ground truth.",
        subcommands: [EvalTrackingCommand.self, EvalIdentitiesCommand.self]
    )
}

/// `shoji eval tracking`: MOTA, IDF1, identity switches and line counts against MOT-format ground truth.
struct EvalTrackingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tracking",
        abstract: "Score person detection and tracking on a video against MOT-format ground truth.",
        discussion: """
            Example (PETS09-S2L1 is the sample vtest.avi):
              shoji eval tracking --gt ../shared/data/pets09-s2l1-gt-frames-0001-0400.txt media/vtest.avi \\
                --frames 1-400 --line 0,350,768,350

            --write-tracks writes the tracker's output in the same MOT format: an evaluation aid only \
            ('shoji run' never writes tracks of people). --sweep compares tracker settings on the same detections.
            """
    )

    @Option(help: "Ground truth in MOT format (frame, id, x, y, w, h, ...).")
    var gt: String

    @Argument(help: "The video the ground truth describes.")
    var video: String

    @Option(help: "Frames to evaluate, FROM-TO (1-based, inclusive); default: every frame of the ground truth.")
    var frames: String?

    @Option(help: "A counting line x1,y1,x2,y2 in pixels: compares true and counted crossings per direction.")
    var line: String?

    @Option(name: .customLong("write-tracks"), help: "Write the tracker's output to this file in MOT format.")
    var writeTracks: String?

    @Option(name: .customLong("detect-every"), help: "Run the person detector on every Nth frame.")
    var detectEvery: Int = 1

    @Option(help: "Overlapping vertical strips given to the person detector.")
    var columns: Int = 2

    @Flag(help: "Also try a grid of tracker settings on the same detections and print each one's scores.")
    var sweep = false

    @Option(help: "Output: text or json.")
    var format: String = "text"

    func validate() throws {
        guard detectEvery >= 1 else { throw ValidationError("--detect-every must be at least 1") }
        guard (1...6).contains(columns) else { throw ValidationError("--columns must be 1 to 6") }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
        if let frames { _ = try Self.parseRange(frames) }
        if let line { _ = try Self.parseLine(line) }
    }

    func run() throws {
        try failingWithOneLine {
            let truth = try MOTFormat.read(contentsOf: URL(fileURLWithPath: gt))
            guard let first = truth.map(\.frame).min(), let last = truth.map(\.frame).max() else {
                throw CommandFailure("\(gt): holds no ground-truth boxes")
            }
            let range = try frames.map(Self.parseRange) ?? first...last
            let countingLine = try line.map(Self.parseLine)
            let input = try MediaInput(argument: video)
            let settings = TrackingEvaluation.Settings(detectEvery: detectEvery, columns: columns)
            let bar = ProgressLine()
            let started = Date()
            let detections = try TrackingEvaluation.detect(video: input, frames: range, settings: settings) { number in
                let done = number - range.lowerBound + 1
                bar.update(label: "detecting", done: done, total: range.count,
                           rate: Double(done) / max(0.001, Date().timeIntervalSince(started)))
            }
            bar.finish()
            let hypotheses = try TrackingEvaluation.track(detections, frames: range, settings: settings)
            let scored = try TrackingEvaluation.score(groundTruth: truth, hypotheses: hypotheses, frames: range,
                                                      line: countingLine)
            if let writeTracks {
                try Data(MOTFormat.format(hypotheses).utf8).write(to: URL(fileURLWithPath: writeTracks), options: .atomic)
            }
            if format == "json" {
                try printJSON(scored.metrics, scored.line, range: range)
            } else {
                printText(scored.metrics, scored.line, range: range)
            }
            if sweep { try runSweep(detections: detections, truth: truth, range: range, line: countingLine) }
        }
    }

    private func printText(_ m: MOTMetrics, _ line: TrackingEvaluation.LineComparison?, range: ClosedRange<Int>) {
        print("tracking on \(video), frames \(range.lowerBound)-\(range.upperBound), detector every \(detectEvery) frame(s) on \(columns) strip(s)")
        print(String(format: "  MOTA %.3f   IDF1 %.3f   MOTP (IoU) %.3f", m.mota, m.idf1, m.motp))
        print(String(format: "  recall %.3f   precision %.3f   ID switches %d   FP %d   FN %d   GT ids %d   track ids %d",
                     m.recall, m.precision, m.idSwitches, m.falsePositives, m.misses, m.groundTruthIDs, m.hypothesisIDs))
        if let line {
            print(String(format: "  line %@: in  true %d counted %d (%+.1f%%)   out  true %d counted %d (%+.1f%%)",
                         line.lineID, line.trueInbound, line.countedInbound, line.inboundError * 100,
                         line.trueOutbound, line.countedOutbound, line.outboundError * 100))
        }
    }

    private func printJSON(_ m: MOTMetrics, _ line: TrackingEvaluation.LineComparison?, range: ClosedRange<Int>) throws {
        struct Report: Encodable {
            var video: String, firstFrame: Int, lastFrame: Int, detectEvery: Int, columns: Int
            var mota: Double, idf1: Double, motp: Double, recall: Double, precision: Double, idSwitches: Int
            var metrics: MOTMetrics
            var line: TrackingEvaluation.LineComparison?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let report = Report(video: video, firstFrame: range.lowerBound, lastFrame: range.upperBound,
                            detectEvery: detectEvery, columns: columns, mota: m.mota, idf1: m.idf1, motp: m.motp,
                            recall: m.recall, precision: m.precision, idSwitches: m.idSwitches, metrics: m, line: line)
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    private func runSweep(detections: TrackingEvaluation.FrameDetections, truth: [MOTRecord], range: ClosedRange<Int>,
                          line: CountingLine?) throws {
        print("sweep (same detections):")
        print("  high  minIoU recovery lostRounds hits  maxAge   MOTA   IDF1  IDsw  in/out")
        var grid: [TrackerConfiguration] = []
        for high in [0.4, 0.5] { for minimumIoU in [0.1, 0.2] { for recovery in [0.0, 0.5, 1.0, 1.5] {
            for lost in [1, 2] { for hits in [2, 3] { for maxAge in [30, 60] {
                var tracker = TrackingEvaluation.defaultTracker
                tracker.highConfidence = high
                tracker.newTrackConfidence = max(high, tracker.newTrackConfidence)
                tracker.minimumIoU = minimumIoU
                tracker.recoveryDistance = recovery
                tracker.reportLostRounds = lost
                tracker.minimumHits = hits
                tracker.maxAge = maxAge
                if (try? tracker.validate()) != nil { grid.append(tracker) }
            } } }
        } } }
        for tracker in grid {
            let settings = TrackingEvaluation.Settings(detectEvery: detectEvery, columns: columns, tracker: tracker)
            let hypotheses = try TrackingEvaluation.track(detections, frames: range, settings: settings)
            let scored = try TrackingEvaluation.score(groundTruth: truth, hypotheses: hypotheses, frames: range, line: line)
            let counts = scored.line.map { "\($0.countedInbound)/\($0.countedOutbound) of \($0.trueInbound)/\($0.trueOutbound)" } ?? "-"
            print(String(format: "  %.2f  %.2f    %.1f      %d          %d     %3d    %.3f  %.3f  %4d  %@",
                         tracker.highConfidence, tracker.minimumIoU, tracker.recoveryDistance, tracker.reportLostRounds,
                         tracker.minimumHits, tracker.maxAge, scored.metrics.mota, scored.metrics.idf1,
                         scored.metrics.idSwitches, counts))
        }
    }

    static func parseRange(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 1, parts[0] <= parts[1] else {
            throw ValidationError("--frames must be FROM-TO with 1 <= FROM <= TO, not '\(text)'")
        }
        return parts[0]...parts[1]
    }

    static func parseLine(_ text: String) throws -> CountingLine {
        let values = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 4, let line = try? CountingLine(id: "line", start: Point(x: values[0], y: values[1]),
                                                              end: Point(x: values[2], y: values[3]), band: 8) else {
            throw ValidationError("--line must be x1,y1,x2,y2 with two distinct points, not '\(text)'")
        }
        return line
    }
}
