import ArgumentParser
import Foundation
import ShojiVision

/// `shoji anonymize`: guidebook use case 5 — mask faces and people in images, folders, videos and streams.
struct AnonymizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Mask faces (and optionally whole persons) in images, folders of images, videos and streams.",
        discussion: """
            Writes only anonymised output, into the output folder: NAME_anonymized.EXT for a file, \
            NAME_anonymized/ for a folder. Nothing else is written anywhere, and a failed or interrupted job \
            leaves no partial file.

            Examples:
              shoji anonymize media/vtest.avi -o out
              shoji anonymize media/faces --mode mosaic -o out
              shoji anonymize street.mp4 --targets faces,persons --keep-audio -o out
              shoji anonymize rtsp://camera.local/stream -o out      (Ctrl-C finishes the file)
            """
    )

    @Argument(help: "Images, folders of images, videos, stream URLs (rtsp://, http://) or devices (/dev/video0).")
    var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: "Output folder (created if missing).")
    var outputFolder: String = "out"

    @Option(help: "What to mask: faces, persons, or faces,persons.")
    var targets: String = "faces"

    @Option(help: "How to mask: blur, mosaic or fill.")
    var mode: MaskMode = .blur

    @Option(help: "Mask outline: ellipse or box.")
    var shape: MaskShape = .ellipse

    @Option(help: "Face detection threshold (0-1); lower finds more faces and more false ones.")
    var threshold: Double = FaceDetector.defaultThreshold

    @Option(name: .customLong("detect-size"), help: "Face detector input size WxH, or 'full' for each frame's own size.")
    var detectSize: String = FaceDetector.defaultDetectionSize.description

    @Option(name: .customLong("mask-scale"), help: "Grow each mask about its centre by this factor.")
    var maskScale: Double = 1.3

    @Option(name: .customLong("keep-masks"), help: "Frames a mask stays after its detection is lost.")
    var keepMasks: Int = 5

    @Flag(name: .customLong("keep-audio"), help: "Copy the input video's audio track (needs ffmpeg).")
    var keepAudio = false

    func validate() throws {
        _ = try parsedTargets()
        _ = try parsedDetectionSize()
        guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be between 0 and 1") }
        guard maskScale > 0, maskScale <= 4 else { throw ValidationError("--mask-scale must be in (0, 4]") }
        guard keepMasks >= 0 else { throw ValidationError("--keep-masks must not be negative") }
    }

    func run() throws {
        let interrupt = InterruptFlag()
        let options = AnonymizationOptions(
            targets: try parsedTargets(),
            redaction: Redactor.Configuration(mode: mode, shape: shape, maskScale: maskScale,
                                              persistenceFrames: keepMasks),
            faceThreshold: threshold,
            detectionSize: try parsedDetectionSize(),
            keepAudio: keepAudio
        )
        let media = try failingWithOneLine { try inputs.map(MediaInput.init(argument:)) }
        let anonymizer = try failingWithOneLine { try Anonymizer(options: options) }
        if options.targets.contains(.persons), anonymizer.personBackend == .hog {
            FileHandle.standardError.write(Data("shoji: note: SSDLite person model missing, using HOG (run scripts/setup)\n".utf8))
        }
        let folder = URL(fileURLWithPath: outputFolder)
        let bar = ProgressLine()
        var failures: [String] = []
        for input in media {
            do {
                let result = try anonymizer.anonymize(input, into: folder, progress: { progress in
                    let rate = progress.elapsedSeconds > 0 ? Double(progress.framesDone) / progress.elapsedSeconds : 0
                    bar.update(label: progress.input, done: progress.framesDone, total: progress.framesExpected,
                               rate: rate)
                }, isCancelled: { interrupt.isRaised })
                bar.finish()
                print(summary(of: result))
                for skipped in result.skipped {
                    failures.append("\(skipped.path): skipped (\(skipped.reason))")
                }
            } catch is CancellationError {
                bar.finish()
                throw CommandFailure("interrupted; no partial output was kept", code: 130).report()
            } catch {
                bar.finish()
                failures.append(String(describing: error))
            }
            if interrupt.isRaised { break }
        }
        guard failures.isEmpty else {
            for failure in failures.dropLast() {
                FileHandle.standardError.write(Data("shoji: error: \(failure)\n".utf8))
            }
            throw CommandFailure(failures.last!).report()
        }
    }

    private func summary(of result: AnonymizationResult) -> String {
        let written = result.outputs.count == 1 ? result.outputs[0].path : "\(result.outputs.count) files"
        var detections = "\(result.faceDetections) faces"
        if (try? parsedTargets())?.contains(.persons) == true { detections += ", \(result.personDetections) persons" }
        return String(format: "%@: %d frames, %@ masked, %.1f frames/s -> %@",
                      result.input, result.frames, detections, result.framesPerSecond, written)
    }

    private func parsedTargets() throws -> Set<AnonymizationOptions.Target> {
        var set = Set<AnonymizationOptions.Target>()
        for name in targets.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let target = AnonymizationOptions.Target(rawValue: name) else {
                throw ValidationError("--targets: '\(name)' is not faces or persons")
            }
            set.insert(target)
        }
        guard !set.isEmpty else { throw ValidationError("--targets needs faces, persons or both") }
        return set
    }

    private func parsedDetectionSize() throws -> PixelSize? {
        if detectSize == "full" { return nil }
        guard let size = PixelSize(parsing: detectSize), size.width <= 4096, size.height <= 4096 else {
            throw ValidationError("--detect-size must be WxH (e.g. 320x256) or 'full', not '\(detectSize)'")
        }
        return size
    }
}

extension MaskMode: ExpressibleByArgument {}
extension MaskShape: ExpressibleByArgument {}
