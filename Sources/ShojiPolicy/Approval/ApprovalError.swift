/// Why ShojiPolicy would not approve a deployment, or no longer does, worded for the operator who must act.
public enum ApprovalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The manifest file could not be read or is not UTF-8 text.
    case unreadable(path: String, reason: String)
    /// The manifest is not a valid manifest (the located decoding error).
    case invalid(ManifestError)
    /// The assessment (of the very bytes refused) has blocking findings or a use case no declared purpose covers.
    case notApproved(Assessment)
    /// The deployment id is empty or has characters that records cannot carry.
    case invalidDeploymentID(String)
    /// The manifest file changed after it was approved: its bytes no longer have the approved SHA-256.
    case manifestChanged(path: String)
    /// A use case was asked for that this deployment does not permit on that camera (or at all).
    case notPermitted(useCase: UseCase, camera: String?)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read the manifest (\(reason)); check the path, its permissions and that it is UTF-8 text"
        case let .invalid(error):
            return error.description
        case let .notApproved(assessment):
            var problems: [String] = []
            if assessment.isBlocking {
                problems.append("blocking findings: "
                    + assessment.blockingFindings.map { "\($0.ruleId) \($0.title.en)" }.joined(separator: "; "))
            }
            if !assessment.uncoveredUseCases.isEmpty {
                problems.append("no declared purpose covers " + assessment.uncoveredUseCases.map(\.rawValue).joined(separator: ", "))
            }
            return "deployment not approved: \(problems.joined(separator: "; ")) (see 'shoji assess')"
        case let .invalidDeploymentID(id):
            return "deployment id '\(id)' is not valid; use letters, digits, '.', '_' or '-' (at most 128)"
        case let .manifestChanged(path):
            return "\(path) changed after it was approved; assess it again and restart with the new approval"
        case let .notPermitted(useCase, camera):
            let place = camera.map { "camera \($0)" } ?? "this deployment"
            return "use case '\(useCase.rawValue)' is not approved for \(place); declare a purpose that covers it and assess again"
        }
    }
}
