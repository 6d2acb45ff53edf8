import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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
        let port = Int.random(in: 20_000...40_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = (try? await Self.call(base.appendingPathComponent("status"), method: "GET", body: nil)) != nil
        }
        try #require(ready, "chromedriver did not start")
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
        let element = (value as? [String: Any])?.first { $0.key.hasPrefix("element-") }?.value as? String
        return try #require(element, "no element \(css) on \(try await currentURL())")
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

    /// Runs `script` in the page and returns its result.
    func run(_ script: String) async throws -> Any? {
        try await command("execute/sync", body: ["script": script, "args": []])
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

    private static func call(_ url: URL, method: String, body: [String: Any]?) async throws -> [String: Any] {
        var request = URLRequest(url: url, timeoutInterval: 60)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}

/// What chromedriver answered when a command failed.
struct WebDriverError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
