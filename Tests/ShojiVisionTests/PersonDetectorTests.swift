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

@Suite("Person detection on strips")
struct TiledPersonDetectionTests {
    @Test("two overlapping strips find more PETS09 ground-truth people than the whole frame, without duplicates")
    func stripsFindMore() throws {
        let truth = try PETSGroundTruth.load()
        let detector = try PersonDetector()
        let source = try FrameSource(try MediaInput(argument: try TestMedia.file("vtest.avi").path))
        var whole = 0, strips = 0, people = 0
        for frameNumber in 1...400 {
            let frame = try #require(try source.next())
            guard frameNumber % 10 == 0 else { continue }
            let boxes = truth[frameNumber] ?? []
            people += boxes.count
            whole += PETSGroundTruth.matches(try detector.detect(in: frame), boxes)
            let tiled = try detector.detect(in: frame, columns: 2)
            strips += PETSGroundTruth.matches(tiled, boxes)
            for (i, a) in tiled.enumerated() {
                for b in tiled[(i + 1)...] { #expect(a.box.iou(b.box) < 0.5, "a person counted twice across strips") }
            }
        }
        #expect(strips > whole, "found at IoU 0.5: strips \(strips), whole frame \(whole) of \(people)")
    }

    @Test("non-maximum suppression keeps the best of overlapping boxes")
    func suppression() {
        let a = Detection(box: PixelRect(x: 0, y: 0, width: 10, height: 20), score: 0.9)
        let b = Detection(box: PixelRect(x: 1, y: 0, width: 10, height: 20), score: 0.5)
        let c = Detection(box: PixelRect(x: 50, y: 0, width: 10, height: 20), score: 0.7)
        #expect(Detection.suppressingOverlaps([b, c, a], iouThreshold: 0.5) == [a, c])
    }
}

/// MOT15 ground truth of PETS09-S2L1 frames 1–400 (`../shared/data`, beside the repository).
enum PETSGroundTruth {
    static func load() throws -> [Int: [PixelRect]] {
        let url = TestMedia.repository.deletingLastPathComponent()
            .appendingPathComponent("shared/data/pets09-s2l1-gt-frames-0001-0400.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var boxes: [Int: [PixelRect]] = [:]
        for line in text.split(separator: "\n") {
            let f = line.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard f.count >= 6 else { continue }
            boxes[Int(f[0]), default: []].append(PixelRect(x: f[2], y: f[3], width: f[4], height: f[5]))
        }
        return boxes
    }

    /// Detections matched one-to-one to a true box at IoU >= 0.5, best score first.
    static func matches(_ detections: [Detection], _ truth: [PixelRect]) -> Int {
        var unmatched = truth, found = 0
        for detection in detections.sorted(by: { $0.score > $1.score }) {
            if let best = unmatched.indices.max(by: { unmatched[$0].iou(detection.box) < unmatched[$1].iou(detection.box) }),
               unmatched[best].iou(detection.box) >= 0.5 {
                unmatched.remove(at: best)
                found += 1
            }
        }
        return found
    }
}
