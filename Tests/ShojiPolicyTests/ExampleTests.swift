import Foundation
import ShojiPolicy
import Testing

/// Every example in examples/ assesses as the `# expect:` line at its top says.
@Suite("Examples")
struct ExampleTests {
    /// The YAML files directly in `folder` (relative to the package root).
    static func files(in folder: String) -> [String] {
        let url = Fixtures.file(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    /// The words after `# expect:` in the file's header.
    static func expectation(of path: String) throws -> [String] {
        let text = try Fixtures.text(path)
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("# expect:") }, "\(path) has no '# expect:' line")
        return line.dropFirst("# expect:".count).split(separator: " ").map { $0.hasSuffix(",") ? String($0.dropLast()) : String($0) }
    }

    @Test("There is a clean example for each use case and the watchlist")
    func everyUseCase() throws {
        let manifests = try Self.files(in: "examples").map { try Manifest.load(contentsOf: Fixtures.file($0)) }
        #expect(Set(manifests.flatMap(\.useCases)) == Set(UseCase.allCases))
    }

    @Test("Manifests assess as their comment says", arguments: files(in: "examples") + files(in: "examples/failing"))
    func manifest(path: String) throws {
        let expected = try Self.expectation(of: path)
        switch expected.first {
        case "clean":
            let assessment = Assessment(manifest: try Manifest.load(contentsOf: Fixtures.file(path)), asOf: Fixtures.day)
            #expect(!assessment.isBlocking, "\(path): \(assessment.blockingFindings.map(\.ruleId))")
            #expect(assessment.summary.recommendation == 0, "\(path): \(assessment.findings.filter { $0.status == .recommendation }.map(\.ruleId))")
            #expect(assessment.uncoveredUseCases.isEmpty)
            #expect(assessment.useCases.allSatisfy(assessment.permits))
        case "blocking":
            let assessment = Assessment(manifest: try Manifest.load(contentsOf: Fixtures.file(path)), asOf: Fixtures.day)
            #expect(Set(assessment.blockingFindings.map(\.ruleId)) == Set(expected.dropFirst()))
        case "invalid":
            do {
                _ = try Manifest.load(contentsOf: Fixtures.file(path))
                Issue.record("\(path) was accepted")
            } catch {
                #expect(error.key == expected.dropFirst().first)
                #expect(error.line != nil)
            }
        default:
            Issue.record("\(path): unknown expectation \(expected)")
        }
    }

    @Test("Incidents assess as their comment says", arguments: files(in: "examples/incidents"))
    func incident(path: String) throws {
        let expected = try Self.expectation(of: path)
        let assessment = IncidentAssessment(incident: try Incident.load(contentsOf: Fixtures.file(path)))
        var fields: [String: String] = [:]
        for word in expected.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        switch expected.first {
        case "not-reportable":
            #expect(!assessment.reportable)
        case "reportable":
            #expect(assessment.reportable)
            if let categories = fields["categories"] {
                #expect(assessment.categories.map(\.rawValue) == categories.split(separator: ",").map(String.init))
            }
            if let tell = fields["tell"] {
                #expect(assessment.recipients.map(\.rawValue) == tell.split(separator: ",").map(String.init))
            }
            if let days = fields["final_days"].flatMap(Int.init), let aware = CalendarDay("2026-12-10") {
                #expect(assessment.deadlines.last?.due == aware.adding(days: days))
            }
        default:
            Issue.record("\(path): unknown expectation \(expected)")
        }
    }
}
