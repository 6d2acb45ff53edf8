import Testing
@testable import ShojiTracking

@Suite("Recovery of lost tracks")
struct TrackRecoveryTests {
    /// A person walks right, stops behind an obstacle for 8 frames, and reappears 30 px to the left of where
    /// the tracker predicts (they slowed down): the predicted box no longer overlaps the detection.
    private func run(recoveryDistance: Double) throws -> Set<Int> {
        var tracker = try MultiObjectTracker(configuration: TrackerConfiguration(recoveryDistance: recoveryDistance))
        var ids = Set<Int>()
        func person(at x: Double) -> [Detection] {
            [Detection(box: BoundingBox(center: Point(x: x, y: 300), width: 30, height: 80), confidence: 0.9)]
        }
        for frame in 0..<10 { ids.formUnion(tracker.update(frame: frame, detections: person(at: 100 + 6 * Double(frame))).tracks.map(\.id)) }
        for frame in 10..<18 { ids.formUnion(tracker.update(frame: frame, detections: []).tracks.map(\.id)) }
        // Predicted centre ≈ 100 + 6·18 = 208; the person is at 175: IoU of the boxes is 0.
        for frame in 18..<24 { ids.formUnion(tracker.update(frame: frame, detections: person(at: 175 + 3 * Double(frame - 18))).tracks.map(\.id)) }
        return ids
    }

    @Test("with recovery the person keeps one id after the occlusion")
    func recovered() throws {
        #expect(try run(recoveryDistance: 1.0) == [1])
    }

    @Test("without recovery the same person gets a second id")
    func fragmentedWithoutRecovery() throws {
        #expect(try run(recoveryDistance: 0) == [1, 2])
    }

    @Test("a person of very different size is not taken as the lost track")
    func sizeGate() throws {
        var tracker = try MultiObjectTracker(configuration: TrackerConfiguration(recoveryDistance: 1.0))
        for frame in 0..<5 {
            _ = tracker.update(frame: frame, detections: [Detection(box: BoundingBox(center: Point(x: 100, y: 300), width: 30, height: 80), confidence: 0.9)])
        }
        _ = tracker.update(frame: 5, detections: [])
        var ids = Set<Int>()
        for frame in 6..<10 {
            let child = Detection(box: BoundingBox(center: Point(x: 120, y: 320), width: 15, height: 40), confidence: 0.9)
            ids.formUnion(tracker.update(frame: frame, detections: [child]).tracks.map(\.id))
        }
        #expect(!ids.contains(1) || ids.count > 1, "a box half the height must not continue track 1")
    }

    @Test("a negative recovery distance is refused")
    func invalid() {
        #expect(throws: TrackerConfigurationError.self) {
            try MultiObjectTracker(configuration: TrackerConfiguration(recoveryDistance: -1))
        }
    }
}
