import Hummingbird
import ShojiStore

/// One route of the server: its method and path, who may call it, and what it answers with. Every route is
/// declared once in ``ServerRoutes``; the router is built from that list, and the tests check it against the
/// OpenAPI document and call every route as every role.
struct Endpoint: Sendable {
    /// Who may call an endpoint.
    enum Audience: Sendable, Hashable {
        /// Anyone, without logging in: notice pages and the request portal.
        case anyone
        /// Signed-in users with one of these roles, of their own tenant only.
        case roles(Set<Role>)
    }

    /// What the endpoint answers with, which decides how a missing login is answered.
    enum Kind: Sendable, Hashable {
        /// JSON under `/api/` (a missing token is 401).
        case api
        /// An HTML page or form post of the console (a missing session goes to the login page).
        case page
        /// A static asset or image.
        case asset
    }

    typealias Handler = @Sendable (Request, ShojiRequestContext) async throws -> Response

    let method: HTTPRequest.Method
    /// A Hummingbird path pattern, `:name` for a parameter.
    let path: String
    let audience: Audience
    let kind: Kind
    /// Whether the route reads personal data (watchlist, alerts, requests, audit): such reads are audited.
    let readsPersonalData: Bool
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ audience: Audience, _ kind: Kind, personal: Bool = false,
         _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.audience = audience
        self.kind = kind
        readsPersonalData = personal
        self.handler = handler
    }

    /// Whether `role` may call the endpoint.
    func admits(_ role: Role?) -> Bool {
        switch audience {
        case .anyone: true
        case .roles(let roles): role.map(roles.contains) ?? false
        }
    }
}

extension Set where Element == Role {
    /// Everyone signed in.
    static let everyone = Set(Role.allCases)
    /// Operators and privacy officers: the people who handle personal data.
    static let personalData: Set<Role> = [.operator, .privacyOfficer]
    /// Who reads statistics.
    static let statistics: Set<Role> = [.operator, .privacyOfficer, .analyst]
    /// Who reads the audit log.
    static let audit: Set<Role> = [.privacyOfficer, .auditor]
    /// Who watches the cameras' running state.
    static let operations: Set<Role> = [.operator, .privacyOfficer, .vendor]
}
