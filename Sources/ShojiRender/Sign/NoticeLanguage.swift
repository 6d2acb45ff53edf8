import ShojiPolicy

/// Which language(s) a sign or notice page is printed in.
public enum NoticeLanguage: String, Sendable, CaseIterable {
    /// Japanese only.
    case ja
    /// English only.
    case en
    /// Japanese first, with English under each item.
    case both

    /// The languages to print, primary first.
    public var printed: [Language] {
        switch self {
        case .ja: return [.ja]
        case .en: return [.en]
        case .both: return [.ja, .en]
        }
    }

    /// The language of the document as a whole (for `lang` / `xml:lang`).
    public var primary: Language { printed[0] }
}
