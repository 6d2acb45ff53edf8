/// One counted crossing, as an event; aggregate it with ``LineCounter`` and do not store it per person.
public struct LineCrossing: Hashable, Sendable {
    /// The tracker-local id of the track that crossed.
    public var trackID: Int
    /// The line's id.
    public var lineID: String
    /// Which way.
    public var direction: CrossingDirection
    /// Time of the observation that completed the crossing, in seconds.
    public var time: Double

    /// Creates a crossing event.
    public init(trackID: Int, lineID: String, direction: CrossingDirection, time: Double) {
        self.trackID = trackID
        self.lineID = lineID
        self.direction = direction
        self.time = time
    }
}
