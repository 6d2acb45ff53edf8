import Foundation
import Hummingbird
import ShojiPolicy
import ShojiStore

/// The console's incident pages (APPI Art. 26): the privacy officer or operator pastes the incident file that
/// `shoji incident assess` reads; the console shows each recorded incident with its verdict, its deadlines
/// (overdue ones marked) and the draft report, all derived from the file as recorded.
extension ServerRoutes {
    /// Who reads incidents: those who record them and auditors.
    static let incidentReaders: Set<Role> = [.privacyOfficer, .operator, .auditor]

    var incidentEndpoints: [Endpoint] {
        [
            Endpoint(.get, "/console/incidents", .roles(Self.incidentReaders), .page) { _, context in
                Reply.html(try await incidentsPage(context, draft: nil, problem: nil))
            },
            Endpoint(.post, "/console/incidents", .roles([.privacyOfficer, .operator]), .page) { request, context in
                let form = try await decodeForm(IncidentForm.self, request, context)
                let incident: Incident
                do {
                    incident = try Incident.decode(yaml: form.document, file: "the incident")
                } catch {
                    return Reply.html(try await incidentsPage(context, draft: form.document, problem: String(describing: error)), status: .badRequest)
                }
                let recorded = try await state.store.recordIncident(id: incident.id, document: form.document, by: try context.requireIdentity())
                return Reply.redirect("/console/incidents/\(Self.pathSegment(recorded.incidentID))")
            },
            Endpoint(.get, "/console/incidents/:incident", .roles(Self.incidentReaders), .page) { _, context in
                let recorded = try await state.store.incident(try context.parameters.require("incident"), by: try context.requireIdentity())
                return Reply.html(try incidentPage(recorded, context))
            },
        ]
    }

    private func incidentsPage(_ context: ShojiRequestContext, draft: String?, problem: String?) async throws -> String {
        let user = try context.requireIdentity()
        let today = CalendarDay(Date())
        let incidents = try await state.store.incidents(by: user).map { recorded -> [String: Any] in
            guard let incident = try? Incident.decode(yaml: recorded.document) else {
                return ["id": recorded.incidentID, "path": Self.pathSegment(recorded.incidentID), "verdict": "?", "next": "-"]
            }
            let assessment = IncidentAssessment(incident: incident)
            let open = assessment.deadlines.first { $0.doneOn == nil }
            return ["id": recorded.incidentID, "path": Self.pathSegment(recorded.incidentID), "summary": incident.summary,
                    "aware": incident.awareOn.description, "verdict": Self.verdict(assessment, context.language),
                    "next": open.map { "\($0.what[context.language.policyLanguage]) — \($0.due)" } ?? context.language.pick("なし", "none"),
                    "overdue": open.map { $0.due < today } ?? false]
        }
        return ConsolePages.render("incidents", title: context.language.pick("漏えい等事案", "Incidents"), context: context, [
            "incidents": incidents, "hasIncidents": !incidents.isEmpty, "problem": problem, "draft": draft,
            "canRecord": user.role != .auditor,
        ])
    }

    private func incidentPage(_ recorded: RecordedIncident, _ context: ShojiRequestContext) throws -> String {
        let incident: Incident
        do {
            incident = try Incident.decode(yaml: recorded.document)
        } catch {
            throw HTTPError(.conflict, message: "the recorded incident file no longer reads (\(error)); record it again")
        }
        let assessment = IncidentAssessment(incident: incident)
        let language = context.language.policyLanguage
        let today = CalendarDay(Date())
        let deadlines = assessment.deadlines.map { deadline -> [String: Any] in
            ["what": deadline.what[language], "target": deadline.target?.description ?? "-", "due": deadline.due.description,
             "done": deadline.doneOn?.description ?? "-", "late": deadline.late || (deadline.doneOn == nil && deadline.due < today)]
        }
        return ConsolePages.render("incident", title: recorded.incidentID, context: context, [
            "id": recorded.incidentID, "verdict": Self.verdict(assessment, context.language), "reason": assessment.reason[language],
            "deadlines": deadlines, "hasDeadlines": !deadlines.isEmpty, "report": assessment.text(language),
            "recordedBy": recorded.recordedBy, "recordedAt": ConsolePages.time(recorded.recordedAt, in: state.configuration.timeZone),
            "document": recorded.document,
        ])
    }

    private static func verdict(_ assessment: IncidentAssessment, _ language: ConsoleLanguage) -> String {
        assessment.reportable ? language.pick("報告対象", "reportable") : language.pick("報告対象外", "not reportable")
    }

    /// An incident id as one path segment.
    private static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? id
    }
}
