import Foundation
import Yams

/// A leak, loss or damage (漏えい等) of data, as described in an incident YAML file: what data, how many persons,
/// the cause, the encryption, who the reporter is (controller or processor) and the dates so far.
public struct Incident: Sendable, Codable, Hashable {
    /// A kind of data involved.
    public enum DataKind: String, Sendable, Codable, CaseIterable {
        /// Face images or video frames.
        case faceImages = "face_images"
        /// Face feature vectors (個人識別符号).
        case featureVectors = "feature_vectors"
        /// Visit history under a pseudonymous id.
        case visitHistory = "visit_history"
        /// Watchlist entries.
        case watchlistEntries = "watchlist_entries"
        /// Names.
        case names
        /// Contact details.
        case contactDetails = "contact_details"
        /// Purchase history.
        case purchaseHistory = "purchase_history"
        /// Credit-card numbers.
        case cardNumbers = "card_numbers"
        /// Bank or payment credentials (IDs and passwords).
        case paymentCredentials = "payment_credentials"
        /// Health or medical information (要配慮).
        case health
        /// Criminal records (要配慮).
        case criminalRecord = "criminal_record"
        /// Race or ethnic origin (要配慮).
        case race
        /// Creed or religion (要配慮).
        case belief
        /// Disability (要配慮).
        case disability

        /// Whether the kind is 要配慮個人情報 (APPI Art. 2(3)).
        public var isSensitive: Bool {
            switch self {
            case .health, .criminalRecord, .race, .belief, .disability: true
            default: false
            }
        }

        /// Whether its unauthorised use could cause financial damage (PPC Rules Art. 7(ii)).
        public var mayCauseFinancialLoss: Bool { self == .cardNumbers || self == .paymentCredentials }
    }

    /// What caused the incident.
    public enum Cause: String, Sendable, Codable, CaseIterable {
        /// Unauthorised access from outside.
        case unauthorizedAccess = "unauthorized_access"
        /// Ransomware or other malware.
        case ransomware
        /// Data taken out by an employee or contractor.
        case insiderTakeout = "insider_takeout"
        /// Theft of a device or media.
        case theft
        /// Sent to the wrong recipient.
        case misdelivery
        /// Lost device or media.
        case loss
        /// A configuration mistake exposing the data.
        case misconfiguration
        /// A software defect.
        case defect

        /// Whether the cause may involve an improper purpose (不正の目的, PPC Rules Art. 7(iii)).
        public var mayBeImproperPurpose: Bool {
            switch self {
            case .unauthorizedAccess, .ransomware, .insiderTakeout, .theft: true
            case .misdelivery, .loss, .misconfiguration, .defect: false
            }
        }
    }

    /// Whether the reporter is the controller or a processor.
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// The controller (委託元 or sole operator).
        case controller
        /// A processor (委託先).
        case processor
    }

    /// An identifier, e.g. `INC-2026-001`.
    public var id: String
    /// What happened, in a sentence.
    public var summary: String
    /// Controller or processor.
    public var role: Role
    /// For a processor: the controller to notify.
    public var controller: String?
    /// The day the reporter became aware (発覚日).
    public var awareOn: CalendarDay
    /// The kinds of data involved.
    public var dataKinds: [DataKind]
    /// How many persons are (or may be) affected.
    public var personsAffected: Int
    /// The cause.
    public var cause: Cause
    /// Whether the data is personal data (organised so as to be searchable by person). The improper-purpose
    /// category also covers personal information being acquired to be handled as personal data (2024 amendment).
    public var personalData: Bool
    /// Whether the data was protected by high-grade encryption.
    public var highGradeEncryption: Bool
    /// Whether the decryption key stayed safe.
    public var keySafe: Bool
    /// Secondary damage or its risk, as known.
    public var secondaryDamage: String?
    /// Preventive measures, as decided.
    public var measures: String?
    /// The day a preliminary report was sent (or the controller notified, for a processor).
    public var preliminaryReportOn: CalendarDay?
    /// The day the final report was sent.
    public var finalReportOn: CalendarDay?
    /// The day the persons were notified.
    public var personsNotifiedOn: CalendarDay?

    static let keys = [
        "id", "summary", "role", "controller", "aware_on", "data_kinds", "persons_affected", "cause", "personal_data",
        "encryption", "secondary_damage", "measures", "preliminary_report_on", "final_report_on", "persons_notified_on",
    ]

    /// Reads an incident YAML file.
    public static func load(contentsOf url: URL) throws(ManifestError) -> Incident {
        try decode(yaml: try ManifestError.readText(of: url), file: url.path)
    }

    /// Decodes an incident from YAML text; `file` labels errors.
    public static func decode(yaml: String, file: String = "<string>") throws(ManifestError) -> Incident {
        try Incident(reading: YAMLReader.document(yaml: yaml, file: file, expected: "an incident mapping"))
    }

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: Self.keys)
        id = try map.string("id")
        summary = try map.string("summary")
        role = try map.value("role", Role.self)
        controller = try map.optionalString("controller")
        if role == .processor && controller == nil {
            throw reader.error(.missingField(expected: "'controller': the controller a processor must notify"), path: "controller")
        }
        awareOn = try map.day("aware_on")
        dataKinds = try map.values("data_kinds", DataKind.self)
        let persons = try map.required("persons_affected", expected: "a number of persons")
        personsAffected = try persons.int()
        guard personsAffected >= 0 else { throw persons.error(.invalidValue(String(personsAffected), expected: "0 or more persons")) }
        cause = try map.value("cause", Cause.self)
        personalData = try map.bool("personal_data", default: true)
        if let encryption = map.optional("encryption") {
            let e = try encryption.mapping(allowing: ["high_grade", "key_safe"])
            highGradeEncryption = try e.bool("high_grade", default: false)
            keySafe = try e.bool("key_safe", default: false)
        } else {
            highGradeEncryption = false
            keySafe = false
        }
        secondaryDamage = try map.optionalString("secondary_damage")
        measures = try map.optionalString("measures")
        preliminaryReportOn = try map.optionalDay("preliminary_report_on")
        finalReportOn = try map.optionalDay("final_report_on")
        personsNotifiedOn = try map.optionalDay("persons_notified_on")
    }
}
