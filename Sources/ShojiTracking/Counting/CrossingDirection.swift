/// Which way a track crossed a ``CountingLine``.
public enum CrossingDirection: String, Hashable, Sendable, Codable, CaseIterable {
    /// From the negative to the positive side of the line: towards the right-hand side of someone walking
    /// along the line from `start` to `end`, in image coordinates (y down).
    case inbound
    /// From the positive to the negative side.
    case outbound
}
