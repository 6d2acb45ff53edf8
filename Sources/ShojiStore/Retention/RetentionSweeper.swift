import Foundation
import Logging

/// Deletes records past their retention and checkpoints the WAL, once per period, until cancelled.
///
/// `run()` has the shape of a swift-service-lifecycle `Service`; the pipeline can wrap it as
/// `try await cancelWhenGracefulShutdown { await sweeper.run() }`. Time comes from the injected `now` and `sleep`,
/// so retention is tested without waiting. A failed sweep is logged and retried at the next period; nothing is
/// lost by retrying, since a sweep only deletes what is already past its cut-off.
public struct RetentionSweeper: Sendable {
    /// The store swept.
    public let store: AnalyticsStore
    /// Days per kind.
    public let policy: RetentionPolicy
    /// The deployment whose records are swept; nil sweeps every deployment in the store with this policy.
    public let deploymentID: String?
    /// The tenant whose expired vault vectors and watchlist entries are erased too; nil when the deployment holds
    /// no identity data.
    public let identityTenant: String?
    /// Time between sweeps.
    public let period: Duration
    private let now: @Sendable () -> Date
    private let sleep: @Sendable (Duration) async throws -> Void
    private let logger: Logger

    /// A sweeper of `deploymentID`'s records (nil: every deployment's); `now` and `sleep` default to the system
    /// clock and `Task.sleep`.
    public init(
        store: AnalyticsStore, policy: RetentionPolicy, deploymentID: String?, identityTenant: String? = nil,
        period: Duration = .seconds(3600),
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        logger: Logger = Logger(label: "shoji.store.retention")
    ) {
        self.store = store
        self.policy = policy
        self.deploymentID = deploymentID
        self.identityTenant = identityTenant
        self.period = period
        self.now = now
        self.sleep = sleep
        self.logger = logger
    }

    /// One sweep: delete what is past its cut-off at `now()`, then empty the WAL.
    @discardableResult
    public func sweep() async throws(StoreError) -> RetentionSweepReport {
        let sweptAt = now()
        var cutoffs: [RecordKind: Date] = [:]
        for kind in RecordKind.allCases {
            cutoffs[kind] = policy.cutoff(for: kind, now: sweptAt)
        }
        let deleted = try await store.deleteRecords(olderThan: cutoffs, deploymentID: deploymentID)
        var expired = (vectors: 0, entries: 0)
        if let identityTenant {
            expired = try await store.eraseExpiredIdentityData(tenant: identityTenant, now: sweptAt)
        }
        let complete = try await store.checkpointWAL()
        let report = RetentionSweepReport(sweptAt: sweptAt, cutoffs: cutoffs, deleted: deleted, expiredVectors: expired.vectors,
                                          expiredWatchlistEntries: expired.entries, checkpointComplete: complete)
        logger.debug("retention sweep", metadata: [
            "deleted": "\(report.totalDeleted)", "checkpointComplete": "\(complete)",
        ])
        if !complete {
            logger.warning("WAL checkpoint incomplete: another process is reading; deleted content stays in the WAL until the next sweep")
        }
        return report
    }

    /// Sweeps now and then once per period until the task is cancelled (or `sleep` throws).
    public func run() async {
        while !Task.isCancelled {
            do {
                try await sweep()
            } catch {
                logger.error("retention sweep failed; retrying next period", metadata: ["error": "\(error)"])
            }
            do {
                try await sleep(period)
            } catch {
                return
            }
        }
    }
}
