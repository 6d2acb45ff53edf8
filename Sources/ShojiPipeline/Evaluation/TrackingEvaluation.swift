import Foundation
import ShojiTracking
import ShojiVision

/// Runs Shoji's person detection and tracking over a video and scores it against MOT-format ground truth:
/// CLEAR MOT (MOTA), IDF1, identity switches, and true against counted crossings of a line.
///
/// An evaluation aid for operators and developers: the hypotheses it returns are tracks of people, which
/// `shoji run` never writes. Detection is the expensive part and is kept apart from tracking
/// (`detect` / `track`) so that tracker settings can be compared on the same detections.
public struct TrackingEvaluation: Sendable {
    /// How people are detected and tracked.
    public struct Settings: Sendable, Hashable, Codable {
        /// Run the person detector on every Nth frame and only predict in between.
        public var detectEvery: Int
        /// Overlapping vertical strips given to the detector (1 = the whole frame).
        public var columns: Int
        /// Lowest detector score kept: low-scoring boxes feed the tracker's second association pass only.
        public var detectionThreshold: Double
        /// The tracker's settings.
        public var tracker: TrackerConfiguration

        /// Settings; the defaults (detector on every frame, two strips) meet the accuracy targets on PETS09 and
        /// are `shoji run`'s defaults too (`CameraSettings.defaultDetectEvery`).
        public init(detectEvery: Int = CameraSettings.defaultDetectEvery, columns: Int = CameraSettings.defaultDetectorColumns,
                    detectionThreshold: Double = 0.1,
                    tracker: TrackerConfiguration = TrackingEvaluation.defaultTracker) {
            self.detectEvery = detectEvery
            self.columns = columns
            self.detectionThreshold = detectionThreshold
            self.tracker = tracker
        }
    }

    /// The tracker settings `shoji run` uses for people on a fixed camera (before a camera's own knobs).
    public static let defaultTracker = TrackerConfiguration.fixedCameraPeople

    /// Line counts from the ground truth and from the tracker.
    public struct LineComparison: Sendable, Hashable, Codable {
        /// The line's id.
        public var lineID: String
        /// Crossings of the ground-truth tracks, inbound and outbound.
        public var trueInbound: Int, trueOutbound: Int
        /// Crossings of the tracker's tracks, inbound and outbound.
        public var countedInbound: Int, countedOutbound: Int

        /// Relative error of the counted inbound crossings (0 when both are 0).
        public var inboundError: Double { Self.error(countedInbound, trueInbound) }
        /// Relative error of the counted outbound crossings (0 when both are 0).
        public var outboundError: Double { Self.error(countedOutbound, trueOutbound) }

        private static func error(_ counted: Int, _ truth: Int) -> Double {
            truth == 0 ? (counted == 0 ? 0 : 1) : Double(counted - truth) / Double(truth)
        }
    }

    /// Person detections per frame number (1-based, as in MOT files).
    public typealias FrameDetections = [Int: [ShojiTracking.Detection]]

    /// Detects people on the frames in `frames` of `video` (frame 1 is the first frame), on every
    /// `settings.detectEvery`th frame.
    /// - Parameter progress: called with each frame number processed.
    public static func detect(video: MediaInput, frames: ClosedRange<Int>, settings: Settings,
                              models: ModelStore = ModelStore(),
                              progress: (Int) -> Void = { _ in }) throws -> FrameDetections {
        let detector = try PersonDetector(models: models, threshold: settings.detectionThreshold)
        let source = try FrameSource(video)
        var result: FrameDetections = [:]
        var number = 0
        while number < frames.upperBound, let frame = try source.next() {
            number += 1
            guard frames.contains(number), (number - frames.lowerBound) % settings.detectEvery == 0 else { continue }
            result[number] = try detector.detect(in: frame, columns: settings.columns).map(ShojiTracking.Detection.init)
            progress(number)
        }
        guard number >= frames.lowerBound else {
            throw VisionError.invalidArgument("\(video): has \(number) frames, fewer than the range \(frames) asks for")
        }
        return result
    }

    /// Tracks people through `frames` from per-frame detections; returns the confirmed tracks in MOT form.
    public static func track(_ detections: FrameDetections, frames: ClosedRange<Int>,
                             settings: Settings) throws -> [MOTRecord] {
        var tracker = try MultiObjectTracker(configuration: settings.tracker)
        var records: [MOTRecord] = []
        for number in frames {
            let update = detections[number].map { tracker.update(frame: number, detections: $0) }
                ?? tracker.predict(frame: number)
            records += update.tracks.map(MOTRecord.init(track:))
        }
        return records
    }

    /// Crossings of `line` by the foot points of `records`' tracks, per direction.
    public static func crossings(of line: CountingLine, by records: [MOTRecord]) throws -> (inbound: Int, outbound: Int) {
        var counter = try LineCounter(lines: [line], bucketDuration: .greatestFiniteMagnitude)
        for record in records.sorted(by: { ($0.frame, $0.id) < ($1.frame, $1.id) }) {
            counter.observe(trackID: record.id, point: record.box.footPoint, time: Double(record.frame))
        }
        return counter.total(lineID: line.id)
    }

    /// Scores `hypotheses` against `groundTruth` on `frames`, and compares line counts when a line is given.
    public static func score(groundTruth: [MOTRecord], hypotheses: [MOTRecord], frames: ClosedRange<Int>,
                             line: CountingLine?) throws -> (metrics: MOTMetrics, line: LineComparison?) {
        let truth = groundTruth.filter { frames.contains($0.frame) }
        let metrics = MOTEvaluator(frames: frames).evaluate(groundTruth: truth, hypotheses: hypotheses)
        guard let line else { return (metrics, nil) }
        let expected = try crossings(of: line, by: truth), counted = try crossings(of: line, by: hypotheses)
        return (metrics, LineComparison(lineID: line.id, trueInbound: expected.inbound, trueOutbound: expected.outbound,
                                        countedInbound: counted.inbound, countedOutbound: counted.outbound))
    }
}
