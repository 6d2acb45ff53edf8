import Foundation

/// What one retention sweep did.
public struct RetentionSweepReport: Sendable, Hashable, Codable {
    /// The injected clock's time of the sweep.
    public var sweptAt: Date
    /// The cut-off applied per kind; kinds with no retention are absent.
    public var cutoffs: [RecordKind: Date]
    /// Rows deleted per kind.
    public var deleted: [RecordKind: Int]
    /// Vault vectors erased because their expiry passed.
    public var expiredVectors: Int
    /// Watchlist entries erased because their expiry passed.
    public var expiredWatchlistEntries: Int
    /// True when the WAL was emptied, so that deleted content is gone from every file of the database.
    public var checkpointComplete: Bool

    /// A sweep's outcome.
    public init(sweptAt: Date, cutoffs: [RecordKind: Date], deleted: [RecordKind: Int], expiredVectors: Int = 0,
                expiredWatchlistEntries: Int = 0, checkpointComplete: Bool) {
        self.expiredVectors = expiredVectors
        self.expiredWatchlistEntries = expiredWatchlistEntries
        self.sweptAt = sweptAt
        self.cutoffs = cutoffs
        self.deleted = deleted
        self.checkpointComplete = checkpointComplete
    }

    /// Rows deleted in all kinds.
    public var totalDeleted: Int { deleted.values.reduce(0, +) + expiredVectors + expiredWatchlistEntries }
}
