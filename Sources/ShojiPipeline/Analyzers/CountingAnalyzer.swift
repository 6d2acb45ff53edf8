import Foundation
import ShojiStore
import ShojiTracking

/// Use case 4: crossings per line and direction per bucket. Keeps nothing else; the per-track side of each
/// line lives in ``LineCounter`` until the track ends.
final class CountingAnalyzer: FrameAnalyzer {
    private var counter: LineCounter
    private let entrances: [String: Bool]
    private let context: RecordContext

    init(lines: [CameraSettings.Line], context: RecordContext) throws {
        counter = try LineCounter(lines: lines.map(\.line), bucketDuration: Double(context.bucketSeconds))
        entrances = Dictionary(uniqueKeysWithValues: lines.map { ($0.line.id, $0.isEntrance) })
        self.context = context
    }

    /// Tracks with per-track state (for tests of "forgotten when the track ends").
    var activeTrackCount: Int { counter.activeTrackCount }

    func observe(_ step: TrackingStep) {
        counter.observe(step.update, time: step.time.timeIntervalSince1970)
    }

    func drain(at time: Date) -> AnalyticsBatch {
        records(counter.drainCounts(endingBy: time.timeIntervalSince1970))
    }

    func finish(endedTrackIDs: [Int], at time: Date) -> AnalyticsBatch {
        counter.endTracks(endedTrackIDs)
        return records(counter.drainCounts(endingBy: .infinity))
    }

    private func records(_ counts: [LineCount]) -> AnalyticsBatch {
        var rows: [LineCrossingCount] = []
        for count in counts {
            guard let bucket = context.bucket(Date(timeIntervalSince1970: count.bucketStart)) else { continue }
            let entrance = entrances[count.lineID] ?? false
            for (direction, number) in [(ShojiTracking.CrossingDirection.inbound, count.inbound), (.outbound, count.outbound)]
            where number > 0 {
                let stored: ShojiStore.CrossingDirection = switch (direction, entrance) {
                case (.inbound, true): .in
                case (.outbound, true): .out
                case (.inbound, false): .aToB
                case (.outbound, false): .bToA
                }
                rows.append(LineCrossingCount(deploymentID: context.deploymentID, cameraID: context.cameraID,
                                              lineID: count.lineID, direction: stored, bucket: bucket, count: number))
            }
        }
        return AnalyticsBatch(lineCrossings: rows)
    }
}
