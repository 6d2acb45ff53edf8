import ArgumentParser
import Foundation
import ShojiPipeline
import ShojiStore

/// `shoji outbox status|send|totals`: an edge node's queue of records for its hub.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Show, send and check an edge node's outbox of records for its hub.",
        subcommands: [Status.self, Send.self, Totals.self]
    )

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What waits to be sent: batches, records and the oldest.")

        @Option(help: "The edge node's database (SQLite).")
        var database: String = "shoji.sqlite"

        func run() throws {
            let store = try failingWithOneLine { try AnalyticsStore(path: database, options: .init(readOnly: true)) }
            let (backlog, node) = try awaitingOneLine { (try await store.outboxBacklog(), try await store.nodeID()) }
            let oldest = backlog.oldestQueuedAt.map { ", the oldest queued \(ISO8601DateFormatter().string(from: $0))" } ?? ""
            print("node \(node): \(backlog.batches) batches (\(backlog.records) records) wait in the outbox\(oldest)")
        }
    }

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send what waits now, until the outbox is empty or --timeout passes (exit 1).")

        @Option(help: "The edge node's database (SQLite).")
        var database: String = "shoji.sqlite"

        @Option(help: "Seconds to keep trying.")
        var timeout: Int = 60

        @OptionGroup var hub: HubOptions

        func validate() throws {
            guard hub.sendsToHub else { throw ValidationError("name the hub: --hub URL --hub-credential FILE") }
        }

        func run() throws {
            let store = try failingWithOneLine { try AnalyticsStore(path: database, options: .init(outbox: true)) }
            guard let sender = try hub.sender(for: store) else { return }
            let timeout = timeout
            let left = try awaitingOneLine { try await HubOptions.sendUntilEmpty(sender, store: store, timeout: .seconds(timeout)) }
            let status = sender.status
            print("the hub acknowledged \(status.acknowledgedBatches) batches (\(status.acknowledgedRecords) records)")
            guard left.batches == 0 else {
                throw CommandFailure("\(left.batches) batches still wait: \(status.lastError ?? "not acknowledged in time"); they are sent at the next try").report()
            }
            print("outbox empty")
        }
    }

    struct Totals: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the sums of a tenant's records here (compare with 'shoji hub totals').")

        @Option(help: "The edge node's database (SQLite).")
        var database: String = "shoji.sqlite"

        @Argument(help: "The tenant.")
        var tenant: String

        func run() throws {
            let store = try failingWithOneLine { try AnalyticsStore(path: database, options: .init(readOnly: true)) }
            let tenant = tenant
            print(try RecordTotals.printable(try awaitingOneLine { try await store.totals(of: tenant) }))
        }
    }
}

extension RecordTotals {
    /// One line of JSON, keys sorted: the same text on an edge and on the hub when they agree.
    static func printable(_ totals: RecordTotals) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(totals), as: UTF8.self)
    }
}
