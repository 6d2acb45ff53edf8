import Foundation
import Testing

/// End-to-end runs of `shoji notice` on the examples: what is written where, and the exit statuses.
@Suite("shoji notice")
struct NoticeCommandTests {
    func shoji(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let result = try ShojiProcess.run(["notice"] + arguments, in: ShojiProcess.repository)
        return (result.status, result.standardOutput, result.standardError)
    }

    func temporaryFolder() throws -> URL { try ShojiProcess.temporaryFolder() }

    @Test("Each format lands in the folder under its default name and starts as that format should")
    func formats() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected: [(String, String, [UInt8])] = [
            ("png", "sign-a4-both.png", [0x89, 0x50, 0x4E, 0x47]),
            ("pdf", "sign-a4-both.pdf", Array("%PDF".utf8)),
            ("svg", "sign-a4-both.svg", Array("<?xml".utf8)),
            ("html", "notice-both.html", Array("<!DOCTYPE html>".utf8)),
        ]
        for (format, name, magic) in expected {
            let result = try shoji(["examples/attributes.yaml", "--format", format, "-o", folder.path + "/"])
            #expect(result.status == 0, "\(result.err)")
            let file = folder.appendingPathComponent(name)
            #expect(result.out == file.path + "\n")
            #expect(try Data(contentsOf: file).starts(with: magic))
        }
    }

    @Test("An explicit file name, A3 and Japanese only")
    func explicitFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("entrance.svg")
        let result = try shoji(["examples/repeat.yaml", "--format", "svg", "--lang", "ja", "--paper", "a3", "-o", file.path])
        #expect(result.status == 0)
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.contains("width=\"297mm\" height=\"420mm\""))
        #expect(svg.contains("カメラ作動中") && !svg.contains("CAMERA IN OPERATION"))
    }

    @Test("A bad manifest exits 2 and a missing output folder exits 1, each with one line and no file")
    func failures() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try shoji(["examples/failing/raw-images-kept.yaml", "--format", "png", "-o", folder.path + "/"])
        #expect(bad.status == 2)
        #expect(bad.err.split(separator: "\n").count == 1)
        #expect(bad.err.contains("raw-images-kept.yaml"))
        let missing = try shoji(["examples/attributes.yaml", "--format", "png", "-o", folder.appendingPathComponent("no/such/x.png").path])
        #expect(missing.status == 1)
        #expect(missing.err.split(separator: "\n").count == 1)
        #expect(missing.err.contains("does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
