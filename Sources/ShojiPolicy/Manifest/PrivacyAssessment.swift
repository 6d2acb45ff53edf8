/// The documented privacy assessment of guidebook ver3.0 §3.2 and the planning/design/continued-use
/// considerations (§4.3, §4.4, §4.9).
public struct PrivacyAssessment: Sendable, Codable, Hashable {
    /// Why the purpose is legitimate (目的の正当性).
    public var legitimacy: String?
    /// Why filming is necessary (撮影の必要性).
    public var necessity: String?
    /// Why the method and means are appropriate (撮影方法・手段の相当性).
    public var method: String?
    /// Why the temporal and spatial scope of per-person data is as narrow as the purpose allows (§3.2(2)).
    public var scope: String?
    /// When the design was reviewed (angle, resolution, masking, processing location, retention).
    public var designReviewedOn: CalendarDay?
    /// When operations were last reviewed (§4.9 continued use).
    public var lastReviewedOn: CalendarDay?

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["legitimacy", "necessity", "method", "scope", "design_reviewed_on", "last_reviewed_on"])
        legitimacy = try map.optionalString("legitimacy")
        necessity = try map.optionalString("necessity")
        method = try map.optionalString("method")
        scope = try map.optionalString("scope")
        designReviewedOn = try map.optionalDay("design_reviewed_on")
        lastReviewedOn = try map.optionalDay("last_reviewed_on")
    }
}
