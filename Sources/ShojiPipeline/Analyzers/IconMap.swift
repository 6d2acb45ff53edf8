import Foundation
import ShojiRender
import ShojiStore
import ShojiTracking

/// The congestion picture of use case 6: a plain background (or the operator's floor-plan SVG), each area
/// tinted by its level, one pictogram per person. It is drawn from positions only, so it holds no camera
/// pixel; each new map replaces the last one on disk.
struct IconMap {
    /// One area as drawn.
    struct Area {
        var id: String
        var polygon: Polygon
        var people: Int
        var level: CongestionLevel
    }

    var width: Double
    var height: Double
    var areas: [Area]
    var people: [Point]
    var takenAt: Date
    /// The operator's floor-plan SVG (drawn in the same coordinates), or nil for a plain background.
    var floorPlanSVG: String?

    private static let renderLock = NSLock()

    static func colour(_ level: CongestionLevel) -> String {
        switch level {
        case .light: "#4caf50"
        case .moderate: "#ffc107"
        case .crowded: "#ff7043"
        case .veryCrowded: "#d32f2f"
        }
    }

    /// The SVG document. No `<image>` element and no embedded raster: only shapes and text.
    func svg() -> String {
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
        viewBox="0 0 \(number(width)) \(number(height))" font-family="Noto Sans CJK JP, sans-serif">
        <rect x="0" y="0" width="\(number(width))" height="\(number(height))" fill="#f5f3ee"/>

        """
        if let floorPlanSVG { out += floorPlanSVG + "\n" }
        for area in areas {
            let points = area.polygon.vertices.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
            let colour = Self.colour(area.level)
            out += "<polygon points=\"\(points)\" fill=\"\(colour)\" fill-opacity=\"0.25\" stroke=\"\(colour)\" stroke-width=\"3\"/>\n"
            let bounds = area.polygon.bounds
            out += "<text x=\"\(number(bounds.x + 8))\" y=\"\(number(bounds.y + 24))\" font-size=\"18\" fill=\"#222\">"
                + "\(Self.escape(area.id)): \(area.level.name) (\(area.people))</text>\n"
        }
        let size = max(8, height / 28)
        for person in people {
            // A pictogram: a head and a rounded body standing on the foot point.
            let x = person.x, y = person.y
            out += "<g fill=\"#1f3a60\"><circle cx=\"\(number(x))\" cy=\"\(number(y - size * 2.2))\" r=\"\(number(size * 0.45))\"/>"
                + "<rect x=\"\(number(x - size * 0.5))\" y=\"\(number(y - size * 1.7))\" width=\"\(number(size))\" "
                + "height=\"\(number(size * 1.7))\" rx=\"\(number(size * 0.35))\"/></g>\n"
        }
        let stamp = ISO8601DateFormatter().string(from: takenAt)
        out += "<text x=\"8\" y=\"\(number(height - 10))\" font-size=\"14\" fill=\"#555\">\(stamp)</text>\n</svg>\n"
        return out
    }

    /// Writes `<folder>/<name>.svg` and `.png`, each through a temporary file renamed over the previous map
    /// (`.atomic`, and RasterExporter's own), so a reader never sees half a map and no earlier map is left behind.
    func write(to folder: URL, name: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let document = svg()
        try Data(document.utf8).write(to: folder.appendingPathComponent("\(name).svg"), options: .atomic)
        // One rendering at a time: fontconfig's first use is not safe from several threads (several cameras).
        try Self.renderLock.withLock {
            try RasterExporter(dpi: 96).writePNG(svg: document, to: folder.appendingPathComponent("\(name).png"))
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The inner markup of an operator's floor-plan SVG file, as a nested `<svg>` (the XML prolog removed).
    /// Refused when it could carry pixels: the markup is copied into every icon map on disk, so a floor plan must
    /// not smuggle a camera image into it (privacy invariant 1).
    static func floorPlan(at url: URL) throws -> String {
        var text = try String(contentsOf: url, encoding: .utf8)
        if let prolog = text.range(of: "?>"), text.hasPrefix("<?xml") { text = String(text[prolog.upperBound...]) }
        if let found = pixelCarrier(in: text) {
            throw PipelineError.invalidSetting(camera: url.lastPathComponent, key: "floor_plan",
                                               problem: "the floor plan holds \(found), which can embed an image; draw it with shapes only")
        }
        return text
    }

    /// The first markup in `svg` that can bring in pixels (an `image` or `feImage` element in any namespace, a
    /// `data:` URL, a link to anything but a fragment of the same file), or nil. Case-insensitive, as XML
    /// entities and odd casing must not get an image past it.
    static func pixelCarrier(in svg: String) -> String? {
        let checks: [(pattern: String, name: String)] = [
            (#"<\s*([a-z0-9_-]+:)?(image|feimage)\b"#, "an image element"),
            (#"data\s*:"#, "a data: URL"),
            (#"href\s*=\s*["']\s*[^"'#\s]"#, "a link to another file"),
            (#"&#"#, "a character reference"),
        ]
        for check in checks where svg.range(of: check.pattern, options: [.regularExpression, .caseInsensitive]) != nil {
            return check.name
        }
        return nil
    }
}
