import Foundation
import Testing

@Suite("shoji serve")
struct ServeCommandTests {
    @Test("the deployments given run inside the server, and SIGTERM stores what they counted before it exits", .timeLimit(.minutes(5)))
    func runsAndFlushesOnTerm() async throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("serve.sqlite").path
        let added = try ShojiProcess.run(["users", "add", "ops", "--role", "privacy_officer", "examples/counting.yaml", "--database", database],
                                         in: ShojiProcess.repository)
        let secret = try #require(added.standardOutput.split(separator: "\n").first { $0.hasPrefix("secret") }?.split(separator: " ").last)
        let token = try ShojiProcess.run(["users", "token", "examples/counting.yaml", "--database", database], in: ShojiProcess.repository,
                                         environment: ["SHOJI_USER": "ops", "SHOJI_SECRET": String(secret)])
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("shoji_"))
        // A flush period far longer than the run: whatever is stored came from the shutdown's flush.
        let server = try ServeProcess(arguments: ["serve", "--database", database, "--port", "0", "--flush-seconds", "600",
                                                  "--manifest", "examples/counting.yaml"],
                                      in: ShojiProcess.repository, environment: ["SHOJI_MEDIA": ShojiProcess.media.path])
        let port = try await server.port()
        #expect(server.standardError.contains("running 1 deployment"))
        // Until 150 frames were analysed (people cross the street's line by then), read from /metrics; no longer,
        // since other tests share the 2 cores.
        var metrics = "", frames = 0.0
        for _ in 0..<240 where frames < 150 {
            try await Task.sleep(for: .seconds(1))
            metrics = try Self.curl("http://127.0.0.1:\(port)/metrics", token: token)
            frames = metrics.split(separator: "\n").first { $0.hasPrefix("shoji_camera_frames_processed_count{") }
                .flatMap { $0.split(separator: " ").last.flatMap { Double($0) } } ?? 0
        }
        #expect(frames >= 150, "frames analysed in /metrics:\n\(metrics.prefix(2000))")
        #expect(metrics.contains("shoji_records_stored_count{deployment=\"counting\"}"))
        let status = server.stop()
        #expect(status == 0, "exit status after SIGTERM: \(server.standardError)")
        let report = try ShojiProcess.run(["report", "--database", database, "--format", "json"], in: folder)
        #expect(report.status == 0, "\(report.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])
        let crossings = (json["lineCrossings"] as? [[String: Any]] ?? []).compactMap { $0["count"] as? Int }.reduce(0, +)
        #expect(crossings > 0, "crossings stored at shutdown (server on port \(port))")
    }

    /// GET with a bearer token through curl.
    static func curl(_ url: String, token: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "30", "-H", "Authorization: Bearer \(token)", url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a blocked manifest stops the server from starting, with the findings and exit 1")
    func blockedManifestRefused() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let failing = try #require(try FileManager.default.contentsOfDirectory(atPath: ShojiProcess.repository.appendingPathComponent("examples/failing").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().first)
        let result = try ShojiProcess.run(["serve", "--database", folder.appendingPathComponent("x.sqlite").path, "--port", "0",
                                           "--manifest", "examples/failing/\(failing)"], in: ShojiProcess.repository)
        #expect(result.status == 1)
        #expect(result.standardError.contains("shoji: error:"))
    }
}
