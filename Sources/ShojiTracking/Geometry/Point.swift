/// A position, or a displacement, in a plane: pixels in image coordinates (x to the right, y down) or metres in
/// floor coordinates, depending on where it came from. The type does not know which; the caller does.
public struct Point: Hashable, Sendable, Codable {
    /// Horizontal coordinate.
    public var x: Double
    /// Vertical coordinate (down in image coordinates).
    public var y: Double

    /// Creates a point from its coordinates.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The origin.
    public static let zero = Point(x: 0, y: 0)

    /// Euclidean distance to `other`.
    public func distance(to other: Point) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }

    /// Whether both coordinates are finite numbers.
    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// Component-wise sum.
    public static func + (lhs: Point, rhs: Point) -> Point { Point(x: lhs.x + rhs.x, y: lhs.y + rhs.y) }
    /// Component-wise difference.
    public static func - (lhs: Point, rhs: Point) -> Point { Point(x: lhs.x - rhs.x, y: lhs.y - rhs.y) }
    /// Scales both coordinates.
    public static func * (lhs: Point, rhs: Double) -> Point { Point(x: lhs.x * rhs, y: lhs.y * rhs) }

    /// The z component of the cross product of `self` and `other` seen as vectors; positive when `other` is
    /// clockwise from `self` in image coordinates (y down), counter-clockwise in y-up floor coordinates.
    public func cross(_ other: Point) -> Double { x * other.y - y * other.x }
}
