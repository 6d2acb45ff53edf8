/// How and where the analysis runs, and what it infers.
public struct Processing: Sendable, Codable, Hashable {
    /// Where frames are analysed.
    public enum Location: String, Sendable, Codable, CaseIterable {
        /// On the edge node next to the camera (guidebook §4.4/§4.8: preferred).
        case edge
        /// On the operator's own servers.
        case onPremises = "on_premises"
        /// In a cloud service in Japan.
        case cloud
        /// In a cloud service abroad (APPI Art. 28).
        case foreignCloud = "foreign_cloud"
    }

    /// An attribute estimated from a person's image.
    public enum Attribute: String, Sendable, Codable, CaseIterable {
        /// Age band.
        case ageBand = "age_band"
        /// Gender.
        case gender
        /// Emotion or inner state (内心).
        case emotion
        /// Race or ethnicity (人種).
        case race
        /// Religion or belief (信条).
        case belief
        /// Health or disability (健康).
        case health

        /// Whether the guidebook §3.2(2) counts it among the most private matters (人種、信条、健康、内心),
        /// or APPI Art. 2(3) counts it as 要配慮個人情報.
        public var isMostPrivate: Bool {
            switch self {
            case .ageBand, .gender: false
            case .emotion, .race, .belief, .health: true
            }
        }
    }

    /// Where frames are analysed.
    public var location: Location
    /// The attributes estimated (attributes use case).
    public var attributes: [Attribute]
    /// Whether camera-derived ids are linked to membership or loyalty ids (guidebook §4.7).
    public var memberLinkage: Bool
    /// Whether estimates or matches change how a person is treated (service, price, staff attention):
    /// APPI Art. 19 (不適正利用) needs a just cause for it.
    public var differentialTreatment: Bool
    /// Whether repeat-visit identification spans several sites of the same operator.
    public var acrossSites: Bool

    /// Edge processing, no inference beyond what use cases need, nothing linked.
    public static let edgeDefault = Processing(location: .edge, attributes: [], memberLinkage: false, differentialTreatment: false, acrossSites: false)

    init(location: Location, attributes: [Attribute], memberLinkage: Bool, differentialTreatment: Bool, acrossSites: Bool) {
        self.location = location
        self.attributes = attributes
        self.memberLinkage = memberLinkage
        self.differentialTreatment = differentialTreatment
        self.acrossSites = acrossSites
    }

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["location", "attributes", "member_linkage", "differential_treatment", "across_sites"])
        location = try map.value("location", Location.self)
        attributes = try map.values("attributes", Attribute.self)
        memberLinkage = try map.bool("member_linkage", default: false)
        differentialTreatment = try map.bool("differential_treatment", default: false)
        acrossSites = try map.bool("across_sites", default: false)
    }
}
