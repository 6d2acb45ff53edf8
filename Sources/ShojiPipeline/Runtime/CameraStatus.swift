import Foundation

/// What one camera is doing, for the live status line and for tests. Numbers only: no id of a person.
public struct CameraStatus: Sendable, Hashable {
    /// The camera's life-cycle state.
    public enum State: String, Sendable, Hashable {
        /// Opening its source.
        case starting
        /// Reading and analysing frames.
        case running
        /// The live source failed; waiting to reconnect with back-off.
        case reconnecting
        /// A file source ended.
        case ended
        /// The source could not be read at all; the other cameras go on.
        case failed
        /// Stopped by a shutdown.
        case stopped
    }

    /// The camera id.
    public var id: String
    /// The current state.
    public var state: State = .starting
    /// Frames decoded from the source.
    public var framesRead = 0
    /// Frames analysed.
    public var framesProcessed = 0
    /// Frames dropped because the analysis fell behind a live (or paced) source: the bounded queue was full.
    public var framesDropped = 0
    /// Frames skipped on purpose to stay within the camera's `fps` budget.
    public var framesSkipped = 0
    /// Frames or images that could not be decoded or analysed and were passed over.
    public var badFrames = 0
    /// Detector runs.
    public var detections = 0
    /// Frames the face stage ran on (once per frame, whatever the number of face-using analyzers).
    public var faceFrames = 0
    /// Face embeddings computed (only for faces an identity analyzer still wanted a sample of).
    public var embeddings = 0
    /// People tracked in the latest analysed frame.
    public var people = 0
    /// Analysed frames per second, measured over the last status interval.
    public var framesPerSecond = 0.0
    /// Reconnection attempts of a live source.
    public var reconnectAttempts = 0
    /// The last problem, worded for the operator (never holds an image, id or vector).
    public var problem: String?

    /// A status for camera `id`.
    public init(id: String) {
        self.id = id
    }

    /// One short status field: `cam: 6.9 fps, 4 people, 0 dropped`.
    public var summary: String {
        var text = "\(id): "
        switch state {
        case .running: text += String(format: "%.1f fps, %d people, %d dropped", framesPerSecond, people, framesDropped)
        case .reconnecting: text += "reconnecting (attempt \(reconnectAttempts))"
        case .failed: text += "failed" + (problem.map { " (\($0))" } ?? "")
        default: text += "\(state.rawValue), \(framesProcessed) frames, \(framesDropped) dropped"
        }
        return text
    }
}

/// The statuses of all cameras, updated by their threads and read by the status line. Thread-safe.
final class StatusBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [String: CameraStatus] = [:]
    private var order: [String] = []
    private var lastSample: [String: (time: Double, processed: Int)] = [:]

    init(cameras: [String]) {
        order = cameras
        for id in cameras { statuses[id] = CameraStatus(id: id) }
    }

    func update(_ id: String, _ change: (inout CameraStatus) -> Void) {
        lock.withLock {
            guard var status = statuses[id] else { return }
            change(&status)
            statuses[id] = status
        }
    }

    /// Current statuses in manifest order; refreshes each camera's fps from the frames since the last call.
    func snapshot(now: Double = ProcessInfo.processInfo.systemUptime) -> [CameraStatus] {
        lock.withLock {
            order.compactMap { id in
                guard var status = statuses[id] else { return nil }
                if let last = lastSample[id], now - last.time > 0.2 {
                    status.framesPerSecond = Double(status.framesProcessed - last.processed) / (now - last.time)
                    statuses[id] = status
                    lastSample[id] = (now, status.framesProcessed)
                } else if lastSample[id] == nil {
                    lastSample[id] = (now, status.framesProcessed)
                }
                return status
            }
        }
    }
}
