import Foundation
import Testing

@Suite("shoji doctor")
struct DoctorCommandTests {
    @Test("reports every model as ok after set-up")
    func healthy() throws {
        let result = try ShojiProcess.run(["doctor", "--media", ShojiProcess.media.path])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("ok      centerface.onnx"))
    }

    @Test("an empty models folder: every model MISSING, the fix named, exit 1")
    func missingModels() throws {
        let empty = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try ShojiProcess.run(["doctor", "--media", ShojiProcess.media.path],
                                          environment: ["SHOJI_MODELS": empty.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.components(separatedBy: "MISSING").count - 1 == 7)
        #expect(result.standardError.contains("scripts/setup"))
    }
}
