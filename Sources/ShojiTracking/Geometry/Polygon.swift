/// A simple closed polygon (the last vertex connects back to the first), in image or floor coordinates.
public struct Polygon: Hashable, Sendable, Codable {
    /// The corners in order (either orientation).
    public let vertices: [Point]

    /// Creates a polygon; refuses fewer than three vertices, non-finite coordinates or a zero area.
    public init(_ vertices: [Point]) throws(GeometryError) {
        guard vertices.count >= 3 else { throw .tooFewPoints(needed: 3, got: vertices.count) }
        guard vertices.allSatisfy(\.isFinite) else { throw .nonFinite("a polygon vertex") }
        self.vertices = vertices
        guard area > 0 else { throw .degenerate("the polygon has no area") }
    }

    /// Decodes and validates like ``init(_:)``, so a stored zone cannot smuggle in a broken outline.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let vertices = try container.decode([Point].self, forKey: .vertices)
        do {
            try self.init(vertices)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .vertices, in: container, debugDescription: error.description)
        }
    }

    /// Area by the shoelace formula (always non-negative).
    public var area: Double {
        guard let last = vertices.last else { return 0 }
        var twice = 0.0
        var previous = last
        for vertex in vertices {
            twice += previous.cross(vertex)
            previous = vertex
        }
        return abs(twice) / 2
    }

    /// Smallest axis-aligned box around the polygon.
    public var bounds: BoundingBox {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for v in vertices {
            minX = min(minX, v.x); maxX = max(maxX, v.x)
            minY = min(minY, v.y); maxY = max(maxY, v.y)
        }
        return BoundingBox(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// Whether `point` lies inside (even-odd rule, so self-intersecting outlines behave predictably).
    /// Points exactly on an edge may fall either way; zones should not depend on that.
    public func contains(_ point: Point) -> Bool {
        guard !vertices.isEmpty else { return false }
        var inside = false
        var j = vertices.count - 1
        for i in vertices.indices {
            let a = vertices[i], b = vertices[j]
            if (a.y > point.y) != (b.y > point.y) {
                let xCross = a.x + (point.y - a.y) * (b.x - a.x) / (b.y - a.y)
                if point.x < xCross { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}
