/// The detectors one worker thread needs for the anonymisation targets. OpenCV networks are not shared
/// between threads, so each detection worker owns one `TargetDetector`.
final class TargetDetector {
    private let faces: FaceDetector?
    private let persons: PersonDetector?

    init(options: AnonymizationOptions, models: ModelStore) throws {
        faces = options.targets.contains(.faces)
            ? try FaceDetector(models: models, detectionSize: options.detectionSize, threshold: options.faceThreshold)
            : nil
        persons = options.targets.contains(.persons)
            ? try PersonDetector(models: models, threshold: options.personThreshold)
            : nil
    }

    /// Which person detector is in use (nil when persons are not a target).
    var personBackend: PersonDetector.Backend? { persons?.backend }

    /// Everything to mask in `frame`, faces first, with the count of each kind.
    func detect(in frame: Frame) throws -> (regions: [Detection], faces: Int, persons: Int) {
        let found = try faces?.detect(in: frame) ?? []
        let people = try persons?.detect(in: frame) ?? []
        return (found + people, found.count, people.count)
    }
}
