import Foundation
import GRDB

/// A person registered on the crime-prevention watchlist (PPC Q&A Q1-13-2): the objective basis, who registered
/// them, who (a different privacy officer) approved, until when and when to review. The face vector is in the
/// vault under the entry's id; the photo it came from is never stored.
public struct WatchlistEntry: Sendable, Hashable, Codable {
    /// Where the entry stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Registered, waiting for a privacy officer's approval; not matched.
        case pending
        /// Approved by a second person: matched until it expires.
        case approved
        /// Refused; its vector was erased at once.
        case rejected
        /// Taken off the list; its vector was erased at once.
        case removed
    }

    /// The entry's id (also the subject of its vault vector).
    public let entryID: UUID
    /// The deployment it was registered under.
    public let deploymentID: String
    /// The category from the published registration criteria.
    public let category: String
    /// The objective basis: a police report (被害届) number or an incident record.
    public let evidence: String
    /// The day of that report or incident (YYYY-MM-DD).
    public let evidenceDate: String
    /// Who registered it.
    public let registeredBy: String
    /// When.
    public let registeredAt: Date
    /// The state.
    public let status: Status
    /// Who approved, rejected or removed it.
    public let decidedBy: String?
    /// When.
    public let decidedAt: Date?
    /// When it stops being matched and is erased.
    public let expiresAt: Date?
    /// When a privacy officer must review whether it is still needed.
    public let reviewAt: Date?

    init(row: Row) throws {
        guard let id = UUID(uuidString: row["entry_id"]), let status = Status(rawValue: row["status"]) else {
            throw StoreError.invalidValue("a stored watchlist entry is malformed")
        }
        entryID = id
        deploymentID = row["deployment_id"]
        category = row["category"]
        evidence = row["evidence"]
        evidenceDate = row["evidence_date"]
        registeredBy = row["registered_by"]
        registeredAt = Date(timeIntervalSince1970: row["registered_at"])
        self.status = status
        decidedBy = row["decided_by"]
        decidedAt = (row["decided_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        expiresAt = (row["expires_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        reviewAt = (row["review_at"] as Double?).map(Date.init(timeIntervalSince1970:))
    }

    static let columns = """
        entry_id, deployment_id, category, evidence, evidence_date, registered_by, registered_at, status, decided_by,
        decided_at, expires_at, review_at
        """
}
