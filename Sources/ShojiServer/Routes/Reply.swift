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
