/// The catalogue of rules, grouped by chapter: APPI obligations, PPC Q&A answers (seed Q&A of September 2021),
/// the PPC 2023 face-identification document and the METI/MIC guidebook ver3.0 recommendations. RULES.md is the
/// reference behind it; every rule cites its sources.
public enum RuleCatalogue {
    /// Every rule, in chapter order.
    public static let all: [Rule] =
        purposeRules + acquisitionRules + noticeRules + retentionRules + securityRules + thirdPartyRules
        + rightsRules + incidentRules + faceIdentificationRules + guidebookRules

    /// The rule with `id`, if any.
    public static func rule(id: String) -> Rule? {
        all.first { $0.id == id }
    }

    /// The rules of `chapter`.
    public static func rules(in chapter: Chapter) -> [Rule] {
        all.filter { $0.chapter == chapter }
    }
}
