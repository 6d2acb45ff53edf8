import ShojiPolicy
import ShojiTracking

/// Reads typed values out of a camera's free-form `settings`, naming the key in every error.
struct SettingsReader {
    let camera: String
    let values: [String: SettingValue]
    private(set) var used: Set<String> = []

    init(camera: String, values: [String: SettingValue]) {
        self.camera = camera
        self.values = values
    }

    func fail(_ key: String, _ problem: String) -> PipelineError {
        .invalidSetting(camera: camera, key: key, problem: problem)
    }

    mutating func value(_ key: String) -> SettingValue? {
        used.insert(key)
        guard let value = values[key], value != .null else { return nil }
        return value
    }

    mutating func number(_ key: String, default fallback: Double, range: ClosedRange<Double>) throws(PipelineError) -> Double {
        guard let value = value(key) else { return fallback }
        guard let number = value.number, number.isFinite, range.contains(number) else {
            throw fail(key, "must be a number in \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }

    mutating func flag(_ key: String, default fallback: Bool) throws(PipelineError) -> Bool {
        guard let value = value(key) else { return fallback }
        guard case .bool(let flag) = value else { throw fail(key, "must be true or false") }
        return flag
    }

    mutating func integer(_ key: String, default fallback: Int, range: ClosedRange<Int>) throws(PipelineError) -> Int {
        guard let value = value(key) else { return fallback }
        guard case .int(let number) = value, range.contains(number) else {
            throw fail(key, "must be a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }

    /// Keys given but never read: most likely typos, refused so that a misspelt line is not silently ignored.
    func unknownKeys() -> [String] {
        values.keys.filter { !used.contains($0) }.sorted()
    }

    static func point(_ value: SettingValue?, key: String, reader: SettingsReader) throws(PipelineError) -> Point {
        guard let items = value?.array, items.count == 2, let x = items[0].number, let y = items[1].number,
              x.isFinite, y.isFinite else {
            throw reader.fail(key, "must be a point [x, y]")
        }
        return Point(x: x, y: y)
    }

    static func points(_ value: SettingValue?, key: String, reader: SettingsReader) throws(PipelineError) -> [Point] {
        guard let items = value?.array else { throw reader.fail(key, "must be a list of points [[x, y], ...]") }
        var points: [Point] = []
        for (index, item) in items.enumerated() {
            points.append(try point(item, key: "\(key)[\(index)]", reader: reader))
        }
        return points
    }

    static func polygon(_ value: SettingValue?, key: String, reader: SettingsReader) throws(PipelineError) -> Polygon {
        let vertices = try points(value, key: key, reader: reader)
        do {
            return try Polygon(vertices)
        } catch {
            throw reader.fail(key, error.description)
        }
    }

    /// `id`, else `name`, of a list entry.
    static func identifier(_ object: [String: SettingValue], key: String, reader: SettingsReader) throws(PipelineError) -> String {
        guard let id = object["id"]?.string ?? object["name"]?.string, !id.isEmpty else {
            throw reader.fail(key, "needs an id (or name)")
        }
        return id
    }
}
