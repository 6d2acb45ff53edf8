import Foundation

/// Where a congestion camera's icon map is written, and how a reader (the console) gets it back: only after the
/// same check that guards writing (no `<image>`, no data: URI, no outside reference), so that a file changed on
/// disk cannot put camera pixels on a page (privacy invariant 1).
public enum IconMapFile {
    /// `<folder>/<camera>.congestion.svg`.
    public static func svg(camera: String, in folder: URL) -> URL {
        folder.appendingPathComponent("\(CongestionAnalyzer.mapName(camera: camera)).svg")
    }

    /// The camera's latest icon map, or nil when none was drawn yet or the file holds something that could carry
    /// pixels.
    public static func read(camera: String, in folder: URL) -> String? {
        guard let text = try? String(contentsOf: svg(camera: camera, in: folder), encoding: .utf8),
              IconMap.pixelCarrier(in: text) == nil else { return nil }
        return text
    }
}
