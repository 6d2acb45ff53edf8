import Foundation

/// A pipeline stage on its own thread. Blocking OpenCV calls run here rather than in Swift's cooperative pool,
/// which has only as many threads as cores and must not be blocked.
package final class StageThread: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `body` on a new thread named `name`.
    package init(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [finished] in
            body()
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Waits until the stage's body has returned. Call once.
    package func join() {
        finished.wait()
    }
}

/// The first error any stage met; later ones are consequences of it.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    /// The first error recorded, if any.
    var error: (any Error)? { lock.withLock { first } }

    /// Keeps `error` unless one is already recorded.
    func record(_ error: any Error) {
        lock.withLock { if first == nil { first = error } }
    }
}

/// A flag set once and read from any thread.
package final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// A flag not yet set.
    package init() {}

    /// Whether `set()` has been called.
    package var isSet: Bool { lock.withLock { value } }

    /// Sets the flag.
    package func set() {
        lock.withLock { value = true }
    }
}

/// Moves a value that is not `Sendable` (an OpenCV handle wrapper) to the one stage thread that uses it from
/// then on. The sender must not touch the value until that stage has been joined.
package struct Handoff<Value>: @unchecked Sendable {
    /// The value handed over.
    package let value: Value

    /// Wraps `value` for the hand-over.
    package init(_ value: Value) {
        self.value = value
    }
}

/// Counts worker threads down and runs `whenAllDone` once, after the last one finishes.
final class WorkerCountdown: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    private let whenAllDone: @Sendable () -> Void

    init(_ workers: Int, whenAllDone: @escaping @Sendable () -> Void) {
        remaining = workers
        self.whenAllDone = whenAllDone
    }

    /// Marks one worker finished.
    func finishOne() {
        let last = lock.withLock { () -> Bool in
            remaining -= 1
            return remaining == 0
        }
        if last { whenAllDone() }
    }
}
