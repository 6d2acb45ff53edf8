/// The kinds of data a deployment creates, each with its own retention period (days).
///
/// The first four are transient: a use case that handles them must discard them at once, so the only valid
/// retention for them is 0.
public enum RecordKind: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    /// Camera frames (raw pixels).
    case frames
    /// Face crops cut from a frame.
    case faceCrops = "face_crops"
    /// Face features extracted only to estimate attributes or to match once.
    case transientFeatures = "transient_features"
    /// Per-frame positions and tracks of people.
    case tracks
    /// Counts per time bucket × age band × gender (case 1).
    case attributeCounts = "attribute_counts"
    /// Floor-coordinate trajectories under a visit-scoped random id (case 2).
    case trajectories
    /// Occupancy heatmaps (case 2).
    case heatmaps
    /// Dwell and transitions per zone (case 2).
    case zoneStatistics = "zone_statistics"
    /// Encrypted face feature vectors with an expiry (case 3).
    case featureVectors = "feature_vectors"
    /// Visit history under a pseudonymous visitor id (case 3).
    case visitHistory = "visit_history"
    /// Line crossings per direction per interval (case 4).
    case lineCrossings = "line_crossings"
    /// Anonymised (masked) images or video (case 5).
    case redactedMedia = "redacted_media"
    /// The icon map without camera pixels, overwritten (case 6).
    case iconMap = "icon_map"
    /// Congestion level per area (case 6).
    case congestionLevels = "congestion_levels"
    /// Registered persons' vectors with evidence, approver and expiry (watchlist).
    case watchlistEntries = "watchlist_entries"
    /// Match alerts waiting for human review (watchlist).
    case matchAlerts = "match_alerts"

    /// Whether this kind exists only in memory.
    public var isTransient: Bool {
        switch self {
        case .frames, .faceCrops, .transientFeatures, .tracks: true
        default: false
        }
    }

    /// Whether this kind identifies or singles out a person (personal data, not statistics).
    public var isPersonal: Bool {
        switch self {
        case .featureVectors, .visitHistory, .watchlistEntries, .matchAlerts: true
        default: false
        }
    }

    /// Orders kinds as declared.
    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
