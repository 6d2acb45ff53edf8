import Foundation
import Testing
import ShojiPolicy
@testable import ShojiRender

@Suite("The prior-notice page as HTML")
struct NoticePageRendererTests {
    /// The text of the section with `id`, or "" when there is none.
    static func section(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\""),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test("Every Art. 32 item is on the page, in its own section")
    func art32() throws {
        let content = try Fixtures.content()
        let html = try NoticePageRenderer(language: .ja).render(content)
        let business = Self.section("business", in: html)
        #expect(business.contains("株式会社障子リテール"))
        #expect(business.contains("東京都渋谷区神南一丁目1番1号"))
        #expect(business.contains("代表取締役 障子 太郎"))
        let purposes = Self.section("purposes", in: html)
        for purpose in content.purposes { #expect(purposes.contains(Markup.escape(purpose.ja))) }
        let requests = Self.section("requests", in: html)
        for kind in ["開示", "利用停止", "消去"] { #expect(requests.contains(kind)) }
        #expect(requests.contains("手数料"))
        #expect(requests.contains("mailto:privacy@shoji-retail.example"))
        let safety = Self.section("safety", in: html)
        #expect(safety.contains("暗号化"))
        #expect(Self.section("complaints", in: html).contains("dpo@shoji-retail.example"))
        #expect(Self.section("processors", in: html).contains("委託していません"))
        #expect(html.contains("<html lang=\"ja\">"))
        #expect(!html.contains("lang=\"en\""))
    }

    @Test("Joint-use items appear only when joint use is declared")
    func jointUse() throws {
        let without = try NoticePageRenderer().render(Fixtures.content())
        #expect(Self.section("joint-use", in: without).isEmpty)
        #expect(!without.contains("共同"))
        let with = try NoticePageRenderer().render(Fixtures.content(Fixtures.manifestYAML(extra: Fixtures.jointUseYAML)))
        let joint = Self.section("joint-use", in: with)
        for item in ["共同して利用される個人データの項目", "共同して利用する者の範囲", "利用する者の利用目的", "管理について責任を有する者"] {
            #expect(joint.contains(item))
        }
        #expect(joint.contains("障子フーズ株式会社"))
        #expect(joint.contains("登録者の顔特徴量"))
    }

    @Test("The bilingual page marks English with lang, loads nothing external and has a print style")
    func accessibility() throws {
        let html = try NoticePageRenderer(language: .both).render(Fixtures.content())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
        #expect(html.contains("<span lang=\"en\" class=\"en\">Purposes of use</span>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<main id=\"main\">"))
        #expect(html.components(separatedBy: "<h1>").count == 2)
        for external in ["<script", "<link", "<img", "<iframe", "url(", "@import", "src="] {
            #expect(!html.contains(external), "page loads \(external)")
        }
        // The page carries its own QR code, inline.
        #expect(html.contains("role=\"img\" aria-label=\"このページのQRコード: \(Fixtures.noticeURL)\""))
        let en = try NoticePageRenderer(language: .en).render(Fixtures.content())
        #expect(en.contains("<html lang=\"en\">"))
        #expect(!en.contains("利用目的"))
    }

    @Test("Markup in manifest text is escaped on the page")
    func escaping() throws {
        let html = try NoticePageRenderer().render(Fixtures.content(Fixtures.manifestYAML(operatorName: "A&B <script>x</script>")))
        #expect(html.contains("A&amp;B &lt;script&gt;x&lt;/script&gt;"))
        #expect(!html.contains("<script>"))
    }
}
