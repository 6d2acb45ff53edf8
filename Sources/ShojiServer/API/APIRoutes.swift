import Foundation
import Hummingbird
import ShojiPipeline
import ShojiPolicy
import ShojiStore

/// The JSON API under `/api/v1`, described by `docs/openapi.yaml`. Every route reads the signed-in user's tenant
/// only; a deployment of another tenant answers 404.
extension ServerRoutes {
    var apiEndpoints: [Endpoint] {
        [
            Endpoint(.get, "/api/v1/deployments", .roles(.everyone), .api) { _, context in
                let user = try context.requireIdentity()
                return Reply.json(state.deployments(of: user.tenant).map { DeploymentSummary($0, baseURL: state.baseURL) })
            },
            Endpoint(.get, "/api/v1/deployments/:deployment/assessment", .roles(.everyone), .api) { _, context in
                let deployment = try state.deployment(context.parameters.get("deployment"), for: try context.requireIdentity())
                return Reply.json(deployment.assessment)
            },
            Endpoint(.get, "/api/v1/deployments/:deployment/statistics", .roles(.statistics), .api) { request, context in
                let user = try context.requireIdentity()
                let deployment = try state.deployment(context.parameters.get("deployment"), for: user)
                let query = try StatisticsQuery(request.uri.queryParameters, deploymentID: deployment.deploymentID).reportQuery
                return Reply.json(try await statistics(of: deployment, query: query, tenant: user.tenant))
            },
            Endpoint(.get, "/api/v1/status", .roles(.operations), .api) { _, context in
                let user = try context.requireIdentity()
                return Reply.json(cameraStatus(of: user.tenant))
            },
            Endpoint(.get, "/api/v1/deployments/:deployment/watchlist", .roles(.personalData), .api, personal: true) { _, context in
                let user = try context.requireIdentity()
                let deployment = try state.deployment(context.parameters.get("deployment"), for: user)
                return Reply.json(try await state.vault(deployment, .watchlistRegistration(user)).watchlistEntries())
            },
            Endpoint(.post, "/api/v1/deployments/:deployment/watchlist/:entry/approve", .roles([.privacyOfficer]), .api) { request, context in
                let user = try context.requireIdentity()
                let deployment = try state.deployment(context.parameters.get("deployment"), for: user)
                let body = try await decodeOptional(ApprovalBody.self, request, context)
                return Reply.json(try await approveWatchlistEntry(try uuid(context, "entry"), in: deployment, by: user,
                                                                  reviewDays: body?.reviewDays))
            },
            Endpoint(.get, "/api/v1/alerts", .roles(.personalData), .api, personal: true) { request, context in
                let user = try context.requireIdentity()
                let all = request.uri.queryParameters["all"] == "true"
                return Reply.json(try await state.store.matchAlerts(by: user, all: all))
            },
            Endpoint(.post, "/api/v1/alerts/:alert/review", .roles(.personalData), .api) { request, context in
                let user = try context.requireIdentity()
                let body = try await decode(ReviewBody.self, request, context)
                return Reply.json(try await state.store.reviewMatchAlert(try uuid(context, "alert"), confirmed: body.confirmed, by: user))
            },
            Endpoint(.get, "/api/v1/requests", .roles(.personalData), .api, personal: true) { _, context in
                Reply.json(try await state.store.requests(by: try context.requireIdentity()))
            },
            Endpoint(.post, "/api/v1/requests/:request/deny", .roles(.personalData), .api) { request, context in
                let user = try context.requireIdentity()
                let body = try await decode(DenyBody.self, request, context)
                return Reply.json(try await state.store.denyRequest(try uuid(context, "request"), reason: body.reason, by: user))
            },
            Endpoint(.post, "/api/v1/requests/:request/answer", .roles(.personalData), .api) { request, context in
                let body = try await decode(AnswerBody.self, request, context)
                let answered = try await answerRequest(try uuid(context, "request"), body.action, note: body.note, by: try context.requireIdentity())
                return Reply.json(AnswerReply(disclosure: answered?.0))
            },
            Endpoint(.get, "/api/v1/audit", .roles(.audit), .api, personal: true) { _, context in
                Reply.json(try await auditLog(read: try context.requireIdentity(), recent: 200))
            },
            Endpoint(.post, "/api/v1/public/requests", .anyone, .api) { request, context in
                let body = try await decode(PublicRequestBody.self, request, context)
                let (filed, _) = try await fileRequest(deploymentID: body.deploymentID, kind: body.kind, contact: body.contact,
                                                       method: body.answerMethod ?? "electronic", photo: nil, client: context.clientAddress)
                return Reply.json(TicketReply(ticket: filed.ticket, statusURL: "\(state.baseURL)/requests/\(filed.ticket)"),
                                  status: .created)
            },
            Endpoint(.get, "/api/v1/public/requests/:ticket", .anyone, .api) { _, context in
                Reply.json(try await state.store.requestProgress(ticket: try context.parameters.require("ticket")))
            },
            Endpoint(.get, "/metrics", .roles(.operations), .asset) { _, _ in
                state.metrics.recordPipelines(state.pipelines)
                return Reply.text(state.metrics.text(), type: "text/plain; version=0.0.4; charset=utf-8")
            },
        ]
    }

    // MARK: Shared by the API and the console

    /// The aggregates of `deployment` in the query's window, read through the tenant's records only.
    func statistics(of deployment: ApprovedDeployment, query: ReportQuery, tenant: String) async throws -> StatisticsReply {
        StatisticsReply(deploymentID: deployment.deploymentID, since: query.since, until: query.until,
                        records: try await state.records(tenant).summary(query))
    }

    /// The hosted cameras of `tenant`.
    func cameraStatus(of tenant: String) -> [CameraStatusReply] {
        state.cameraStatus.filter { state.deployments[$0.deployment]?.tenant == tenant }.flatMap { deployment, statuses in
            statuses.map {
                CameraStatusReply(deploymentID: deployment, cameraID: $0.id, state: $0.state.rawValue, framesRead: $0.framesRead,
                                  framesProcessed: $0.framesProcessed, framesDropped: $0.framesDropped, people: $0.people,
                                  problem: $0.problem)
            }
        }
    }

    /// Approves a pending watchlist entry: the vault refuses the person who registered it (two-person rule).
    func approveWatchlistEntry(_ id: UUID, in deployment: ApprovedDeployment, by user: AuthenticatedUser,
                               reviewDays: Int?) async throws -> WatchlistEntry {
        let days = reviewDays ?? deployment.manifest.watchlist?.reviewDays ?? 90
        guard (1...365).contains(days) else { throw HTTPError(.badRequest, message: "reviewDays must be 1 to 365") }
        return try await state.vault(deployment, .watchlistRegistration(user))
            .approveWatchlistEntry(id, reviewAt: Date().addingTimeInterval(TimeInterval(days) * 86_400))
    }

    /// The tenant's audit log with its verification; the read itself is audited.
    func auditLog(read user: AuthenticatedUser, recent: Int) async throws -> AuditReply {
        let verification = try await state.store.verifyAuditLog(tenant: user.tenant)
        let entries = try await state.store.auditEntries(tenant: user.tenant)
        try await state.store.audit(tenant: user.tenant, actor: user.actor, action: "audit.read", detail: "\(entries.count) entries")
        switch verification {
        case .intact(let count, let head):
            return AuditReply(intact: true, entries: count, head: head, problem: nil, recent: Array(entries.suffix(recent).reversed()))
        case .broken(let at, let problem):
            return AuditReply(intact: false, entries: entries.count, head: nil, problem: "entry \(at): \(problem)",
                              recent: Array(entries.suffix(recent).reversed()))
        }
    }

    /// Files a person's request through the portal, within the per-address rate limit. With a `photo` (an
    /// encoded image, in memory only) and a deployment that identifies people, the photo's face is compared with
    /// what the tenant holds and the matches are kept with the request for the operator; the sender learns only
    /// the ticket. A deployment that identifies no one holds no face data, so its requests need no photo: one sent
    /// is dropped unread (`photoUsed` false).
    func fileRequest(deploymentID: String, kind: RightsRequest.Kind, contact: String, method: String, photo: Data?,
                     client: String) async throws -> (filed: FiledRequest, photoUsed: Bool) {
        let deployment = try state.deployment(deploymentID, for: nil)
        guard state.publicRequests.allows(client) else {
            throw HTTPError(.tooManyRequests, message: "too many requests from this address; try again in an hour, or use the contact on the notice page")
        }
        guard let photo, !photo.isEmpty, DeploymentRuntime.identifiesPeople(deployment) else {
            return (try await state.store.fileRequest(about: deployment, kind: kind, contact: contact, requestedMethod: method), false)
        }
        let probe: [Float]
        do {
            probe = try await state.portalPhotos.vector(of: photo)
        } catch {
            if case .unavailable(let reason) = error { state.logger.error("portal photo lookup unavailable: \(reason)") }
            throw PortalPhotos.Rejected(problem: error)
        }
        let vault = try state.vault(deployment, .requestPortal)
        let filed = try await vault.fileRequest(kind, contact: contact, requestedMethod: method, probe: probe,
                                                threshold: Float(MatchThreshold.requests.ceiling))
        return (filed, true)
    }

    /// Answers an open request as the person asked (the vault does the work and audits it, as `shoji requests`
    /// does): a disclosure returns what is held and the deployment it was read under; a stop of use or an erasure
    /// returns nil. A stop uses the repeat vectors the request's photo matched as the opt-out entries.
    func answerRequest(_ id: UUID, _ answer: RequestAnswer, note: String?,
                       by user: AuthenticatedUser) async throws -> (Disclosure, ApprovedDeployment)? {
        // Requests are the tenant's, not a site's: any deployment of the tenant that identifies people opens the vault.
        guard let deployment = state.deployments(of: user.tenant).first(where: DeploymentRuntime.identifiesPeople) else {
            throw HTTPError(.conflict, message: "no deployment of \(user.tenant) identifies people, so no personal data is held: refuse the request with a reason that says so")
        }
        let vault = try state.vault(deployment, .rightsRequests(user))
        let note = note.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : String($0.prefix(500)) }
        switch answer {
        case .disclose:
            return (try await vault.disclose(id, answerMethod: note == nil ? "as asked" : "other", note: note), deployment)
        case .stop:
            let days = FeatureVault.defaultOptOutDays(deployment)
            _ = try await vault.stopUseFromHeldVectors(id, until: Date().addingTimeInterval(TimeInterval(days) * 86_400))
        case .erase:
            _ = try await vault.eraseData(id)
        }
        return nil
    }

    // MARK: Request helpers

    /// The JSON body as `type`; 415 unless it is JSON (which a cross-site form cannot send), 400 when it does not fit.
    func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ShojiRequestContext) async throws -> T {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw HTTPError(.unsupportedMediaType, message: "send the body as application/json")
        }
        return try await request.decode(as: type, context: context)
    }

    /// The JSON body as `type`, or nil when the request has no body.
    func decodeOptional<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ShojiRequestContext) async throws -> T? {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard body.readableBytes > 0 else { return nil }
        return try await decode(type, request, context)
    }

    /// The path parameter `name` as a UUID; 400 otherwise.
    func uuid(_ context: ShojiRequestContext, _ name: String) throws -> UUID {
        guard let text = context.parameters.get(name), let id = UUID(uuidString: text) else {
            throw HTTPError(.badRequest, message: "\(name) must be a UUID")
        }
        return id
    }
}
