import Foundation
import Hummingbird
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
            Endpoint(.get, "/api/v1/audit", .roles(.audit), .api, personal: true) { _, context in
                Reply.json(try await auditLog(read: try context.requireIdentity(), recent: 200))
            },
            Endpoint(.post, "/api/v1/public/requests", .anyone, .api) { request, context in
                let body = try await decode(PublicRequestBody.self, request, context)
                let filed = try await fileRequest(deploymentID: body.deploymentID, kind: body.kind, contact: body.contact,
                                                  method: body.answerMethod ?? "electronic", client: context.clientAddress)
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
                        records: try await state.store.records(of: tenant).summary(query))
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

    /// Files a person's request through the portal, within the per-address rate limit.
    func fileRequest(deploymentID: String, kind: RightsRequest.Kind, contact: String, method: String,
                     client: String) async throws -> FiledRequest {
        let deployment = try state.deployment(deploymentID, for: nil)
        guard state.publicRequests.allows(client) else {
            throw HTTPError(.tooManyRequests, message: "too many requests from this address; try again in an hour, or use the contact on the notice page")
        }
        return try await state.store.fileRequest(about: deployment, kind: kind, contact: contact, requestedMethod: method)
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
