/// Safety management measures (安全管理措置, APPI Art. 23) declared for the deployment.
public struct SecurityMeasures: Sendable, Codable, Hashable {
    /// Whether stored vectors and per-person records are encrypted at rest.
    public var encryptionAtRest: Bool
    /// Whether access to personal data is restricted by role.
    public var accessControl: Bool
    /// Whether every read of personal data is logged.
    public var accessLog: Bool
    /// Whether an incident-response procedure exists (GL 3-5-2).
    public var incidentPlan: Bool

    /// Nothing declared.
    public static let none = SecurityMeasures(encryptionAtRest: false, accessControl: false, accessLog: false, incidentPlan: false)

    init(encryptionAtRest: Bool, accessControl: Bool, accessLog: Bool, incidentPlan: Bool) {
        self.encryptionAtRest = encryptionAtRest
        self.accessControl = accessControl
        self.accessLog = accessLog
        self.incidentPlan = incidentPlan
    }

    init(reading reader: YAMLReader) throws(ManifestError) {
        let map = try reader.mapping(allowing: ["encryption_at_rest", "access_control", "access_log", "incident_plan"])
        encryptionAtRest = try map.bool("encryption_at_rest", default: false)
        accessControl = try map.bool("access_control", default: false)
        accessLog = try map.bool("access_log", default: false)
        incidentPlan = try map.bool("incident_plan", default: false)
    }
}
