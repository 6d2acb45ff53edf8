/// Why a geometric object (polygon, line, homography, grid) could not be built from the given numbers.
public enum GeometryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer points than the construction needs.
    case tooFewPoints(needed: Int, got: Int)
    /// Source and destination point lists differ in length.
    case mismatchedPointCounts(source: Int, destination: Int)
    /// A coordinate or parameter is NaN or infinite.
    case nonFinite(String)
    /// The points are collinear, repeated or otherwise do not determine the object.
    case degenerate(String)
    /// A parameter is out of its allowed range.
    case invalidParameter(String)

    /// A one-line explanation that says what to change.
    public var description: String {
        switch self {
        case let .tooFewPoints(needed, got):
            "need at least \(needed) points, got \(got): add points"
        case let .mismatchedPointCounts(source, destination):
            "\(source) image points but \(destination) floor points: give one floor point per image point"
        case let .nonFinite(what):
            "\(what) is not a finite number: check the configuration"
        case let .degenerate(what):
            "\(what): choose points spread out over the area, no three on one line"
        case let .invalidParameter(what):
            "\(what)"
        }
    }
}
