/// One row of a MOTChallenge file: a box of one identity in one frame.
public struct MOTRecord: Hashable, Sendable, Codable {
    /// Frame number (1-based in MOTChallenge files).
    public var frame: Int
    /// Identity (ground-truth person or hypothesis track).
    public var id: Int
    /// The box in pixels.
    public var box: BoundingBox
    /// Column 7: detection confidence for results; for MOT16+ ground truth, 0 marks rows to ignore.
    public var confidence: Double

    /// Creates a record.
    public init(frame: Int, id: Int, box: BoundingBox, confidence: Double = 1) {
        self.frame = frame
        self.id = id
        self.box = box
        self.confidence = confidence
    }

    /// The record of a tracker snapshot.
    public init(track: Track) {
        self.init(frame: track.frame, id: track.id, box: track.box, confidence: track.confidence)
    }
}
