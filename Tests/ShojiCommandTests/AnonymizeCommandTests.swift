import Foundation
import Testing

@Suite("shoji anonymize", .serialized)
struct AnonymizeCommandTests {
    @Test("a folder of photos: exit 0, one anonymised image per photo, a one-line summary")
    func folderOfPhotos() throws {
        let sandbox = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let result = try ShojiProcess.run(["anonymize", ShojiProcess.media.appendingPathComponent("faces").path,
                                           "-o", sandbox.appendingPathComponent("out").path])
        #expect(result.status == 0, "\(result.standardError)")
        let written = ShojiProcess.files(under: sandbox.appendingPathComponent("out/faces_anonymized"))
        #expect(written.count == 12)
        #expect(written.allSatisfy { $0.hasSuffix(".jpg") })
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("12 frames") == true && lines.first?.contains("faces masked") == true)
    }

    @Test("writes nothing outside its output folder, and nothing but the anonymised output inside it")
    func writesOnlyItsOutput() throws {
        let sandbox = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        // Copy the inputs in, and point HOME, TMPDIR and the working directory into the sandbox too.
        let inputs = sandbox.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in ["grace_hopper.jpg", "astronaut.png"] {
            try FileManager.default.copyItem(at: ShojiProcess.media.appendingPathComponent(name),
                                             to: inputs.appendingPathComponent(name))
        }
        for folder in ["home", "tmp", "work"] {
            try FileManager.default.createDirectory(at: sandbox.appendingPathComponent(folder),
                                                    withIntermediateDirectories: true)
        }
        let before = ShojiProcess.files(under: sandbox)
        let models = ProcessInfo.processInfo.environment["SHOJI_MODELS"]
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/shoji/models").path
        let result = try ShojiProcess.run(
            ["anonymize", inputs.appendingPathComponent("grace_hopper.jpg").path,
             inputs.appendingPathComponent("astronaut.png").path, "-o", sandbox.appendingPathComponent("out").path],
            in: sandbox.appendingPathComponent("work"),
            environment: ["HOME": sandbox.appendingPathComponent("home").path,
                          "TMPDIR": sandbox.appendingPathComponent("tmp").path, "SHOJI_MODELS": models])
        #expect(result.status == 0, "\(result.standardError)")
        let after = ShojiProcess.files(under: sandbox)
        let added = Set(after).subtracting(before)
        #expect(added == ["out/grace_hopper_anonymized.jpg", "out/astronaut_anonymized.png"])
        #expect(Set(before).isSubset(of: Set(after)), "inputs untouched")
    }

    @Test("--targets persons masks a person", .timeLimit(.minutes(2)))
    func personsAreMasked() throws {
        let sandbox = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        // grace_hopper.jpg is a portrait: the person fills the middle of the picture.
        let result = try ShojiProcess.run(["anonymize", ShojiProcess.media.appendingPathComponent("grace_hopper.jpg").path,
                                           "--targets", "persons", "--mode", "fill", "--shape", "box",
                                           "-o", sandbox.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("persons masked"))
        let masked = try Data(contentsOf: sandbox.appendingPathComponent("grace_hopper_anonymized.jpg"))
        let original = try Data(contentsOf: ShojiProcess.media.appendingPathComponent("grace_hopper.jpg"))
        #expect(masked != original)
        // A solid fill compresses far better than the portrait it replaced.
        #expect(masked.count < original.count / 2, "\(masked.count) vs \(original.count) bytes")
    }

    @Test("bad input: one clear line, non-zero exit, no output", arguments: ["corrupt.avi", "empty.mp4", "notes.mp4", "missing.avi", "broken.jpg"])
    func badInput(name: String) throws {
        let sandbox = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let input = sandbox.appendingPathComponent(name)
        switch name {
        case "corrupt.avi": try Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: input)
        case "empty.mp4": try Data().write(to: input)
        case "notes.mp4": try Data("meeting notes, not a video\n".utf8).write(to: input)
        case "broken.jpg": try Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).write(to: input)
        default: break
        }
        let out = sandbox.appendingPathComponent("out")
        let result = try ShojiProcess.run(["anonymize", input.path, "-o", out.path])
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(lines.first?.hasPrefix("shoji: error: ") == true)
        #expect(lines.first?.contains(name) == true)
        #expect(ShojiProcess.files(under: out).isEmpty, "no partial output")
    }

    @Test("an interrupted video leaves no partial file")
    func interrupted() throws {
        let sandbox = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        let result = try ShojiProcess.run(["anonymize", ShojiProcess.media.appendingPathComponent("vtest.avi").path,
                                           "-o", sandbox.path], interruptAfter: 2.5)
        #expect(result.status == 130, "\(result.standardError)")
        #expect(ShojiProcess.files(under: sandbox).isEmpty)
    }

    @Test("invalid options are refused before any work")
    func invalidOptions() throws {
        let faces = ShojiProcess.media.appendingPathComponent("faces").path
        for arguments in [["--targets", "cars"], ["--detect-size", "big"], ["--threshold", "2"], ["--mode", "paint"]] {
            let result = try ShojiProcess.run(["anonymize", faces] + arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(!result.standardError.isEmpty)
        }
    }
}
