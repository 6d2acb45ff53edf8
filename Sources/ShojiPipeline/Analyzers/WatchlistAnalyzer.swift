import Foundation
import ShojiStore
import ShojiVision

/// Crime-prevention face identification (PPC Q&A Q1-11…Q1-13): each face track's first ``samplesPerTrack``
/// embeddings are matched, one by one, against the approved, unexpired watchlist entries; a match becomes an alert
/// that waits for a person to confirm or dismiss it (time, camera, distance and entry; never the probe's image or
/// vector). An embedding that matches no entry is discarded at once, right after its comparison: what a track keeps
/// is a count of the samples tried.
final class WatchlistAnalyzer: FrameAnalyzer {
    /// Embeddings matched per face track before it is let go.
    static let samplesPerTrack = 3

    private let context: RecordContext
    private let gallery: IdentityGallery
    private let matcher: IdentityMatcher
    private let pending: PendingRecords<IdentityBatch>
    private var tried: [Int: Int] = [:]
    private var done: Set<Int> = []

    init(settings: CameraSettings, context: RecordContext, gallery: IdentityGallery, pending: PendingRecords<IdentityBatch>) {
        self.context = context
        self.gallery = gallery
        matcher = IdentityMatcher(threshold: settings.watchlistThreshold, margin: settings.matchMargin)
        self.pending = pending
    }

    /// Face tracks with samples tried (for tests: none once every track is matched, let go or ended).
    var tracksTried: Int { tried.count }

    func wantsSample(faceTrack id: Int) -> Bool { !done.contains(id) }

    func observe(_ step: TrackingStep) throws {
        guard let faces = step.faces else { return }
        for tracked in faces.tracked {
            guard let embedding = tracked.embedding, !done.contains(tracked.trackID) else { continue }
            let count = tried[tracked.trackID, default: 0] + 1
            if case .known(let subject, let distance) = gallery.decide(embedding.values, in: .watchlist, matcher: matcher, now: step.time),
               let entry = UUID(uuidString: subject) {
                pending.add(IdentityBatch(alerts: [MatchAlert(entryID: entry, deploymentID: context.deploymentID,
                                                              cameraID: context.cameraID, matchedAt: step.time,
                                                              distance: Double(distance))]))
                letGo(tracked.trackID)
            } else if count >= Self.samplesPerTrack {
                letGo(tracked.trackID)
            } else {
                tried[tracked.trackID] = count
            }
        }
        for id in faces.endedTrackIDs {
            tried[id] = nil
            done.remove(id)
        }
    }

    func drain(at time: Date) -> AnalyticsBatch { AnalyticsBatch() }

    func finish(endedTrackIDs: [Int], at time: Date) -> AnalyticsBatch {
        tried = [:]
        done = []
        return AnalyticsBatch()
    }

    /// The track is decided: no more samples of it are asked for.
    private func letGo(_ track: Int) {
        tried[track] = nil
        done.insert(track)
    }
}
