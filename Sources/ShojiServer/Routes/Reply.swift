import Crypto
import Foundation
import Hummingbird
import NIOCore

/// The responses routes give: JSON, HTML, SVG, CSS and redirects, each with its content type and no caching of
/// anything that may hold a tenant's data.
enum Reply {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// `value` as JSON.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"the answer could not be encoded"}"#.utf8)
        return body(data, type: "application/json; charset=utf-8", status: status)
    }

    /// An HTML page.
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        body(Data(page.utf8), type: "text/html; charset=utf-8", status: status)
    }

    /// A self-contained HTML page (the notice page, a disclosure answer: one file with its style inline, so that
    /// it reads the same saved or printed): the Content-Security-Policy allows exactly that style, by its hash.
    static func selfContainedHTML(_ page: String) -> Response {
        var response = html(page)
        response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware.policy
            .replacingOccurrences(of: "style-src 'self'", with: "style-src 'self' \(inlineStyleHash(page))")
        return response
    }

    /// `'sha256-…'` of the page's inline style element, for its Content-Security-Policy.
    static func inlineStyleHash(_ page: String) -> String {
        guard let start = page.range(of: "<style>"), let end = page.range(of: "</style>", range: start.upperBound..<page.endIndex) else {
            return "'none'"
        }
        let digest = SHA256.hash(data: Data(page[start.upperBound..<end.lowerBound].utf8))
        return "'sha256-" + Data(digest).base64EncodedString() + "'"
    }

    /// An SVG drawing.
    static func svg(_ drawing: String) -> Response {
        body(Data(drawing.utf8), type: "image/svg+xml; charset=utf-8", status: .ok)
    }

    /// Text of `type`, e.g. CSS or the metrics exposition.
    static func text(_ text: String, type: String, cacheable: Bool = false) -> Response {
        var response = body(Data(text.utf8), type: type, status: .ok)
        if cacheable { response.headers[.cacheControl] = "public, max-age=3600" }
        return response
    }

    /// A 303 to `location` (after a form post, so that reloading does not post again).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    private static func body(_ data: Data, type: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
