import Foundation
import ShojiVision
import Testing

@Suite("Masking")
struct RedactorTests {
    @Test("every annotated face differs strongly from the input after anonymisation", arguments: MaskMode.allCases)
    func facesAreHidden(mode: MaskMode) throws {
        let faces = try DlibAnnotations.load()
        let anonymizer = try Anonymizer(options: AnonymizationOptions(redaction: .init(mode: mode)))
        var minimumChange = Double.infinity, maximumDetailLeft = 0.0
        defer { print("\(mode): smallest mean change \(minimumChange), most detail left \(maximumDetailLeft)") }
        for (image, truth) in Dictionary(grouping: faces, by: \.image) {
            let original = try ImageFile.read(try TestMedia.file("faces/\(image)"))
            let masked = try original.clone()
            _ = try anonymizer.anonymize(frame: masked)
            for face in truth {
                // The central part of the face box, where eyes, nose and mouth are.
                let core = face.box.scaled(by: 0.6)
                let change = try #require(masked.meanAbsoluteDifference(from: original, in: core))
                let before = try #require(original.detail(in: core)), after = try #require(masked.detail(in: core))
                #expect(change >= 12, "\(image) face at \(face.box): mean change \(change)")
                // A mosaic keeps sharp edges between its cells, so its edge measure stays higher than a blur's;
                // what it removes is every feature smaller than a cell (12 px: an eye, a mouth).
                let allowed = mode == .mosaic ? 0.8 : 0.5
                #expect(after <= before * allowed, "\(image) face at \(face.box): detail \(before) -> \(after)")
                minimumChange = min(minimumChange, change)
                maximumDetailLeft = max(maximumDetailLeft, after / before)
            }
        }
    }

    @Test("a mask stays for the configured frames after its detection is lost, moving with the face")
    func maskPersistsAlongMotion() throws {
        let redactor = try Redactor(configuration: .init(persistenceFrames: 2))
        func face(at x: Double) -> Detection { Detection(box: PixelRect(x: x, y: 50, width: 40, height: 40), score: 0.9) }
        _ = redactor.regions(for: [face(at: 100)])
        _ = redactor.regions(for: [face(at: 110)])
        let firstMiss = redactor.regions(for: [])
        #expect(firstMiss.count == 1)
        #expect(abs(firstMiss[0].x - 120) < 0.001, "carried along the motion to x=120, not \(firstMiss[0].x)")
        let secondMiss = redactor.regions(for: [])
        #expect(secondMiss.count == 1 && abs(secondMiss[0].x - 130) < 0.001)
        #expect(redactor.regions(for: []).isEmpty, "gone after 2 missed frames")
    }

    @Test("a face missed in one frame of a video is still masked in that frame")
    func flickerIsCovered() throws {
        let redactor = try Redactor(configuration: .init(mode: .fill))
        let frames = try (0..<3).map { _ in try Frame(size: PixelSize(width: 200, height: 200)) }
        let box = PixelRect(x: 80, y: 80, width: 40, height: 40)
        for frame in frames { frame.fill(box, blue: 255, green: 255, red: 255) }
        let originals = try frames.map { try $0.clone() }
        try redactor.redact(frames[0], detections: [Detection(box: box, score: 0.9)])
        try redactor.redact(frames[1], detections: [])  // the detector flickered
        try redactor.redact(frames[2], detections: [Detection(box: box, score: 0.9)])
        for (masked, original) in zip(frames, originals) {
            let change = try #require(masked.meanAbsoluteDifference(from: original, in: box.scaled(by: 0.5)))
            #expect(change > 200, "the white box is painted black in every frame")
        }
    }

    @Test("invalid settings are refused")
    func invalidSettings() {
        #expect(throws: VisionError.self) { try Redactor(configuration: .init(maskScale: 0)) }
        #expect(throws: VisionError.self) { try Redactor(configuration: .init(persistenceFrames: -1)) }
    }
}
