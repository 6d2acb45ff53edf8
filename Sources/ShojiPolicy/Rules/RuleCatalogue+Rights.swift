extension RuleCatalogue {
    /// Rights of the persons concerned over retained personal data.
    static let rightsRules: [Rule] = [
        Rule(
            id: "RIG-01", chapter: .rights,
            title: L("保有個人データに関する事項（安全管理措置を含む）を公表すること", "Publish the matters on retained personal data, including safety measures"),
            sources: [.art32_1, .order10, .art16_4, .gbShortTerm], strength: .legalObligation,
            applies: { context in personalDatabaseApplies(context) },
            check: { context in
                let missing = NoticePlan.Art32Item.allCases.filter { !context.manifest.notice.art32Items.contains($0) }
                return .when(missing.isEmpty,
                    yes: ("名称・住所・代表者、利用目的、請求手続、安全管理措置、苦情窓口を公表しています。", "Name, address and representative, purposes, request procedure, safety measures and complaint contact are published."),
                    lacking: ("公表事項が不足しています：\(missing.map(\.rawValue).joined(separator: ", "))。", "Published matters are missing: \(missing.map(\.rawValue).joined(separator: ", "))."),
                    items: missing.map { "notice.art32_published: \($0.rawValue)" })
            },
            remedy: L("事前告知ページに法32条の事項を掲載してください（`shoji notice` のページに含まれます）。", "Publish the Art. 32 matters on the notice page (`shoji notice` includes them).")),
        Rule(
            id: "RIG-02", chapter: .rights,
            title: L("開示請求に本人が指示する方法（電磁的記録を含む）で応じること", "Answer disclosure requests by the method the person chooses, electronic included"),
            sources: [.art33], strength: .legalObligation,
            applies: { context in personalDatabaseApplies(context) },
            check: { context in
                .when(context.manifest.rights.disclosureMethods.contains(.electronic),
                      yes: ("電磁的記録による開示に対応します。", "Electronic disclosure is offered."),
                      no: ("電磁的記録による開示に対応していません。", "Electronic disclosure is not offered."),
                      missing: ["rights.disclosure_methods: electronic"])
            },
            remedy: L("電磁的記録での開示手続を用意してください（`shoji requests`）。", "Offer disclosure as electronic records (`shoji requests`).")),
        Rule(
            id: "RIG-03", chapter: .rights,
            title: L("内容が事実でない場合の訂正等に応じること（誤登録を含む）", "Correct data that is untrue (including wrong registrations)"),
            sources: [.art34], strength: .legalObligation,
            applies: { context in personalDatabaseApplies(context) },
            check: { context in
                .when(context.manifest.rights.correction,
                      yes: ("訂正等の請求に対応します。", "Correction requests are handled."),
                      no: ("訂正等の請求への対応が定められていません。", "Correction requests are not handled."),
                      missing: ["rights.correction"])
            },
            remedy: L("訂正・追加・削除の請求窓口と手順を定めてください。", "Set up a channel and procedure for correction requests.")),
        Rule(
            id: "RIG-04", chapter: .rights,
            title: L("利用停止・消去の請求に応じること（利用する必要がなくなった場合等を含む）", "Suspend use and erase on request (including when no longer needed)"),
            sources: [.art35, .gbShortTerm], strength: .legalObligation,
            applies: { context in personalDatabaseApplies(context) },
            check: { context in
                .when(context.manifest.rights.erasure,
                      yes: ("利用停止・消去の請求に対応します。", "Suspension and erasure requests are handled."),
                      no: ("利用停止・消去の請求への対応が定められていません。", "Suspension and erasure requests are not handled."),
                      missing: ["rights.erasure"])
            },
            remedy: L("請求を受け付け、理由を確認して特徴量を消去する手順を定めてください（`shoji requests`）。", "Set up a procedure to receive requests, check the grounds and erase the vectors (`shoji requests`).")),
        Rule(
            id: "RIG-05", chapter: .rights,
            title: L("リピート分析の対象から外れる方法（オプトアウト）を用意すること", "Offer a way to opt out of repeat analysis"),
            sources: [.gbCase3, .art35], strength: .guidebookRecommendation,
            applies: { context in
                context.manifest.useCases.contains(.repeatVisit) ? .yes("リピート分析を実行します。", "Repeat analysis runs.") : .no("リピート分析は行いません。", "No repeat analysis.")
            },
            check: { context in
                .when(context.manifest.rights.optOut,
                      yes: ("オプトアウトを受け付けます。", "Opt-out is offered."),
                      no: ("オプトアウトの方法がありません。", "No opt-out is offered."),
                      missing: ["rights.opt_out"])
            },
            remedy: L("掲示のQRコードからオプトアウトと特徴量の削除を請求できるようにしてください。", "Let people opt out and have their vector deleted from the sign's QR code.")),
    ]
}
