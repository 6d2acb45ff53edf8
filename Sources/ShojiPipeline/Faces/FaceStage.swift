import Foundation
import ShojiPolicy
import ShojiTracking
import ShojiVision

/// The camera's one face stage (DESIGN.md, "One face stage"): CenterFace with landmarks runs once per frame for
/// every face-using analyzer (attributes, repeat, watchlist); with an identity use case, a tracker follows faces
/// from frame to frame and dlib aligns and embeds only the faces whose track an analyzer still wants a sample of.
/// Chips and embeddings live inside the calls; nothing here outlives the frame but the face tracker's boxes.
/// Lives on the camera's worker thread.
final class FaceStage {
    /// Detection threshold: 0.4 finds all 43 faces of dlib's annotated photos with no false box.
    static let threshold = 0.4
    /// Tracked faces whose boxes overlap a detection at least this much are that detection.
    static let matchIoU = 0.3
    /// Faces narrower than this are followed but never embedded: on dlib's photos, faces of 35–50 pixels gave
    /// impostor pairs at 0.53, faces of 60 or more none below 0.61.
    public static let identityFaceSize = 60.0

    private let detector: FaceDetector
    private let embedder: FaceEmbedder?
    private var tracker: MultiObjectTracker?
    private let minimumFaceSize: Double

    /// A stage for a camera running `useCases`: face tracking and embedding only when an identity use case runs.
    init(settings: CameraSettings, useCases: [UseCase], models: ModelStore) throws {
        detector = try FaceDetector(models: models, threshold: Self.threshold)
        minimumFaceSize = settings.minimumFaceSize
        let identity = useCases.contains(.repeatVisit) || useCases.contains(.watchlist)
        embedder = identity ? try FaceEmbedder(models: models) : nil
        tracker = identity ? try MultiObjectTracker(configuration: settings.tracker) : nil
    }

    /// Whether faces are tracked and embedded (an identity use case runs).
    var tracksFaces: Bool { tracker != nil }

    /// Detects the faces of `frame` (frame `index`), follows them, and embeds those whose track `wantsSample`.
    func observe(_ frame: Frame, index: Int, wantsSample: (Int) -> Bool) throws -> FaceObservations {
        let faces = try detector.detectWithLandmarks(in: frame).filter { $0.detection.box.width >= minimumFaceSize }
        guard var tracker else { return FaceObservations(faces: faces, tracked: [], endedTrackIDs: []) }
        let update = tracker.update(frame: index, detections: faces.map { ShojiTracking.Detection($0.detection) })
        self.tracker = tracker
        var tracked: [FaceObservations.TrackedFace] = []
        var taken = Set<Int>()
        for track in update.tracks where track.state == .tracked && track.missedRounds == 0 {
            let box = PixelRect(x: track.box.x, y: track.box.y, width: track.box.width, height: track.box.height)
            let best = faces.indices.filter { !taken.contains($0) }.max { faces[$0].detection.box.iou(box) < faces[$1].detection.box.iou(box) }
            guard let best, faces[best].detection.box.iou(box) >= Self.matchIoU else { continue }
            taken.insert(best)
            tracked.append(.init(trackID: track.id, face: faces[best], embedding: nil))
        }
        let wanted = tracked.indices.filter {
            tracked[$0].face.detection.box.width >= Self.identityFaceSize && wantsSample(tracked[$0].trackID)
        }
        if let embedder, !wanted.isEmpty {
            let embeddings = try embedder.embed(wanted.map { tracked[$0].face.detection.box }, in: frame)
            for (position, index) in wanted.enumerated() { tracked[index].embedding = embeddings[position] }
        }
        return FaceObservations(faces: faces, tracked: tracked, endedTrackIDs: update.endedTrackIDs)
    }

    /// Ends every face track (end of stream, shutdown, or the end of an independent photo).
    func finish() -> [Int] {
        guard var tracker else { return [] }
        let ended = tracker.finish()
        self.tracker = tracker
        return ended
    }
}
