import Foundation
import GRDB

/// An incident (APPI Art. 26) as the privacy officer recorded it: the incident file whole, who recorded its
/// latest version and when. The assessment, its deadlines and the draft report are derived from `document` by
/// `IncidentAssessment` (ShojiPolicy) every time they are shown, so they always follow the rules as they are.
public struct RecordedIncident: Sendable, Hashable {
    /// The incident's own id (its file's `id`).
    public let incidentID: String
    /// The incident file (YAML), as recorded.
    public let document: String
    /// Who recorded the latest version.
    public let recordedBy: String
    /// When.
    public let recordedAt: Date

    init(row: Row) {
        incidentID = row["incident_id"]
        document = row["document"]
        recordedBy = row["recorded_by"]
        recordedAt = Date(timeIntervalSince1970: row["recorded_at"])
    }
}
