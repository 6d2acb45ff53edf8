import Foundation
import ShojiPolicy
import Testing

/// Each case takes a clean example, changes one fact and checks that exactly the rule about that fact reacts,
/// with the expected status. Together with the clean examples this shows each rule both passing and failing.
@Suite("Rules react to the facts they are about")
struct RuleMutationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let example: String
        let replace: String
        let with: String
        let rule: String
        let status: Finding.Status
        var testDescription: String { "\(rule) \(status.rawValue) ← \(example): \(with.prefix(50))" }
    }

    static let cases: [Case] = [
        Case(example: "repeat", replace: "feature_vectors: 180", with: "feature_vectors: 400", rule: "RET-03", status: .recommendation),
        Case(example: "repeat", replace: "  opt_out: true\n", with: "", rule: "RIG-05", status: .recommendation),
        Case(example: "repeat", replace: "  correction: true\n", with: "", rule: "RIG-03", status: .unmetObligation),
        Case(example: "repeat", replace: "  erasure: true\n", with: "", rule: "RIG-04", status: .unmetObligation),
        Case(example: "repeat", replace: "  disclosure_methods: [electronic, paper]\n", with: "  disclosure_methods: [paper]\n", rule: "RIG-02", status: .unmetObligation),
        Case(example: "repeat", replace: ", safety_measures", with: "", rule: "RIG-01", status: .missingItem),
        Case(example: "repeat", replace: "  access_log: true\n", with: "", rule: "SEC-01", status: .unmetObligation),
        Case(example: "repeat", replace: "  incident_plan: true\n", with: "", rule: "INC-01", status: .unmetObligation),
        Case(example: "repeat", replace: "  auto_delete: true\n", with: "  auto_delete: false\n", rule: "RET-01", status: .recommendation),
        Case(example: "repeat", replace: "  location: edge\n", with: "  location: edge\n  member_linkage: true\n", rule: "TP-05", status: .recommendation),
        Case(example: "repeat", replace: "  scope: 渋谷店1店舗のみ、180日間に限定する\n", with: "", rule: "GB-03", status: .recommendation),
        Case(example: "attributes", replace: "  attributes: [age_band, gender]\n", with: "  attributes: [age_band, gender, race]\n", rule: "GB-04", status: .recommendation),
        Case(example: "attributes", replace: "  attributes: [age_band, gender]\n", with: "  attributes: [age_band, health]\n  differential_treatment: true\n", rule: "PUR-10", status: .unmetObligation),
        Case(example: "attributes", replace: "    published_on: 2026-11-01\n", with: "    published_on: 2026-12-05\n", rule: "NOT-03", status: .recommendation),
        Case(example: "attributes", replace: "    before_filmed_area: true\n", with: "", rule: "NOT-04", status: .recommendation),
        Case(example: "attributes", replace: "  location: edge\n", with: "  location: cloud\n", rule: "SEC-10", status: .recommendation),
        Case(example: "attributes", replace: "    declared_at: 2026-11-01\n", with: "    declared_at: 2026-12-10\n", rule: "PUR-09", status: .unmetObligation),
        Case(example: "attributes", replace: "  location: edge\n", with: "  location: foreign_cloud\n", rule: "SEC-09", status: .unmetObligation),
        Case(example: "attributes", replace: "\nnotice:\n", with: "\nprocessors:\n  - {name: US Analytics Inc., country: US, role: entrustment, contract: true}\nnotice:\n", rule: "SEC-09", status: .unmetObligation),
        Case(example: "attributes", replace: "\nnotice:\n", with: "\nprocessors:\n  - {name: EU Analytics GmbH, country: DE, role: entrustment, contract: true}\nnotice:\n", rule: "SEC-09", status: .satisfied),
        Case(example: "attributes", replace: "\nnotice:\n", with: "\nprocessors:\n  - {name: 障子クラウド, country: JP, role: storage_only}\nnotice:\n", rule: "SEC-08", status: .unmetObligation),
        Case(example: "attributes", replace: "\nnotice:\n", with: "\nprocessors:\n  - {name: 障子ベンダー, country: JP, role: entrustment}\nnotice:\n", rule: "SEC-02", status: .unmetObligation),
        Case(example: "attributes", replace: "\nnotice:\n", with: "\nthird_parties:\n  - {name: 障子商事, country: JP, data: personal}\nnotice:\n", rule: "TP-01", status: .unmetObligation),
        Case(example: "attributes", replace: "\nnotice:\n", with: "\nthird_parties:\n  - {name: 障子商事, country: JP, data: aggregate}\nnotice:\n", rule: "TP-01", status: .notApplicable),
        Case(example: "attributes", replace: "\nnotice:\n", with: "\nthird_parties:\n  - {name: 警察署, country: JP, data: personal, basis: law}\nnotice:\n", rule: "TP-01", status: .satisfied),
        Case(example: "attributes", replace: "\nnotice:\n", with: "\nthird_parties:\n  - {name: 障子商事, country: JP, data: personal, basis: consent}\nconsents:\n  - {kind: third_party, covers: 障子商事, method: 書面}\nnotice:\n", rule: "TP-02", status: .unmetObligation),
        Case(example: "attributes", replace: "privacy_officer:\n  name: 個人情報保護責任者 田中 花子\n  contact: dpo@shoji-retail.example\n", with: "", rule: "GB-01", status: .recommendation),
        Case(example: "attributes", replace: "  necessity: 時間帯別・属性別の来店数はPOSデータからは得られない\n", with: "", rule: "GB-02", status: .recommendation),
        Case(example: "counting", replace: "    privacy_masks: true\n", with: "", rule: "GB-05", status: .recommendation),
        Case(example: "flow", replace: "    visible_installation: true\n    identifiable_images: true\n    use_cases: [flow]\n    settings", with: "    visible_installation: false\n    identifiable_images: true\n    use_cases: [flow]\n    settings", rule: "ACQ-01", status: .satisfied),
        Case(example: "flow", replace: "    items: [operating, ", with: "    items: [", rule: "ACQ-02", status: .recommendation),
        Case(example: "watchlist", replace: "  human_review: true\n", with: "", rule: "FID-04", status: .recommendation),
        Case(example: "watchlist", replace: "  rules_published_at: https://shoji-retail.example/face-identification/rules\n", with: "", rule: "FID-05", status: .recommendation),
        Case(example: "watchlist", replace: "  discard_non_matches: true\n", with: "  discard_non_matches: false\n", rule: "FID-03", status: .recommendation),
        Case(example: "watchlist", replace: "face_identification, ", with: "", rule: "NOT-05", status: .recommendation),
        Case(example: "watchlist", replace: "  location: edge\n", with: "  location: edge\njoint_use:\n  parties: [障子リテール, 障子マート]\n  data_items: [顔特徴データ]\n  responsible_party: 株式会社障子リテール\n  published_items: [joint_use, data_items, scope_of_users, purposes]\n  published_on: 2026-11-01\n", rule: "TP-03", status: .missingItem),
    ]

    @Test("One changed fact, one rule reacting", arguments: cases)
    func mutation(_ testCase: Case) throws {
        let original = try Fixtures.text("examples/\(testCase.example).yaml")
        #expect(original.contains(testCase.replace), "the example no longer contains the text to replace")
        let assessment = try Fixtures.assess(yaml: original.replacingOccurrences(of: testCase.replace, with: testCase.with))
        let finding = try assessment.require(testCase.rule)
        #expect(finding.status == testCase.status, "\(finding.reason.en)")
        #expect(finding.blocking == (testCase.status == .unmetObligation || testCase.status == .missingItem))
        if finding.status != .satisfied && finding.status != .notApplicable {
            #expect(finding.remedy != nil)
        }
    }
}
