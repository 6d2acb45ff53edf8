import Foundation
import Testing
@testable import ShojiTracking

@Suite("Geometry")
struct GeometryTests {
    @Test func boxIoUCentreAndFootPoint() {
        let a = BoundingBox(x: 0, y: 0, width: 10, height: 10)
        let b = BoundingBox(x: 5, y: 0, width: 10, height: 10)
        #expect(a.iou(b) == 50.0 / 150.0)
        #expect(a.iou(a) == 1)
        #expect(a.iou(BoundingBox(x: 10, y: 0, width: 10, height: 10)) == 0)
        #expect(a.iou(BoundingBox(x: 0, y: 0, width: 0, height: 10)) == 0)
        #expect(a.center == Point(x: 5, y: 5))
        #expect(BoundingBox(x: 10, y: 20, width: 30, height: 80).footPoint == Point(x: 25, y: 100))
        #expect(BoundingBox(center: Point(x: 25, y: 60), width: 30, height: 80) == BoundingBox(x: 10, y: 20, width: 30, height: 80))
    }

    @Test func polygonContainsAndRefusesDegenerateInput() throws {
        // An L-shaped (concave) polygon.
        let l = try Polygon([Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 4), Point(x: 4, y: 4),
                             Point(x: 4, y: 10), Point(x: 0, y: 10)])
        #expect(l.contains(Point(x: 2, y: 8)))
        #expect(l.contains(Point(x: 8, y: 2)))
        #expect(!l.contains(Point(x: 8, y: 8)))
        #expect(!l.contains(Point(x: -1, y: 2)))
        #expect(l.area == 64)
        #expect(throws: GeometryError.tooFewPoints(needed: 3, got: 2)) { try Polygon([.zero, Point(x: 1, y: 1)]) }
        #expect(throws: GeometryError.self) { try Polygon([.zero, Point(x: 1, y: 1), Point(x: 2, y: 2)]) }
        #expect(throws: GeometryError.self) { try Polygon([.zero, Point(x: .nan, y: 1), Point(x: 2, y: 0)]) }
    }

    static let knownMatrix: [Double] = [1.2, 0.1, 5, 0.05, 0.9, -3, 0.001, 0.002, 1]

    static func project(_ p: Point) -> Point {
        let m = knownMatrix
        let w = m[6] * p.x + m[7] * p.y + m[8]
        return Point(x: (m[0] * p.x + m[1] * p.y + m[2]) / w, y: (m[3] * p.x + m[4] * p.y + m[5]) / w)
    }

    @Test func homographyFromFourPointsMapsAFifth() throws {
        let image = [Point(x: 10, y: 20), Point(x: 700, y: 40), Point(x: 750, y: 560), Point(x: 30, y: 500)]
        let floor = image.map(Self.project)
        let h = try Homography(from: image, to: floor)
        let fifth = Point(x: 384, y: 288)
        let mapped = try #require(h.map(fifth))
        let expected = Self.project(fifth)
        #expect(abs(mapped.x - expected.x) < 1e-6)
        #expect(abs(mapped.y - expected.y) < 1e-6)
        for (i, m) in Self.knownMatrix.enumerated() { #expect(abs(h.matrix[i] - m) < 1e-9) }

        let back = try #require(try h.inverted().map(expected))
        #expect(abs(back.x - fifth.x) < 1e-6 && abs(back.y - fifth.y) < 1e-6)
    }

    @Test func homographyImageTrapezoidToFloorRectangle() throws {
        // A floor rectangle 10 m × 20 m seen in perspective: far edge shorter and higher in the image.
        let image = [Point(x: 300, y: 200), Point(x: 468, y: 200), Point(x: 700, y: 560), Point(x: 68, y: 560)]
        let floor = [Point(x: 0, y: 20), Point(x: 10, y: 20), Point(x: 10, y: 0), Point(x: 0, y: 0)]
        let h = try Homography(from: image, to: floor)
        for (p, q) in zip(image, floor) {
            let m = try #require(h.map(p))
            #expect(m.distance(to: q) < 1e-9)
        }
        // The image centre line maps to the floor's centre line x = 5 by symmetry.
        let mid = try #require(h.map(Point(x: 384, y: 400)))
        #expect(abs(mid.x - 5) < 1e-9)
    }

    @Test func homographyLeastSquaresWithMorePoints() throws {
        let image = [Point(x: 0, y: 0), Point(x: 640, y: 0), Point(x: 640, y: 480), Point(x: 0, y: 480),
                     Point(x: 320, y: 100), Point(x: 100, y: 300)]
        let h = try Homography(from: image, to: image.map(Self.project))
        let p = try #require(h.map(Point(x: 500, y: 400)))
        #expect(p.distance(to: Self.project(Point(x: 500, y: 400))) < 1e-6)
    }

    @Test func homographyRefusesDegenerateInput() {
        let square = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)]
        let collinear = [Point(x: 0, y: 0), Point(x: 1, y: 1), Point(x: 2, y: 2), Point(x: 0, y: 5)]
        #expect(throws: GeometryError.self) { try Homography(from: collinear, to: square) }
        #expect(throws: GeometryError.self) { try Homography(from: square, to: collinear) }
        #expect(throws: GeometryError.mismatchedPointCounts(source: 4, destination: 3)) {
            try Homography(from: square, to: Array(square.prefix(3)))
        }
        #expect(throws: GeometryError.tooFewPoints(needed: 4, got: 3)) {
            try Homography(from: Array(square.prefix(3)), to: Array(square.prefix(3)))
        }
        #expect(throws: GeometryError.self) { try Homography(from: Array(repeating: .zero, count: 4), to: square) }
        #expect(throws: GeometryError.self) { try Homography(matrix: [1, 2, 3, 2, 4, 6, 0, 0, 1]) }
        #expect(throws: GeometryError.self) { try Homography(matrix: [1, 0, 0]) }
    }
}

@Suite("Decoding validates geometry")
struct GeometryDecodingTests {
    @Test func brokenStoredGeometryIsRefusedNotCrashing() throws {
        let decoder = JSONDecoder()
        #expect(throws: DecodingError.self) { try decoder.decode(Polygon.self, from: Data(#"{"vertices": []}"#.utf8)) }
        #expect(throws: DecodingError.self) {
            try decoder.decode(Homography.self, from: Data(#"{"matrix": [1, 2, 3, 2, 4, 6, 0, 0, 1]}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try decoder.decode(CountingLine.self, from: Data(#"{"id": "a", "start": {"x": 1, "y": 1}, "end": {"x": 1, "y": 1}}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try decoder.decode(Heatmap.self, from: Data(#"{"origin": {"x": 0, "y": 0}, "cellSize": 1, "columns": 2, "rows": 2, "values": [1]}"#.utf8))
        }
    }

    @Test func geometryRoundTripsThroughJSON() throws {
        var map = try Heatmap(origin: .zero, cellSize: 1, columns: 2, rows: 2)
        map.add(Point(x: 1.5, y: 0.5), weight: 3)
        let line = try CountingLine(id: "gate", start: .zero, end: Point(x: 0, y: 5), band: 0.5)
        let polygon = try Polygon([.zero, Point(x: 4, y: 0), Point(x: 0, y: 3)])
        let h = try Homography(matrix: [2, 0, 1, 0, 2, 1, 0, 0, 1])
        let encoder = JSONEncoder(), decoder = JSONDecoder()
        #expect(try decoder.decode(Heatmap.self, from: encoder.encode(map)) == map)
        #expect(try decoder.decode(CountingLine.self, from: encoder.encode(line)) == line)
        #expect(try decoder.decode(Polygon.self, from: encoder.encode(polygon)) == polygon)
        #expect(try decoder.decode(Homography.self, from: encoder.encode(h)) == h)
    }
}
