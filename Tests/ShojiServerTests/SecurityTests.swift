import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ShojiServer
import ShojiStore
import Testing

@Suite("Logins, sessions, CSRF, security headers and bad input")
struct SecurityTests {
    @Test("a login needs the form's CSRF token; the session cookie is HttpOnly, SameSite=Strict and Secure over TLS")
    func loginAndCookies() async throws {
        var configuration = ServerConfiguration()
        configuration.servedOverTLS = true
        let fixture = try await ServerFixture.make(configuration: configuration)
        defer { fixture.remove() }
        let secret = try #require(fixture.secrets[.operator])
        try await fixture.test { client in
            let csrfCookie = try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                #expect(response.text.contains("name=\"_csrf\""))
                let cookie = try #require(response.setCookie("shoji_csrf"))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"))
                return try #require(cookiePair(cookie))
            }
            let token = String(csrfCookie.dropFirst("shoji_csrf=".count))
            let form = "tenant=shoji-retail&name=operator&secret=\(secret)&next=/console"
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: csrfCookie]
            try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: form)) { response in
                #expect(response.status == .forbidden, "no _csrf field")
            }
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: form + "&_csrf=\(String(repeating: "B", count: 43))")) { response in
                #expect(response.status == .forbidden, "wrong _csrf field")
            }
            headers[.origin] = "https://evil.example"
            try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: form + "&_csrf=\(token)")) { response in
                #expect(response.status == .forbidden, "another origin")
            }
            headers[.origin] = nil
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: "tenant=shoji-retail&name=operator&secret=wrong&_csrf=\(token)")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.setCookie("shoji_session") == nil)
            }
            let session = try await client.execute(uri: "/login", method: .post, headers: headers,
                                                   body: ByteBuffer(string: form + "&_csrf=\(token)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/console")
                let cookie = try #require(response.setCookie("shoji_session"))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"))
                return try #require(cookiePair(cookie))
            }
            try await client.execute(uri: "/console", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<html lang=\"ja\""))
                #expect(response.text.contains("counting") && !response.text.contains("congestion"), "own tenant's deployments only")
            }
            try await client.execute(uri: "/console?lang=en", method: .get, headers: [.cookie: session]) { response in
                #expect(response.text.contains("<html lang=\"en\""))
                #expect(response.setCookie("shoji_lang")?.contains("en") == true)
            }
            // A session cookie does not open the API, and an API token does not open the console.
            try await client.execute(uri: "/api/v1/deployments", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/console", method: .get, headers: .bearer(fixture.tokens[.operator])) { response in
                #expect(response.status == .seeOther)
            }
            // An open redirect after login is refused: the next page is a path of this server only.
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: ByteBuffer(string: "tenant=shoji-retail&name=operator&secret=\(secret)&next=//evil.example&_csrf=\(token)")) { response in
                #expect(response.headers[.location] == "/console")
            }
        }
    }

    @Test("malformed input gets a clear 4xx, never a 500")
    func malformedInput() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        let token = fixture.tokens[.operator]
        try await fixture.test { client in
            let cases: [(String, HTTPRequest.Method, HTTPFields, String?, HTTPResponse.Status)] = [
                ("/api/v1/public/requests", .post, .bearer(nil, json: true), "{not json", .badRequest),
                ("/api/v1/public/requests", .post, .bearer(nil, json: true), #"{"deploymentID": 5, "kind": "disclosure", "contact": "x"}"#, .badRequest),
                ("/api/v1/public/requests", .post, .bearer(nil, json: true), #"{"deploymentID": "counting", "kind": "everything", "contact": "x"}"#, .badRequest),
                ("/api/v1/public/requests", .post, .bearer(nil, json: true), #"{"deploymentID": "counting", "kind": "stop", "contact": ""}"#, .badRequest),
                ("/api/v1/public/requests", .post, .bearer(nil, json: true), #"{"deploymentID": "nowhere", "kind": "stop", "contact": "x"}"#, .notFound),
                ("/api/v1/public/requests", .post, .bearer(nil), #"{"deploymentID": "counting", "kind": "stop", "contact": "x"}"#, .unsupportedMediaType),
                ("/api/v1/public/requests", .post, .bearer(nil, json: true), String(repeating: "x", count: 200_000), .contentTooLarge),
                ("/api/v1/deployments/counting/statistics?since=yesterday", .get, .bearer(token), nil, .badRequest),
                ("/api/v1/deployments/counting/statistics?bucket_minutes=-5", .get, .bearer(token), nil, .badRequest),
                ("/api/v1/deployments/counting/statistics?since=2026-11-02&until=2026-11-01", .get, .bearer(token), nil, .badRequest),
                ("/api/v1/alerts/not-a-uuid/review", .post, .bearer(token, json: true), #"{"confirmed": true}"#, .badRequest),
                ("/api/v1/alerts/\(UUID().uuidString)/review", .post, .bearer(token, json: true), #"{"confirmed": "yes"}"#, .badRequest),
                ("/api/v1/alerts/\(UUID().uuidString)/review", .post, .bearer(token, json: true), #"{"confirmed": true}"#, .notFound),
                ("/api/v1/requests/\(UUID().uuidString)/deny", .post, .bearer(token, json: true), #"{"reason": "  "}"#, .badRequest),
                ("/api/v1/public/requests/..%2F..%2Fetc%2Fpasswd", .get, [:], nil, .notFound),
                ("/notice/..%2F..%2Fetc%2Fpasswd", .get, [:], nil, .notFound),
                ("/notice/../../etc/passwd", .get, [:], nil, .notFound),
                ("/no/such/route", .get, [:], nil, .notFound),
                ("/api/v1/deployments", .get, .bearer("shoji_forged"), nil, .unauthorized),
                ("/console/deployments/counting/charts/nonsense.svg", .get, [:], nil, .unauthorized),
            ]
            for (uri, method, headers, body, expected) in cases {
                try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
                    #expect(response.status == expected, "\(method) \(uri): \(response.status) \(response.text.prefix(200))")
                    if uri.hasPrefix("/api/"), response.status.code >= 400 {
                        #expect(response.text.contains("\"error\""), "\(uri): JSON error body")
                    }
                }
            }
        }
    }

    @Test("a request filed by the public is followed by its ticket and answered by an operator; the operator's read is audited")
    func publicRequestAnswered() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        try await fixture.test { client in
            let ticket = try await client.execute(uri: "/api/v1/public/requests", method: .post, headers: .bearer(nil, json: true),
                                                  body: ByteBuffer(string: #"{"deploymentID": "watchlist", "kind": "disclosure", "contact": "hanako@example.jp"}"#)) { response in
                #expect(response.status == .created)
                let reply = try JSONDecoder().decode([String: String].self, from: Data(buffer: response.body))
                return try #require(reply["ticket"])
            }
            #expect(ticket.range(of: #"^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"#, options: .regularExpression) != nil)
            try await client.execute(uri: "/api/v1/public/requests/\(ticket)", method: .get) { response in
                #expect(response.text.contains("\"status\":\"received\""))
                #expect(!response.text.contains("hanako"), "the ticket page never shows the contact")
            }
            let listed = try await client.execute(uri: "/api/v1/requests", method: .get, headers: .bearer(fixture.tokens[.operator])) { response in
                try JSONDecoder().decode([[String: AnyCodable]].self, from: Data(buffer: response.body))
            }
            let id = try #require(listed.first { $0["ticket"]?.text == ticket }?["requestID"]?.text)
            try await client.execute(uri: "/api/v1/requests/\(id)/deny", method: .post, headers: .bearer(fixture.tokens[.operator], json: true),
                                     body: ByteBuffer(string: #"{"reason": "この配備は統計のみを保持し、個人を識別できるデータはありません。"}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/requests/\(ticket)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("回答済み"))
            }
        }
        let actions = try await fixture.store.auditEntries(tenant: "shoji-retail").map(\.action)
        #expect(actions.contains("request.file") && actions.contains("request.list") && actions.contains("request.deny"))
    }

    @Test("the notice page and the sign are public and point at this server; /metrics counts requests")
    func noticeAndMetrics() async throws {
        var configuration = ServerConfiguration()
        configuration.publicURL = "https://shoji.example.jp"
        let fixture = try await ServerFixture.make(configuration: configuration)
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/notice/counting", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("https://shoji.example.jp/notice/counting"))
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("style-src 'self' 'sha256-") && !policy.contains("unsafe-inline"))
            }
            try await client.execute(uri: "/notice/counting/sign.svg", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
                #expect(response.text.contains("<svg"))
            }
            try await client.execute(uri: "/metrics", method: .get, headers: .bearer(fixture.tokens[.vendor])) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("shoji_http_requests_total"))
                #expect(response.text.contains("route=\"/notice/{deployment}\""))
            }
        }
    }
}

/// A JSON value read loosely, for picking fields out of API answers.
struct AnyCodable: Decodable {
    let text: String?
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        text = try? container.decode(String.self)
    }
}
