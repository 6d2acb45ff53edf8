import ArgumentParser
import Foundation
import Logging
import ShojiPipeline
import ShojiStore

/// The arguments of a command that sends an edge node's records to a hub: where the hub is and the node's
/// credential. Without `--hub` nothing leaves the node.
struct HubOptions: ParsableArguments {
    @Option(help: "The hub to send records to (http://HOST:PORT or https://HOST:PORT). Records are queued in the database's outbox and sent with retries; nothing else leaves the node.")
    var hub: String?

    @Option(name: .customLong("hub-credential"), help: "File holding this node's credential from 'shoji hub node add' (default: $SHOJI_NODE_CREDENTIAL).")
    var credential: String?

    @Option(name: .customLong("hub-ca"), help: "PEM file of the certificate authority that signed the hub's TLS certificate (default: the system's).")
    var authority: String?

    /// Whether records go to a hub, so the store must queue them in its outbox.
    var sendsToHub: Bool { hub != nil }

    /// The hub endpoint, with one-line errors; nil without `--hub`.
    func endpoint() throws -> HubEndpoint? {
        guard let hub else { return nil }
        guard let path = credential ?? ProcessInfo.processInfo.environment["SHOJI_NODE_CREDENTIAL"] else {
            throw CommandFailure("--hub needs the node's credential: --hub-credential FILE (see 'shoji hub node add' on the hub)", code: 2).report()
        }
        return try failingWithOneLine(code: 2) {
            try HubEndpoint(url: hub, credential: try NodeCredential.read(from: path), trustedAuthorityFile: authority)
        }
    }

    /// The sender of `store`'s outbox to the hub; nil without `--hub`.
    func sender(for store: AnalyticsStore, options: OutboxSenderOptions = OutboxSenderOptions()) throws -> OutboxSender? {
        guard let endpoint = try endpoint() else { return nil }
        var logger = Logger(label: "shoji.outbox")
        logger.logLevel = .warning
        let sender = try failingWithOneLine(code: 2) { try OutboxSender(store: store, hub: endpoint, options: options, logger: logger) }
        // Before anything is stored: the batches numbered from now on must carry the credential's node id.
        try awaitingOneLine(code: 2) { try await sender.prepare() }
        return sender
    }

    /// Runs `sender` while `work` runs, then until `store`'s outbox is empty or `timeout` passed; returns what is
    /// left in the outbox.
    static func sendUntilEmpty(_ sender: OutboxSender, store: AnalyticsStore, timeout: Duration,
                               while work: @Sendable () async throws -> Void = {}) async throws -> OutboxBacklog {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await sender.run() }
            defer { group.cancelAll() }
            try await work()
            let deadline = ContinuousClock.now + timeout
            while true {
                let backlog = try await store.outboxBacklog()
                if backlog.batches == 0 || ContinuousClock.now >= deadline { return backlog }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }
}
