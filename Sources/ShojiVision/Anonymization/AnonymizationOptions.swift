import Foundation

/// What `Anonymizer` hides and how.
public struct AnonymizationOptions: Sendable, Equatable {
    /// What to detect and mask.
    public enum Target: String, Sendable, CaseIterable, Codable {
        /// Faces (CenterFace).
        case faces
        /// Whole persons (SSDLite, or HOG when its model is absent).
        case persons
    }

    /// What to mask; never empty.
    public var targets: Set<Target>
    /// How to mask.
    public var redaction: Redactor.Configuration
    /// Face detection threshold in 0…1.
    public var faceThreshold: Double
    /// Person detection threshold in 0…1.
    public var personThreshold: Double
    /// CenterFace input size; nil detects at each frame's own size (slow on large frames).
    public var detectionSize: PixelSize?
    /// Copy the input's audio track into an anonymised video (ffmpeg).
    public var keepAudio: Bool
    /// Threads that detect in parallel on a video, each on whole frames with its own networks.
    public var detectionWorkers: Int

    /// Options; the defaults mask faces with a blurred ellipse, detect at 320×256 with threshold 0.3, and drop
    /// audio; videos use one detection worker per core (at most 4).
    public init(targets: Set<Target> = [.faces], redaction: Redactor.Configuration = .init(),
                faceThreshold: Double = FaceDetector.defaultThreshold, personThreshold: Double = 0.3,
                detectionSize: PixelSize? = FaceDetector.defaultDetectionSize, keepAudio: Bool = false,
                detectionWorkers: Int = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))) {
        self.targets = targets
        self.redaction = redaction
        self.faceThreshold = faceThreshold
        self.personThreshold = personThreshold
        self.detectionSize = detectionSize
        self.keepAudio = keepAudio
        self.detectionWorkers = detectionWorkers
    }
}
