import ArgumentParser
import Foundation
import ShojiPolicy

/// `shoji assess manifest.yaml`: checks a deployment manifest against the rule catalogue (APPI, PPC Q&A,
/// METI/MIC guidebook). Exit status: 0 when no legal obligation is unmet, 1 when one is, 2 when the manifest
/// cannot be read or is invalid.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess a deployment manifest against the APPI, the PPC Q&A and the camera guidebook.",
        discussion: """
            Every rule yields a finding: unmet obligation, missing item, recommendation, satisfied or not \
            applicable, with the reason, the remedy and the sources (PPC Q&A number, guidebook section, APPI \
            article with its pre-2022 number). Exit status 1 means a legal obligation is unmet and the pipeline \
            will refuse to run; 2 means the manifest is unreadable or invalid (one line: file:line:column: key: \
            problem).
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "The deployment manifest (YAML).")
    var manifest: String

    @Option(help: "Output format: text, json or html.")
    var format: Format = .text

    @Option(help: "Language of the report: ja or en.")
    var lang: String = "ja"

    @Option(name: .customLong("as-of"), help: "Assess as of this day (YYYY-MM-DD); defaults to today (UTC).")
    var asOf: String?

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be ja or en") }
        if let asOf, CalendarDay(asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
    }

    func run() throws {
        let language = Language(rawValue: lang) ?? .ja
        let day = asOf.flatMap(CalendarDay.init) ?? CalendarDay(Date())
        let loaded: Manifest
        do {
            loaded = try Manifest.load(contentsOf: URL(fileURLWithPath: manifest))
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let assessment = Assessment(manifest: loaded, asOf: day)
        switch format {
        case .text: print(assessment.text(language), terminator: "")
        case .html: print(assessment.html(language), terminator: "")
        case .json:
            let data = try assessment.jsonData()
            print(String(decoding: data, as: UTF8.self))
        }
        if assessment.isBlocking { throw ExitCode(1) }
    }
}
