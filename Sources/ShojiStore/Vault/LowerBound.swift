/// Each vector's projection on a gallery's leading principal axes, as signed bytes with the rounding error they
/// carry: what ``VectorIndex`` scans instead of the full vectors to rule most of them out.
///
/// For a probe q and a vector x with projections P·q and P·x (P orthonormal rows), ‖q − x‖ ≥ ‖P·q − P·x‖ ≥
/// ‖P·q − x̂‖ − ‖P·x − x̂‖, where x̂ is the byte code scaled back: a lower bound of the true distance, however
/// the data are spread, and the more axes the tighter. The axes and scales come from a sample of the gallery;
/// vectors added later are projected on the same axes (the bound stays valid, only less tight if the gallery drifts).
///
/// Layout: the first ``firstAxes`` bytes of every code lie in blocks of ``block`` vectors, axis by axis, so that the
/// pass over all vectors runs down contiguous bytes and vectorises (about 5 ms for 1,000,000 vectors here); the
/// other bytes of a code lie together, one cache line a vector, for the few vectors still in the running.
struct LowerBound: Sendable {
    /// Axes of a code.
    static let axisCount = 32
    /// Axes scanned for every vector.
    static let firstAxes = 16
    private static let block = 256
    private static let restAxes = axisCount - firstAxes

    private let center: [SIMD8<Float>]
    private let axes: [[SIMD8<Float>]]
    private let step: [Float]
    private var lead: [Int8] = []
    private var rest: [Int8] = []
    private var count = 0
    /// Per vector, ‖P·x − x̂‖ (infinite for an erased slot).
    private(set) var errors: [Float] = []
    /// The largest finite rounding error.
    private var largestError: Float = 0

    /// The bound on the first ``axisCount`` axes of `axes`, with byte steps that fit `sample`.
    init(axes principal: PrincipalAxes, sample: [[SIMD8<Float>]]) {
        center = VectorIndex.pack(principal.mean)
        axes = principal.axes.prefix(Self.axisCount).map(VectorIndex.pack)
        var largest = [Float](repeating: 1e-12, count: Self.axisCount)
        for vector in sample {
            let projection = Self.project(vector, center: center, axes: axes)
            for axis in 0..<Self.axisCount { largest[axis] = max(largest[axis], abs(projection[axis])) }
        }
        step = largest.map { $0 / 127 }
    }

    /// The probe's projection on the axes.
    func project(_ query: [SIMD8<Float>]) -> [Float] {
        Self.project(query, center: center, axes: axes)
    }

    /// Adds a vector's code (in the order the index adds vectors).
    mutating func append(_ vector: [SIMD8<Float>]) {
        let projection = Self.project(vector, center: center, axes: axes)
        if count % Self.block == 0 { lead.append(contentsOf: repeatElement(0, count: Self.block * Self.firstAxes)) }
        var miss: Float = 0
        for axis in 0..<Self.axisCount {
            let code = Int8((projection[axis] / step[axis]).rounded().clamped(to: -127...127))
            let difference = projection[axis] - Float(code) * step[axis]
            miss += difference * difference
            if axis < Self.firstAxes { lead[Self.leadOffset(count, axis: axis)] = code } else { rest.append(code) }
        }
        count += 1
        // Rounded up a little: float error must not make the bound claim more than it knows.
        let error = miss.squareRoot() * 1.0001 + 1e-6
        errors.append(error)
        largestError = max(largestError, error)
    }

    /// Makes slot `index` never pass the bound.
    mutating func erase(at index: Int) {
        for axis in 0..<Self.firstAxes { lead[Self.leadOffset(index, axis: axis)] = 0 }
        for axis in 0..<Self.restAxes { rest[index * Self.restAxes + axis] = 0 }
        errors[index] = .infinity
    }

    /// The part of ‖P·q − x̂‖² that the first axes give, for every vector: one pass over contiguous bytes.
    func firstSquares(_ probe: [Float]) -> [Float] {
        let count = count
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            lead.withUnsafeBufferPointer { lead in
                var start = 0
                while start < count {
                    let length = min(Self.block, count - start)
                    let sums = out.baseAddress! + start
                    sums.initialize(repeating: 0, count: length)
                    for axis in 0..<Self.firstAxes {
                        let target = probe[axis], scale = step[axis]
                        let row = lead.baseAddress! + (start / Self.block) * Self.block * Self.firstAxes + axis * Self.block
                        for j in 0..<length {
                            let difference = target - Float(row[j]) * scale
                            sums[j] += difference * difference
                        }
                    }
                    start += Self.block
                }
            }
            initialized = count
        }
    }

    /// The vectors whose whole bound lies under `reach`: `first` (from ``firstSquares(_:)``) rules most out at
    /// once; the other axes are added only for the rest. Returns each survivor with its squared bound, in index order.
    func survivors(_ first: [Float], probe: [Float], reach: Float) -> [(index: Int, square: Float)] {
        var found: [(index: Int, square: Float)] = []
        // With the largest rounding error, most vectors are ruled out without reading their own.
        let widest = (reach + largestError) * (reach + largestError)
        rest.withUnsafeBufferPointer { rest in
            errors.withUnsafeBufferPointer { errors in
                first.withUnsafeBufferPointer { first in
                    probe.withUnsafeBufferPointer { probe in
                        step.withUnsafeBufferPointer { step in
                            for index in 0..<first.count where first[index] < widest {
                                let within = reach + errors[index], limit = within * within
                                guard first[index] < limit else { continue }
                                let code = rest.baseAddress! + index * Self.restAxes
                                var square = first[index]
                                for axis in 0..<Self.restAxes {
                                    let difference = probe[Self.firstAxes + axis] - Float(code[axis]) * step[Self.firstAxes + axis]
                                    square += difference * difference
                                }
                                if square < limit { found.append((index, square)) }
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    private static func leadOffset(_ index: Int, axis: Int) -> Int {
        (index / block) * block * firstAxes + axis * block + index % block
    }

    private static func project(_ vector: [SIMD8<Float>], center: [SIMD8<Float>], axes: [[SIMD8<Float>]]) -> [Float] {
        axes.map { direction in
            var sum = SIMD8<Float>()
            for chunk in 0..<direction.count { sum += (vector[chunk] - center[chunk]) * direction[chunk] }
            return sum.sum()
        }
    }
}

private extension Float {
    func clamped(to range: ClosedRange<Float>) -> Float { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
