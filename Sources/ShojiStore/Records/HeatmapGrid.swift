import Foundation

/// How often people were seen in each cell of a floor grid during one bucket (use case 2).
///
/// An aggregate: cell counts only. Recording a grid for a camera and bucket that already has one adds the counts
/// cell by cell, so the grid shape must stay the same for a camera.
public struct HeatmapGrid: Sendable, Hashable, Codable {
    /// The approved deployment that produced the grid.
    public var deploymentID: String
    /// The camera whose floor plane the grid covers.
    public var cameraID: String
    /// The interval counted.
    public var bucket: TimeBucket
    /// Number of cells across (x).
    public var columns: Int
    /// Number of cells down (y).
    public var rows: Int
    /// Side of one cell in floor units (metres), for drawing.
    public var cellSize: Double
    /// Row-major counts, `rows * columns` of them.
    public var counts: [UInt32]

    /// A grid; `counts` must hold `rows * columns` values in row-major order.
    public init(deploymentID: String, cameraID: String, bucket: TimeBucket, columns: Int, rows: Int, cellSize: Double, counts: [UInt32]) {
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.bucket = bucket
        self.columns = columns
        self.rows = rows
        self.cellSize = cellSize
        self.counts = counts
    }

    /// The count in one cell.
    public subscript(column: Int, row: Int) -> UInt32 { counts[row * columns + column] }

    /// The grid's shape as errors name it: `COLUMNSxROWS cells of SIZE`.
    public var shape: String { "\(columns)x\(rows) cells of \(cellSize)" }

    /// Grids in read order (by bucket, deployment, camera, shape) with neighbours of the same deployment, camera,
    /// bucket and shape added cell by cell (saturating): the stored buckets a roll-up put together. Grids of
    /// different shapes are never added.
    public static func addingUp(_ grids: [HeatmapGrid]) -> [HeatmapGrid] {
        var added: [HeatmapGrid] = []
        for grid in grids {
            if let last = added.last, last.deploymentID == grid.deploymentID, last.cameraID == grid.cameraID,
               last.bucket == grid.bucket, last.shape == grid.shape {
                added[added.count - 1].counts = zip(last.counts, grid.counts).map { a, b in
                    let (sum, overflow) = a.addingReportingOverflow(b)
                    return overflow ? UInt32.max : sum
                }
            } else {
                added.append(grid)
            }
        }
        return added
    }

    /// Counts as little-endian UInt32, the stored form.
    static func encode(_ counts: [UInt32]) -> Data {
        var data = Data(capacity: counts.count * 4)
        for count in counts { withUnsafeBytes(of: count.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// Counts from the stored form; a blob of the wrong length is reported, not trusted.
    static func decode(_ data: Data, cells: Int) throws(StoreError) -> [UInt32] {
        let bytes = [UInt8](data)
        guard bytes.count == cells * 4 else { throw .invalidValue("stored heatmap has \(bytes.count) bytes for \(cells) cells") }
        return stride(from: 0, to: bytes.count, by: 4).map { base in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[base + $1]) << (8 * UInt32($1)) }
        }
    }
}
