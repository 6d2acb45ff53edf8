import Foundation

/// Guidebook use case 5 (風景画像の取得・写り込み): hides the faces and people in images and videos before
/// anything is stored.
///
/// Only masked pixels are ever written (privacy invariant 1). Every output is first written under a hidden
/// temporary name in the output folder and renamed when complete, so a failure or an interruption never leaves
/// a half-written file behind, and nothing is written outside the output folder.
///
/// Videos run as overlapped stages on their own threads — decode, detection (one worker per core), mask and
/// encode in frame order — joined by bounded queues, so both cores are busy and memory stays flat. An
/// `Anonymizer` runs one job at a time.
public final class Anonymizer {
    /// The settings in use.
    public let options: AnonymizationOptions
    private let models: ModelStore
    /// Detectors per worker thread; the first also serves images. More are loaded on the first video.
    private var detectors: [TargetDetector]
    private let redactor: Redactor
    private let muxer = AudioMuxer()

    /// Loads the detectors the options need from `models`.
    public init(options: AnonymizationOptions = .init(), models: ModelStore = ModelStore()) throws {
        guard !options.targets.isEmpty else {
            throw VisionError.invalidArgument("nothing to anonymise: give --targets faces, persons or both")
        }
        guard options.detectionWorkers >= 1 else {
            throw VisionError.invalidArgument("at least one detection worker is needed")
        }
        self.options = options
        self.models = models
        detectors = [try TargetDetector(options: options, models: models)]
        redactor = try Redactor(configuration: options.redaction)
    }

    /// Which person detector is in use (nil when persons are not a target).
    public var personBackend: PersonDetector.Backend? { detectors[0].personBackend }

    /// Where the anonymised version of `input` goes inside `folder`: `NAME_anonymized.EXT` for files,
    /// `NAME_anonymized/` for folders, `NAME_anonymized.mp4` for live sources.
    public static func outputURL(for input: MediaInput, in folder: URL) -> URL {
        switch input {
        case .image(let url), .videoFile(let url):
            let ext = url.pathExtension.isEmpty ? "mp4" : url.pathExtension
            return folder.appendingPathComponent("\(url.deletingPathExtension().lastPathComponent)_anonymized.\(ext)")
        case .imageFolder(let url):
            return folder.appendingPathComponent("\(url.lastPathComponent)_anonymized", isDirectory: true)
        case .stream(let uri):
            let safe = uri.map { $0.isLetter || $0.isNumber ? $0 : "_" }
            return folder.appendingPathComponent("\(String(safe).prefix(60))_anonymized.mp4")
        case .device(let path, _):
            return folder.appendingPathComponent("\(URL(fileURLWithPath: path).lastPathComponent)_anonymized.mp4")
        }
    }

    /// Detects and masks the targets in one frame, in place. Returns the face and person detection counts.
    public func anonymize(frame: Frame) throws -> (faces: Int, persons: Int) {
        let found = try detectors[0].detect(in: frame)
        try redactor.redact(frame, detections: found.regions)
        return (found.faces, found.persons)
    }

    /// Anonymises one input into `folder` (created if needed).
    /// - Parameters:
    ///   - progress: called from the detection thread every few frames.
    ///   - isCancelled: polled between frames; a cancelled file job deletes its partial output and throws
    ///     `CancellationError`, a cancelled live job finishes the video it has written so far.
    public func anonymize(_ input: MediaInput, into folder: URL,
                          progress: @escaping (AnonymizationProgress) -> Void = { _ in },
                          isCancelled: @escaping @Sendable () -> Bool = { false }) throws -> AnonymizationResult {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        redactor.reset()
        switch input {
        case .image, .imageFolder:
            return try anonymizeImages(input, into: folder, progress: progress, isCancelled: isCancelled)
        case .videoFile, .stream, .device:
            return try anonymizeVideo(input, into: folder, progress: progress, isCancelled: isCancelled)
        }
    }

    // MARK: Images

    private func anonymizeImages(_ input: MediaInput, into folder: URL,
                                 progress: (AnonymizationProgress) -> Void,
                                 isCancelled: () -> Bool) throws -> AnonymizationResult {
        let start = Date()
        let images: [URL]
        let destination: (URL) -> URL
        switch input {
        case .image(let url):
            images = [url]
            let output = Self.outputURL(for: input, in: folder)
            destination = { _ in output }
        case .imageFolder(let root):
            images = try input.folderImages()
            guard !images.isEmpty else { throw VisionError.emptyMedia(path: root.path) }
            let outputRoot = Self.outputURL(for: input, in: folder)
            let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
            destination = { outputRoot.appendingPathComponent(String($0.path.dropFirst(prefix.count))) }
        default:
            preconditionFailure("anonymizeImages takes image inputs only")
        }
        var result = AnonymizationResult(input: input.description, outputs: [], frames: 0, faceDetections: 0,
                                         personDetections: 0, skipped: [], seconds: 0)
        for (index, url) in images.enumerated() {
            if isCancelled() { throw CancellationError() }
            let frame: Frame
            do {
                frame = try ImageFile.read(url)
            } catch let error as VisionError {
                // A single-image job fails outright; a folder job skips the image and reports it at the end.
                if case .image = input { throw error }
                result.skipped.append((url.path, error.description))
                continue
            }
            redactor.reset()  // unrelated photos: no mask carries over
            let counts = try anonymize(frame: frame)
            let output = destination(url)
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try PartialFile.write(to: output) { partial in try ImageFile.write(frame, to: partial) }
            result.outputs.append(output)
            result.frames += 1
            result.faceDetections += counts.faces
            result.personDetections += counts.persons
            progress(AnonymizationProgress(input: input.displayName, framesDone: index + 1,
                                           framesExpected: images.count,
                                           elapsedSeconds: Date().timeIntervalSince(start)))
        }
        if result.frames == 0, !result.skipped.isEmpty {
            throw VisionError.unreadableMedia(path: input.description, reason: "none of its images could be read")
        }
        result.seconds = Date().timeIntervalSince(start)
        return result
    }

    // MARK: Video

    /// A frame with its position in the video and what the detectors found in it.
    private struct DetectedFrame: @unchecked Sendable {
        var index: Int
        var frame: Frame
        var regions: [Detection] = []
        var faces = 0
        var persons = 0
    }

    /// Decode → detect (one worker per core, each with its own networks, frames taken in turn) → mask and encode
    /// in frame order. Detection dominates the cost; running whole frames in parallel uses two cores far better
    /// than OpenCV's threads inside one small network (43 → 40 ms at 320×256 with two threads, here).
    private func anonymizeVideo(_ input: MediaInput, into folder: URL,
                                progress: @escaping (AnonymizationProgress) -> Void,
                                isCancelled: @escaping @Sendable () -> Bool) throws -> AnonymizationResult {
        let start = Date()
        let source = try FrameSource(input)
        // Read the first frame before creating any file: a corrupt video fails here with nothing written.
        guard let first = try source.next() else { throw VisionError.emptyMedia(path: input.description) }
        let size = first.size
        let fps = source.framesPerSecond > 0 ? source.framesPerSecond : 25
        let expected = source.expectedFrameCount
        let output = Self.outputURL(for: input, in: folder)
        let partial = PartialFile.temporaryURL(for: output)
        let withAudio = PartialFile.temporaryURL(for: output, tag: "audio")
        defer {
            try? FileManager.default.removeItem(at: partial)
            try? FileManager.default.removeItem(at: withAudio)
        }
        while detectors.count < options.detectionWorkers {
            detectors.append(try TargetDetector(options: options, models: models))
        }
        let writer = try VideoWriter(url: partial, size: size, framesPerSecond: fps)
        if options.detectionWorkers > 1 { VisionRuntime.setThreadsPerCall(1) }
        defer { if options.detectionWorkers > 1 { VisionRuntime.setThreadsPerCall(0) } }

        let decoded = BoundedQueue<DetectedFrame>(capacity: 8)
        let detected = BoundedQueue<DetectedFrame>(capacity: 8)
        let failure = FirstError()
        let stop = LockedFlag()

        let sourceHandoff = Handoff(source)
        let reader = StageThread(name: "shoji.decode") {
            let source = sourceHandoff.value
            defer { decoded.close() }
            guard decoded.put(DetectedFrame(index: 0, frame: first)) else { return }
            var index = 1
            while !stop.isSet {
                if isCancelled() {
                    // A file job that is cut short is not a result; a live job keeps what it has.
                    if !input.isLive { failure.record(CancellationError()) }
                    return
                }
                do {
                    guard let frame = try source.next() else { return }
                    guard decoded.put(DetectedFrame(index: index, frame: frame)) else { return }
                    index += 1
                } catch {
                    failure.record(error)  // a file that breaks mid-way ends the job; a live source has retried
                    return
                }
            }
        }
        let workerCount = options.detectionWorkers
        let remaining = WorkerCountdown(workerCount) { detected.close() }
        let workers = detectors.prefix(workerCount).enumerated().map { number, detector in
            let handoff = Handoff(detector)
            return StageThread(name: "shoji.detect.\(number)") {
                defer { remaining.finishOne() }
                while var item = decoded.take() {
                    guard failure.error == nil else { continue }  // drain so the reader never blocks
                    do {
                        let found = try handoff.value.detect(in: item.frame)
                        (item.regions, item.faces, item.persons) = found
                        guard detected.put(item) else { return }
                    } catch {
                        failure.record(error)
                    }
                }
            }
        }

        // Masking follows frame order (a mask's memory carries from one frame to the next), then encoding.
        var pending: [Int: DetectedFrame] = [:]
        var next = 0, faces = 0, persons = 0
        while let item = detected.take() {
            pending[item.index] = item
            while let ready = pending.removeValue(forKey: next) {
                guard failure.error == nil else { break }
                do {
                    try redactor.redact(ready.frame, detections: ready.regions)
                    try writer.write(ready.frame)
                } catch {
                    failure.record(error)
                    break
                }
                faces += ready.faces
                persons += ready.persons
                next += 1
                if next % 10 == 0 || next == expected {
                    progress(AnonymizationProgress(input: input.displayName, framesDone: next, framesExpected: expected,
                                                   elapsedSeconds: Date().timeIntervalSince(start)))
                }
            }
            if failure.error != nil { stop.set() }
        }
        stop.set()
        reader.join()
        workers.forEach { $0.join() }
        writer.close()
        if let error = failure.error { throw error }

        if options.keepAudio, case .videoFile(let original) = input {
            try muxer.mux(video: partial, audioSource: original, into: withAudio)
            try PartialFile.commit(withAudio, to: output)
        } else {
            try PartialFile.commit(partial, to: output)
        }
        return AnonymizationResult(input: input.description, outputs: [output], frames: next,
                                   faceDetections: faces, personDetections: persons, skipped: [],
                                   seconds: Date().timeIntervalSince(start))
    }
}
