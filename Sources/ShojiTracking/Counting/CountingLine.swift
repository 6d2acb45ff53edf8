/// A directed counting segment with a hysteresis band.
///
/// A crossing is counted when a track's point moves from beyond the band on one side to beyond the band on
/// the other side *and* its path crossed the segment itself (not the line's extension past an end) on the
/// way. Consequences, each tested:
/// - jitter on the line that never leaves the band on the far side counts nothing;
/// - someone who steps onto the line and turns back counts nothing;
/// - someone who crosses fully and comes back fully counts one inbound and one outbound, so the net is 0;
/// - per track and line, counted crossings alternate in direction: a track is counted at most once per
///   direction between two crossings in the other direction, so `inbound − outbound` for a track is always
///   the side it ended on minus the side it started on (−1, 0 or +1);
/// - a track first seen inside the band, or first seen already on a side, has no starting side until it
///   leaves the band; appearing on the far side is not a crossing.
public struct CountingLine: Hashable, Sendable, Codable {
    /// Stable identifier used in counts.
    public let id: String
    /// One end of the segment.
    public let start: Point
    /// The other end; together with ``start`` it fixes which way is ``CrossingDirection/inbound``.
    public let end: Point
    /// Half-width of the hysteresis band, in the coordinates of the points (pixels or metres).
    public let band: Double

    /// Creates a line; refuses coincident ends, non-finite coordinates or a negative band.
    public init(id: String, start: Point, end: Point, band: Double = 0) throws(GeometryError) {
        guard start.isFinite, end.isFinite, band.isFinite else { throw .nonFinite("a counting line coordinate") }
        guard start != end else { throw .degenerate("counting line \(id) has both ends at the same point") }
        guard band >= 0 else { throw .invalidParameter("counting line \(id): band must be 0 or more, is \(band)") }
        self.id = id
        self.start = start
        self.end = end
        self.band = band
    }

    /// Decodes and validates like ``init(id:start:end:band:)``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        do {
            try self.init(id: id, start: try c.decode(Point.self, forKey: .start), end: try c.decode(Point.self, forKey: .end),
                          band: try c.decodeIfPresent(Double.self, forKey: .band) ?? 0)
        } catch let error as GeometryError {
            throw DecodingError.dataCorruptedError(forKey: .end, in: c, debugDescription: error.description)
        }
    }

    /// Distance from the line through the segment; positive on the inbound side.
    public func signedDistance(to point: Point) -> Double {
        let direction = end - start
        return direction.cross(point - start) / direction.distance(to: .zero)
    }

    /// Per-track progress across one line. Start from `CrossingState()` and feed every observation through
    /// ``CountingLine/advance(_:to:)``.
    public struct CrossingState: Hashable, Sendable {
        /// -1 or +1: the side the track was last seen beyond the band; 0 before that.
        var side: Int8 = 0
        /// Whether the path touched the segment since the track was last beyond the band.
        var crossedSegment = false
        var previous: Point?

        /// A state with no history.
        public init() {}
    }

    /// Feeds the next position of one track; returns the direction when this step completes a crossing.
    public func advance(_ state: inout CrossingState, to point: Point) -> CrossingDirection? {
        guard point.isFinite else { return nil }
        if let previous = state.previous, segmentsIntersect(previous, point) { state.crossedSegment = true }
        state.previous = point
        let distance = signedDistance(to: point)
        guard abs(distance) > band, distance != 0 else { return nil }
        let side: Int8 = distance > 0 ? 1 : -1
        defer {
            state.side = side
            state.crossedSegment = false
        }
        guard state.side == -side, state.crossedSegment else { return nil }
        return side > 0 ? .inbound : .outbound
    }

    /// Whether the step p→q touches the segment start→end (touching counts).
    func segmentsIntersect(_ p: Point, _ q: Point) -> Bool {
        func orientation(_ a: Point, _ b: Point, _ c: Point) -> Double { (b - a).cross(c - a) }
        func within(_ a: Point, _ b: Point, _ c: Point) -> Bool {
            min(a.x, b.x) <= c.x && c.x <= max(a.x, b.x) && min(a.y, b.y) <= c.y && c.y <= max(a.y, b.y)
        }
        let d1 = orientation(start, end, p), d2 = orientation(start, end, q)
        let d3 = orientation(p, q, start), d4 = orientation(p, q, end)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        if d1 == 0 && within(start, end, p) { return true }
        if d2 == 0 && within(start, end, q) { return true }
        if d3 == 0 && within(p, q, start) { return true }
        if d4 == 0 && within(p, q, end) { return true }
        return false
    }
}
