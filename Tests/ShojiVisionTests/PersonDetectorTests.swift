import Foundation
import ShojiVision
import Testing

@Suite("Person detection")
struct PersonDetectorTests {
    /// Frame 1 of vtest.avi: PETS09-S2L1 ground truth has 6 people on it.
    private func firstFrame() throws -> Frame {
        let source = try FrameSource(try MediaInput(argument: try TestMedia.file("vtest.avi").path))
        return try #require(try source.next())
    }

    @Test("SSDLite finds people on the first PETS09 frame, standing upright")
    func ssdlite() throws {
        let detector = try PersonDetector()
        #expect(detector.backend == .ssdlite)
        let people = try detector.detect(in: try firstFrame())
        #expect(people.count >= 2 && people.count <= 10, "found \(people.count)")
        #expect(people.allSatisfy { $0.box.height > $0.box.width }, "person boxes are taller than wide")
    }

    @Test("without the SSDLite model, HOG takes over and still finds people")
    func hogFallback() throws {
        let empty = try TestMedia.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let detector = try PersonDetector(models: ModelStore(folder: empty), threshold: 0)
        #expect(detector.backend == .hog)
        #expect(try detector.detect(in: try firstFrame()).count >= 1)
        #expect(throws: VisionError.self) {
            _ = try PersonDetector(models: ModelStore(folder: empty), allowFallback: false)
        }
    }
}
