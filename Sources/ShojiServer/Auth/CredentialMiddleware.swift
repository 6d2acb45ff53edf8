import Hummingbird
import HummingbirdAuth
import ShojiStore

/// Finds the user a request acts as: under `/api/` and `/metrics` only `Authorization: Bearer` with an API token,
/// elsewhere only the console's session cookie. Keeping the two apart means a cookie never authorises an API
/// call (which has no CSRF token) and a token never opens console forms. A request without a valid credential
/// stays anonymous, so the route answers 401 or sends the browser to the login page.
struct CredentialMiddleware: RouterMiddleware {
    typealias Context = ShojiRequestContext
    let store: AnalyticsStore

    /// The session cookie's name.
    static let sessionCookie = "shoji_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if Self.usesBearerTokens(request.uri.path) {
            if let bearer = request.headers.bearer?.token {
                context.identity = try? await store.authenticate(token: bearer, kind: .api)
            }
        } else if let session = request.cookies[Self.sessionCookie]?.value {
            context.identity = try? await store.authenticate(token: session, kind: .console)
            if context.identity != nil { context.sessionToken = session }
        }
        return try await next(request, context)
    }

    /// Whether `path` is the API's (bearer tokens) rather than the console's (session cookie).
    static func usesBearerTokens(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path == "/metrics"
    }
}
