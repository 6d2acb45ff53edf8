/// What one ``MultiObjectTracker`` step returns.
public struct TrackerUpdate: Hashable, Sendable {
    /// The frame the step advanced to.
    public var frame: Int
    /// Confirmed tracks to report at this frame, ordered by id.
    public var tracks: [Track]
    /// Ids of confirmed tracks that ended at this step. Downstream per-track state (line counters, zone
    /// analysers, visit ids) should be dropped for these ids now.
    public var endedTrackIDs: [Int]

    /// Creates an update.
    public init(frame: Int, tracks: [Track], endedTrackIDs: [Int]) {
        self.frame = frame
        self.tracks = tracks
        self.endedTrackIDs = endedTrackIDs
    }
}
