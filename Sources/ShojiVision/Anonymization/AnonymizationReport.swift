import Foundation

/// Progress of one anonymisation job, reported every few frames.
public struct AnonymizationProgress: Sendable {
    /// The input being processed.
    public var input: String
    /// Frames (or images) finished.
    public var framesDone: Int
    /// Frames (or images) expected; nil for live sources.
    public var framesExpected: Int?
    /// Seconds since the job started.
    public var elapsedSeconds: Double
}

/// What one anonymisation job did.
public struct AnonymizationResult: Sendable {
    /// The input.
    public var input: String
    /// The anonymised files written.
    public var outputs: [URL]
    /// Frames (or images) processed.
    public var frames: Int
    /// Faces detected, summed over frames.
    public var faceDetections: Int
    /// Persons detected, summed over frames.
    public var personDetections: Int
    /// Images of a folder that could not be read and were skipped, with the reason.
    public var skipped: [(path: String, reason: String)]
    /// Wall-clock seconds.
    public var seconds: Double

    /// Frames per second of wall-clock time.
    public var framesPerSecond: Double { seconds > 0 ? Double(frames) / seconds : 0 }
}
