import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PostgresNIO
import ShojiPipeline
import ShojiServer
import ShojiStore
import ShojiStorePostgres
import ShojiVision

/// `shoji bench hub`: records a second into one hub (in this process, over real HTTP and PostgreSQL) from 1, 4 and
/// 16 simulated edge nodes sending at once, beside a raw COPY of the same rows into the same tables in the same
/// run (the ceiling: no batch ids, no staging, no merge).
struct HubBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Hub ingest records/s from 1, 4 and 16 edge nodes vs a raw COPY of the same rows (the ceiling).",
        discussion: """
            Use a scratch database: every measurement empties the record tables first. Each simulated node sends \
            requests of --batches-per-request batches of --records-per-batch records, one request at a time, as \
            an outbox sender does; their bodies are encoded before the clock starts (that is the edge's work).
            """
    )

    @OptionGroup var database: PostgresOptions

    @Option(help: "Node counts to measure, comma-separated.")
    var nodes: String = "1,4,16"

    @Option(help: "Records sent in each measurement, split over the nodes.")
    var records: Int = 200_000

    @Option(name: .customLong("records-per-batch"), help: "Records in each batch.")
    var recordsPerBatch: Int = 500

    @Option(name: .customLong("batches-per-request"), help: "Batches in each request.")
    var batchesPerRequest: Int = 20

    @Option(name: .customLong("in-flight"), help: "Requests each node keeps under way at once (the outbox sender's default: 2).")
    var inFlight: Int = OutboxSenderOptions().requestsInFlight

    @OptionGroup var repetition: BenchRuns

    func validate() throws {
        guard !nodeCounts.isEmpty, nodeCounts.allSatisfy({ (1...256).contains($0) }) else { throw ValidationError("--nodes: counts 1 to 256, e.g. 1,4,16") }
        guard records >= 1000, recordsPerBatch >= 1, batchesPerRequest >= 1, inFlight >= 1 else { throw ValidationError("--records at least 1000; batch and request sizes at least 1") }
    }

    var nodeCounts: [Int] { nodes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        let logger = { var logger = Logger(label: "shoji.bench.hub"); logger.logLevel = .error; return logger }()
        let client = try database.client(logger: logger)
        let (counts, total, perBatch, perRequest, runs, json) = (nodeCounts, records, recordsPerBatch, batchesPerRequest, repetition.runs, repetition.json)
        let inFlight = inFlight
        let measured = try awaitingOneLine {
            let hub = HubServer(client: client, configuration: HubConfiguration(port: 0, retentionDays: nil), logger: logger)
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await hub.run(signals: []) { continuation.yield($0) } }
                defer { group.cancelAll() }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { throw CommandFailure("the hub did not start") }
                try await Self.waitForSchema(port: port)
                let bench = Measurement(store: hub.store, client: client, port: port, recordsPerBatch: perBatch, batchesPerRequest: perRequest,
                                          requestsInFlight: inFlight)
                var rows: [(nodes: Int, hub: [Double], copy: [Double])] = []
                for count in counts {
                    var hubRates: [Double] = [], copyRates: [Double] = []
                    for run in 1...runs {
                        let workload = try await bench.workload(nodes: count, records: total)
                        let copy = try await bench.rawCopy(workload)
                        let ingest = try await bench.ingest(workload)
                        copyRates.append(copy)
                        hubRates.append(ingest)
                        FileHandle.standardError.write(Data(String(format: "%2d nodes, run %d/%d: hub %.0f records/s, raw COPY %.0f records/s\n",
                                                                   count, run, runs, ingest, copy).utf8))
                    }
                    rows.append((count, hubRates, copyRates))
                }
                return rows
            }
        }
        let figures: [[String: Any]] = measured.map { row in
            ["nodes": row.nodes, "hub_records_per_second_median": median(row.hub), "copy_records_per_second_median": median(row.copy),
             "ratio": median(row.hub) / median(row.copy), "hub_runs": row.hub, "copy_runs": row.copy]
        }
        print("benchmark: hub ingest (HTTP, batch ids, COPY into staging, merge; \(inFlight) requests in flight a node) vs raw COPY of the same rows, \(total) records a measurement, median of \(runs)")
        print("  nodes   hub records/s   raw COPY records/s   hub/COPY")
        for row in figures {
            let (hub, copy) = (row["hub_records_per_second_median"] as? Double ?? 0, row["copy_records_per_second_median"] as? Double ?? 0)
            print(String(format: "  %5d   %13.0f   %18.0f   %8.3f", row["nodes"] as? Int ?? 0, hub, copy, hub / copy))
        }
        let worst = figures.map { ($0["hub_records_per_second_median"] as? Double ?? 0, $0["ratio"] as? Double ?? 0) }
        let met = worst.allSatisfy { $0.0 >= 50_000 && $0.1 >= 0.5 }
        print("  target ≥ 50,000 records/s and ≥ 0.5 of raw COPY at every node count: \(met ? "met" : "NOT met")")
        if let json {
            try writeFigures(["benchmark": "hub", "records": total, "records_per_batch": perBatch, "batches_per_request": perRequest, "requests_in_flight": inFlight,
                              "runs": runs, "cores": ProcessInfo.processInfo.activeProcessorCount, "measurements": figures], to: json)
        }
    }

    /// Waits until the hub has made its schema (it answers /healthz with 200).
    static func waitForSchema(port: Int) async throws {
        for _ in 0..<600 {
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(2)),
               response.status.code == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CommandFailure("the hub's database did not become ready; check --postgres")
    }
}

/// One measurement's set-up and the two timed loads.
private struct Measurement: Sendable {
    let store: PostgresStore
    let client: PostgresClient
    let port: Int
    let recordsPerBatch: Int
    let batchesPerRequest: Int
    let requestsInFlight: Int
    static let tenant = "bench-tenant"

    /// What the simulated nodes send: per node, its credential and its encoded requests; and every batch, for the COPY.
    struct Workload: Sendable {
        var nodes: [(token: String, bodies: [Data])] = []
        var batches: [AnalyticsBatch] = []
        var records = 0
    }

    /// Empties the record tables and builds the requests of `nodes` nodes for `records` records.
    func workload(nodes: Int, records: Int) async throws -> Workload {
        try await empty()
        var workload = Workload()
        let perNode = records / nodes
        for index in 0..<nodes {
            let synthetic = SyntheticRecords(tenant: Self.tenant, deploymentID: "bench-site-\(index)", recordsPerBatch: recordsPerBatch)
            try await store.recordDeployment(synthetic.deployment)
            let node = "bench-node-\(index)"
            let credential = try await store.registerNode(node, tenant: Self.tenant)
            var batches: [AnalyticsBatch] = []
            for sequence in 0..<max(1, perNode / recordsPerBatch) {
                var batch = try synthetic.batch(sequence)
                batch.id = try BatchID(node: node, sequence: Int64(sequence + 1))
                batches.append(batch)
            }
            let bodies = try stride(from: 0, to: batches.count, by: batchesPerRequest).map { start in
                try IngestRequest(deployments: [], batches: Array(batches[start..<min(start + batchesPerRequest, batches.count)])).encoded()
            }
            workload.nodes.append((credential.token, bodies))
            workload.batches += batches
            workload.records += batches.reduce(0) { $0 + $1.recordCount }
        }
        return workload
    }

    /// Every node sends its requests with `requestsInFlight` under way at once, all nodes together, as outbox
    /// senders do; records a second until the last reply.
    func ingest(_ workload: Workload) async throws -> Double {
        try await empty()
        let url = "http://127.0.0.1:\(port)/api/v1/ingest"
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for node in workload.nodes {
                for lane in 0..<requestsInFlight {
                    let bodies = stride(from: lane, to: node.bodies.count, by: requestsInFlight).map { node.bodies[$0] }
                    group.addTask {
                        for body in bodies {
                            var request = HTTPClientRequest(url: url)
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: "Bearer \(node.token)")
                            request.body = .bytes(ByteBuffer(bytes: body))
                            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(300))
                            let answer = try await response.body.collect(upTo: 1 << 20)
                            guard response.status.code == 200 else {
                                throw CommandFailure("the hub answered \(response.status.code): \(String(buffer: answer))")
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(workload.records) / (ContinuousClock.now - started).inSeconds
    }

    /// The same rows COPY'd straight into the tables, a request's worth a transaction, one stream: the ceiling.
    func rawCopy(_ workload: Workload) async throws -> Double {
        try await empty()
        let started = ContinuousClock.now
        for start in stride(from: 0, to: workload.batches.count, by: batchesPerRequest) {
            try await store.copyWithoutMerge(Array(workload.batches[start..<min(start + batchesPerRequest, workload.batches.count)]), tenant: Self.tenant)
        }
        return Double(workload.records) / (ContinuousClock.now - started).inSeconds
    }

    /// Empties what a measurement writes, so that each starts alike.
    private func empty() async throws {
        _ = try await client.query("TRUNCATE line_crossing_count, attribute_count, applied_batch")
        _ = try await client.query("VACUUM ANALYZE line_crossing_count")
    }
}
