import Foundation

/// Writes outputs under a hidden temporary name beside their destination and renames them when complete, so
/// that a reader never sees — and a failure never leaves — a half-written file.
enum PartialFile {
    /// `.NAME.partial-PID[-TAG].EXT` in the destination's folder. The extension is kept because OpenCV picks the
    /// encoder from it.
    static func temporaryURL(for destination: URL, tag: String? = nil) -> URL {
        let ext = destination.pathExtension
        let stem = destination.deletingPathExtension().lastPathComponent
        let suffix = tag.map { "-\($0)" } ?? ""
        let name = ".\(stem).partial-\(ProcessInfo.processInfo.processIdentifier)\(suffix)" + (ext.isEmpty ? "" : ".\(ext)")
        return destination.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs `body` on a temporary URL, then moves the result to `destination`; removes it on failure.
    static func write(to destination: URL, _ body: (URL) throws -> Void) throws {
        let temporary = temporaryURL(for: destination)
        defer { try? FileManager.default.removeItem(at: temporary) }
        try body(temporary)
        try commit(temporary, to: destination)
    }

    /// Moves a finished temporary file onto its destination, replacing an older output.
    static func commit(_ temporary: URL, to destination: URL) throws {
        guard FileManager.default.fileExists(atPath: temporary.path) else {
            throw VisionError.outputFailed(path: destination.path, reason: "the encoder produced no file")
        }
        // rename(2) replaces atomically within one folder.
        guard rename(temporary.path, destination.path) == 0 else {
            throw VisionError.outputFailed(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }
}
