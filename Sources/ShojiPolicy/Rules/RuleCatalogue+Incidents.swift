extension RuleCatalogue {
    /// Readiness for incidents. Individual incidents are assessed by `IncidentAssessment` (APPI Art. 26; PPC
    /// Rules Art. 7–10).
    static let incidentRules: [Rule] = [
        Rule(
            id: "INC-01", chapter: .incidents,
            title: L("漏えい等の発覚時の対応手順（報告・通知を含む）を定めること", "Have a procedure for leaks, including reports and notices"),
            sources: [.gl3_5_2, .art26], strength: .legalObligation,
            applies: { context in personalDatabaseApplies(context) },
            check: { context in
                .when(context.manifest.security.incidentPlan,
                      yes: ("漏えい等対応手順があり、`shoji incident assess` で報告要否と期限を判定できます。", "An incident procedure exists; `shoji incident assess` decides reporting and deadlines."),
                      no: ("漏えい等対応手順が定められていません。", "No incident procedure is defined."),
                      missing: ["security.incident_plan"])
            },
            remedy: L("社内報告・被害拡大防止、事実調査、影響範囲の特定、再発防止、委員会報告・本人通知の手順を定めてください。", "Define internal reporting and containment, fact-finding, scope, prevention, and PPC report and notice steps.")),
    ]
}
