import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a flag that long jobs poll, so that they can stop cleanly (remove partial
/// output, flush what was counted) instead of dying mid-write.
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var sources: [any DispatchSourceSignal] = []

    /// Starts listening for SIGINT and SIGTERM.
    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.raise() }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a signal arrived.
    var isRaised: Bool { lock.withLock { raised } }

    private func raise() {
        lock.withLock { raised = true }
    }
}
