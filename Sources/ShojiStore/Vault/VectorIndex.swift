import Foundation

/// Exact nearest-neighbour search over decrypted face vectors, held in memory only (privacy invariant 1), by
/// Euclidean distance.
///
/// Small galleries (the usual case: one tenant's sites within the retention window) are scanned in full. From
/// ``boundMinimum`` vectors on, a lower bound skips most of them without ever changing the answer: each vector's
/// projection on the gallery's 32 principal axes (``PrincipalAxes``) is kept as 32 bytes (int8, with each vector's
/// rounding error; ``LowerBound``). A projection never lengthens a distance, so the distance between the probe's
/// projection and a vector's, less the rounding error, is a lower bound of their true distance. One pass over the
/// first 16 bytes of every code (16 MB for 1,000,000 vectors, against 512 MB of float32) finds the few best
/// candidates; those set the distance to beat; the other 16 axes are added only for vectors still under it, and
/// only vectors whose whole bound is under it are compared in full, in float32 (`make bench`: about 130 of
/// 1,000,000, 9.5 ms a probe against 107 ms for a plain float32 loop). So the result is the exact
/// search's (``nearestExhaustive(to:count:now:)``), and how many vectors are read in full depends on the data.
///
/// Erased vectors are zeroed at once and their slots skipped until ``compact()``. Expired vectors are never
/// returned. Not thread-safe: a value type; share it behind a lock.
public struct VectorIndex: Sendable {
    /// One match: which vector, whose, and how far.
    public struct Match: Sendable, Hashable {
        /// The vault row of the vector.
        public let vectorID: UUID
        /// The vector's subject (visitor id, watchlist entry id or opt-out request id).
        public let subject: String
        /// Euclidean distance to the probe.
        public let distance: Float
    }

    /// Vector length.
    public static let dimensions = 128
    /// Galleries at least this large are searched through the lower bound; smaller ones in full.
    public static let boundMinimum = 32_768
    /// Vectors sampled to find the principal axes.
    static let axisSample = 4096
    private static let chunks = dimensions / 8

    private var values: [SIMD8<Float>] = []
    private var ids: [UUID] = []
    private var subjectOf: [Int32] = []
    private var expiry: [Double] = []
    private var subjects: [String] = []
    private var subjectNumbers: [String: Int32] = [:]
    private var liveVectors: [Int32] = []
    /// Subjects with at least one vector that is not erased.
    public private(set) var subjectCount = 0
    private var erased = 0
    private var bound: LowerBound?

    /// An empty index.
    public init() {}

    /// Vectors held, expired and erased ones included until ``compact()``.
    public var count: Int { ids.count }

    /// Whether searches go through the lower bound.
    public var usesBound: Bool { bound != nil }

    /// Adds a vector (128 values) of `subject`, valid until `expiresAt`.
    public mutating func add(_ vector: [Float], id: UUID, subject: String, expiresAt: Date) {
        precondition(vector.count == Self.dimensions, "a face vector has \(Self.dimensions) values")
        let number: Int32
        if let known = subjectNumbers[subject] {
            number = known
        } else {
            number = Int32(subjects.count)
            subjects.append(subject)
            subjectNumbers[subject] = number
            liveVectors.append(0)
        }
        if liveVectors[Int(number)] == 0 { subjectCount += 1 }
        liveVectors[Int(number)] += 1
        for chunk in 0..<Self.chunks {
            values.append(SIMD8<Float>(vector[(chunk * 8)..<(chunk * 8 + 8)]))
        }
        ids.append(id)
        subjectOf.append(number)
        expiry.append(expiresAt.timeIntervalSince1970)
        if bound != nil {
            bound?.append(Self.pack(vector))
        } else if ids.count >= Self.boundMinimum {
            buildBound()
        }
    }

    /// Zeroes and skips every vector of `subject` (erasure on request or opt-out); returns how many.
    @discardableResult
    public mutating func remove(subject: String) -> Int {
        guard let number = subjectNumbers[subject] else { return 0 }
        var removed = 0
        for index in subjectOf.indices where subjectOf[index] == number && expiry[index] > -.infinity {
            erase(at: index)
            removed += 1
        }
        return removed
    }

    /// Zeroes and skips the vectors with these ids (a visitor's oldest, replaced by newer ones).
    public mutating func remove(ids removed: Set<UUID>) {
        for index in ids.indices where removed.contains(ids[index]) && expiry[index] > -.infinity { erase(at: index) }
    }

    /// Zeroes and skips the vectors that expired by `now`; returns how many.
    @discardableResult
    public mutating func removeExpired(now: Date) -> Int {
        let cutoff = now.timeIntervalSince1970
        var removed = 0
        for index in expiry.indices where expiry[index] <= cutoff && expiry[index] > -.infinity {
            erase(at: index)
            removed += 1
        }
        return removed
    }

    /// The id and subject of every vector not erased, in the order added.
    public var entries: [(id: UUID, subject: String)] {
        ids.indices.filter { expiry[$0] > -.infinity }.map { (ids[$0], subjects[Int(subjectOf[$0])]) }
    }

    /// Drops erased slots, so that memory and scans shrink with the gallery.
    public mutating func compact() {
        guard erased > 0 else { return }
        var next = VectorIndex()
        for index in ids.indices where expiry[index] > -.infinity {
            next.add(vector(at: index), id: ids[index], subject: subjects[Int(subjectOf[index])],
                     expiresAt: Date(timeIntervalSince1970: expiry[index]))
        }
        self = next
    }

    /// The stored vectors as one contiguous float32 buffer, 128 values per vector in the order added (erased ones
    /// zeroed): for a benchmark's plain loop over the very same memory.
    public func withContiguousValues<Result>(_ body: (UnsafeBufferPointer<Float>) throws -> Result) rethrows -> Result {
        try values.withUnsafeBufferPointer { chunks in
            try chunks.withMemoryRebound(to: Float.self) { try body($0) }
        }
    }

    // MARK: Searching

    /// The `count` nearest subjects to `probe` (each subject once, at its nearest vector), nearest first,
    /// ignoring vectors expired by `now`: always the same as ``nearestExhaustive(to:count:now:)``.
    public func nearest(to probe: [Float], count: Int = 1, now: Date) -> [Match] {
        nearestCountingComparisons(to: probe, count: count, now: now).matches
    }

    /// ``nearest(to:count:now:)`` and how many vectors it compared in full (for benchmarks: the rest were ruled
    /// out by the bound).
    public func nearestCountingComparisons(to probe: [Float], count: Int = 1, now: Date) -> (matches: [Match], fullComparisons: Int) {
        guard let bound else { return (nearestExhaustive(to: probe, count: count, now: now), ids.count) }
        var compared = 0
        let query = Self.pack(probe)
        var nearest = Nearest(keep: Self.keep(count))
        let cutoff = now.timeIntervalSince1970
        let projected = bound.project(query)
        let first = bound.firstSquares(projected)   // the first axes' part of the bound, before rounding errors
        values.withUnsafeBufferPointer { stored in
            query.withUnsafeBufferPointer { probe in
                expiry.withUnsafeBufferPointer { expiry in
                    // The best few by bound set the distance to beat; then every vector whose bound is under it is
                    // compared in full. The bound grows as axes are added: the first axes for every vector, the
                    // rest only for those still under it.
                    for index in Self.smallest(first, count: 64) where expiry[index] > cutoff {
                        compared += 1
                        nearest.offer(index, Self.squaredDistance(stored.baseAddress! + index * Self.chunks, probe.baseAddress!))
                    }
                    // The float32 slack covers the rounding of the projections themselves.
                    var reach = nearest.limit.squareRoot() + 1e-4
                    bound.errors.withUnsafeBufferPointer { errors in
                        for (index, square) in bound.survivors(first, probe: projected, reach: reach) {
                            let within = reach + errors[index]
                            guard square < within * within, expiry[index] > cutoff, !nearest.holds(index) else { continue }
                            compared += 1
                            nearest.offer(index, Self.squaredDistance(stored.baseAddress! + index * Self.chunks, probe.baseAddress!))
                            reach = nearest.limit.squareRoot() + 1e-4
                        }
                    }
                }
            }
        }
        return (matches(nearest, count: count), compared)
    }

    /// The exact answer: every vector's float32 distance. The reference the bound is measured against.
    public func nearestExhaustive(to probe: [Float], count: Int = 1, now: Date) -> [Match] {
        let query = Self.pack(probe)
        var nearest = Nearest(keep: Self.keep(count))
        let cutoff = now.timeIntervalSince1970
        values.withUnsafeBufferPointer { stored in
            query.withUnsafeBufferPointer { probe in
                expiry.withUnsafeBufferPointer { expiry in
                    for index in 0..<expiry.count where expiry[index] > cutoff {
                        nearest.offer(index, Self.squaredDistance(stored.baseAddress! + index * Self.chunks, probe.baseAddress!))
                    }
                }
            }
        }
        return matches(nearest, count: count)
    }

    /// A subject has few vectors, so a handful more than `count` nearest vectors give `count` distinct subjects.
    private static func keep(_ count: Int) -> Int { max(1, count) * 8 }

    private func matches(_ nearest: Nearest, count: Int) -> [Match] {
        var seen = Set<Int32>(), matches: [Match] = []
        for (distance, index) in nearest.sorted where seen.insert(subjectOf[index]).inserted {
            matches.append(Match(vectorID: ids[index], subject: subjects[Int(subjectOf[index])], distance: distance.squareRoot()))
            if matches.count == count { break }
        }
        return matches
    }

    @inline(__always)
    private static func squaredDistance(_ a: UnsafePointer<SIMD8<Float>>, _ b: UnsafePointer<SIMD8<Float>>) -> Float {
        var sum = SIMD8<Float>()
        for chunk in 0..<chunks {
            let difference = a[chunk] - b[chunk]
            sum += difference * difference
        }
        return sum.sum()
    }

    /// Indices of the `count` smallest values.
    private static func smallest(_ values: [Float], count: Int) -> [Int] {
        var best = Nearest(keep: count)
        var limit = Float.infinity
        values.withUnsafeBufferPointer { values in
            for index in 0..<values.count where values[index] < limit {
                best.offer(index, values[index])
                limit = best.limit
            }
        }
        return best.sorted.map(\.index)
    }

    // MARK: Storage

    private mutating func buildBound() {
        var live = ids.indices.filter { expiry[$0] > -.infinity }
        if live.count > Self.axisSample {
            let step = Double(live.count) / Double(Self.axisSample)
            live = (0..<Self.axisSample).map { live[Int(Double($0) * step)] }
        }
        let axes = PrincipalAxes(of: live.map(vector(at:)))
        var bound = LowerBound(axes: axes, sample: live.map { Self.pack(vector(at: $0)) })
        for index in ids.indices {
            bound.append(Array(values[(index * Self.chunks)..<((index + 1) * Self.chunks)]))
        }
        self.bound = bound
    }

    static func pack(_ vector: [Float]) -> [SIMD8<Float>] {
        precondition(vector.count == dimensions, "a face vector has \(dimensions) values")
        return (0..<chunks).map { SIMD8<Float>(vector[($0 * 8)..<($0 * 8 + 8)]) }
    }

    private func vector(at index: Int) -> [Float] {
        (0..<Self.chunks).flatMap { chunk in (0..<8).map { values[index * Self.chunks + chunk][$0] } }
    }

    private mutating func erase(at index: Int) {
        for chunk in 0..<Self.chunks { values[index * Self.chunks + chunk] = SIMD8() }
        bound?.erase(at: index)
        expiry[index] = -.infinity
        erased += 1
        let number = Int(subjectOf[index])
        liveVectors[number] -= 1
        if liveVectors[number] == 0 { subjectCount -= 1 }
    }
}

/// The nearest few (squared distance, index) pairs seen so far, nearest first.
private struct Nearest {
    let keep: Int
    private(set) var sorted: [(distance: Float, index: Int)] = []

    init(keep: Int) {
        self.keep = keep
        sorted.reserveCapacity(keep + 1)
    }

    /// The squared distance a vector must beat to enter (infinity until full).
    var limit: Float { sorted.count < keep ? .infinity : sorted[sorted.count - 1].distance }

    func holds(_ index: Int) -> Bool { sorted.contains { $0.index == index } }

    mutating func offer(_ index: Int, _ distance: Float) {
        guard distance < limit else { return }
        let at = sorted.firstIndex { $0.distance > distance } ?? sorted.count
        sorted.insert((distance, index), at: at)
        if sorted.count > keep { sorted.removeLast() }
    }
}

extension VectorIndex: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Counts only: printing an index (in a log line, a failed test) must not print a face vector.
    public var description: String { "VectorIndex(\(count) vectors of \(subjectCount) subjects, values not shown)" }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// No children: `dump` and debuggers see no values either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
