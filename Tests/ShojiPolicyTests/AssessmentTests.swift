import Foundation
import ShojiPolicy
import Testing

@Suite("Assessment")
struct AssessmentTests {
    @Test("A use case no purpose covers is refused; covered ones are listed")
    func coverage() throws {
        let assessment = Assessment(manifest: try Manifest.load(contentsOf: Fixtures.file("examples/failing/uncovered-use-case.yaml")), asOf: Fixtures.day)
        #expect(assessment.coveredUseCases == [.attributes])
        #expect(assessment.uncoveredUseCases == [.repeatVisit])
        #expect(assessment.isCovered(.attributes) && !assessment.isCovered(.repeatVisit))
        #expect(!assessment.permits(.repeatVisit))
        #expect(!assessment.permits(.attributes))
        #expect(try assessment.require("PUR-02").missing == ["purposes[].use_cases: repeat"])
    }

    @Test("The JSON has sorted snake_case keys and decodes back to the same assessment")
    func json() throws {
        let assessment = Assessment(manifest: try Manifest.load(contentsOf: Fixtures.file("examples/repeat.yaml")), asOf: Fixtures.day)
        let data = try assessment.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"is_blocking\" : false", "\"covered_use_cases\"", "\"rule_id\" : \"PUR-01\"", "\"assessed_on\" : \"2026-12-15\"", "\"citation\""] {
            #expect(text.contains(key), "\(key)")
        }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.keys.sorted() == ["assessed_on", "covered_use_cases", "findings", "is_blocking", "operating_entity", "purpose_issues", "schema_version", "summary", "tenant", "uncovered_use_cases", "use_cases"])
        let decoded = try PolicyJSON.decoder.decode(Assessment.self, from: data)
        #expect(decoded == assessment)
        #expect(try assessment.jsonData() == data)
    }

    @Test("Continued-use review falls due a year after the last review")
    func reviewAge() throws {
        let manifest = try Manifest.load(contentsOf: Fixtures.file("examples/attributes.yaml"))
        let fresh = Assessment(manifest: manifest, asOf: CalendarDay("2027-10-15") ?? Fixtures.day)
        #expect(try fresh.require("GB-06").status == .satisfied)
        let stale = Assessment(manifest: manifest, asOf: CalendarDay("2027-10-16") ?? Fixtures.day)
        let finding = try stale.require("GB-06")
        #expect(finding.status == .recommendation && !stale.isBlocking)
        #expect(finding.reason.en.contains("366 days"))
    }

    @Test("Reports render in both languages with sources")
    func rendering() throws {
        let assessment = try Fixtures.assess(fixture: "qa-1-13-3.yaml")
        let ja = assessment.text(.ja)
        #expect(ja.contains("判定：ブロック"))
        #expect(ja.contains("個人情報保護委員会Q&A Q1-13-3"))
        #expect(assessment.text(.en).contains("Verdict: BLOCKED (2 unmet legal obligation(s))"))
        let html = assessment.html(.en)
        #expect(html.hasPrefix("<!doctype html>") && html.contains("PUR-04") && html.contains("<blockquote lang=\"ja\">"))
    }
}
