import Foundation
import ShojiPolicy
import Testing

/// One fixture per item of the seed PPC Q&A (September 2021 update), asserting the answer and its citation.
@Suite("PPC Q&A seed items")
struct QAFixtureTests {
    @Test("Q1-11: face data for crime prevention needs a purpose naming face identification, notice and a sign")
    func q1_11() throws {
        let assessment = try Fixtures.assess(fixture: "qa-1-11.yaml")
        let purpose = try assessment.require("PUR-05")
        #expect(purpose.status == .missingItem && purpose.blocking)
        #expect(purpose.citesQA("Q1-11"))
        let notice = try assessment.require("PUR-06")
        #expect(notice.blocking && notice.citesQA("Q1-11") && notice.citesAPPI("21"))
        let sign = try assessment.require("ACQ-01")
        #expect(sign.blocking && sign.citesQA("Q1-11") && sign.citesAPPI("20"))
        #expect(sign.missing == ["notice.signage.items: operating"])
        // Showing operator, content, purpose and contact is what the PPC "considers" (考えられます): a recommendation.
        let items = try assessment.require("NOT-01")
        #expect(items.status == .recommendation && !items.blocking && items.strength == .ppcRecommendation)
        #expect(!assessment.permits(.watchlist))

        let compliant = Assessment(manifest: try Manifest.load(contentsOf: Fixtures.file("examples/watchlist.yaml")), asOf: Fixtures.day)
        for id in ["PUR-05", "PUR-06", "ACQ-01", "NOT-01"] {
            #expect(try compliant.require(id).status == .satisfied, "\(id) in examples/watchlist.yaml")
        }
    }

    @Test("Q1-11 ¶5: a conventional crime-prevention camera needs no notice of purpose, but a sign is desirable")
    func q1_11Conventional() throws {
        var yaml = try Fixtures.text("examples/redaction.yaml")
        yaml = yaml.replacingOccurrences(of: "  - id: road-survey\n", with: "  - id: road-survey\n    aim: crime_prevention\n")
        yaml = yaml.replacingOccurrences(of: "    items: [operating, operator, purpose, contact, url]\n", with: "    items: [contact]\n")
        let assessment = try Fixtures.assess(yaml: yaml)
        #expect(try assessment.require("PUR-06").status == .notApplicable)
        let sign = try assessment.require("PUR-07")
        #expect(sign.status == .recommendation && sign.citesQA("Q1-11"))
        #expect(sign.sources.contains { $0.reference == "Art. 21(4)(iv)" && $0.former == "Art. 18(4)(iv)" })
    }

    @Test("Q1-12: crime-prevention data used for marketing needs prior consent (old Art. 16(1), now 18(1))")
    func q1_12() throws {
        let assessment = try Fixtures.assess(fixture: "qa-1-12.yaml")
        let finding = try assessment.require("PUR-08")
        #expect(finding.status == .unmetObligation && finding.blocking)
        #expect(finding.citesQA("Q1-12"))
        #expect(finding.sources.contains { $0.kind == .appi && $0.reference == "Art. 18(1)" && $0.former == "Art. 16(1)" })
        #expect(finding.missing == ["consents[kind=repurpose, covers=marketing]"])

        let consented = try Fixtures.text("Tests/ShojiPolicyTests/Fixtures/qa-1-12.yaml") + """
            consents:
              - kind: repurpose
                covers: marketing
                method: 会員アプリでの同意取得
            """
        #expect(try Fixtures.assess(yaml: consented).require("PUR-08").status == .satisfied)
    }

    @Test("Q1-13-2: register only what the purpose needs, on objective evidence, approved by a responsible person")
    func q1_13_2() throws {
        let assessment = try Fixtures.assess(fixture: "qa-1-13-2.yaml")
        let minimum = try assessment.require("FID-01")
        #expect(minimum.status == .unmetObligation && minimum.blocking && minimum.citesQA("Q1-13-2"))
        let criteria = try assessment.require("FID-02")
        #expect(criteria.status == .recommendation && criteria.citesQA("Q1-13-2"))
        #expect(Set(criteria.missing) == ["watchlist.objective_evidence", "watchlist.approver"])
    }

    @Test("Q1-13-3: a signage camera choosing ads from face attributes identifies the person even if the image is deleted")
    func q1_13_3() throws {
        let manifest = try Manifest.load(contentsOf: Fixtures.url("qa-1-13-3.yaml"))
        #expect(manifest.retention.days(for: .frames) == 0 && manifest.retention.days(for: .faceCrops) == 0)
        #expect(manifest.acquiresPersonalInformation)
        let assessment = Assessment(manifest: manifest, asOf: Fixtures.day)
        let sign = try assessment.require("ACQ-01")
        #expect(sign.blocking && sign.citesQA("Q1-13-3"))
        #expect(sign.reason.en.contains("entrance"))
        let ads = try assessment.require("PUR-04")
        #expect(ads.blocking && ads.citesQA("Q1-13-3"))
        #expect(assessment.purposeIssues.contains { $0.kind == .targetedAdvertisingNotStated && $0.language == .ja })
    }

    @Test("Q2-1: profiling must be stated in the purpose")
    func q2_1() throws {
        let assessment = try Fixtures.assess(fixture: "qa-2-1.yaml")
        let profiling = try assessment.require("PUR-03")
        #expect(profiling.status == .missingItem && profiling.blocking && profiling.citesQA("Q2-1"))
        #expect(profiling.sources.contains { $0.reference == "Art. 17(1)" && $0.former == "Art. 15(1)" })
        #expect(try assessment.require("PUR-01").status == .satisfied)
        #expect(try Fixtures.assess(yaml: Fixtures.text("examples/repeat.yaml")).require("PUR-03").status == .satisfied)
    }

    @Test("Q5-26-2: a vendor that alone handles the data and returns statistics is not a processor; seeing the data makes it one")
    func q5_26_2() throws {
        let independent = try Fixtures.assess(fixture: "qa-5-26-2.yaml")
        let finding = try independent.require("SEC-03")
        #expect(finding.status == .satisfied && finding.citesQA("Q5-26-2"))
        #expect(finding.reason.en.contains("answers disclosure requests"))
        #expect(try independent.require("SEC-02").status == .notApplicable)

        let sees = try Fixtures.text("Tests/ShojiPolicyTests/Fixtures/qa-5-26-2.yaml")
            .replacingOccurrences(of: "    role: independent\n", with: "    role: independent\n    operator_sees_personal_data: true\n")
        let entrusted = try Fixtures.assess(yaml: sees).require("SEC-03")
        #expect(entrusted.status == .unmetObligation && entrusted.blocking)
    }

    @Test("Q5-26-4: a processor may not make statistics for itself outside the entrusted work")
    func q5_26_4() throws {
        let finding = try Fixtures.assess(fixture: "qa-5-26-4.yaml").require("SEC-04")
        #expect(finding.status == .unmetObligation && finding.blocking && finding.citesQA("Q5-26-4"))
        #expect(finding.missing == ["processors[障子アナリティクス株式会社].makes_own_statistics"])
    }

    @Test("Q5-26-5: a processor may improve its technology within the controller's purpose, not beyond")
    func q5_26_5() throws {
        let within = try Fixtures.assess(fixture: "qa-5-26-5.yaml").require("SEC-05")
        #expect(within.status == .satisfied && within.citesQA("Q5-26-5"))
        let beyond = try Fixtures.text("Tests/ShojiPolicyTests/Fixtures/qa-5-26-5.yaml")
            .replacingOccurrences(of: "improvement_within_purpose: true", with: "improvement_within_purpose: false")
        #expect(try Fixtures.assess(yaml: beyond).require("SEC-05").status == .unmetObligation)
    }

    @Test("Q5-26-6: data obtained through entrusted data may not be used by the processor for itself")
    func q5_26_6() throws {
        let finding = try Fixtures.assess(fixture: "qa-5-26-6.yaml").require("SEC-06")
        #expect(finding.status == .unmetObligation && finding.blocking && finding.citesQA("Q5-26-6"))
    }

    @Test("Q5-26-7 ①: no person-by-person matching across clients without consent")
    func q5_26_7_1() throws {
        let finding = try Fixtures.assess(fixture: "qa-5-26-7-1.yaml").require("SEC-07")
        #expect(finding.status == .unmetObligation && finding.blocking && finding.citesQA("Q5-26-7 ①"))
        let consented = try Fixtures.text("Tests/ShojiPolicyTests/Fixtures/qa-5-26-7-1.yaml") + """
            consents:
              - kind: third_party
                covers: 障子アナリティクス株式会社
                method: 各委託元で第三者提供の同意を取得
            """
        #expect(try Fixtures.assess(yaml: consented).require("SEC-07").status == .satisfied)
    }

    @Test("Q5-26-7 ②: pooling clients' data into one statistic without matching persons is allowed")
    func q5_26_7_2() throws {
        let finding = try Fixtures.assess(fixture: "qa-5-26-7-2.yaml").require("SEC-07")
        #expect(finding.status == .satisfied && finding.citesQA("Q5-26-7 ②"))
    }
}
