/// How the operator answers requests from the persons concerned (APPI Art. 33–35).
public struct RightsHandling: Sendable, Codable, Hashable {
    /// A method of disclosure the person can choose (Art. 33(1)).
    public enum DisclosureMethod: String, Sendable, Codable, CaseIterable {
        /// Electronic records.
        case electronic
        /// Written documents.
        case paper
    }

    /// The disclosure methods offered.
    public var disclosureMethods: [DisclosureMethod]
    /// Whether correction requests are handled (Art. 34).
    public var correction: Bool
    /// Whether suspension of use and erasure are handled (Art. 35).
    public var erasure: Bool
    /// Whether a person can opt out of identifying analytics in advance (guidebook, repeat-visit case).
    public var optOut: Bool

    /// No rights handling declared.
    public static let none = RightsHandling(disclosureMethods: [], correction: false, erasure: false, optOut: false)

    init(disclosureMethods: [DisclosureMethod], correction: Bool, erasure: Bool, optOut: Bool) {
        self.disclosureMethods = disclosureMethods
        self.correction = correction
        self.erasure = erasure
        self.optOut = optOut
    }

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["disclosure_methods", "correction", "erasure", "opt_out"])
        disclosureMethods = try map.values("disclosure_methods", DisclosureMethod.self)
        correction = try map.bool("correction", default: false)
        erasure = try map.bool("erasure", default: false)
        optOut = try map.bool("opt_out", default: false)
    }
}
