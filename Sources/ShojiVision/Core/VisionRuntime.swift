import CVBridge

/// One-time OpenCV set-up, done before the first frame is read or the first model loaded.
enum VisionRuntime {
    /// Silences OpenCV's own log lines (GStreamer probes, decoder warnings): Shoji reports errors itself, in
    /// one line a person can act on. Thread count stays OpenCV's default (all cores).
    static let configured: Void = cvb_configure(0)
}
