import Foundation
import Testing
@testable import ShojiTracking

@Suite("Kalman filter and multi-object tracker")
struct MultiObjectTrackerTests {
    /// A person walking at constant velocity.
    static func walker(start: Point, velocity: Point, frame: Int, width: Double = 30, height: Double = 80) -> BoundingBox {
        BoundingBox(center: start + velocity * Double(frame), width: width, height: height)
    }

    @Test func kalmanFilterCoastsThroughFiveMissedFrames() {
        let v = Point(x: 4, y: 1.5)
        var filter = KalmanBoxFilter(box: Self.walker(start: Point(x: 100, y: 200), velocity: v, frame: 0))
        for frame in 1...10 {
            filter.predict()
            filter.update(with: Self.walker(start: Point(x: 100, y: 200), velocity: v, frame: frame))
        }
        filter.predict(frames: 5)
        let truth = Self.walker(start: Point(x: 100, y: 200), velocity: v, frame: 15)
        #expect(filter.box.center.distance(to: truth.center) < 1.5)
        #expect(filter.box.iou(truth) > 0.9)
        #expect(abs(filter.velocity.x - v.x) < 0.3 && abs(filter.velocity.y - v.y) < 0.3)
    }

    @Test func trackKeepsItsIdThroughFiveMissedRoundsAndReportsPrediction() throws {
        var tracker = try MultiObjectTracker(configuration: TrackerConfiguration(reportLostRounds: 5))
        let start = Point(x: 100, y: 200), v = Point(x: 4, y: 1)
        for frame in 0..<10 {
            let update = tracker.update(frame: frame, detections: [Detection(box: Self.walker(start: start, velocity: v, frame: frame), confidence: 0.9)])
            #expect(update.tracks.map(\.id) == (frame >= 2 ? [1] : []))
        }
        for frame in 10..<15 {
            let update = tracker.update(frame: frame, detections: [])
            let track = try #require(update.tracks.first)
            #expect(track.state == .lost)
            #expect(track.missedRounds == frame - 9)
            #expect(track.box.iou(Self.walker(start: start, velocity: v, frame: frame)) > 0.85)
        }
        let back = tracker.update(frame: 15, detections: [Detection(box: Self.walker(start: start, velocity: v, frame: 15), confidence: 0.9)])
        #expect(back.tracks.map(\.id) == [1])
        #expect(back.tracks.first?.state == .tracked)
        #expect(back.tracks.first?.hits == 11)
        #expect(back.tracks.first?.age == 15)
    }

    @Test func predictOnlyFramesMoveTracksWithoutCountingMisses() throws {
        var tracker = try MultiObjectTracker(configuration: TrackerConfiguration(maxAge: 1))
        let start = Point(x: 100, y: 200), v = Point(x: 3, y: 0)
        // Detector on every third frame, as at ~8 fps on 25 fps video.
        for frame in 0..<60 {
            let update: TrackerUpdate
            if frame % 3 == 0 {
                update = tracker.update(frame: frame, detections: [Detection(box: Self.walker(start: start, velocity: v, frame: frame), confidence: 0.9)])
            } else {
                update = tracker.predict(frame: frame)
            }
            if frame >= 6 {
                let track = try #require(update.tracks.first)
                #expect(track.id == 1)
                #expect(track.box.iou(Self.walker(start: start, velocity: v, frame: frame)) > 0.8)
            }
            #expect(update.endedTrackIDs.isEmpty)
        }
    }

    @Test func flickeringDetectionKeepsOneID() throws {
        var tracker = try MultiObjectTracker(configuration: TrackerConfiguration(reportLostRounds: 0))
        var seen = Set<Int>()
        let a = Point(x: 100, y: 200), b = Point(x: 600, y: 300)
        for frame in 0..<60 {
            // Person A is detected on even frames only, person B on odd frames only.
            var detections: [Detection] = []
            if frame % 2 == 0 { detections.append(Detection(box: Self.walker(start: a, velocity: Point(x: 2, y: 0), frame: frame), confidence: 0.8)) }
            if frame % 2 == 1 { detections.append(Detection(box: Self.walker(start: b, velocity: Point(x: -2, y: 1), frame: frame), confidence: 0.8)) }
            let update = tracker.update(frame: frame, detections: detections)
            seen.formUnion(update.tracks.map(\.id))
            #expect(update.endedTrackIDs.isEmpty)
            if frame >= 10 { #expect(update.tracks.count == 1) }
        }
        #expect(seen == [1, 2])
    }

    @Test func twoCrossingPeopleKeepTheirIDs() throws {
        var tracker = try MultiObjectTracker()
        let startA = Point(x: 100, y: 300), startB = Point(x: 460, y: 310)
        let vA = Point(x: 6, y: 0), vB = Point(x: -6, y: 0)
        var idOfA: Int?, idOfB: Int?
        for frame in 0..<60 {
            let boxA = Self.walker(start: startA, velocity: vA, frame: frame)
            let boxB = Self.walker(start: startB, velocity: vB, frame: frame, width: 32, height: 84)
            let update = tracker.update(frame: frame, detections: [Detection(box: boxA, confidence: 0.9),
                                                                   Detection(box: boxB, confidence: 0.7)])
            for track in update.tracks {
                // Attribute each reported track to the person it is closest to.
                if track.box.center.distance(to: boxA.center) < track.box.center.distance(to: boxB.center) {
                    if idOfA == nil { idOfA = track.id }
                    #expect(track.id == idOfA, "frame \(frame)")
                } else {
                    if idOfB == nil { idOfB = track.id }
                    #expect(track.id == idOfB, "frame \(frame)")
                }
            }
        }
        #expect(idOfA != nil && idOfB != nil && idOfA != idOfB)
    }

    @Test func tentativeTracksAreNeverReportedAndConsumeNoIDs() throws {
        var tracker = try MultiObjectTracker()
        var rng = SeededGenerator(seed: 42)
        let person = Point(x: 300, y: 300)
        for frame in 0..<40 {
            var detections = [Detection(box: Self.walker(start: person, velocity: Point(x: 1, y: 0), frame: frame), confidence: 0.9)]
            // One-frame clutter somewhere else every frame.
            let clutter = BoundingBox(x: Double.random(in: 0...200, using: &rng), y: Double.random(in: 0...100, using: &rng),
                                      width: 20, height: 40)
            detections.append(Detection(box: clutter, confidence: 0.95))
            let update = tracker.update(frame: frame, detections: detections)
            #expect(update.tracks.allSatisfy { $0.id == 1 })
        }
        #expect(tracker.tracks.map(\.id) == [1])
    }

    @Test func secondPassKeepsTrackThroughLowConfidenceWithoutBirths() throws {
        var tracker = try MultiObjectTracker()
        let start = Point(x: 200, y: 200), v = Point(x: 3, y: 0)
        for frame in 0..<30 {
            let confidence = (10..<20).contains(frame) ? 0.3 : 0.9
            var detections = [Detection(box: Self.walker(start: start, velocity: v, frame: frame), confidence: confidence)]
            // A weak detection elsewhere must not start anything.
            detections.append(Detection(box: box(600, 50), confidence: 0.3))
            let update = tracker.update(frame: frame, detections: detections)
            if frame >= 2 {
                #expect(update.tracks.map(\.id) == [1])
                #expect(update.tracks.first?.state == .tracked)
            }
        }
        // Below lowConfidence the detection is ignored and the track goes lost.
        let update = tracker.update(frame: 30, detections: [Detection(box: Self.walker(start: start, velocity: v, frame: 30), confidence: 0.05)])
        #expect(update.tracks.map(\.state) == [.lost])
        #expect(tracker.liveTrackCount == 1)
    }

    @Test func trackEndsAfterMaxAgeAndIsReportedEndedOnce() throws {
        var tracker = try MultiObjectTracker(configuration: TrackerConfiguration(maxAge: 4))
        for frame in 0..<5 { _ = tracker.update(frame: frame, detections: [Detection(box: box(100, 100), confidence: 0.9)]) }
        var endedAt: [Int: [Int]] = [:]
        for frame in 5..<15 {
            let update = tracker.update(frame: frame, detections: [])
            if !update.endedTrackIDs.isEmpty { endedAt[frame] = update.endedTrackIDs }
        }
        #expect(endedAt == [9: [1]])
        #expect(tracker.liveTrackCount == 0)
        // A new person afterwards gets a fresh id.
        for frame in 15..<18 { _ = tracker.update(frame: frame, detections: [Detection(box: box(100, 100), confidence: 0.9)]) }
        #expect(tracker.tracks.map(\.id) == [2])
        let finished = tracker.finish()
        #expect(finished == [2])
        #expect(tracker.liveTrackCount == 0)
    }

    @Test func confirmationNeedsMinimumHitsWithinWindow() throws {
        let config = TrackerConfiguration(minimumHits: 3, confirmationWindow: 4)
        var tracker = try MultiObjectTracker(configuration: config)
        // Hits in rounds 1, 3, 5: the third hit comes in round 5 > window 4, so never confirmed.
        for frame in 0..<5 {
            let update = tracker.update(frame: frame, detections: frame % 2 == 0 ? [Detection(box: box(100, 100), confidence: 0.9)] : [])
            #expect(update.tracks.isEmpty)
        }
        var second = try MultiObjectTracker(configuration: config)
        // Hits in rounds 1, 2, 4: confirmed at round 4.
        var reported: [Int] = []
        for frame in 0..<4 {
            let update = second.update(frame: frame, detections: frame == 2 ? [] : [Detection(box: box(100, 100), confidence: 0.9)])
            if !update.tracks.isEmpty { reported.append(frame) }
        }
        #expect(reported == [3])
    }

    @Test func duplicateDetectionOfATrackedPersonStartsNoTrack() throws {
        var tracker = try MultiObjectTracker()
        for frame in 0..<20 {
            var detections = [Detection(box: box(200 + Double(frame), 100), confidence: 0.9)]
            // From frame 5 on the detector also returns a slightly shifted second box for the same person.
            if frame >= 5 { detections.append(Detection(box: box(202 + Double(frame), 101), confidence: 0.8)) }
            _ = tracker.update(frame: frame, detections: detections)
        }
        #expect(tracker.tracks.map(\.id) == [1])
        #expect(tracker.liveTrackCount == 1)

        var permissive = try MultiObjectTracker(configuration: TrackerConfiguration(duplicateIoU: 1))
        for frame in 0..<20 {
            var detections = [Detection(box: box(200 + Double(frame), 100), confidence: 0.9)]
            if frame >= 5 { detections.append(Detection(box: box(202 + Double(frame), 101), confidence: 0.8)) }
            _ = permissive.update(frame: frame, detections: detections)
        }
        #expect(permissive.tracks.map(\.id) == [1, 2])
    }

    @Test func invalidConfigurationIsRefused() {
        #expect(throws: TrackerConfigurationError.self) { try MultiObjectTracker(configuration: TrackerConfiguration(lowConfidence: 0.7)) }
        #expect(throws: TrackerConfigurationError.self) { try MultiObjectTracker(configuration: TrackerConfiguration(minimumIoU: 0)) }
        #expect(throws: TrackerConfigurationError.self) { try MultiObjectTracker(configuration: TrackerConfiguration(minimumHits: 4, confirmationWindow: 3)) }
        #expect(throws: TrackerConfigurationError.self) { try MultiObjectTracker(configuration: TrackerConfiguration(maxAge: -1)) }
        #expect(throws: TrackerConfigurationError.self) {
            try MultiObjectTracker(configuration: TrackerConfiguration(noise: KalmanBoxFilter.Noise(position: .nan)))
        }
    }

    @Test func invalidDetectionsAreIgnored() throws {
        var tracker = try MultiObjectTracker(configuration: TrackerConfiguration(minimumHits: 1))
        let update = tracker.update(frame: 0, detections: [
            Detection(box: BoundingBox(x: .nan, y: 0, width: 10, height: 10), confidence: 0.9),
            Detection(box: BoundingBox(x: 0, y: 0, width: -5, height: 10), confidence: 0.9),
            Detection(box: box(10, 10), confidence: .infinity),
        ])
        #expect(update.tracks.isEmpty)
        #expect(tracker.liveTrackCount == 0)
    }

    @Test func configurationDecodesPartialDocuments() throws {
        let json = Data(#"{"minimumHits": 2, "maxAge": 12}"#.utf8)
        let config = try JSONDecoder().decode(TrackerConfiguration.self, from: json)
        #expect(config == TrackerConfiguration(minimumHits: 2, maxAge: 12))
    }
}
