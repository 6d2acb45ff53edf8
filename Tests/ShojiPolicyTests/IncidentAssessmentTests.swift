import Foundation
import ShojiPolicy
import Testing

@Suite("Incident assessment (APPI Art. 26; PPC Rules Art. 7-10)")
struct IncidentAssessmentTests {
    /// An incident with `persons`, `cause` and extra YAML lines.
    func incident(persons: Int, cause: String = "misdelivery", role: String = "controller", extra: String = "") throws -> IncidentAssessment {
        let yaml = """
            id: T-1
            summary: test
            role: \(role)
            aware_on: 2026-12-10
            data_kinds: [visit_history]
            persons_affected: \(persons)
            cause: \(cause)

            """ + extra
        return IncidentAssessment(incident: try Incident.decode(yaml: yaml, file: "incident.yaml"))
    }

    @Test("1,000 persons is not 'more than 1,000'; 1,001 is")
    func thousand() throws {
        let atThousand = try incident(persons: 1000)
        #expect(!atThousand.reportable && atThousand.categories.isEmpty && atThousand.recipients.isEmpty)
        let over = try incident(persons: 1001)
        #expect(over.reportable && over.categories == [.overThousand])
        #expect(over.recipients == [.ppc, .persons])
        #expect(over.deadlines.map(\.due) == [CalendarDay("2026-12-15"), CalendarDay("2027-01-09")])
        #expect(over.deadlines.first?.target == CalendarDay("2026-12-13"))
    }

    @Test("Encrypted data with a safe key is not reportable, whatever the categories")
    func encrypted() throws {
        let safe = try incident(persons: 5000, cause: "theft", extra: "encryption: {high_grade: true, key_safe: true}\n")
        #expect(safe.excludedByEncryption && !safe.reportable && safe.deadlines.isEmpty)
        #expect(safe.categories == [.improperPurpose, .overThousand])
        let keyLost = try incident(persons: 5000, cause: "theft", extra: "encryption: {high_grade: true, key_safe: false}\n")
        #expect(keyLost.reportable)
    }

    @Test("An improper-purpose cause gives 60 days for the final report")
    func improperPurpose() throws {
        let ransomware = try incident(persons: 10, cause: "ransomware")
        #expect(ransomware.reportable && ransomware.categories == [.improperPurpose])
        #expect(ransomware.deadlines.last?.due == CalendarDay("2027-02-08"))
        #expect(ransomware.deadlines.last?.what.en.contains("60 days") == true)
        let withThousand = try incident(persons: 2000, cause: "insider_takeout")
        #expect(withThousand.deadlines.last?.due == CalendarDay("2027-02-08"))
    }

    @Test("Sensitive and financial data are reportable even for one person")
    func sensitiveAndFinancial() throws {
        let yaml = "id: T\nsummary: s\nrole: controller\naware_on: 2026-12-10\ndata_kinds: [health, card_numbers]\npersons_affected: 1\ncause: loss\n"
        let assessment = IncidentAssessment(incident: try Incident.decode(yaml: yaml))
        #expect(assessment.categories == [.sensitive, .financialLoss])
        #expect(assessment.deadlines.last?.due == CalendarDay("2027-01-09"))
    }

    @Test("A processor notifies its controller instead of the PPC")
    func processor() throws {
        let assessment = try incident(persons: 1500, role: "processor", extra: "controller: 株式会社障子リテール\n")
        #expect(assessment.reportable && assessment.recipients == [.controller])
        #expect(assessment.deadlines.count == 1 && assessment.deadlines[0].due == CalendarDay("2026-12-15"))
        #expect(assessment.reason.ja.contains("株式会社障子リテール"))
        #expect(assessment.sources.contains { $0.kind == .ppcRules && $0.reference == "Art. 9" && $0.former == "Art. 6-4" })
    }

    @Test("A processor without a controller is an invalid incident file")
    func processorWithoutController() throws {
        #expect(throws: ManifestError.self) { try incident(persons: 1, role: "processor") }
    }

    @Test("A late preliminary report is flagged")
    func late() throws {
        let assessment = try incident(persons: 2000, extra: "preliminary_report_on: 2026-12-20\n")
        #expect(assessment.deadlines.first?.late == true)
    }

    @Test("The draft report holds the nine items, five of them for the persons' notice")
    func reportItems() throws {
        let assessment = try incident(persons: 2000)
        #expect(assessment.reportItems.map(\.number) == Array(1...9))
        #expect(assessment.reportItems.filter(\.inPersonsNotice).map(\.number) == [1, 2, 4, 5, 9])
        #expect(assessment.reportItems[2].draft == "2000")
    }

    @Test("A YAML syntax error in an incident file names its line, as in a manifest")
    func syntaxErrorLocated() {
        #expect {
            try Incident.decode(yaml: "id: x\nsummary: [unclosed\n", file: "incident.yaml")
        } throws: { error in
            guard let error = error as? ManifestError else { return false }
            return error.line != nil && error.description.hasPrefix("incident.yaml:")
        }
    }
}
