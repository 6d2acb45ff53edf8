/// A text in the two languages Shoji publishes: Japanese (the legal and public language) and English.
public struct LocalizedText: Sendable, Codable, Hashable {
    /// The Japanese text.
    public var ja: String
    /// The English text.
    public var en: String

    /// Creates a text from its Japanese and English versions.
    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    /// The text in `language`.
    public subscript(language: Language) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}

/// The languages of Shoji's legal texts, notices and findings.
public enum Language: String, Sendable, Codable, CaseIterable {
    /// Japanese.
    case ja
    /// English.
    case en
}
