/// The chapters of the rule catalogue, in reading order.
public enum Chapter: String, Sendable, Codable, CaseIterable, Comparable {
    /// Purpose specification, notice of purpose, use limitation (APPI Art. 17–19, 21).
    case purpose
    /// Acquisition and recognisability (APPI Art. 20).
    case acquisition
    /// On-site notice and prior notice (PPC Q&A, guidebook §4.5–4.6).
    case notice
    /// Retention, minimisation and design (APPI Art. 22; guidebook §4.3–4.4).
    case retention
    /// Security, processors and cloud (APPI Art. 23, 25, 28; PPC Q&A Q5-26-x).
    case security
    /// Third parties and joint use (APPI Art. 27, 29).
    case thirdParties = "third_parties"
    /// Rights of the persons concerned (APPI Art. 32–35).
    case rights
    /// Incidents (APPI Art. 26; PPC Rules Art. 7–10).
    case incidents
    /// Face identification for crime prevention (PPC Q&A Q1-11, Q1-13-2; PPC 2023 document).
    case faceIdentification = "face_identification"
    /// Guidebook principles and privacy (§3.2, §4.1, §4.9).
    case guidebook

    /// The chapter's heading.
    public var title: LocalizedText {
        switch self {
        case .purpose: LocalizedText(ja: "利用目的", en: "Purpose")
        case .acquisition: LocalizedText(ja: "取得と認識可能性", en: "Acquisition and recognisability")
        case .notice: LocalizedText(ja: "通知・掲示", en: "Notice")
        case .retention: LocalizedText(ja: "保存期間と設計", en: "Retention and design")
        case .security: LocalizedText(ja: "安全管理・委託・クラウド", en: "Security, processors and cloud")
        case .thirdParties: LocalizedText(ja: "第三者提供・共同利用", en: "Third parties and joint use")
        case .rights: LocalizedText(ja: "本人の権利", en: "Rights")
        case .incidents: LocalizedText(ja: "漏えい等", en: "Incidents")
        case .faceIdentification: LocalizedText(ja: "顔識別（防犯目的）", en: "Face identification")
        case .guidebook: LocalizedText(ja: "ガイドブックの基本原則とプライバシー（3.2）", en: "Guidebook principles and privacy (§3.2)")
        }
    }

    /// Orders chapters as in the catalogue.
    public static func < (lhs: Chapter, rhs: Chapter) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
