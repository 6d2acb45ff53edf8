/// A citation: where a rule comes from, precise enough for a privacy officer to look it up.
public struct Source: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The kind of document cited.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The APPI (個人情報の保護に関する法律).
        case appi
        /// The PPC Enforcement Rules (個人情報の保護に関する法律施行規則).
        case ppcRules = "ppc_rules"
        /// The Cabinet Order (個人情報の保護に関する法律施行令).
        case cabinetOrder = "cabinet_order"
        /// The PPC Guidelines, general rules volume (ガイドライン（通則編）).
        case ppcGuidelines = "ppc_guidelines"
        /// The PPC Q&A on the Guidelines (numbered as in the September 2021 update, the seed document).
        case ppcQA = "ppc_qa"
        /// The PPC's March 2023 document on face-identification cameras for crime prevention and safety.
        case ppcFaceID2023 = "ppc_face_id_2023"
        /// The METI/MIC Camera Image Utilization Guidebook ver3.0 (March 2022).
        case guidebook
    }

    /// The kind of document.
    public let kind: Kind
    /// Where in it: an article with paragraph and item, a Q&A number or a section.
    public let reference: String
    /// The same place before the 2022 renumbering, when different.
    public let former: String?
    /// The words relied on, quoted from the source (Japanese), when short enough to quote.
    public let excerpt: String?

    /// Creates a citation.
    public init(kind: Kind, reference: String, former: String? = nil, excerpt: String? = nil) {
        self.kind = kind
        self.reference = reference
        self.former = former
        self.excerpt = excerpt
    }

    /// An APPI article with paragraph and item, e.g. `.appi(.noticeOfPurpose, "(4)(iv)")`.
    public static func appi(_ article: APPIArticle, _ subdivision: String = "", excerpt: String? = nil) -> Source {
        let former = article.former.flatMap { $0 == article.number ? nil : "Art. \($0)\(subdivision)" }
        return Source(kind: .appi, reference: "Art. \(article.number)\(subdivision)", former: former, excerpt: excerpt)
    }

    /// A PPC Q&A item, numbered as in the seed document (September 2021).
    public static func qa(_ number: String, excerpt: String? = nil, current: String? = nil) -> Source {
        Source(kind: .ppcQA, reference: number, former: current.map { "now \($0)" }, excerpt: excerpt)
    }

    /// A section of the guidebook ver3.0.
    public static func guidebook(_ section: String, excerpt: String? = nil) -> Source {
        Source(kind: .guidebook, reference: section, excerpt: excerpt)
    }

    /// The document's name.
    public var document: LocalizedText {
        switch kind {
        case .appi: LocalizedText(ja: "個人情報保護法", en: "APPI")
        case .ppcRules: LocalizedText(ja: "個人情報保護法施行規則", en: "PPC Rules")
        case .cabinetOrder: LocalizedText(ja: "個人情報保護法施行令", en: "Cabinet Order")
        case .ppcGuidelines: LocalizedText(ja: "ガイドライン（通則編）", en: "PPC Guidelines (General Rules)")
        case .ppcQA: LocalizedText(ja: "個人情報保護委員会Q&A", en: "PPC Q&A")
        case .ppcFaceID2023: LocalizedText(ja: "犯罪予防や安全確保のための顔識別機能付きカメラシステムの利用について", en: "PPC, face-identification camera systems for crime prevention and safety")
        case .guidebook: LocalizedText(ja: "カメラ画像利活用ガイドブックver3.0", en: "Camera Image Utilization Guidebook ver3.0")
        }
    }

    /// The citation in `language`, e.g. "APPI Art. 21(4)(iv) [pre-2022: Art. 18(4)(iv)]" or
    /// 「個人情報保護法 第21条第4項第4号［旧第18条第4項第4号］」.
    public func citation(_ language: Language = .en) -> String {
        let isArticle = [.appi, .ppcRules, .cabinetOrder].contains(kind)
        let place = language == .ja && isArticle ? Self.japaneseArticle(reference) : reference
        let base = "\(document[language]) \(place)"
        guard let former else { return base }
        if kind == .ppcQA { return language == .ja ? "\(base)［現行\(former.replacingOccurrences(of: "now ", with: ""))］" : "\(base) [\(former)]" }
        return language == .ja ? "\(base)［旧\(Self.japaneseArticle(former))］" : "\(base) [pre-2022: \(former)]"
    }

    /// "Art. 21(4)(iv)" → 「第21条第4項第4号」, "Art. 6-2" → 「第6条の2」, "Art. 33(1)-(3)" → 「第33条第1項〜第3項」.
    static func japaneseArticle(_ reference: String) -> String {
        guard reference.hasPrefix("Art. ") else { return reference }
        let romans = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10]
        var rest = Substring(reference.dropFirst(5))
        let number = rest.prefix { $0 != "(" }
        rest = rest.dropFirst(number.count)
        let parts = number.split(separator: "-", maxSplits: 1)
        var text = "第\(parts[0])条" + (parts.count > 1 ? "の\(parts[1])" : "")
        var depth = 0
        while let open = rest.firstIndex(of: "("), let close = rest.firstIndex(of: ")") {
            let separator = rest[rest.startIndex..<open]
            let inner = String(rest[rest.index(after: open)..<close])
            if separator.contains("-") { text += "〜" }
            if let roman = romans[inner] {
                text += "第\(roman)号"
            } else {
                text += depth == 0 || separator.contains("-") ? "第\(inner)項" : "(\(inner))"
            }
            depth += 1
            rest = rest[rest.index(after: close)...]
        }
        return text
    }

    /// The English citation.
    public var description: String { citation(.en) }

    private enum CodingKeys: String, CodingKey {
        case kind, reference, former, excerpt, citation
    }

    /// Decodes a citation (the derived `citation` member is ignored).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        reference = try container.decode(String.self, forKey: .reference)
        former = try container.decodeIfPresent(String.self, forKey: .former)
        excerpt = try container.decodeIfPresent(String.self, forKey: .excerpt)
    }

    /// Encodes the citation with its rendered text in both languages (`citation.ja`, `citation.en`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(reference, forKey: .reference)
        try container.encodeIfPresent(former, forKey: .former)
        try container.encodeIfPresent(excerpt, forKey: .excerpt)
        try container.encode(LocalizedText(ja: citation(.ja), en: citation(.en)), forKey: .citation)
    }
}
