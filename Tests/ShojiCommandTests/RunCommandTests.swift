import Foundation
import Testing

@Suite("shoji run and shoji report")
struct RunCommandTests {
    /// An example manifest copied into `folder` with its media paths made absolute.
    static func manifest(_ name: String, into folder: URL, edit: (String) -> String = { $0 }) throws -> URL {
        var text = try String(contentsOf: ShojiProcess.repository.appendingPathComponent("examples/\(name).yaml"),
                              encoding: .utf8)
        text = text.replacingOccurrences(of: "source: media/", with: "source: \(ShojiProcess.media.path)/")
        let url = folder.appendingPathComponent("\(name).yaml")
        try edit(text).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Image files under `folder` by extension or by their first bytes (PNG, JPEG, GIF, BMP, TIFF, WebP).
    static func imageFiles(under folder: URL) throws -> [String] {
        let signatures: [[UInt8]] = [[0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x47, 0x49, 0x46], [0x42, 0x4D],
                                     [0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A], [0x52, 0x49, 0x46, 0x46]]
        let extensions: Set = ["png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "svg", "ppm", "pgm"]
        return try ShojiProcess.files(under: folder).filter { path in
            let url = folder.appendingPathComponent(path)
            if extensions.contains(url.pathExtension.lowercased()) { return true }
            let head = try FileHandle(forReadingFrom: url).read(upToCount: 8) ?? Data()
            return signatures.contains { head.starts(with: $0) }
        }
    }

    @Test("run writes no image file but the icon maps, in its working folder or its output folder")
    func noImagesButIconMaps() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let congestion = try Self.manifest("congestion", into: folder) {
            $0.replacingOccurrences(of: "refresh_seconds: 10", with: "refresh_seconds: 2")
        }
        let counting = try Self.manifest("counting", into: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("db"), withIntermediateDirectories: true)
        for manifest in [congestion, counting] {
            let result = try ShojiProcess.run(["run", manifest.path, "--until-end", "--max-frames", "80",
                                               "--database", "db/shoji.sqlite", "--output", "maps"], in: folder)
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(try Self.imageFiles(under: folder) == ["maps/concourse.congestion.png", "maps/concourse.congestion.svg"])
    }

    @Test("a manifest whose use case no purpose covers is refused: findings printed, exit 1, nothing stored")
    func refused() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = ShojiProcess.repository.appendingPathComponent("examples/failing/uncovered-use-case.yaml")
        let result = try ShojiProcess.run(["run", manifest.path, "--until-end", "--database", "shoji.sqlite"], in: folder)
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.last?.hasPrefix("shoji: error: deployment not approved") == true, "\(result.standardError)")
        #expect(result.standardError.contains("Verdict"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("shoji.sqlite").path))
    }

    @Test("SIGTERM stops a run gracefully and what was counted is stored")
    func sigtermFlushes() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try Self.manifest("counting", into: folder)
        // Without --until-end the run goes on after the file ends; the writer would store only every hour.
        let process = Process()
        process.executableURL = try ShojiProcess.executable
        process.arguments = ["run", manifest.path, "--max-frames", "250", "--flush-seconds", "3600",
                             "--database", "shoji.sqlite", "--quiet"]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        final class Collected: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
        }
        let collected = Collected()
        errors.fileHandleForReading.readabilityHandler = { handle in
            let chunk = String(decoding: handle.availableData, as: UTF8.self)
            let done = collected.lock.withLock {
                collected.text += chunk
                return collected.text.contains("street: source ended")
            }
            if done { ended.signal() }
        }
        try process.run()
        let waited = ended.wait(timeout: .now() + 90)
        process.terminate()   // SIGTERM
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        #expect(waited == .success, "the file camera did not end: \(collected.lock.withLock { collected.text })")
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let report = try ShojiProcess.run(["report", "--database", "shoji.sqlite", "--format", "json"], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])
        let crossings = try #require(json["lineCrossings"] as? [[String: Any]])
        let total = crossings.compactMap { $0["count"] as? Int }.reduce(0, +)
        #expect(total >= 2)
        #expect(Set(crossings.compactMap { $0["direction"] as? String }) == ["a_to_b", "b_to_a"])
    }

    @Test("report: table, csv and json of the same counts; a missing database is one clear line")
    func reportFormats() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try Self.manifest("counting", into: folder)
        let run = try ShojiProcess.run(["run", manifest.path, "--until-end", "--max-frames", "250", "--quiet"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("street: ended, 250 frames analysed, 0 dropped"))
        let csv = try ShojiProcess.run(["report", "--format", "csv"], in: folder)
        let rows = csv.standardOutput.split(separator: "\n").filter { $0.hasPrefix("line_crossings,") }
        // One row per direction and 15-minute bucket: two, or more when the run straddled a bucket boundary of the
        // wall clock (seen in CI at 07:59).
        #expect((2...4).contains(rows.count), "\(rows)")
        #expect(Set(rows.compactMap { $0.split(separator: ",").first { $0 == "a_to_b" || $0 == "b_to_a" } }) == ["a_to_b", "b_to_a"])
        let csvTotal = rows.compactMap { Int($0.split(separator: ",").last ?? "") }.reduce(0, +)
        let table = try ShojiProcess.run(["report", "--since", "3650d"], in: folder)
        #expect(table.standardOutput.contains("line crossings: \(rows.count) rows"))
        #expect(table.standardOutput.contains("walkway"))
        let json = try ShojiProcess.run(["report", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let jsonTotal = (object["lineCrossings"] as? [[String: Any]] ?? []).compactMap { $0["count"] as? Int }.reduce(0, +)
        #expect(csvTotal == jsonTotal && csvTotal >= 2)
        let missing = try ShojiProcess.run(["report", "--database", "nope.sqlite"], in: folder)
        #expect(missing.status != 0)
        #expect(missing.standardError.split(separator: "\n").count == 1)
    }
}
