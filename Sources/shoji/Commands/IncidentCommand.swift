import ArgumentParser
import Foundation
import ShojiPolicy

/// `shoji incident`: incident handling under APPI Art. 26 and PPC Rules Art. 7–10.
struct IncidentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Handle leaks, losses and damage of personal data (APPI Art. 26).",
        subcommands: [Assess.self]
    )

    /// `shoji incident assess incident.yaml`.
    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide whether an incident must be reported, by when and to whom, and draft the report.",
            discussion: "Exit status 0 after a decision (reportable or not), 2 when the incident file is unreadable or invalid."
        )

        /// Output formats.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "The incident description (YAML).")
        var incident: String

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @Option(help: "Language of the text report: ja or en.")
        var lang: String = "ja"

        func validate() throws {
            guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be ja or en") }
        }

        func run() throws {
            let loaded: Incident
            do {
                loaded = try Incident.load(contentsOf: URL(fileURLWithPath: incident))
            } catch {
                FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
                throw ExitCode(2)
            }
            let assessment = IncidentAssessment(incident: loaded)
            switch format {
            case .text: print(assessment.text(Language(rawValue: lang) ?? .ja), terminator: "")
            case .json: print(String(decoding: try assessment.jsonData(), as: UTF8.self))
            }
        }
    }
}
