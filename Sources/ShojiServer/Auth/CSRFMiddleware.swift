import Foundation
import Hummingbird

/// Cross-site request forgery protection for the console's and the portal's forms (Hummingbird has none).
///
/// Double-submit token: every page response without one sets a random `shoji_csrf` cookie (HttpOnly,
/// SameSite=Strict, Secure over TLS), and every form carries the same value in a hidden `_csrf` field. A form
/// post (any unsafe method outside `/api/`) passes only when the field equals the cookie and, when the browser
/// sends an `Origin`, that origin is this server. Another site can neither read the cookie nor make the browser
/// send it. API calls need no token: they authenticate by bearer token only, which a browser never adds by itself.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = ShojiRequestContext
    let secureCookies: Bool

    static let cookie = "shoji_csrf"
    static let field = "_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let existing = request.cookies[Self.cookie]?.value.filter { $0.isLetter || $0.isNumber }
        let token = existing.flatMap { $0.count == 43 ? $0 : nil } ?? Self.newToken()
        context.csrfToken = token
        if request.method != .get, request.method != .head, !CredentialMiddleware.usesBearerTokens(request.uri.path) {
            if let origin = request.headers[.origin], !Self.isSameOrigin(origin, host: request.head.authority) {
                throw HTTPError(.forbidden, message: "This form was sent from another site (\(origin)); open the page on this server and send it again.")
            }
            let (body, boundary) = try await FormBody.collect(&request, context: context)
            let sent = FormBody.csrfField(in: body, boundary: boundary)
            guard let existing, existing == token, let sent, Self.constantTimeEqual(sent, token) else {
                throw HTTPError(.forbidden, message: "The form's security token is missing or out of date; reload the page and send it again.")
            }
        }
        var response = try await next(request, context)
        if existing != token {
            let cookie = Cookie(name: Self.cookie, value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
            response.headers[values: .setCookie].append(cookie.description)
        }
        return response
    }

    /// 32 random bytes, URL-safe base64 without padding and without `-`/`_` (43 letters and digits).
    static func newToken() -> String {
        var token = ""
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in 0..<43 { token.append(alphabet[Int.random(in: 0..<alphabet.count)]) }
        return token
    }

    static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let url = URL(string: origin), let originHost = url.host else { return false }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return originAuthority.lowercased() == host.lowercased()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
