import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import PostgresNIO
import ShojiServer
import ShojiStore
import ShojiStorePostgres

/// A hub (``HubServer``) listening on a free local port over a fresh database of the test cluster, for tests
/// that send to it over real HTTP.
struct HubHarness: Sendable {
    let hub: HubServer
    let port: Int
    let scheme: String
    var store: PostgresStore { hub.store }
    var url: String { "\(scheme)://127.0.0.1:\(port)" }

    /// Runs `body` with a hub up (schema created, the test deployments recorded), then stops it. With `tls`, the
    /// hub serves HTTPS.
    static func with(tls: TLSConfiguration? = nil, _ body: @Sendable (HubHarness) async throws -> Void) async throws {
        let cluster = PostgresTestCluster.shared
        let database = try await cluster.makeDatabase()
        let client = PostgresClient(configuration: try await cluster.configuration(database: database))
        let hub = HubServer(client: client, configuration: HubConfiguration(port: 0, tls: tls))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await hub.run(signals: []) { port in continuation.yield(port) } }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw ClusterError(message: "the hub did not start") }
            // The hub migrates in the background; wait until it is ready.
            let harness = HubHarness(hub: hub, port: port, scheme: tls == nil ? "http" : "https")
            for _ in 0..<400 where !hub.isReady {
                try await Task.sleep(for: .milliseconds(25))
            }
            try await Records.recordDeployments(hub.store)
            try await body(harness)
        }
    }

    /// Issues a node credential and writes it to a file in `folder`.
    func credentialFile(node: String, tenant: String, in folder: URL) async throws -> String {
        let credential = try await store.registerNode(node, tenant: tenant)
        let path = folder.appendingPathComponent("\(node).credential").path
        try (credential.token + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A GET of `path`.
    func get(_ path: String) async throws -> (status: UInt, body: String) {
        try await send(HTTPClientRequest(url: url + path))
    }

    /// A POST of `body` to the ingest route with `token`.
    func ingest(_ body: Data, token: String?) async throws -> (status: UInt, body: String) {
        var request = HTTPClientRequest(url: url + "/api/v1/ingest")
        request.method = .POST
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(bytes: body))
        return try await send(request)
    }

    private func send(_ request: HTTPClientRequest) async throws -> (status: UInt, body: String) {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, String(buffer: body))
    }
}
