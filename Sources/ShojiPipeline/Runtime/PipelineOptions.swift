import Foundation
import ShojiVision

/// How a pipeline runs, apart from what the manifest says.
public struct PipelineOptions: Sendable {
    /// End the run once every camera's source has ended (files); live cameras never end by themselves.
    public var untilEnd = false
    /// Read at most this many frames per camera (tests, trials); nil reads on.
    public var maximumFrames: Int?
    /// Play file sources in real time at their frame rate and drop frames the analysis cannot keep up with, as a
    /// live camera would (benchmarks). Live sources are always paced by the camera itself.
    public var paced = false
    /// Play (and time-stamp) file sources as if recorded at this rate instead of the file's own (benchmarks:
    /// one file as a 7 frames/s camera). Nil uses the file's rate.
    public var playbackFramesPerSecond: Double?
    /// Threads OpenCV may use inside one call; nil: 1 when several cameras run (they keep the cores busy
    /// themselves), OpenCV's default otherwise.
    public var openCVThreadsPerCall: Int?
    /// Frames a camera's queue holds between its reader and its worker.
    public var queueCapacity = 4
    /// How often (seconds of camera time) analyzers hand finished records over.
    public var drainSeconds = 5.0
    /// How often the writer stores what was handed over.
    public var flushInterval: Duration = .seconds(10)
    /// Where icon maps (the only images the pipeline writes) go.
    public var outputFolder = URL(fileURLWithPath: "out")
    /// Models.
    public var models = ModelStore()
    /// How a live camera reconnects after a failure.
    public var reconnect = FrameSource.ReconnectPolicy()
    /// The clock (injected so tests can fix the time records are bucketed by).
    public var clock: @Sendable () -> Date = { Date() }
    /// Visit ids for flow trajectories: random in production.
    public var visitID: @Sendable () -> UUID = { UUID() }
    /// How often the retention sweeper deletes expired records and vectors; nil runs no sweeper (tests).
    public var retentionSweepPeriod: Duration?
    /// How often `onStatus` is called.
    public var statusInterval: Duration = .seconds(1)
    /// Called with every camera's status each `statusInterval`, and once at the end.
    public var onStatus: (@Sendable ([CameraStatus]) -> Void)?

    /// Defaults: run until stopped, lossless for files, records stored every 10 s.
    public init() {}
}
