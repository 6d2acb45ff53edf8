import Testing
@testable import ShojiTracking

@Suite("Linear assignment")
struct LinearAssignmentTests {
    /// Best (most allowed pairs, then least cost) over all partial injections rows → columns.
    static func bruteForce(_ costs: [Double], rows: Int, columns: Int, maximumCost: Double) -> (pairs: Int, cost: Double) {
        var best = (pairs: -1, cost: Double.infinity)
        var usedColumns = [Bool](repeating: false, count: columns)
        func visit(_ row: Int, _ pairs: Int, _ cost: Double) {
            if row == rows {
                if pairs > best.pairs || (pairs == best.pairs && cost < best.cost - 1e-12) { best = (pairs, cost) }
                return
            }
            visit(row + 1, pairs, cost)
            for c in 0..<columns where !usedColumns[c] {
                let value = costs[row * columns + c]
                guard value.isFinite, value <= maximumCost else { continue }
                usedColumns[c] = true
                visit(row + 1, pairs + 1, cost + value)
                usedColumns[c] = false
            }
        }
        visit(0, 0, 0)
        return best
    }

    static func evaluate(_ assignment: [Int], _ costs: [Double], columns: Int) -> (pairs: Int, cost: Double) {
        var pairs = 0, cost = 0.0
        for (r, c) in assignment.enumerated() where c >= 0 {
            pairs += 1
            cost += costs[r * columns + c]
        }
        return (pairs, cost)
    }

    @Test func knownSmallMatrix() {
        var solver = LinearAssignment()
        // Six permutations; the unique optimum is row 0→1, 1→0, 2→2 at 1 + 2 + 2 = 5.
        let costs: [Double] = [4, 1, 3,
                               2, 0, 5,
                               3, 2, 2]
        let assignment = solver.solve(costs: costs, rows: 3, columns: 3)
        #expect(assignment == [1, 0, 2])
        #expect(Self.evaluate(assignment, costs, columns: 3).cost == 5)
    }

    @Test(arguments: [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3), (3, 6), (6, 6)])
    func randomMatricesMatchBruteForce(shape: (Int, Int)) {
        let (rows, columns) = shape
        var rng = SeededGenerator(seed: UInt64(rows * 100 + columns))
        var solver = LinearAssignment()
        for _ in 0..<200 {
            let costs = (0..<(rows * columns)).map { _ in Double(Int.random(in: 0...20, using: &rng)) / 4 }
            let assignment = solver.solve(costs: costs, rows: rows, columns: columns)
            #expect(assignment.count == rows)
            let columnsUsed = assignment.filter { $0 >= 0 }
            #expect(Set(columnsUsed).count == columnsUsed.count)
            #expect(columnsUsed.count == min(rows, columns))
            let got = Self.evaluate(assignment, costs, columns: columns)
            let best = Self.bruteForce(costs, rows: rows, columns: columns, maximumCost: .infinity)
            #expect(abs(got.cost - best.cost) < 1e-9)
        }
    }

    @Test(arguments: [(3, 3), (4, 5), (5, 4), (6, 6)])
    func gatedMatricesMaximiseAllowedPairsThenMinimiseCost(shape: (Int, Int)) {
        let (rows, columns) = shape
        var rng = SeededGenerator(seed: UInt64(7 + rows * 10 + columns))
        var solver = LinearAssignment()
        for _ in 0..<200 {
            let costs = (0..<(rows * columns)).map { _ -> Double in
                Int.random(in: 0..<5, using: &rng) == 0 ? .nan : Double.random(in: 0...1, using: &rng)
            }
            let gate = 0.6
            let assignment = solver.solve(costs: costs, rows: rows, columns: columns, maximumCost: gate)
            for (r, c) in assignment.enumerated() where c >= 0 {
                #expect(costs[r * columns + c] <= gate)
            }
            let got = Self.evaluate(assignment, costs, columns: columns)
            let best = Self.bruteForce(costs, rows: rows, columns: columns, maximumCost: gate)
            #expect(got.pairs == best.pairs)
            #expect(abs(got.cost - best.cost) < 1e-9)
        }
    }

    @Test func emptyAndFullyForbiddenInputs() {
        var solver = LinearAssignment()
        let noRows = solver.solve(costs: [], rows: 0, columns: 3)
        let noColumns = solver.solve(costs: [], rows: 2, columns: 0)
        let allForbidden = solver.solve(costs: [.nan, .infinity], rows: 1, columns: 2)
        let allGated = solver.solve(costs: [0.9, 0.8], rows: 2, columns: 1, maximumCost: 0.5)
        // Too few costs for the stated shape is refused, not read out of bounds.
        let short = solver.solve(costs: [1], rows: 2, columns: 2)
        #expect(noRows.isEmpty)
        #expect(noColumns == [-1, -1])
        #expect(allForbidden == [-1])
        #expect(allGated == [-1, -1])
        #expect(short == [-1, -1])
    }
}

@Suite("Linear assignment with a cost limit")
struct CostLimitedAssignmentTests {
    /// Least Σ (c − limit) over partial matchings using pairs with c < limit.
    static func bruteForce(_ costs: [Double], rows: Int, columns: Int, limit: Double) -> Double {
        var best = 0.0
        var used = [Bool](repeating: false, count: columns)
        func visit(_ row: Int, _ total: Double) {
            if row == rows { best = min(best, total); return }
            visit(row + 1, total)
            for c in 0..<columns where !used[c] {
                let value = costs[row * columns + c]
                guard value.isFinite, value < limit else { continue }
                used[c] = true
                visit(row + 1, total + value - limit)
                used[c] = false
            }
        }
        visit(0, 0)
        return best
    }

    @Test(arguments: [(2, 2), (3, 4), (4, 3), (5, 5), (6, 4)])
    func randomMatricesMatchBruteForce(shape: (Int, Int)) {
        let (rows, columns) = shape
        var rng = SeededGenerator(seed: UInt64(99 + rows * 10 + columns))
        var solver = LinearAssignment()
        var assignment: [Int] = []
        for _ in 0..<200 {
            let costs = (0..<(rows * columns)).map { _ -> Double in
                Int.random(in: 0..<6, using: &rng) == 0 ? .nan : Double.random(in: 0...1, using: &rng)
            }
            let limit = 0.7
            solver.solve(costs: costs, rows: rows, columns: columns, costLimit: limit, into: &assignment)
            var total = 0.0
            for (r, c) in assignment.enumerated() where c >= 0 {
                #expect(costs[r * columns + c] < limit)
                total += costs[r * columns + c] - limit
            }
            let used = assignment.filter { $0 >= 0 }
            #expect(Set(used).count == used.count)
            #expect(abs(total - Self.bruteForce(costs, rows: rows, columns: columns, limit: limit)) < 1e-9)
        }
    }

    @Test func oneGoodMatchBeatsTwoPoorOnes() {
        // Track A overlaps detection 1 poorly; track B overlaps detection 1 well and detection 2 poorly.
        let costs: [Double] = [0.65, 1.0,
                               0.10, 0.69]
        var solver = LinearAssignment()
        var assignment: [Int] = []
        solver.solve(costs: costs, rows: 2, columns: 2, costLimit: 0.7, into: &assignment)
        #expect(assignment == [-1, 0])
        // The maximum-cardinality rule used for evaluation takes both poor pairs instead.
        #expect(solver.solve(costs: costs, rows: 2, columns: 2, maximumCost: 0.7) == [0, 1])
    }
}
