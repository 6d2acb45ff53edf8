/// The result of one rule for one deployment.
public struct Finding: Sendable, Codable, Hashable {
    /// What the assessment found.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// A legal obligation is not met (blocking).
        case unmetObligation = "unmet_obligation"
        /// A legal obligation lacks specific items (blocking).
        case missingItem = "missing_item"
        /// A duty to endeavour or a recommendation is not followed (not blocking).
        case recommendation
        /// The rule is satisfied.
        case satisfied
        /// The rule does not apply to this deployment.
        case notApplicable = "not_applicable"

        /// The label used in reports.
        public var title: LocalizedText {
            switch self {
            case .unmetObligation: LocalizedText(ja: "義務違反", en: "unmet obligation")
            case .missingItem: LocalizedText(ja: "不足項目", en: "missing item")
            case .recommendation: LocalizedText(ja: "推奨", en: "recommendation")
            case .satisfied: LocalizedText(ja: "充足", en: "satisfied")
            case .notApplicable: LocalizedText(ja: "対象外", en: "not applicable")
            }
        }
    }

    /// The rule's id.
    public let ruleId: String
    /// The rule's chapter.
    public let chapter: Chapter
    /// What the rule requires.
    public let title: LocalizedText
    /// How binding the rule is.
    public let strength: Strength
    /// What was found.
    public let status: Status
    /// Whether the finding blocks the deployment (an unmet legal obligation).
    public let blocking: Bool
    /// Why, from the manifest's facts.
    public let reason: LocalizedText
    /// Items that are missing (manifest keys or notice items), when any.
    public let missing: [String]
    /// What to do; nil when satisfied or not applicable.
    public let remedy: LocalizedText?
    /// The rule's sources.
    public let sources: [Source]

    /// Evaluates `rule` in `context`.
    public init(rule: Rule, context: RuleContext) {
        ruleId = rule.id
        chapter = rule.chapter
        title = rule.title
        strength = rule.strength
        sources = rule.sources
        let applicability = rule.applicability(context)
        guard applicability.holds else {
            status = .notApplicable
            blocking = false
            reason = applicability.reason
            missing = []
            remedy = nil
            return
        }
        let satisfaction = rule.satisfaction(context)
        missing = satisfaction.missing
        if satisfaction.holds {
            status = .satisfied
            blocking = false
            reason = LocalizedText(ja: applicability.reason.ja + satisfaction.reason.ja, en: applicability.reason.en + " " + satisfaction.reason.en)
            remedy = nil
            return
        }
        reason = LocalizedText(ja: applicability.reason.ja + satisfaction.reason.ja, en: applicability.reason.en + " " + satisfaction.reason.en)
        remedy = rule.remedy
        if rule.strength == .legalObligation {
            status = satisfaction.isMissingItems ? .missingItem : .unmetObligation
            blocking = true
        } else {
            status = .recommendation
            blocking = false
        }
    }
}
