import Foundation

/// Checks purpose texts against PPC Q&A Q2-1 (specific enough that a person can foresee the use), Q1-13-3
/// (attribute-based advertising stated) and Q1-11 (face identification stated).
///
/// A text is *abstract* when it names no concrete processing at all, e.g. 「お客様サービス向上のため」 or
/// 「マーケティングに利用するため」 alone. For each use case it covers, the text must also say what is done
/// (e.g. 年齢・性別の推定, 通行者数の計測). Both language versions are published, so both are checked.
public enum PurposeLinter {
    /// Words that say what is done, per use case and language.
    public static let concreteTerms: [UseCase: [Language: [String]]] = [
        .attributes: [.ja: ["年齢", "性別", "属性"], .en: ["age", "gender", "attribute"]],
        .flow: [.ja: ["動線", "移動", "経路", "回遊"], .en: ["movement", "flow", "path", "route"]],
        .repeatVisit: [.ja: ["再来店", "リピート", "来店履歴", "来店頻度"], .en: ["repeat", "return", "visit history"]],
        .counting: [.ja: ["人数", "通行量", "通行者数", "計測", "カウント"], .en: ["count", "number of", "footfall", "traffic"]],
        .redaction: [.ja: ["風景", "道路", "構造物", "地図", "ぼかし", "マスク"], .en: ["landscape", "road", "structure", "map", "blur", "mask"]],
        .congestion: [.ja: ["混雑", "滞留", "アイコン"], .en: ["congestion", "crowd", "icon"]],
        .watchlist: [.ja: ["顔識別", "顔認証", "照合"], .en: ["face identification", "face recognition", "facial recognition", "match"]],
    ]

    /// Whether `text` names no concrete processing of any use case.
    public static func isAbstract(_ text: String, language: Language) -> Bool {
        !concreteTerms.values.contains { terms in (terms[language] ?? []).contains { mentions(text, $0, language: language) } }
    }

    /// Whether `text` mentions `term`. Japanese has no word boundaries, so any occurrence counts; in English a
    /// term must start a word ("age" matches "ages" but not "image").
    public static func mentions(_ text: String, _ term: String, language: Language) -> Bool {
        switch language {
        case .ja:
            return text.contains(term)
        case .en:
            let words = " " + String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
            return words.contains(" " + term.lowercased().trimmingCharacters(in: .whitespaces))
        }
    }

    /// The issues of one purpose in the context of its deployment.
    public static func lint(_ purpose: Purpose, in manifest: Manifest) -> [PurposeIssue] {
        var issues: [PurposeIssue] = []
        for language in Language.allCases {
            let text = purpose.text[language]
            if isAbstract(text, language: language) {
                issues.append(PurposeIssue(
                    purposeId: purpose.id, kind: .abstract, language: language, useCase: nil,
                    explanation: L(
                        "「\(text)」は抽象的・一般的で、本人がどのような処理に利用されるか予測・想定できません。「お客様のサービスの向上」等の記載は、できる限り具体的に特定したことになりません（Q2-1）。何を推定・計測し、何に使うかを書いてください。",
                        "\"\(text)\" is abstract and general: a person cannot foresee what is done with their data. Phrases like \"improving customer service\" are not specific as far as possible (Q2-1). Say what is estimated or measured and what it is used for."),
                    sources: [.qa2_1Specific, .art17_1]))
            }
            for useCase in purpose.useCases.sorted() where !isAbstract(text, language: language) {
                let terms = concreteTerms[useCase]?[language] ?? []
                guard !terms.contains(where: { mentions(text, $0, language: language) }) else { continue }
                issues.append(PurposeIssue(
                    purposeId: purpose.id, kind: .useCaseNotDescribed, language: language, useCase: useCase,
                    explanation: L(
                        "利用目的「\(purpose.id)」は「\(useCase.title.ja)」を対象としていますが、その処理（例：\(terms.prefix(3).joined(separator: "・"))）が記載されていません。本人が合理的に予測・想定できる程度に特定してください（Q2-1）。",
                        "Purpose '\(purpose.id)' covers \(useCase.title.en) but does not say what is done (e.g. \(terms.prefix(3).joined(separator: ", "))). Make it specific enough to foresee (Q2-1)."),
                    sources: [.qa2_1Specific, .art17_1]))
            }
            for requirement in PurposeRequirement.all where requirement.applies(purpose, manifest) && !requirement.isStated(in: text, language: language) {
                issues.append(PurposeIssue(
                    purposeId: purpose.id, kind: requirement.kind, language: language, useCase: nil,
                    explanation: requirement.explanation, sources: requirement.sources))
            }
        }
        return issues
    }

    /// The issues of every purpose of `manifest`.
    public static func lint(_ manifest: Manifest) -> [PurposeIssue] {
        manifest.purposes.flatMap { lint($0, in: manifest) }
    }
}
