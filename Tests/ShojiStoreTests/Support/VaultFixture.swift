import Foundation
import ShojiPolicy
import Testing
@testable import ShojiStore

/// Approved deployments, keys, users and vectors for vault tests: the repository's repeat and watchlist
/// examples, approved as ShojiPolicy approves any manifest.
struct VaultFixture {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The examples' assessment day.
    static let day = CalendarDay(year: 2026, month: 12, day: 1)!

    let folder: TemporaryDirectory
    let store: AnalyticsStore

    init() throws {
        folder = try TemporaryDirectory()
        store = try AnalyticsStore(path: folder.path("vault.sqlite"))
    }

    /// The database file's path.
    var path: String { folder.path("vault.sqlite") }

    /// An example approved; `tenant` rewrites its tenant (a second controller on the same node), `edit` any text.
    func deployment(_ example: String, tenant: String? = nil, edit: (String) -> String = { $0 }) async throws -> ApprovedDeployment {
        var text = try String(contentsOf: Self.root.appendingPathComponent("examples/\(example).yaml"), encoding: .utf8)
        if let tenant { text = text.replacingOccurrences(of: "tenant: shoji-retail", with: "tenant: \(tenant)") }
        text = edit(text)
        let url = folder.url.appendingPathComponent("\(example)-\(tenant ?? "shoji-retail").yaml")
        try Data(text.utf8).write(to: url)
        let deployment = try ApprovedDeployment.approve(manifestAt: url, asOf: Self.day)
        try await store.recordDeployment(DeploymentRecord(
            deploymentID: deployment.deploymentID, tenantID: deployment.tenant, manifestSHA256: deployment.manifestSHA256,
            approvedAt: deployment.approvedAt, assessmentJSON: "{}"))
        return deployment
    }

    /// The key folder of this fixture.
    var keyFolder: URL { folder.url.appendingPathComponent("keys") }

    /// A key file for `tenant`, created on first use.
    func keys(_ tenant: String = "shoji-retail") throws -> TenantKeyring {
        do {
            return try TenantKeyring.load(tenant: tenant, folder: keyFolder, environment: [:])
        } catch VaultError.noKeys {
            return try TenantKeyring.create(tenant: tenant, folder: keyFolder, environment: [:])
        }
    }

    /// A privacy officer, an operator and a second privacy officer of `tenant`, signed in.
    func users(_ tenant: String = "shoji-retail") async throws -> (officer: AuthenticatedUser, staff: AuthenticatedUser,
                                                                   secondOfficer: AuthenticatedUser) {
        let officerSecret = try await store.addUser(tenant: tenant, name: "dpo", role: .privacyOfficer, creator: nil)
        let officer = try await store.authenticate(tenant: tenant, name: "dpo", secret: officerSecret)
        let staffSecret = try await store.addUser(tenant: tenant, name: "staff", role: .operator, creator: officer)
        let secondSecret = try await store.addUser(tenant: tenant, name: "dpo2", role: .privacyOfficer, creator: officer)
        return (officer, try await store.authenticate(tenant: tenant, name: "staff", secret: staffSecret),
                try await store.authenticate(tenant: tenant, name: "dpo2", secret: secondSecret))
    }

    /// A deterministic pseudo-random vector of norm about 1.4 (like dlib's), different per `seed`.
    static func vector(_ seed: UInt64) -> [Float] {
        var random = SplitMix64(seed: seed &* 7919 &+ 1)
        return (0..<128).map { _ in Float(Double(random.next() % 10_000) / 10_000 - 0.5) * 0.43 }
    }

    /// `vector` moved by about `distance`.
    static func near(_ vector: [Float], _ distance: Float, seed: UInt64 = 99) -> [Float] {
        var random = SplitMix64(seed: seed)
        let step = (0..<128).map { _ in Float(Double(random.next() % 10_000) / 10_000 - 0.5) }
        let norm = step.map { $0 * $0 }.reduce(0, +).squareRoot()
        return zip(vector, step).map { $0 + $1 / norm * distance }
    }

    /// The little-endian bytes of a vector's values, as they would sit in a file unsealed.
    static func bytes(_ vector: [Float]) -> Data {
        vector.withUnsafeBufferPointer { Data(buffer: $0) }
    }
}
