import Foundation

/// Whether an incident must be reported (APPI Art. 26; PPC Rules Art. 7–10), under which categories, by when,
/// to whom, and a draft of the report's items.
public struct IncidentAssessment: Sendable, Codable, Hashable {
    /// A reportable category (PPC Rules Art. 7, old Art. 6-2).
    public enum Category: String, Sendable, Codable, CaseIterable {
        /// (i) 要配慮個人情報 is involved.
        case sensitive
        /// (ii) unauthorised use could cause financial damage.
        case financialLoss = "financial_loss"
        /// (iii) it may have been caused with an improper purpose (不正の目的).
        case improperPurpose = "improper_purpose"
        /// (iv) more than 1,000 persons (「千人を超える」).
        case overThousand = "over_1000"

        /// The category's description.
        public var title: LocalizedText {
            switch self {
            case .sensitive: LocalizedText(ja: "要配慮個人情報を含む（規則7条1号）", en: "involves sensitive personal information (Rules Art. 7(i))")
            case .financialLoss: LocalizedText(ja: "不正利用により財産的被害が生じるおそれ（規則7条2号）", en: "unauthorised use may cause financial loss (Rules Art. 7(ii))")
            case .improperPurpose: LocalizedText(ja: "不正の目的をもって行われたおそれ（規則7条3号）", en: "may have been caused with an improper purpose (Rules Art. 7(iii))")
            case .overThousand: LocalizedText(ja: "本人の数が千人を超える（規則7条4号）", en: "more than 1,000 persons (Rules Art. 7(iv))")
            }
        }
    }

    /// Who must be told.
    public enum Recipient: String, Sendable, Codable, CaseIterable {
        /// The Personal Information Protection Commission.
        case ppc
        /// The persons concerned (or an alternative measure such as publication where notice is difficult).
        case persons
        /// The controller, when the reporter is its processor (Art. 26(1) proviso; Rules Art. 9).
        case controller
    }

    /// A deadline.
    public struct Deadline: Sendable, Codable, Hashable {
        /// What is due.
        public let what: LocalizedText
        /// The target day (e.g. 3 days for a preliminary report), when the law gives a range.
        public let target: CalendarDay?
        /// The last day.
        public let due: CalendarDay
        /// The day it was done, if known.
        public let doneOn: CalendarDay?
        /// Whether it was done after the last day.
        public let late: Bool
    }

    /// One item of the report (PPC Rules Art. 8(1)).
    public struct ReportItem: Sendable, Codable, Hashable {
        /// The item number (1–9).
        public let number: Int
        /// The item's name.
        public let title: LocalizedText
        /// The draft content from the incident file; nil when still to be filled.
        public let draft: String?
        /// Whether the notice to the persons must include it (Rules Art. 10).
        public let inPersonsNotice: Bool
    }

    /// The incident's id.
    public let incidentId: String
    /// Controller or processor.
    public let role: Incident.Role
    /// The reportable categories found (empty when none).
    public let categories: [Category]
    /// Whether high-grade encryption with a safe key takes the incident out of the duty.
    public let excludedByEncryption: Bool
    /// Whether a report (or, for a processor, a notice to the controller) is required.
    public let reportable: Bool
    /// Why.
    public let reason: LocalizedText
    /// Who must be told.
    public let recipients: [Recipient]
    /// The deadlines.
    public let deadlines: [Deadline]
    /// The report's items, drafted from the incident file.
    public let reportItems: [ReportItem]
    /// The sources relied on.
    public let sources: [Source]

    /// The categories that apply to `incident`, before the encryption exclusion.
    public static func categories(of incident: Incident) -> [Category] {
        var found: [Category] = []
        if incident.personalData && incident.dataKinds.contains(where: \.isSensitive) { found.append(.sensitive) }
        if incident.personalData && incident.dataKinds.contains(where: \.mayCauseFinancialLoss) { found.append(.financialLoss) }
        if incident.cause.mayBeImproperPurpose { found.append(.improperPurpose) }
        if incident.personalData && incident.personsAffected > 1000 { found.append(.overThousand) }
        return found
    }

    /// Assesses `incident`.
    public init(incident: Incident) {
        incidentId = incident.id
        role = incident.role
        let found = Self.categories(of: incident)
        categories = found
        excludedByEncryption = incident.highGradeEncryption && incident.keySafe
        reportable = !found.isEmpty && !excludedByEncryption
        sources = [
            .art26,
            Source(kind: .ppcRules, reference: "Art. 7", former: "Art. 6-2"),
            Source(kind: .ppcRules, reference: "Art. 8", former: "Art. 6-3"),
            Source(kind: .ppcRules, reference: "Art. 9", former: "Art. 6-4"),
            Source(kind: .ppcRules, reference: "Art. 10", former: "Art. 6-5"),
            Source(kind: .ppcGuidelines, reference: "3-5-3-3, 3-5-3-4, 3-5-3-5"),
            .gl3_5_2,
        ]
        if excludedByEncryption {
            reason = L("高度な暗号化等の措置が講じられ、復号鍵も漏えいしていないため、報告・本人通知の対象外です（規則7条括弧書）。社内対応（GL 3-5-2）は必要です。",
                       "High-grade encryption protected the data and the key is safe: no report or notice is required (Rules Art. 7, parenthetical). Internal response (GL 3-5-2) is still required.")
        } else if found.isEmpty {
            reason = L("報告対象の事態（要配慮・財産的被害・不正の目的・千人超）のいずれにも当たりません（本人の数：\(incident.personsAffected)人）。社内対応（GL 3-5-2）は必要です。",
                       "None of the reportable categories (sensitive, financial loss, improper purpose, over 1,000 persons) applies (persons: \(incident.personsAffected)). Internal response (GL 3-5-2) is still required.")
        } else if incident.role == .processor {
            reason = L("報告対象の事態です：\(found.map(\.title.ja).joined(separator: "、"))。委託先は委託元（\(incident.controller ?? "")）に速やかに通知すれば報告義務を免れます（法26条1項ただし書、規則9条）。",
                       "Reportable: \(found.map(\.title.en).joined(separator: "; ")). As a processor, notifying the controller (\(incident.controller ?? "")) promptly discharges the duty (Art. 26(1) proviso; Rules Art. 9).")
        } else {
            reason = L("報告対象の事態です：\(found.map(\.title.ja).joined(separator: "、"))。委員会への速報・確報と本人への通知が必要です。",
                       "Reportable: \(found.map(\.title.en).joined(separator: "; ")). A preliminary and a final report to the PPC and notice to the persons are required.")
        }
        let aware = incident.awareOn
        func deadline(_ what: LocalizedText, target: Int?, due: Int, doneOn: CalendarDay?) -> Deadline {
            let last = aware.adding(days: due)
            return Deadline(what: what, target: target.map { aware.adding(days: $0) }, due: last, doneOn: doneOn, late: doneOn.map { $0 > last } ?? false)
        }
        if !reportable {
            recipients = []
            deadlines = []
        } else if incident.role == .processor {
            recipients = [.controller]
            deadlines = [deadline(L("委託元への通知（速やかに、目安3〜5日）", "Notice to the controller (promptly, about 3–5 days)"), target: 3, due: 5, doneOn: incident.preliminaryReportOn)]
        } else {
            recipients = [.ppc, .persons]
            let finalDays = found.contains(.improperPurpose) ? 60 : 30
            deadlines = [
                deadline(L("委員会への速報（速やかに、目安3〜5日）", "Preliminary report to the PPC (promptly, about 3–5 days)"), target: 3, due: 5, doneOn: incident.preliminaryReportOn),
                deadline(L("委員会への確報（\(finalDays)日以内）", "Final report to the PPC (within \(finalDays) days)"), target: nil, due: finalDays, doneOn: incident.finalReportOn),
            ]
        }
        let items: [(LocalizedText, String?, Bool)] = [
            (L("概要", "Summary"), incident.summary, true),
            (L("漏えい等が発生し、又は発生したおそれがある個人データの項目", "Items of personal data concerned"), incident.dataKinds.isEmpty ? nil : incident.dataKinds.map(\.rawValue).joined(separator: ", "), true),
            (L("本人の数", "Number of persons"), String(incident.personsAffected), false),
            (L("原因", "Cause"), incident.cause.rawValue, true),
            (L("二次被害又はそのおそれの有無及びその内容", "Secondary damage or its risk"), incident.secondaryDamage, true),
            (L("本人への対応の実施状況", "Response to the persons"), incident.personsNotifiedOn.map { "notified \($0)" }, false),
            (L("公表の実施状況", "Publication"), nil, false),
            (L("再発防止のための措置", "Preventive measures"), incident.measures, false),
            (L("その他参考となる事項", "Other relevant matters"), nil, true),
        ]
        reportItems = items.enumerated().map { index, item in
            ReportItem(number: index + 1, title: item.0, draft: item.1, inPersonsNotice: item.2)
        }
    }

    /// The assessment as JSON (snake_case keys, sorted).
    public func jsonData() throws -> Data {
        try PolicyJSON.encoder.encode(self)
    }

    /// A plain-text report in `language`.
    public func text(_ language: Language) -> String {
        var lines = ["\(incidentId) (\(role.rawValue))"]
        lines.append(reportable ? (language == .ja ? "判定：報告対象" : "Verdict: REPORTABLE") : (language == .ja ? "判定：報告対象外" : "Verdict: not reportable"))
        lines.append(reason[language])
        if !categories.isEmpty {
            lines.append((language == .ja ? "事態: " : "Categories: ") + categories.map { $0.title[language] }.joined(separator: "; "))
        }
        if !recipients.isEmpty {
            lines.append((language == .ja ? "通知先: " : "Tell: ") + recipients.map(\.rawValue).joined(separator: ", "))
        }
        for deadline in deadlines {
            let target = deadline.target.map { language == .ja ? "目安 \($0)、" : "target \($0), " } ?? ""
            let done = deadline.doneOn.map { language == .ja ? "、実施 \($0)" : ", done \($0)" } ?? ""
            lines.append("- \(deadline.what[language]): \(target)\(language == .ja ? "期限" : "due") \(deadline.due)\(done)\(deadline.late ? (language == .ja ? "（期限超過）" : " (LATE)") : "")")
        }
        if reportable {
            lines.append(language == .ja ? "報告事項（規則8条1項）:" : "Report items (Rules Art. 8(1)):")
            for item in reportItems {
                let notice = item.inPersonsNotice ? (language == .ja ? " [本人通知]" : " [persons' notice]") : ""
                lines.append("  \(item.number). \(item.title[language])\(notice): \(item.draft ?? (language == .ja ? "（未記入）" : "(to be filled)"))")
            }
        }
        lines.append((language == .ja ? "根拠: " : "Sources: ") + sources.map { $0.citation(language) }.joined(separator: "; "))
        return lines.joined(separator: "\n") + "\n"
    }
}
