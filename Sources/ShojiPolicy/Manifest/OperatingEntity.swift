/// The operating entity (運用実施主体): the legal entity that decides the purposes and is the controller
/// (個人情報取扱事業者) under the APPI. Its name, address and representative are Art. 32(1)(i) items.
public struct OperatingEntity: Sendable, Codable, Hashable {
    /// The legal entity's registered name, e.g. 「株式会社障子リテール」.
    public var legalEntity: String
    /// The registered address.
    public var address: String
    /// The representative's name (代表者).
    public var representative: String
    /// The contact point for inquiries (問い合わせ窓口): a phone number, an e-mail or a form URL.
    public var contact: String
    /// The public website, if any.
    public var website: String?

    static let keys = ["legal_entity", "address", "representative", "contact", "website"]

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: Self.keys)
        legalEntity = try map.string("legal_entity")
        address = try map.string("address")
        representative = try map.string("representative")
        contact = try map.string("contact")
        website = try map.optionalString("website")
    }
}
