import Foundation

/// How many records the writer has stored since the pipeline started: what `/metrics` shows as records.
final class RecordTally: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0

    /// Counts `count` more stored records.
    func add(_ count: Int) {
        lock.withLock { stored += count }
    }

    /// The records stored so far.
    var value: Int { lock.withLock { stored } }
}
