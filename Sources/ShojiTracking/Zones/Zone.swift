/// A named area of the floor (or image) in which dwell is measured.
public struct Zone: Hashable, Sendable, Codable {
    /// Stable identifier used in records.
    public var id: String
    /// Human-readable name for reports.
    public var name: String
    /// The outline, in the same coordinates as the points fed to ``ZoneAnalyzer``.
    public var polygon: Polygon

    /// Creates a zone.
    public init(id: String, name: String, polygon: Polygon) {
        self.id = id
        self.name = name
        self.polygon = polygon
    }
}
