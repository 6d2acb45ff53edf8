import Foundation

/// The approved deployment that produces records: which tenant, which manifest (by digest) and the assessment.
///
/// The pipeline records it before its first records, so every stored count can be traced to the manifest and the
/// assessment that allowed it. A deployment approved again with a changed manifest adds another approval; the
/// tenant of a deployment id never changes.
public struct DeploymentRecord: Sendable, Hashable, Codable {
    /// The deployment id that records carry.
    public var deploymentID: String
    /// The tenant (controller) the deployment belongs to.
    public var tenantID: String
    /// Lower-case hex SHA-256 of the approved manifest file.
    public var manifestSHA256: String
    /// When the privacy officer approved it.
    public var approvedAt: Date
    /// The assessment as JSON text, stored as given.
    public var assessmentJSON: String

    /// A deployment approval.
    public init(deploymentID: String, tenantID: String, manifestSHA256: String, approvedAt: Date, assessmentJSON: String) {
        self.deploymentID = deploymentID
        self.tenantID = tenantID
        self.manifestSHA256 = manifestSHA256
        self.approvedAt = approvedAt
        self.assessmentJSON = assessmentJSON
    }
}
