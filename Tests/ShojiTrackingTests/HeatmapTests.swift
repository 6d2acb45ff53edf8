import Testing
@testable import ShojiTracking

@Suite("Heatmap")
struct HeatmapTests {
    @Test func accumulatesNormalisesAndMerges() throws {
        var map = try Heatmap(origin: Point(x: 0, y: 0), cellSize: 1, columns: 4, rows: 3)
        let added = [map.add(Point(x: 0.5, y: 0.5), weight: 2), map.add(Point(x: 3.99, y: 2.5)),
                     map.add(Point(x: 3.2, y: 2.0)), map.add(Point(x: 4, y: 0)), map.add(Point(x: -0.01, y: 0))]
        #expect(added == [true, true, true, false, false])
        #expect(map[0, 0] == 2)
        #expect(map[3, 2] == 2)
        #expect(map.total == 4)
        #expect(map.outsideWeight == 2)
        let peak = map.normalized()
        #expect(peak[0] == 1 && peak[2 * 4 + 3] == 1 && peak.reduce(0, +) == 2)
        #expect(map.normalized(.total).reduce(0, +) == 1)

        var other = try Heatmap(origin: .zero, cellSize: 1, columns: 4, rows: 3)
        other.add(Point(x: 1.5, y: 1.5), weight: 6)
        try map.merge(other)
        #expect(map[1, 1] == 6)
        #expect(map.normalized()[1 * 4 + 1] == 1)
        #expect(map.normalized()[0] == 2.0 / 6.0)

        let different = try Heatmap(origin: .zero, cellSize: 2, columns: 4, rows: 3)
        #expect(throws: GeometryError.self) { try map.merge(different) }
    }

    @Test func coveringGridAndEmptyMap() throws {
        let map = try Heatmap(covering: BoundingBox(x: 0, y: 0, width: 768, height: 576), cellSize: 32)
        #expect(map.columns == 24 && map.rows == 18)
        let corner = try #require(map.cell(containing: Point(x: 767, y: 575)))
        #expect(corner.column == 23 && corner.row == 17)
        #expect(map.normalized().allSatisfy { $0 == 0 })
        #expect(throws: GeometryError.self) { try Heatmap(origin: .zero, cellSize: 0, columns: 1, rows: 1) }
        #expect(throws: GeometryError.self) { try Heatmap(origin: .zero, cellSize: 1, columns: 0, rows: 1) }
        #expect(throws: GeometryError.self) { try Heatmap(covering: BoundingBox(x: 0, y: 0, width: 1e9, height: 1e9), cellSize: 1) }
    }
}
