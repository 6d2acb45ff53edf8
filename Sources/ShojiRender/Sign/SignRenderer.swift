import ShojiPolicy

/// Draws the on-site camera sign as SVG: a 「カメラ作動中」 header with a camera pictogram, the operator, one
/// card per analysis (purpose; what is captured, kept and discarded; retention), the contact, and the URL and
/// QR code of the prior-notice page.
///
/// The layout is fixed to the A-series aspect ratio in a 2100 × 2970 coordinate system (0.1 mm on A4), so A3 is
/// the same drawing printed larger. When the content does not fit, every size shrinks together (down to 55%);
/// if it still does not fit, the cards are cut and a line points to the notice page. Text never leaves the sheet.
public struct SignRenderer: Sendable {
    /// The sheet to print on.
    public var paper: PaperSize
    /// The language(s) to print.
    public var language: NoticeLanguage
    /// The font family for all text; it must cover Japanese.
    public var fontFamily: String

    /// Creates a renderer.
    public init(paper: PaperSize = .a4, language: NoticeLanguage = .both, fontFamily: String = "Noto Sans CJK JP") {
        self.paper = paper
        self.language = language
        self.fontFamily = fontFamily
    }

    static let width = 2100.0
    static let height = 2970.0
    static let margin = 110.0
    static let headerHeight = 500.0
    static let qrSide = 480.0

    enum Palette {
        static let signal = "#FFD100"
        static let ink = "#111111"
        static let secondary = "#4A5561"
        static let accent = "#0B4F8A"
        static let card = "#F2F5F8"
        static let rule = "#C9D1D9"
        static let paper = "#FFFFFF"
        static let assurance = "#FFF8D9"
    }

    /// The sign as an SVG document.
    public func render(_ content: NoticeContent) throws(QRCodeError) -> String {
        let qr = try QRCode(content.noticeURL, correction: .medium)
        let (w, h) = paper.millimetres
        var doc = SVGDocument(
            viewWidth: Self.width, viewHeight: Self.height, widthMillimetres: w, heightMillimetres: h,
            fontFamily: fontFamily, language: language.primary.rawValue)
        doc.title(language.printed.map { NoticeLabels.cameraInOperation[$0] }.joined(separator: " / ")
            + " — " + content.operatingEntity.name[language.primary])
        doc.rect(x: 0, y: 0, width: Self.width, height: Self.height, fill: Palette.paper)
        drawHeader(into: &doc)
        let footerTop = drawFooter(content, qr: qr, into: &doc)
        drawBody(content, into: &doc, top: Self.headerHeight + 50, limit: footerTop - 50)
        return doc.render()
    }

    // MARK: Header

    private func drawHeader(into doc: inout SVGDocument) {
        let m = Self.margin
        doc.rect(x: 0, y: 0, width: Self.width, height: Self.headerHeight, fill: Palette.signal)
        doc.rect(x: 0, y: Self.headerHeight, width: Self.width, height: 18, fill: Palette.ink)
        let pictogramSide = 360.0
        let pictogramTop = (Self.headerHeight - pictogramSide) / 2
        CameraPictogram.draw(into: &doc, x: m, y: pictogramTop, side: pictogramSide,
                             background: Palette.ink, foreground: Palette.signal)
        let textX = m + pictogramSide + 70
        let textWidth = Self.width - m - textX
        let languages = language.printed
        let titleSize = fittedSize(NoticeLabels.cameraInOperation[languages[0]], width: textWidth, max: 250)
        if languages.count == 1 {
            doc.text(NoticeLabels.cameraInOperation[languages[0]], x: textX,
                     y: Self.headerHeight / 2 + titleSize * 0.36, size: titleSize, fill: Palette.ink, bold: true)
        } else {
            let subtitle = NoticeLabels.cameraInOperation[languages[1]]
            let subtitleSize = fittedSize(subtitle, width: textWidth, max: 100)
            let block = titleSize + 40 + subtitleSize
            let top = (Self.headerHeight - block) / 2
            doc.text(NoticeLabels.cameraInOperation[languages[0]], x: textX, y: top + titleSize * 0.88,
                     size: titleSize, fill: Palette.ink, bold: true)
            doc.text(subtitle, x: textX, y: top + titleSize + 40 + subtitleSize * 0.88, size: subtitleSize,
                     fill: Palette.ink, bold: true, language: languages[1].rawValue)
        }
    }

    /// The largest size up to `max` at which `text` fits on one line of `width`.
    private func fittedSize(_ text: String, width: Double, max: Double) -> Double {
        let perUnit = TextMetrics.width(of: text, fontSize: 1)
        guard perUnit > 0 else { return max }
        return min(max, (width / perUnit).rounded(.down))
    }

    // MARK: Footer

    /// Draws the contact block and the QR code at the bottom; returns the top of the footer.
    private func drawFooter(_ content: NoticeContent, qr: QRCode, into doc: inout SVGDocument) -> Double {
        let m = Self.margin
        let qrSide = Self.qrSide
        let captionSize = 34.0
        let qrBlock = qrSide + 20 + captionSize * 1.4 * Double(language.printed.count)
        let textX = m + 40
        let textWidth = Self.width - 2 * m - qrSide - 120
        let contactLines = footerLines(content, width: textWidth)
        let textHeight = contactLines.reduce(0) { $0 + $1.size * $1.spacing }
        let footerHeight = max(qrBlock, textHeight) + 80
        let bottom = Self.height - m
        let top = bottom - footerHeight

        doc.rect(x: m, y: top, width: Self.width - 2 * m, height: footerHeight, fill: Palette.card, radius: 24)
        var flow = TextFlow(y: top + 40, limit: bottom)
        for line in contactLines {
            flow.line(line, x: textX, into: &doc)
        }

        let qrX = Self.width - m - qrSide - 40
        let qrY = top + 40
        doc.rect(x: qrX, y: qrY, width: qrSide, height: qrSide, fill: Palette.paper)
        let module = qrSide / Double(qr.size + 2 * QRCode.quietZone)
        let origin = Double(QRCode.quietZone) * module
        doc.path(qr.svgPathData(), fill: Palette.ink,
                 transform: "translate(\(SVGDocument.format(qrX + origin)) \(SVGDocument.format(qrY + origin))) scale(\(SVGDocument.format(module)))",
                 crisp: true)
        var captionY = qrY + qrSide + 20
        for language in language.printed {
            captionY += captionSize * 1.2
            doc.text(NoticeLabels.scan[language], x: qrX + qrSide / 2, y: captionY, size: captionSize,
                     fill: Palette.secondary, anchor: "middle", language: language.rawValue)
        }
        doc.rect(x: 0, y: Self.height - 40, width: Self.width, height: 40, fill: Palette.signal)
        return top
    }

    private func footerLines(_ content: NoticeContent, width: Double) -> [TextFlow.Line] {
        var lines: [TextFlow.Line] = []
        let languages = language.printed
        func add(_ text: String, size: Double, color: String = Palette.ink, bold: Bool = false,
                 language: Language, spacing: Double = 1.35) {
            for piece in TextMetrics.wrap(text, fontSize: size, maxWidth: width) {
                lines.append(.init(text: piece, size: size, color: color, bold: bold, language: language, spacing: spacing))
            }
        }
        add(languages.map { NoticeLabels.contact[$0] }.joined(separator: " / "), size: 46,
            color: Palette.accent, bold: true, language: languages[0], spacing: 1.5)
        let contact = content.contact
        for (index, language) in languages.enumerated() where contact.desk != NoticeWording.inquiryDesk {
            add(contact.desk[language], size: index == 0 ? 44 : 34,
                color: index == 0 ? Palette.ink : Palette.secondary, bold: index == 0, language: language)
        }
        let primary = languages[0]
        for channel in contact.channels {
            add(channel, size: 44, bold: true, language: primary)
        }
        add(languages.map { NoticeLabels.details[$0] }.joined(separator: " / "), size: 36,
            color: Palette.accent, bold: true, language: primary, spacing: 1.7)
        add(content.noticeURL, size: 40, bold: true, language: .en)
        return lines
    }

    // MARK: Body

    /// Lays the body out at the largest scale (between `minimumScale` and `maximumScale`) at which it fits
    /// above the footer, so short notices print large and long ones small; when even the smallest does not
    /// fit, cuts it and points to the notice page.
    private func drawBody(_ content: NoticeContent, into doc: inout SVGDocument, top: Double, limit: Double) {
        func attempt(_ scale: Double, reserve: Double = 0) -> (SVGDocument, TextFlow) {
            var attempt = doc
            var flow = TextFlow(y: top, limit: limit - reserve)
            bodyContent(content, scale: scale, flow: &flow, into: &attempt)
            return (attempt, flow)
        }
        let largest = attempt(Self.maximumScale)
        if !largest.1.clipped {
            doc = largest.0
            return
        }
        var fits = Self.minimumScale
        guard !attempt(fits).1.clipped else {
            // Too long even when small: cut, and say where the rest is.
            let (cutDocument, flow) = attempt(fits, reserve: 90)
            var cut = cutDocument
            let language = self.language.primary
            cut.text(NoticeLabels.continued[language], x: Self.width / 2, y: flow.bottom + 60, size: 40,
                     fill: Palette.secondary, anchor: "middle", language: language.rawValue)
            doc = cut
            return
        }
        // Bisect between a scale that fits and one that does not.
        var fails = Self.maximumScale
        while fails - fits > 0.01 {
            let middle = (fits + fails) / 2
            if attempt(middle).1.clipped { fails = middle } else { fits = middle }
        }
        doc = attempt(fits).0
    }

    /// The smallest scale of body text (1 = 40 units for values, 4 mm on A4) before the sign is cut.
    static let minimumScale = 0.55
    /// The largest scale, for short notices: beyond it lines get too short to read well.
    static let maximumScale = 1.5

    private func bodyContent(_ content: NoticeContent, scale s: Double, flow: inout TextFlow, into doc: inout SVGDocument) {
        let m = Self.margin
        let fullWidth = Self.width - 2 * m
        let languages = language.printed

        // Operator and site.
        var operatorLine = content.operatingEntity.name[languages[0]]
        if let site = content.siteName { operatorLine += "　" + site[languages[0]] }
        let label = languages.map { NoticeLabels.operatedBy[$0] }.joined(separator: " / ")
        flow.paragraph(label, x: m, width: fullWidth, size: 36 * s, color: Palette.secondary, bold: true,
                       language: languages[0], into: &doc)
        flow.paragraph(operatorLine, x: m, width: fullWidth, size: 64 * s, color: Palette.ink, bold: true,
                       language: languages[0], into: &doc)
        if languages.count > 1, content.operatingEntity.name.en != content.operatingEntity.name.ja {
            flow.paragraph(content.operatingEntity.name.en, x: m, width: fullWidth, size: 40 * s,
                           color: Palette.secondary, language: languages[1], into: &doc)
        }
        flow.y += 24 * s
        for (index, language) in languages.enumerated() {
            flow.paragraph(NoticeLabels.lead[language], x: m, width: fullWidth,
                           size: (index == 0 ? 44 : 34) * s, color: index == 0 ? Palette.ink : Palette.secondary,
                           language: language, into: &doc)
        }
        flow.y += 24 * s
        if !content.assurances.isEmpty {
            assurances(content.assurances, scale: s, flow: &flow, into: &doc)
            flow.y += 30 * s
        }

        for useCase in content.useCases {
            card(useCase, scale: s, flow: &flow, into: &doc)
            flow.y += 30 * s
        }
    }

    /// The deployment's promises in a pale signal-yellow box, each behind a check mark.
    private func assurances(_ items: [LocalizedText], scale s: Double, flow: inout TextFlow, into doc: inout SVGDocument) {
        let m = Self.margin
        let languages = language.printed
        let boxTop = flow.y
        let background = doc.mark
        let pad = 28 * s
        let iconSize = 44 * s
        let textX = m + pad + iconSize + 24 * s
        let textWidth = Self.width - m - pad - textX
        flow.y += pad
        for item in items {
            let itemTop = flow.y
            for (index, language) in languages.enumerated() {
                flow.paragraph(item[language], x: textX, width: textWidth, size: (index == 0 ? 44 : 32) * s,
                               color: index == 0 ? Palette.ink : Palette.secondary, bold: index == 0,
                               language: language, into: &doc)
            }
            if flow.bottom > itemTop {
                CheckMark.draw(into: &doc, x: m + pad, y: itemTop + 44 * s * 0.175, side: iconSize, color: Palette.accent)
            }
            flow.y += 8 * s
        }
        flow.y += pad - 8 * s
        let bottom = flow.clipped ? flow.bottom + 10 : flow.y
        doc.rect(x: m, y: boxTop, width: Self.width - 2 * m, height: bottom - boxTop, fill: Palette.assurance,
                 radius: 20, stroke: Palette.signal, strokeWidth: 6, insertAt: background)
    }

    /// One analysis: a title and a table of purpose, captured, kept, discarded and retention.
    private func card(_ useCase: NoticeUseCase, scale s: Double, flow: inout TextFlow, into doc: inout SVGDocument) {
        let m = Self.margin
        let languages = language.printed
        let cardTop = flow.y
        let background = doc.mark
        let pad = 36 * s
        let innerX = m + pad + 14
        let innerWidth = Self.width - 2 * m - 2 * pad - 14
        flow.y += pad
        for (index, language) in languages.enumerated() {
            flow.paragraph(useCase.label[language], x: innerX, width: innerWidth,
                           size: (index == 0 ? 54 : 38) * s, color: index == 0 ? Palette.accent : Palette.secondary,
                           bold: index == 0, language: language, into: &doc)
        }
        flow.y += 10 * s
        let rows: [(LocalizedText, [LocalizedText])] = [
            (NoticeLabels.purpose, useCase.purposes),
            (NoticeLabels.captured, useCase.captured),
            (NoticeLabels.kept, useCase.kept),
            (NoticeLabels.discarded, useCase.discarded),
            (NoticeLabels.retention, useCase.retention),
        ]
        let labelWidth = 250 * s
        for (heading, values) in rows where !values.isEmpty {
            let rowTop = flow.y
            for (index, language) in languages.enumerated() {
                flow.paragraph(heading[language], x: innerX, width: labelWidth - 20 * s,
                               size: (index == 0 ? 38 : 28) * s, color: index == 0 ? Palette.ink : Palette.secondary,
                               bold: true, language: language, into: &doc)
            }
            let labelBottom = flow.y
            flow.y = rowTop
            for (index, language) in languages.enumerated() {
                flow.paragraph(NoticeLabels.join(values, in: language), x: innerX + labelWidth,
                               width: innerWidth - labelWidth, size: (index == 0 ? 40 : 32) * s,
                               color: index == 0 ? Palette.ink : Palette.secondary, language: language, into: &doc)
            }
            flow.y = max(flow.y, labelBottom) + 8 * s
        }
        flow.y += pad - 8 * s
        // A cut card still gets its background, down to where its text stopped.
        let bottom = flow.clipped ? flow.bottom + 10 : flow.y
        doc.rect(x: m, y: cardTop, width: Self.width - 2 * m, height: bottom - cardTop, fill: Palette.card,
                 radius: 20, insertAt: background)
        doc.rect(x: m, y: cardTop, width: 14, height: bottom - cardTop, fill: Palette.accent, insertAt: background + 1)
    }
}
