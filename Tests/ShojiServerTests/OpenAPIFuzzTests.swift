import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ShojiServer
import ShojiStore
import Testing
import Yams

/// A fuzz over docs/openapi.yaml: every operation called many times with hostile path parameters, query values
/// and bodies (wrong types, missing and extra fields, huge and odd strings, bytes that are not JSON), with a
/// valid token, a forged one and none. Nothing may answer 5xx.
@Suite("OpenAPI fuzz")
struct OpenAPIFuzzTests {
    static let nasty = [
        "", "..", "../../etc/passwd", "%2e%2e%2f", "%00", "\u{0}", "渋谷店", "<script>alert(1)</script>", "' OR 1=1 --",
        "-1", "0", "99999999999999999999", "1e308", "NaN", "true", "null", "[]", "{}", String(repeating: "A", count: 5000),
        UUID().uuidString, "AAAA-BBBB-CCCC-DDDD", "counting", "watchlist", "congestion", "🙂", "\\", "%ZZ", " ",
    ]

    @Test("no request built from the OpenAPI document, however malformed, gets a 5xx")
    func noServerErrors() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        let text = try String(contentsOf: ServerFixture.repository.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var random = SeededGenerator(seed: 20261202)
        let tokens: [String?] = [fixture.tokens[.privacyOfficer], fixture.tokens[.operator], "shoji_forged", nil, fixture.otherTenantToken]
        var requests: [(String, HTTPRequest.Method, HTTPFields, ByteBuffer?)] = []
        for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
            for (method, value) in operations {
                let operation = value as? [String: Any] ?? [:]
                let parameters = (operation["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String ?? Self.reference($0) }
                for _ in 0..<40 {
                    var uri = path
                    var query: [String] = []
                    for name in parameters {
                        let value = Self.nasty.randomElement(using: &random) ?? ""
                        let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "?", "#"])) ?? "x"
                        if uri.contains("{\(name)}") {
                            uri = uri.replacingOccurrences(of: "{\(name)}", with: encoded.isEmpty ? "x" : encoded)
                        } else if Bool.random(using: &random) {
                            query.append("\(name)=\(encoded)")
                        }
                    }
                    if !query.isEmpty { uri += "?" + query.joined(separator: "&") }
                    var headers = HTTPFields.bearer(tokens.randomElement(using: &random) ?? nil)
                    var body: ByteBuffer?
                    if method == "post" {
                        if Int.random(in: 0..<5, using: &random) > 0 { headers[.contentType] = "application/json" }
                        body = ByteBuffer(string: Self.body(&random))
                    }
                    requests.append((uri, HTTPRequest.Method(rawValue: method.uppercased()) ?? .get, headers, body))
                }
            }
        }
        let calls = requests
        try await fixture.test { client in
            for (uri, method, headers, body) in calls {
                try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                    #expect(response.status.code < 500, "\(method) \(uri.prefix(120)): \(response.status) \(response.text.prefix(200))")
                }
            }
        }
        #expect(requests.count > 500)
    }

    /// A `$ref` parameter's name (`#/components/parameters/deployment` → deployment).
    static func reference(_ parameter: [String: Any]) -> String? {
        (parameter["$ref"] as? String)?.split(separator: "/").last.map(String.init)
    }

    /// A body: JSON objects with the API's field names and values of every type, arrays, deep nesting, or bytes.
    static func body(_ random: inout SeededGenerator) -> String {
        let fields = ["deploymentID", "kind", "contact", "answerMethod", "reason", "confirmed", "reviewDays", "x"]
        let values = ["\"counting\"", "\"disclosure\"", "\"stop\"", "\"erasure\"", "1", "-5", "1e400", "true", "null", "[]", "{}",
                      "\"\(String(repeating: "あ", count: 400))\"", "\"a@example.jp\"", "\"\"", "\"watchlist\"", "366", "0"]
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return "{not json"
        case 1: return String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        case 2: return ""
        default:
            let count = Int.random(in: 0...fields.count, using: &random)
            let pairs = fields.shuffled(using: &random).prefix(count).map { "\"\($0)\": \(values.randomElement(using: &random) ?? "1")" }
            return "{" + pairs.joined(separator: ", ") + "}"
        }
    }
}

/// SplitMix64: the same "random" requests in every run, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
