import Foundation
import ShojiVision
import Testing

@Suite("CenterFace on dlib's annotated faces")
struct FaceDetectorTests {
    @Test("finds at least 42 of the 43 annotated faces at IoU 0.3 with at most 2 false boxes")
    func recallOnDlibFaces() throws {
        let faces = try DlibAnnotations.load()
        #expect(faces.count == 43)
        let detector = try FaceDetector()  // the defaults `shoji anonymize` uses
        var found = 0, falseBoxes = 0
        for (image, truth) in Dictionary(grouping: faces, by: \.image) {
            let detections = try detector.detect(in: try ImageFile.read(try TestMedia.file("faces/\(image)")))
            var unmatched = truth.map(\.box)
            for detection in detections {
                if let best = unmatched.indices.max(by: { unmatched[$0].iou(detection.box) < unmatched[$1].iou(detection.box) }),
                   unmatched[best].iou(detection.box) >= 0.3 {
                    unmatched.remove(at: best)
                    found += 1
                } else {
                    falseBoxes += 1
                }
            }
        }
        #expect(found >= 42, "recall \(found)/43")
        #expect(falseBoxes <= 2, "\(falseBoxes) false boxes")
    }

    @Test("one network per input size: a size used after another gives the same faces as a fresh detector")
    func networkPerInputSize() throws {
        let photo = try ImageFile.read(try TestMedia.file("faces/2008_002470.jpg"))
        let other = try ImageFile.read(try TestMedia.file("grace_hopper.jpg"))
        // Detect at each frame's own size: the same detector meets two input sizes.
        let reused = try FaceDetector(detectionSize: nil)
        _ = try reused.detect(in: other)
        let afterOtherSize = try reused.detect(in: photo)
        let fresh = try FaceDetector(detectionSize: nil).detect(in: photo)
        #expect(afterOtherSize.count == fresh.count)
        #expect(zip(afterOtherSize, fresh).allSatisfy { $0.box.iou($1.box) > 0.99 })
        #expect(fresh.count >= 5, "the photo shows 7 people, found \(fresh.count)")
    }

    @Test("a missing model gives an error that names the fix")
    func missingModel() throws {
        let empty = try TestMedia.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            _ = try FaceDetector(models: ModelStore(folder: empty))
        } throws: { error in
            String(describing: error).contains("scripts/setup")
        }
    }
}
