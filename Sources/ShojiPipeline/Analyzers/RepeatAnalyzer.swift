import Foundation
import ShojiStore
import ShojiVision

/// Use case 3 (店舗設置カメラ・リピート分析): recognises returning visitors from their faces.
///
/// Each face track gives up to ``samplesPerTrack`` embeddings; their mean is the visit's probe. In order:
/// 1. the opt-out list is matched first: a person who asked to be left out is dropped before anything about them
///    is recorded, not even a count;
/// 2. the probe is matched against the deployment's visitors within the retention window (``IdentityMatcher``,
///    threshold tightening with the gallery's size); a match within ``visitGap`` of the visitor's last sighting is
///    the same visit still going on;
/// 3. otherwise a visit is recorded under the matched visitor's id, or under a fresh tenant-keyed id, with the probe
///    sealed in the vault until the manifest's `feature_vectors` days pass (a visitor keeps their
///    ``vectorsPerVisitor`` newest vectors).
///
/// Counts per bucket (visits, first visits, returns, return intervals) go to the statistics. The embeddings of a
/// track are dropped when it is decided; the frame and face chips never leave the face stage's calls.
final class RepeatAnalyzer: FrameAnalyzer {
    /// Embeddings that make one visit's probe.
    static let samplesPerTrack = 3

    private struct Counts {
        var visits = 0, newVisitors = 0, returning = 0
        var intervals = 0.0
    }

    private let context: RecordContext
    private let gallery: IdentityGallery
    private let vault: FeatureVault
    private let matcher: IdentityMatcher
    private let optOutMatcher = IdentityMatcher(threshold: .optOut, margin: 0)
    private let retention: TimeInterval
    private let visitGap: TimeInterval
    private let pending: PendingRecords<IdentityBatch>
    private var samples: [Int: [FaceEmbedding]] = [:]
    private var decided: Set<Int> = []
    private var counts: [TimeBucket: Counts] = [:]

    init(settings: CameraSettings, context: RecordContext, gallery: IdentityGallery, retentionDays: Int,
         pending: PendingRecords<IdentityBatch>) throws {
        guard let vault = gallery.repeatVault else { throw PipelineError.identityUnavailable("the repeat vault is not open") }
        self.context = context
        self.gallery = gallery
        self.vault = vault
        matcher = IdentityMatcher(threshold: settings.repeatThreshold, margin: settings.matchMargin)
        retention = TimeInterval(retentionDays) * 86_400
        visitGap = settings.visitGapSeconds
        self.pending = pending
    }

    /// Face tracks holding embeddings (for tests: none once every track is decided or ended).
    var tracksWithSamples: Int { samples.count }

    func wantsSample(faceTrack id: Int) -> Bool {
        !decided.contains(id) && (samples[id]?.count ?? 0) < Self.samplesPerTrack
    }

    func observe(_ step: TrackingStep) throws {
        guard let faces = step.faces else { return }
        for tracked in faces.tracked {
            guard let embedding = tracked.embedding, wantsSample(faceTrack: tracked.trackID) else { continue }
            samples[tracked.trackID, default: []].append(embedding)
            if samples[tracked.trackID]?.count == Self.samplesPerTrack { try decide(tracked.trackID, at: step.time) }
        }
        for id in faces.endedTrackIDs {
            if !decided.contains(id) { try decide(id, at: step.time) }
            decided.remove(id)
        }
    }

    func drain(at time: Date) -> AnalyticsBatch {
        var rows: [RepeatVisitCount] = []
        for (bucket, count) in counts.sorted(by: { $0.key.start < $1.key.start }) {
            rows.append(RepeatVisitCount(deploymentID: context.deploymentID, cameraID: context.cameraID, bucket: bucket,
                                         visits: count.visits, newVisitors: count.newVisitors, returningVisits: count.returning,
                                         returnIntervalSeconds: count.intervals))
        }
        counts = [:]
        pending.add(IdentityBatch(visitCounts: rows))
        return AnalyticsBatch()
    }

    func finish(endedTrackIDs: [Int], at time: Date) -> AnalyticsBatch {
        for id in Array(samples.keys) where !decided.contains(id) { try? decide(id, at: time) }
        samples = [:]
        decided = []
        return drain(at: time)
    }

    /// Decides one face track's visit from its samples, then forgets them.
    private func decide(_ track: Int, at time: Date) throws {
        let taken = samples.removeValue(forKey: track) ?? []
        decided.insert(track)
        guard let probe = FaceEmbedding.mean(taken), let bucket = context.bucket(time) else { return }
        if case .known = gallery.decide(probe.values, in: .optOut, matcher: optOutMatcher, now: time) { return }
        let visitor: String, returning: Bool, interval: TimeInterval?
        switch gallery.decide(probe.values, in: .repeatVisit, matcher: matcher, now: time) {
        case .known(let subject, _):
            let last = gallery.lastVisit(of: subject)
            if let last, time.timeIntervalSince(last) < visitGap {
                gallery.noteVisit(of: subject, at: time)   // the same visit, still going on
                return
            }
            (visitor, returning, interval) = (subject, true, last.map { time.timeIntervalSince($0) })
        case .ambiguous, .unknown:
            (visitor, returning, interval) = (vault.newVisitorID(), false, nil)
        }
        let vector = try NewVector(values: probe.values, purpose: .repeatVisit, subject: visitor, takenAt: time,
                                   expiresAt: time.addingTimeInterval(retention))
        let retired = gallery.add(vector, keepingPerSubject: IdentityMatcher.vectorsPerSubject)
        gallery.noteVisit(of: visitor, at: time)
        pending.add(IdentityBatch(vectors: [vector], retiredVectors: retired,
                                  visits: [RepeatVisit(visitorID: visitor, cameraID: context.cameraID, visitedAt: time)]))
        var count = counts[bucket, default: Counts()]
        count.visits += 1
        if returning {
            count.returning += 1
            count.intervals += max(0, interval ?? 0)
        } else {
            count.newVisitors += 1
        }
        counts[bucket] = count
    }
}
