import ShojiPolicy

/// Writes a disclosure answer as one self-contained HTML page (no outside resource, the notice page's style
/// sheet), Japanese first with English under each item, or one language only.
public struct DisclosurePageRenderer: Sendable {
    /// The language(s) to write.
    public var language: NoticeLanguage

    /// A renderer.
    public init(language: NoticeLanguage = .both) {
        self.language = language
    }

    static let title = LocalizedText(ja: "保有個人データの開示", en: "Disclosure of the personal data held")

    /// The page as HTML.
    public func render(_ document: DisclosureDocument) -> String {
        var html = HTMLWriter(languages: language.printed)
        let primary = language.primary
        html.documentStart(title: Self.title[primary] + " — " + document.operatorName[primary],
                           extraStyle: "table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--rule); padding: 0.25rem 0.5rem; text-align: left; }\n")
        html.raw("<header>\n")
        html.heading(1, Self.title)
        html.paragraphs(document.operatorName, className: "operator")
        html.raw("</header>\n<main id=\"main\">\n")
        for section in document.sections {
            html.section(section.id, section.title) { html in
                if let note = section.note { html.paragraphs(note) }
                if !section.items.isEmpty {
                    html.raw("<dl>\n")
                    for item in section.items { html.definition(item.label, [item.value]) }
                    html.raw("</dl>\n")
                }
                if !section.columns.isEmpty, !section.rows.isEmpty {
                    html.raw("<table>\n<thead><tr>")
                    for column in section.columns { html.raw("<th scope=\"col\">\(html.inline(column))</th>") }
                    html.raw("</tr></thead>\n<tbody>\n")
                    for row in section.rows {
                        html.raw("<tr>" + row.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>\n")
                    }
                    html.raw("</tbody>\n</table>\n")
                }
            }
        }
        html.raw("</main>\n</body>\n</html>\n")
        return html.output
    }
}
