import CVBridge

/// Process-wide OpenCV settings.
public enum VisionRuntime {
    /// Silences OpenCV's own log lines (GStreamer probes, decoder warnings): Shoji reports errors itself, in
    /// one line a person can act on. Thread count stays OpenCV's default (all cores). Done once, before the
    /// first frame is read or the first model loaded.
    static let configured: Void = cvb_configure(0)

    /// Makes each OpenCV call single-threaded: right when several Shoji threads each run whole frames, which
    /// uses the cores better than splitting one small network across them.
    public static func useOneThreadPerCall() {
        _ = configured
        cvb_configure(1)
    }

    /// Lets each OpenCV call use every core again (OpenCV's default).
    public static func useAllThreadsPerCall() {
        _ = configured
        cvb_configure(-1)
    }
}
