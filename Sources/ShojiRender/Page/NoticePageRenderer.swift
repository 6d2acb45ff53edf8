import ShojiPolicy

/// Writes the prior-notice page as one self-contained HTML file: the sign's content in full plus every matter
/// APPI Art. 32(1) requires to be knowable (name, address and representative; all purposes; the request
/// procedure for disclosure, stop of use and deletion; safety measures; the complaint contact), processors,
/// and the joint-use items only when joint use is declared.
///
/// The page loads nothing from anywhere (inline CSS, inline SVG QR code), marks every English passage with
/// `lang="en"` in a Japanese page (and the reverse), uses real headings and lists for screen readers, and has a
/// print style sheet so it can also be posted on paper.
public struct NoticePageRenderer: Sendable {
    /// The language(s) to publish.
    public var language: NoticeLanguage

    /// Creates a renderer.
    public init(language: NoticeLanguage = .both) {
        self.language = language
    }

    /// The page as HTML.
    public func render(_ content: NoticeContent) throws(QRCodeError) -> String {
        let qr = try QRCode(content.noticeURL, correction: .medium)
        var html = HTMLWriter(languages: language.printed)
        let primary = language.primary
        html.documentStart(title: NoticePageLabels.title[primary] + " — " + content.operatingEntity.name[primary])
        html.raw("<a class=\"skip\" href=\"#main\">\(Markup.escape(NoticePageLabels.skip[primary]))</a>\n")

        html.raw("<header>\n")
        html.heading(1, NoticePageLabels.title)
        html.paragraphs(NoticePageLabels.subtitle, className: "subtitle")
        html.paragraphs(content.operatingEntity.name, className: "operator")
        if let day = content.startsOn {
            html.raw("<p class=\"effective\">\(html.inline(NoticePageLabels.effective)): <time datetime=\"\(day)\">\(day)</time></p>\n")
        }
        html.raw("</header>\n<main id=\"main\">\n")

        html.section("business", NoticePageLabels.business) { html in
            html.party(content.operatingEntity)
        }
        html.section("analyses", NoticePageLabels.analyses) { html in
            for useCase in content.useCases {
                html.raw("<article class=\"usecase\" id=\"usecase-\(Markup.escape(useCase.id))\">\n")
                html.heading(3, useCase.label)
                html.raw("<dl>\n")
                html.definition(NoticeLabels.purpose, useCase.purposes)
                html.definition(NoticeLabels.captured, useCase.captured)
                html.definition(NoticeLabels.kept, useCase.kept)
                html.definition(NoticeLabels.discarded, useCase.discarded)
                html.definition(NoticeLabels.retention, useCase.retention)
                html.raw("</dl>\n</article>\n")
            }
        }
        if !content.faceIdentificationRules.isEmpty {
            html.section("face-identification", NoticePageLabels.faceIdentification) { html in
                html.list(content.faceIdentificationRules)
            }
        }
        html.section("purposes", NoticePageLabels.purposes) { html in
            html.list(content.purposes)
        }
        html.section("requests", NoticePageLabels.requests) { html in
            let procedure = content.requestProcedure
            html.heading(3, NoticePageLabels.requestKinds)
            html.list(procedure.kinds)
            html.heading(3, NoticePageLabels.requestSteps)
            html.list(procedure.steps, ordered: true)
            html.raw("<dl>\n")
            html.definition(NoticePageLabels.disclosureMethods, procedure.disclosureMethods)
            html.definition(NoticePageLabels.fee, [procedure.fee])
            html.raw("</dl>\n")
            html.heading(3, NoticePageLabels.requestTo)
            html.contact(content.contact)
        }
        html.section("safety", NoticePageLabels.safety) { html in
            html.list(content.safetyMeasures)
        }
        html.section("third-party", NoticePageLabels.thirdParty) { html in
            for provision in content.thirdPartyProvision { html.paragraphs(provision) }
        }
        html.section("processors", NoticePageLabels.processors) { html in
            if content.processors.isEmpty {
                html.paragraphs(NoticePageLabels.noProcessors)
            } else {
                html.raw("<ul>\n")
                for processor in content.processors {
                    html.raw("<li>")
                    html.raw("<strong>\(html.inline(processor.name))</strong> (\(html.inline(NoticePageLabels.processorCountry)): \(Markup.escape(processor.country)))<br>")
                    html.raw("\(html.inline(NoticePageLabels.processorTask)): \(html.inline(processor.task))</li>\n")
                }
                html.raw("</ul>\n")
            }
        }
        if let joint = content.jointUse {
            html.section("joint-use", NoticePageLabels.jointUse) { html in
                html.paragraphs(NoticePageLabels.jointUseStatement)
                html.raw("<dl>\n")
                html.definition(NoticePageLabels.jointItems, joint.items)
                html.definition(NoticePageLabels.jointUsers, joint.users)
                html.definition(NoticePageLabels.jointPurposes, joint.purposes)
                html.raw("<dt>\(html.inline(NoticePageLabels.jointResponsible))</dt>\n<dd>\n")
                html.party(joint.responsibleParty)
                html.raw("</dd>\n</dl>\n")
            }
        }
        html.section("complaints", NoticePageLabels.complaints) { html in
            html.contact(content.complaintContact)
        }
        html.section("contact", NoticePageLabels.contact) { html in
            html.contact(content.contact)
            let side = qr.size + 2 * QRCode.quietZone
            let label = NoticePageLabels.qr[primary] + ": " + content.noticeURL
            html.raw("<figure class=\"qr\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-\(QRCode.quietZone) -\(QRCode.quietZone) \(side) \(side)\" width=\"160\" height=\"160\" role=\"img\" aria-label=\"\(Markup.escape(label))\">")
            html.raw("<rect x=\"-\(QRCode.quietZone)\" y=\"-\(QRCode.quietZone)\" width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>")
            html.raw("<path d=\"\(qr.svgPathData())\" fill=\"#000\" shape-rendering=\"crispEdges\"/></svg>")
            html.raw("<figcaption><a href=\"\(Markup.escape(content.noticeURL))\">\(Markup.escape(content.noticeURL))</a></figcaption></figure>\n")
        }
        html.raw("</main>\n<footer><p>\(html.inline(content.operatingEntity.name))</p></footer>\n</body>\n</html>\n")
        return html.output
    }

    /// Inline styles: readable measure, high contrast, and a print layout without navigation aids.
    static let styleSheet = """
    :root { color-scheme: light; --ink: #111; --muted: #4a5561; --accent: #0b4f8a; --rule: #c9d1d9; --signal: #ffd100; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; color: var(--ink); background: #fff; line-height: 1.7; font-size: 1rem; }
    header { background: var(--signal); padding: 1.5rem max(1rem, calc((100% - 44rem) / 2)); border-bottom: 4px solid var(--ink); }
    main, footer { max-width: 46rem; margin-left: auto; margin-right: auto; }
    h1 { font-size: 1.8rem; margin: 0 0 .25rem; line-height: 1.3; }
    h2 { font-size: 1.3rem; color: var(--accent); border-bottom: 2px solid var(--rule); padding-bottom: .25rem; margin-top: 2.2rem; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
    main { padding: 0 1rem 2rem; counter-reset: section; }
    main h2::before { counter-increment: section; content: counter(section) ". "; }
    .en { color: var(--muted); font-size: .92em; margin-top: 0; }
    h1 .en, h2 .en, h3 .en, dt .en { display: block; font-weight: normal; }
    .subtitle { margin: 0; } .operator { font-weight: bold; margin: .5rem 0 0; }
    .usecase { border-left: 6px solid var(--accent); background: #f2f5f8; padding: .5rem 1rem; margin: 1rem 0; border-radius: 4px; }
    dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .3rem 1rem; }
    dt { font-weight: bold; } dd { margin: 0; }
    dd p, li p { margin: 0; }
    a { color: var(--accent); }
    a:focus, .skip:focus { outline: 3px solid var(--ink); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
    .skip:focus { left: 1rem; }
    .qr { margin: 1rem 0; } .qr svg { display: block; }
    footer { padding: 1rem; border-top: 1px solid var(--rule); color: var(--muted); }
    @media (max-width: 36rem) { dl { grid-template-columns: 1fr; } }
    @media print {
      @page { size: A4; margin: 15mm; }
      body { font-size: 10.5pt; }
      header { background: none; border-bottom: 3px solid #000; padding: 0 0 .5rem; }
      .skip { display: none; }
      section, article, figure { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      figcaption a::after { content: ""; }
    }

    """
}
