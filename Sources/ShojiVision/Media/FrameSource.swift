import CVBridge
import Foundation

/// Produces frames from a video file, an image, a folder of images, a network stream or a V4L2 device.
///
/// Live sources (streams, devices) reconnect with exponential back-off when they fail; file sources end.
/// A `FrameSource` is used from one thread at a time; it blocks while reading.
public final class FrameSource {
    /// How a live source retries after a failure.
    public struct ReconnectPolicy: Sendable {
        /// The first wait before reconnecting.
        public var initialDelay: Duration
        /// The longest wait between attempts.
        public var maximumDelay: Duration
        /// Attempts before giving up; nil retries for ever.
        public var maximumAttempts: Int?

        /// A policy; the defaults wait 0.5 s, doubling up to 30 s, and never give up.
        public init(initialDelay: Duration = .milliseconds(500), maximumDelay: Duration = .seconds(30),
                    maximumAttempts: Int? = nil) {
            self.initialDelay = initialDelay
            self.maximumDelay = maximumDelay
            self.maximumAttempts = maximumAttempts
        }
    }

    /// The input this source reads.
    public let input: MediaInput
    /// Frames per second of a video source (0 when unknown or not a video).
    public private(set) var framesPerSecond: Double = 0
    /// Frame count of a video file, or the number of images (nil for live sources or when unknown).
    public private(set) var expectedFrameCount: Int?
    /// Reconnections made so far (live sources).
    public private(set) var reconnections = 0

    private let policy: ReconnectPolicy
    private let sleep: @Sendable (Duration) -> Void
    private let isCancelled: @Sendable () -> Bool
    private var reader: OpaquePointer?
    private var images: [URL] = []
    private var nextImage = 0
    private var framesRead = 0

    /// Opens a source. Throws `VisionError` when a file input cannot be read at all; a live source that is
    /// down at start is retried by `next()` under `reconnect`.
    /// - Parameters:
    ///   - sleep: how to wait between reconnection attempts (injected so tests need not wait).
    ///   - isCancelled: asked before each reconnection attempt; when it returns true a live source stops
    ///     retrying and `next()` returns nil, so that a shutdown is not held up by a dead camera.
    public init(_ input: MediaInput, reconnect: ReconnectPolicy = ReconnectPolicy(),
                sleep: @escaping @Sendable (Duration) -> Void = FrameSource.blockingSleep,
                isCancelled: @escaping @Sendable () -> Bool = { false }) throws {
        _ = VisionRuntime.configured
        self.input = input
        self.policy = reconnect
        self.sleep = sleep
        self.isCancelled = isCancelled
        switch input {
        case .image(let url):
            images = [url]
            expectedFrameCount = 1
        case .imageFolder:
            images = try input.folderImages()
            guard !images.isEmpty else { throw VisionError.emptyMedia(path: input.description) }
            expectedFrameCount = images.count
        case .videoFile(let url):
            try Self.requireNonEmptyFile(url)
            reader = try open()
        case .stream, .device:
            reader = try? open()
        }
    }

    deinit {
        cvb_video_free(reader)
    }

    /// The next frame, or nil at the end of a file source (or of a live source once `isCancelled` says so).
    /// A live source blocks while reconnecting and throws `VisionError.sourceLost` when its policy gives up. An unreadable image in a folder throws; the caller
    /// may call `next()` again to go on with the next image.
    public func next() throws -> Frame? {
        switch input {
        case .image, .imageFolder:
            guard nextImage < images.count else { return nil }
            defer { nextImage += 1 }
            return try ImageFile.read(images[nextImage])
        case .videoFile:
            guard let reader else { return nil }
            var frame: OpaquePointer?
            let status = cvb_video_read(reader, &frame)
            guard status == .OK, let frame else {
                cvb_frame_free(frame)
                if framesRead == 0 {
                    throw VisionError.unreadableMedia(path: input.description, reason: "no frame could be decoded")
                }
                return nil
            }
            framesRead += 1
            return Frame(handle: frame)
        case .stream, .device:
            return try nextLiveFrame()
        }
    }

    /// The path of the image that the last `next()` returned or failed on (image inputs only).
    public var currentImage: URL? {
        nextImage > 0 && nextImage <= images.count ? images[nextImage - 1] : nil
    }

    private func nextLiveFrame() throws -> Frame? {
        var attempts = 0
        var delay = policy.initialDelay
        while true {
            if let reader {
                var frame: OpaquePointer?
                if cvb_video_read(reader, &frame) == .OK, let frame {
                    framesRead += 1
                    return Frame(handle: frame)
                }
                cvb_frame_free(frame)
                cvb_video_free(reader)
                self.reader = nil
            }
            if isCancelled() { return nil }
            attempts += 1
            if let maximum = policy.maximumAttempts, attempts > maximum {
                throw VisionError.sourceLost(uri: input.description, attempts: maximum)
            }
            sleep(delay)
            delay = min(delay * 2, policy.maximumDelay)
            if isCancelled() { return nil }
            if let reopened = try? open() {
                reader = reopened
                reconnections += 1
            }
        }
    }

    private func open() throws -> OpaquePointer {
        let handle: OpaquePointer?
        switch input {
        case .device(let path, let index): handle = cvb_video_open(path, Int32(index))
        default: handle = cvb_video_open(input.locator, -1)
        }
        guard let handle else {
            throw VisionError.unreadableMedia(path: input.description, reason: VisionError.lastBridgeMessage)
        }
        let fps = cvb_video_fps(handle)
        framesPerSecond = fps.isFinite && fps > 0 && fps < 1000 ? fps : 0
        let count = cvb_video_frame_count(handle)
        expectedFrameCount = input.isLive || count <= 0 ? nil : Int(count)
        return handle
    }

    private static func requireNonEmptyFile(_ url: URL) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if (attributes?[.size] as? NSNumber)?.intValue == 0 {
            throw VisionError.emptyMedia(path: url.path)
        }
    }
}

extension FrameSource {
    /// Blocks the calling thread (a source's own reader thread) for `duration`.
    @Sendable public static func blockingSleep(_ duration: Duration) {
        Thread.sleep(forTimeInterval: duration.inSeconds)
    }
}
