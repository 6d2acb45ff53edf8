import Foundation
import ShojiStore
import ShojiTracking
import ShojiVision

/// Use case 1: one age band and gender per tracked person, decided once per track from its best faces, counted
/// per bucket (``AttributeCount``).
///
/// Faces are looked for in the upper part of each tracked person's box on detector frames, until the track has
/// ``samplesPerTrack`` estimates. The crop and the face chip live only inside those calls; what a track keeps
/// until its decision is a few numbers (age, gender, confidence), and even those go when the track is decided or
/// ends. A person whose face was never seen is counted as unknown age and gender.
final class AttributesAnalyzer: FrameAnalyzer {
    /// Estimates that decide a track.
    static let samplesPerTrack = 3
    /// The face detector's input size for a person's upper body.
    static let faceDetectionSize = PixelSize(width: 128, height: 128)

    private struct Sample {
        var age: Double
        var gender: AttributeEstimate.EstimatedGender
        var weight: Double
    }

    private let context: RecordContext
    private let minimumFaceSize: Double
    private let faces: FaceDetector
    private let estimator: AttributeEstimator
    private var samples: [Int: [Sample]] = [:]
    private var decided: Set<Int> = []
    private var counts: [TimeBucket: [Key: Int]] = [:]

    private struct Key: Hashable {
        var age: AgeBand
        var gender: Gender
    }

    init(settings: CameraSettings, context: RecordContext, models: ModelStore) throws {
        self.context = context
        self.minimumFaceSize = settings.minimumFaceSize
        faces = try FaceDetector(models: models, detectionSize: Self.faceDetectionSize, threshold: 0.4)
        estimator = try AttributeEstimator(models: models)
    }

    /// Tracks holding estimates (for tests: none once every track is decided or ended).
    var tracksWithEstimates: Int { samples.count }

    func observe(_ step: TrackingStep) throws {
        if step.detected {
            for track in step.update.tracks where track.state == .tracked && !decided.contains(track.id) {
                if let sample = try sample(track.box, in: step.frame) {
                    samples[track.id, default: []].append(sample)
                    if samples[track.id]!.count >= Self.samplesPerTrack { decide(track.id, at: step.time) }
                }
            }
        }
        for id in step.update.endedTrackIDs { end(id, at: step.time) }
    }

    func drain(at time: Date) -> AnalyticsBatch {
        var rows: [AttributeCount] = []
        for (bucket, keys) in counts.sorted(by: { $0.key.start < $1.key.start }) {
            for (key, count) in keys {
                rows.append(AttributeCount(deploymentID: context.deploymentID, cameraID: context.cameraID,
                                           bucket: bucket, ageBand: key.age, gender: key.gender, count: count))
            }
        }
        counts = [:]
        return AnalyticsBatch(attributes: rows)
    }

    func finish(endedTrackIDs: [Int], at time: Date) -> AnalyticsBatch {
        for id in endedTrackIDs { end(id, at: time) }
        for id in Array(samples.keys) { end(id, at: time) }
        return drain(at: time)
    }

    private func end(_ id: Int, at time: Date) {
        if !decided.contains(id) { decide(id, at: time) }
        decided.remove(id)
    }

    /// Decides the track's band and gender from its samples (median age, confidence-weighted gender vote),
    /// counts it, and forgets the samples.
    private func decide(_ id: Int, at time: Date) {
        let taken = samples.removeValue(forKey: id) ?? []
        decided.insert(id)
        guard let bucket = context.bucket(time) else { return }
        var key = Key(age: .unknown, gender: .unknown)
        if !taken.isEmpty {
            let ages = taken.map(\.age).sorted()
            key.age = AgeBand(estimatedAge: ages[ages.count / 2])
            let female = taken.filter { $0.gender == .female }.reduce(0) { $0 + $1.weight }
            let male = taken.filter { $0.gender == .male }.reduce(0) { $0 + $1.weight }
            key.gender = female > male ? .female : male > female ? .male : .unknown
        }
        counts[bucket, default: [:]][key, default: 0] += 1
    }

    /// One estimate from the best face in the upper part of a person's box, if one is big enough.
    private func sample(_ box: BoundingBox, in frame: Frame) throws -> Sample? {
        let upper = PixelRect(x: box.x - box.width * 0.1, y: box.y - box.height * 0.05,
                              width: box.width * 1.2, height: box.height * 0.5)
        guard let crop = frame.cropped(to: upper) else { return nil }
        let origin = (x: max(0, upper.x.rounded(.down)), y: max(0, upper.y.rounded(.down)))
        guard var face = try faces.detectWithLandmarks(in: crop).max(by: { $0.detection.score < $1.detection.score }),
              face.detection.box.width >= minimumFaceSize else { return nil }
        // Back to frame pixels, so that the aligned chip may reach beyond the crop.
        face.detection.box = face.detection.box.offset(dx: origin.x, dy: origin.y)
        face.landmarks = face.landmarks.map { PixelPoint(x: $0.x + origin.x, y: $0.y + origin.y) }
        let estimate = try estimator.estimate(face: face, in: frame)
        return Sample(age: estimate.age, gender: estimate.gender,
                      weight: estimate.genderConfidence * face.detection.score)
    }
}
