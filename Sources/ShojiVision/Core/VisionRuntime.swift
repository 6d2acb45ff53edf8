import CVBridge

/// Process-wide OpenCV settings.
public enum VisionRuntime {
    /// Silences OpenCV's own log lines (GStreamer probes, decoder warnings): Shoji reports errors itself, in
    /// one line a person can act on. Thread count stays OpenCV's default (all cores). Done once, before the
    /// first frame is read or the first model loaded.
    static let configured: Void = cvb_configure(0)

    /// Sets the threads per OpenCV call (a detection, a decode) for the whole process; 0 restores OpenCV's
    /// default (all cores). Several Shoji threads each running whole frames (the anonymiser's detection
    /// workers, a pipeline's cameras) use 1: they already keep the cores busy, and nested thread pools only
    /// add switching.
    public static func setThreadsPerCall(_ count: Int) {
        _ = configured
        cvb_configure(count <= 0 ? -1 : Int32(min(count, 64)))
    }
}
