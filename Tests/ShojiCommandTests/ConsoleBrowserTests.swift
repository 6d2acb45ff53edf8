import Foundation
import Testing

/// The console and the public pages as people use them: `shoji serve` over records made by `shoji run`, driven
/// in headless Chromium through chromedriver. Screenshots go to out/screenshots/ for a person to look at.
@Suite("Console and portal in Chromium", .serialized)
struct ConsoleBrowserTests {
    static let screenshots = ShojiProcess.repository.appendingPathComponent("out/screenshots")

    @Test("log in, see the charts, approve a watchlist entry as a second person, file a request with a photo as the public, disclose it as the operator, record an incident",
          .timeLimit(.minutes(10)))
    func wholeStory() async throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("console.sqlite").path
        let keys = folder.appendingPathComponent("keys").path
        let repository = ShojiProcess.repository
        let environment = ["SHOJI_KEYS": keys, "SHOJI_MEDIA": ShojiProcess.media.path]
        func shoji(_ arguments: [String], as user: (String, String)? = nil) throws -> String {
            var environment = environment
            if let user { (environment["SHOJI_USER"], environment["SHOJI_SECRET"]) = user }
            let result = try ShojiProcess.run(arguments, in: repository, environment: environment)
            try #require(result.status == 0, "shoji \(arguments.joined(separator: " ")): \(result.standardError)")
            return result.standardOutput
        }
        func secret(_ output: String) throws -> String {
            try #require(output.split(separator: "\n").first { $0.hasPrefix("secret") }?.split(separator: " ").last.map(String.init))
        }
        // Records from the real pipeline: crossings and flow on the street video, attributes on the face photos.
        for example in ["counting", "attributes"] {
            _ = try shoji(["run", "examples/\(example).yaml", "--until-end", "--quiet", "--max-frames", "250", "--database", database,
                           "--output", folder.appendingPathComponent("run").path])
        }
        _ = try shoji(["keys", "init", "examples/watchlist.yaml"])
        let watchlist = ["examples/watchlist.yaml", "--database", database]
        let dpo = try secret(try shoji(["users", "add", "dpo", "--role", "privacy_officer"] + watchlist))
        let staff = try secret(try shoji(["users", "add", "staff", "--role", "operator"] + watchlist, as: ("dpo", dpo)))
        let dpo2 = try secret(try shoji(["users", "add", "dpo2", "--role", "privacy_officer"] + watchlist, as: ("dpo", dpo)))
        let photos = try FileManager.default.contentsOfDirectory(atPath: ShojiProcess.media.appendingPathComponent("johns/John_Savage").path)
            .filter { $0.hasSuffix(".jpg") }.sorted().map { ShojiProcess.media.appendingPathComponent("johns/John_Savage/\($0)").path }
        let photo = try #require(photos.first)
        _ = try shoji(["watchlist", "add"] + watchlist + ["--photo", photo, "--evidence", "被害届 受理番号 2026-1234",
                                                          "--evidence-date", "2026-11-20", "--category", "shoplifting"], as: ("staff", staff))

        let server = try ServeProcess(arguments: ["serve", "--database", database, "--port", "0", "--no-cameras", "--keys", keys,
                                                  "--manifest", "examples/counting.yaml", "--manifest", "examples/attributes.yaml",
                                                  "--manifest", "examples/watchlist.yaml"], in: repository, environment: environment)
        defer { server.stop() }
        let site = "http://127.0.0.1:\(try await server.port())"
        let browser = try await WebDriver()
        do {
            try await story(browser, site: site, staff: staff, dpo2: dpo2, requestPhoto: try #require(photos.dropFirst().first))
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// What the people do in the browser.
    private func story(_ browser: WebDriver, site: String, staff: String, dpo2: String, requestPhoto: String) async throws {

        // The privacy officer who did not register the entry logs in, sees the statistics, approves the entry.
        try await login(browser, site: site, name: "dpo2", secret: dpo2)
        try await browser.open("\(site)/console")
        let charts = try await browser.run("""
            return Array.from(document.querySelectorAll('.charts img')).map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0]);
            """) as? [[Any]] ?? []
        #expect(charts.count >= 2, "charts on the overview: \(charts)")
        #expect(charts.allSatisfy { $0.last as? Bool == true }, "every chart image loaded: \(charts)")
        #expect(charts.contains { ($0.first as? String)?.hasSuffix("crossings.svg") == true })
        #expect(charts.contains { ($0.first as? String)?.hasSuffix("attributes.svg") == true })
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("console-overview.png"))
        try await browser.open("\(site)/console/deployments/counting/charts/crossings.svg")
        let crossings = try await browser.source()
        #expect(crossings.contains("<rect") && !crossings.contains("no data yet") && !crossings.contains("データがありません"))
        try await browser.open("\(site)/console/deployments/watchlist")
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("console-deployment.png"))
        try await browser.open("\(site)/console/watchlist")
        #expect(try await browser.source().contains("pending"))
        try await browser.click("form[action*='/approve'] button")
        let approved = try await browser.source()
        #expect(approved.contains("approved") && !approved.contains(">pending<"), "the entry is approved")
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("console-watchlist-approved.png"))
        try await browser.click("form[action='/logout'] button")

        // A member of the public reads the notice page and files a request with another photo of themselves, in English.
        try await browser.open("\(site)/notice/watchlist")
        let notice = try await browser.source()
        #expect(notice.contains("id=\"requests\""))
        #expect(notice.contains("\(site)/notice/watchlist"), "the page and its QR code point at this server")
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("public-notice.png"))
        try await browser.open("\(site)/requests/new?deployment=watchlist&lang=en")
        try await browser.click("input[value='disclosure']")
        try await browser.type("input[name='contact']", "hanako@example.jp")
        try await browser.type("input[name='photo']", requestPhoto)
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("public-request-form.png"))
        try await browser.click("form[action='/requests'] button")
        let ticketURL = try await browser.currentURL()
        let ticket = try #require(ticketURL.split(separator: "/").last?.split(separator: "?").first.map(String.init))
        #expect(ticket.count == 19, "ticket page \(ticketURL)")
        let filed = try await browser.source()
        #expect(filed.contains("being handled") && filed.contains("Your photo was compared and discarded"), "\(filed.suffix(800))")
        #expect(!filed.contains(">nil<"), "no empty value printed as nil")
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("public-request-filed.png"))

        // The operator sees that the photo matched and answers with a disclosure: the page to send to the person
        // lists the watchlist entry. The public ticket page then says it was answered.
        try await login(browser, site: site, name: "staff", secret: staff)
        try await browser.open("\(site)/console/requests")
        let requests = try await browser.source()
        #expect(requests.contains(ticket) && requests.contains("photo: 1 matched"), "\(requests.suffix(1500))")
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("console-requests.png"))
        try await browser.click("form[action*='/answer'] button[value='disclose']")
        let disclosure = try await browser.source()
        #expect(disclosure.contains("Registration for crime-prevention face identification") && disclosure.contains("shoplifting"),
                "\(disclosure.suffix(1500))")
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("console-request-disclosure.png"))
        try await browser.open("\(site)/requests/\(ticket)")
        #expect(try await browser.source().contains("answered"))

        // The operator records an incident: its deadlines and draft report are shown.
        let incident = try String(contentsOf: ShojiProcess.repository.appendingPathComponent("examples/incidents/ransomware-repeat.yaml"), encoding: .utf8)
        try await browser.open("\(site)/console/incidents")
        _ = try await browser.run("document.querySelector('textarea[name=document]').value = arguments[0];", arguments: [incident])
        try await browser.click("form[action='/console/incidents'] button")
        let recorded = try await browser.source()
        #expect(recorded.contains("INC-2026-001") && recorded.contains("Preliminary report to the PPC") && recorded.contains("2026-12-15"),
                "\(recorded.suffix(1500))")
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("console-incident.png"))
    }

    private func login(_ browser: WebDriver, site: String, name: String, secret: String) async throws {
        try await browser.open("\(site)/login?lang=en")
        try await browser.type("input[name='name']", name)
        try await browser.type("input[name='secret']", secret)
        try await browser.click("form[action='/login'] button")
        let url = try await browser.currentURL()
        if !url.hasSuffix("/console") {
            let page = try await browser.source()
            Issue.record("after login as \(name): \(url)\n\(page.suffix(1200))")
        }
    }
}

/// `shoji serve` running in the background; ``port()`` waits for the line that says where it listens.
final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let errors = Pipe()
    private let lock = NSLock()
    private var printed = ""

    init(arguments: [String], in directory: URL, environment: [String: String]) throws {
        process.executableURL = try ShojiProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// The port from "console at http://HOST:PORT/console".
    func port() async throws -> Int {
        for _ in 0..<300 {
            let text = lock.withLock { printed }
            if let range = text.range(of: #"127\.0\.0\.1:([0-9]+)/console"#, options: .regularExpression) {
                let match = text[range].dropFirst("127.0.0.1:".count).prefix { $0.isNumber }
                if let port = Int(match) { return port }
            }
            try #require(process.isRunning, "shoji serve ended: \(text)")
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverError(message: "shoji serve printed no port: \(lock.withLock { printed })")
    }

    /// SIGTERM, then wait; the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    /// What the server printed on standard error so far.
    var standardError: String { lock.withLock { printed } }
}
