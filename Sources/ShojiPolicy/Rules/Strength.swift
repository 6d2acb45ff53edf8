/// How binding a rule is. Only `legalObligation` can block a deployment.
public enum Strength: String, Sendable, Codable, CaseIterable, Comparable {
    /// A statutory or PPC-Rules obligation (「しなければならない」): breaking it violates the APPI.
    case legalObligation = "legal_obligation"
    /// A statutory duty to endeavour (「努めなければならない」), e.g. APPI Art. 22.
    case dutyToEndeavour = "duty_to_endeavour"
    /// What the PPC calls desirable (「望ましい」「考えられる」) in its Q&A or 2023 face-identification document.
    case ppcRecommendation = "ppc_recommendation"
    /// A recommendation of the METI/MIC Camera Image Utilization Guidebook ver3.0 (not legally binding).
    case guidebookRecommendation = "guidebook_recommendation"

    /// The label used in reports.
    public var title: LocalizedText {
        switch self {
        case .legalObligation: LocalizedText(ja: "法的義務", en: "legal obligation")
        case .dutyToEndeavour: LocalizedText(ja: "努力義務", en: "duty to endeavour")
        case .ppcRecommendation: LocalizedText(ja: "個人情報保護委員会の推奨", en: "PPC recommendation")
        case .guidebookRecommendation: LocalizedText(ja: "ガイドブックの推奨", en: "guidebook recommendation")
        }
    }

    /// Orders from most to least binding.
    public static func < (lhs: Strength, rhs: Strength) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
