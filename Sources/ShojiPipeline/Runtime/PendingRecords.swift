import Foundation
import ShojiStore

/// A batch of records that can wait in memory to be stored: analytics records, identity records.
protocol PendingBatch: Sendable {
    /// An empty batch.
    static var empty: Self { get }
    /// Whether there is nothing to store.
    var isEmpty: Bool { get }
    /// Appends every record of `other`.
    mutating func append(_ other: Self)
}

/// Records the analyzers have finished and the writer has not stored yet. Camera threads add, the writer takes.
/// Thread-safe. Bounded in practice by the flush interval: counts are small aggregates, identity records a few per
/// person seen.
final class PendingRecords<Batch: PendingBatch>: @unchecked Sendable {
    private let lock = NSLock()
    private var batch = Batch.empty

    func add(_ more: Batch) {
        guard !more.isEmpty else { return }
        lock.withLock { batch.append(more) }
    }

    /// Everything pending, leaving nothing behind.
    func take() -> Batch {
        lock.withLock {
            defer { batch = .empty }
            return batch
        }
    }

    /// Puts back a batch the store refused for a reason that may pass (busy, disk full).
    func putBack(_ failed: Batch) {
        lock.withLock {
            var merged = failed
            merged.append(batch)
            batch = merged
        }
    }
}

extension AnalyticsBatch: PendingBatch {
    static var empty: AnalyticsBatch { AnalyticsBatch() }

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

extension IdentityBatch: PendingBatch {
    static var empty: IdentityBatch { IdentityBatch() }
}
