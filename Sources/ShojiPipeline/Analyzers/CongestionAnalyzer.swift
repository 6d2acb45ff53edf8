import Foundation
import ShojiStore
import ShojiTracking

/// Use case 6: every `refresh_seconds` a congestion level per area (``CongestionSnapshot``) and an icon map
/// (SVG and PNG, no camera pixels) that replaces the previous one. Positions are used for the moment only.
final class CongestionAnalyzer: FrameAnalyzer {
    private let context: RecordContext
    private let settings: CameraSettings
    private let output: URL
    private let floorPlan: String?
    private var nextSnapshot: Date?
    private var pending: [CongestionSnapshot] = []
    /// Called with a problem writing the icon map (disk full): the counts go on.
    private let report: (String) -> Void

    /// The icon map file name (without extension) for a camera.
    static func mapName(camera: String) -> String { "\(camera).congestion" }

    init(settings: CameraSettings, context: RecordContext, output: URL, report: @escaping (String) -> Void) throws {
        self.context = context
        self.settings = settings
        self.output = output
        self.report = report
        floorPlan = try settings.floorPlan.map(IconMap.floorPlan(at:))
    }

    func observe(_ step: TrackingStep) {
        guard let next = nextSnapshot else {
            nextSnapshot = step.time.addingTimeInterval(settings.refreshSeconds)
            return
        }
        guard step.time >= next else { return }
        nextSnapshot = next.addingTimeInterval(settings.refreshSeconds * ((step.time.timeIntervalSince(next) / settings.refreshSeconds).rounded(.down) + 1))
        let feet = step.update.tracks.map(\.box.footPoint)
        var areas: [IconMap.Area] = []
        for area in settings.areas {
            let people = feet.filter(area.polygon.contains).count
            let level = Self.level(people: people, thresholds: settings.congestionLevels)
            areas.append(IconMap.Area(id: area.id, polygon: area.polygon, people: people, level: level))
            pending.append(CongestionSnapshot(deploymentID: context.deploymentID, areaID: area.id, takenAt: step.time,
                                              personCount: people, level: level))
        }
        let map = IconMap(width: Double(step.frame.width), height: Double(step.frame.height), areas: areas,
                          people: feet, takenAt: step.time, floorPlanSVG: floorPlan)
        do {
            try map.write(to: output, name: Self.mapName(camera: context.cameraID))
        } catch {
            report("icon map not written: \(error.localizedDescription)")
        }
    }

    func drain(at time: Date) -> AnalyticsBatch {
        defer { pending = [] }
        return AnalyticsBatch(congestion: pending)
    }

    func finish(endedTrackIDs: [Int], at time: Date) -> AnalyticsBatch {
        drain(at: time)
    }

    /// Light below the first threshold, moderate from it, crowded from the second, very crowded from the third.
    static func level(people: Int, thresholds: [Int]) -> CongestionLevel {
        let reached = thresholds.filter { people >= $0 }.count
        return CongestionLevel(rawValue: min(reached, 3)) ?? .veryCrowded
    }
}
