/// Occupancy on a regular grid over floor (or image) coordinates: each observation adds its weight — for
/// example the seconds it stands for — to the cell containing it. Holds sums only, no trajectories.
public struct Heatmap: Hashable, Sendable, Codable {
    /// How ``normalized(_:)`` scales the cells.
    public enum Normalization: String, Hashable, Sendable, Codable {
        /// Divide by the largest cell, so the hottest cell is 1.
        case peak
        /// Divide by the sum of all cells, so the cells add up to 1 (a distribution).
        case total
    }

    /// Corner of cell (0, 0): the smallest x and y covered.
    public let origin: Point
    /// Side of a square cell, in the units of the points.
    public let cellSize: Double
    /// Number of cells along x.
    public let columns: Int
    /// Number of cells along y.
    public let rows: Int
    /// Accumulated weight per cell, row-major (`row * columns + column`).
    public private(set) var values: [Double]
    /// Weight of observations that fell outside the grid (so coverage can be checked).
    public private(set) var outsideWeight: Double = 0

    /// Creates an empty grid; refuses a non-positive cell size, an empty grid or one over 16 million cells.
    public init(origin: Point, cellSize: Double, columns: Int, rows: Int) throws(GeometryError) {
        guard origin.isFinite, cellSize.isFinite else { throw .nonFinite("the heatmap origin or cell size") }
        guard cellSize > 0 else { throw .invalidParameter("heatmap cell size must be positive, is \(cellSize)") }
        guard columns > 0, rows > 0, columns <= 16_777_216 / rows else {
            throw .invalidParameter("heatmap needs 1…16M cells, asked for \(columns) × \(rows)")
        }
        self.origin = origin
        self.cellSize = cellSize
        self.columns = columns
        self.rows = rows
        self.values = Array(repeating: 0, count: columns * rows)
    }

    /// Decodes and validates the grid, and that the stored cells fit it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(origin: try c.decode(Point.self, forKey: .origin), cellSize: try c.decode(Double.self, forKey: .cellSize),
                          columns: try c.decode(Int.self, forKey: .columns), rows: try c.decode(Int.self, forKey: .rows))
        } catch let error as GeometryError {
            throw DecodingError.dataCorruptedError(forKey: .columns, in: c, debugDescription: error.description)
        }
        let values = try c.decode([Double].self, forKey: .values)
        guard values.count == self.values.count, values.allSatisfy(\.isFinite) else {
            throw DecodingError.dataCorruptedError(forKey: .values, in: c,
                                                   debugDescription: "heatmap needs \(self.values.count) finite cell values")
        }
        self.values = values
        self.outsideWeight = try c.decodeIfPresent(Double.self, forKey: .outsideWeight) ?? 0
    }

    /// Creates the smallest grid of `cellSize` cells that covers `area`.
    public init(covering area: BoundingBox, cellSize: Double) throws(GeometryError) {
        guard area.isValid, cellSize.isFinite, cellSize > 0 else {
            throw .invalidParameter("heatmap area must be a non-empty box and the cell size positive")
        }
        let columns = (area.width / cellSize).rounded(.up), rows = (area.height / cellSize).rounded(.up)
        guard columns * rows <= 16_777_216 else {
            throw .invalidParameter("heatmap needs 1…16M cells, asked for \(Int(columns)) × \(Int(rows))")
        }
        try self.init(origin: Point(x: area.x, y: area.y), cellSize: cellSize, columns: Int(columns), rows: Int(rows))
    }

    /// The (column, row) of the cell containing `point`, nil outside the grid.
    public func cell(containing point: Point) -> (column: Int, row: Int)? {
        let cx = ((point.x - origin.x) / cellSize).rounded(.down)
        let cy = ((point.y - origin.y) / cellSize).rounded(.down)
        guard cx >= 0, cy >= 0, cx < Double(columns), cy < Double(rows) else { return nil }
        return (Int(cx), Int(cy))
    }

    /// Adds `weight` at `point`; returns false (and books the weight as outside) when it is off the grid.
    @discardableResult
    public mutating func add(_ point: Point, weight: Double = 1) -> Bool {
        guard weight.isFinite else { return false }
        guard let (column, row) = cell(containing: point) else {
            outsideWeight += weight
            return false
        }
        values[row * columns + column] += weight
        return true
    }

    /// The weight in one cell (0 outside the grid).
    public subscript(column: Int, row: Int) -> Double {
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        return values[row * columns + column]
    }

    /// Sum of all cells.
    public var total: Double { values.reduce(0, +) }

    /// Cell values scaled to [0, 1]; all zeros for an empty map.
    public func normalized(_ normalization: Normalization = .peak) -> [Double] {
        let divisor = normalization == .peak ? (values.max() ?? 0) : total
        guard divisor > 0 else { return Array(repeating: 0, count: values.count) }
        return values.map { $0 / divisor }
    }

    /// Adds another heatmap over the same grid (same origin, cell size and shape), e.g. another camera's or
    /// another hour's; refuses a different grid.
    public mutating func merge(_ other: Heatmap) throws(GeometryError) {
        guard other.origin == origin, other.cellSize == cellSize, other.columns == columns, other.rows == rows else {
            throw .invalidParameter("heatmaps cover different grids: build both with the same origin, cell size and size")
        }
        for i in values.indices { values[i] += other.values[i] }
        outsideWeight += other.outsideWeight
    }
}
