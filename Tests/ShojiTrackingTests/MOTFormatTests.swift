import Foundation
import Testing
@testable import ShojiTracking

@Suite("MOT format")
struct MOTFormatTests {
    @Test func parsesMOT15LinesAndRoundTrips() throws {
        let text = """
        1,9,499,158,31.03,75.17,1,-4.1554,-7.3591,0
        # a comment

        2, 15, 258, 219, 32.913, 88.702
        """
        let records = try MOTFormat.parse(text)
        #expect(records == [
            MOTRecord(frame: 1, id: 9, box: BoundingBox(x: 499, y: 158, width: 31.03, height: 75.17), confidence: 1),
            MOTRecord(frame: 2, id: 15, box: BoundingBox(x: 258, y: 219, width: 32.913, height: 88.702), confidence: 1),
        ])
        let written = MOTFormat.format(records.reversed())
        #expect(written == "1,9,499,158,31.03,75.17,1,-1,-1,-1\n2,15,258,219,32.913,88.702,1,-1,-1,-1\n")
        #expect(try MOTFormat.parse(written) == records)
    }

    @Test func badLinesAreReportedWithTheirNumber() {
        #expect(throws: MOTFormatError.tooFewFields(line: 2, found: 5)) { try MOTFormat.parse("1,1,0,0,1,1\n1,2,0,0,1") }
        #expect(throws: MOTFormatError.notANumber(line: 1, field: "x", text: "abc")) { try MOTFormat.parse("1,1,abc,0,1,1") }
        #expect(throws: MOTFormatError.notANumber(line: 1, field: "frame", text: "1.5")) { try MOTFormat.parse("1.5,1,0,0,1,1") }
        #expect(throws: MOTFormatError.invalidBox(line: 1)) { try MOTFormat.parse("1,1,0,0,-1,1") }
        #expect(throws: MOTFormatError.invalidBox(line: 1)) { try MOTFormat.parse("1,1,0,0,inf,1") }
        #expect(throws: MOTFormatError.self) { try MOTFormat.read(contentsOf: URL(fileURLWithPath: "/nonexistent/gt.txt")) }
        #expect(MOTFormatError.tooFewFields(line: 2, found: 5).description.contains("line 2"))
    }

    @Test func readsTheRealGroundTruthFile() throws {
        let records = try MOTFormat.read(contentsOf: PETSGroundTruth.url)
        let lineCount = try String(contentsOf: PETSGroundTruth.url, encoding: .utf8)
            .split(whereSeparator: \.isNewline).count
        #expect(records.count == lineCount)
        #expect(records.first == MOTRecord(frame: 1, id: 9, box: BoundingBox(x: 499, y: 158, width: 31.03, height: 75.17)))
        #expect(records.allSatisfy { (1...400).contains($0.frame) && $0.box.isValid })
    }
}
