import AsyncHTTPClient
import Foundation
import PostgresNIO
import GRDB
@testable import ShojiStore
import ShojiStorePostgres
import Testing

/// Fault drills with the real programs: an edge node (`shoji hub load`, storing and sending), a hub
/// (`shoji hub`) and PostgreSQL, each killed or cut at random points of a run. Afterwards the hub's totals must
/// equal the edge's exactly, and the hub must hold every batch the edge numbered, once.
@Suite("Hub fault drills", .serialized)
struct HubFaultTests {
    /// A cluster of its own: its restarts must not disturb the tests running beside these.
    static let cluster = PostgresTestCluster(port: 5434)
    static let tenant = "drill-retail"

    enum Fault: CaseIterable { case killEdge, killHub, restartPostgres, cutNetwork }

    /// Runs per `make test` (each with every kind of fault at least once); `SHOJI_FAULT_RUNS` asks for more.
    static let runs = ProcessInfo.processInfo.environment["SHOJI_FAULT_RUNS"].flatMap(Int.init) ?? 3

    @Test("kill -9 of the edge and of the hub, PostgreSQL restarts and network cuts at random points: afterwards the hub's totals equal the edge's, every run")
    func drills() async throws {
        var summary: [String] = []
        for run in 1...Self.runs {
            summary.append(try await Self.drill(run: run))
        }
        print("hub fault drills: \(Self.runs) runs\n" + summary.joined(separator: "\n"))
    }

    /// One run: a fresh database and edge, six faults, then a final drain and the comparison.
    static func drill(run: Int) async throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-drill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await cluster.makeDatabase()
        let url = try await cluster.url(database: database)
        let hubPort = try Self.freePort()
        let hubArguments = ["hub", "--postgres", url, "--port", "\(hubPort)"]
        let hub = Slot(try ShojiChild(hubArguments, log: folder.appendingPathComponent("hub.log")))
        defer { hub.value.kill9() }
        try await waitHealthy(port: hubPort, hub: hub.value)

        let client = PostgresClient(configuration: try await cluster.configuration(database: database))
        return try await PostgresTestCluster.using(client) { client in
            let store = PostgresStore(client: client)
            let credential = try await store.registerNode("drill-edge", tenant: tenant)
            let credentialFile = folder.appendingPathComponent("node.credential").path
            try credential.token.write(toFile: credentialFile, atomically: true, encoding: .utf8)
            let proxy = try CuttingProxy(upstreamPort: hubPort)
            defer { proxy.close() }
            let edgeDatabase = folder.appendingPathComponent("edge.sqlite").path
            // Small batches: the drill is about faults, not load, and it shares 2 cores with every other suite.
            func edgeArguments(batches: Int) -> [String] {
                ["hub", "load", "--database", edgeDatabase, "--tenant", tenant, "--deployment", "drill-shop",
                 "--batches", "\(batches)", "--records-per-batch", "50", "--rate", "25", "--timeout", "180",
                 "--hub", "http://127.0.0.1:\(proxy.port)", "--hub-credential", credentialFile]
            }
            let edgeLog = folder.appendingPathComponent("edge.log")
            var edge = try ShojiChild(edgeArguments(batches: 200), log: edgeLog)
            defer { edge.kill9() }

            let faults = Fault.allCases.shuffled() + [Fault.allCases.randomElement()!, Fault.allCases.randomElement()!]
            for fault in faults {
                try await Task.sleep(for: .milliseconds(Int.random(in: 300...1200)))
                switch fault {
                case .killEdge:
                    edge.kill9()
                    edge = try ShojiChild(edgeArguments(batches: 100), log: edgeLog)
                case .killHub:
                    hub.value.kill9()
                    try await Task.sleep(for: .milliseconds(Int.random(in: 100...600)))
                    hub.value = try ShojiChild(hubArguments, log: folder.appendingPathComponent("hub.log"))
                case .restartPostgres:
                    try await cluster.stop(immediately: Bool.random())
                    try await Task.sleep(for: .milliseconds(Int.random(in: 100...800)))
                    try await cluster.start()
                case .cutNetwork:
                    // Cut for a random while, and on until a connection was cut (the sender may have been idle).
                    let before = proxy.cuts
                    proxy.cutting = true
                    try await Task.sleep(for: .milliseconds(Int.random(in: 300...1500)))
                    for _ in 0..<50 where proxy.cuts == before {
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    proxy.cutting = false
                }
            }
            // Whatever the edge was doing, it must finish; then one more start sends anything left.
            let status = await edge.wait(timeout: 240)
            try await waitHealthy(port: hubPort, hub: hub.value)
            let drain = try ShojiChild(edgeArguments(batches: 0), log: edgeLog)
            let drained = await drain.wait(timeout: 240)
            #expect(drained == 0, "the last edge run must empty the outbox:\n\(edge.output.suffix(3000))")

            let edgeStore = try AnalyticsStore(path: edgeDatabase, options: .init(readOnly: true))
            let edgeTotals = try await edgeStore.totals(of: tenant)
            let hubTotals = try await store.totals(of: tenant)
            #expect(hubTotals == edgeTotals, "run \(run): hub \(hubTotals) vs edge \(edgeTotals)")
            #expect(edgeTotals.lineCrossings > 0)
            // Every batch the edge numbered is at the hub once: sequences 1…n, no gap.
            let numbered = try await edgeStore.read { db in try Int64.fetchOne(db, sql: "SELECT next_sequence - 1 FROM store_node") ?? 0 }
            var applied: (Int64, Int64, Int64) = (0, 0, 0)
            for try await row in try await client.query(
                "SELECT COUNT(*)::bigint, COALESCE(MIN(sequence), 0)::bigint, COALESCE(MAX(sequence), 0)::bigint FROM applied_batch WHERE node_id = 'drill-edge'"
            ).decode((Int64, Int64, Int64).self) { applied = row }
            #expect(applied == (numbered, 1, numbered), "run \(run): the hub applied \(applied), the edge numbered \(numbered)")
            return "run \(run): faults \(faults.map { "\($0)" }.joined(separator: ", ")); edge exit \(status.map(String.init) ?? "still running, killed"); "
                + "\(numbered) batches, \(edgeTotals.lineCrossings) crossings, \(proxy.cuts) connections cut; totals equal: \(hubTotals == edgeTotals)"
        }
    }

    /// Waits until the hub answers /healthz with 200 (it waits for PostgreSQL itself).
    static func waitHealthy(port: Int, hub: ShojiChild) async throws {
        for _ in 0..<300 {
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(2)),
               response.status.code == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ClusterError(message: "the hub did not become healthy:\n\(hub.output.suffix(2000))")
    }

    /// A port nothing listens on now.
    static func freePort() throws -> Int {
        let probe = try CuttingProxy(upstreamPort: 9)
        defer { probe.close() }
        return probe.port
    }
}

/// A process that a drill replaces while a closure holds it.
final class Slot<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
