import Foundation
@testable import ShojiPipeline
import ShojiPolicy
import ShojiStore
import ShojiTracking
import ShojiVision
import Testing

/// Per-track state lives exactly as long as the track: checked on scripted tracker output, no video needed.
@Suite("Analyzers forget a person when the track ends")
struct AnalyzerStateTests {
    /// Hands out 1, 2, 3, … as UUIDs and counts the calls, so that "a new id per visit" is exact.
    final class IDSource: @unchecked Sendable {
        private let lock = NSLock()
        private var next: UInt8 = 0
        func make() -> UUID {
            lock.withLock {
                next += 1
                return UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, next))
            }
        }
    }

    static let context = RecordContext(deploymentID: "d", cameraID: "c", bucketSeconds: 60)

    /// A person walking right along y = 300 from x = 100, one step of 40 px per frame.
    static func step(_ frame: Int, tracks: [Int], ended: [Int] = [], image: Frame) -> TrackingStep {
        let update = TrackerUpdate(frame: frame, tracks: tracks.map {
            Track(id: $0, frame: frame, box: BoundingBox(x: 100 + Double(frame) * 40, y: 200 + Double($0) * 5,
                                                         width: 30, height: 100))
        }, endedTrackIDs: ended)
        return TrackingStep(update: update, time: PipelineFixture.start.addingTimeInterval(Double(frame)),
                            frame: image, detected: true)
    }

    @Test("flow: one fresh visit id per track, never reused when a track number comes back; nothing kept after the end")
    func flowVisits() throws {
        let ids = IDSource()
        let settings = try CameraSettings(camera: "c", settings: [:])
        let flow = try FlowAnalyzer(settings: settings, context: Self.context, visitID: { ids.make() })
        let image = try Frame(size: PixelSize(width: 768, height: 576))
        for frame in 0..<5 { try flow.observe(Self.step(frame, tracks: [1, 2], image: image)) }
        try flow.observe(Self.step(5, tracks: [2], ended: [1], image: image))
        #expect(flow.activeVisitCount == 1)
        // A restarted tracker numbers its tracks from 1 again: that is a new visit, with a new id.
        for frame in 6..<9 { try flow.observe(Self.step(frame, tracks: [1, 2], image: image)) }
        let batch = flow.finish(endedTrackIDs: [1, 2], at: PipelineFixture.start.addingTimeInterval(9))
        #expect(flow.activeVisitCount == 0)
        #expect(batch.trajectories.count == 3)
        #expect(Set(batch.trajectories.map(\.visitID)).count == 3)
        #expect(batch.trajectories.allSatisfy { $0.points.count >= 3 })
        #expect(batch.heatmaps.count == 1)
    }

    @Test("counting: the side of the line is forgotten at the track's end; only counts leave")
    func countingState() throws {
        let line = try CountingLine(id: "l", start: Point(x: 250, y: 0), end: Point(x: 250, y: 576), band: 5)
        let counter = try CountingAnalyzer(lines: [CameraSettings.Line(line: line, isEntrance: true)], context: Self.context)
        let image = try Frame(size: PixelSize(width: 768, height: 576))
        for frame in 0..<8 { counter.observe(Self.step(frame, tracks: [7], image: image)) }
        #expect(counter.activeTrackCount == 1)
        counter.observe(Self.step(8, tracks: [], ended: [7], image: image))
        #expect(counter.activeTrackCount == 0)
        let batch = counter.finish(endedTrackIDs: [], at: PipelineFixture.start.addingTimeInterval(9))
        #expect(batch.lineCrossings.map(\.count) == [1])
        #expect(batch.lineCrossings.first?.direction == .out || batch.lineCrossings.first?.direction == .in)
    }

    @Test("attributes: a person never seen with a face is counted once as unknown; no estimate outlives the track")
    func attributesUnknown() throws {
        let attributes = try AttributesAnalyzer(context: Self.context, models: ModelStore())
        let image = try Frame(size: PixelSize(width: 768, height: 576))   // black: no face anywhere
        for frame in 0..<4 { try attributes.observe(Self.step(frame, tracks: [3], image: image)) }
        try attributes.observe(Self.step(4, tracks: [], ended: [3], image: image))
        #expect(attributes.tracksWithEstimates == 0)
        let batch = attributes.drain(at: PipelineFixture.start.addingTimeInterval(5))
        #expect(batch.attributes.map(\.count) == [1])
        #expect(batch.attributes.first?.ageBand == .unknown && batch.attributes.first?.gender == .unknown)
    }
}
