import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ShojiPolicy
@testable import ShojiServer
import ShojiStore
import Testing

/// A server over a fresh store with two tenants: shoji-retail (the counting and watchlist examples, a user of
/// every role, each with an API token) and shoji-railway (the congestion example, one privacy officer).
struct ServerFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let folder: URL
    let store: AnalyticsStore
    let server: ShojiServer
    let deployments: [String: ApprovedDeployment]
    /// The retail tenant's users by role, and their API tokens and secrets.
    let users: [Role: AuthenticatedUser]
    let tokens: [Role: String]
    let secrets: [Role: String]
    /// A privacy officer of the railway tenant (`rail-dpo`): their token and secret.
    let otherTenantToken: String
    let otherTenantSecret: String

    static func make(configuration: ServerConfiguration = ServerConfiguration()) async throws -> ServerFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try AnalyticsStore(path: folder.appendingPathComponent("server.sqlite").path)
        var deployments: [String: ApprovedDeployment] = [:]
        for example in ["counting", "watchlist", "congestion"] {
            let source = try String(contentsOf: repository.appendingPathComponent("examples/\(example).yaml"), encoding: .utf8)
            let file = folder.appendingPathComponent("\(example).yaml")
            try source.write(to: file, atomically: true, encoding: .utf8)
            let day = CalendarDay(Date())
            let deployment = try ApprovedDeployment.approve(manifestAt: file, deploymentID: example, asOf: day)
            deployments[example] = deployment
            try await store.recordDeployment(DeploymentRecord(
                deploymentID: example, tenantID: deployment.tenant, manifestSHA256: deployment.manifestSHA256,
                approvedAt: deployment.approvedAt, assessmentJSON: "{}"))
        }
        let tenant = try #require(deployments["counting"]).tenant
        var users: [Role: AuthenticatedUser] = [:], tokens: [Role: String] = [:], secrets: [Role: String] = [:]
        let officerSecret = try await store.addUser(tenant: tenant, name: "dpo", role: .privacyOfficer, creator: nil)
        let officer = try await store.authenticate(tenant: tenant, name: "dpo", secret: officerSecret)
        (users[.privacyOfficer], secrets[.privacyOfficer]) = (officer, officerSecret)
        for role in Role.allCases where role != .privacyOfficer {
            let secret = try await store.addUser(tenant: tenant, name: role.rawValue, role: role, creator: officer)
            users[role] = try await store.authenticate(tenant: tenant, name: role.rawValue, secret: secret)
            secrets[role] = secret
        }
        for (role, user) in users { tokens[role] = try await store.issueToken(for: user, kind: .api, lifetime: 3600) }
        let railway = try #require(deployments["congestion"]).tenant
        let railSecret = try await store.addUser(tenant: railway, name: "rail-dpo", role: .privacyOfficer, creator: nil)
        let railOfficer = try await store.authenticate(tenant: railway, name: "rail-dpo", secret: railSecret)
        let otherToken = try await store.issueToken(for: railOfficer, kind: .api, lifetime: 3600)
        var configuration = configuration
        configuration.keyFolder = folder.appendingPathComponent("keys")
        _ = try TenantKeyring.create(tenant: tenant, folder: configuration.keyFolder, environment: [:])
        let server = ShojiServer(store: store, deployments: Array(deployments.values), configuration: configuration)
        return ServerFixture(folder: folder, store: store, server: server, deployments: deployments, users: users, tokens: tokens,
                             secrets: secrets, otherTenantToken: otherToken, otherTenantSecret: railSecret)
    }

    /// Runs `body` against the router in process.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(.router, body)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

extension HTTPFields {
    /// `Authorization: Bearer token`, plus a JSON content type.
    static func bearer(_ token: String?, json: Bool = false) -> HTTPFields {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        if json { fields[.contentType] = "application/json" }
        return fields
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The `Set-Cookie` value named `name`, whole (with its attributes).
    func setCookie(_ name: String) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix("\(name)=") }
    }
}

/// A cookie's `name=value` part from a Set-Cookie header.
func cookiePair(_ setCookie: String?) -> String? {
    setCookie?.split(separator: ";").first.map(String.init)
}
