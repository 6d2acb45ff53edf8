import Foundation

/// How many days each kind of record is kept, as the approved manifest says.
///
/// ShojiStore takes these as plain numbers; reading them from a manifest is ShojiPolicy's job. A kind with no
/// days and no default is kept until a policy names it, so callers should pass every kind their deployment
/// produces (``unboundedKinds`` lists the ones left open).
public struct RetentionPolicy: Sendable, Hashable, Codable {
    /// Days per kind; 0 keeps nothing older than the sweep.
    public let days: [RecordKind: Int]
    /// Days for kinds not in ``days``; `nil` keeps them.
    public let defaultDays: Int?

    /// A policy from days per kind; negative days are refused.
    public init(days: [RecordKind: Int], defaultDays: Int? = nil) throws(StoreError) {
        for (kind, value) in days where value < 0 {
            throw .invalidValue("retention for \(kind) must be 0 or more days, got \(value)")
        }
        if let defaultDays, defaultDays < 0 {
            throw .invalidValue("default retention must be 0 or more days, got \(defaultDays)")
        }
        self.days = days
        self.defaultDays = defaultDays
    }

    /// Days `kind` is kept, or `nil` when it is kept until a policy names it.
    public func days(for kind: RecordKind) -> Int? { days[kind] ?? defaultDays }

    /// Records of `kind` older than this instant are deleted by a sweep at `now`; `nil` when none are.
    public func cutoff(for kind: RecordKind, now: Date) -> Date? {
        days(for: kind).map { now.addingTimeInterval(-TimeInterval($0) * 86_400) }
    }

    /// Kinds that no sweep deletes under this policy.
    public var unboundedKinds: [RecordKind] { RecordKind.allCases.filter { days(for: $0) == nil } }
}
