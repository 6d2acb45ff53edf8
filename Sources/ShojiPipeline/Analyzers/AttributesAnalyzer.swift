import Foundation
import ShojiStore
import ShojiTracking
import ShojiVision

/// Use case 1: one age band and gender per tracked person, decided once per track from its best faces, counted
/// per bucket (``AttributeCount``).
///
/// On detector frames with an undecided track, the camera's face stage finds the faces (CenterFace with landmarks,
/// once for every face-using analyzer) and each undecided person takes the best face whose centre lies in the
/// upper half of their box, until the track has
/// ``samplesPerTrack`` estimates. The aligned face chip lives only inside the estimator's call; what a track keeps
/// until its decision is a few numbers (age, gender, confidence), and even those go when the track is decided or
/// ends. A person whose face was never seen is counted as unknown age and gender.
final class AttributesAnalyzer: FrameAnalyzer {
    /// Estimates that decide a track.
    static let samplesPerTrack = 3

    private struct Sample {
        var age: Double
        var gender: AttributeEstimate.EstimatedGender
        var weight: Double
    }

    private let context: RecordContext
    private let estimator: AttributeEstimator
    private var samples: [Int: [Sample]] = [:]
    private var decided: Set<Int> = []
    private var counts: [TimeBucket: [Key: Int]] = [:]

    private struct Key: Hashable {
        var age: AgeBand
        var gender: Gender
    }

    init(context: RecordContext, models: ModelStore) throws {
        self.context = context
        estimator = try AttributeEstimator(models: models)
    }

    /// Tracks holding estimates (for tests: none once every track is decided or ended).
    var tracksWithEstimates: Int { samples.count }

    func wantsFaces(_ update: TrackerUpdate) -> Bool {
        update.tracks.contains { $0.state == .tracked && !decided.contains($0.id) }
    }

    func observe(_ step: TrackingStep) throws {
        let undecided = step.update.tracks.filter { $0.state == .tracked && !decided.contains($0.id) }
        if let found = step.faces?.faces, !undecided.isEmpty {
            for track in undecided {
                guard let face = Self.face(of: track.box, among: found) else { continue }
                let estimate = try estimator.estimate(face: face, in: step.frame)
                samples[track.id, default: []].append(
                    Sample(age: estimate.age, gender: estimate.gender, weight: estimate.genderConfidence * face.detection.score))
                if samples[track.id]!.count >= Self.samplesPerTrack { decide(track.id, at: step.time) }
            }
        }
        for id in step.update.endedTrackIDs { end(id, at: step.time) }
    }

    /// The best-scoring face whose centre lies in the upper half of a person's box.
    static func face(of person: BoundingBox, among faces: [DetectedFace]) -> DetectedFace? {
        faces.filter { face in
            let (x, y) = face.detection.box.center
            return x >= person.x && x <= person.maxX && y >= person.y && y <= person.y + person.height / 2
        }.max { $0.detection.score < $1.detection.score }
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
}
