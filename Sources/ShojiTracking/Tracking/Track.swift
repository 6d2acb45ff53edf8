/// A snapshot of one confirmed track at one frame. Tentative tracks are never turned into snapshots.
public struct Track: Hashable, Sendable, Codable {
    /// Tracker-local id: 1, 2, 3, … in order of confirmation; never reused by the same tracker. It means
    /// nothing outside that tracker and must not be stored as a person key (see DESIGN.md).
    public var id: Int
    /// The frame this snapshot describes.
    public var frame: Int
    /// Filtered box: the Kalman posterior after a match, the prediction otherwise.
    public var box: BoundingBox
    /// Velocity of the box centre in pixels per frame.
    public var velocity: Point
    /// ``TrackState/tracked`` or ``TrackState/lost``.
    public var state: TrackState
    /// Frames since the track's first detection.
    public var age: Int
    /// Number of detections matched to the track.
    public var hits: Int
    /// Consecutive detection rounds without a match (0 when ``state`` is ``TrackState/tracked``).
    public var missedRounds: Int
    /// Confidence of the last matched detection.
    public var confidence: Double

    /// Creates a snapshot (the tracker does this; public so tests and replays can build tracks).
    public init(id: Int, frame: Int, box: BoundingBox, velocity: Point = .zero, state: TrackState = .tracked,
                age: Int = 0, hits: Int = 1, missedRounds: Int = 0, confidence: Double = 1) {
        self.id = id
        self.frame = frame
        self.box = box
        self.velocity = velocity
        self.state = state
        self.age = age
        self.hits = hits
        self.missedRounds = missedRounds
        self.confidence = confidence
    }
}
