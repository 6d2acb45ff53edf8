import Foundation
import ShojiStore
import ShojiTracking
import ShojiVision

/// One tracked frame, as the analyzers see it. The frame is borrowed for the call only: an analyzer must not
/// keep it or anything cut from it (privacy invariant 1).
struct TrackingStep {
    /// The tracker's output for this frame (tracks and the ids that ended).
    var update: TrackerUpdate
    /// When the frame was taken.
    var time: Date
    /// The frame, for analyzers that look at pixels (attributes).
    var frame: Frame
    /// Whether the person detector ran on this frame (tracks are matched, not only predicted).
    var detected: Bool
    /// What the face stage found, when it ran on this frame.
    var faces: FaceObservations? = nil
}

/// The records an analyzer's records carry besides the counts.
struct RecordContext: Sendable {
    var deploymentID: String
    var cameraID: String
    var bucketSeconds: Int

    /// The store's bucket that contains `date`.
    func bucket(_ date: Date) -> TimeBucket? {
        try? TimeBucket(containing: date, seconds: bucketSeconds)
    }
}

/// One use case's analysis of one camera's tracks. Lives on the camera's worker thread only.
///
/// Per-person state (per track) must be dropped when the tracker reports the track ended; what `drain` and
/// `finish` return is what the use case may keep.
protocol FrameAnalyzer: AnyObject {
    /// Whether the face stage should run on this frame for this analyzer (the person tracks given).
    func wantsFaces(_ update: TrackerUpdate) -> Bool
    /// Whether the analyzer wants an embedding of the face on face track `id` in this frame.
    func wantsSample(faceTrack id: Int) -> Bool
    /// Looks at one tracked frame.
    func observe(_ step: TrackingStep) throws
    /// Records completed so far (the store adds counts of the same key, so partial buckets may be drained).
    func drain(at time: Date) -> AnalyticsBatch
    /// Ends the tracks still alive (end of stream or shutdown) and returns everything left.
    func finish(endedTrackIDs: [Int], at time: Date) -> AnalyticsBatch
}

extension FrameAnalyzer {
    /// Analyzers of people's shapes need no faces.
    func wantsFaces(_ update: TrackerUpdate) -> Bool { false }
    /// Analyzers that do not identify want no embedding.
    func wantsSample(faceTrack id: Int) -> Bool { false }
}
