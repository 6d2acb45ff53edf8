import Foundation
import ShojiPolicy
import Testing

@Suite("Rule catalogue")
struct CatalogueTests {
    @Test("Every rule has a unique id, both titles, a source and a remedy")
    func wellFormed() {
        let ids = RuleCatalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in RuleCatalogue.all {
            #expect(!rule.title.ja.isEmpty && !rule.title.en.isEmpty, "\(rule.id)")
            #expect(!rule.remedy.ja.isEmpty && !rule.remedy.en.isEmpty, "\(rule.id)")
            #expect(!rule.sources.isEmpty, "\(rule.id)")
        }
    }

    @Test("Every chapter has rules, in catalogue order")
    func chapters() {
        for chapter in Chapter.allCases { #expect(!RuleCatalogue.rules(in: chapter).isEmpty, "\(chapter)") }
        #expect(RuleCatalogue.all.map(\.chapter) == RuleCatalogue.all.map(\.chapter).sorted())
    }

    @Test("Every item of the seed Q&A is cited by some rule")
    func seedQACovered() {
        let cited = Set(RuleCatalogue.all.flatMap(\.sources).filter { $0.kind == .ppcQA }.map(\.reference))
        for item in ["Q1-11", "Q1-12", "Q1-13-2", "Q1-13-3", "Q2-1", "Q5-26-2", "Q5-26-4", "Q5-26-5", "Q5-26-6", "Q5-26-7 ①", "Q5-26-7 ②"] {
            #expect(cited.contains { $0 == item || $0.hasPrefix(item + " ") }, "\(item) is not cited")
        }
    }

    @Test("APPI citations carry the pre-2022 article beside the current one")
    func renumbering() {
        #expect(Source.art21_4_iv.citation(.en) == "APPI Art. 21(4)(iv) [pre-2022: Art. 18(4)(iv)]")
        #expect(Source.art18_1.citation(.ja) == "個人情報保護法 第18条第1項［旧第16条第1項］")
        #expect(Source.art21_4_iv.citation(.ja) == "個人情報保護法 第21条第4項第4号［旧第18条第4項第4号］")
        #expect(Source.art33.citation(.ja) == "個人情報保護法 第33条第1項〜第3項［旧第28条第1項〜第3項］")
        #expect(Source.art19.former == nil)
        let appi = RuleCatalogue.all.flatMap(\.sources).filter { $0.kind == .appi }
        #expect(appi.allSatisfy { $0.former != nil || ["Art. 19", "Art. 26"].contains($0.reference) })
    }

    @Test("Only legal obligations block")
    func blockingStrength() throws {
        let assessment = try Fixtures.assess(fixture: "qa-1-11.yaml")
        #expect(assessment.findings.filter(\.blocking).allSatisfy { $0.strength == .legalObligation })
        #expect(assessment.findings.filter { $0.strength != .legalObligation }.allSatisfy { !$0.blocking })
    }
}
