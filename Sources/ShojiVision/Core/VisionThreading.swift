import CVBridge

/// How many threads OpenCV may use inside one call (a detection, a decode).
public enum VisionThreading {
    /// Sets the threads per OpenCV call for the whole process. 0 restores OpenCV's default (all cores). A
    /// pipeline running several cameras, each on its own threads, uses 1: the cameras already keep the cores
    /// busy, and nested thread pools only add switching.
    public static func setThreadsPerCall(_ count: Int) {
        _ = VisionRuntime.configured
        cvb_configure(count <= 0 ? -1 : Int32(min(count, 64)))
    }
}
