import Foundation
import Testing

/// End-to-end runs of `shoji assess` and `shoji incident assess` on the examples: exit statuses and output.
@Suite("shoji assess / shoji incident assess")
struct PolicyCommandTests {
    /// Runs `shoji` with `arguments` from the package root (the examples use repository-relative paths).
    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let result = try ShojiProcess.run(arguments, in: ShojiProcess.repository)
        return (result.status, result.standardOutput, result.standardError)
    }

    @Test("A clean manifest exits 0")
    func clean() throws {
        let result = try run(["assess", "examples/attributes.yaml", "--lang", "en", "--as-of", "2026-12-15"])
        #expect(result.status == 0)
        #expect(result.out.contains("Verdict: clear"))
    }

    @Test("An unmet legal obligation exits 1; the JSON says which")
    func blocking() throws {
        let result = try run(["assess", "examples/failing/abstract-purpose.yaml", "--format", "json", "--as-of", "2026-12-15"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(json["is_blocking"] as? Bool == true)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["blocking"] as? Bool == true }.compactMap { $0["rule_id"] as? String } == ["PUR-01"])
    }

    @Test("An invalid manifest exits 2 with one line naming file, line and key")
    func invalid() throws {
        let result = try run(["assess", "examples/failing/raw-images-kept.yaml"])
        #expect(result.status == 2)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("raw-images-kept.yaml:41:13: retention.days.frames: impossible retention") == true)
    }

    @Test("An incident is assessed: reportable, 60-day final report for ransomware")
    func incident() throws {
        let result = try run(["incident", "assess", "examples/incidents/ransomware-repeat.yaml", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(json["reportable"] as? Bool == true)
        let deadlines = try #require(json["deadlines"] as? [[String: Any]])
        #expect(deadlines.last?["due"] as? String == "2027-02-08")
    }
}
