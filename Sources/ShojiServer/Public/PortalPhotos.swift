import Dispatch
import Foundation
import ShojiPipeline
import ShojiVision

/// The request portal's photo lookup: the face detector and embedder the camera pipeline uses, loaded at the
/// first photo and then kept, run one photo at a time on a queue of their own, because a detection takes a good
/// part of a second and Swift's cooperative pool must not wait on it. The photo's bytes and its vector exist only
/// while ``vector(of:)`` runs; nothing is written and nothing is logged.
final class PortalPhotos: @unchecked Sendable {
    // @unchecked: `faces` is read and written on `queue` only, which runs one block at a time.
    private var faces: PhotoFaces?
    private let models: ModelStore
    private let queue = DispatchQueue(label: "shoji.portal-photos", qos: .userInitiated)

    /// A lookup over the models in `models`.
    init(models: ModelStore = ModelStore()) {
        self.models = models
    }

    /// What can go wrong with a sent photo, in words for the person who sent it.
    enum Problem: Error, CustomStringConvertible {
        /// Not an image the decoder reads.
        case unreadable
        /// No face, or several.
        case faces(PhotoFaces.Problem)
        /// The server cannot compare photos (its models are missing).
        case unavailable(String)

        var description: String {
            switch self {
            case .unreadable: "The photo could not be read. Send a JPEG or PNG photo."
            case .faces(let problem): problem.description.replacingOccurrences(of: "the photo: ", with: "The photo: ")
            case .unavailable: "Photos cannot be compared on this server just now. Send the request without a photo; the operator will contact you."
            }
        }
    }

    /// A photo the portal could not use: a 400 (503 when the server cannot compare photos) whose message tells
    /// the sender what to send instead.
    struct Rejected: Error {
        let problem: Problem
    }

    /// The embedding of the one face in the encoded `photo`.
    func vector(of photo: Data) async throws(Problem) -> [Float] {
        let result: Result<[Float], Problem> = await withCheckedContinuation { continuation in
            queue.async { [self] in continuation.resume(returning: embed(photo)) }
        }
        return try result.get()
    }

    private func embed(_ photo: Data) -> Result<[Float], Problem> {
        if faces == nil {
            do {
                faces = try PhotoFaces(models: models)
            } catch {
                return .failure(.unavailable("\(error)"))
            }
        }
        guard let faces else { return .failure(.unavailable("no models")) }
        do {
            return .success(try faces.onlyFace(inEncoded: photo).embedding.values)
        } catch let problem as PhotoFaces.Problem {
            return .failure(.faces(problem))
        } catch {
            return .failure(.unreadable)
        }
    }
}
