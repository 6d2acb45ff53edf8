import Foundation

/// A watchlist match waiting for a person to confirm or dismiss it: the time, the camera, the distance and the
/// entry, never the probe's image or vector.
public struct MatchAlert: Sendable, Hashable, Codable {
    /// Where the review stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting for a person.
        case pending
        /// A person confirmed the match.
        case confirmed
        /// A person found it was not the registered person.
        case dismissed
    }

    /// The alert's id.
    public let alertID: UUID
    /// The watchlist entry matched.
    public let entryID: UUID
    /// The deployment and camera that saw the face.
    public let deploymentID: String
    /// The camera.
    public let cameraID: String
    /// When.
    public let matchedAt: Date
    /// The face distance (lower is closer; the match threshold was above it).
    public let distance: Double
    /// The review state.
    public let status: Status
    /// Who reviewed it.
    public let reviewedBy: String?
    /// When it was reviewed.
    public let reviewedAt: Date?

    /// A new, pending alert.
    public init(entryID: UUID, deploymentID: String, cameraID: String, matchedAt: Date, distance: Double,
                alertID: UUID = UUID()) {
        self.init(alertID: alertID, entryID: entryID, deploymentID: deploymentID, cameraID: cameraID, matchedAt: matchedAt,
                  distance: distance, status: .pending, reviewedBy: nil, reviewedAt: nil)
    }

    init(alertID: UUID, entryID: UUID, deploymentID: String, cameraID: String, matchedAt: Date, distance: Double,
         status: Status, reviewedBy: String?, reviewedAt: Date?) {
        self.alertID = alertID
        self.entryID = entryID
        self.deploymentID = deploymentID
        self.cameraID = cameraID
        self.matchedAt = matchedAt
        self.distance = distance
        self.status = status
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }
}
