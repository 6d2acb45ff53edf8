import Foundation
import ShojiVision

/// The faces of a photo file, embedded as the camera pipeline does (CenterFace with the face stage's threshold,
/// dlib alignment and embedding): for a watchlist registration, a person's request, and `shoji eval identities`.
/// The photo and its face chips exist only inside ``faces(in:)``; nothing is written.
public final class PhotoFaces {
    /// One face of a photo.
    public struct Face: Sendable {
        /// The face box in photo pixels.
        public let box: PixelRect
        /// The detector's score.
        public let score: Double
        /// The face's embedding.
        public let embedding: FaceEmbedding
    }

    /// Why a photo cannot give the one face asked for.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// No face large enough was found.
        case noFace(path: String)
        /// More than one face: which person is meant is not clear.
        case severalFaces(path: String, count: Int)

        public var description: String {
            switch self {
            case .noFace(let path):
                return "\(path): no face found; use a sharp, frontal photo in which the face is at least \(Int(PhotoFaces.minimumFaceSize)) pixels wide"
            case .severalFaces(let path, let count):
                return "\(path): \(count) faces found; crop the photo to the one person meant"
            }
        }
    }

    /// Faces narrower than this are not embedded: too few pixels to tell people apart (the face stage's rule).
    public static let minimumFaceSize = FaceStage.identityFaceSize

    private let detector: FaceDetector
    private let embedder: FaceEmbedder

    /// Loads the face detector and embedder from `models`.
    public init(models: ModelStore = ModelStore()) throws {
        detector = try FaceDetector(models: models, threshold: FaceStage.threshold)
        embedder = try FaceEmbedder(models: models)
    }

    /// Every face of the photo at `url`, best first.
    public func faces(in url: URL) throws -> [Face] {
        try faces(in: try ImageFile.read(url))
    }

    /// Every face of an encoded photo held in memory (an upload), best first. The bytes are decoded in place
    /// and dropped with the frame when this returns.
    public func faces(inEncoded photo: Data) throws -> [Face] {
        try faces(in: try ImageFile.decode(photo))
    }

    /// The one face of the photo at `url`; throws ``Problem`` when there is none or more than one.
    public func onlyFace(in url: URL) throws -> Face {
        try only(try faces(in: url), name: url.path)
    }

    /// The one face of an encoded photo held in memory; throws ``Problem`` (naming it "the photo") when there is
    /// none or more than one.
    public func onlyFace(inEncoded photo: Data) throws -> Face {
        try only(try faces(inEncoded: photo), name: "the photo")
    }

    private func faces(in frame: Frame) throws -> [Face] {
        let found = try detector.detect(in: frame).filter { $0.box.width >= Self.minimumFaceSize }
        let embeddings = try embedder.embed(found.map(\.box), in: frame)
        return zip(found, embeddings).map { Face(box: $0.box, score: $0.score, embedding: $1) }
    }

    private func only(_ faces: [Face], name: String) throws -> Face {
        guard let face = faces.first else { throw Problem.noFace(path: name) }
        guard faces.count == 1 else { throw Problem.severalFaces(path: name, count: faces.count) }
        return face
    }
}
