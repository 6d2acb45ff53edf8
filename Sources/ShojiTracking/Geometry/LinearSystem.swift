/// Dense square linear systems, small enough (8×8 for a homography) that Gaussian elimination with partial
/// pivoting is both the simplest and the most accurate choice.
enum LinearSystem {
    /// Solves `a · x = b` for `x`, with `a` row-major `n × n`. Returns nil when `a` is singular to working
    /// precision (a pivot below `tolerance` times the largest entry of `a`).
    static func solve(_ a: [Double], _ b: [Double], n: Int, tolerance: Double = 1e-12) -> [Double]? {
        guard n > 0, a.count == n * n, b.count == n else { return nil }
        var m = a
        var rhs = b
        var scale = 0.0
        for value in m { scale = max(scale, abs(value)) }
        guard scale > 0, scale.isFinite else { return nil }
        for column in 0..<n {
            var pivotRow = column
            var pivotValue = abs(m[column * n + column])
            for row in (column + 1)..<n where abs(m[row * n + column]) > pivotValue {
                pivotRow = row
                pivotValue = abs(m[row * n + column])
            }
            guard pivotValue > tolerance * scale else { return nil }
            if pivotRow != column {
                for k in 0..<n { m.swapAt(column * n + k, pivotRow * n + k) }
                rhs.swapAt(column, pivotRow)
            }
            let pivot = m[column * n + column]
            for row in (column + 1)..<n {
                let factor = m[row * n + column] / pivot
                if factor == 0 { continue }
                for k in column..<n { m[row * n + k] -= factor * m[column * n + k] }
                rhs[row] -= factor * rhs[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = rhs[row]
            for k in (row + 1)..<n { sum -= m[row * n + k] * x[k] }
            x[row] = sum / m[row * n + row]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
