import ArgumentParser
import Foundation
import ShojiVision

/// `shoji bench`: speed measured against a ceiling in the same run, reported as medians and ratios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed against a ceiling measured in the same run (medians of several runs).",
        subcommands: [AnonymizeBench.self, PipelineBench.self, VaultBench.self, FaceBench.self, ConsoleBench.self, HubBench.self]
    )
}

/// Frames per second of `shoji anonymize` at its defaults beside OpenCV's decode-only rate on the same file.
struct AnonymizeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Anonymisation frames/s at the defaults vs decode-only frames/s (the ceiling) on one video."
    )

    @Option(help: "The video to measure.")
    var video: String = "media/vtest.avi"

    @OptionGroup var repetition: BenchRuns

    func run() throws {
        let input = try failingWithOneLine { try MediaInput(argument: video) }
        var decodeRates: [Double] = [], anonymizeRates: [Double] = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (runs, json) = (repetition.runs, repetition.json)
        for run in 1...runs {
            let decode = try failingWithOneLine { try Self.decodeOnly(input) }
            decodeRates.append(decode)
            let anonymizer = try failingWithOneLine { try Anonymizer() }
            let result = try failingWithOneLine { try anonymizer.anonymize(input, into: scratch) }
            anonymizeRates.append(result.framesPerSecond)
            try? FileManager.default.removeItem(at: scratch)
            FileHandle.standardError.write(Data(String(format: "run %d/%d: decode %.1f frames/s, anonymize %.1f frames/s\n",
                                                       run, runs, decode, result.framesPerSecond).utf8))
        }
        let decode = median(decodeRates), anonymize = median(anonymizeRates)
        print("benchmark: shoji anonymize (defaults: faces, blur, 320x256) on \(input.displayName), median of \(runs)")
        print(String(format: "  decode only (ceiling)   %8.1f frames/s", decode))
        print(String(format: "  anonymize               %8.1f frames/s", anonymize))
        print(String(format: "  ratio anonymize/decode  %8.3f", anonymize / decode))
        print(String(format: "  target 30 frames/s      %@", anonymize >= 30 ? "met" : "NOT met"))
        if let json {
            let figures: [String: Any] = [
                "benchmark": "anonymize", "video": input.description, "runs": runs, "cores": ProcessInfo.processInfo.activeProcessorCount,
                "decode_fps_median": decode, "anonymize_fps_median": anonymize, "ratio": anonymize / decode,
                "decode_fps_runs": decodeRates, "anonymize_fps_runs": anonymizeRates,
            ]
            try writeFigures(figures, to: json)
        }
    }

    /// Decodes every frame and nothing else: the most any pipeline reading this file can do.
    static func decodeOnly(_ input: MediaInput) throws -> Double {
        let source = try FrameSource(input)
        let start = Date()
        var frames = 0
        while try source.next() != nil { frames += 1 }
        return Double(frames) / Date().timeIntervalSince(start)
    }
}

/// The middle value (mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Writes a benchmark's figures as sorted, indented JSON to `path`, creating its folder.
func writeFigures(_ figures: [String: Any], to path: String) throws {
    let data = try JSONSerialization.data(withJSONObject: figures, options: [.prettyPrinted, .sortedKeys])
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}

/// The options every benchmark takes: how many runs to take the median of, and where to write the figures.
struct BenchRuns: ParsableArguments {
    @Option(help: "Runs of each measurement; the median is reported.")
    var runs: Int = 3

    @Option(help: "Also write the figures as JSON to this file.")
    var json: String?

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }
}
