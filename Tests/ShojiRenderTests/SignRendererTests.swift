import Foundation
import Testing
import ShojiPolicy
@testable import ShojiRender

@Suite("The on-site sign as SVG")
struct SignRendererTests {
    /// The text elements of an SVG: x, y, size, anchor and unescaped content.
    struct TextElement {
        var x: Double, y: Double, size: Double, anchor: String, content: String
    }

    static func texts(in svg: String) -> [TextElement] {
        guard let element = try? NSRegularExpression(pattern: #"<text ([^>]*)>([^<]*)</text>"#),
              let attribute = try? NSRegularExpression(pattern: #"([\w:-]+)="([^"]*)""#) else { return [] }
        let ns = svg as NSString
        return element.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map { match in
            let attributes = ns.substring(with: match.range(at: 1))
            var values: [String: String] = [:]
            let na = attributes as NSString
            for pair in attribute.matches(in: attributes, range: NSRange(location: 0, length: na.length)) {
                values[na.substring(with: pair.range(at: 1))] = na.substring(with: pair.range(at: 2))
            }
            let content = ns.substring(with: match.range(at: 2))
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            return TextElement(x: Double(values["x"] ?? "") ?? 0, y: Double(values["y"] ?? "") ?? 0,
                               size: Double(values["font-size"] ?? "") ?? 0, anchor: values["text-anchor"] ?? "start",
                               content: content)
        }
    }

    /// Asserts every text line stays inside the sheet's margins by the renderer's own width estimate.
    static func expectInsideSheet(_ svg: String) {
        let margin = SignRenderer.margin
        for text in texts(in: svg) {
            let width = TextMetrics.width(of: text.content, fontSize: text.size)
            let left = text.anchor == "middle" ? text.x - width / 2 : text.x
            #expect(left >= margin - 0.5, "\(text.content)")
            #expect(left + width <= SignRenderer.width - margin + 0.5, "\(text.content) overflows")
            #expect(text.y <= SignRenderer.height - 40, "\(text.content) below the sheet")
        }
    }

    @Test("The sign holds the operator, the purposes, the contact and the notice URL")
    func content() throws {
        let content = try Fixtures.content()
        let svg = try SignRenderer(language: .both).render(content)
        let all = Self.texts(in: svg).map(\.content).joined()
        #expect(all.contains("カメラ作動中"))
        #expect(all.contains("CAMERA IN OPERATION"))
        #expect(all.contains("株式会社障子リテール"))
        #expect(all.contains("privacy@shoji-retail.example"))
        #expect(all.contains(Fixtures.noticeURL))
        // Wrapping drops the spaces at line breaks, so compare without spaces.
        let compact = all.filter { !$0.isWhitespace }
        for purpose in content.purposes {
            #expect(compact.contains(purpose.ja.filter { !$0.isWhitespace }))
            #expect(compact.contains(purpose.en.filter { !$0.isWhitespace }))
        }
        Self.expectInsideSheet(svg)
    }

    @Test("Japanese-only and English-only signs carry only their language")
    func singleLanguage() throws {
        let content = try Fixtures.content()
        let ja = try SignRenderer(language: .ja).render(content)
        #expect(ja.contains("カメラ作動中") && !ja.contains("CAMERA IN OPERATION"))
        #expect(ja.contains("xml:lang=\"ja\""))
        let en = try SignRenderer(language: .en).render(content)
        #expect(en.contains("CAMERA IN OPERATION") && !en.contains("カメラ作動中"))
        #expect(en.contains("xml:lang=\"en\""))
        Self.expectInsideSheet(ja)
        Self.expectInsideSheet(en)
    }

    @Test("Markup in manifest text is escaped, never interpreted")
    func escaping() throws {
        let content = try Fixtures.content(Fixtures.manifestYAML(operatorName: "A&B <Store> 株式会社"))
        let svg = try SignRenderer().render(content)
        #expect(svg.contains("A&amp;B &lt;Store&gt; 株式会社"))
        #expect(!svg.contains("<Store>"))
        // librsvg parses it, so the document is well-formed.
        #expect(try RasterExporter(dpi: 20).pixelSize(ofSVG: svg).width > 0)
    }

    @Test("Content too long for the sheet shrinks, then is cut with a pointer to the notice page")
    func overflow() throws {
        var content = try Fixtures.content()
        let base = content.useCases
        let long = LocalizedText(
            ja: String(repeating: "非常に長い利用目的の説明文です。", count: 12),
            en: String(repeating: "A very long description of the purpose. ", count: 10))
        content.useCases = (0..<6).flatMap { _ in base }.map { useCase in
            var useCase = useCase
            useCase.purposes = [long]
            return useCase
        }
        let svg = try SignRenderer(language: .both).render(content)
        Self.expectInsideSheet(svg)
        let texts = Self.texts(in: svg)
        #expect(texts.contains { $0.content.contains("続きは詳細ページ") })
        // The footer (contact and URL) always survives.
        #expect(texts.contains { $0.content == Fixtures.noticeURL })
        // Nothing in the body runs into the footer: body lines end above the footer's first line.
        let continued = try #require(texts.first { $0.content.contains("続きは詳細ページ") })
        let footerTop = try #require(texts.first { $0.content.hasPrefix("お問い合わせ") }).y
        #expect(continued.y < footerTop)
    }

    @Test("A3 is the same drawing on a bigger sheet")
    func a3() throws {
        let content = try Fixtures.content()
        let a4 = try SignRenderer(paper: .a4).render(content)
        let a3 = try SignRenderer(paper: .a3).render(content)
        #expect(a4.contains("width=\"210mm\" height=\"297mm\""))
        #expect(a3.contains("width=\"297mm\" height=\"420mm\""))
        #expect(a4.replacingOccurrences(of: "width=\"210mm\" height=\"297mm\"", with: "")
            == a3.replacingOccurrences(of: "width=\"297mm\" height=\"420mm\"", with: ""))
    }
}
