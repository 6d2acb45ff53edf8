/// The principal axes of a set of vectors: the eigenvectors of their covariance, largest variance first, found
/// with cyclic Jacobi rotations (exact for a symmetric matrix, and small work at 128 dimensions).
///
/// ``VectorIndex`` projects vectors on the leading axes: the distance between two projections is a lower bound of
/// their full distance (an orthonormal projection never lengthens a difference), and the leading axes hold most
/// of the variance, so the bound is tight where it matters.
struct PrincipalAxes: Sendable {
    /// The mean of the vectors.
    let mean: [Float]
    /// Unit axes, largest variance first; `axes[k]` has `mean.count` values.
    let axes: [[Float]]
    /// The variance along each axis.
    let variances: [Double]

    /// The axes of `vectors` (each of the same length, at least two vectors).
    init(of vectors: [[Float]]) {
        let dimensions = vectors.first?.count ?? 0
        var mean = [Double](repeating: 0, count: dimensions)
        for vector in vectors { for k in 0..<dimensions { mean[k] += Double(vector[k]) } }
        mean = mean.map { $0 / Double(max(vectors.count, 1)) }
        var covariance = [Double](repeating: 0, count: dimensions * dimensions)
        for vector in vectors {
            for i in 0..<dimensions {
                let di = Double(vector[i]) - mean[i]
                for j in i..<dimensions { covariance[i * dimensions + j] += di * (Double(vector[j]) - mean[j]) }
            }
        }
        let scale = 1 / Double(max(vectors.count - 1, 1))
        for i in 0..<dimensions {
            for j in i..<dimensions {
                covariance[i * dimensions + j] *= scale
                covariance[j * dimensions + i] = covariance[i * dimensions + j]
            }
        }
        let (values, vectorsByColumn) = Self.eigen(symmetric: covariance, size: dimensions)
        let order = values.indices.sorted { values[$0] > values[$1] }
        self.mean = mean.map(Float.init)
        axes = order.map { column in (0..<dimensions).map { Float(vectorsByColumn[$0 * dimensions + column]) } }
        variances = order.map { max(0, values[$0]) }
    }

    /// Eigenvalues and eigenvectors (columns of the returned row-major matrix) of a symmetric matrix.
    private static func eigen(symmetric matrix: [Double], size n: Int) -> ([Double], [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<50 {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { off += a[i * n + j] * a[i * n + j] } }
            if off < 1e-22 { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where abs(a[p * n + q]) > 1e-300 {
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0 * n + $0] }, v)
    }
}
