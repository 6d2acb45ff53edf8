/// A declared purpose of use (利用目的, APPI Art. 17(1)): the published text, the use cases it covers and
/// the day it was declared.
public struct Purpose: Sendable, Codable, Hashable {
    /// What kind of aim the purpose serves; crime prevention and commercial aims have different rules
    /// (PPC Q&A Q1-11, Q1-12).
    public enum Aim: String, Sendable, Codable, CaseIterable {
        /// Commercial analytics (marketing, store operations, planning).
        case commercial
        /// Crime prevention (防犯).
        case crimePrevention = "crime_prevention"
        /// Safety and crowd management (安全確保), e.g. congestion information.
        case safety
        /// Monitoring of employees (PPC Q&A Q5-7).
        case employeeMonitoring = "employee_monitoring"
    }

    /// The purpose's id, unique in the manifest.
    public var id: String
    /// The text as published, in Japanese and English.
    public var text: LocalizedText
    /// The aim the purpose serves.
    public var aim: Aim
    /// The use cases this purpose covers.
    public var useCases: [UseCase]
    /// The day the purpose was declared (published or notified).
    public var declaredAt: CalendarDay
    /// Ids of purposes whose data this purpose reuses (e.g. crime-prevention images used for marketing).
    public var reusesDataOf: [String]

    static let keys = ["id", "text", "aim", "use_cases", "declared_at", "reuses_data_of"]

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: Self.keys)
        id = try map.string("id")
        text = try map.required("text", expected: "a mapping with 'ja' and 'en'").localized()
        aim = try map.value("aim", Aim.self, default: .commercial)
        useCases = try map.values("use_cases", UseCase.self)
        guard !useCases.isEmpty else {
            throw reader.error(.missingField(expected: "'use_cases': the use cases this purpose covers"), path: "\(reader.path).use_cases")
        }
        declaredAt = try map.day("declared_at")
        reusesDataOf = try map.strings("reuses_data_of")
    }
}
