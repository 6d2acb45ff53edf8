/// Where the cameras film. The kind of space decides how hard it is for people to avoid the camera
/// (guidebook ver3.0 §3.2(2)).
public struct Space: Sendable, Codable, Hashable {
    /// The kind of space.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A shop or other specific space (特定空間) managed by the operator.
        case store
        /// The street-facing space in front of a shop (道路に面した店舗前の空間): semi-public.
        case storeFront = "store_front"
        /// A semi-public space (準公共空間): station, airport, corridor of a complex facility.
        case semiPublic = "semi_public"
        /// A public space (公共空間): road, park, public facility.
        case publicRoad = "public_road"
        /// Outside a vehicle: outward-facing cameras on a car.
        case vehicle

        /// Whether people cannot reasonably avoid the space in daily life (public or semi-public, §3.2(2)).
        public var isHardToAvoid: Bool { self != .store }

        /// The name of the kind of space.
        public var title: LocalizedText {
            switch self {
            case .store: LocalizedText(ja: "店舗（特定空間）", en: "store (specific space)")
            case .storeFront: LocalizedText(ja: "道路に面した店舗前の空間（準公共空間）", en: "street-facing store front (semi-public)")
            case .semiPublic: LocalizedText(ja: "駅・複合施設内通路等（準公共空間）", en: "station or concourse (semi-public)")
            case .publicRoad: LocalizedText(ja: "道路・公的施設等（公共空間）", en: "public road or facility (public)")
            case .vehicle: LocalizedText(ja: "車両の外部（公共空間）", en: "outside a vehicle (public)")
            }
        }
    }

    /// The kind of space.
    public var kind: Kind
    /// A name for the site, e.g. 「渋谷店」.
    public var name: String?
    /// The site address, when it differs from the operator's.
    public var address: String?

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["type", "name", "address"])
        kind = try map.value("type", Kind.self)
        name = try map.optionalString("name")
        address = try map.optionalString("address")
    }
}
