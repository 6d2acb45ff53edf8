import Foundation
import ShojiVision
import Testing

/// The real sample media and models that `scripts/setup` installs (`make test` runs it first).
enum TestMedia {
    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$SHOJI_MEDIA` or `media/` in the repository.
    static var folder: URL {
        if let explicit = ProcessInfo.processInfo.environment["SHOJI_MEDIA"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return repository.appendingPathComponent("media")
    }

    /// A media file that must exist; the failure names the fix.
    static func file(_ relativePath: String) throws -> URL {
        let url = folder.appendingPathComponent(relativePath)
        try #require(FileManager.default.fileExists(atPath: url.path),
                     "\(url.path) is missing: run scripts/setup (make test does)")
        return url
    }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One annotated face of dlib's examples/faces set.
struct AnnotatedFace {
    var image: String
    var box: PixelRect
}

/// Reads dlib's imglab XML (training.xml, testing.xml): `<image file=…><box top left width height/>`.
enum DlibAnnotations {
    static func load() throws -> [AnnotatedFace] {
        var faces: [AnnotatedFace] = []
        for name in ["training.xml", "testing.xml"] {
            let text = try String(contentsOf: try TestMedia.file("faces/\(name)"), encoding: .utf8)
            var current = ""
            for line in text.split(separator: "\n") {
                if let file = attribute("file", in: line) { current = file }
                if line.contains("<box"), let top = attribute("top", in: line).flatMap(Double.init),
                   let left = attribute("left", in: line).flatMap(Double.init),
                   let width = attribute("width", in: line).flatMap(Double.init),
                   let height = attribute("height", in: line).flatMap(Double.init) {
                    faces.append(AnnotatedFace(image: current, box: PixelRect(x: left, y: top, width: width, height: height)))
                }
            }
        }
        return faces
    }

    private static func attribute(_ name: String, in line: Substring) -> String? {
        guard let range = line.range(of: " \(name)='") else { return nil }
        let rest = line[range.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }
}
