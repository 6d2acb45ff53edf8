import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ShojiPolicy
import ShojiServer
import ShojiStore

/// `shoji bench console`: how long the console's pages take over a year of per-minute records, beside the same
/// pages over one day of records in the same run; and how many authenticated API requests a second the server
/// answers (wrk on loopback).
struct ConsoleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Console page latency over a year vs a day of per-minute records for N cameras; API requests/s (wrk).",
        discussion: """
            Two stores are filled with per-minute line crossings (in and out) and attribute counts for --cameras \
            cameras under examples/counting.yaml and examples/attributes.yaml: one with a day of records, one \
            with --days of them. A real server (loopback, port chosen by the system) answers the overview page \
            and each chart --requests times per store, logged in as a privacy officer; p50 and p99 are reported \
            and the year/day ratio. Then wrk (Debian's package) calls GET /api/v1/deployments with a bearer \
            token for --seconds on --connections connections; errors and non-2xx answers are counted.
            """
    )

    @Option(help: "Cameras with records.")
    var cameras: Int = 10

    @Option(help: "Days of per-minute records in the large store.")
    var days: Int = 365

    @Option(help: "Requests per page and store.")
    var requests: Int = 200

    @Option(help: "Seconds of wrk load on the API.")
    var seconds: Int = 10

    @Option(help: "Connections wrk keeps open.")
    var connections: Int = 32

    @Option(help: "Folder holding counting.yaml and attributes.yaml.")
    var examples: String = "examples"

    @OptionGroup var repetition: BenchRuns

    func validate() throws {
        guard cameras >= 1, days >= 2, requests >= 10, seconds >= 1, connections >= 1 else {
            throw ValidationError("--cameras, --seconds and --connections must be at least 1, --days at least 2, --requests at least 10")
        }
    }

    /// Latencies of one page over one store.
    struct PageFigures {
        var page: String
        var p50: Double
        var p99: Double
    }

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-bench-console-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pages = ["/console", "/console/deployments/counting/charts/crossings.svg", "/console/deployments/attributes/charts/attributes.svg"]
        var figures: [String: [PageFigures]] = [:]
        var apiRates: [Double] = [], apiErrors = 0
        for (label, span) in [("day", 1), ("year", days)] {
            let folder = scratch.appendingPathComponent(label)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let started = Date()
            let (store, deployments, user) = try failingWithOneLine { try fill(folder: folder, days: span) }
            FileHandle.standardError.write(Data(String(format: "%@ store: %d days × %d cameras filled in %.0f s\n", label, span, cameras,
                                                       Date().timeIntervalSince(started)).utf8))
            var configuration = ServerConfiguration()
            configuration.port = 0
            var logger = Logger(label: "shoji.bench")
            logger.logLevel = .warning
            let server = ShojiServer(store: store, deployments: deployments, configuration: configuration, logger: logger)
            let measured = try failingWithOneLine {
                try runBlocking { () async throws -> ([PageFigures], [Double], Int) in
                    try await measure(server: server, store: store, user: user, pages: pages, api: label == "year")
                }
            }
            figures[label] = measured.0
            apiRates += measured.1
            apiErrors += measured.2
        }
        print("benchmark: shoji console pages over \(days) days vs 1 day of per-minute records, \(cameras) cameras; \(requests) requests each, median of \(repetition.runs) runs; \(ProcessInfo.processInfo.activeProcessorCount) cores")
        var worstP99 = 0.0
        for (index, page) in pages.enumerated() {
            guard let day = figures["day"]?[index], let year = figures["year"]?[index] else { continue }
            worstP99 = max(worstP99, year.p99)
            print(String(format: "  %-58@ day p50 %6.2f ms p99 %6.2f ms | year p50 %6.2f ms p99 %6.2f ms | year/day p99 %.2f",
                         page as NSString, day.p50, day.p99, year.p50, year.p99, year.p99 / max(day.p99, 0.001)))
        }
        print(String(format: "  target p99 <= 50 ms over a year: %@ (worst %.2f ms)", worstP99 <= 50 ? "met" : "NOT met", worstP99))
        let rate = median(apiRates)
        print(String(format: "  API GET /api/v1/deployments, bearer token, %d connections: %.0f requests/s (median of %d), %d errors or non-2xx",
                     connections, rate, apiRates.count, apiErrors))
        print("  target >= 1,000 requests/s without an error: \(rate >= 1000 && apiErrors == 0 ? "met" : "NOT met")")
        if let json = repetition.json {
            var pagesJSON: [[String: Any]] = []
            for (index, page) in pages.enumerated() {
                guard let day = figures["day"]?[index], let year = figures["year"]?[index] else { continue }
                pagesJSON.append(["page": page, "day_p50_ms": day.p50, "day_p99_ms": day.p99, "year_p50_ms": year.p50,
                                  "year_p99_ms": year.p99, "ratio_p99": year.p99 / max(day.p99, 0.001)])
            }
            try writeFigures(["benchmark": "console", "cameras": cameras, "days": days, "requests": requests, "runs": repetition.runs,
                              "cores": ProcessInfo.processInfo.activeProcessorCount, "pages": pagesJSON,
                              "api_requests_per_second": rate, "api_errors": apiErrors, "connections": connections], to: json)
        }
    }

    /// A store with `days` of per-minute records ending now, the two example deployments approved, and a
    /// privacy officer signed in.
    private func fill(folder: URL, days: Int) throws -> (AnalyticsStore, [ApprovedDeployment], AuthenticatedUser) {
        let store = try AnalyticsStore(path: folder.appendingPathComponent("console.sqlite").path)
        var deployments: [ApprovedDeployment] = []
        for example in ["counting", "attributes"] {
            let file = folder.appendingPathComponent("\(example).yaml")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: examples).appendingPathComponent("\(example).yaml"), to: file)
            deployments.append(try ApprovedDeployment.approve(manifestAt: file, deploymentID: example, asOf: CalendarDay(Date())))
        }
        let (cameras, deploymentsCopy) = (self.cameras, deployments)
        let user = try runBlocking { () async throws -> AuthenticatedUser in
            for deployment in deploymentsCopy {
                try await store.recordDeployment(DeploymentRecord(
                    deploymentID: deployment.deploymentID, tenantID: deployment.tenant, manifestSHA256: deployment.manifestSHA256,
                    approvedAt: deployment.approvedAt, assessmentJSON: "{}"))
            }
            let end = Int(Date().timeIntervalSince1970) / 60 * 60
            let bands = AgeBand.allCases, genders: [Gender] = [.female, .male]
            // A day per batch: each is one transaction, as a camera's writer would store a day's flushes.
            for day in 0..<days {
                var crossings: [LineCrossingCount] = [], attributes: [AttributeCount] = []
                for minute in 0..<1440 {
                    let start = end - ((day * 1440 + minute) * 60)
                    let bucket = try TimeBucket(start: Date(timeIntervalSince1970: TimeInterval(start)), seconds: 60)
                    for camera in 0..<cameras {
                        let id = "camera-\(camera + 1)"
                        crossings.append(LineCrossingCount(deploymentID: "counting", cameraID: id, lineID: "gate", direction: .in,
                                                           bucket: bucket, count: (minute + camera) % 7 + 1))
                        crossings.append(LineCrossingCount(deploymentID: "counting", cameraID: id, lineID: "gate", direction: .out,
                                                           bucket: bucket, count: (minute * 3 + camera) % 5 + 1))
                        attributes.append(AttributeCount(deploymentID: "attributes", cameraID: id, bucket: bucket,
                                                         ageBand: bands[(minute + camera) % bands.count],
                                                         gender: genders[(minute / 7 + camera) % 2], count: minute % 3 + 1))
                    }
                }
                try await store.record(AnalyticsBatch(lineCrossings: crossings, attributes: attributes))
            }
            let tenant = deploymentsCopy[0].tenant
            let secret = try await store.addUser(tenant: tenant, name: "bench", role: .privacyOfficer, creator: nil)
            return try await store.authenticate(tenant: tenant, name: "bench", secret: secret)
        }
        return (store, deployments, user)
    }

    /// Serves `server` on a free loopback port, times each page, then (for the API) runs wrk.
    private func measure(server: ShojiServer, store: AnalyticsStore, user: AuthenticatedUser, pages: [String],
                         api: Bool) async throws -> ([PageFigures], [Double], Int) {
        let ports = AsyncStream<Int>.makeStream()
        let group = ServiceGroup(services: [server.application { port in ports.continuation.yield(port) }], logger: Logger(label: "shoji.bench"))
        let serving = Task { try await group.run() }
        defer {
            Task { await group.triggerGracefulShutdown() }
        }
        var iterator = ports.stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CommandFailure("the server did not start") }
        let session = try await store.issueToken(for: user, kind: .console, lifetime: 3600)
        let token = try await store.issueToken(for: user, kind: .api, lifetime: 3600)
        var figures: [PageFigures] = []
        for page in pages {
            var p50s: [Double] = [], p99s: [Double] = []
            for _ in 1...repetition.runs {
                var times: [Double] = []
                for index in 0..<(requests + 10) {
                    let started = DispatchTime.now().uptimeNanoseconds
                    try await Self.get("http://127.0.0.1:\(port)\(page)", cookie: "shoji_session=\(session)")
                    if index >= 10 { times.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) }
                }
                p50s.append(VaultBench.percentile(times, 0.5))
                p99s.append(VaultBench.percentile(times, 0.99))
            }
            figures.append(PageFigures(page: page, p50: median(p50s), p99: median(p99s)))
        }
        _ = serving
        var rates: [Double] = [], errors = 0
        if api {
            for _ in 1...repetition.runs {
                let (rate, failed) = try wrk("http://127.0.0.1:\(port)/api/v1/deployments", token: token)
                rates.append(rate)
                errors += failed
            }
        }
        return (figures, rates, errors)
    }

    /// A client without a cookie store, so the session cookie sent is exactly the one set on each request.
    private static let client: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration)
    }()

    /// One GET with exactly `cookie` (no cookie store); anything but a 200 from the page itself (a redirect to the
    /// login page, say) stops the benchmark.
    private static func get(_ url: String, cookie: String) async throws {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        let (_, response) = try await client.data(for: request)
        guard let status = (response as? HTTPURLResponse)?.statusCode, status == 200, response.url?.absoluteString == url else {
            throw CommandFailure("GET \(url) answered \((response as? HTTPURLResponse)?.statusCode ?? 0) from \(response.url?.absoluteString ?? "?")")
        }
    }

    /// Runs wrk against `url`; returns requests per second and the errors plus non-2xx answers it counted.
    private func wrk(_ url: String, token: String) throws -> (Double, Int) {
        let binary = "/usr/bin/wrk"
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw CommandFailure("wrk missing: run scripts/setup (Debian's wrk)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-t2", "-c\(connections)", "-d\(seconds)s", "-H", "Authorization: Bearer \(token)", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        func number(after label: String) -> Double? {
            guard let line = text.split(separator: "\n").first(where: { $0.contains(label) }) else { return nil }
            return line.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }.first
        }
        guard let rate = number(after: "Requests/sec:") else { throw CommandFailure("wrk printed no rate:\n\(text)") }
        var errors = Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
        if let line = text.split(separator: "\n").first(where: { $0.contains("Socket errors:") }) {
            errors += line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
        }
        FileHandle.standardError.write(Data(String(format: "wrk: %.0f requests/s, %d errors\n", rate, errors).utf8))
        return (rate, errors)
    }
}
