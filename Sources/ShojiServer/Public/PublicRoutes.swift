import Foundation
import Hummingbird
import ShojiPolicy
import ShojiRender
import ShojiStore

/// The pages anyone may open without logging in: each deployment's prior-notice page (what the sign's QR code
/// opens when the sign points at this server), its sign, and the request portal with its ticket pages.
extension ServerRoutes {
    var publicEndpoints: [Endpoint] {
        [
            Endpoint(.get, "/notice/:deployment", .anyone, .page) { _, context in
                let deployment = try state.deployment(context.parameters.get("deployment"), for: nil)
                return Reply.selfContainedHTML(try NoticePageRenderer().render(try noticeContent(deployment)))
            },
            Endpoint(.get, "/notice/:deployment/sign.svg", .anyone, .asset) { _, context in
                let deployment = try state.deployment(context.parameters.get("deployment"), for: nil)
                return Reply.svg(try SignRenderer().render(try noticeContent(deployment)))
            },
            Endpoint(.get, "/requests/new", .anyone, .page) { request, context in
                Reply.html(requestFormPage(context, selected: request.uri.queryParameters["deployment"].map(String.init), problem: nil))
            },
            Endpoint(.post, "/requests", .anyone, .page) { request, context in
                let form = try await decodeForm(RequestForm.self, request, context)
                guard let kind = RightsRequest.Kind(rawValue: form.kind) else {
                    throw HTTPError(.badRequest, message: "kind must be disclosure, stop or erasure")
                }
                let method = form.method ?? "electronic"
                guard ["electronic", "paper"].contains(method) else { throw HTTPError(.badRequest, message: "method must be electronic or paper") }
                do {
                    let (filed, photoUsed) = try await fileRequest(deploymentID: form.deployment, kind: kind, contact: form.contact,
                                                                   method: method, photo: form.photo, client: context.clientAddress)
                    let photoNote = form.photo.map { $0.isEmpty ? "" : (photoUsed ? "&photo=compared" : "&photo=unused") } ?? ""
                    return Reply.redirect("/requests/\(filed.ticket)?filed=1\(photoNote)")
                } catch let error as IdentityError {
                    return Reply.html(requestFormPage(context, selected: form.deployment, problem: error.description), status: .badRequest)
                } catch let rejected as PortalPhotos.Rejected {
                    let status: HTTPResponse.Status
                    if case .unavailable = rejected.problem { status = .serviceUnavailable } else { status = .badRequest }
                    return Reply.html(requestFormPage(context, selected: form.deployment, problem: rejected.problem.description), status: status)
                }
            },
            Endpoint(.get, "/requests/:ticket", .anyone, .page) { request, context in
                let ticket = try context.parameters.require("ticket")
                let progress = try await state.store.requestProgress(ticket: ticket)
                let labels = ConsoleLabels.labels(context.language)
                let kindName = ["disclosure": labels["kindDisclosure"], "stop": labels["kindStop"], "erasure": labels["kindErasure"]]
                return Reply.html(ConsolePages.render("ticket", title: ticket, context: context, [
                    "ticket": ticket.uppercased(), "filed": request.uri.queryParameters["filed"] != nil,
                    "photoCompared": request.uri.queryParameters["photo"] == "compared",
                    "photoUnused": request.uri.queryParameters["photo"] == "unused",
                    "kind": (kindName[progress.kind.rawValue] ?? nil) ?? progress.kind.rawValue, "received": progress.receivedOn,
                    "status": Self.statusName(progress.status, context.language),
                    "closed": progress.closedAt.map { ConsolePages.time($0, in: state.configuration.timeZone) },
                ]))
            },
        ]
    }

    /// The notice content of `deployment`, its URL pointing at this server.
    private func noticeContent(_ deployment: ApprovedDeployment) throws -> NoticeContent {
        var content = try NoticeContent(manifest: deployment.manifest)
        content.noticeURL = "\(state.baseURL)/notice/\(deployment.deploymentID)"
        return content
    }

    private func requestFormPage(_ context: ShojiRequestContext, selected: String?, problem: String?) -> String {
        let deployments = state.deployments.values.sorted { $0.deploymentID < $1.deploymentID }.map { deployment -> [String: Any] in
            ["id": deployment.deploymentID, "name": "\(deployment.assessment.operatingEntity) — \(deployment.deploymentID)",
             "selected": deployment.deploymentID == selected]
        }
        return ConsolePages.render("requestForm", title: context.language.pick("開示等の請求", "Request"), context: context,
                                   ["deployments": deployments, "problem": problem])
    }

    private static func statusName(_ status: RightsRequest.Status, _ language: ConsoleLanguage) -> String {
        switch status {
        case .received: language.pick("受付済み・対応中", "received, being handled")
        case .complete: language.pick("回答済み", "answered")
        case .denied: language.pick("回答済み(理由を付して不開示等)", "answered (refused, with the reason)")
        }
    }
}
