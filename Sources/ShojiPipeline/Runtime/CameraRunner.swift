import Foundation
import Logging
import ShojiPolicy
import ShojiStore
import ShojiTracking
import ShojiVision

/// One camera's two threads: a reader (decode, fps budget, pacing) and a worker (detect, track, analyse),
/// joined by a bounded queue. OpenCV blocks, so both run on their own threads, never in Swift's cooperative
/// pool.
///
/// Back-pressure: a live (or paced) source offers each frame to the queue and drops it, counting the drop,
/// when the worker is behind; a file source waits instead, so no frame of a file is lost. Nothing is ever
/// buffered beyond the queue's capacity.
final class CameraRunner: @unchecked Sendable {
    private struct Item {
        var index: Int
        var time: Date
        var frame: Frame
    }

    let plan: CameraPlan
    private let context: PipelineContext
    private let queue: BoundedQueue<Handoff<Item>>
    private let stopFlag = LockedFlag()
    private let done = Completion()

    init(plan: CameraPlan, context: PipelineContext) {
        self.plan = plan
        self.context = context
        queue = BoundedQueue(capacity: context.options.queueCapacity)
    }

    /// Starts both threads.
    func start() {
        _ = StageThread(name: "shoji-read-\(plan.id)") { [self] in read() }
        _ = StageThread(name: "shoji-work-\(plan.id)") { [self] in
            work()
            done.signal()
        }
    }

    /// Asks both threads to stop: the reader stops reading (and reconnecting), the worker finishes the frames
    /// already queued, ends all tracks and hands over what was counted.
    func stop() {
        stopFlag.set()
        queue.close()
    }

    /// Whether the worker has handed over its last records.
    var isFinished: Bool { done.isSignalled }

    /// Returns once the worker has handed over its last records.
    func finished() async {
        await done.wait()
    }

    private var status: StatusBoard { context.status }

    // MARK: Reader thread

    private func read() {
        let options = context.options, id = plan.id
        let stop = stopFlag, board = status
        let source: FrameSource
        do {
            source = try FrameSource(plan.source, reconnect: options.reconnect, sleep: { delay in
                board.update(id) { $0.state = .reconnecting; $0.reconnectAttempts += 1 }
                Self.sleep(delay, unless: stop)
            }, isCancelled: { stop.isSet })
        } catch {
            fail("\(error)")
            return
        }
        let live = plan.source.isLive, paced = live || options.paced
        let sourceFPS = options.playbackFramesPerSecond
            ?? (source.framesPerSecond > 0 ? source.framesPerSecond : (plan.settings.framesPerSecond ?? 1))
        let started = options.clock(), startedUptime = ProcessInfo.processInfo.systemUptime
        var index = 0, nextSlot = 0.0, failuresInARow = 0
        let slot = plan.settings.framesPerSecond.map { 1 / $0 }
        while !stop.isSet {
            let frame: Frame?
            do {
                frame = try source.next()
                failuresInARow = 0
            } catch {
                failuresInARow += 1
                status.update(id) { $0.badFrames += 1; $0.problem = "\(error)" }
                // A folder goes on with its next image; a video that cannot be decoded at all has failed.
                if case .imageFolder = plan.source, failuresInARow < 1000 { continue }
                fail("\(error)")
                return
            }
            guard let frame else { break }
            index += 1
            if let limit = options.maximumFrames, index > limit { break }
            let offset = Double(index - 1) / sourceFPS
            let time = live ? options.clock() : started.addingTimeInterval(offset)
            status.update(id) { $0.framesRead += 1; if $0.state != .running { $0.state = .running } }
            if let slot {
                // The camera's fps budget: keep a frame only when its slot has come (source time for files,
                // wall time for live sources).
                let at = live ? ProcessInfo.processInfo.systemUptime - startedUptime : offset
                guard at + 1e-9 >= nextSlot else {
                    status.update(id) { $0.framesSkipped += 1 }
                    continue
                }
                nextSlot = max(nextSlot + slot, at - slot)
            }
            if paced && !live {
                let due = startedUptime + offset - ProcessInfo.processInfo.systemUptime
                if due > 0 { Thread.sleep(forTimeInterval: due) }
            }
            let item = Handoff(Item(index: index, time: time, frame: frame))
            if paced {
                if !queue.offer(item) {
                    if stop.isSet { break }
                    status.update(id) { $0.framesDropped += 1 }
                }
            } else if !queue.put(item) {
                break
            }
        }
        status.update(id) { if $0.state != .failed { $0.state = stop.isSet ? .stopped : .ended } }
        queue.close()
    }

    private func fail(_ problem: String) {
        context.logger.warning("camera stopped: \(problem)", metadata: ["camera": "\(plan.id)"])
        status.update(plan.id) { $0.state = .failed; $0.problem = problem }
        queue.close()
    }

    /// Waits out a reconnection delay in short steps, so that a shutdown does not wait for a dead camera.
    private static func sleep(_ delay: Duration, unless stop: LockedFlag) {
        var left = delay.inSeconds
        while left > 0, !stop.isSet {
            Thread.sleep(forTimeInterval: min(left, 0.05))
            left -= 0.05
        }
    }

    // MARK: Worker thread

    private func work() {
        let id = plan.id, settings = plan.settings
        let record = RecordContext(deploymentID: context.deploymentID, cameraID: id, bucketSeconds: settings.bucketSeconds)
        var detector: PersonDetector?
        var tracker: MultiObjectTracker
        var faceStage: FaceStage?
        var analyzers: [any FrameAnalyzer] = []
        do {
            if plan.tracksPeople {
                detector = try PersonDetector(models: context.options.models, threshold: settings.personThreshold)
            }
            tracker = try MultiObjectTracker(configuration: settings.tracker)
            if plan.usesFaces {
                faceStage = try FaceStage(settings: settings, useCases: plan.useCases, models: context.options.models)
            }
            analyzers = try makeAnalyzers(record)
        } catch {
            fail("\(error)")
            while queue.take() != nil {}
            return
        }
        var processed = 0, lastFrame: Frame?
        var lastTime = context.options.clock(), nextDrain = Date.distantPast
        func observe(_ step: TrackingStep) {
            for analyzer in analyzers {
                do {
                    try analyzer.observe(step)
                } catch {
                    status.update(id) { $0.badFrames += 1; $0.problem = "\(error)" }
                }
            }
        }
        while let handoff = queue.take() {
            let item = handoff.value
            processed += 1
            lastTime = item.time
            // Kept past its frame only where the face stage's last tracks must be ended on it.
            if faceStage != nil { lastFrame = item.frame }
            let detect = (processed - 1) % settings.detectEvery == 0
            var update = TrackerUpdate(frame: item.index, tracks: [], endedTrackIDs: [])
            if let detector, detect {
                do {
                    let found = try detector.detect(in: item.frame, columns: settings.detectorColumns)
                        .map(ShojiTracking.Detection.init)
                    update = tracker.update(frame: item.index, detections: found)
                } catch {
                    status.update(id) { $0.badFrames += 1; $0.problem = "\(error)" }
                    update = tracker.predict(frame: item.index)
                }
            } else if detector != nil {
                update = tracker.predict(frame: item.index)
            }
            // One face stage for every face-using analyzer: run when identities are followed, or when one asks.
            var faces: FaceObservations?
            if let faceStage, detect, faceStage.tracksFaces || analyzers.contains(where: { $0.wantsFaces(update) }) {
                do {
                    faces = try faceStage.observe(item.frame, index: item.index) { track in
                        analyzers.contains { $0.wantsSample(faceTrack: track) }
                    }
                    let embedded = faces?.tracked.filter { $0.embedding != nil }.count ?? 0
                    status.update(id) { $0.faceFrames += 1; $0.embeddings += embedded }
                } catch {
                    status.update(id) { $0.badFrames += 1; $0.problem = "\(error)" }
                }
            }
            observe(TrackingStep(update: update, time: item.time, frame: item.frame, detected: detect, faces: faces))
            if settings.independentFrames {
                // A photo is a scene of its own: whoever was in it has left.
                let ended = tracker.finish(), endedFaces = faceStage?.finish() ?? []
                if !ended.isEmpty || !endedFaces.isEmpty {
                    observe(TrackingStep(update: TrackerUpdate(frame: item.index, tracks: [], endedTrackIDs: ended),
                                         time: item.time, frame: item.frame, detected: false,
                                         faces: FaceObservations(faces: [], tracked: [], endedTrackIDs: endedFaces)))
                }
            }
            if item.time >= nextDrain {
                for analyzer in analyzers { context.pending.add(analyzer.drain(at: item.time)) }
                nextDrain = item.time.addingTimeInterval(context.options.drainSeconds)
            }
            let people = max(update.tracks.count, faces?.tracked.count ?? 0)
            status.update(id) {
                $0.framesProcessed = processed
                $0.people = people
                if detect { $0.detections += 1 }
            }
        }
        // End of stream or shutdown: every track ends now, and what was counted is handed over.
        if let faceStage, let lastFrame {
            let endedFaces = faceStage.finish()
            if !endedFaces.isEmpty {
                observe(TrackingStep(update: TrackerUpdate(frame: processed, tracks: [], endedTrackIDs: []), time: lastTime,
                                     frame: lastFrame, detected: false,
                                     faces: FaceObservations(faces: [], tracked: [], endedTrackIDs: endedFaces)))
            }
        }
        let ended = tracker.finish()
        for analyzer in analyzers { context.pending.add(analyzer.finish(endedTrackIDs: ended, at: lastTime)) }
        status.update(id) { $0.people = 0 }
    }

    /// One analyzer per approved use case of the camera. A use case without an analyzer here is an error,
    /// never skipped.
    private func makeAnalyzers(_ record: RecordContext) throws -> [any FrameAnalyzer] {
        var analyzers: [any FrameAnalyzer] = []
        let settings = plan.settings, options = context.options, id = plan.id, board = status
        for useCase in plan.useCases {
            switch useCase {
            case .counting:
                analyzers.append(try CountingAnalyzer(lines: settings.lines, context: record))
            case .flow:
                analyzers.append(try FlowAnalyzer(settings: settings, context: record, visitID: options.visitID))
            case .congestion:
                analyzers.append(try CongestionAnalyzer(settings: settings, context: record, output: options.outputFolder,
                                                        report: { problem in board.update(id) { $0.problem = problem } }))
            case .attributes:
                analyzers.append(try AttributesAnalyzer(context: record, models: options.models))
            case .repeatVisit:
                guard let identity = context.identity else { throw PipelineError.identityUnavailable("the vault is not open") }
                analyzers.append(try RepeatAnalyzer(settings: settings, context: record, gallery: identity.gallery,
                                                    retentionDays: identity.featureVectorDays, pending: identity.pending))
            case .watchlist:
                guard let identity = context.identity else { throw PipelineError.identityUnavailable("the vault is not open") }
                analyzers.append(WatchlistAnalyzer(settings: settings, context: record, gallery: identity.gallery,
                                                   pending: identity.pending))
            case .redaction:
                throw PipelineError.unsupportedUseCase(camera: id, useCase: useCase.rawValue, hint: "use 'shoji anonymize' for redaction")
            }
        }
        return analyzers
    }
}

/// A one-shot signal that async code can wait for.
final class Completion: @unchecked Sendable {
    private let lock = NSLock()
    private var signalled = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    var isSignalled: Bool { lock.withLock { signalled } }

    func signal() {
        let resumed: [CheckedContinuation<Void, Never>] = lock.withLock {
            signalled = true
            defer { waiters = [] }
            return waiters
        }
        for waiter in resumed { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let now: Bool = lock.withLock {
                if signalled { return true }
                waiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }
}
