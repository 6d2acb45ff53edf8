import Foundation
import Testing
import ShojiPolicy
@testable import ShojiRender

/// Renders the repository's example manifests, one per use case, as the command line would.
@Suite("Signs and pages for the example manifests")
struct ExampleManifestTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static let names = ["attributes", "flow", "repeat", "counting", "redaction", "congestion", "watchlist"]

    static func content(_ name: String) throws -> NoticeContent {
        try NoticeContent(manifest: Manifest.load(contentsOf: examples.appendingPathComponent("\(name).yaml")))
    }

    @Test("Every example's sign keeps its text inside the sheet in every language", arguments: names)
    func signFits(_ name: String) throws {
        let content = try Self.content(name)
        #expect(content.useCases.map(\.id).contains(name))
        for language in NoticeLanguage.allCases {
            let svg = try SignRenderer(language: language).render(content)
            SignRendererTests.expectInsideSheet(svg)
            let texts = SignRendererTests.texts(in: svg)
            // Short example notices fit whole: nothing is cut.
            #expect(!texts.contains { $0.content.contains("続きは") || $0.content.contains("continued on") })
            for useCase in content.useCases {
                #expect(texts.contains { $0.content == useCase.label[language.primary] })
            }
        }
    }

    @Test("The watchlist page publishes its operating rules; other pages have no such section")
    func watchlistRules() throws {
        let watchlist = try NoticePageRenderer().render(Self.content("watchlist"))
        let rules = NoticePageRendererTests.section("face-identification", in: watchlist)
        #expect(rules.contains("登録基準"))
        #expect(rules.contains("担当者が確認する"))
        let attributes = try NoticePageRenderer().render(Self.content("attributes"))
        #expect(NoticePageRendererTests.section("face-identification", in: attributes).isEmpty)
    }

    @Test("Redaction promises only that unmasked images are not stored")
    func redactionAssurance() throws {
        let content = try Self.content("redaction")
        #expect(content.assurances.first?.ja == "加工前の映像は保存しません（顔・ナンバーは加工）")
        #expect(!content.assurances.contains { $0.ja == "撮影した映像は保存しません" })
    }
}
