import Foundation

/// Holds the result of work done on another thread until the waiting thread reads it.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// Runs async work from a synchronous command and waits for it. The root command is synchronous; the work
/// runs in Swift's concurrency pool while the main thread waits.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>(), done = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            box.result = .success(try await body())
        } catch {
            box.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw CancellationError() }
    return try result.get()
}

/// Runs async work from a command and waits for it; any error becomes the command's one-line failure.
func awaitingOneLine<T: Sendable>(code: Int32 = 1, _ body: @escaping @Sendable () async throws -> T) throws -> T {
    try failingWithOneLine(code: code) { try runBlocking(body) }
}
