import Foundation
import Testing
@testable import ShojiStore

/// A fresh folder under the system temp dir, removed when the test's value goes away.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Path of a file in the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A store on `name`, with the fixture deployment recorded.
    func store(_ name: String = "analytics.sqlite", options: AnalyticsStore.Options = .init()) async throws -> AnalyticsStore {
        let store = try AnalyticsStore(path: path(name), options: options)
        try await store.recordDeployment(Fixture.deployment)
        return store
    }
}

/// Shared test values.
enum Fixture {
    static let deploymentID = "dep-station-east"
    /// The tenant of ``deployment``: whose records the tests read.
    static let tenant = "tenant-a"
    static let deployment = DeploymentRecord(
        deploymentID: deploymentID, tenantID: tenant,
        manifestSHA256: String(repeating: "ab", count: 32), approvedAt: Date(timeIntervalSince1970: 1_780_000_000),
        assessmentJSON: #"{"findings":[]}"#)
    /// 2026-06-01T00:00:00Z, a whole hour.
    static let day = Date(timeIntervalSince1970: 1_780_272_000)

    static func bucket(_ offsetSeconds: Int, seconds: Int = 300) throws -> TimeBucket {
        try TimeBucket(containing: day.addingTimeInterval(TimeInterval(offsetSeconds)), seconds: seconds)
    }

    static func crossing(camera: String = "cam-1", line: String = "gate", _ direction: CrossingDirection = .in,
                         bucket: TimeBucket, count: Int) -> LineCrossingCount {
        LineCrossingCount(deploymentID: deploymentID, cameraID: camera, lineID: line, direction: direction, bucket: bucket, count: count)
    }
}

/// Bytes of the database file and its -wal and -shm companions, concatenated (missing files count as empty).
func databaseFileBytes(_ path: String) -> Data {
    ["", "-wal", "-shm"].reduce(into: Data()) { all, suffix in
        if let data = FileManager.default.contents(atPath: path + suffix) { all.append(data) }
    }
}
