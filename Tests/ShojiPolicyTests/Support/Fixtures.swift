import Foundation
import ShojiPolicy
import Testing

/// Test files found relative to this source file, so nothing needs declaring in Package.swift.
enum Fixtures {
    /// The package root (this file is Tests/ShojiPolicyTests/Support/Fixtures.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fixed assessment day, so that review ages are deterministic.
    static let day = CalendarDay(year: 2026, month: 12, day: 15) ?? CalendarDay(Date(timeIntervalSince1970: 0))

    /// A fixture file in Tests/ShojiPolicyTests/Fixtures.
    static func url(_ name: String) -> URL {
        root.appendingPathComponent("Tests/ShojiPolicyTests/Fixtures").appendingPathComponent(name)
    }

    /// A file relative to the package root, e.g. `examples/attributes.yaml`.
    static func file(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The text of a file relative to the package root.
    static func text(_ path: String) throws -> String {
        try String(contentsOf: file(path), encoding: .utf8)
    }

    /// Loads and assesses a fixture.
    static func assess(fixture name: String) throws -> Assessment {
        Assessment(manifest: try Manifest.load(contentsOf: url(name)), asOf: day)
    }

    /// Decodes and assesses YAML text.
    static func assess(yaml: String) throws -> Assessment {
        Assessment(manifest: try Manifest.decode(yaml: yaml, file: "test.yaml"), asOf: day)
    }
}

extension Finding {
    /// Whether the finding cites the PPC Q&A item `number` (e.g. "Q1-11"), in any paragraph.
    func citesQA(_ number: String) -> Bool {
        sources.contains { $0.kind == .ppcQA && ($0.reference == number || $0.reference.hasPrefix(number + " ")) }
    }

    /// Whether the finding cites APPI article `number` (current numbering).
    func citesAPPI(_ number: String) -> Bool {
        sources.contains { $0.kind == .appi && ($0.reference == "Art. \(number)" || $0.reference.hasPrefix("Art. \(number)(")) }
    }
}

extension Assessment {
    /// The finding of rule `id`, failing the test if the catalogue has no such rule.
    func require(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Finding {
        try #require(finding(id), "no finding for \(id)", sourceLocation: sourceLocation)
    }
}
