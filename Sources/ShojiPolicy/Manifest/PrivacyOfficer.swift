/// The privacy officer (保護責任者) who approves deployments and watchlist entries (guidebook ver3.0 §4,
/// privacy governance: 保護責任者の指名).
public struct PrivacyOfficer: Sendable, Codable, Hashable {
    /// The officer's name or title.
    public var name: String
    /// How to reach the officer.
    public var contact: String

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["name", "contact"])
        name = try map.string("name")
        contact = try map.string("contact")
    }
}
