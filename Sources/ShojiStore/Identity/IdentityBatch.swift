import Foundation

/// What the identity analyzers hand the vault to store in one transaction: new vectors (sealed inside it),
/// visits, visit counts and match alerts, with one audit entry for the lot.
public struct IdentityBatch: Sendable {
    /// Vectors to seal and store.
    public var vectors: [NewVector]
    /// Repeat vectors to erase: a visitor's oldest, replaced by newer ones.
    public var retiredVectors: [UUID]
    /// Visits of pseudonymous visitors.
    public var visits: [RepeatVisit]
    /// Visit statistics, added to stored counts.
    public var visitCounts: [RepeatVisitCount]
    /// Watchlist match alerts.
    public var alerts: [MatchAlert]

    /// A batch; every list defaults to empty.
    public init(vectors: [NewVector] = [], retiredVectors: [UUID] = [], visits: [RepeatVisit] = [], visitCounts: [RepeatVisitCount] = [],
                alerts: [MatchAlert] = []) {
        self.vectors = vectors
        self.retiredVectors = retiredVectors
        self.visits = visits
        self.visitCounts = visitCounts
        self.alerts = alerts
    }

    /// Whether there is nothing to store.
    public var isEmpty: Bool { vectors.isEmpty && retiredVectors.isEmpty && visits.isEmpty && visitCounts.isEmpty && alerts.isEmpty }

    /// Appends every record of `other`.
    public mutating func append(_ other: IdentityBatch) {
        vectors += other.vectors
        retiredVectors += other.retiredVectors
        visits += other.visits
        visitCounts += other.visitCounts
        alerts += other.alerts
    }
}
