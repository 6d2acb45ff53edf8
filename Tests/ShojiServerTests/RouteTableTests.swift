import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ShojiServer
import ShojiStore
import Testing
import Yams

@Suite("The route table, the OpenAPI document and the roles")
struct RouteTableTests {
    @Test("docs/openapi.yaml describes exactly the API routes, with the roles each admits")
    func openAPIMatchesRoutes() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        let text = try String(contentsOf: ServerFixture.repository.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        var described: [String: Set<String>] = [:]
        for (path, item) in paths {
            for (method, operation) in try #require(item as? [String: Any]) {
                let roles = ((operation as? [String: Any])?["x-shoji-roles"] as? [String]) ?? ["missing"]
                // OpenAPI's {name} is the router's :name.
                let routerPath = path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
                described["\(method.uppercased()) \(routerPath)"] = Set(roles)
            }
        }
        var routed: [String: Set<String>] = [:]
        for endpoint in ServerRoutes(state: fixture.server.state).endpoints where endpoint.kind == .api || endpoint.path == "/metrics" {
            let roles: Set<String> = switch endpoint.audience {
            case .anyone: []
            case .roles(let roles): Set(roles.map(\.rawValue))
            }
            routed["\(endpoint.method.rawValue) \(endpoint.path)"] = roles
        }
        #expect(described == routed)
    }

    @Test("every route answers every role as its audience says, and 401 without a login")
    func everyRouteEveryRole() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        let endpoints = ServerRoutes(state: fixture.server.state).endpoints
        try await fixture.test { client in
            for endpoint in endpoints {
                let uri = Self.concrete(endpoint.path)
                for role in [nil] + Role.allCases.map(Optional.some) {
                    var headers = HTTPFields()
                    let api = endpoint.kind == .api || endpoint.path == "/metrics"
                    if let role {
                        // A fresh session each time: POST /logout ends the one it is sent with.
                        if api { headers = .bearer(fixture.tokens[role]) } else { headers[.cookie] = try await Self.session(fixture, role) }
                    }
                    if endpoint.method == .post {
                        headers[.contentType] = api ? "application/json" : "application/x-www-form-urlencoded"
                        if !api { headers[.cookie] = [headers[.cookie], "shoji_csrf=\(Self.csrf)"].compactMap { $0 }.joined(separator: "; ") }
                    }
                    let body = endpoint.method == .post ? ByteBuffer(string: api ? "{}" : "_csrf=\(Self.csrf)") : nil
                    try await client.execute(uri: uri, method: endpoint.method, headers: headers, body: body) { response in
                        let label = "\(endpoint.method) \(endpoint.path) as \(role?.rawValue ?? "anonymous")"
                        #expect(response.status.code < 500, "\(label): \(response.status) \(response.text)")
                        if endpoint.admits(role) {
                            #expect(response.status != .unauthorized && response.status != .forbidden, "\(label): \(response.status) \(response.text)")
                        } else if role == nil {
                            let redirectedToLogin = response.status == .seeOther && response.headers[.location]?.hasPrefix("/login") == true
                            #expect(response.status == .unauthorized || redirectedToLogin, "\(label): \(response.status)")
                        } else {
                            #expect(response.status == .forbidden, "\(label): \(response.status)")
                        }
                    }
                }
            }
        }
    }

    @Test("another tenant's deployments are not found, and its lists hold only its own rows")
    func tenantsIsolated() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        _ = try await fixture.store.fileRequest(about: try #require(fixture.deployments["counting"]), kind: .disclosure,
                                                contact: "a@example.jp", requestedMethod: "electronic")
        try await fixture.test { client in
            for path in ["/api/v1/deployments/counting/assessment", "/api/v1/deployments/counting/statistics",
                         "/api/v1/deployments/watchlist/watchlist"] {
                try await client.execute(uri: path, method: .get, headers: .bearer(fixture.otherTenantToken)) { response in
                    #expect(response.status == .notFound, "\(path): \(response.status)")
                }
            }
            try await client.execute(uri: "/api/v1/deployments", method: .get, headers: .bearer(fixture.otherTenantToken)) { response in
                #expect(response.text.contains("congestion") && !response.text.contains("\"counting\""))
            }
            try await client.execute(uri: "/api/v1/requests", method: .get, headers: .bearer(fixture.otherTenantToken)) { response in
                #expect(response.status == .ok)
                #expect(response.text == "[]")
            }
            try await client.execute(uri: "/api/v1/requests", method: .get, headers: .bearer(fixture.tokens[.operator])) { response in
                #expect(response.text.contains("a@example.jp"))
            }
        }
    }

    static let csrf = String(repeating: "A", count: 43)

    /// A new console session cookie (`shoji_session=…`) of `role`.
    static func session(_ fixture: ServerFixture, _ role: Role) async throws -> String {
        "shoji_session=" + (try await fixture.store.issueToken(for: try #require(fixture.users[role]), kind: .console, lifetime: 3600))
    }

    /// The path with its parameters filled: existing deployments, a random UUID, a ticket and a chart.
    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: ":deployment", with: "watchlist").replacingOccurrences(of: ":entry", with: UUID().uuidString)
            .replacingOccurrences(of: ":alert", with: UUID().uuidString).replacingOccurrences(of: ":request", with: UUID().uuidString)
            .replacingOccurrences(of: ":ticket", with: "AAAA-BBBB-CCCC-DDDD").replacingOccurrences(of: ":chart", with: "crossings.svg")
            .replacingOccurrences(of: ":camera", with: "platform.svg").replacingOccurrences(of: ":incident", with: "INC-NONE")
    }
}
