/// The answer of a rule's applicability predicate or satisfaction check, with the manifest facts behind it.
public struct RuleCheck: Sendable, Hashable {
    /// Whether the predicate holds (applies / is satisfied).
    public let holds: Bool
    /// Why, in terms of the manifest's facts.
    public let reason: LocalizedText
    /// For a failed satisfaction check: the manifest keys or notice items that would satisfy the rule.
    public let missing: [String]
    /// Whether a failure is about items left out of a notice or publication (a *missing item*) rather than an
    /// obligation not met in substance.
    public let isMissingItems: Bool

    /// A predicate that holds.
    public static func yes(_ ja: String, _ en: String) -> RuleCheck {
        RuleCheck(holds: true, reason: LocalizedText(ja: ja, en: en), missing: [], isMissingItems: false)
    }

    /// A predicate that does not hold; `missing` names what would make it hold.
    public static func no(_ ja: String, _ en: String, missing: [String] = []) -> RuleCheck {
        RuleCheck(holds: false, reason: LocalizedText(ja: ja, en: en), missing: missing, isMissingItems: false)
    }

    /// A check that fails because `items` are left out of a notice or publication.
    public static func lacking(_ ja: String, _ en: String, items: [String]) -> RuleCheck {
        RuleCheck(holds: false, reason: LocalizedText(ja: ja, en: en), missing: items, isMissingItems: true)
    }

    /// `yes` when `condition`, else `no` with the keys that would satisfy the rule.
    public static func when(_ condition: Bool, yes: (String, String), no: (String, String), missing: [String] = []) -> RuleCheck {
        condition ? .yes(yes.0, yes.1) : .no(no.0, no.1, missing: missing)
    }

    /// `yes` when `condition`, else `lacking` the notice or publication `items`.
    public static func when(_ condition: Bool, yes: (String, String), lacking: (String, String), items: [String]) -> RuleCheck {
        condition ? .yes(yes.0, yes.1) : .lacking(lacking.0, lacking.1, items: items)
    }
}

/// What a rule sees: the manifest and the day of the assessment (for reviews that fall due).
public struct RuleContext: Sendable {
    /// The deployment assessed.
    public let manifest: Manifest
    /// The day of the assessment.
    public let asOf: CalendarDay

    /// Creates a context.
    public init(manifest: Manifest, asOf: CalendarDay) {
        self.manifest = manifest
        self.asOf = asOf
    }
}
