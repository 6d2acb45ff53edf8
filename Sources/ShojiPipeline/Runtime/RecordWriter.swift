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
        if let transient = await store(batch) {
            logger.warning("records not stored yet, retrying: \(transient.description)")
            pending.putBack(transient.batch)
        }
    }

    /// The last flush must succeed or say so: a shutdown that loses counts silently is a bug.
    private func flushFinal() async throws {
        let batch = pending.take()
        guard !batch.isEmpty else { return }
        if let transient = await store(batch) { throw transient.error }
    }

    /// What could not be stored for a reason that may pass (busy, disk full), to retry.
    private struct Unstored {
        var batch: AnalyticsBatch
        var error: StoreError
        var description: String { error.description }
    }

    /// Stores `batch` in one transaction. If the store refuses it, stores each kind of record on its own, so that
    /// one refused kind (a heatmap grid of another shape after a settings change) does not lose the others; a
    /// kind refused for good is logged and dropped, one refused for now is returned to retry.
    private func store(_ batch: AnalyticsBatch) async -> Unstored? {
        do {
            try await store.record(batch)
            return nil
        } catch {
            logger.debug("batch refused, storing kinds one by one: \(error.description)")
        }
        let parts = [
            AnalyticsBatch(lineCrossings: batch.lineCrossings), AnalyticsBatch(attributes: batch.attributes),
            AnalyticsBatch(zoneDwell: batch.zoneDwell), AnalyticsBatch(zoneTransitions: batch.zoneTransitions),
            AnalyticsBatch(trajectories: batch.trajectories), AnalyticsBatch(heatmaps: batch.heatmaps),
            AnalyticsBatch(congestion: batch.congestion),
        ]
        var unstored: Unstored?
        for part in parts where !part.isEmpty {
            do {
                try await store.record(part)
            } catch {
                if error.isTransient {
                    if unstored == nil { unstored = Unstored(batch: AnalyticsBatch(), error: error) }
                    unstored?.batch.append(part)
                } else {
                    logger.error("records dropped, the store refuses them: \(error.description)")
                }
            }
        }
        return unstored
    }
}
