/// A completed stay of one track in one zone.
public struct ZoneDwell: Hashable, Sendable, Codable {
    /// The tracker-local id of the track.
    public var trackID: Int
    /// The zone's id.
    public var zoneID: String
    /// Time of the first observation inside, in seconds.
    public var entered: Double
    /// Time of the first observation outside (confirmed by debouncing), or of the last observation when the
    /// track ended inside.
    public var exited: Double

    /// Length of the stay in seconds.
    public var duration: Double { exited - entered }

    /// Creates a dwell record.
    public init(trackID: Int, zoneID: String, entered: Double, exited: Double) {
        self.trackID = trackID
        self.zoneID = zoneID
        self.entered = entered
        self.exited = exited
    }
}
