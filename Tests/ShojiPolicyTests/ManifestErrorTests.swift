import Foundation
import ShojiPolicy
import Testing

/// Bad YAML and bad values give an error that names the file, the line and the key, and says what was expected.
@Suite("Manifest errors")
struct ManifestErrorTests {
    /// The valid base every case breaks in one place.
    let base: String

    init() throws {
        base = try Fixtures.text("examples/attributes.yaml")
    }

    /// The 1-based line of the first line containing `fragment` in `text`.
    func line(of fragment: String, in text: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.contains(fragment) }.map { $0 + 1 }
    }

    /// Decodes `yaml` expecting a ManifestError.
    func failure(_ yaml: String) throws -> ManifestError {
        do {
            _ = try Manifest.decode(yaml: yaml, file: "test.yaml")
        } catch {
            return error
        }
        Issue.record("the manifest was accepted")
        throw CancellationError()
    }

    @Test("An unknown key names the key, its line and the closest allowed key")
    func unknownKey() throws {
        let yaml = base.replacingOccurrences(of: "    visible_installation: true\n", with: "    visible_instalation: true\n")
        let error = try failure(yaml)
        #expect(error.key == "cameras[0].visible_instalation")
        #expect(error.line == line(of: "visible_instalation", in: yaml))
        guard case .unknownKey(let key, let expected, let suggestion) = error.problem else {
            Issue.record("expected unknownKey, got \(error.problem)")
            return
        }
        #expect(key == "visible_instalation" && suggestion == "visible_installation" && expected.contains("use_cases"))
        #expect(error.description.hasPrefix("test.yaml:\(error.line ?? 0):5: cameras[0].visible_instalation: unknown key"))
    }

    @Test("A wrong type says what was expected and what was found")
    func wrongType() throws {
        let yaml = base.replacingOccurrences(of: "    identifiable_images: true\n", with: "    identifiable_images: sometimes\n")
        let error = try failure(yaml)
        #expect(error.key == "cameras[0].identifiable_images")
        #expect(error.line == line(of: "identifiable_images: sometimes", in: yaml))
        #expect(error.problem == .wrongType(expected: "true or false", found: "the string 'sometimes'"))
    }

    @Test("A list where a mapping is expected is a wrong type, not a crash")
    func listForMapping() throws {
        let yaml = base.replacingOccurrences(of: "space:\n  type: store\n  name: 渋谷店\n", with: "space: [store]\n")
        let error = try failure(yaml)
        #expect(error.key == "space")
        #expect(error.line == line(of: "space: [store]", in: yaml))
        #expect(error.message.contains("expected a mapping"))
    }

    @Test("A missing required field names the key")
    func missingField() throws {
        let error = try failure(base.replacingOccurrences(of: "starts_on: 2026-12-01\n", with: ""))
        #expect(error.key == "starts_on")
        #expect(error.line == line(of: "version: 1", in: base))
        #expect(error.message.contains("missing required key"))
    }

    @Test("An unknown use case lists the known ones")
    func unknownUseCase() throws {
        let yaml = base.replacingOccurrences(of: "    use_cases: [attributes]\n    settings", with: "    use_cases: [atributes]\n    settings")
        let error = try failure(yaml)
        #expect(error.key == "cameras[0].use_cases[0]")
        #expect(error.line == line(of: "use_cases: [atributes]", in: yaml))
        #expect(error.problem == .unknownUseCase("atributes"))
        #expect(error.message.contains("attributes, flow, repeat, counting, redaction, congestion, watchlist"))
    }

    @Test("A negative retention is impossible")
    func negativeRetention() throws {
        let yaml = base.replacingOccurrences(of: "attribute_counts: 730", with: "attribute_counts: -5")
        let error = try failure(yaml)
        #expect(error.key == "retention.days.attribute_counts")
        #expect(error.line == line(of: "attribute_counts: -5", in: yaml))
        #expect(error.message.contains("negative"))
    }

    @Test("Raw images kept for a case that must discard them at once are impossible")
    func rawImagesKept() throws {
        let yaml = try Fixtures.text("examples/failing/raw-images-kept.yaml")
        let error = try failure(yaml)
        #expect(error.key == "retention.days.frames")
        #expect(error.line == line(of: "frames: 30", in: yaml))
        guard case .impossibleRetention(let reason) = error.problem else {
            Issue.record("expected impossibleRetention, got \(error.problem)")
            return
        }
        #expect(reason.contains("attributes must discard frames at once"))
    }

    @Test("Feature vectors kept where no use case keeps them are impossible (attributes discards features)")
    func vectorsWithoutRepeat() throws {
        let yaml = base.replacingOccurrences(of: "    attribute_counts: 730\n", with: "    attribute_counts: 730\n    feature_vectors: 30\n")
        let error = try failure(yaml)
        #expect(error.key == "retention.days.feature_vectors")
        #expect(error.message.contains("only repeat may"))
    }

    @Test("Data kept by a use case needs a retention period")
    func retentionMissing() throws {
        let error = try failure(base.replacingOccurrences(of: "    attribute_counts: 730\n", with: ""))
        #expect(error.key == "retention.days.attribute_counts")
        #expect(error.message.contains("kept by attributes"))
    }

    @Test("Invalid YAML reports the line of the syntax error")
    func syntax() throws {
        let yaml = base.replacingOccurrences(of: "tenant: shoji-retail\n", with: "tenant: [shoji-retail\n")
        let error = try failure(yaml)
        guard case .syntax = error.problem else {
            Issue.record("expected syntax, got \(error.problem)")
            return
        }
        #expect(error.line != nil)
    }

    @Test("Duplicate camera ids are rejected at the second one")
    func duplicateCamera() throws {
        let yaml = try Fixtures.text("examples/flow.yaml").replacingOccurrences(of: "  - id: floor-b\n", with: "  - id: floor-a\n")
        let error = try failure(yaml)
        #expect(error.key == "cameras[1].id")
        let lines = yaml.components(separatedBy: "\n")
        #expect(error.line == lines.lastIndex(of: "  - id: floor-a").map { $0 + 1 })
    }

    @Test("A consent for an undeclared purpose is an unknown reference")
    func unknownReference() throws {
        let yaml = base + "consents:\n  - kind: repurpose\n    covers: nope\n    method: form\n"
        let error = try failure(yaml)
        #expect(error.key == "consents[0].covers")
        #expect(error.problem == .unknownReference("nope", expected: "a purpose id: staffing"))
    }

    @Test("An unreadable file is reported, not crashed on")
    func unreadable() throws {
        do {
            _ = try Manifest.load(contentsOf: Fixtures.file("examples/does-not-exist.yaml"))
            Issue.record("a missing file was accepted")
        } catch {
            guard case .unreadable = error.problem else {
                Issue.record("expected unreadable, got \(error.problem)")
                return
            }
            #expect(error.file.hasSuffix("examples/does-not-exist.yaml"))
        }
    }

    @Test("Odd documents never crash", arguments: ["", "---\n", "42\n", "- a\n- b\n", "{version: [1]}\n", "version: 2\n", ": :\n", "cameras: {a: 1}\n"])
    func odd(yaml: String) throws {
        #expect(throws: ManifestError.self) { try Manifest.decode(yaml: yaml) }
    }
}
