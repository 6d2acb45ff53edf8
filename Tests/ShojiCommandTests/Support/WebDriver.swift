import Foundation
import Testing

/// A small W3C WebDriver client for Debian's chromedriver driving headless Chromium: enough to open pages, fill
/// and submit forms, read the page and take screenshots, as a person in front of the console would.
final class WebDriver {
    private let process: Process
    private let base: URL
    private let sessionID: String

    /// Starts chromedriver on a free port and opens a headless Chromium session.
    init() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), "chromedriver missing: run scripts/setup")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "curl missing: run scripts/setup")
        let port = Int.random(in: 20_000...40_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        var ready = false
        var problem = ""
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            do {
                ready = try await Self.call(base.appendingPathComponent("status"), method: "GET", body: nil)["value"] != nil
            } catch {
                problem = "\(error)"
            }
        }
        try #require(ready, "chromedriver did not start: \(problem)")
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": "/usr/bin/chromium",
                                   "args": ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--lang=ja"]],
        ]]]
        let reply = try await Self.call(base.appendingPathComponent("session"), method: "POST", body: capabilities)
        sessionID = try #require((reply["value"] as? [String: Any])?["sessionId"] as? String, "no WebDriver session: \(reply)")
    }

    deinit {
        process.terminate()
    }

    /// Ends the browser session and chromedriver.
    func quit() async {
        _ = try? await command("", method: "DELETE")
        process.terminate()
    }

    /// Opens `url`.
    func open(_ url: String) async throws {
        _ = try await command("url", body: ["url": url])
    }

    /// The current page's URL.
    func currentURL() async throws -> String {
        try await command("url", method: "GET") as? String ?? ""
    }

    /// The current page's HTML.
    func source() async throws -> String {
        try await command("source", method: "GET") as? String ?? ""
    }

    /// The element `css` selects; the test fails when there is none.
    func element(_ css: String) async throws -> String {
        let value = try await command("element", body: ["using": "css selector", "value": css])
        guard let element = (value as? [String: Any])?.first(where: { $0.key.hasPrefix("element-") })?.value as? String else {
            throw WebDriverError(message: "no element \(css) on \(try await currentURL())")
        }
        return element
    }

    /// Types `text` into the element `css` selects.
    func type(_ css: String, _ text: String) async throws {
        let id = try await element(css)
        _ = try await command("element/\(id)/clear", body: [:])
        _ = try await command("element/\(id)/value", body: ["text": text])
    }

    /// Clicks the element `css` selects.
    func click(_ css: String) async throws {
        let id = try await element(css)
        _ = try await command("element/\(id)/click", body: [:])
    }

    /// Runs `script` in the page (its `arguments[i]` are `arguments`) and returns its result.
    func run(_ script: String, arguments: [String] = []) async throws -> Any? {
        try await command("execute/sync", body: ["script": script, "args": arguments])
    }

    /// A PNG of the window, written to `file`.
    func screenshot(to file: URL) async throws {
        let encoded = try #require(try await command("screenshot", method: "GET") as? String)
        let png = try #require(Data(base64Encoded: encoded))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: file)
    }

    private func command(_ path: String, method: String = "POST", body: [String: Any]? = nil) async throws -> Any? {
        var url = base.appendingPathComponent("session").appendingPathComponent(sessionID)
        if !path.isEmpty { url = url.appendingPathComponent(path) }
        let reply = try await Self.call(url, method: method, body: method == "POST" ? (body ?? [:]) : nil)
        if let problem = reply["value"] as? [String: Any], let error = problem["error"] as? String {
            throw WebDriverError(message: "\(error): \(problem["message"] as? String ?? "")")
        }
        return reply["value"]
    }

    /// One WebDriver call through curl: chromedriver writes headers without a space after the colon, which
    /// Foundation's URLSession on Linux refuses ("Failed writing header").
    private static func call(_ url: URL, method: String, body: [String: Any]?) async throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-s", "--max-time", "60", "-X", method, url.absoluteString]
        let input = Pipe(), output = Pipe()
        if let body {
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@-"]
            process.standardInput = input
            let data = try JSONSerialization.data(withJSONObject: body)
            try process.runAndWrite(arguments: arguments, input: input, data: data, output: output)
        } else {
            process.arguments = arguments
            process.standardOutput = output
            try process.run()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw WebDriverError(message: "curl \(method) \(url): exit \(process.terminationStatus)") }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}

extension Process {
    /// Runs with `arguments`, writes `data` to standard input and closes it.
    fileprivate func runAndWrite(arguments: [String], input: Pipe, data: Data, output: Pipe) throws {
        self.arguments = arguments
        standardOutput = output
        try run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
    }
}

/// What chromedriver answered when a command failed.
struct WebDriverError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
