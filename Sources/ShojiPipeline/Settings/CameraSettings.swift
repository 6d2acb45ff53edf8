import Foundation
import ShojiPolicy
import ShojiTracking

/// The pipeline's reading of one camera's `settings` map in the manifest. Every key is documented in the
/// module README; an unknown key is refused (a misspelt `lines` must not silently count nothing).
public struct CameraSettings: Sendable, Hashable {
    /// A counting line in image pixels and how its directions are stored.
    public struct Line: Sendable, Hashable {
        /// The line (image pixels; inbound = towards the right of someone walking from `from` to `to`).
        public var line: CountingLine
        /// An entrance line stores inbound as `in` and outbound as `out`; others as `a_to_b` / `b_to_a`.
        public var isEntrance: Bool
    }

    /// A congestion area in image pixels.
    public struct Area: Sendable, Hashable {
        /// The area's id, as stored in congestion snapshots.
        public var id: String
        /// Its outline in image pixels.
        public var polygon: Polygon
    }

    /// Run the person detector on every n-th processed frame; the tracker predicts in between
    /// (default ``defaultDetectEvery``).
    public var detectEvery: Int
    /// Processed frames per second at most (the camera's budget); frames beyond it are skipped, not queued.
    /// Nil processes every frame.
    public var framesPerSecond: Double?
    /// Length of aggregate buckets in seconds (`bucket_minutes`, default 15 minutes).
    public var bucketSeconds: Int
    /// Person detector threshold (default 0.1: boxes below the tracker's `highConfidence` only keep existing
    /// tracks alive, ByteTrack's second pass).
    public var personThreshold: Double
    /// Overlapping vertical strips the person detector sees one by one (default ``defaultDetectorColumns``, 2;
    /// 1 is the whole frame at 300×300, half the time, fewer far-away people found).
    public var detectorColumns: Int
    /// Tracker knobs: `TrackerConfiguration.fixedCameraPeople` with the `tracker:` mapping's knobs laid over it.
    public var tracker: TrackerConfiguration
    /// Counting lines (use case 4).
    public var lines: [Line]
    /// Image pixels → floor coordinates (use case 2); nil keeps image pixels.
    public var homography: Homography?
    /// Floor zones for dwell and transitions (use case 2), in floor coordinates.
    public var zones: [Zone]
    /// Heatmap cell side in floor units (use case 2); default: 1/32 of the floor extent's width.
    public var heatmapCell: Double?
    /// Congestion areas (use case 6), in image pixels.
    public var areas: [Area]
    /// Person counts at which an area becomes moderate, crowded, very crowded (default 5, 15, 30).
    public var congestionLevels: [Int]
    /// Seconds between icon maps and congestion snapshots (default 60).
    public var refreshSeconds: Double
    /// An SVG file drawn in image-pixel coordinates, used as the icon map's background (default: plain).
    public var floorPlan: URL?
    /// Faces narrower than this (pixels) are not used for attributes or identities (default 24).
    public var minimumFaceSize: Double
    /// Every frame is a scene of its own (a folder of unrelated photos): tracks end after each frame and start
    /// on their first detection (default false).
    public var independentFrames: Bool
    /// Repeat matching (use case 3): the threshold rule (`match_threshold` ceiling, `false_match_budget`).
    public var repeatThreshold: MatchThreshold
    /// Watchlist matching: the threshold rule (`match_threshold` ceiling, `false_match_budget`).
    public var watchlistThreshold: MatchThreshold
    /// How much nearer the best of two candidates must be (`match_margin`, default 0.05).
    public var matchMargin: Double
    /// A visitor recognised again within this many seconds is still on the same visit (`visit_gap_minutes`,
    /// default 30 minutes).
    public var visitGapSeconds: Double

    /// The keys this type reads, for documentation and error messages.
    public static let keys = ["detect_every", "fps", "bucket_minutes", "person_threshold", "detector_columns", "tracker", "lines",
                              "homography", "zones", "heatmap_cell", "areas", "levels", "refresh_seconds",
                              "floor_plan", "min_face_size", "independent_frames", "match_threshold", "false_match_budget",
                              "match_margin", "visit_gap_minutes"]

    /// The person detector runs on every frame, on two overlapping strips, unless a camera says otherwise: the
    /// setting that meets the accuracy targets (MOTA, IDF1 ≥ 0.65, line counts within ±10 %).
    /// Measured on PETS09-S2L1 frames 1–400 (`shoji eval tracking`) and with `shoji bench pipeline` on 2 cores
    /// (cameras at 7 frames/s kept up with; the count was half on a busier day of the shared machine):
    /// every frame on 2 strips: MOTA 0.734, IDF1 0.674, counts 9/7 of 9/7, 4 cameras; every 2nd on 2 strips:
    /// MOTA 0.643, IDF1 0.669, counts 9/6, 8 cameras; every 3rd on the whole frame: MOTA 0.277, IDF1 0.370.
    public static let defaultDetectEvery = 1
    /// See ``defaultDetectEvery``.
    public static let defaultDetectorColumns = 2

    /// Reads `settings` of camera `camera`; `baseFolder` resolves a relative `floor_plan`.
    public init(camera: String, settings: [String: SettingValue], baseFolder: URL? = nil) throws(PipelineError) {
        var reader = SettingsReader(camera: camera, values: settings)
        detectEvery = try reader.integer("detect_every", default: Self.defaultDetectEvery, range: 1...1000)
        let fps = try reader.number("fps", default: 0, range: 0...1000)
        framesPerSecond = fps > 0 ? fps : nil
        bucketSeconds = Int(try reader.number("bucket_minutes", default: 15, range: 1.0 / 60...1440) * 60)
        personThreshold = try reader.number("person_threshold", default: 0.1, range: 0.01...0.99)
        detectorColumns = try reader.integer("detector_columns", default: Self.defaultDetectorColumns, range: 1...4)
        refreshSeconds = try reader.number("refresh_seconds", default: 60, range: 0.1...86400)
        minimumFaceSize = try reader.number("min_face_size", default: 24, range: 4...4096)
        independentFrames = try reader.flag("independent_frames", default: false)
        var tracker = try Self.tracker(reader.value("tracker"), reader: reader)
        if independentFrames {
            // A photo has no next frame to confirm a track in.
            tracker.minimumHits = 1
            tracker.confirmationWindow = 1
        }
        self.tracker = tracker
        let ceiling: Double? = settings["match_threshold"] == nil ? nil
            : try reader.number("match_threshold", default: 0, range: 0.2...0.8)
        let budget: Double? = settings["false_match_budget"] == nil ? nil
            : try reader.number("false_match_budget", default: 0, range: 1e-9...1)
        repeatThreshold = MatchThreshold(ceiling: ceiling ?? MatchThreshold.repeatVisits.ceiling,
                                         falseMatchBudget: budget ?? MatchThreshold.repeatVisits.falseMatchBudget)
        watchlistThreshold = MatchThreshold(ceiling: ceiling ?? MatchThreshold.watchlist.ceiling,
                                            falseMatchBudget: budget ?? MatchThreshold.watchlist.falseMatchBudget)
        matchMargin = try reader.number("match_margin", default: 0.05, range: 0...0.5)
        visitGapSeconds = try reader.number("visit_gap_minutes", default: 30, range: 0...1440) * 60
        lines = try Self.lines(reader.value("lines"), reader: reader)
        homography = try Self.homography(reader.value("homography"), reader: reader)
        zones = try Self.zones(reader.value("zones"), reader: reader)
        if let cell = reader.value("heatmap_cell") {
            guard let size = cell.number, size.isFinite, size > 0 else { throw reader.fail("heatmap_cell", "must be a positive number") }
            heatmapCell = size
        } else {
            heatmapCell = nil
        }
        areas = try Self.areas(reader.value("areas"), reader: reader)
        congestionLevels = try Self.levels(reader.value("levels"), reader: reader)
        if let plan = reader.value("floor_plan") {
            guard let path = plan.string, !path.isEmpty else { throw reader.fail("floor_plan", "must be the path of an SVG file") }
            floorPlan = URL(fileURLWithPath: path, relativeTo: baseFolder).standardizedFileURL
        } else {
            floorPlan = nil
        }
        let unknown = reader.unknownKeys()
        if let first = unknown.first {
            throw reader.fail(first, "unknown key; known keys: \(Self.keys.joined(separator: ", "))")
        }
    }

    /// `TrackerConfiguration.fixedCameraPeople` (tuned on PETS09 with `shoji eval tracking`), with the knobs the
    /// `tracker` mapping names laid over it.
    private static func tracker(_ value: SettingValue?, reader: SettingsReader) throws(PipelineError) -> TrackerConfiguration {
        let preset = TrackerConfiguration.fixedCameraPeople
        guard let value else { return preset }
        guard let overrides = value.object else {
            throw reader.fail("tracker", "must be a mapping of tracker knobs (highConfidence, maxAge, ...)")
        }
        do {
            var merged = try JSONSerialization.jsonObject(with: JSONEncoder().encode(preset)) as? [String: Any] ?? [:]
            let given = try JSONSerialization.jsonObject(with: JSONEncoder().encode(SettingValue.object(overrides))) as? [String: Any] ?? [:]
            let known = Set(merged.keys)
            if let unknown = given.keys.sorted().first(where: { !known.contains($0) }) {
                throw reader.fail("tracker.\(unknown)", "unknown knob; known: \(known.sorted().joined(separator: ", "))")
            }
            merged.merge(given) { $1 }
            let configuration = try JSONDecoder().decode(TrackerConfiguration.self,
                                                         from: JSONSerialization.data(withJSONObject: merged))
            try configuration.validate()
            return configuration
        } catch let error as PipelineError {
            throw error
        } catch let error as TrackerConfigurationError {
            throw reader.fail("tracker", error.description)
        } catch {
            throw reader.fail("tracker", "must be a mapping of tracker knobs (highConfidence, maxAge, ...)")
        }
    }

    private static func lines(_ value: SettingValue?, reader: SettingsReader) throws(PipelineError) -> [Line] {
        guard let value else { return [] }
        guard let items = value.array else { throw reader.fail("lines", "must be a list of {id, from, to}") }
        var result: [Line] = []
        for (index, item) in items.enumerated() {
            let key = "lines[\(index)]"
            guard let object = item.object else { throw reader.fail(key, "must be a mapping {id, from, to}") }
            let allowed: Set = ["id", "name", "from", "to", "band", "entrance", "directions"]
            if let extra = object.keys.first(where: { !allowed.contains($0) }) {
                throw reader.fail("\(key).\(extra)", "unknown key; known: id, from, to, band, entrance, directions")
            }
            let id = try SettingsReader.identifier(object, key: key, reader: reader)
            let from = try SettingsReader.point(object["from"], key: "\(key).from", reader: reader)
            let to = try SettingsReader.point(object["to"], key: "\(key).to", reader: reader)
            let band = object["band"]?.number ?? 8
            var entrance = false
            if let flag = object["entrance"] {
                guard case .bool(let value) = flag else { throw reader.fail("\(key).entrance", "must be true or false") }
                entrance = value
            }
            do {
                result.append(Line(line: try CountingLine(id: id, start: from, end: to, band: band), isEntrance: entrance))
            } catch {
                throw reader.fail(key, error.description)
            }
        }
        guard Set(result.map(\.line.id)).count == result.count else { throw reader.fail("lines", "line ids must be unique") }
        return result
    }

    private static func homography(_ value: SettingValue?, reader: SettingsReader) throws(PipelineError) -> Homography? {
        guard let value else { return nil }
        do {
            if let object = value.object {
                let image = try SettingsReader.points(object["image"], key: "homography.image", reader: reader)
                let floor = try SettingsReader.points(object["floor"], key: "homography.floor", reader: reader)
                guard image.count == floor.count, image.count >= 4 else {
                    throw reader.fail("homography", "needs the same number (4 or more) of image and floor points")
                }
                return try Homography(from: image, to: floor)
            }
            guard let rows = value.array, rows.count == 3 else {
                throw reader.fail("homography", "must be a 3×3 matrix or {image: [...], floor: [...]}")
            }
            var matrix: [Double] = []
            for row in rows {
                guard let cells = row.array, cells.count == 3 else { throw reader.fail("homography", "each row needs 3 numbers") }
                for cell in cells {
                    guard let number = cell.number else { throw reader.fail("homography", "entries must be numbers") }
                    matrix.append(number)
                }
            }
            return try Homography(matrix: matrix)
        } catch let error as PipelineError {
            throw error
        } catch let error as GeometryError {
            throw reader.fail("homography", error.description)
        } catch {
            throw reader.fail("homography", "\(error)")
        }
    }

    private static func zones(_ value: SettingValue?, reader: SettingsReader) throws(PipelineError) -> [Zone] {
        guard let value else { return [] }
        guard let items = value.array else { throw reader.fail("zones", "must be a list of {id, polygon}") }
        var zones: [Zone] = []
        for (index, item) in items.enumerated() {
            guard let object = item.object else { throw reader.fail("zones[\(index)]", "must be a mapping {id, polygon}") }
            let id = try SettingsReader.identifier(object, key: "zones[\(index)]", reader: reader)
            let polygon = try SettingsReader.polygon(object["polygon"], key: "zones[\(index)].polygon", reader: reader)
            zones.append(Zone(id: id, name: object["name"]?.string ?? id, polygon: polygon))
        }
        guard Set(zones.map(\.id)).count == zones.count else { throw reader.fail("zones", "zone ids must be unique") }
        return zones
    }

    private static func areas(_ value: SettingValue?, reader: SettingsReader) throws(PipelineError) -> [Area] {
        guard let value else { return [] }
        guard let items = value.array else { throw reader.fail("areas", "must be a list of {id, polygon}") }
        var areas: [Area] = []
        for (index, item) in items.enumerated() {
            guard let object = item.object else { throw reader.fail("areas[\(index)]", "must be a mapping {id, polygon}") }
            let id = try SettingsReader.identifier(object, key: "areas[\(index)]", reader: reader)
            areas.append(Area(id: id, polygon: try SettingsReader.polygon(object["polygon"], key: "areas[\(index)].polygon",
                                                                         reader: reader)))
        }
        guard Set(areas.map(\.id)).count == areas.count else { throw reader.fail("areas", "area ids must be unique") }
        return areas
    }

    private static func levels(_ value: SettingValue?, reader: SettingsReader) throws(PipelineError) -> [Int] {
        guard let value else { return [5, 15, 30] }
        guard let items = value.array, items.count == 3 else {
            throw reader.fail("levels", "must be three person counts [moderate, crowded, very_crowded]")
        }
        var levels: [Int] = []
        for item in items {
            guard case .int(let number) = item, number > 0 else { throw reader.fail("levels", "counts must be positive whole numbers") }
            levels.append(number)
        }
        guard levels == levels.sorted(), Set(levels).count == 3 else { throw reader.fail("levels", "counts must increase") }
        return levels
    }
}
