import ShojiPolicy

/// The console's languages: Japanese (the default: the legal and public language here) and English.
enum ConsoleLanguage: String, Sendable, Hashable, CaseIterable {
    case japanese = "ja"
    case english = "en"

    /// The other language, which every page links to.
    var other: ConsoleLanguage { self == .japanese ? .english : .japanese }

    /// The other language's name in itself, for the switch link.
    var otherName: String { self == .japanese ? "English" : "日本語" }

    /// `text` in this language.
    func pick(_ ja: String, _ en: String) -> String { self == .japanese ? ja : en }

    /// The same language for ShojiPolicy's texts (findings, incident reports).
    var policyLanguage: Language { self == .japanese ? .ja : .en }
}
