/// Crossings of one line in one time bucket: the aggregate record of the counting use case.
public struct LineCount: Hashable, Sendable, Codable {
    /// The line's id.
    public var lineID: String
    /// Start of the bucket in seconds (a multiple of ``bucketDuration``).
    public var bucketStart: Double
    /// Length of the bucket in seconds.
    public var bucketDuration: Double
    /// Crossings in the ``CrossingDirection/inbound`` direction.
    public var inbound: Int
    /// Crossings in the ``CrossingDirection/outbound`` direction.
    public var outbound: Int

    /// Inbound minus outbound.
    public var net: Int { inbound - outbound }

    /// Creates a count.
    public init(lineID: String, bucketStart: Double, bucketDuration: Double, inbound: Int, outbound: Int) {
        self.lineID = lineID
        self.bucketStart = bucketStart
        self.bucketDuration = bucketDuration
        self.inbound = inbound
        self.outbound = outbound
    }
}
