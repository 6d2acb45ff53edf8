import Foundation
import GRDB
import ShojiPolicy

extension FeatureVault {
    /// Opens a request: the person's photo vector (`probe`, used and forgotten: neither photo nor vector is kept)
    /// is compared with every vault purpose of the tenant, and the subjects closer than `threshold` are recorded
    /// with the request.
    public func openRequest(_ kind: RightsRequest.Kind, receivedOn: CalendarDay, requestedMethod: String, probe: [Float],
                            threshold: Float, at time: Date = Date()) async throws(IdentityError) -> RightsRequest {
        let user = try requestHandler()
        guard probe.count == VectorIndex.dimensions, probe.allSatisfy(\.isFinite) else { throw .vault(.invalidVector) }
        guard receivedOn <= CalendarDay(time) else { throw .invalidValue("the received date \(receivedOn) lies in the future") }
        let matches = try await subjects(closeTo: probe, threshold: threshold, at: time)
        let id = UUID(), found = matches
        let encoded = String(decoding: (try? JSONEncoder().encode(found)) ?? Data("[]".utf8), as: UTF8.self)
        return try await store.write(IdentityError.self) { [tenant] db in
            try db.execute(sql: """
                INSERT INTO rights_request (request_id, tenant_id, kind, received_on, requested_method, status, matches,
                    opened_by, opened_at)
                VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?)
                """, arguments: [id.uuidString.lowercased(), tenant, kind.rawValue, receivedOn.description, requestedMethod,
                                 encoded, user.name, time.timeIntervalSince1970])
            try AuditLog.append(db, tenant: tenant, actor: user.actor, action: "request.open", target: id.uuidString.lowercased(),
                                detail: "\(kind.rawValue), \(found.count) matches", at: time)
            return try Self.request(db, tenant: tenant, id: id)
        }
    }

    /// What is held about the person of request `id`, and closes the request as answered by `answerMethod`
    /// (with `note` when that is not the method asked for, and why: Art. 33(2)).
    public func disclose(_ id: UUID, answerMethod: String, note: String? = nil,
                         at time: Date = Date()) async throws(IdentityError) -> Disclosure {
        let user = try requestHandler()
        return try await store.write(IdentityError.self) { [tenant] db in
            let request = try Self.openRequest(db, tenant: tenant, id: id)
            var visitors: [Disclosure.Visitor] = []
            for visitor in request.subjects(.repeatVisit) {
                let visits = try Row.fetchAll(db, sql: """
                    SELECT camera_id, visited_at FROM repeat_visit WHERE tenant_id = ? AND visitor_id = ? ORDER BY visited_at
                    """, arguments: [tenant, visitor]).map {
                    RepeatVisit(visitorID: visitor, cameraID: $0["camera_id"], visitedAt: Date(timeIntervalSince1970: $0["visited_at"]))
                }
                let vectors = try Row.fetchOne(db, sql: """
                    SELECT COUNT(*) AS n, MAX(expires_at) AS last FROM vault_vector WHERE tenant_id = ? AND subject_id = ? AND purpose = 'repeat'
                    """, arguments: [tenant, visitor])
                visitors.append(Disclosure.Visitor(visitorID: visitor, visits: visits, vectors: vectors?["n"] ?? 0,
                                                   vectorsErasedBy: (vectors?["last"] as Double?).map(Date.init(timeIntervalSince1970:))))
            }
            let entries = try request.subjects(.watchlist).compactMap(UUID.init(uuidString:)).map { try Self.entry(db, tenant: tenant, id: $0) }
            let optOuts = try request.subjects(.optOut).map { subject in
                let expiry = try Double.fetchOne(db, sql: """
                    SELECT MAX(expires_at) FROM vault_vector WHERE tenant_id = ? AND subject_id = ? AND purpose = 'opt_out'
                    """, arguments: [tenant, subject])
                return Disclosure.OptOut(requestID: subject, expiresAt: expiry.map(Date.init(timeIntervalSince1970:)))
            }
            try Self.close(db, tenant: tenant, id: id, status: .complete, by: user, method: answerMethod, note: note, at: time)
            try AuditLog.append(db, tenant: tenant, actor: user.actor, action: "request.disclose", target: id.uuidString.lowercased(),
                                detail: "\(visitors.count) visitors, \(entries.count) watchlist entries, \(optOuts.count) opt-outs", at: time)
            return Disclosure(request: try Self.request(db, tenant: tenant, id: id), tenant: tenant, madeAt: time,
                              visitors: visitors, watchlist: entries, optOuts: optOuts)
        }
    }

    /// Stops use (Art. 35): the person's `probe` goes on the opt-out list until `until`, so that the repeat
    /// analyzer drops them before recording anything, and what was held on them for repeat analysis is erased.
    /// Closes the request. Returns the repeat vectors erased.
    @discardableResult
    public func stopUse(_ id: UUID, probe: [Float], until: Date, at time: Date = Date()) async throws(IdentityError) -> Int {
        let optOut: NewVector
        do {
            optOut = try NewVector(values: probe, purpose: .optOut, subject: id.uuidString.lowercased(), takenAt: time, expiresAt: until)
        } catch {
            throw .vault(error)
        }
        return try await stopUse(id, until: until, at: time) { _, _ in [optOut] }
    }

    /// Stops use (Art. 35) for a request whose person is not at hand (one filed through the portal): the repeat
    /// vectors their photo matched when the request was filed become their opt-out entries until `until`, resealed
    /// under the opt-out purpose, and then the repeat data is erased. Camera vectors keep a person out at least as
    /// well as a photo's. Returns the repeat vectors erased.
    ///
    /// - Throws: ``IdentityError/invalidValue(_:)`` when the request matched nobody held for repeat analysis:
    ///   there is then nothing to keep them out with, and the person's photo must be taken in person
    ///   (``stopUse(_:probe:until:at:)``).
    @discardableResult
    public func stopUseFromHeldVectors(_ id: UUID, until: Date, at time: Date = Date()) async throws(IdentityError) -> Int {
        try await stopUse(id, until: until, at: time) { [self] db, request in
            let visitors = request.subjects(.repeatVisit)
            guard !visitors.isEmpty else {
                throw IdentityError.invalidValue(request.photoCompared
                    ? "the request's photo matched no one held for repeat analysis, so nothing is used: answer it by disclosure (nothing held), or take the person's photo in person to put them on the opt-out list ('shoji requests stop --photo')"
                    : "the request came without a photo, so no one can be kept out: ask the person for a photo ('shoji requests stop --photo'), or answer by disclosure")
            }
            let marks = Array(repeating: "?", count: visitors.count).joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: """
                SELECT vector_id, subject_id, deployment_id, key_id, sealed, created_at, expires_at FROM vault_vector
                WHERE tenant_id = ? AND purpose = 'repeat' AND subject_id IN (\(marks)) ORDER BY created_at DESC LIMIT 16
                """, arguments: StatementArguments([tenant] + visitors)).map(SealedRow.init(row:))
            return try rows.map { row in
                try NewVector(values: try unseal(row, purpose: .repeatVisit), purpose: .optOut, subject: id.uuidString.lowercased(),
                              takenAt: time, expiresAt: until)
            }
        }
    }

    /// How long an opt-out holds by default under `deployment`: the manifest's feature-vector retention, and at
    /// least a year, so that a person who asked to be left out is not counted again soon after.
    public static func defaultOptOutDays(_ deployment: ApprovedDeployment) -> Int {
        max(365, deployment.manifest.retention.days(for: .featureVectors) ?? 0)
    }

    /// The common part of a stop of use: in one transaction, the opt-out entries `optOuts` gives for the open
    /// request go in, the matched visitors' repeat data goes out, and the request closes.
    private func stopUse(_ id: UUID, until: Date, at time: Date,
                         optOuts: @escaping @Sendable (Database, RightsRequest) throws -> [NewVector]) async throws(IdentityError) -> Int {
        let user = try requestHandler()
        let erased = try await store.write(IdentityError.self) { [self] db in
            let request = try Self.openRequest(db, tenant: tenant, id: id)
            let entries = try optOuts(db, request)
            for entry in entries { try insert(entry, db) }
            let erased = try Self.eraseVisitors(db, tenant: tenant, visitors: request.subjects(.repeatVisit))
            try Self.bumpGeneration(db, tenant: tenant)
            try Self.close(db, tenant: tenant, id: id, status: .complete, by: user, method: request.requestedMethod,
                           note: "on the opt-out list until \(CalendarDay(until))", at: time)
            try AuditLog.append(db, tenant: tenant, actor: user.actor, action: "request.stop", target: id.uuidString.lowercased(),
                                detail: "\(entries.count) opt-out entries added, \(erased) repeat vectors erased", at: time)
            return erased
        }
        _ = try? await checkpoint()
        return erased
    }

    /// Erases (Art. 35) what is held on the person for repeat analysis: vectors and visits. Watchlist entries are
    /// the privacy officer's decision (`withdrawWatchlistEntry`), and an opt-out stays so that they stay left out.
    /// Closes the request. Returns the vectors erased.
    @discardableResult
    public func eraseData(_ id: UUID, at time: Date = Date()) async throws(IdentityError) -> Int {
        let user = try requestHandler()
        let erased = try await store.write(IdentityError.self) { [tenant] db in
            let request = try Self.openRequest(db, tenant: tenant, id: id)
            let erased = try Self.eraseVisitors(db, tenant: tenant, visitors: request.subjects(.repeatVisit))
            try Self.bumpGeneration(db, tenant: tenant)
            let kept = request.subjects(.watchlist).count
            try Self.close(db, tenant: tenant, id: id, status: .complete, by: user, method: request.requestedMethod,
                           note: kept > 0 ? "\(kept) watchlist entries are reviewed by the privacy officer" : nil, at: time)
            try AuditLog.append(db, tenant: tenant, actor: user.actor, action: "request.erase", target: id.uuidString.lowercased(),
                                detail: "\(erased) vectors erased", at: time)
            return erased
        }
        _ = try? await checkpoint()
        return erased
    }

    /// Refuses a request, recording the reason given to the person.
    public func denyRequest(_ id: UUID, reason: String, at time: Date = Date()) async throws(IdentityError) -> RightsRequest {
        try await store.denyRequest(id, reason: reason, by: try requestHandler(), at: time)
    }

    /// The tenant's requests, newest first (audited).
    public func requests(at time: Date = Date()) async throws(IdentityError) -> [RightsRequest] {
        try await store.requests(by: try requestHandler(), at: time)
    }

    /// Files a request sent through the public portal with a photo: `probe` (the photo's vector, used and
    /// forgotten) is compared with every purpose of the tenant as ``openRequest(_:receivedOn:requestedMethod:probe:threshold:at:)``
    /// does, and what it matched is kept with the request for the operator. The sender learns only the ticket:
    /// whether anything matched is never told to whoever holds a photo.
    public func fileRequest(_ kind: RightsRequest.Kind, contact: String, requestedMethod: String, probe: [Float],
                            threshold: Float, at time: Date = Date()) async throws(IdentityError) -> FiledRequest {
        guard case .requestPortal = access else { throw .vault(.purposeNotPermitted(purpose: .optOut, access: access.description)) }
        guard probe.count == VectorIndex.dimensions, probe.allSatisfy(\.isFinite) else { throw .vault(.invalidVector) }
        let matches = try await subjects(closeTo: probe, threshold: threshold, at: time)
        return try await store.fileRequest(tenant: tenant, deploymentID: deploymentID, kind: kind, contact: contact,
                                           requestedMethod: requestedMethod, matches: matches, actor: actor, at: time)
    }

    // MARK: Helpers

    /// The subjects of every purpose closer to `probe` than `threshold` (at most 8 a purpose).
    private func subjects(closeTo probe: [Float], threshold: Float, at time: Date) async throws(IdentityError) -> [RightsRequest.Match] {
        var matches: [RightsRequest.Match] = []
        for purpose in VaultPurpose.allCases {
            let index: VectorIndex
            do {
                index = try await gallery(purpose, now: time)
            } catch {
                throw .vault(error)
            }
            for match in index.nearestExhaustive(to: probe, count: 8, now: time) where match.distance < threshold {
                matches.append(RightsRequest.Match(purpose: purpose, subject: match.subject, distance: Double(match.distance)))
            }
        }
        return matches
    }

    private func requestHandler() throws(IdentityError) -> AuthenticatedUser {
        guard case .rightsRequests(let user) = access else {
            throw .vault(.purposeNotPermitted(purpose: .optOut, access: access.description))
        }
        return user
    }

    static func request(_ db: Database, tenant: String, id: UUID) throws -> RightsRequest {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(RightsRequest.columns) FROM rights_request WHERE request_id = ? AND tenant_id = ?",
                                         arguments: [id.uuidString.lowercased(), tenant]) else {
            throw IdentityError.notFound(kind: "request", id: id.uuidString.lowercased())
        }
        return try RightsRequest(row: row)
    }

    /// The request, which must still be open.
    static func openRequest(_ db: Database, tenant: String, id: UUID) throws -> RightsRequest {
        let request = try request(db, tenant: tenant, id: id)
        guard request.status == .received else {
            throw IdentityError.wrongState(kind: "request", id: id.uuidString.lowercased(), state: request.status.rawValue, action: "answered again")
        }
        return request
    }

    static func close(_ db: Database, tenant: String, id: UUID, status: RightsRequest.Status, by user: AuthenticatedUser,
                              method: String, note: String?, at time: Date) throws {
        try db.execute(sql: """
            UPDATE rights_request SET status = ?, closed_by = ?, closed_at = ?, answer_method = ?, answer_note = ?
            WHERE request_id = ? AND tenant_id = ?
            """, arguments: [status.rawValue, user.name, time.timeIntervalSince1970, method, note, id.uuidString.lowercased(), tenant])
    }

    private static func eraseVisitors(_ db: Database, tenant: String, visitors: [String]) throws -> Int {
        var erased = 0
        for visitor in visitors {
            try db.execute(sql: "DELETE FROM vault_vector WHERE tenant_id = ? AND subject_id = ? AND purpose = 'repeat'",
                           arguments: [tenant, visitor])
            erased += db.changesCount
            try db.execute(sql: "DELETE FROM repeat_visit WHERE tenant_id = ? AND visitor_id = ?", arguments: [tenant, visitor])
        }
        return erased
    }
}
