import ShojiPolicy

/// What a vault handle is opened for, which decides the purposes it may read and write (DESIGN.md invariant 5:
/// watchlist vectors are never readable by the repeat analyzer or any marketing use).
public enum VaultAccess: Sendable, Hashable, CustomStringConvertible {
    /// The repeat analyzer (use case 3): reads repeat and opt-out vectors, writes repeat vectors.
    case repeatAnalysis
    /// The watchlist analyzer: reads the vectors of approved, unexpired entries; writes none.
    case watchlistMatching
    /// A user registering, approving or removing watchlist entries: writes and erases watchlist vectors.
    case watchlistRegistration(AuthenticatedUser)
    /// A user answering a person's request: reads every purpose to find them, writes opt-out vectors, erases.
    case rightsRequests(AuthenticatedUser)
    /// A privacy officer rotating the tenant's keys: re-seals every vector.
    case keyRotation(AuthenticatedUser)
    /// The public request portal filing a person's request with a photo: reads every purpose to find the
    /// person's subjects for the request, writes none, and tells the sender nothing of what it found.
    case requestPortal

    /// The purposes this access may read.
    public var readable: Set<VaultPurpose> {
        switch self {
        case .repeatAnalysis: [.repeatVisit, .optOut]
        case .watchlistMatching, .watchlistRegistration: [.watchlist]
        case .rightsRequests, .keyRotation, .requestPortal: Set(VaultPurpose.allCases)
        }
    }

    /// The purposes this access may write.
    public var writable: Set<VaultPurpose> {
        switch self {
        case .repeatAnalysis: [.repeatVisit]
        case .watchlistMatching, .requestPortal: []
        case .watchlistRegistration: [.watchlist]
        case .rightsRequests: [.optOut]
        case .keyRotation: Set(VaultPurpose.allCases)
        }
    }

    /// The use cases of which the deployment must permit one.
    var useCases: [UseCase] {
        switch self {
        case .repeatAnalysis: [.repeatVisit]
        case .watchlistMatching, .watchlistRegistration: [.watchlist]
        case .rightsRequests, .keyRotation, .requestPortal: [.repeatVisit, .watchlist]
        }
    }

    /// The user acting, if any.
    public var user: AuthenticatedUser? {
        switch self {
        case .repeatAnalysis, .watchlistMatching, .requestPortal: nil
        case .watchlistRegistration(let user), .rightsRequests(let user), .keyRotation(let user): user
        }
    }

    /// The roles the user must have.
    var roles: Set<Role> {
        switch self {
        case .keyRotation: [.privacyOfficer]
        default: [.operator, .privacyOfficer]
        }
    }

    public var description: String {
        switch self {
        case .repeatAnalysis: "the repeat analyzer"
        case .watchlistMatching: "the watchlist analyzer"
        case .watchlistRegistration(let user): "watchlist registration by \(user.name)"
        case .rightsRequests(let user): "request handling by \(user.name)"
        case .keyRotation(let user): "key rotation by \(user.name)"
        case .requestPortal: "the public request portal"
        }
    }
}
