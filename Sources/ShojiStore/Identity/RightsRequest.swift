import Foundation
import GRDB

/// A person's request about the data held on them (APPI Art. 33 disclosure, Art. 35 stop of use and erasure),
/// with the day it was received, how the person asked to be answered, and where it stands.
public struct RightsRequest: Sendable, Hashable, Codable {
    /// What the person asked for.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// What is held about them (Art. 33).
        case disclosure
        /// That their data no longer be used (Art. 35): they are put on the opt-out list.
        case stop
        /// That their data be deleted (Art. 35).
        case erasure
    }

    /// Where the request stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Received and looked up; nothing answered yet.
        case received
        /// Answered and closed.
        case complete
        /// Refused, with the reason given to the person (Art. 33(2), Art. 35 exceptions).
        case denied
    }

    /// Held data the person's photo matched.
    public struct Match: Sendable, Hashable, Codable {
        /// The vault purpose it is held for.
        public let purpose: VaultPurpose
        /// The subject: a visitor id, a watchlist entry id or an earlier opt-out request.
        public let subject: String
        /// How close the photo was.
        public let distance: Double
    }

    /// The request's id.
    public let requestID: UUID
    /// What was asked.
    public let kind: Kind
    /// The day it was received (the Art. 33 clock starts then).
    public let receivedOn: String
    /// How the person asked to be answered (electronic, paper, ...).
    public let requestedMethod: String
    /// Where it stands.
    public let status: Status
    /// What the photo matched (no photo or vector is kept).
    public let matches: [Match]
    /// Who opened it.
    public let openedBy: String
    /// When.
    public let openedAt: Date
    /// Who answered or refused it.
    public let closedBy: String?
    /// When.
    public let closedAt: Date?
    /// How it was answered.
    public let answerMethod: String?
    /// What the person was told (a refusal's reason, a method other than the one asked and why).
    public let answerNote: String?
    /// The ticket the sender follows a request filed through the public portal by; nil for requests taken in
    /// person (`shoji requests lookup`).
    public let ticket: String?
    /// The deployment a portal request is about.
    public let deploymentID: String?
    /// How to reach the sender of a portal request (what they gave: mail or post address).
    public let contact: String?
    /// Whether a photo was compared with what is held when the request was opened. Without one, no `matches`
    /// means nothing was looked up, not that nothing is held.
    public let photoCompared: Bool

    static let columns = """
        request_id, kind, received_on, requested_method, status, matches, opened_by, opened_at, closed_by, closed_at,
        answer_method, answer_note, ticket, deployment_id, contact, photo_compared
        """

    init(row: Row) throws {
        guard let id = UUID(uuidString: row["request_id"]), let kind = Kind(rawValue: row["kind"]),
              let status = Status(rawValue: row["status"]) else {
            throw StoreError.invalidValue("a stored request is malformed")
        }
        requestID = id
        self.kind = kind
        receivedOn = row["received_on"]
        requestedMethod = row["requested_method"]
        self.status = status
        matches = try JSONDecoder().decode([Match].self, from: Data((row["matches"] as String).utf8))
        openedBy = row["opened_by"]
        openedAt = Date(timeIntervalSince1970: row["opened_at"])
        closedBy = row["closed_by"]
        closedAt = (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        answerMethod = row["answer_method"]
        answerNote = row["answer_note"]
        ticket = row["ticket"]
        deploymentID = row["deployment_id"]
        contact = row["contact"]
        photoCompared = row["photo_compared"]
    }

    /// The subjects matched for `purpose`.
    public func subjects(_ purpose: VaultPurpose) -> [String] {
        matches.filter { $0.purpose == purpose }.map(\.subject)
    }
}
