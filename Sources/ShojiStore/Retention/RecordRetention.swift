import Foundation

/// A store whose expired records can be removed: the edge's SQLite store (row by row, per deployment) and the
/// hub's PostgreSQL store (whole monthly partitions, then the rows of the partly expired month).
public protocol RecordRetention: Sendable {
    /// Removes every record of each kind whose time is before the kind's cut-off, of `deploymentID` only, or of
    /// every deployment when it is nil. Returns the records removed per kind.
    func deleteRecords(olderThan cutoffs: [RecordKind: Date], deploymentID: String?) async throws(StoreError) -> [RecordKind: Int]
}

extension AnalyticsStore: RecordRetention {}
