import Foundation
import ShojiStore
import ShojiVision

/// Crime-prevention face identification (PPC Q&A Q1-11…Q1-13): each face track's first embeddings are matched
/// against the approved, unexpired watchlist entries; a match becomes an alert that waits for a person to confirm
/// or dismiss it (time, camera, distance and entry; never the probe's image or vector). A face that matches no
/// entry is discarded at once: its embeddings are dropped as soon as its ``samplesPerTrack`` are matched.
final class WatchlistAnalyzer: FrameAnalyzer {
    /// Embeddings matched per face track before it is let go.
    static let samplesPerTrack = 3

    private let context: RecordContext
    private let gallery: IdentityGallery
    private let matcher: IdentityMatcher
    private let pending: PendingRecords<IdentityBatch>
    private var samples: [Int: [FaceEmbedding]] = [:]
    private var done: Set<Int> = []

    init(settings: CameraSettings, context: RecordContext, gallery: IdentityGallery, pending: PendingRecords<IdentityBatch>) {
        self.context = context
        self.gallery = gallery
        matcher = IdentityMatcher(threshold: settings.watchlistThreshold, margin: settings.matchMargin)
        self.pending = pending
    }

    /// Face tracks holding embeddings (for tests: none once every track is matched, let go or ended).
    var tracksWithSamples: Int { samples.count }

    func wantsSample(faceTrack id: Int) -> Bool { !done.contains(id) }

    func observe(_ step: TrackingStep) throws {
        guard let faces = step.faces else { return }
        for tracked in faces.tracked {
            guard let embedding = tracked.embedding, !done.contains(tracked.trackID) else { continue }
            var taken = samples[tracked.trackID, default: []]
            taken.append(embedding)
            let probe = FaceEmbedding.mean(taken) ?? embedding
            if case .known(let subject, let distance) = gallery.decide(probe.values, in: .watchlist, matcher: matcher, now: step.time),
               let entry = UUID(uuidString: subject) {
                pending.add(IdentityBatch(alerts: [MatchAlert(entryID: entry, deploymentID: context.deploymentID,
                                                              cameraID: context.cameraID, matchedAt: step.time,
                                                              distance: Double(distance))]))
                letGo(tracked.trackID)
            } else if taken.count >= Self.samplesPerTrack {
                letGo(tracked.trackID)
            } else {
                samples[tracked.trackID] = taken
            }
        }
        for id in faces.endedTrackIDs {
            samples[id] = nil
            done.remove(id)
        }
    }

    func drain(at time: Date) -> AnalyticsBatch { AnalyticsBatch() }

    func finish(endedTrackIDs: [Int], at time: Date) -> AnalyticsBatch {
        samples = [:]
        done = []
        return AnalyticsBatch()
    }

    /// The track is decided: its embeddings go now.
    private func letGo(_ track: Int) {
        samples[track] = nil
        done.insert(track)
    }
}
