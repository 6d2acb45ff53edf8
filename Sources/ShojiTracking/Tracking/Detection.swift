/// One detector output for one frame: a box and the detector's confidence in [0, 1].
public struct Detection: Hashable, Sendable, Codable {
    /// The detected box in image pixels.
    public var box: BoundingBox
    /// Detector score; the tracker's thresholds in ``TrackerConfiguration`` are on this scale.
    public var confidence: Double

    /// Creates a detection.
    public init(box: BoundingBox, confidence: Double) {
        self.box = box
        self.confidence = confidence
    }
}
