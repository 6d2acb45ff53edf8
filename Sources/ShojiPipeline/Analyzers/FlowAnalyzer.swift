import Foundation
import ShojiStore
import ShojiTracking

/// Use case 2: trajectories in floor coordinates under a random visit id, dwell per zone, zone transitions
/// and heatmaps.
///
/// The visit id is drawn from `visitID` (random `UUID()` in production) when a track is first seen and is
/// forgotten when the track ends, together with everything else about the track; it is never derived from the
/// track number, the camera or a time, so two visits cannot be linked (DESIGN.md invariant 3).
final class FlowAnalyzer: FrameAnalyzer {
    private struct Visit {
        var id: UUID
        var started: Date
        var points: [FlowPoint]
    }

    /// Points of one visit are kept at most this often (seconds): the floor path, not every frame.
    static let pointSpacing = 0.25
    /// A visit keeps at most this many points (about 40 minutes at the spacing above); later ones are dropped.
    static let maximumPoints = 10_000

    private let context: RecordContext
    private let homography: Homography?
    private let visitID: @Sendable () -> UUID
    private var visits: [Int: Visit] = [:]
    private var zones: ZoneAnalyzer?
    private var finished = AnalyticsBatch()
    private var heatmapCell: Double?
    private var heatmap: Heatmap?
    private var heatmapBucket: TimeBucket?

    init(settings: CameraSettings, context: RecordContext, visitID: @escaping @Sendable () -> UUID) throws {
        self.context = context
        self.homography = settings.homography
        self.visitID = visitID
        self.heatmapCell = settings.heatmapCell
        zones = settings.zones.isEmpty ? nil : try ZoneAnalyzer(zones: settings.zones, switchAfter: 2)
    }

    /// Visits with live state (for tests: empty once every track ended).
    var activeVisitCount: Int { visits.count }

    func observe(_ step: TrackingStep) throws {
        let time = step.time
        if heatmap == nil { heatmap = makeHeatmap(width: Double(step.frame.width), height: Double(step.frame.height)) }
        for track in step.update.tracks {
            guard let point = floorPoint(track.box.footPoint) else { continue }
            var visit = visits[track.id] ?? Visit(id: visitID(), started: time, points: [])
            let offset = time.timeIntervalSince(visit.started)
            if visit.points.count < Self.maximumPoints,
               visit.points.last.map({ offset - $0.offset >= Self.pointSpacing }) ?? true {
                visit.points.append(FlowPoint(offset: offset, x: point.x, y: point.y))
            }
            visits[track.id] = visit
            addToHeatmap(point, at: time)
            // The zones take the floor point mapped above (zones are in floor coordinates with a homography).
            if zones != nil { record(zones!.observe(trackID: track.id, point: point, time: time.timeIntervalSince1970)) }
        }
        if zones != nil {
            for id in step.update.endedTrackIDs { record(zones!.endTrack(id)) }
            recordTransitions(at: time)
        }
        end(step.update.endedTrackIDs, at: time)
    }

    func drain(at time: Date) -> AnalyticsBatch {
        defer { finished = AnalyticsBatch() }
        return finished
    }

    func finish(endedTrackIDs: [Int], at time: Date) -> AnalyticsBatch {
        if zones != nil {
            for id in endedTrackIDs { record(zones!.endTrack(id)) }
        }
        end(endedTrackIDs, at: time)
        end(Array(visits.keys), at: time)
        flushHeatmap()
        return drain(at: time)
    }

    private func floorPoint(_ image: Point) -> Point? {
        guard let homography else { return image }
        return homography.map(image)
    }

    private func end(_ ids: [Int], at time: Date) {
        for id in ids {
            guard let visit = visits.removeValue(forKey: id), !visit.points.isEmpty else { continue }
            let ended = visit.started.addingTimeInterval(visit.points.last?.offset ?? 0)
            finished.trajectories.append(FlowTrajectory(visitID: visit.id, deploymentID: context.deploymentID,
                                                        cameraID: context.cameraID, started: visit.started,
                                                        ended: ended, points: visit.points))
        }
    }

    private func record(_ dwells: [ZoneDwell]) {
        for dwell in dwells {
            guard let bucket = context.bucket(Date(timeIntervalSince1970: dwell.exited)) else { continue }
            finished.zoneDwell.append(ZoneDwellStat(deploymentID: context.deploymentID, cameraID: context.cameraID,
                                                    zoneID: dwell.zoneID, bucket: bucket, visits: 1,
                                                    totalDwellSeconds: max(0, dwell.duration)))
        }
    }

    /// Counts the transitions made in this step in the bucket of `time`.
    private func recordTransitions(at time: Date) {
        guard zones != nil, let bucket = context.bucket(time) else { return }
        for t in zones!.drainNewTransitions() {
            finished.zoneTransitions.append(ZoneTransitionCount(deploymentID: context.deploymentID,
                                                                cameraID: context.cameraID, fromZoneID: t.from,
                                                                toZoneID: t.to, bucket: bucket, count: t.count))
        }
    }

    /// A grid over the floor the camera sees: the image corners mapped to the floor, else the zones' bounds.
    private func makeHeatmap(width: Double, height: Double) -> Heatmap? {
        let corners = [Point(x: 0, y: 0), Point(x: width, y: 0), Point(x: width, y: height), Point(x: 0, y: height)]
        var floor = corners.compactMap(floorPoint)
        if floor.count < 4 { floor = zones?.zones.flatMap(\.polygon.vertices) ?? [] }
        guard let minX = floor.map(\.x).min(), let maxX = floor.map(\.x).max(),
              let minY = floor.map(\.y).min(), let maxY = floor.map(\.y).max(), maxX > minX, maxY > minY else { return nil }
        let cell = heatmapCell ?? (maxX - minX) / 32
        let columns = min(512, Int(((maxX - minX) / cell).rounded(.up))), rows = min(512, Int(((maxY - minY) / cell).rounded(.up)))
        return try? Heatmap(origin: Point(x: minX, y: minY), cellSize: cell, columns: max(1, columns), rows: max(1, rows))
    }

    private func addToHeatmap(_ point: Point, at time: Date) {
        guard heatmap != nil, let bucket = context.bucket(time) else { return }
        if let current = heatmapBucket, current != bucket { flushHeatmap() }
        heatmapBucket = bucket
        _ = heatmap!.add(point)
    }

    private func flushHeatmap() {
        guard var grid = heatmap, let bucket = heatmapBucket, grid.total > 0 else { return }
        finished.heatmaps.append(HeatmapGrid(deploymentID: context.deploymentID, cameraID: context.cameraID,
                                             bucket: bucket, columns: grid.columns, rows: grid.rows,
                                             cellSize: grid.cellSize,
                                             counts: grid.values.map { UInt32(max(0, min($0, Double(UInt32.max)))) }))
        grid = (try? Heatmap(origin: grid.origin, cellSize: grid.cellSize, columns: grid.columns, rows: grid.rows)) ?? grid
        heatmap = grid
        heatmapBucket = nil
    }
}
