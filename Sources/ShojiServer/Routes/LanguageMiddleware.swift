import Hummingbird

/// Pages are Japanese by default; `?lang=en` (the link on every page) switches to English and remembers the
/// choice in a cookie, `?lang=ja` switches back.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = ShojiRequestContext
    let secureCookies: Bool
    static let cookie = "shoji_lang"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let asked = request.uri.queryParameters["lang"].flatMap { ConsoleLanguage(rawValue: String($0)) }
        context.language = asked ?? request.cookies[Self.cookie].flatMap { ConsoleLanguage(rawValue: $0.value) } ?? .japanese
        var response = try await next(request, context)
        if let asked {
            let cookie = Cookie(name: Self.cookie, value: asked.rawValue, maxAge: 365 * 86_400, path: "/", secure: secureCookies,
                                httpOnly: true, sameSite: .strict)
            response.headers[values: .setCookie].append(cookie.description)
        }
        return response
    }
}
