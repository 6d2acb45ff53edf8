import ShojiPolicy

/// Accumulates HTML for the notice page, printing each `LocalizedText` in the page's languages and marking every
/// passage that is not in the page's primary language with its own `lang`.
struct HTMLWriter {
    let languages: [Language]
    private(set) var output = ""

    init(languages: [Language]) {
        self.languages = languages
    }

    private var primary: Language { languages[0] }

    mutating func raw(_ markup: String) {
        output += markup
    }

    /// The doctype, `<html lang>`, the head (title, viewport, the notice pages' style sheet and `extraStyle`) and
    /// `<body>`: everything a self-contained Shoji page starts with.
    mutating func documentStart(title: String, extraStyle: String = "") {
        raw("<!DOCTYPE html>\n<html lang=\"\(primary.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        raw("<title>\(Markup.escape(title))</title>\n")
        raw("<style>\n\(NoticePageRenderer.styleSheet)\(extraStyle)</style>\n</head>\n<body>\n")
    }

    /// The text in every language, inline: the secondary language in a `span` block.
    func inline(_ text: LocalizedText) -> String {
        var out = Markup.escape(text[primary])
        for language in languages.dropFirst() where text[language] != text[primary] {
            out += " <span lang=\"\(language.rawValue)\" class=\"en\">\(Markup.escape(text[language]))</span>"
        }
        return out
    }

    mutating func heading(_ level: Int, _ text: LocalizedText) {
        raw("<h\(level)>\(inline(text))</h\(level)>\n")
    }

    /// One paragraph per language.
    mutating func paragraphs(_ text: LocalizedText, className: String? = nil) {
        for language in languages {
            if language != primary, text[language] == text[primary] { continue }
            var classes = className.map { [$0] } ?? []
            var attributes = ""
            if language != primary {
                attributes += " lang=\"\(language.rawValue)\""
                classes.append("en")
            }
            if !classes.isEmpty { attributes += " class=\"\(classes.joined(separator: " "))\"" }
            raw("<p\(attributes)>\(Markup.escape(text[language]))</p>\n")
        }
    }

    mutating func list(_ items: [LocalizedText], ordered: Bool = false) {
        let tag = ordered ? "ol" : "ul"
        raw("<\(tag)>\n")
        for item in items {
            raw("<li>")
            paragraphs(item)
            raw("</li>\n")
        }
        raw("</\(tag)>\n")
    }

    mutating func definition(_ term: LocalizedText, _ values: [LocalizedText]) {
        guard !values.isEmpty else { return }
        raw("<dt>\(inline(term))</dt>\n<dd>")
        for language in languages {
            let text = NoticeLabels.join(values, in: language)
            if language == primary {
                raw("<p>\(Markup.escape(text))</p>")
            } else if text != NoticeLabels.join(values, in: primary) {
                raw("<p lang=\"\(language.rawValue)\" class=\"en\">\(Markup.escape(text))</p>")
            }
        }
        raw("</dd>\n")
    }

    mutating func section(_ id: String, _ title: LocalizedText, body: (inout HTMLWriter) -> Void) {
        raw("<section id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n")
        raw("<h2 id=\"\(id)-title\">\(inline(title))</h2>\n")
        body(&self)
        raw("</section>\n")
    }

    mutating func party(_ party: NoticeParty) {
        raw("<dl>\n")
        definition(NoticePageLabels.name, [party.name])
        if let address = party.address { definition(NoticePageLabels.address, [address]) }
        if let representative = party.representative { definition(NoticePageLabels.representative, [representative]) }
        raw("</dl>\n")
    }

    mutating func contact(_ contact: NoticeContact) {
        raw("<dl>\n")
        definition(NoticePageLabels.contact, [contact.desk])
        raw("<dt>\(inline(NoticePageLabels.reach))</dt>\n<dd><ul class=\"channels\">")
        for channel in contact.channels {
            raw("<li>\(Self.link(channel))</li>")
        }
        raw("</ul></dd>\n</dl>\n")
    }

    /// A channel as a link when it is an e-mail address, a web address or a telephone number.
    static func link(_ channel: String) -> String {
        let text = Markup.escape(channel)
        if channel.hasPrefix("https://") || channel.hasPrefix("http://") {
            return "<a href=\"\(text)\">\(text)</a>"
        }
        if channel.contains("@"), !channel.contains(" ") {
            return "<a href=\"mailto:\(text)\">\(text)</a>"
        }
        let digits = channel.filter { $0.isASCII && $0.isNumber }
        if digits.count >= 6, channel.allSatisfy({ $0.isASCII && ($0.isNumber || "+-() ".contains($0)) }) {
            return "<a href=\"tel:\(channel.hasPrefix("+") ? "+" : "")\(digits)\">\(text)</a>"
        }
        return text
    }
}
