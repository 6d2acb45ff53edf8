import Foundation
import ShojiStore

/// Records the analyzers have finished and the writer has not stored yet. Camera threads add, the writer takes.
/// Thread-safe. Bounded in practice by the flush interval: counts are small aggregates.
final class PendingRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var batch = AnalyticsBatch()

    func add(_ more: AnalyticsBatch) {
        guard !more.isEmpty else { return }
        lock.withLock { batch.append(more) }
    }

    /// Everything pending, leaving nothing behind.
    func take() -> AnalyticsBatch {
        lock.withLock {
            defer { batch = AnalyticsBatch() }
            return batch
        }
    }

    /// Puts back a batch the store refused for a reason that may pass (busy, disk full).
    func putBack(_ failed: AnalyticsBatch) {
        lock.withLock {
            var merged = failed
            merged.append(batch)
            batch = merged
        }
    }
}

extension AnalyticsBatch {
    /// Appends every record of `other`.
    mutating func append(_ other: AnalyticsBatch) {
        lineCrossings += other.lineCrossings
        attributes += other.attributes
        zoneDwell += other.zoneDwell
        zoneTransitions += other.zoneTransitions
        trajectories += other.trajectories
        heatmaps += other.heatmaps
        congestion += other.congestion
    }
}
