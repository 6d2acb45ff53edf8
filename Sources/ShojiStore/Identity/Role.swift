/// What a user of a tenant may do (DESIGN.md, "Who uses it").
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// 運用実施主体: registers watchlist entries, reviews alerts, answers requests, reads analytics.
    case `operator`
    /// 保護責任者: everything an operator may, and approves watchlist entries and adds users.
    case privacyOfficer = "privacy_officer"
    /// 受託者: runs edge nodes for the tenant; no access to personal data.
    case vendor
    /// 分析担当: reads statistics only.
    case analyst
    /// 監査: reads the audit log and assessments.
    case auditor

    /// Whether the role may handle personal data: watchlist entries, alerts and people's requests.
    public var handlesPersonalData: Bool { self == .operator || self == .privacyOfficer }
}
