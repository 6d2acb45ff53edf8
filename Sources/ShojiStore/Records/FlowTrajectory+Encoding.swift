import Foundation

extension FlowTrajectory {
    /// Format of the points blob: one version byte, then (offset, x, y) as little-endian Float32 per point.
    static let pointsFormatVersion: UInt8 = 1

    /// The compact blob stored in `flow_trajectory.points`.
    static func encode(_ points: [FlowPoint]) throws(StoreError) -> Data {
        var data = Data(capacity: 1 + points.count * 12)
        data.append(pointsFormatVersion)
        for point in points {
            guard point.offset.isFinite, point.x.isFinite, point.y.isFinite else {
                throw .invalidValue("trajectory points must be finite numbers")
            }
            for value in [point.offset, point.x, point.y] {
                withUnsafeBytes(of: Float32(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    /// Points from a stored blob; a blob of another version or length is reported, not trusted.
    static func decode(_ data: Data) throws(StoreError) -> [FlowPoint] {
        let bytes = [UInt8](data)
        guard let version = bytes.first, version == pointsFormatVersion, (bytes.count - 1) % 12 == 0 else {
            throw .invalidValue("stored trajectory points are in an unknown format; upgrade shoji")
        }
        func float(at index: Int) -> Double {
            var bits: UInt32 = 0
            for byte in 0..<4 { bits |= UInt32(bytes[index + byte]) << (8 * UInt32(byte)) }
            return Double(Float32(bitPattern: bits))
        }
        return stride(from: 1, to: bytes.count, by: 12).map { base in
            FlowPoint(offset: float(at: base), x: float(at: base + 4), y: float(at: base + 8))
        }
    }
}
