/// A plane-to-plane projective mapping, typically from image pixels to floor coordinates (metres) so that
/// trajectories, zones, lines and heatmaps are measured on the ground rather than in the perspective image.
///
/// Build it from four (or more) image points whose floor positions are known — e.g. the corners of a tiled
/// area — with ``init(from:to:)``; map foot points with ``map(_:)``.
public struct Homography: Hashable, Sendable, Codable {
    /// The 3×3 matrix, row-major, scaled so that the bottom-right entry is 1 whenever it is not zero.
    public let matrix: [Double]

    /// The identity mapping.
    public static let identity = Homography(unchecked: [1, 0, 0, 0, 1, 0, 0, 0, 1])

    private init(unchecked matrix: [Double]) {
        let last = matrix[8]
        if abs(last) > 1e-12 {
            self.matrix = matrix.map { $0 / last }
        } else {
            var norm = 0.0
            for v in matrix { norm += v * v }
            let s = norm.squareRoot()
            self.matrix = s > 0 ? matrix.map { $0 / s } : matrix
        }
    }

    /// Wraps a known row-major 3×3 matrix; refuses a wrong count, non-finite entries or a singular matrix.
    public init(matrix: [Double]) throws(GeometryError) {
        guard matrix.count == 9 else { throw .invalidParameter("a homography needs 9 matrix entries, got \(matrix.count)") }
        guard matrix.allSatisfy(\.isFinite) else { throw .nonFinite("a homography entry") }
        guard Homography.determinant(matrix) != 0, Homography.isInvertible(matrix) else {
            throw .degenerate("the homography matrix is singular")
        }
        self.init(unchecked: matrix)
    }

    /// Decodes and validates like ``init(matrix:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let matrix = try container.decode([Double].self, forKey: .matrix)
        do {
            try self.init(matrix: matrix)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .matrix, in: container, debugDescription: error.description)
        }
    }

    /// Estimates the mapping that takes each `source[i]` to `destination[i]` by the normalised direct linear
    /// transform: exact for four pairs, least squares for more.
    ///
    /// Throws when fewer than four pairs are given, the counts differ, a coordinate is not finite, or the
    /// points do not determine a mapping (three of four on a line, repeated points).
    public init(from source: [Point], to destination: [Point]) throws(GeometryError) {
        guard source.count == destination.count else {
            throw .mismatchedPointCounts(source: source.count, destination: destination.count)
        }
        guard source.count >= 4 else { throw .tooFewPoints(needed: 4, got: source.count) }
        guard source.allSatisfy(\.isFinite), destination.allSatisfy(\.isFinite) else {
            throw .nonFinite("a calibration point")
        }
        if source.count == 4 {
            if Homography.hasCollinearTriple(source) { throw .degenerate("three of the four image points lie on one line") }
            if Homography.hasCollinearTriple(destination) { throw .degenerate("three of the four floor points lie on one line") }
        }
        // Hartley normalisation keeps the 8×8 system well conditioned for pixel-sized coordinates.
        guard let (_, sourceToNormal) = Homography.normalisation(source),
              let (normalToDestination, destinationToNormal) = Homography.normalisation(destination) else {
            throw .degenerate("the points coincide")
        }
        let src = source.map { Homography.apply(sourceToNormal, $0) }
        let dst = destination.map { Homography.apply(destinationToNormal, $0) }

        // Rows of A·h = b with h33 = 1.
        var rows: [[Double]] = []
        var rhs: [Double] = []
        rows.reserveCapacity(src.count * 2)
        for (p, q) in zip(src, dst) {
            rows.append([p.x, p.y, 1, 0, 0, 0, -q.x * p.x, -q.x * p.y]); rhs.append(q.x)
            rows.append([0, 0, 0, p.x, p.y, 1, -q.y * p.x, -q.y * p.y]); rhs.append(q.y)
        }
        var a = [Double](repeating: 0, count: 64)
        var b = [Double](repeating: 0, count: 8)
        if rows.count == 8 {
            for r in 0..<8 { for c in 0..<8 { a[r * 8 + c] = rows[r][c] } }
            b = rhs
        } else {
            for (row, value) in zip(rows, rhs) {
                for r in 0..<8 {
                    b[r] += row[r] * value
                    for c in 0..<8 { a[r * 8 + c] += row[r] * row[c] }
                }
            }
        }
        guard let h = LinearSystem.solve(a, b, n: 8) else {
            throw .degenerate("the points do not determine a homography")
        }
        let normalised = h + [1]
        let full = Homography.multiply(normalToDestination, Homography.multiply(normalised, sourceToNormal))
        guard full.allSatisfy(\.isFinite), Homography.isInvertible(full) else {
            throw .degenerate("the points do not determine an invertible homography")
        }
        self.init(unchecked: full)
    }

    /// Maps a point; nil when it lands on the line at infinity (a point on the image's horizon) or the
    /// input is not finite.
    public func map(_ point: Point) -> Point? {
        let m = matrix
        let w = m[6] * point.x + m[7] * point.y + m[8]
        guard abs(w) > 1e-12 else { return nil }
        let mapped = Point(x: (m[0] * point.x + m[1] * point.y + m[2]) / w,
                           y: (m[3] * point.x + m[4] * point.y + m[5]) / w)
        return mapped.isFinite ? mapped : nil
    }

    /// The reverse mapping (floor to image when `self` maps image to floor).
    public func inverted() throws(GeometryError) -> Homography {
        guard let inverse = Homography.invert(matrix) else { throw .degenerate("the homography is singular") }
        return Homography(unchecked: inverse)
    }
}

extension Homography {
    static func determinant(_ m: [Double]) -> Double {
        m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6])
    }

    static func isInvertible(_ m: [Double]) -> Bool { invert(m) != nil }

    /// Adjugate inverse, refusing a determinant that is negligible relative to the entries' scale.
    static func invert(_ m: [Double]) -> [Double]? {
        let det = determinant(m)
        var scale = 0.0
        for v in m { scale = max(scale, abs(v)) }
        guard det.isFinite, scale > 0, abs(det) > 1e-14 * scale * scale * scale else { return nil }
        let inv = [
            (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det,
        ]
        return inv.allSatisfy(\.isFinite) ? inv : nil
    }

    static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
        var c = [Double](repeating: 0, count: 9)
        for r in 0..<3 { for k in 0..<3 { for col in 0..<3 { c[r * 3 + col] += a[r * 3 + k] * b[k * 3 + col] } } }
        return c
    }

    static func apply(_ m: [Double], _ p: Point) -> Point {
        let w = m[6] * p.x + m[7] * p.y + m[8]
        return Point(x: (m[0] * p.x + m[1] * p.y + m[2]) / w, y: (m[3] * p.x + m[4] * p.y + m[5]) / w)
    }

    /// A similarity `T` moving the centroid to the origin with mean distance √2, returned as (T⁻¹, T):
    /// the second element maps original points into the normalised frame.
    static func normalisation(_ points: [Point]) -> ([Double], [Double])? {
        var cx = 0.0, cy = 0.0
        for p in points { cx += p.x; cy += p.y }
        cx /= Double(points.count); cy /= Double(points.count)
        var meanDistance = 0.0
        for p in points { meanDistance += ((p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy)).squareRoot() }
        meanDistance /= Double(points.count)
        guard meanDistance > 0, meanDistance.isFinite else { return nil }
        let s = 2.0.squareRoot() / meanDistance
        let forward = [s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1]
        let backward = [1 / s, 0, cx, 0, 1 / s, cy, 0, 0, 1]
        return (backward, forward)
    }

    /// Whether any three of the points are (nearly) collinear, relative to the spread of the points.
    static func hasCollinearTriple(_ points: [Point]) -> Bool {
        var spread = 0.0
        for p in points { for q in points { spread = max(spread, p.distance(to: q)) } }
        guard spread > 0 else { return true }
        let tolerance = 1e-9 * spread * spread
        for i in 0..<points.count {
            for j in (i + 1)..<points.count {
                for k in (j + 1)..<points.count {
                    if abs((points[j] - points[i]).cross(points[k] - points[i])) <= tolerance { return true }
                }
            }
        }
        return false
    }
}
