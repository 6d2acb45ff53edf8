import Foundation

/// Counts events per key (a client address) in a sliding window and says when a key has had enough: public
/// request forms and failed logins are limited so the portal cannot be flooded or secrets guessed.
final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String: [Date]] = [:]
    private let limit: Int
    private let window: TimeInterval

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether `key` is still under the limit; `record` counts this event too.
    func allows(_ key: String, record: Bool = true, now: Date = Date()) -> Bool {
        lock.withLock {
            let recent = (events[key] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count < limit else {
                events[key] = recent
                return false
            }
            events[key] = record ? recent + [now] : recent
            // Forget keys with nothing recent, so the table does not grow with every address ever seen.
            if events.count > 10_000 {
                events = events.compactMapValues { times in
                    let recent = times.filter { now.timeIntervalSince($0) < window }
                    return recent.isEmpty ? nil : recent
                }
            }
            return true
        }
    }

    /// Counts an event for `key` (a failed login).
    func record(_ key: String, now: Date = Date()) {
        lock.withLock { events[key, default: []].append(now) }
    }
}
