/// One rule of the catalogue: what it requires, where it comes from, how binding it is, when it applies, how
/// to tell whether a deployment satisfies it and what to do if not.
///
/// Rules are values: `RuleCatalogue.all` lists them and `Assessment` evaluates each the same way, so adding a
/// rule never touches the assessment.
public struct Rule: Sendable, Identifiable {
    /// A stable id, e.g. `PUR-02`. Ids are never reused.
    public let id: String
    /// The chapter of the catalogue.
    public let chapter: Chapter
    /// What the rule requires.
    public let title: LocalizedText
    /// Where it comes from, most authoritative first.
    public let sources: [Source]
    /// How binding it is.
    public let strength: Strength
    /// Whether the rule applies to a deployment, and why.
    public let applicability: @Sendable (RuleContext) -> RuleCheck
    /// Whether an applicable rule is satisfied, and why.
    public let satisfaction: @Sendable (RuleContext) -> RuleCheck
    /// What to do when it is not.
    public let remedy: LocalizedText

    /// Creates a rule.
    public init(
        id: String, chapter: Chapter, title: LocalizedText, sources: [Source], strength: Strength,
        applies applicability: @escaping @Sendable (RuleContext) -> RuleCheck,
        check satisfaction: @escaping @Sendable (RuleContext) -> RuleCheck,
        remedy: LocalizedText
    ) {
        self.id = id
        self.chapter = chapter
        self.title = title
        self.sources = sources
        self.strength = strength
        self.applicability = applicability
        self.satisfaction = satisfaction
        self.remedy = remedy
    }
}

/// Shorthand for a bilingual text inside the catalogue.
func L(_ ja: String, _ en: String) -> LocalizedText { LocalizedText(ja: ja, en: en) }
