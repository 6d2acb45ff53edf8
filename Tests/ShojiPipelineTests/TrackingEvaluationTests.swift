import Foundation
import ShojiPipeline
import ShojiTracking
import ShojiVision
import Testing

/// The accuracy targets on the development ground truth, PETS09-S2L1 frames 1–400 (vtest.avi):
/// MOTA ≥ 0.65, IDF1 ≥ 0.65, crossings of a line across the walkway within ±10 % in each direction.
@Suite("Tracking accuracy on PETS09-S2L1", .timeLimit(.minutes(5)))
struct TrackingEvaluationTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let frames = 1...400

    static func groundTruth() throws -> [MOTRecord] {
        try MOTFormat.read(contentsOf: repository.deletingLastPathComponent()
            .appendingPathComponent("shared/data/pets09-s2l1-gt-frames-0001-0400.txt"))
    }

    static func video() throws -> MediaInput {
        let media = ProcessInfo.processInfo.environment["SHOJI_MEDIA"].map { URL(fileURLWithPath: $0) }
            ?? repository.appendingPathComponent("media")
        return try MediaInput(argument: media.appendingPathComponent("vtest.avi").path)
    }

    @Test("detection on two strips and the tuned tracker meet MOTA, IDF1 and line-count targets")
    func petsTargets() throws {
        let settings = TrackingEvaluation.Settings()
        let detections = try TrackingEvaluation.detect(video: try Self.video(), frames: Self.frames, settings: settings)
        #expect(detections.count == 400)
        let hypotheses = try TrackingEvaluation.track(detections, frames: Self.frames, settings: settings)
        // A vertical line at x = 450 crosses the main walkway: 9 people cross it one way, 7 the other.
        let line = try CountingLine(id: "walkway", start: Point(x: 450, y: 0), end: Point(x: 450, y: 576), band: 8)
        let scored = try TrackingEvaluation.score(groundTruth: try Self.groundTruth(), hypotheses: hypotheses,
                                                  frames: Self.frames, line: line)
        let metrics = scored.metrics
        print("PETS09-S2L1 1-400: MOTA \(metrics.mota) IDF1 \(metrics.idf1) switches \(metrics.idSwitches)")
        #expect(metrics.mota >= 0.65)
        #expect(metrics.idf1 >= 0.65)
        let counts = try #require(scored.line)
        #expect(counts.trueInbound == 9 && counts.trueOutbound == 7)
        #expect(abs(counts.inboundError) <= 0.1, "in: \(counts.countedInbound) of \(counts.trueInbound)")
        #expect(abs(counts.outboundError) <= 0.1, "out: \(counts.countedOutbound) of \(counts.trueOutbound)")

        // The tuned settings must beat the tracker's generic defaults on the same detections.
        let generic = TrackingEvaluation.Settings(tracker: TrackerConfiguration())
        let baseline = try TrackingEvaluation.score(
            groundTruth: try Self.groundTruth(),
            hypotheses: try TrackingEvaluation.track(detections, frames: Self.frames, settings: generic),
            frames: Self.frames, line: nil).metrics
        #expect(metrics.idf1 > baseline.idf1)
    }

    @Test("the ground truth scored against itself is perfect, and its line counts are its own")
    func truthAgainstItself() throws {
        let truth = try Self.groundTruth()
        let line = try CountingLine(id: "walkway", start: Point(x: 450, y: 0), end: Point(x: 450, y: 576), band: 8)
        let scored = try TrackingEvaluation.score(groundTruth: truth, hypotheses: truth, frames: Self.frames, line: line)
        #expect(scored.metrics.mota == 1 && scored.metrics.idf1 == 1)
        #expect(scored.line?.inboundError == 0 && scored.line?.outboundError == 0)
    }
}
