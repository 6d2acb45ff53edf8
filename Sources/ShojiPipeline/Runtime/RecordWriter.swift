import Foundation
import Logging
import ServiceLifecycle
import ShojiStore

/// Stores the deployment, then what the cameras hand over, every flush interval and once more at shutdown,
/// after the cameras (which shut down first) have handed over their last counts.
final class RecordWriter: Service, CustomStringConvertible {
    private let store: any AnalyticsRecording
    private let pending: PendingRecords
    private let deployment: DeploymentRecord
    private let interval: Duration
    private let logger: Logger

    init(store: any AnalyticsRecording, pending: PendingRecords, deployment: DeploymentRecord, interval: Duration,
         logger: Logger) {
        self.store = store
        self.pending = pending
        self.deployment = deployment
        self.interval = interval
        self.logger = logger
    }

    var description: String { "record writer" }

    func run() async throws {
        try await store.recordDeployment(deployment)
        let clock = ContinuousClock()
        var next = clock.now.advanced(by: interval)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            if clock.now >= next {
                await flush(final: false)
                next = clock.now.advanced(by: interval)
            }
        }
        try await flushFinal()
    }

    private func flush(final: Bool) async {
        let batch = pending.take()
        guard !batch.isEmpty else { return }
        do {
            try await store.record(batch)
            logger.debug("stored records", metadata: ["crossings": "\(batch.lineCrossings.count)",
                                                      "trajectories": "\(batch.trajectories.count)"])
        } catch {
            logger.warning("records not stored yet: \(error.description)")
            pending.putBack(batch)
        }
    }

    /// The last flush must succeed or say so: a shutdown that loses counts silently is a bug.
    private func flushFinal() async throws {
        let batch = pending.take()
        guard !batch.isEmpty else { return }
        try await store.record(batch)
    }
}
