import Foundation
import Testing

@Suite("shoji eval tracking")
struct EvalCommandTests {
    static let groundTruth = ShojiProcess.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/data/pets09-s2l1-gt-frames-0001-0400.txt").path

    @Test("scores a short range, writes the tracks in MOT format on request")
    func shortRange() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tracks = folder.appendingPathComponent("tracks.txt")
        let result = try ShojiProcess.run(["eval", "tracking", "--gt", Self.groundTruth,
                                           ShojiProcess.media.appendingPathComponent("vtest.avi").path,
                                           "--frames", "1-30", "--line", "450,0,450,576",
                                           "--write-tracks", tracks.path, "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let mota = try #require(report?["mota"] as? Double)
        #expect(mota > 0.3 && mota <= 1)
        #expect(report?["last_frame"] as? Int == 30)
        let lines = try String(contentsOf: tracks, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.split(separator: ",").count >= 6 })
        #expect(lines.compactMap { Int($0.split(separator: ",")[0]) }.allSatisfy { (1...30).contains($0) })
    }

    @Test("bad arguments are refused with one clear line", arguments: [
        ["--frames", "30-1"], ["--line", "1,2,3"], ["--detect-every", "0"],
    ])
    func badArguments(extra: [String]) throws {
        let result = try ShojiProcess.run(["eval", "tracking", "--gt", Self.groundTruth,
                                           ShojiProcess.media.appendingPathComponent("vtest.avi").path] + extra)
        #expect(result.status != 0)
        #expect(!result.standardError.isEmpty)
    }

    @Test("a malformed ground-truth file names its line")
    func malformedGroundTruth() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gt = folder.appendingPathComponent("gt.txt")
        try Data("1,1,10,10,20,40,1\n2,1,ten,10,20,40,1\n".utf8).write(to: gt)
        let result = try ShojiProcess.run(["eval", "tracking", "--gt", gt.path,
                                           ShojiProcess.media.appendingPathComponent("vtest.avi").path])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("shoji: error:"))
        #expect(result.standardError.contains("2"))
    }
}
