import Testing
@testable import ShojiRender

@Suite("Line breaking estimates")
struct TextMetricsTests {
    @Test("CJK counts one em per character, Latin about half")
    func widths() {
        #expect(TextMetrics.width(of: "カメラ作動中", fontSize: 10) == 60)
        let latin = TextMetrics.width(of: "camera", fontSize: 10)
        #expect(latin > 25 && latin < 40)
    }

    @Test("Japanese wraps between characters and no line is wider than the box")
    func japaneseWraps() {
        let text = "入口のカメラ画像から来店客の年齢層・性別を推定し、時間帯別の来店者数の統計を作成して、レジ人員の配置と品揃えの改善に利用するため"
        let lines = TextMetrics.wrap(text, fontSize: 40, maxWidth: 600)
        #expect(lines.count > 1)
        #expect(lines.joined() == text)
        for line in lines { #expect(TextMetrics.width(of: line, fontSize: 40) <= 600) }
    }

    @Test("No line starts with closing punctuation or ends with an opening bracket (kinsoku)")
    func kinsoku() {
        // 15 characters per line at this width; 「、」 would fall at the start of line 2 without kinsoku.
        let text = "あいうえおかきくけこさしすせそ、たちつてと「なにぬねの」はひふへほ"
        for width in stride(from: 150.0, through: 400, by: 10) {
            let lines = TextMetrics.wrap(text, fontSize: 10, maxWidth: width)
            #expect(lines.joined() == text)
            for line in lines.dropFirst() { #expect(!TextMetrics.noLineStart.contains(line.first ?? " "), "\(lines)") }
            for line in lines.dropLast() { #expect(!TextMetrics.noLineEnd.contains(line.last ?? " "), "\(lines)") }
            for line in lines { #expect(TextMetrics.width(of: line, fontSize: 10) <= width) }
        }
    }

    @Test("Latin breaks at spaces; an over-long word (a URL) is split rather than overflowing")
    func latin() {
        let lines = TextMetrics.wrap("images are discarded right after analysis", fontSize: 10, maxWidth: 120)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        #expect(lines.joined(separator: " ") == "images are discarded right after analysis")
        let url = "https://shoji-retail.example/a/very/long/path/to/the/prior/notice/page"
        let pieces = TextMetrics.wrap(url, fontSize: 10, maxWidth: 100)
        #expect(pieces.joined() == url)
        for piece in pieces { #expect(TextMetrics.width(of: piece, fontSize: 10) <= 100) }
    }
}
