import Foundation
import Testing

/// Runs the built `shoji` executable as a user would, and captures what it prints.
struct ShojiProcess {
    /// The result of one run.
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `shoji` binary beside the test bundle (.build/debug/shoji).
    static var executable: URL {
        get throws {
            var folder = Bundle.main.bundleURL
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("shoji")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
            let fallback = repository.appendingPathComponent(".build/debug/shoji")
            try #require(FileManager.default.isExecutableFile(atPath: fallback.path), "build shoji first")
            return fallback
        }
    }

    /// The sample media folder.
    static var media: URL {
        ProcessInfo.processInfo.environment["SHOJI_MEDIA"].map { URL(fileURLWithPath: $0) }
            ?? repository.appendingPathComponent("media")
    }

    /// Runs `shoji ARGUMENTS` in `directory` with extra environment variables.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    interruptAfter: TimeInterval? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let interruptAfter {
            Thread.sleep(forTimeInterval: interruptAfter)
            process.interrupt()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
                      standardError: String(decoding: err, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `folder`, as paths relative to it, sorted.
    static func files(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        let prefix = folder.standardizedFileURL.path + "/"
        var paths: [String] = []
        for case let url as URL in walker {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count))) }
        }
        return paths.sorted()
    }
}
