/// A recipient of data outside the operator that is neither a processor nor a joint user (APPI Art. 27(1)).
public struct ThirdParty: Sendable, Codable, Hashable {
    /// What is provided.
    public enum Data: String, Sendable, Codable, CaseIterable {
        /// Statistics that identify no one (not personal data).
        case aggregate
        /// Personal data (images, vectors, per-person records).
        case personal
    }

    /// The legal basis for providing personal data.
    public enum Basis: String, Sendable, Codable, CaseIterable {
        /// The person's prior consent (Art. 27(1) main text).
        case consent
        /// Based on laws and regulations, e.g. a warrant or an inquiry under Code of Criminal Procedure 197(2)
        /// (Art. 27(1)(i)).
        case law
        /// Protection of life, body or property when consent is hard to get (Art. 27(1)(ii)).
        case protectionOfLife = "protection_of_life"
        /// Cooperation with state bodies (Art. 27(1)(iv)).
        case stateCooperation = "state_cooperation"
        /// No basis declared.
        case none
    }

    /// The recipient's name.
    public var name: String
    /// ISO 3166 country of the recipient.
    public var country: String
    /// What is provided.
    public var data: Data
    /// The legal basis.
    public var basis: Basis
    /// Whether provision records are kept (Art. 29).
    public var recordsKept: Bool

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["name", "country", "data", "basis", "records_kept"])
        name = try map.string("name")
        country = try map.string("country").uppercased()
        data = try map.value("data", Data.self)
        basis = try map.value("basis", Basis.self, default: .none)
        recordsKept = try map.bool("records_kept", default: false)
    }
}
