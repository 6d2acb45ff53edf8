import Foundation

/// One visit of a pseudonymous visitor (use case 3): personal data, kept for the manifest's `visit_history` days.
public struct RepeatVisit: Sendable, Hashable, Codable {
    /// The visitor's id: a tenant-keyed hash, unlinkable across tenants.
    public let visitorID: String
    /// The camera that saw the visit.
    public let cameraID: String
    /// When the visit was seen.
    public let visitedAt: Date

    /// A visit.
    public init(visitorID: String, cameraID: String, visitedAt: Date) {
        self.visitorID = visitorID
        self.cameraID = cameraID
        self.visitedAt = visitedAt
    }
}
