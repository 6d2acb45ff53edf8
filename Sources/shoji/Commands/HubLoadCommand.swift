import ArgumentParser
import Foundation
import ShojiPipeline
import ShojiStore

/// `shoji hub load`: an edge node that stores made-up records and sends them through its outbox, for load tests
/// and fault drills of a hub (kill it, cut its network, restart the hub or PostgreSQL: the hub's totals must end
/// equal to this database's).
struct HubLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Act as an edge node: store made-up records in a database and send them to a hub through its outbox.",
        discussion: """
            Writes --batches batches of --records-per-batch line crossing and attribute counts for a made-up \
            deployment (its assessment says synthetic), at --rate batches a second, while the outbox sends them; \
            then waits until the outbox is empty (exit 1 when --timeout passes first; what is left is sent by the \
            next run). Use a test hub: the records are not real.
            """
    )

    @Option(help: "The edge node's database (SQLite), created when missing.")
    var database: String = "edge.sqlite"

    @Option(help: "The tenant the made-up records belong to (the node's credential must be for it).")
    var tenant: String

    @Option(help: "The made-up deployment's id.")
    var deployment: String = "synthetic-load"

    @Option(help: "Batches to store (0: only send what waits in the outbox).")
    var batches: Int = 100

    @Option(name: .customLong("records-per-batch"), help: "Records in each batch.")
    var recordsPerBatch: Int = 500

    @Option(help: "Batches stored a second (0: as fast as the database takes them).")
    var rate: Double = 0

    @Option(help: "Seconds to wait for the outbox to empty after the last batch.")
    var timeout: Int = 120

    @OptionGroup var hub: HubOptions

    func validate() throws {
        guard batches >= 0 else { throw ValidationError("--batches must not be negative") }
        guard (1...100_000).contains(recordsPerBatch) else { throw ValidationError("--records-per-batch must be 1 to 100000") }
        guard rate >= 0, timeout >= 0 else { throw ValidationError("--rate and --timeout must not be negative") }
        guard hub.sendsToHub else { throw ValidationError("name the hub to load: --hub URL --hub-credential FILE") }
    }

    func run() throws {
        let store = try failingWithOneLine { try AnalyticsStore(path: database, options: .init(outbox: true)) }
        guard let sender = try hub.sender(for: store) else { return }
        let synthetic = SyntheticRecords(tenant: tenant, deploymentID: deployment, recordsPerBatch: recordsPerBatch)
        let (count, rate, timeout) = (batches, rate, timeout)
        let left = try awaitingOneLine {
            try await store.recordDeployment(synthetic.deployment)
            // The sender runs while the batches are written, as on a real edge node.
            return try await HubOptions.sendUntilEmpty(sender, store: store, timeout: .seconds(timeout)) {
                let started = ContinuousClock.now
                for index in 0..<count {
                    try await store.record(try synthetic.batch(index))
                    if rate > 0 { try await Task.sleep(until: started + .seconds(Double(index + 1) / rate), clock: .continuous) }
                }
            }
        }
        let status = sender.status
        print("stored \(count) batches of \(recordsPerBatch) records; the hub acknowledged \(status.acknowledgedBatches) batches "
              + "(\(status.alreadyAppliedBatches) of them resent after a lost acknowledgement)")
        guard left.batches == 0 else {
            throw CommandFailure("\(left.batches) batches (\(left.records) records) still wait in the outbox of \(database): \(status.lastError ?? "the hub did not acknowledge them in time"); run again to send them").report()
        }
        print("outbox empty")
    }
}
