import Foundation
import Hummingbird
import ShojiPipeline
import ShojiPolicy
import ShojiRender
import ShojiStore

/// The console: server-rendered pages for signed-in users, Japanese by default, times in the deployment's time
/// zone. Every form carries the CSRF token; every page reading personal data is audited by the store call it makes.
extension ServerRoutes {
    var consoleEndpoints: [Endpoint] {
        [
            Endpoint(.get, "/", .anyone, .page) { _, context in
                Reply.redirect(context.identity == nil ? "/login" : "/console")
            },
            Endpoint(.get, "/login", .anyone, .page) { request, context in
                Reply.html(loginPage(context, next: request.uri.queryParameters["next"].map(String.init), problem: nil))
            },
            Endpoint(.post, "/login", .anyone, .page) { request, context in
                try await login(request, context)
            },
            Endpoint(.post, "/logout", .roles(.everyone), .page) { _, context in
                if let token = context.sessionToken { try await state.store.revokeToken(token) }
                var response = Reply.redirect("/login")
                let expired = Cookie(name: CredentialMiddleware.sessionCookie, value: "", maxAge: 0, path: "/",
                                     secure: state.configuration.servedOverTLS, httpOnly: true, sameSite: .strict)
                response.headers[values: .setCookie].append(expired.description)
                return response
            },
            Endpoint(.get, "/console", .roles(.everyone), .page) { _, context in
                Reply.html(try await overviewPage(context))
            },
            Endpoint(.get, "/console/deployments/:deployment", .roles(.everyone), .page) { _, context in
                let deployment = try state.deployment(context.parameters.get("deployment"), for: context.identity)
                return Reply.html(deploymentPage(deployment, context))
            },
            Endpoint(.get, "/console/deployments/:deployment/charts/:chart", .roles(.statistics), .asset) { _, context in
                let user = try context.requireIdentity()
                let deployment = try state.deployment(context.parameters.get("deployment"), for: user)
                let name = (context.parameters.get("chart") ?? "").replacingOccurrences(of: ".svg", with: "")
                guard let chart = ConsoleChart(rawValue: name) else {
                    throw HTTPError(.notFound, message: "no chart \(name); there are \(ConsoleChart.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let window = chart.window(now: Date())
                let query = ReportQuery(since: window.since, deploymentID: deployment.deploymentID, bucketSeconds: window.bucketSeconds)
                let statistics = try await chartRecords(chart, query: query, tenant: user.tenant)
                let heatmaps = chart == .heatmap ? try await state.records(user.tenant).heatmapTotals(query) : []
                return Reply.svg(chart.render(statistics, heatmaps: heatmaps, zone: state.configuration.timeZone, language: context.language))
            },
            Endpoint(.get, "/console/deployments/:deployment/congestion/:camera", .roles(.statistics), .asset) { _, context in
                let deployment = try state.deployment(context.parameters.get("deployment"), for: try context.requireIdentity())
                // Only a congestion camera of this deployment names a file: no path from the request reaches the disk.
                let camera = (context.parameters.get("camera") ?? "").replacingOccurrences(of: ".svg", with: "")
                guard deployment.permits(.congestion, camera: camera) else {
                    throw HTTPError(.notFound, message: "camera \(camera) of \(deployment.deploymentID) draws no icon map")
                }
                guard let map = IconMapFile.read(camera: camera, in: state.configuration.iconMapFolder) else {
                    throw HTTPError(.notFound, message: "no icon map of \(camera) yet: it is drawn while the camera runs")
                }
                return Reply.svg(map)
            },
            Endpoint(.get, "/console/watchlist", .roles(.personalData), .page, personal: true) { _, context in
                Reply.html(try await watchlistPage(context))
            },
            Endpoint(.post, "/console/watchlist/:deployment/:entry/approve", .roles([.privacyOfficer]), .page) { _, context in
                let user = try context.requireIdentity()
                let deployment = try state.deployment(context.parameters.get("deployment"), for: user)
                _ = try await approveWatchlistEntry(try uuid(context, "entry"), in: deployment, by: user, reviewDays: nil)
                return Reply.redirect("/console/watchlist")
            },
            Endpoint(.get, "/console/alerts", .roles(.personalData), .page, personal: true) { _, context in
                Reply.html(try await alertsPage(context))
            },
            Endpoint(.post, "/console/alerts/:alert/review", .roles(.personalData), .page) { request, context in
                let form = try await decodeForm(AlertReviewForm.self, request, context)
                guard ["confirm", "dismiss"].contains(form.decision) else { throw HTTPError(.badRequest, message: "decide confirm or dismiss") }
                _ = try await state.store.reviewMatchAlert(try uuid(context, "alert"), confirmed: form.decision == "confirm",
                                                           by: try context.requireIdentity())
                return Reply.redirect("/console/alerts")
            },
            Endpoint(.get, "/console/requests", .roles(.personalData), .page, personal: true) { _, context in
                Reply.html(try await requestsPage(context))
            },
            Endpoint(.post, "/console/requests/:request/deny", .roles(.personalData), .page) { request, context in
                let form = try await decodeForm(DenyForm.self, request, context)
                _ = try await state.store.denyRequest(try uuid(context, "request"), reason: form.reason, by: try context.requireIdentity())
                return Reply.redirect("/console/requests")
            },
            Endpoint(.post, "/console/requests/:request/answer", .roles(.personalData), .page) { request, context in
                let form = try await decodeForm(AnswerForm.self, request, context)
                return try await answerRequest(try uuid(context, "request"), form, context)
            },
            Endpoint(.get, "/console/audit", .roles(.audit), .page, personal: true) { _, context in
                Reply.html(try await auditPage(context))
            },
            Endpoint(.get, "/assets/console.css", .anyone, .asset) { _, _ in
                Reply.text(ConsolePages.styleSheet, type: "text/css; charset=utf-8", cacheable: true)
            },
        ]
    }

    /// Only the records `chart` draws, so that a chart costs one query over its own window.
    private func chartRecords(_ chart: ConsoleChart, query: ReportQuery, tenant: String) async throws -> RecordSummary {
        let records = state.records(tenant)
        return RecordSummary(
            lineCrossings: chart == .crossings ? try await records.lineCrossingTotals(query) : [],
            attributes: chart == .attributes ? try await records.attributeTotals(query) : [],
            zoneDwell: chart == .dwell ? try await records.zoneDwellTotals(query) : [],
            zoneTransitions: [], repeatVisits: chart == .repeatRate ? try await records.repeatVisitTotals(query) : [],
            congestion: [], trajectories: 0)
    }

    /// Answers an open request from the console: the disclosure page (to send to the contact the person gave),
    /// or back to the requests page, which shows it closed.
    private func answerRequest(_ id: UUID, _ form: AnswerForm, _ context: ShojiRequestContext) async throws -> Response {
        let user = try context.requireIdentity()
        guard let answer = RequestAnswer(rawValue: form.action) else {
            throw HTTPError(.badRequest, message: "answer with disclose, stop or erase (or refuse with a reason)")
        }
        guard let (disclosure, deployment) = try await answerRequest(id, answer, note: form.note, by: user) else {
            return Reply.redirect("/console/requests")
        }
        return Reply.selfContainedHTML(DisclosurePageRenderer().render(DisclosureDocument(
            disclosure, operatorName: deployment.manifest.operatingEntity.legalEntity, timeZone: state.configuration.timeZone)))
    }

    // MARK: Pages

    private func loginPage(_ context: ShojiRequestContext, next: String?, problem: String?) -> String {
        let tenants = Set(state.deployments.values.map(\.tenant))
        return ConsolePages.render("login", title: context.language.pick("ログイン", "Log in"), context: context, [
            "next": next ?? "/console", "defaultTenant": tenants.count == 1 ? tenants.first ?? "" : "", "problem": problem,
        ])
    }

    private func login(_ request: Request, _ context: ShojiRequestContext) async throws -> Response {
        let form = try await decodeForm(LoginForm.self, request, context)
        guard state.failedLogins.allows(context.clientAddress, record: false) else {
            throw HTTPError(.tooManyRequests, message: "too many failed logins from this address; wait a quarter of an hour")
        }
        let user: AuthenticatedUser
        do {
            user = try await state.store.authenticate(tenant: form.tenant, name: form.name, secret: form.secret)
        } catch {
            state.failedLogins.record(context.clientAddress)
            return Reply.html(loginPage(context, next: form.next, problem: context.language.pick(
                "事業者 ID、ユーザー名またはパスワードが違います。", "The tenant, user or secret is wrong.")), status: .unauthorized)
        }
        let token = try await state.store.issueToken(for: user, kind: .console, lifetime: state.configuration.sessionLifetime)
        // Only a path of this server: an open redirect would let a link send a fresh login elsewhere.
        let next = form.next.flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") && !$0.contains("\\") ? $0 : nil } ?? "/console"
        var response = Reply.redirect(next)
        let cookie = Cookie(name: CredentialMiddleware.sessionCookie, value: token, maxAge: Int(state.configuration.sessionLifetime),
                            path: "/", secure: state.configuration.servedOverTLS, httpOnly: true, sameSite: .strict)
        response.headers[values: .setCookie].append(cookie.description)
        return response
    }

    private func overviewPage(_ context: ShojiRequestContext) async throws -> String {
        let user = try context.requireIdentity()
        let seesStatistics = Set<Role>.statistics.contains(user.role)
        let records = state.records(user.tenant)
        var sites: [[String: Any]] = []
        for deployment in state.deployments(of: user.tenant) {
            let summary = deployment.assessment.summary
            var site: [String: Any] = [
                "id": deployment.deploymentID, "entity": deployment.assessment.operatingEntity,
                "cameras": deployment.cameras.map { ["id": $0.camera, "useCases": $0.useCases.map(\.rawValue).joined(separator: ", ")] },
                "unmet": summary.unmetObligation, "missing": summary.missingItem, "recommendations": summary.recommendation,
                "canSeeStatistics": seesStatistics,
            ]
            if seesStatistics {
                site["charts"] = ConsoleChart.allCases.filter { deployment.permits($0.useCase) }.map {
                    ["chart": $0.rawValue, "alt": $0.title(context.language), "id": deployment.deploymentID]
                }
                let congestion = try await records.latestCongestion(deploymentID: deployment.deploymentID).map { snapshot -> [String: Any] in
                    ["area": snapshot.areaID, "level": snapshot.level.rawValue, "levelName": snapshot.level.name,
                     "people": snapshot.personCount, "time": ConsolePages.time(snapshot.takenAt, in: state.configuration.timeZone)]
                }
                site["congestion"] = congestion
                site["hasCongestion"] = !congestion.isEmpty
                site["iconMaps"] = deployment.cameras.filter { $0.useCases.contains(.congestion) }.map {
                    ["camera": $0.camera, "id": deployment.deploymentID]
                }
            }
            sites.append(site)
        }
        let cameras = cameraStatus(of: user.tenant)
        return ConsolePages.render("overview", title: context.language.pick("概要", "Overview"), context: context, [
            "deployments": sites, "cameraStatus": cameras.map { ["deploymentID": $0.deploymentID, "cameraID": $0.cameraID, "state": $0.state,
                                                                 "framesProcessed": $0.framesProcessed, "framesDropped": $0.framesDropped] },
            "hasCameras": !cameras.isEmpty,
        ])
    }

    private func deploymentPage(_ deployment: ApprovedDeployment, _ context: ShojiRequestContext) -> String {
        let english = context.language == .english
        let findings = deployment.assessment.findings.filter { $0.status != .notApplicable }.map { finding -> [String: Any] in
            ["ruleId": finding.ruleId, "status": english ? finding.status.title.en : finding.status.title.ja, "statusKey": finding.status.rawValue,
             "title": english ? finding.title.en : finding.title.ja, "reason": english ? finding.reason.en : finding.reason.ja]
        }
        return ConsolePages.render("deployment", title: deployment.deploymentID, context: context, [
            "id": deployment.deploymentID, "entity": deployment.assessment.operatingEntity, "sha": deployment.manifestSHA256,
            "approvedAt": ConsolePages.time(deployment.approvedAt, in: state.configuration.timeZone), "findings": findings,
        ])
    }

    private func watchlistPage(_ context: ShojiRequestContext) async throws -> String {
        let user = try context.requireIdentity()
        var sections: [[String: Any]] = []
        for deployment in state.deployments(of: user.tenant) where deployment.permits(.watchlist) {
            var section: [String: Any] = ["deployment": deployment.deploymentID]
            do {
                let entries = try await state.vault(deployment, .watchlistRegistration(user)).watchlistEntries()
                section["entries"] = entries.filter { $0.deploymentID == deployment.deploymentID }.map { entry -> [String: Any] in
                    ["id": entry.entryID.uuidString.lowercased(), "category": entry.category, "evidence": entry.evidence,
                     "evidenceDate": entry.evidenceDate, "registeredBy": entry.registeredBy,
                     "registeredAt": ConsolePages.time(entry.registeredAt, in: state.configuration.timeZone),
                     "status": entry.status.rawValue, "pending": entry.status == .pending && user.role == .privacyOfficer,
                     "deployment": deployment.deploymentID]
                }
            } catch {
                section["problem"] = ErrorMiddleware.classify(error).1
            }
            sections.append(section)
        }
        return ConsolePages.render("watchlist", title: context.language.pick("登録リスト", "Watchlist"), context: context, ["sections": sections])
    }

    private func alertsPage(_ context: ShojiRequestContext) async throws -> String {
        let alerts = try await state.store.matchAlerts(by: try context.requireIdentity()).map { alert -> [String: Any] in
            ["id": alert.alertID.uuidString.lowercased(), "time": ConsolePages.time(alert.matchedAt, in: state.configuration.timeZone),
             "deployment": alert.deploymentID, "camera": alert.cameraID, "entry": alert.entryID.uuidString.lowercased(),
             "distance": String(format: "%.3f", alert.distance)]
        }
        return ConsolePages.render("alerts", title: context.language.pick("照合アラート", "Match alerts"), context: context,
                                   ["alerts": alerts, "hasAlerts": !alerts.isEmpty])
    }

    private func requestsPage(_ context: ShojiRequestContext) async throws -> String {
        let today = CalendarDay(Date())
        let requests = try await state.store.requests(by: try context.requireIdentity()).map { request -> [String: Any] in
            // APPI Art. 33(2) and the PPC guidelines: answer without delay; two weeks is the usual yardstick.
            let deadline = CalendarDay(request.receivedOn).map { $0.adding(days: 14) }
            return ["id": request.requestID.uuidString.lowercased(), "ticket": request.ticket ?? "-", "kind": request.kind.rawValue,
                    "received": request.receivedOn, "deadline": deadline?.description ?? "-", "contact": request.contact ?? "-",
                    "status": request.status.rawValue, "open": request.status == .received,
                    "overdue": request.status == .received && (deadline.map { $0 < today } ?? false),
                    "lookup": request.photoCompared ? context.language.pick("写真照合: \(request.matches.count) 件一致", "photo: \(request.matches.count) matched")
                                                    : context.language.pick("写真なし", "no photo"),
                    "canStop": !request.subjects(.repeatVisit).isEmpty,
                    "note": request.answerNote ?? ""]
        }
        return ConsolePages.render("requests", title: context.language.pick("開示等の請求", "Requests"), context: context,
                                   ["requests": requests, "hasRequests": !requests.isEmpty])
    }

    private func auditPage(_ context: ShojiRequestContext) async throws -> String {
        let audit = try await auditLog(read: try context.requireIdentity(), recent: 200)
        let verification = audit.intact
            ? context.language.pick("ハッシュチェーンは完全です(\(audit.entries) 件、先頭 \(audit.head ?? ""))",
                                    "The hash chain holds (\(audit.entries) entries, head \(audit.head ?? ""))")
            : context.language.pick("ハッシュチェーンが壊れています: ", "The hash chain is broken: ") + (audit.problem ?? "")
        return ConsolePages.render("audit", title: context.language.pick("監査ログ", "Audit log"), context: context, [
            "intact": audit.intact, "verification": verification,
            "entries": audit.recent.map { ["sequence": $0.sequence, "time": ConsolePages.time($0.recordedAt, in: state.configuration.timeZone),
                                           "actor": $0.actor, "action": $0.action, "target": $0.target, "detail": $0.detail] },
        ])
    }

    /// A form body (URL-encoded or multipart) as `type`; 400 when a field is missing or wrong.
    func decodeForm<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ShojiRequestContext) async throws -> T {
        var request = request
        let (body, boundary) = try await FormBody.collect(&request, context: context)
        return try FormBody.decode(type, from: body, boundary: boundary)
    }
}
