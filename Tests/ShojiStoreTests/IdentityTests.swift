import Foundation
import GRDB
import ShojiPolicy
import Testing
@testable import ShojiStore

@Suite("Users, the watchlist's two-person rule, match alerts and people's requests")
struct IdentityTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_400)
    static let evidenceDay = CalendarDay(year: 2026, month: 11, day: 20)!
    static let categories = ["shoplifting"]

    @Test("the first user is the privacy officer; later users are added by one; secrets are stored as bcrypt hashes only")
    func users() async throws {
        let fixture = try VaultFixture()
        let store = fixture.store
        await #expect(throws: IdentityError.firstUserMustBePrivacyOfficer) {
            try await store.addUser(tenant: "t", name: "staff", role: .operator, creator: nil)
        }
        let secret = try await store.addUser(tenant: "t", name: "dpo", role: .privacyOfficer, creator: nil)
        await #expect(throws: IdentityError.self) { try await store.addUser(tenant: "t", name: "late", role: .operator, creator: nil) }
        let officer = try await store.authenticate(tenant: "t", name: "dpo", secret: secret)
        #expect(officer.role == .privacyOfficer)
        let staffSecret = try await store.addUser(tenant: "t", name: "staff", role: .operator, creator: officer)
        let staff = try await store.authenticate(tenant: "t", name: "staff", secret: staffSecret)
        await #expect(throws: IdentityError.self) { try await store.addUser(tenant: "t", name: "x", role: .auditor, creator: staff) }
        await #expect(throws: IdentityError.userExists("staff")) {
            try await store.addUser(tenant: "t", name: "staff", role: .operator, creator: officer)
        }
        await #expect(throws: IdentityError.notAuthenticated(tenant: "t")) { try await store.authenticate(tenant: "t", name: "dpo", secret: "guess") }
        await #expect(throws: IdentityError.notAuthenticated(tenant: "t")) { try await store.authenticate(tenant: "t", name: "nobody", secret: secret) }
        await #expect(throws: IdentityError.notAuthenticated(tenant: "u")) { try await store.authenticate(tenant: "u", name: "dpo", secret: secret) }
        let hashes = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT secret_hash FROM app_user") }
        #expect(hashes.allSatisfy { $0.hasPrefix("$2") && !$0.contains(secret) && !$0.contains(staffSecret) })
        #expect(try await store.checkpointWAL())
        #expect(databaseFileBytes(fixture.path).range(of: Data(secret.utf8)) == nil, "no secret in the database files")
    }

    @Test("a watchlist registration needs evidence and a published category, and a privacy officer other than its registrant")
    func twoPersonRule() async throws {
        let fixture = try VaultFixture()
        let deployment = try await fixture.deployment("watchlist")
        let (officer, staff, second) = try await fixture.users()
        let keys = try fixture.keys()
        func vault(_ user: AuthenticatedUser) throws -> FeatureVault {
            try FeatureVault(store: fixture.store, deployment: deployment, access: .watchlistRegistration(user), keys: keys)
        }
        let face = VaultFixture.vector(11), until = Self.now.addingTimeInterval(365 * 86_400)
        await #expect(throws: IdentityError.evidenceRequired) {
            try await vault(staff).registerWatchlistEntry(vector: face, category: "shoplifting", evidence: "  ", evidenceDate: Self.evidenceDay,
                                                          publishedCategories: Self.categories, expiresAt: until, at: Self.now)
        }
        await #expect(throws: IdentityError.categoryNotPublished("suspicious", published: Self.categories)) {
            try await vault(staff).registerWatchlistEntry(vector: face, category: "suspicious", evidence: "report 1", evidenceDate: Self.evidenceDay,
                                                          publishedCategories: Self.categories, expiresAt: until, at: Self.now)
        }
        let entry = try await vault(officer).registerWatchlistEntry(
            vector: face, category: "shoplifting", evidence: "渋谷署 被害届 第1234号", evidenceDate: Self.evidenceDay,
            publishedCategories: Self.categories, expiresAt: until, at: Self.now)
        #expect(entry.status == .pending && entry.registeredBy == "dpo")
        let matching = try FeatureVault(store: fixture.store, deployment: deployment, access: .watchlistMatching, keys: keys)
        #expect(try await matching.gallery(.watchlist, now: Self.now).count == 0, "a pending entry is not matched")
        await #expect(throws: IdentityError.selfApproval) {
            try await vault(officer).approveWatchlistEntry(entry.entryID, reviewAt: until, at: Self.now)
        }
        await #expect(throws: IdentityError.self) { try await vault(staff).approveWatchlistEntry(entry.entryID, reviewAt: until, at: Self.now) }
        let approved = try await vault(second).approveWatchlistEntry(entry.entryID, reviewAt: Self.now.addingTimeInterval(90 * 86_400), at: Self.now)
        #expect(approved.status == .approved && approved.decidedBy == "dpo2" && approved.reviewAt != nil)
        let gallery = try await matching.gallery(.watchlist, now: Self.now)
        #expect(gallery.nearest(to: face, count: 1, now: Self.now).first?.subject == entry.entryID.uuidString.lowercased())
        await #expect(throws: IdentityError.self) { try await vault(second).approveWatchlistEntry(entry.entryID, reviewAt: until, at: Self.now) }
        // Removal erases the vector at once.
        let removed = try await vault(second).withdrawWatchlistEntry(entry.entryID, reason: "court order", at: Self.now)
        #expect(removed.status == .removed)
        #expect(try await fixture.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vault_vector") } == 0)
        let actions = try await fixture.store.auditEntries(tenant: "shoji-retail").map(\.action)
        #expect(actions.contains("watchlist.register") && actions.contains("watchlist.approved") && actions.contains("watchlist.removed"))
    }

    @Test("a match alert holds time, camera, distance and entry; a person confirms or dismisses it, and is recorded")
    func alerts() async throws {
        let fixture = try VaultFixture()
        let deployment = try await fixture.deployment("watchlist")
        let (officer, staff, second) = try await fixture.users()
        let keys = try fixture.keys()
        let registration = try FeatureVault(store: fixture.store, deployment: deployment, access: .watchlistRegistration(officer), keys: keys)
        let entry = try await registration.registerWatchlistEntry(
            vector: VaultFixture.vector(3), category: "shoplifting", evidence: "incident 7", evidenceDate: Self.evidenceDay,
            publishedCategories: Self.categories, expiresAt: Self.now.addingTimeInterval(86_400 * 30), at: Self.now)
        _ = try await FeatureVault(store: fixture.store, deployment: deployment, access: .watchlistRegistration(second), keys: keys)
            .approveWatchlistEntry(entry.entryID, reviewAt: Self.now.addingTimeInterval(86_400), at: Self.now)
        let matching = try FeatureVault(store: fixture.store, deployment: deployment, access: .watchlistMatching, keys: keys)
        let alert = MatchAlert(entryID: entry.entryID, deploymentID: deployment.deploymentID, cameraID: "entrance",
                               matchedAt: Self.now, distance: 0.31)
        try await matching.record(IdentityBatch(alerts: [alert]), at: Self.now)
        let columns = try await fixture.store.pool.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(match_alert)").map { $0["name"] as String }
        }
        #expect(!columns.contains { $0.contains("vector") || $0.contains("image") || $0.contains("sealed") })
        let pending = try await fixture.store.matchAlerts(by: staff, at: Self.now)
        #expect(pending.map(\.alertID) == [alert.alertID])
        let reviewed = try await fixture.store.reviewMatchAlert(alert.alertID, confirmed: false, by: staff, at: Self.now)
        #expect(reviewed.status == .dismissed && reviewed.reviewedBy == "staff")
        #expect(try await fixture.store.matchAlerts(by: staff, at: Self.now).isEmpty)
        await #expect(throws: IdentityError.self) { try await fixture.store.reviewMatchAlert(alert.alertID, confirmed: true, by: staff) }
    }

    @Test("a request finds what is held from the person's photo, discloses it, stops its use and erases it; the photo is kept nowhere")
    func requests() async throws {
        let fixture = try VaultFixture()
        let deployment = try await fixture.deployment("repeat")
        let (officer, _, _) = try await fixture.users()
        let keys = try fixture.keys()
        let camera = try FeatureVault(store: fixture.store, deployment: deployment, access: .repeatAnalysis, keys: keys)
        let face = VaultFixture.vector(21)
        let visitor = try await Self.holdVisitor(face, camera: camera)
        let requests = try FeatureVault(store: fixture.store, deployment: deployment, access: .rightsRequests(officer), keys: keys)
        let probe = VaultFixture.near(face, 0.2)
        let request = try await requests.openRequest(.disclosure, receivedOn: CalendarDay(Self.now), requestedMethod: "electronic",
                                                     probe: probe, threshold: 0.45, at: Self.now)
        #expect(request.matches.map(\.subject) == [visitor] && request.status == .received)
        #expect(try await fixture.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vault_vector") } == 1,
                "the lookup stored no vector")
        let disclosure = try await requests.disclose(request.requestID, answerMethod: "electronic", at: Self.now)
        #expect(disclosure.visitors.map(\.visitorID) == [visitor] && disclosure.visitors[0].visits.count == 1)
        #expect(disclosure.request.status == .complete)
        await #expect(throws: IdentityError.self) { try await requests.disclose(request.requestID, answerMethod: "paper") }
        // A stranger's photo matches nothing.
        let stranger = try await requests.openRequest(.disclosure, receivedOn: CalendarDay(Self.now), requestedMethod: "paper",
                                                      probe: VaultFixture.vector(999), threshold: 0.45, at: Self.now)
        #expect(stranger.matches.isEmpty)
        #expect(try await requests.disclose(stranger.requestID, answerMethod: "paper", at: Self.now).holdsNothing)
        // Stop: on the opt-out list, repeat data erased.
        let stop = try await requests.openRequest(.stop, receivedOn: CalendarDay(Self.now), requestedMethod: "electronic", probe: probe,
                                                  threshold: 0.45, at: Self.now)
        let erased = try await requests.stopUse(stop.requestID, probe: probe, until: Self.now.addingTimeInterval(365 * 86_400), at: Self.now)
        #expect(erased == 1)
        let left = try await fixture.store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT purpose FROM vault_vector"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM repeat_visit"))
        }
        #expect(left.0 == ["opt_out"] && left.1 == 0)
        #expect(try await camera.gallery(.optOut, now: Self.now).nearest(to: face, count: 1, now: Self.now).first.map { $0.distance < 0.3 } == true)
        await #expect(throws: IdentityError.self) {
            try await requests.denyRequest(try await requests.openRequest(.erasure, receivedOn: CalendarDay(Self.now), requestedMethod: "paper",
                                                                          probe: probe, threshold: 0.45, at: Self.now).requestID, reason: " ")
        }
        #expect(try await requests.requests(at: Self.now).count == 4)
        #expect(try await fixture.store.verifyAuditLog(tenant: "shoji-retail").isIntact)
    }

    @Test("a portal request's stop of use keeps the person out with the repeat vectors their photo matched; without a match it is refused and stays open")
    func portalStop() async throws {
        let fixture = try VaultFixture()
        let deployment = try await fixture.deployment("repeat")
        let (officer, _, _) = try await fixture.users()
        let keys = try fixture.keys()
        let camera = try FeatureVault(store: fixture.store, deployment: deployment, access: .repeatAnalysis, keys: keys)
        let face = VaultFixture.vector(31)
        let visitor = try await Self.holdVisitor(face, camera: camera)
        let portal = try FeatureVault(store: fixture.store, deployment: deployment, access: .requestPortal, keys: keys)
        let filed = try await portal.fileRequest(.stop, contact: "taro@example.jp", requestedMethod: "electronic",
                                                 probe: VaultFixture.near(face, 0.2), threshold: 0.45, at: Self.now)
        let unmatched = try await portal.fileRequest(.stop, contact: "jiro@example.jp", requestedMethod: "electronic",
                                                    probe: VaultFixture.vector(777), threshold: 0.45, at: Self.now)
        let withoutPhoto = try await fixture.store.fileRequest(about: deployment, kind: .stop, contact: "saburo@example.jp",
                                                               requestedMethod: "paper", at: Self.now)
        let requests = try FeatureVault(store: fixture.store, deployment: deployment, access: .rightsRequests(officer), keys: keys)
        let listed = try await requests.requests(at: Self.now)
        #expect(listed.first { $0.requestID == filed.requestID }?.photoCompared == true)
        #expect(listed.first { $0.requestID == filed.requestID }?.subjects(.repeatVisit) == [visitor])
        #expect(listed.first { $0.requestID == withoutPhoto.requestID }?.photoCompared == false)
        #expect(try await fixture.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vault_vector") } == 1,
                "filing stored no vector of the photo")

        let erased = try await requests.stopUseFromHeldVectors(filed.requestID, until: Self.now.addingTimeInterval(365 * 86_400), at: Self.now)
        #expect(erased == 1)
        let left = try await fixture.store.pool.read { db in
            (try Row.fetchAll(db, sql: "SELECT purpose, subject_id FROM vault_vector").map { [$0["purpose"] as String, $0["subject_id"] as String] },
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM repeat_visit"))
        }
        #expect(left.0 == [["opt_out", filed.requestID.uuidString.lowercased()]] && left.1 == 0)
        // The camera's analyzer now drops the face before recording anything.
        #expect(try await camera.gallery(.optOut, now: Self.now).nearest(to: face, count: 1, now: Self.now).first.map { $0.distance < 0.01 } == true)

        for request in [unmatched.requestID, withoutPhoto.requestID] {
            await #expect(throws: IdentityError.self) {
                try await requests.stopUseFromHeldVectors(request, until: Self.now.addingTimeInterval(365 * 86_400), at: Self.now)
            }
        }
        let after = try await requests.requests(at: Self.now)
        #expect(after.first { $0.requestID == filed.requestID }?.status == .complete)
        #expect(after.filter { [unmatched.requestID, withoutPhoto.requestID].contains($0.requestID) }.allSatisfy { $0.status == .received },
                "a refused stop leaves the request open")
        #expect(try await fixture.store.verifyAuditLog(tenant: "shoji-retail").isIntact)
    }

    @Test("incidents are recorded whole per tenant, replaced by a new version, read by their roles only, and audited")
    func incidents() async throws {
        let fixture = try VaultFixture()
        let (officer, staff, _) = try await fixture.users()
        let document = "id: INC-1\nsummary: test\n"
        let recorded = try await fixture.store.recordIncident(id: "INC-1", document: document, by: staff, at: Self.now)
        #expect(recorded.document == document && recorded.recordedBy == staff.name)
        _ = try await fixture.store.recordIncident(id: "INC-1", document: document + "measures: fixed\n", by: officer, at: Self.now.addingTimeInterval(60))
        let listed = try await fixture.store.incidents(by: officer)
        #expect(listed.count == 1 && listed[0].document.hasSuffix("measures: fixed\n") && listed[0].recordedBy == officer.name)
        let analystSecret = try await fixture.store.addUser(tenant: "shoji-retail", name: "ana", role: .analyst, creator: officer)
        let analyst = try await fixture.store.authenticate(tenant: "shoji-retail", name: "ana", secret: analystSecret)
        await #expect(throws: IdentityError.self) { try await fixture.store.incidents(by: analyst) }
        await #expect(throws: IdentityError.self) { try await fixture.store.recordIncident(id: "INC-2", document: document, by: analyst) }
        // Another tenant sees none of them.
        let otherSecret = try await fixture.store.addUser(tenant: "other", name: "dpo", role: .privacyOfficer, creator: nil)
        let other = try await fixture.store.authenticate(tenant: "other", name: "dpo", secret: otherSecret)
        #expect(try await fixture.store.incidents(by: other).isEmpty)
        await #expect(throws: IdentityError.notFound(kind: "incident", id: "INC-1")) { try await fixture.store.incident("INC-1", by: other) }
        let actions = try await fixture.store.auditEntries(tenant: "shoji-retail").map(\.action)
        #expect(actions.contains("incident.record") && actions.contains("incident.update"))
    }

    /// Records one visit of `face` as the repeat analyzer would, at ``now``; the new visitor's id.
    static func holdVisitor(_ face: [Float], camera: FeatureVault) async throws -> String {
        let visitor = camera.newVisitorID()
        try await camera.record(IdentityBatch(
            vectors: [try NewVector(values: face, purpose: .repeatVisit, subject: visitor, takenAt: now,
                                    expiresAt: now.addingTimeInterval(180 * 86_400))],
            visits: [RepeatVisit(visitorID: visitor, cameraID: "entrance", visitedAt: now)]), at: now)
        return visitor
    }
}
