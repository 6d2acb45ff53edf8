import Foundation
import GRDB
import Logging
import ShojiPipeline
import ShojiPolicy
@testable import ShojiStore
import ShojiVision
import Testing

/// Repeat visits and the watchlist on real photos: dlib's johns set, 55 LFW photos of 5 people, 11 each.
@Suite("Repeat visits (use case 3) and the watchlist on dlib's johns photos")
struct IdentityPipelineTests {
    /// The johns photos in the order the camera plays them.
    static func johns() throws -> [URL] {
        let photos = try MediaInput(argument: PipelineFixture.media.appendingPathComponent("johns").path).folderImages()
        try #require(photos.count == 55, "media/johns is missing: run scripts/setup")
        return photos
    }

    /// A key folder and the tenant's keys.
    static func keys(in folder: URL) throws -> TenantKeyring {
        try TenantKeyring.create(tenant: "shoji-retail", folder: folder.appendingPathComponent("keys"), environment: [:])
    }

    /// The person (folder name) of each visit, by visitor, read back from the store.
    static func visitsByVisitor(_ store: AnalyticsStore, photos: [URL]) async throws -> [String: [String]] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT visitor_id, visited_at FROM repeat_visit ORDER BY visited_at").reduce(into: [:]) { result, row in
                // Photo n of the folder is seen n - 1 seconds after the run's start (one photo a second).
                let index = Int((row["visited_at"] as Double) - PipelineFixture.start.timeIntervalSince1970 + 0.5)
                result[row["visitor_id"] as String, default: []].append(photos[index].deletingLastPathComponent().lastPathComponent)
            }
        }
    }

    @Test("55 photos as 55 visits: exactly 5 visitors with 11 visits each, no visitor holding two people; no id or vector in the logs")
    func johnsAsVisits() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = try Self.johns()
        let keys = try Self.keys(in: folder)
        let log = LogCapture()
        let deployment = try PipelineFixture.approve(try PipelineFixture.example("repeat"), in: folder)
        let store = try AnalyticsStore(path: folder.appendingPathComponent("test.sqlite").path)
        var logger = Logger(label: "test") { _ in log }
        logger.logLevel = .trace
        let pipeline = try Pipeline(deployment: deployment, store: store, keys: keys,
                                    options: PipelineFixture.options(folder: folder, frames: nil), logger: logger)
        try await pipeline.run()
        let status = try #require(pipeline.status.first)
        #expect(status.framesProcessed == 55 && status.faceFrames == 55, "one face stage per frame")
        let visits = try await Self.visitsByVisitor(store, photos: photos)
        #expect(visits.count == 5, "\(visits.mapValues(\.count))")
        #expect(visits.values.allSatisfy { $0.count == 11 && Set($0).count == 1 }, "no false merge: \(visits.values.map { Set($0) })")
        #expect(Set(visits.values.compactMap(\.first)).count == 5)
        let totals = try await store.records(of: "shoji-retail").repeatVisitTotals(ReportQuery(since: .distantPast))
        #expect(totals.map(\.visits).reduce(0, +) == 55 && totals.map(\.newVisitors).reduce(0, +) == 5)
        #expect(totals.map(\.returningVisits).reduce(0, +) == 50)
        let vectors = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vault_vector") }
        #expect(vectors == 15, "each visitor keeps its 3 newest vectors")
        // Nothing per person reaches the logs: no visitor id, no vector value.
        let text = log.text
        for visitor in visits.keys { #expect(!text.contains(visitor)) }
        #expect(text.range(of: #"(-?0\.\d{4,}[, ]+){8}"#, options: .regularExpression) == nil, "a run of numbers like a vector")
    }

    @Test("the same photos in another order still give 5 visitors and never link two people")
    func shuffledOrder() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SeededRandom(seed: 2026)
        let photos = try Self.johns().shuffled(using: &random)
        let shuffled = folder.appendingPathComponent("shuffled")
        try FileManager.default.createDirectory(at: shuffled, withIntermediateDirectories: true)
        var played: [URL] = []
        for (index, photo) in photos.enumerated() {
            let link = shuffled.appendingPathComponent(String(format: "%03d-%@", index, photo.deletingLastPathComponent().lastPathComponent) + ".jpg")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: photo)
            played.append(photo)
        }
        var manifest = try PipelineFixture.example("repeat")
        try manifest.set("cameras[0].source", yaml: "'\(shuffled.path)'")
        let (store, _) = try await PipelineFixture.run(manifest, folder: folder, frames: nil, keys: try Self.keys(in: folder))
        let visits = try await Self.visitsByVisitor(store, photos: played)
        #expect(visits.values.allSatisfy { Set($0).count == 1 }, "no false merge: \(visits.values.map { Set($0) })")
        #expect(visits.count == 5, "\(visits.mapValues(\.count))")
    }

    @Test("a person who asked to stop is dropped before anything about them is recorded, not even a count")
    func optOutFirst() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = try Self.johns()
        let keys = try Self.keys(in: folder)
        let deployment = try PipelineFixture.approve(try PipelineFixture.example("repeat"), in: folder)
        let store = try AnalyticsStore(path: folder.appendingPathComponent("test.sqlite").path)
        try await store.recordDeployment(DeploymentRecord(deploymentID: deployment.deploymentID, tenantID: deployment.tenant,
                                                          manifestSHA256: deployment.manifestSHA256, approvedAt: Date(), assessmentJSON: "{}"))
        let secret = try await store.addUser(tenant: "shoji-retail", name: "dpo", role: .privacyOfficer, creator: nil)
        let officer = try await store.authenticate(tenant: "shoji-retail", name: "dpo", secret: secret)
        let requests = try FeatureVault(store: store, deployment: deployment, access: .rightsRequests(officer), keys: keys)
        // John Simm brings one of his photos and asks to be left out.
        let simm = try #require(photos.first { $0.path.contains("John_Simm") })
        let face = try PhotoFaces().onlyFace(in: simm)
        let request = try await requests.openRequest(.stop, receivedOn: CalendarDay(Date()), requestedMethod: "electronic",
                                                     probe: face.embedding.values, threshold: 0.45)
        try await requests.stopUse(request.requestID, probe: face.embedding.values, until: Date().addingTimeInterval(86_400 * 365))
        let pipeline = try Pipeline(deployment: deployment, store: store, keys: keys,
                                    options: PipelineFixture.options(folder: folder, frames: nil))
        try await pipeline.run()
        let visits = try await Self.visitsByVisitor(store, photos: photos)
        #expect(visits.count == 4)
        #expect(!visits.values.joined().contains("John_Simm"), "\(visits.mapValues { Set($0) })")
        let totals = try await store.records(of: "shoji-retail").repeatVisitTotals(ReportQuery(since: .distantPast))
        #expect(totals.map(\.visits).reduce(0, +) == 44, "his 11 visits are not even counted")
        let purposes = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT purpose FROM vault_vector WHERE purpose <> 'repeat'") }
        #expect(purposes == ["opt_out"])
    }

    @Test("a registered person raises one alert per photo for a person to review; no other face is kept")
    func watchlistAlerts() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = try Self.johns()
        let keys = try Self.keys(in: folder)
        let deployment = try PipelineFixture.approve(try PipelineFixture.example("watchlist"), in: folder)
        let store = try AnalyticsStore(path: folder.appendingPathComponent("test.sqlite").path)
        try await store.recordDeployment(DeploymentRecord(deploymentID: deployment.deploymentID, tenantID: deployment.tenant,
                                                          manifestSHA256: deployment.manifestSHA256, approvedAt: Date(), assessmentJSON: "{}"))
        let officerSecret = try await store.addUser(tenant: "shoji-retail", name: "dpo", role: .privacyOfficer, creator: nil)
        let officer = try await store.authenticate(tenant: "shoji-retail", name: "dpo", secret: officerSecret)
        let staffSecret = try await store.addUser(tenant: "shoji-retail", name: "staff", role: .operator, creator: officer)
        let staff = try await store.authenticate(tenant: "shoji-retail", name: "staff", secret: staffSecret)
        let savage = try #require(photos.first { $0.path.contains("John_Savage") })
        let registration = try FeatureVault(store: store, deployment: deployment, access: .watchlistRegistration(staff), keys: keys)
        let entry = try await registration.registerWatchlistEntry(
            vector: try PhotoFaces().onlyFace(in: savage).embedding.values, category: "shoplifting", evidence: "被害届 第12号",
            evidenceDate: CalendarDay(year: 2026, month: 11, day: 1)!, publishedCategories: ["shoplifting"],
            expiresAt: Date().addingTimeInterval(86_400 * 30))
        _ = try await FeatureVault(store: store, deployment: deployment, access: .watchlistRegistration(officer), keys: keys)
            .approveWatchlistEntry(entry.entryID, reviewAt: Date().addingTimeInterval(86_400 * 90))
        var options = PipelineFixture.options(folder: folder, frames: nil)
        options.clock = { Date() }   // the entry is valid now
        let log = LogCapture()
        var logger = Logger(label: "test") { _ in log }
        logger.logLevel = .trace
        let pipeline = try Pipeline(deployment: deployment, store: store, keys: keys, options: options, logger: logger)
        try await pipeline.run()
        for secret in [officerSecret, staffSecret, entry.entryID.uuidString.lowercased(), entry.entryID.uuidString] {
            #expect(!log.text.contains(secret), "no secret or entry id in the logs")
        }
        let alerts = try await store.matchAlerts(by: staff)
        #expect(alerts.count == 11 && alerts.allSatisfy { $0.entryID == entry.entryID && $0.status == .pending })
        let vectors = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT subject_id FROM vault_vector") }
        #expect(vectors == [entry.entryID.uuidString.lowercased()], "the 54 non-matching faces left nothing behind")
    }

    @Test("a manifest edited after approval is refused at start; an identity camera without keys does not start")
    func refusedAtStart() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deployment = try PipelineFixture.approve(try PipelineFixture.example("repeat"), in: folder)
        let store = try AnalyticsStore(path: folder.appendingPathComponent("test.sqlite").path)
        #expect(throws: PipelineError.self) { try Pipeline(deployment: deployment, store: store) }
        let pipeline = try Pipeline(deployment: deployment, store: store, keys: try Self.keys(in: folder),
                                    options: PipelineFixture.options(folder: folder, frames: nil))
        let handle = try FileHandle(forWritingTo: deployment.manifestFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("# changed after approval\n".utf8))
        try handle.close()
        await #expect(throws: ApprovalError.manifestChanged(path: deployment.manifestFile.path)) { try await pipeline.run() }
        #expect(try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deployment") } == 0,
                "nothing ran: not even the deployment was recorded")
    }
}

/// Collects every log line of a run, to look for what must never be logged.
final class LogCapture: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        let entry = "\(level) \(message) \(metadata ?? [:]) \(self.metadata)"
        lock.withLock { lines.append(entry) }
    }

    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

/// A seeded generator, so a shuffled order is the same on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
