import Foundation

extension Assessment {
    /// The assessment as JSON: snake_case keys, sorted, pretty-printed (schema in the module README).
    public func jsonData() throws -> Data {
        try PolicyJSON.encoder.encode(self)
    }

    /// A plain-text report in `language`, grouped by chapter, with the sources of each finding.
    public func text(_ language: Language) -> String {
        var lines: [String] = []
        let verdict = isBlocking
            ? (language == .ja ? "判定：ブロック（法的義務の不充足 \(blockingFindings.count)件）" : "Verdict: BLOCKED (\(blockingFindings.count) unmet legal obligation(s))")
            : (language == .ja ? "判定：実行可（ブロックする指摘なし）" : "Verdict: clear (no blocking finding)")
        lines.append("\(operatingEntity) [\(tenant)] — \(assessedOn)")
        lines.append(verdict)
        let covered = coveredUseCases.map(\.rawValue).joined(separator: ", ")
        let uncovered = uncoveredUseCases.map(\.rawValue).joined(separator: ", ")
        lines.append((language == .ja ? "目的で覆われたユースケース: " : "Use cases covered by a purpose: ") + (covered.isEmpty ? "-" : covered))
        if !uncovered.isEmpty {
            lines.append((language == .ja ? "目的のないユースケース（実行不可）: " : "Use cases without a purpose (refused): ") + uncovered)
        }
        lines.append(language == .ja
            ? "義務違反 \(summary.unmetObligation) / 不足項目 \(summary.missingItem) / 推奨 \(summary.recommendation) / 充足 \(summary.satisfied) / 対象外 \(summary.notApplicable)"
            : "unmet \(summary.unmetObligation) / missing \(summary.missingItem) / recommendations \(summary.recommendation) / satisfied \(summary.satisfied) / not applicable \(summary.notApplicable)")
        for chapter in Chapter.allCases {
            let inChapter = findings.filter { $0.chapter == chapter }
            guard !inChapter.isEmpty else { continue }
            lines.append("")
            lines.append("## \(chapter.title[language])")
            for finding in inChapter {
                let mark = finding.blocking ? "✗" : finding.status == .recommendation ? "!" : finding.status == .satisfied ? "✓" : "-"
                lines.append("\(mark) \(finding.ruleId) [\(finding.status.title[language]) · \(finding.strength.title[language])] \(finding.title[language])")
                lines.append("    \(finding.reason[language])")
                if !finding.missing.isEmpty {
                    lines.append("    " + (language == .ja ? "不足: " : "missing: ") + finding.missing.joined(separator: "; "))
                }
                if let remedy = finding.remedy {
                    lines.append("    " + (language == .ja ? "対応: " : "remedy: ") + remedy[language])
                }
                lines.append("    " + (language == .ja ? "根拠: " : "sources: ") + finding.sources.map { $0.citation(language) }.joined(separator: "; "))
            }
        }
        if !purposeIssues.isEmpty {
            lines.append("")
            lines.append(language == .ja ? "## 利用目的の記載" : "## Purpose texts")
            for issue in purposeIssues {
                lines.append("- \(issue.purposeId) (\(issue.language.rawValue), \(issue.kind.rawValue)): \(issue.explanation[language])")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A self-contained HTML report in `language`.
    public func html(_ language: Language) -> String {
        func esc(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var body = "<h1>\(esc(operatingEntity)) — \(assessedOn)</h1>\n"
        body += "<p class=\"\(isBlocking ? "blocked" : "clear")\">\(esc(text(language).split(separator: "\n")[1].description))</p>\n"
        body += "<p>\(esc(language == .ja ? "目的で覆われたユースケース" : "Use cases covered by a purpose")): \(esc(coveredUseCases.map(\.rawValue).joined(separator: ", ")))</p>\n"
        for chapter in Chapter.allCases {
            let inChapter = findings.filter { $0.chapter == chapter }
            guard !inChapter.isEmpty else { continue }
            body += "<h2>\(esc(chapter.title[language]))</h2>\n<table>\n"
            for finding in inChapter {
                let sources = finding.sources.map { "<li>\(esc($0.citation(language)))\($0.excerpt.map { "<blockquote lang=\"ja\">\(esc($0))</blockquote>" } ?? "")</li>" }.joined()
                body += "<tr class=\"\(finding.status.rawValue)\"><td>\(esc(finding.ruleId))</td><td>\(esc(finding.status.title[language]))<br><small>\(esc(finding.strength.title[language]))</small></td>"
                body += "<td><b>\(esc(finding.title[language]))</b><p>\(esc(finding.reason[language]))</p>"
                if !finding.missing.isEmpty { body += "<p><code>\(esc(finding.missing.joined(separator: "; ")))</code></p>" }
                if let remedy = finding.remedy { body += "<p>→ \(esc(remedy[language]))</p>" }
                body += "<ul>\(sources)</ul></td></tr>\n"
            }
            body += "</table>\n"
        }
        let style = "body{font-family:sans-serif;max-width:60em;margin:auto}td{vertical-align:top;border-top:1px solid #ccc;padding:.4em}"
            + ".unmet_obligation,.missing_item{background:#fde8e8}.recommendation{background:#fff7e0}.not_applicable{color:#777}"
            + ".blocked{color:#b00;font-weight:bold}.clear{color:#070;font-weight:bold}blockquote{font-size:.85em;color:#555}"
        return "<!doctype html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>Shoji assessment</title><style>\(style)</style></head><body>\n\(body)</body></html>\n"
    }
}

/// The JSON conventions of the policy module: snake_case keys, sorted, pretty-printed, days as YYYY-MM-DD.
public enum PolicyJSON {
    /// The encoder used for assessments and incident assessments.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// The matching decoder.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
