import Foundation
import ShojiTracking

/// Deterministic RNG (SplitMix64) so randomised tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The real MOT15 ground truth of PETS09-S2L1, frames 1–400, provided by the project setup.
enum PETSGroundTruth {
    static let url = URL(fileURLWithPath: "/work/shared/data/pets09-s2l1-gt-frames-0001-0400.txt")
}

extension BoundingBox {
    func shifted(dx: Double = 0, dy: Double = 0) -> BoundingBox {
        BoundingBox(x: x + dx, y: y + dy, width: width, height: height)
    }
}

func box(_ x: Double, _ y: Double, _ w: Double = 30, _ h: Double = 80) -> BoundingBox {
    BoundingBox(x: x, y: y, width: w, height: h)
}
