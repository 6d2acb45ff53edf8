import Foundation

/// A one-line progress bar on standard error, redrawn in place — shown only when standard error is a
/// terminal, so logs and pipes get the summary line alone.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var width = 0

    /// A progress line; `enabled` defaults to whether standard error is a terminal.
    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// Redraws the bar at most ten times a second (and always when `force`).
    func update(label: String, done: Int, total: Int?, rate: Double, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var line = label
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let filled = Int(fraction * 24)
            line += " [" + String(repeating: "#", count: filled) + String(repeating: "-", count: 24 - filled) + "]"
            line += String(format: " %3.0f%% %d/%d", fraction * 100, done, total)
        } else {
            line += " \(done)"
        }
        line += String(format: " %.1f frames/s", rate)
        let padding = max(0, width - line.count)
        width = line.count
        FileHandle.standardError.write(Data(("\r" + line + String(repeating: " ", count: padding)).utf8))
    }

    /// Clears the bar so that the next line starts clean.
    func finish() {
        guard enabled, width > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: width) + "\r").utf8))
        width = 0
    }
}
