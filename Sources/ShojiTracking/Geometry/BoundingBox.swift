/// An axis-aligned box in pixels: top-left corner plus size, as detectors and the MOTChallenge format give it.
public struct BoundingBox: Hashable, Sendable, Codable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width; a negative or zero width makes an empty box.
    public var width: Double
    /// Height; a negative or zero height makes an empty box.
    public var height: Double

    /// Creates a box from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Creates a box from its centre and size.
    public init(center: Point, width: Double, height: Double) {
        self.init(x: center.x - width / 2, y: center.y - height / 2, width: width, height: height)
    }

    /// Right edge.
    public var maxX: Double { x + width }
    /// Bottom edge.
    public var maxY: Double { y + height }
    /// Centre of the box.
    public var center: Point { Point(x: x + width / 2, y: y + height / 2) }
    /// Bottom-centre: where a standing person touches the floor, the point to map to floor coordinates and
    /// to test against counting lines and zones.
    public var footPoint: Point { Point(x: x + width / 2, y: y + height) }
    /// Area, zero for an empty box.
    public var area: Double { max(0, width) * max(0, height) }
    /// Whether all four numbers are finite and the box has a positive area.
    public var isValid: Bool {
        x.isFinite && y.isFinite && width.isFinite && height.isFinite && width > 0 && height > 0
    }

    /// Area of the overlap with `other`, zero when they do not overlap.
    public func intersectionArea(with other: BoundingBox) -> Double {
        let w = min(maxX, other.maxX) - max(x, other.x)
        let h = min(maxY, other.maxY) - max(y, other.y)
        return w > 0 && h > 0 ? w * h : 0
    }

    /// Intersection over union in [0, 1]; 0 when either box is empty. Continuous coordinates (no "+1" pixel
    /// convention), as py-motmetrics computes it.
    public func iou(_ other: BoundingBox) -> Double {
        let inter = intersectionArea(with: other)
        guard inter > 0 else { return 0 }
        let union = area + other.area - inter
        return union > 0 ? inter / union : 0
    }
}
