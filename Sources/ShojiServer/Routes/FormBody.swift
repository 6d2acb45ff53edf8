import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A form post's body, URL-encoded or `multipart/form-data` (the portal's form, which may carry a photo). The
/// CSRF check and the route both read it through here, under the same size limit.
enum FormBody {
    /// The largest multipart body read on ``photoPaths``: a phone photo (JPEG, PNG) with the form's fields.
    static let photoLimit = 8 * 1024 * 1024
    /// The form posts that may carry a photo; every other form is read up to the context's 64 KiB.
    static let photoPaths: Set<String> = ["/requests"]

    /// The multipart boundary when the body is `multipart/form-data`, nil when it is URL-encoded.
    ///
    /// - Throws: 400 when a multipart body names no boundary.
    static func boundary(of request: Request) throws -> String? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                // RFC 2046: 1 to 70 characters.
                if (1...70).contains(value.count) { return value }
            }
        }
        throw HTTPError(.badRequest, message: "the multipart form names no boundary; send it from the form on this server")
    }

    /// The body, read up to the limit of its path and kind: 413 beyond it.
    static func collect(_ request: inout Request, context: ShojiRequestContext) async throws -> (body: ByteBuffer, boundary: String?) {
        let boundary = try boundary(of: request)
        let limit = boundary != nil && photoPaths.contains(request.uri.path) ? photoLimit : context.maxUploadSize
        return (try await request.collectBody(upTo: limit), boundary)
    }

    /// The body as `type`; 400 when a field is missing, has the wrong type, or the multipart framing is broken.
    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer, boundary: String?) throws -> T {
        do {
            if let boundary { return try FormDataDecoder().decode(type, from: body, boundary: boundary) }
            return try URLEncodedFormDecoder().decode(type, from: String(buffer: body))
        } catch {
            throw HTTPError(.badRequest, message: "the form is incomplete or malformed; fill in every field and send it again")
        }
    }

    /// The `_csrf` field of the body, if it has one.
    static func csrfField(in body: ByteBuffer, boundary: String?) -> String? {
        guard let boundary else { return urlEncodedField(CSRFMiddleware.field, in: String(buffer: body)) }
        return (try? FormDataDecoder().decode(CSRFField.self, from: body, boundary: boundary))?.token
    }

    /// The value of `name` in a URL-encoded form body.
    private static func urlEncodedField(_ name: String, in form: String) -> String? {
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == Substring(name) {
                return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
        }
        return nil
    }

    private struct CSRFField: Decodable {
        let token: String
        enum CodingKeys: String, CodingKey { case token = "_csrf" }
    }
}
