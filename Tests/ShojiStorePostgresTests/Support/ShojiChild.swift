import Foundation

/// The built `shoji` binary run as a separate process (a hub, an edge node), its output in a log file, so that a
/// drill can kill it with SIGKILL at any point as a power cut would.
final class ShojiChild: @unchecked Sendable {
    private let process = Process()
    let log: URL

    /// Starts `shoji ARGUMENTS`, writing its output to `log`.
    init(_ arguments: [String], log: URL) throws {
        self.log = log
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// SIGKILL: no handler runs, nothing is flushed.
    func kill9() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Whether it still runs.
    var isRunning: Bool { process.isRunning }

    /// Waits up to `timeout` for it to end; its exit status, or nil when it was still running (then killed).
    func wait(timeout: TimeInterval) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(100))
        }
        guard !process.isRunning else {
            kill9()
            return nil
        }
        return process.terminationStatus
    }

    /// What it printed.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The `shoji` binary the test target was built with (.build/debug/shoji beside the test bundle).
    static func executable() throws -> URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("shoji")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw ClusterError(message: "the shoji binary is not beside the tests; build it first (swift build)")
    }
}
