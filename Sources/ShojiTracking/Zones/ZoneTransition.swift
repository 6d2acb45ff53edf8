/// How many times tracks went from one zone to another (possibly crossing area outside any zone between).
public struct ZoneTransition: Hashable, Sendable, Codable {
    /// The zone left.
    public var from: String
    /// The zone entered next.
    public var to: String
    /// Number of such moves.
    public var count: Int

    /// Creates a transition count.
    public init(from: String, to: String, count: Int) {
        self.from = from
        self.to = to
        self.count = count
    }
}
