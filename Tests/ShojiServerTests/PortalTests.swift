import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ShojiPipeline
import ShojiPolicy
import ShojiRender
@testable import ShojiServer
@testable import ShojiStore
import Testing

/// The portal's optional photo (multipart, compared in memory, never stored), answering requests as the operator
/// (disclose, stop, erase) and the console's incidents.
@Suite("The request portal's photo, answering requests, and incidents on the console")
struct PortalTests {
    static let person = ServerFixture.repository.appendingPathComponent("media/johns/John_Savage")
    static let boundary = "----ShojiTestBoundary7MA4YWxkTrZu0gW"

    @Test("a photo sent with a request is compared in memory: the operator sees the match, nothing of it is stored, and a stop keeps the person out")
    func photoRequestStopped() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        let photos = try FileManager.default.contentsOfDirectory(at: Self.person, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jpg" }.sorted { $0.path < $1.path }
        try #require(photos.count >= 2)
        // A visitor held for repeat analysis, from another photo of the same person (as a camera would have seen them).
        let visitor = try await fixture.holdRepeatVisitor(from: photos[0])
        let photo = try Data(contentsOf: photos[1])
        try await fixture.test { client in
            let (cookie, token) = try await Self.csrf(client)
            let fields = ["_csrf": token, "deployment": "watchlist", "kind": "stop", "contact": "savage@example.jp", "method": "electronic"]
            let location = try await client.execute(uri: "/requests", method: .post, headers: Self.multipart(cookie),
                                                    body: Self.multipartBody(fields, photo: photo)) { response in
                #expect(response.status == .seeOther, "\(response.text)")
                return try #require(response.headers[.location])
            }
            #expect(location.hasSuffix("photo=compared"))
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.text.contains("写真は照合に使い、直ちに破棄しました"))
                #expect(!response.text.contains(visitor), "the sender never learns what matched")
            }
            let stored = try await fixture.store.requests(by: try #require(fixture.users[.operator]))
            let request = try #require(stored.first { $0.contact == "savage@example.jp" })
            #expect(request.photoCompared && request.subjects(.repeatVisit) == [visitor])
            #expect(try await fixture.vaultPurposes() == ["repeat"], "the photo's vector was not stored")

            // The operator stops use from the console: the held vector becomes the opt-out entry, the visits go.
            let session = try await RouteTableTests.session(fixture, .operator)
            try await client.execute(uri: "/console/requests/\(request.requestID.uuidString)/answer", method: .post,
                                     headers: Self.form(session), body: ByteBuffer(string: "_csrf=\(RouteTableTests.csrf)&action=stop")) { response in
                #expect(response.status == .seeOther, "\(response.text)")
            }
            #expect(try await fixture.vaultPurposes() == ["opt_out"])
            try await client.execute(uri: "/requests/\(try #require(request.ticket))", method: .get) { response in
                #expect(response.text.contains("回答済み"))
            }
        }
        #expect(try await fixture.databaseHolds(photo.prefix(4096)) == false, "no byte run of the photo in the database files")
        let actions = try await fixture.store.auditEntries(tenant: "shoji-retail").map(\.action)
        #expect(actions.contains("request.file") && actions.contains("request.stop"))
    }

    @Test("a photo that is not an image, has no face, is too large or comes without the form's token is refused with a clear 4xx")
    func badPhotos() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        // A real PNG with no face in it: a drawing rasterised by librsvg.
        let drawing = fixture.folder.appendingPathComponent("no-face.png")
        try RasterExporter(dpi: 96).writePNG(svg: """
            <svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#eee"/>\
            <rect x="40" y="60" width="80" height="200" fill="#1f3b5c"/><circle cx="300" cy="120" r="60" fill="#c33"/></svg>
            """, to: drawing)
        let noFace = try Data(contentsOf: drawing)
        try await fixture.test { client in
            let (cookie, token) = try await Self.csrf(client)
            let fields = ["_csrf": token, "deployment": "watchlist", "kind": "disclosure", "contact": "x@example.jp"]
            for (photo, expected) in [(Data("not a photo at all".utf8), "could not be read"), (noFace, "no face found")] {
                try await client.execute(uri: "/requests", method: .post, headers: Self.multipart(cookie),
                                         body: Self.multipartBody(fields, photo: photo)) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.text.contains(expected), "\(response.text)")
                }
            }
            let huge = Data(repeating: 0xFF, count: FormBody.photoLimit + 1)
            try await client.execute(uri: "/requests", method: .post, headers: Self.multipart(cookie),
                                     body: Self.multipartBody(fields, photo: huge)) { response in
                #expect(response.status == .contentTooLarge)
            }
            var withoutToken = fields
            withoutToken["_csrf"] = nil
            try await client.execute(uri: "/requests", method: .post, headers: Self.multipart(cookie),
                                     body: Self.multipartBody(withoutToken, photo: noFace)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/requests", method: .post, headers: Self.multipart(cookie),
                                     body: ByteBuffer(string: "--\(Self.boundary)\r\ngarbage without headers")) { response in
                #expect(response.status.code >= 400 && response.status.code < 500, "\(response.status)")
            }
            // Only the portal form takes a photo's size: a multipart login is held to 64 KiB.
            try await client.execute(uri: "/login", method: .post, headers: Self.multipart(cookie),
                                     body: Self.multipartBody(["_csrf": token], photo: Data(count: 100_000))) { response in
                #expect(response.status == .contentTooLarge)
            }
            // A counting deployment identifies no one: the photo is dropped unread and the request filed.
            var counting = fields
            counting["deployment"] = "counting"
            try await client.execute(uri: "/requests", method: .post, headers: Self.multipart(cookie),
                                     body: Self.multipartBody(counting, photo: noFace)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasSuffix("photo=unused") == true)
            }
        }
        #expect(try await fixture.store.requests(by: try #require(fixture.users[.operator])).count == 1)
    }

    @Test("the operator answers requests from the console: a disclosure page for the person, an erasure; a stop with nothing held is refused")
    func answers() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        let watchlist = try #require(fixture.deployments["watchlist"])
        let disclosure = try await fixture.store.fileRequest(about: watchlist, kind: .disclosure, contact: "a@example.jp", requestedMethod: "electronic")
        let stop = try await fixture.store.fileRequest(about: watchlist, kind: .stop, contact: "b@example.jp", requestedMethod: "paper")
        let erasure = try await fixture.store.fileRequest(about: watchlist, kind: .erasure, contact: "c@example.jp", requestedMethod: "paper")
        try await fixture.test { client in
            let session = try await RouteTableTests.session(fixture, .privacyOfficer)
            func answer(_ filed: FiledRequest, _ action: String) async throws -> TestResponse {
                try await client.execute(uri: "/console/requests/\(filed.requestID.uuidString)/answer", method: .post,
                                         headers: Self.form(session), body: ByteBuffer(string: "_csrf=\(RouteTableTests.csrf)&action=\(action)")) { $0 }
            }
            let page = try await answer(disclosure, "disclose")
            #expect(page.status == .ok)
            #expect(page.text.contains("写真がなかったため") && page.text.contains("without a photo"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("'sha256-") == true, "the page's inline style is allowed by hash only")
            let refused = try await answer(stop, "stop")
            #expect(refused.status == .badRequest && refused.text.contains("without a photo"))
            #expect(try await answer(erasure, "erase").status == .seeOther)
            #expect(try await answer(erasure, "erase").status == .conflict, "answered once only")
            #expect(try await answer(stop, "forget").status == .badRequest)
            try await client.execute(uri: "/console/requests", method: .get, headers: [.cookie: session]) { response in
                #expect(response.text.contains("写真なし"))
            }
        }
        let statuses = Dictionary(uniqueKeysWithValues: try await fixture.store.requests(by: try #require(fixture.users[.operator]))
            .map { ($0.requestID, $0.status) })
        #expect(statuses == [disclosure.requestID: .complete, stop.requestID: .received, erasure.requestID: .complete])
    }

    @Test("an incident file recorded on the console shows its verdict, deadlines and draft report, to its own tenant and roles only")
    func incidents() async throws {
        let fixture = try await ServerFixture.make()
        defer { fixture.remove() }
        let document = try String(contentsOf: ServerFixture.repository.appendingPathComponent("examples/incidents/ransomware-repeat.yaml"),
                                  encoding: .utf8)
        try await fixture.test { client in
            let officer = try await RouteTableTests.session(fixture, .privacyOfficer)
            let encoded = document.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/console/incidents", method: .post, headers: Self.form(officer),
                                     body: ByteBuffer(string: "_csrf=\(RouteTableTests.csrf)&document=\(encoded)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/console/incidents/INC-2026-001")
            }
            try await client.execute(uri: "/console/incidents/INC-2026-001?lang=en", method: .get, headers: [.cookie: officer]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("reportable") && response.text.contains("Preliminary report to the PPC"))
                #expect(response.text.contains("2026-12-15"), "the preliminary report's last day: aware 12-10 + 5")
                #expect(response.text.contains("2027-02-08"), "the final report's last day under an improper purpose: 60 days")
            }
            try await client.execute(uri: "/console/incidents", method: .post, headers: Self.form(officer),
                                     body: ByteBuffer(string: "_csrf=\(RouteTableTests.csrf)&document=id%3A%20x%0Arole%3A%20nobody")) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("class=\"problem\""))
            }
            let auditor = try await RouteTableTests.session(fixture, .auditor)
            try await client.execute(uri: "/console/incidents", method: .get, headers: [.cookie: auditor]) { response in
                #expect(response.text.contains("INC-2026-001") && !response.text.contains("<textarea"), "auditors read, never record")
            }
            try await client.execute(uri: "/console/incidents", method: .get, headers: [.cookie: try await RouteTableTests.session(fixture, .analyst)]) { response in
                #expect(response.status == .forbidden)
            }
            let railSecret = try await fixture.store.addUser(tenant: "shoji-railway", name: "rail-op", role: .operator,
                                                              creator: try await fixture.store.authenticate(tenant: "shoji-railway", name: "rail-dpo",
                                                                                                            secret: fixture.otherTenantSecret))
            let rail = try await fixture.store.authenticate(tenant: "shoji-railway", name: "rail-op", secret: railSecret)
            let railSession = "shoji_session=" + (try await fixture.store.issueToken(for: rail, kind: .console, lifetime: 600))
            try await client.execute(uri: "/console/incidents/INC-2026-001", method: .get, headers: [.cookie: railSession]) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    // MARK: Helpers

    /// The CSRF cookie and token a browser gets with the request form.
    static func csrf(_ client: any TestClientProtocol) async throws -> (cookie: String, token: String) {
        try await client.execute(uri: "/requests/new", method: .get) { response in
            #expect(response.text.contains("enctype=\"multipart/form-data\"") && response.text.contains("type=\"file\""))
            let cookie = try #require(cookiePair(response.setCookie("shoji_csrf")))
            return (cookie, String(cookie.dropFirst("shoji_csrf=".count)))
        }
    }

    static func multipart(_ cookie: String) -> HTTPFields {
        [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: cookie]
    }

    static func form(_ session: String) -> HTTPFields {
        [.contentType: "application/x-www-form-urlencoded", .cookie: "\(session); shoji_csrf=\(RouteTableTests.csrf)"]
    }

    /// A multipart/form-data body as a browser sends it: the text fields, then the photo as a file part.
    static func multipartBody(_ fields: [String: String], photo: Data) -> ByteBuffer {
        var body = ByteBuffer()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"me.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
        body.writeBytes(photo)
        body.writeString("\r\n--\(boundary)--\r\n")
        return body
    }
}

extension ServerFixture {
    /// Stores a repeat visitor of the retail tenant whose vector is the face in `photo`, as the repeat analyzer
    /// would; returns the visitor id.
    func holdRepeatVisitor(from photo: URL) async throws -> String {
        let source = try String(contentsOf: Self.repository.appendingPathComponent("examples/repeat.yaml"), encoding: .utf8)
        let file = folder.appendingPathComponent("repeat.yaml")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let deployment = try ApprovedDeployment.approve(manifestAt: file, deploymentID: "repeat", asOf: CalendarDay(Date()))
        try await store.recordDeployment(DeploymentRecord(
            deploymentID: "repeat", tenantID: deployment.tenant, manifestSHA256: deployment.manifestSHA256,
            approvedAt: deployment.approvedAt, assessmentJSON: "{}"))
        let keys = try TenantKeyring.load(tenant: deployment.tenant, folder: folder.appendingPathComponent("keys"), environment: [:])
        let camera = try FeatureVault(store: store, deployment: deployment, access: .repeatAnalysis, keys: keys)
        let vector = try PhotoFaces().onlyFace(in: photo).embedding.values
        let visitor = camera.newVisitorID(), now = Date()
        try await camera.record(IdentityBatch(
            vectors: [try NewVector(values: vector, purpose: .repeatVisit, subject: visitor, takenAt: now,
                                    expiresAt: now.addingTimeInterval(30 * 86_400))],
            visits: [RepeatVisit(visitorID: visitor, cameraID: "entrance", visitedAt: now)]))
        return visitor
    }

    /// The purposes of the vault's rows, sorted.
    func vaultPurposes() async throws -> [String] {
        try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT purpose FROM vault_vector ORDER BY purpose") }
    }

    /// Whether the database files hold `bytes` anywhere (after a WAL checkpoint).
    func databaseHolds(_ bytes: Data) async throws -> Bool {
        _ = try await store.checkpointWAL()
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("server.sqlite") }
        return try files.contains { try Data(contentsOf: $0).range(of: bytes) != nil }
    }
}
