/// A recorded consent of the persons concerned.
public struct Consent: Sendable, Codable, Hashable {
    /// What the consent allows.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Use beyond the original purpose (APPI Art. 18(1); PPC Q&A Q1-12). `covers` is the purpose id.
        case repurpose
        /// Provision to a third party (Art. 27(1)). `covers` is the recipient's name.
        case thirdParty = "third_party"
        /// Linking camera-derived ids with membership ids (guidebook §4.7). `covers` is the purpose id.
        case memberLinkage = "member_linkage"
        /// Acquiring 要配慮個人情報 (Art. 20(2)). `covers` is the attribute.
        case sensitive
        /// Provision to a recipient abroad with information on its country (Art. 28(1)(2)). `covers` is the
        /// recipient's name.
        case foreignTransfer = "foreign_transfer"
    }

    /// What the consent allows.
    public var kind: Kind
    /// The purpose id, recipient or attribute the consent is for.
    public var covers: String
    /// How it was obtained (e.g. 「会員規約への同意（チェックボックス）」).
    public var method: String
    /// When collection of consents began.
    public var obtainedFrom: CalendarDay?

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["kind", "covers", "method", "obtained_from"])
        kind = try map.value("kind", Kind.self)
        covers = try map.string("covers")
        method = try map.string("method")
        obtainedFrom = try map.optionalDay("obtained_from")
    }
}
