import Foundation

/// Nearest-neighbour search over decrypted face vectors, held in memory only (privacy invariant 1), by Euclidean
/// distance.
///
/// Small galleries (the usual case: one tenant's sites within the retention window) are scanned exactly. From
/// ``prefilterMinimum`` vectors on, a compact prefilter reads 16 bytes a vector instead of 512: 128-bit sign codes
/// of the centred vectors, compared by Hamming distance, pick the ``candidates(for:)`` nearest, and those are
/// re-ranked exactly in float32. A float32 scan of 1,000,000 vectors reads 512 MB (about 50 ms on these machines,
/// memory-bound); the codes are 16 MB. `make bench` checks on every probe that the top match equals the exact
/// scan's (``nearestExhaustive(to:count:now:)``).
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
    /// Galleries at least this large are searched through the prefilter; smaller ones exactly.
    public static let prefilterMinimum = 32_768
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
    private var codes: [UInt64] = []
    private var center: [SIMD8<Float>] = []
    private var erased = 0

    /// An empty index.
    public init() {}

    /// Vectors held, expired and erased ones included until ``compact()``.
    public var count: Int { ids.count }

    /// Whether searches go through the prefilter.
    public var usesPrefilter: Bool { !codes.isEmpty }

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
        if !codes.isEmpty {
            appendCode(of: ids.count - 1)
        } else if ids.count >= Self.prefilterMinimum {
            buildCodes()
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

    /// The id and subject of every vector not erased, in the order added.
    public var entries: [(id: UUID, subject: String)] {
        ids.indices.filter { expiry[$0] > -.infinity }.map { (ids[$0], subjects[Int(subjectOf[$0])]) }
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

    /// The `count` nearest subjects to `probe` (each subject once, at its nearest vector), nearest first,
    /// ignoring vectors expired by `now`.
    public func nearest(to probe: [Float], count: Int = 1, now: Date) -> [Match] {
        guard usesPrefilter else { return nearestExhaustive(to: probe, count: count, now: now) }
        let query = Self.pack(probe)
        let candidates = candidateIndices(for: Self.code(of: query, center: center), wanted: Self.candidates(for: ids.count))
        return best(among: candidates, query: query, count: count, now: now.timeIntervalSince1970)
    }

    /// The exact answer: every vector's float32 distance. The reference the prefilter is measured against.
    public func nearestExhaustive(to probe: [Float], count: Int = 1, now: Date) -> [Match] {
        best(among: ids.indices, query: Self.pack(probe), count: count, now: now.timeIntervalSince1970)
    }

    /// The stored vectors as one contiguous float32 buffer, 128 values per vector in the order added (erased ones
    /// zeroed): for a benchmark's plain loop over the very same memory.
    public func withContiguousValues<Result>(_ body: (UnsafeBufferPointer<Float>) throws -> Result) rethrows -> Result {
        try values.withUnsafeBufferPointer { chunks in
            try chunks.withMemoryRebound(to: Float.self) { try body($0) }
        }
    }

    /// How many prefilter candidates are re-ranked for a gallery of `size`: 1 in 256, at least 512 (3,906 of
    /// 1,000,000: 2 MB of float32 reads).
    public static func candidates(for size: Int) -> Int { max(512, size / 256) }

    // MARK: Scanning

    /// The nearest `count` distinct subjects among `indices`.
    private func best<Indices: Sequence<Int>>(among indices: Indices, query: [SIMD8<Float>], count: Int,
                                              now: Double) -> [Match] {
        // Keep the nearest few vectors; a subject has few vectors, so a handful more than `count` gives `count`
        // distinct subjects.
        let keep = max(1, count) * 8
        var top: [(distance: Float, index: Int)] = []
        top.reserveCapacity(keep + 1)
        var worst = Float.infinity
        values.withUnsafeBufferPointer { stored in
            query.withUnsafeBufferPointer { probe in
                for index in indices where expiry[index] > now {
                    let distance = Self.squaredDistance(stored.baseAddress! + index * Self.chunks, probe.baseAddress!)
                    guard top.count < keep || distance < worst else { continue }
                    let at = top.firstIndex { $0.distance > distance } ?? top.count
                    top.insert((distance, index), at: at)
                    if top.count > keep { top.removeLast() }
                    worst = top.count == keep ? top[top.count - 1].distance : .infinity
                }
            }
        }
        var seen = Set<Int32>(), matches: [Match] = []
        for (distance, index) in top where seen.insert(subjectOf[index]).inserted {
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
            sum.addProduct(difference, difference)
        }
        return sum.sum()
    }

    // MARK: Prefilter

    /// Indices of the `wanted` vectors nearest `code` by Hamming distance (ties at the cut-off included as room
    /// allows): one pass to count distances, one to collect.
    private func candidateIndices(for code: (UInt64, UInt64), wanted: Int) -> [Int] {
        var histogram = [Int](repeating: 0, count: 129)
        var distances = [UInt8](repeating: 0, count: ids.count)
        codes.withUnsafeBufferPointer { stored in
            distances.withUnsafeMutableBufferPointer { out in
                for index in 0..<out.count {
                    let distance = (stored[2 * index] ^ code.0).nonzeroBitCount + (stored[2 * index + 1] ^ code.1).nonzeroBitCount
                    out[index] = UInt8(distance)
                    histogram[distance] += 1
                }
            }
        }
        var cutoff = 0, below = 0
        while cutoff < 128 && below + histogram[cutoff] < wanted {
            below += histogram[cutoff]
            cutoff += 1
        }
        var atCutoff = wanted - below
        var chosen: [Int] = []
        chosen.reserveCapacity(wanted)
        for index in distances.indices {
            let distance = Int(distances[index])
            if distance < cutoff {
                chosen.append(index)
            } else if distance == cutoff && atCutoff > 0 {
                chosen.append(index)
                atCutoff -= 1
            }
        }
        return chosen
    }

    private mutating func buildCodes() {
        var sum = [SIMD8<Float>](repeating: SIMD8(), count: Self.chunks)
        var live = 0
        for index in ids.indices where expiry[index] > -.infinity {
            for chunk in 0..<Self.chunks { sum[chunk] += values[index * Self.chunks + chunk] }
            live += 1
        }
        center = sum.map { $0 / Float(max(live, 1)) }
        codes = []
        codes.reserveCapacity(2 * ids.count)
        for index in ids.indices { appendCode(of: index) }
    }

    private mutating func appendCode(of index: Int) {
        let code = Self.code(of: Array(values[(index * Self.chunks)..<((index + 1) * Self.chunks)]), center: center)
        codes.append(code.0)
        codes.append(code.1)
    }

    /// Bit i is set when value i lies above the gallery's mean value i.
    private static func code(of vector: [SIMD8<Float>], center: [SIMD8<Float>]) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        for chunk in 0..<chunks {
            let above = vector[chunk] .> center[chunk]
            for lane in 0..<8 where above[lane] {
                let bit = chunk * 8 + lane
                if bit < 64 { words.0 |= 1 << UInt64(bit) } else { words.1 |= 1 << UInt64(bit - 64) }
            }
        }
        return words
    }

    // MARK: Storage

    private static func pack(_ vector: [Float]) -> [SIMD8<Float>] {
        precondition(vector.count == dimensions, "a face vector has \(dimensions) values")
        return (0..<chunks).map { SIMD8<Float>(vector[($0 * 8)..<($0 * 8 + 8)]) }
    }

    private func vector(at index: Int) -> [Float] {
        (0..<Self.chunks).flatMap { chunk in (0..<8).map { values[index * Self.chunks + chunk][$0] } }
    }

    private mutating func erase(at index: Int) {
        for chunk in 0..<Self.chunks { values[index * Self.chunks + chunk] = SIMD8() }
        expiry[index] = -.infinity
        erased += 1
        let number = Int(subjectOf[index])
        liveVectors[number] -= 1
        if liveVectors[number] == 0 { subjectCount -= 1 }
    }
}
