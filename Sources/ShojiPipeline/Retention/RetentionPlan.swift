import ShojiPolicy
import ShojiStore

/// The manifest's retention periods translated to the store's record kinds: what the sweeper deletes, and
/// when. The manifest speaks of what a use case keeps (`zone_statistics`); the store of its tables
/// (`zone_dwell`, `zone_transitions`).
public enum RetentionPlan {
    /// The store kinds each manifest kind is stored as. Kinds absent here are not swept by age: transient kinds
    /// are never stored, icon maps are a file overwritten in place, and vault vectors and watchlist entries carry
    /// their own expiry, set from the manifest when they are stored, and are erased when it passes.
    static let storedAs: [ShojiPolicy.RecordKind: [ShojiStore.RecordKind]] = [
        .lineCrossings: [.lineCrossings],
        .attributeCounts: [.attributes],
        .zoneStatistics: [.zoneDwell, .zoneTransitions],
        .trajectories: [.flowTrajectories],
        .heatmaps: [.heatmaps],
        .congestionLevels: [.congestion, .congestionHistory],
        .visitHistory: [.repeatVisits, .repeatStatistics],
        .matchAlerts: [.matchAlerts],
    ]

    /// Days per store kind from the manifest's `retention.days`.
    public static func days(from retention: Retention) -> [ShojiStore.RecordKind: Int] {
        var days: [ShojiStore.RecordKind: Int] = [:]
        for (kind, period) in retention.days {
            for stored in storedAs[kind] ?? [] { days[stored] = period }
        }
        return days
    }

    /// The store's retention policy for `retention`. Kinds the manifest keeps without a period cannot reach
    /// here: the manifest refuses them as impossible retention.
    public static func policy(from retention: Retention) throws(StoreError) -> RetentionPolicy {
        try RetentionPolicy(days: days(from: retention))
    }
}
