/// A vendor that handles the deployment's data for the operator: an entrusted processor (委託先, APPI
/// Art. 27(5)(i)), a storage-only cloud, or an independent party that collects data itself.
///
/// The flags describe what the vendor actually does, because the PPC Q&A (Q5-26-2…Q5-26-7) decides by facts,
/// not by the contract's label.
public struct Processor: Sendable, Codable, Hashable {
    /// How the operator and the vendor relate.
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// The vendor handles personal data on the operator's behalf (委託).
        case entrustment
        /// The vendor only stores data and does not handle it (クラウド例外).
        case storageOnly = "storage_only"
        /// The vendor collects and handles personal data itself; the operator receives statistics only
        /// (PPC Q&A Q5-26-2).
        case independent
    }

    /// How the vendor combines data it receives from several clients (PPC Q&A Q5-26-7).
    public enum ClientCombination: String, Sendable, Codable, CaseIterable {
        /// Each client's data is kept apart.
        case none
        /// Clients' data are pooled into one statistic without matching persons (②: allowed).
        case pooled
        /// Clients' data are matched person by person (①: not allowed under entrustment).
        case perPerson = "per_person"
    }

    /// The vendor's name.
    public var name: String
    /// ISO 3166 country where the vendor handles or stores the data.
    public var country: String
    /// How the operator and the vendor relate.
    public var role: Role
    /// What the vendor does for the operator.
    public var tasks: String?
    /// Whether a contract with security and purpose-limitation clauses is in place (APPI Art. 25).
    public var contract: Bool
    /// Whether the operator can see the personal data the vendor handles (Q5-26-2).
    public var operatorSeesPersonalData: Bool
    /// Whether the contract gives the operator authority over, or restricts, the vendor's handling (Q5-26-2).
    public var contractControlsHandling: Bool
    /// Whether the vendor makes statistics from the data for its own use outside the entrusted work (Q5-26-4).
    public var makesOwnStatistics: Bool
    /// Whether the vendor uses the data to improve its own analysis technology (Q5-26-5).
    public var improvesOwnModels: Bool
    /// Whether that improvement stays within what the operator's purpose needs (Q5-26-5).
    public var improvementWithinPurpose: Bool
    /// Whether the vendor uses other personal data it obtained through the entrusted data for itself (Q5-26-6).
    public var reusesObtainedData: Bool
    /// How the vendor combines several clients' data (Q5-26-7).
    public var combinesClients: ClientCombination
    /// For storage-only: whether the contract says the vendor does not handle the data (Q&A on cloud services).
    public var noAccessClause: Bool
    /// For storage-only: whether access control keeps the vendor out.
    public var accessControl: Bool
    /// For a foreign vendor: whether a contract ensures measures equivalent to the APPI (基準適合体制, Art. 28(1)).
    public var equivalentMeasures: Bool

    static let keys = [
        "name", "country", "role", "tasks", "contract", "operator_sees_personal_data", "contract_controls_handling",
        "makes_own_statistics", "improves_own_models", "improvement_within_purpose", "reuses_obtained_data",
        "combines_clients", "no_access_clause", "access_control", "equivalent_measures",
    ]

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: Self.keys)
        name = try map.string("name")
        country = try map.string("country").uppercased()
        role = try map.value("role", Role.self)
        tasks = try map.optionalString("tasks")
        contract = try map.bool("contract", default: false)
        operatorSeesPersonalData = try map.bool("operator_sees_personal_data", default: false)
        contractControlsHandling = try map.bool("contract_controls_handling", default: false)
        makesOwnStatistics = try map.bool("makes_own_statistics", default: false)
        improvesOwnModels = try map.bool("improves_own_models", default: false)
        improvementWithinPurpose = try map.bool("improvement_within_purpose", default: false)
        reusesObtainedData = try map.bool("reuses_obtained_data", default: false)
        combinesClients = try map.value("combines_clients", ClientCombination.self, default: .none)
        noAccessClause = try map.bool("no_access_clause", default: false)
        accessControl = try map.bool("access_control", default: false)
        equivalentMeasures = try map.bool("equivalent_measures", default: false)
    }
}
