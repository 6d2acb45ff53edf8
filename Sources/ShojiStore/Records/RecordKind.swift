/// The kinds of records the store keeps; retention is set per kind. Vault vectors and watchlist entries are not
/// among them: each carries its own expiry and is erased when it passes (``AnalyticsStore/eraseExpiredIdentityData(tenant:now:)``).
///
/// Raw values name the kinds in reports and logs. A manifest names what it keeps in ShojiPolicy's own terms;
/// ShojiPipeline's `RetentionPlan` maps those onto these kinds.
public enum RecordKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// ``LineCrossingCount`` rows (use case 4), aged by bucket start.
    case lineCrossings = "line_crossings"
    /// ``AttributeCount`` rows (use case 1), aged by bucket start.
    case attributes = "attributes"
    /// ``ZoneDwellStat`` rows (use case 2), aged by bucket start.
    case zoneDwell = "zone_dwell"
    /// ``ZoneTransitionCount`` rows (use case 2), aged by bucket start.
    case zoneTransitions = "zone_transitions"
    /// ``FlowTrajectory`` rows (use case 2, per visit), aged by the time the visit ended.
    case flowTrajectories = "flow_trajectories"
    /// ``HeatmapGrid`` rows (use case 2), aged by bucket start.
    case heatmaps = "heatmaps"
    /// The latest ``CongestionSnapshot`` per area (use case 6), aged by the time it was taken.
    case congestion = "congestion"
    /// Per-bucket congestion history aggregates (use case 6), aged by bucket start.
    case congestionHistory = "congestion_history"
    /// ``RepeatVisit`` rows (use case 3, per pseudonymous visitor), aged by the visit time.
    case repeatVisits = "repeat_visits"
    /// ``RepeatVisitCount`` rows (use case 3 statistics), aged by bucket start.
    case repeatStatistics = "repeat_statistics"
    /// ``MatchAlert`` rows (watchlist), aged by the match time.
    case matchAlerts = "match_alerts"

    /// The manifest name of the kind.
    public var description: String { rawValue }

    /// Whether records of the kind may leave the edge node for a hub (through the outbox): aggregates only.
    /// Per-visit trajectories, repeat visits and match alerts are personal or per-person data and stay where they
    /// were made.
    public var isShareable: Bool {
        switch self {
        case .lineCrossings, .attributes, .zoneDwell, .zoneTransitions, .heatmaps, .congestion, .congestionHistory, .repeatStatistics: true
        case .flowTrajectories, .repeatVisits, .matchAlerts: false
        }
    }

    /// Roll-up tables kept beside the kind's table, aged by their bucket start with it.
    var rollUpTables: [String] {
        switch self {
        case .lineCrossings: ["line_crossing_hourly"]
        case .attributes: ["attribute_hourly"]
        default: []
        }
    }

    /// The table that holds the kind and the column (seconds since 1970 UTC) its age is measured by.
    var storage: (table: String, timeColumn: String) {
        switch self {
        case .lineCrossings: ("line_crossing_count", "bucket_start")
        case .attributes: ("attribute_count", "bucket_start")
        case .zoneDwell: ("zone_dwell_stat", "bucket_start")
        case .zoneTransitions: ("zone_transition_count", "bucket_start")
        case .flowTrajectories: ("flow_trajectory", "ended_at")
        case .heatmaps: ("heatmap_grid", "bucket_start")
        case .congestion: ("congestion_current", "taken_at")
        case .congestionHistory: ("congestion_history", "bucket_start")
        case .repeatVisits: ("repeat_visit", "visited_at")
        case .repeatStatistics: ("repeat_visit_count", "bucket_start")
        case .matchAlerts: ("match_alert", "matched_at")
        }
    }
}

/// Lets `[RecordKind: …]` dictionaries encode as JSON objects keyed by manifest name.
extension RecordKind: CodingKeyRepresentable {}
