import Foundation
import NIOSSL
import ShojiPipeline
@testable import ShojiStore
import ShojiStorePostgres
import Testing

/// The hub's ingest over real HTTP: edge outboxes sent by ``OutboxSender``, node credentials and every refusal.
@Suite("Hub ingest")
struct HubIngestTests {
    /// A fresh folder, removed afterwards.
    static func withFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-hub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    /// An edge store with its outbox and the test deployments, holding `count` batches of `deployment`.
    static func edge(_ folder: URL, name: String, deployment: String, batches count: Int) async throws -> AnalyticsStore {
        let store = try AnalyticsStore(path: folder.appendingPathComponent("\(name).sqlite").path, options: .init(outbox: true))
        try await Records.recordDeployments(store)
        try await store.setNodeID(name)
        for minute in 0..<count {
            var batch = try Records.batch(node: "unused", sequence: 1, deployment: deployment, scale: 1 + minute % 3,
                                          at: Records.day.addingTimeInterval(Double(minute) * 900))
            batch.id = nil
            try await store.record(batch)
        }
        return store
    }

    @Test("two edge nodes of one tenant send through their outboxes; the hub's totals equal theirs and a replay changes nothing")
    func twoEdges() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with { hub in
                let a = try await Self.edge(folder, name: "shop-a-edge", deployment: "shop-a", batches: 12)
                let b = try await Self.edge(folder, name: "shop-b-edge", deployment: "shop-b", batches: 7)
                for (store, node) in [(a, "shop-a-edge"), (b, "shop-b-edge")] {
                    let credential = try NodeCredential.read(from: try await hub.credentialFile(node: node, tenant: Records.retail, in: folder))
                    let sender = try OutboxSender(store: store, hub: try HubEndpoint(url: hub.url, credential: credential),
                                                  options: OutboxSenderOptions(batchesPerRequest: 5))
                    while await sender.sendRound() == .sentSome {}
                    #expect(try await store.outboxBacklog().batches == 0)
                    #expect(sender.status.acknowledgedBatches == (node == "shop-a-edge" ? 12 : 7))
                }
                var edges = try await a.totals(of: Records.retail)
                edges.add(try await b.totals(of: Records.retail))
                #expect(try await hub.store.totals(of: Records.retail) == edges, "nothing lost, nothing counted twice")
                #expect(try await hub.store.totals(of: Records.railway) == RecordTotals())

                // The same batch again (an acknowledgement lost on the way back): acknowledged, not applied.
                let token = try NodeCredential.read(from: folder.appendingPathComponent("shop-b-edge.credential").path).token
                var again = try Records.batch(node: "shop-b-edge", sequence: 3, deployment: "shop-b", scale: 1)
                again.id = try BatchID(node: "shop-b-edge", sequence: 3)
                let reply = try await hub.ingest(try IngestRequest(deployments: [], batches: [again]).encoded(), token: token)
                #expect(reply.status == 200)
                #expect(reply.body.contains(#""alreadyApplied":[{"node":"shop-b-edge","sequence":3}]"#), "\(reply.body)")
                #expect(try await hub.store.totals(of: Records.retail) == edges)
            }
        }
    }

    @Test("the hub refuses a missing or revoked credential, another tenant's records, another node's batch ids and a malformed body, and the edge keeps what was refused")
    func refusals() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with { hub in
                let path = try await hub.credentialFile(node: "shop-a-edge", tenant: Records.retail, in: folder)
                let credential = try NodeCredential.read(from: path)
                let mine = try Records.batch(node: "shop-a-edge", sequence: 1, deployment: "shop-a", scale: 1)
                let body = try IngestRequest(deployments: [], batches: [mine]).encoded()

                #expect(try await hub.ingest(body, token: nil).status == 401)
                #expect(try await hub.ingest(body, token: try NodeCredential.issue(nodeID: "shop-a-edge").token).status == 401)
                // The railway's deployment, sent by a retail node: refused, nothing stored.
                let railway = try Records.batch(node: "shop-a-edge", sequence: 2, deployment: "station", scale: 1)
                let foreign = try await hub.ingest(try IngestRequest(deployments: [], batches: [railway]).encoded(), token: credential.token)
                #expect(foreign.status == 403, "\(foreign.body)")
                let approval = DeploymentRecord(deploymentID: "station", tenantID: Records.railway, manifestSHA256: String(repeating: "cd", count: 32),
                                                approvedAt: Records.day, assessmentJSON: "{}")
                #expect(try await hub.ingest(try IngestRequest(deployments: [approval], batches: []).encoded(), token: credential.token).status == 403)
                // Batch ids of another node would take that node's sequence numbers.
                let spoofed = try Records.batch(node: "shop-b-edge", sequence: 1, deployment: "shop-a", scale: 1)
                #expect(try await hub.ingest(try IngestRequest(deployments: [], batches: [spoofed]).encoded(), token: credential.token).status == 403)
                #expect(try await hub.ingest(Data("{\"batches\":[".utf8), token: credential.token).status == 400)
                #expect(try await hub.ingest(Data(#"{"deployments":[],"batches":[{"id":{"node":"shop-a-edge","sequence":0}}]}"#.utf8), token: credential.token).status == 400)
                #expect(try await hub.store.totals(of: Records.retail) == RecordTotals())
                #expect(try await hub.store.totals(of: Records.railway) == RecordTotals())

                // A sender whose batch the hub refuses keeps it (nothing is dropped) and puts it off.
                let edge = try await Self.edge(folder, name: "shop-a-edge", deployment: "station", batches: 1)
                let sender = try OutboxSender(store: edge, hub: try HubEndpoint(url: hub.url, credential: credential))
                #expect(await sender.sendRound() == .failed)
                #expect(try await edge.outboxBacklog().batches == 1)
                #expect(sender.status.lastError?.contains("403") == true, "\(sender.status.lastError ?? "")")
                #expect(try await edge.outboxDue(limit: 10).isEmpty, "put off at the longest back-off")

                // Revoked: the credential stops working; what it sent stays.
                #expect(try await hub.ingest(body, token: credential.token).status == 200)
                try await hub.store.revokeNode("shop-a-edge")
                #expect(try await hub.ingest(body, token: credential.token).status == 401)
                #expect(try await hub.store.totals(of: Records.retail) == Records.expectedTotals([1]))
            }
        }
    }

    @Test("over TLS the sender trusts the hub's certificate through its authority file, and sends nothing to a hub it cannot verify")
    func tls() async throws {
        try await Self.withFolder { folder in
            // A self-signed certificate for 127.0.0.1, its own authority.
            let certificate = folder.appendingPathComponent("hub.pem").path, key = folder.appendingPathComponent("hub.key").path
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                                 "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
            openssl.standardOutput = FileHandle.nullDevice
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
            try #require(openssl.terminationStatus == 0, "openssl (scripts/setup installs it) made no certificate")
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            try await HubHarness.with(tls: tls) { hub in
                #expect(hub.url.hasPrefix("https://"))
                let edge = try await Self.edge(folder, name: "shop-a-edge", deployment: "shop-a", batches: 3)
                let credential = try NodeCredential.read(from: try await hub.credentialFile(node: "shop-a-edge", tenant: Records.retail, in: folder))
                // (AsyncHTTPClient retries a failed handshake until the request's deadline: a short one here.)
                let untrusting = try OutboxSender(store: edge, hub: try HubEndpoint(url: hub.url, credential: credential),
                                                  options: OutboxSenderOptions(requestTimeout: .seconds(2)))
                #expect(await untrusting.sendRound() == .failed, "the system's authorities do not vouch for this certificate")
                #expect(try await edge.outboxBacklog().batches == 3)
                #expect(try await hub.store.totals(of: Records.retail) == RecordTotals())
                let trusting = try OutboxSender(store: edge, hub: try HubEndpoint(url: hub.url, credential: credential, trustedAuthorityFile: certificate))
                #expect(await trusting.sendRound(dueBy: .distantFuture) == .sentSome)
                await trusting.shutdown()
                #expect(try await edge.outboxBacklog().batches == 0)
                #expect(try await hub.store.totals(of: Records.retail) == edge.totals(of: Records.retail))
            }
        }
    }

    @Test("a node id belongs to one tenant; issuing again replaces the credential")
    func nodeRegistry() async throws {
        try await HubHarness.with { hub in
            let first = try await hub.store.registerNode("edge-1", tenant: Records.retail)
            await #expect(throws: StoreError.self) { try await hub.store.registerNode("edge-1", tenant: Records.railway) }
            let second = try await hub.store.registerNode("edge-1", tenant: Records.retail)
            #expect(try await hub.store.node(authenticatedBy: first.token) == nil)
            #expect(try await hub.store.node(authenticatedBy: second.token)?.tenant == Records.retail)
            #expect(try await hub.store.nodes().map(\.nodeID) == ["edge-1"])
            #expect(!String(describing: second).contains(second.token), "the secret never appears in a description")
        }
    }
    @Test("the node's watermark lets the hub forget old batch ids, and a batch below it still changes nothing")
    func watermark() async throws {
        try await Self.withFolder { folder in
            try await HubHarness.with { hub in
                let edge = try await Self.edge(folder, name: "shop-a-edge", deployment: "shop-a", batches: 6)
                let credential = try NodeCredential.read(from: try await hub.credentialFile(node: "shop-a-edge", tenant: Records.retail, in: folder))
                let sender = try OutboxSender(store: edge, hub: try HubEndpoint(url: hub.url, credential: credential),
                                              options: OutboxSenderOptions(batchesPerRequest: 2))
                while await sender.sendRound() == .sentSome {}
                #expect(try await edge.outboxWatermark() == 7, "nothing waits: the next sequence")
                let totals = try await hub.store.totals(of: Records.retail)
                // The last request said that everything below 5 was acknowledged.
                #expect(try await hub.store.forgetAcknowledged(node: "shop-a-edge", below: 5) == 0, "recent ids are kept a while")
                let later = Date().addingTimeInterval(PostgresStore.acknowledgedIDsKeptFor + 60)
                #expect(try await hub.store.forgetAcknowledged(node: "shop-a-edge", below: 3, now: later) == 4, "ids 1 to 4 forgotten: the watermark only rises")
                var old = try Records.batch(node: "shop-a-edge", sequence: 2, deployment: "shop-a", scale: 1)
                old.id = try BatchID(node: "shop-a-edge", sequence: 2)
                let reply = try await hub.ingest(try IngestRequest(deployments: [], batches: [old]).encoded(), token: credential.token)
                #expect(reply.status == 200 && reply.body.contains(#""applied":[]"#), "\(reply.body)")
                #expect(try await hub.store.totals(of: Records.retail) == totals, "a batch below the watermark is not applied again")
                let contradiction = try IngestRequest(deployments: [], batches: [old], acknowledgedBelow: 6).encoded()
                #expect(try await hub.ingest(contradiction, token: credential.token).status == 400)
            }
        }
    }
}

extension RecordTotals {

    /// Adds another store's totals.
    mutating func add(_ other: RecordTotals) {
        lineCrossings += other.lineCrossings
        attributes += other.attributes
        zoneVisits += other.zoneVisits
        zoneDwellMilliseconds += other.zoneDwellMilliseconds
        zoneTransitions += other.zoneTransitions
        heatmapCells += other.heatmapCells
        congestionSamples += other.congestionSamples
    }
}
