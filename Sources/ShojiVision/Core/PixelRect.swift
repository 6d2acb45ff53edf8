/// An axis-aligned rectangle in pixel coordinates of a frame.
public struct PixelRect: Sendable, Hashable, Codable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width; never negative for a valid rectangle.
    public var width: Double
    /// Height; never negative for a valid rectangle.
    public var height: Double

    /// A rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The centre point.
    public var center: (x: Double, y: Double) { (x + width / 2, y + height / 2) }

    /// The area; zero for an empty rectangle.
    public var area: Double { max(0, width) * max(0, height) }

    /// Intersection over union with another rectangle, in 0…1.
    public func iou(_ other: PixelRect) -> Double {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(x + width, other.x + other.width), bottom = min(y + height, other.y + other.height)
        let intersection = max(0, right - left) * max(0, bottom - top)
        let union = area + other.area - intersection
        return union > 0 ? intersection / union : 0
    }

    /// The rectangle grown (or shrunk) about its centre by `factor` in each dimension.
    public func scaled(by factor: Double) -> PixelRect {
        let (cx, cy) = center
        return PixelRect(x: cx - width * factor / 2, y: cy - height * factor / 2,
                         width: width * factor, height: height * factor)
    }

    /// The rectangle moved by an offset.
    public func offset(dx: Double, dy: Double) -> PixelRect {
        PixelRect(x: x + dx, y: y + dy, width: width, height: height)
    }
}

/// A detector's output: where something is and how sure the detector is.
public struct Detection: Sendable, Hashable, Codable {
    /// The detected region in frame pixels.
    public var box: PixelRect
    /// Detector confidence in 0…1 (HOG gives an SVM margin instead).
    public var score: Double

    /// A detection from a box and a score.
    public init(box: PixelRect, score: Double) {
        self.box = box
        self.score = score
    }
}

/// A frame or detection-input size in pixels.
public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// A size from its width and height.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `WxH` (e.g. `320x256`); nil for anything else or a non-positive dimension.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        self.init(width: w, height: h)
    }

    /// `WxH`.
    public var description: String { "\(width)x\(height)" }
}

extension Detection {
    /// Greedy non-maximum suppression: keeps the best-scoring detection of every group overlapping by at least
    /// `iouThreshold`, best first.
    public static func suppressingOverlaps(_ detections: [Detection], iouThreshold: Double) -> [Detection] {
        var kept: [Detection] = []
        for candidate in detections.sorted(by: { $0.score > $1.score })
        where !kept.contains(where: { $0.box.iou(candidate.box) >= iouThreshold }) {
            kept.append(candidate)
        }
        return kept
    }
}
