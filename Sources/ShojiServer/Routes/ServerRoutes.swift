import Foundation
import HTTPTypes
import Hummingbird
import ShojiStore

/// Every route of the server, declared once: ``endpoints`` is what the router is built from and what the tests
/// compare with `docs/openapi.yaml` and call as every role.
struct ServerRoutes: Sendable {
    let state: ServerState

    /// All endpoints: the API's, the console's and the public pages'.
    var endpoints: [Endpoint] { apiEndpoints + consoleEndpoints + incidentEndpoints + publicEndpoints }

    /// The router: middlewares outermost first, then every endpoint behind its audience check.
    func router() -> Router<ShojiRequestContext> {
        let router = Router(context: ShojiRequestContext.self)
        let secure = state.configuration.servedOverTLS
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: MetricsMiddleware(metrics: state.metrics))
        router.add(middleware: ErrorMiddleware(logger: state.logger))
        router.add(middleware: LanguageMiddleware(secureCookies: secure))
        router.add(middleware: CSRFMiddleware(secureCookies: secure))
        router.add(middleware: CredentialMiddleware(store: state.store))
        for endpoint in endpoints {
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try await Self.admit(endpoint, request: request, context: context)
                return try await endpoint.handler(request, context)
            }
        }
        return router
    }

    /// Lets the request through to `endpoint` or answers for it: 401 (API) or the login page (console) without
    /// a user, 403 for a role the endpoint does not admit.
    private static func admit(_ endpoint: Endpoint, request: Request, context: ShojiRequestContext) async throws {
        guard case .roles(let roles) = endpoint.audience else { return }
        guard let user = context.identity else {
            if endpoint.kind == .page, request.method == .get {
                throw LoginRequired(next: request.uri.path)
            }
            throw HTTPError(.unauthorized, headers: endpoint.kind == .api ? [.wwwAuthenticate: "Bearer"] : [:],
                            message: endpoint.kind == .api ? "send an API token: Authorization: Bearer shoji_… (see 'shoji users token')"
                                                           : "log in first")
        }
        guard roles.contains(user.role) else {
            throw HTTPError(.forbidden, message: "the role \(user.role.rawValue) may not do this; it needs one of: \(roles.map(\.rawValue).sorted().joined(separator: ", "))")
        }
    }
}

/// A console page asked for without a session: the error middleware sends the browser to the login page.
struct LoginRequired: Error, HTTPResponseError {
    let next: String
    var status: HTTPResponse.Status { .seeOther }
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let target = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_"))) ?? "/console"
        return Reply.redirect("/login?next=\(target)")
    }
}

/// Security headers on every response: a Content-Security-Policy that allows this server's own origin only (no
/// inline script, no outside font, image or frame), no MIME sniffing, no framing, no referrer to other sites.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ShojiRequestContext
    static let policy = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A route may narrow the policy further for its own response (the notice page allows its inline style).
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.policy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, which the
        // CSRF check must refuse.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}
