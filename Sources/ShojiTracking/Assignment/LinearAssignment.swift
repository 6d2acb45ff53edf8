/// Optimal rectangular assignment (the Hungarian method in its shortest-augmenting-path form with dual
/// potentials, as Jonker and Volgenant describe it): O(n²·m) for n rows ≤ m columns.
///
/// The value keeps its work buffers between calls, so a tracker that solves one small problem per frame does
/// not allocate after the first few frames. It is a value type: give each tracker its own.
public struct LinearAssignment: Sendable {
    private var u: [Double] = []
    private var v: [Double] = []
    private var minimum: [Double] = []
    private var rowOfColumn: [Int] = []
    private var way: [Int] = []
    private var used: [Bool] = []
    private var work: [Double] = []

    /// Creates a solver with empty buffers.
    public init() {}

    /// Minimum-cost assignment of rows to columns.
    ///
    /// - Parameters:
    ///   - costs: row-major `rows × columns` costs. NaN and infinite entries are forbidden pairs.
    ///   - maximumCost: pairs costing more than this are forbidden too.
    /// - Returns: for each row, its column or -1. As many rows as possible are assigned to allowed pairs
    ///   (maximum cardinality); among such assignments the total cost is minimal — the semantics of
    ///   py-motmetrics' `linear_sum_assignment` with missing edges.
    public mutating func solve(costs: [Double], rows: Int, columns: Int,
                               maximumCost: Double = .infinity) -> [Int] {
        var result: [Int] = []
        solve(costs: costs, rows: rows, columns: columns, maximumCost: maximumCost, into: &result)
        return result
    }

    /// As ``solve(costs:rows:columns:maximumCost:)``, writing into a caller-owned array to avoid allocation.
    public mutating func solve(costs: [Double], rows: Int, columns: Int, maximumCost: Double = .infinity,
                               into assignment: inout [Int]) {
        assignment.removeAll(keepingCapacity: true)
        guard rows > 0 else { return }
        assignment.append(contentsOf: repeatElement(-1, count: rows))
        guard columns > 0, !rows.multipliedReportingOverflow(by: columns).overflow, costs.count >= rows * columns else { return }

        // Forbidden pairs get a cost larger than any sum of allowed ones, so the optimum uses as many allowed
        // pairs as possible and those pairs are afterwards dropped from the answer.
        var allowedSum = 0.0
        var anyAllowed = false
        for c in costs[0..<(rows * columns)] where c.isFinite && c <= maximumCost {
            allowedSum += abs(c)
            anyAllowed = true
        }
        guard anyAllowed else { return }
        let forbidden = 2 * allowedSum + 1
        // Costs near Double.greatestFiniteMagnitude cannot be handled exactly; refuse rather than loop.
        guard forbidden.isFinite else { return }

        // The algorithm wants n ≤ m; transpose otherwise.
        let transposed = rows > columns
        let n = transposed ? columns : rows
        let m = transposed ? rows : columns
        work.removeAll(keepingCapacity: true)
        work.reserveCapacity(n * m)
        for i in 0..<n {
            for j in 0..<m {
                let c = transposed ? costs[j * columns + i] : costs[i * columns + j]
                work.append(c.isFinite && c <= maximumCost ? c : forbidden)
            }
        }
        runHungarian(n: n, m: m)

        for j in 1...m {
            let i = rowOfColumn[j]
            guard i != 0 else { continue }
            let (row, column) = transposed ? (j - 1, i - 1) : (i - 1, j - 1)
            let c = costs[row * columns + column]
            if c.isFinite && c <= maximumCost { assignment[row] = column }
        }
    }

    /// Assignment with a price for leaving things unmatched, the semantics of `lapjv(…, cost_limit:)` that
    /// SORT-style trackers use: minimises Σ cost of matched pairs + `costLimit` / 2 for every unmatched row and
    /// every unmatched column. A pair is therefore matched only if it costs less than `costLimit`, and one good
    /// match is preferred to two mediocre ones — unlike the maximum-cardinality rule of
    /// ``solve(costs:rows:columns:maximumCost:)``, which evaluation needs.
    ///
    /// NaN and infinite costs are forbidden pairs. Writes, for each row, its column or -1.
    public mutating func solve(costs: [Double], rows: Int, columns: Int, costLimit: Double,
                               into assignment: inout [Int]) {
        assignment.removeAll(keepingCapacity: true)
        guard rows > 0 else { return }
        assignment.append(contentsOf: repeatElement(-1, count: rows))
        guard columns > 0, !rows.multipliedReportingOverflow(by: columns).overflow, costs.count >= rows * columns, costLimit.isFinite else { return }
        // Σ matched c + (rows + columns − 2k)·limit/2 = constant + Σ matched (c − limit): only pairs with
        // c < limit can lower the total, and pairs with c ≥ limit are as good as unmatched (cost 0).
        let transposed = rows > columns
        let n = transposed ? columns : rows
        let m = transposed ? rows : columns
        work.removeAll(keepingCapacity: true)
        work.reserveCapacity(n * m)
        var anyUseful = false
        for i in 0..<n {
            for j in 0..<m {
                let c = transposed ? costs[j * columns + i] : costs[i * columns + j]
                if c.isFinite && c < costLimit {
                    work.append(c - costLimit)
                    anyUseful = true
                } else {
                    work.append(0)
                }
            }
        }
        guard anyUseful else { return }
        runHungarian(n: n, m: m)
        for j in 1...m {
            let i = rowOfColumn[j]
            guard i != 0, work[(i - 1) * m + j - 1] < 0 else { continue }
            let (row, column) = transposed ? (j - 1, i - 1) : (i - 1, j - 1)
            assignment[row] = column
        }
    }

    /// The potentials method on `work` (n × m, n ≤ m), 1-based with a virtual column 0.
    private mutating func runHungarian(n: Int, m: Int) {
        Self.reset(&u, count: n + 1, to: 0)
        Self.reset(&v, count: m + 1, to: 0)
        Self.reset(&rowOfColumn, count: m + 1, to: 0)
        Self.reset(&way, count: m + 1, to: 0)
        for i in 1...n {
            rowOfColumn[0] = i
            var j0 = 0
            Self.reset(&minimum, count: m + 1, to: .infinity)
            Self.reset(&used, count: m + 1, to: false)
            repeat {
                used[j0] = true
                let i0 = rowOfColumn[j0]
                var delta = Double.infinity
                var j1 = 0
                let base = (i0 - 1) * m
                let ui0 = u[i0]
                for j in 1...m where !used[j] {
                    let current = work[base + j - 1] - ui0 - v[j]
                    if current < minimum[j] {
                        minimum[j] = current
                        way[j] = j0
                    }
                    if minimum[j] < delta {
                        delta = minimum[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[rowOfColumn[j]] += delta
                        v[j] -= delta
                    } else {
                        minimum[j] -= delta
                    }
                }
                j0 = j1
            } while rowOfColumn[j0] != 0
            repeat {
                let j1 = way[j0]
                rowOfColumn[j0] = rowOfColumn[j1]
                j0 = j1
            } while j0 != 0
        }
    }

    private static func reset<T>(_ array: inout [T], count: Int, to value: T) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: repeatElement(value, count: count))
    }
}
