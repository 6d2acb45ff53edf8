/// The operating rules of a face-identification watchlist (PPC Q&A Q1-13-2; PPC 2023 document).
public struct WatchlistPolicy: Sendable, Codable, Hashable {
    /// The internal rule on who may be registered.
    public var registrationCriteria: String?
    /// Whether registration needs objective evidence of a crime or nuisance, e.g. a damage report to the police
    /// (被害届).
    public var objectiveEvidence: Bool
    /// Who, responsible within the operator, confirms necessity and accuracy of each registration.
    public var approver: String?
    /// Whether a person reviews every match before anyone acts on it.
    public var humanReview: Bool
    /// Whether the vectors of people who match no entry are discarded at once.
    public var discardNonMatches: Bool
    /// Where the operating rules (criteria, retention, contact) are published.
    public var rulesPublishedAt: String?
    /// The categories of the published registration criteria (e.g. `shoplifting`): a registration names one of
    /// them, and none outside them can be registered.
    public var categories: [String]
    /// Days after approval by which a privacy officer reviews whether an entry is still needed (default 90).
    public var reviewDays: Int

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["registration_criteria", "objective_evidence", "approver", "human_review", "discard_non_matches", "rules_published_at", "categories", "review_days"])
        registrationCriteria = try map.optionalString("registration_criteria")
        objectiveEvidence = try map.bool("objective_evidence", default: false)
        approver = try map.optionalString("approver")
        humanReview = try map.bool("human_review", default: false)
        discardNonMatches = try map.bool("discard_non_matches", default: true)
        rulesPublishedAt = try map.optionalString("rules_published_at")
        categories = try map.strings("categories")
        let review = map.optional("review_days")
        reviewDays = try review?.int() ?? 90
        guard (1...3650).contains(reviewDays) else {
            throw (review ?? reader).error(.invalidValue(String(reviewDays), expected: "a number of days from 1 to 3650"))
        }
    }
}
