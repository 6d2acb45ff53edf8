import AsyncHTTPClient
import Foundation
import ShojiPolicy
import ShojiServer
import ShojiStore
import ShojiStorePostgres
import Testing

/// `shoji serve --hub-postgres`: the console's API over a hub's database shows every site of the signed-in
/// user's tenant, and nothing of another tenant's.
@Suite("Console over a hub")
struct HubConsoleTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    @Test("two sites of one tenant sent to the hub show in its console's statistics; another tenant's site is not found")
    func sitesOfOneTenant() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-hub-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await HubHarness.with { hub in
            // Two retail sites and the railway's station, as their edge nodes sent them.
            _ = try await hub.store.apply([
                try Records.batch(node: "shop-a-edge", sequence: 1, deployment: "shop-a", scale: 1),
                try Records.batch(node: "shop-b-edge", sequence: 1, deployment: "shop-b", scale: 2),
                try Records.batch(node: "station-edge", sequence: 1, deployment: "station", scale: 3),
            ], tenant: nil)
            // The console's own store holds only its users; the manifests name the sites it shows.
            let users = try AnalyticsStore(path: folder.appendingPathComponent("console.sqlite").path)
            let secret = try await users.addUser(tenant: Records.retail, name: "dpo", role: .privacyOfficer, creator: nil)
            let user = try await users.authenticate(tenant: Records.retail, name: "dpo", secret: secret)
            let token = try await users.issueToken(for: user, kind: .api, lifetime: 600)
            let today = CalendarDay(Date())
            let deployments = [
                try ApprovedDeployment.approve(manifestAt: Self.examples.appendingPathComponent("counting.yaml"), deploymentID: "shop-a", asOf: today),
                try ApprovedDeployment.approve(manifestAt: Self.examples.appendingPathComponent("attributes.yaml"), deploymentID: "shop-b", asOf: today),
                try ApprovedDeployment.approve(manifestAt: Self.examples.appendingPathComponent("congestion.yaml"), deploymentID: "station", asOf: today),
            ]
            var configuration = ServerConfiguration()
            configuration.port = 0
            let store = hub.store
            let console = ShojiServer(store: users, deployments: deployments, records: { store.records(of: $0) }, configuration: configuration)
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await console.run(signals: []) { continuation.yield($0) } }
                defer { group.cancelAll() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                func statistics(_ deployment: String) async throws -> (UInt, String) {
                    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/deployments/\(deployment)/statistics?since=2026-01-01")
                    request.headers.add(name: "Authorization", value: "Bearer \(token)")
                    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                    return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 20)))
                }
                let (statusA, siteA) = try await statistics("shop-a")
                let (statusB, siteB) = try await statistics("shop-b")
                #expect(statusA == 200 && statusB == 200)
                #expect(siteA.contains(#""lineID":"door""#) && siteA.contains(#""count":3"#), "site a's crossings, from the hub: \(siteA.prefix(400))")
                #expect(siteB.contains(#""deploymentID":"shop-b""#) && siteB.contains(#""count":8"#), "site b's attributes, from the hub: \(siteB.prefix(400))")
                #expect(!siteA.contains("station") && !siteB.contains("station"), "nothing of the railway")
                #expect(try await statistics("station").0 == 404, "another tenant's site is not even confirmed to exist")
            }
        }
    }
}
