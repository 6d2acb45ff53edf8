/// Life-cycle state of a track inside ``MultiObjectTracker``.
public enum TrackState: String, Hashable, Sendable, Codable {
    /// Born from a detection but not yet confirmed; never reported, never counted, has no id.
    case tentative
    /// Confirmed and matched in the latest detection round.
    case tracked
    /// Confirmed but unmatched in the latest detection round(s); the box is the motion model's prediction.
    case lost
}
