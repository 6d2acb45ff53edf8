import Foundation
import Logging
import ServiceLifecycle
import ShojiStore

/// Stores the deployment, then what the cameras hand over, every flush interval and once more at shutdown,
/// after the cameras (which shut down first) have handed over their last counts. Identity records (vectors,
/// visits, alerts) go through the feature vault, which seals vectors inside the storing transaction; after each
/// flush the identity galleries are reloaded if another process changed the vault (an erasure, an opt-out, a
/// watchlist decision).
final class RecordWriter: Service, CustomStringConvertible {
    private let store: any AnalyticsRecording
    private let pending: PendingRecords<AnalyticsBatch>
    private let identity: IdentityContext?
    private let deployment: DeploymentRecord
    private let interval: Duration
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let tally: RecordTally

    init(store: any AnalyticsRecording, pending: PendingRecords<AnalyticsBatch>, identity: IdentityContext?,
         deployment: DeploymentRecord, interval: Duration, clock: @escaping @Sendable () -> Date, logger: Logger,
         tally: RecordTally) {
        self.tally = tally
        self.store = store
        self.pending = pending
        self.identity = identity
        self.deployment = deployment
        self.interval = interval
        self.clock = clock
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
        do {
            try await flushIdentity()
        } catch {
            logger.warning("identity records not stored yet, retrying: \(error)")
        }
        let batch = pending.take()
        if !batch.isEmpty, let transient = await store(batch) {
            logger.warning("records not stored yet, retrying: \(transient.description)")
            pending.putBack(transient.batch)
        }
        do {
            try await identity?.gallery.reloadIfChanged(now: clock())
        } catch {
            logger.warning("identity galleries not reloaded: \(error)")
        }
    }

    /// The last flush must succeed or say so: a shutdown that loses counts silently is a bug.
    private func flushFinal() async throws {
        try await flushIdentity()
        let batch = pending.take()
        guard !batch.isEmpty else { return }
        if let transient = await store(batch) { throw transient.error }
    }

    /// Stores the pending identity records in one vault transaction. A refusal that may pass (busy, disk full)
    /// puts them back and throws; one that will not is logged and the records dropped (counts only in the log).
    private func flushIdentity() async throws {
        guard let identity, let vault = identity.gallery.writer else { return }
        let batch = identity.pending.take()
        guard !batch.isEmpty else { return }
        do {
            try await vault.record(batch, at: clock())
            tally.add(batch.visits.count + batch.alerts.count)
            identity.gallery.markStored(batch.vectors.map(\.id))
        } catch {
            if case .store(let stored) = error, stored.isTransient {
                identity.pending.putBack(batch)
                throw error
            }
            logger.error("identity records dropped, the vault refuses them: \(error) (\(batch.vectors.count) vectors, \(batch.visits.count) visits, \(batch.alerts.count) alerts)")
        }
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
            tally.add(batch.recordCount)
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
                tally.add(part.recordCount)
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
