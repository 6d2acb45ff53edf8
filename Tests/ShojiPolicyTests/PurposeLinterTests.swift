import Foundation
import ShojiPolicy
import Testing

@Suite("Purpose linter (Q2-1, Q1-13-3, Q1-11)")
struct PurposeLinterTests {
    @Test("Abstract purposes are rejected in both languages", arguments: [
        ("お客様サービス向上のため", Language.ja),
        ("マーケティングに利用するため", Language.ja),
        ("お客様のサービスの向上", Language.ja),
        ("To improve customer service", Language.en),
        ("For marketing purposes, using camera images", Language.en),
    ])
    func abstract(text: String, language: Language) {
        #expect(PurposeLinter.isAbstract(text, language: language))
    }

    @Test("Concrete purposes pass", arguments: [
        ("入口のカメラ画像から年齢層・性別を推定し、レジ人員の配置に利用するため", Language.ja),
        ("To count passers-by per direction to plan opening hours", Language.en),
    ])
    func concrete(text: String, language: Language) {
        #expect(!PurposeLinter.isAbstract(text, language: language))
    }

    @Test("English terms match whole words: 'images' does not mention 'age'")
    func wordBoundaries() {
        #expect(!PurposeLinter.mentions("using camera images", "age", language: .en))
        #expect(PurposeLinter.mentions("estimated age bands", "age", language: .en))
    }

    @Test("An abstract purpose is explained with the Q2-1 citation in Japanese and English")
    func explanation() throws {
        let manifest = try Manifest.load(contentsOf: Fixtures.file("examples/failing/abstract-purpose.yaml"))
        let issues = PurposeLinter.lint(manifest)
        let ja = try #require(issues.first { $0.language == .ja })
        #expect(ja.kind == .abstract && ja.purposeId == "staffing")
        #expect(ja.explanation.ja.contains("お客様のサービスの向上") && ja.explanation.en.contains("foresee"))
        #expect(ja.sources.contains { $0.reference.hasPrefix("Q2-1") })
        #expect(issues.contains { $0.language == .en && $0.kind == .abstract })
    }

    @Test("A purpose covering a use case must say what is done for it")
    func useCaseDescribed() throws {
        let yaml = try Fixtures.text("examples/counting.yaml").replacingOccurrences(
            of: "    use_cases: [counting]\n    declared_at",
            with: "    use_cases: [counting, congestion]\n    declared_at")
        let manifest = try Manifest.decode(yaml: yaml)
        let issues = PurposeLinter.lint(manifest).filter { $0.kind == .useCaseNotDescribed }
        #expect(issues.map(\.useCase) == [.congestion, .congestion])
    }

    @Test("Face identification must be stated with the crime-prevention aim")
    func faceIdentification() throws {
        let manifest = try Manifest.load(contentsOf: Fixtures.url("qa-1-11.yaml"))
        let issues = PurposeLinter.lint(manifest).filter { $0.kind == .faceIdentificationNotStated }
        #expect(Set(issues.map(\.language)) == [.ja, .en])
        #expect(issues.allSatisfy { $0.sources.contains { $0.reference.hasPrefix("Q1-11") } })
        #expect(PurposeLinter.lint(try Manifest.load(contentsOf: Fixtures.file("examples/watchlist.yaml"))).isEmpty)
    }
}
