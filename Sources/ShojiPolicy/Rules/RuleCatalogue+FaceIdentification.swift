extension RuleCatalogue {
    /// Face identification for crime prevention.
    static let faceIdentificationRules: [Rule] = [
        Rule(
            id: "FID-01", chapter: .faceIdentification,
            title: L("登録は利用目的の達成に必要最小限とし、正確かつ最新に保つこと（登録基準の社内ルール）", "Register only what the purpose needs and keep it accurate (internal registration rules)"),
            sources: [.qa1_13_2Minimum, .art22, .qa1_11Database], strength: .legalObligation,
            applies: { context in watchlistApplies(context) },
            check: { context in
                .when(!(context.manifest.watchlist?.registrationCriteria ?? "").isEmpty,
                      yes: ("登録基準が定められています：「\(context.manifest.watchlist?.registrationCriteria ?? "")」。", "Registration criteria are set: \"\(context.manifest.watchlist?.registrationCriteria ?? "")\"."),
                      no: ("照合用データベースの登録基準が定められていません。", "No registration criteria for the watchlist."),
                      missing: ["watchlist.registration_criteria"])
            },
            remedy: L("万引き・窃盗等の犯罪行為や迷惑行為に対象を限定した登録基準を社内ルールとして定めてください。", "Set internal criteria limiting registration to crimes such as shoplifting and to nuisance behaviour.")),
        Rule(
            id: "FID-02", chapter: .faceIdentification,
            title: L("客観的に犯罪・迷惑行為が確認された場合に限り、責任者が登録の必要性と正確性を確認すること", "Register only on objective evidence, confirmed by a responsible person"),
            sources: [.qa1_13_2Criteria], strength: .ppcRecommendation,
            applies: { context in watchlistApplies(context) },
            check: { context in
                var missing: [String] = []
                if !(context.manifest.watchlist?.objectiveEvidence ?? false) { missing.append("watchlist.objective_evidence") }
                if (context.manifest.watchlist?.approver ?? "").isEmpty { missing.append("watchlist.approver") }
                return .when(missing.isEmpty,
                    yes: ("被害届等の客観的根拠を要し、\(context.manifest.watchlist?.approver ?? "")が登録を確認します。", "Objective evidence (e.g. a damage report) is required and \(context.manifest.watchlist?.approver ?? "") confirms each registration."),
                    no: ("誤登録を防ぐ措置（客観的根拠・責任者の確認）が不足しています。", "Measures against wrong registration (objective evidence, responsible approver) are missing."),
                    missing: missing)
            },
            remedy: L("被害届の有無など客観的根拠を登録要件とし、保護責任者等の承認を必須にしてください。", "Require objective evidence such as a damage report and approval by the privacy officer.")),
        Rule(
            id: "FID-03", chapter: .faceIdentification,
            title: L("照合しなかった者の顔特徴データは直ちに破棄し、登録情報の保存期間を定めて公表すること", "Discard non-matching face data at once; fix and publish the registry retention"),
            sources: [.ppc2023, .art22], strength: .ppcRecommendation,
            applies: { context in watchlistApplies(context) },
            check: { context in
                var missing: [String] = []
                if !(context.manifest.watchlist?.discardNonMatches ?? false) { missing.append("watchlist.discard_non_matches") }
                if (context.manifest.watchlist?.rulesPublishedAt ?? "").isEmpty && !context.manifest.notice.signItems.contains(.retention) {
                    missing.append("notice.signage.items: retention or watchlist.rules_published_at")
                }
                let days = context.manifest.retention.days(for: .watchlistEntries) ?? 0
                return .when(missing.isEmpty,
                    yes: ("不一致の特徴量は直ちに破棄し、登録情報は\(days)日で消去し、期間を公表しています。", "Non-matching vectors are discarded at once; entries expire after \(days) days, and the period is published."),
                    no: ("不一致データの破棄または保存期間の公表が不足しています。", "Discarding non-matches or publishing the retention is missing."),
                    missing: missing)
            },
            remedy: L("不一致の特徴量を照合直後に破棄し、登録の保存期間を運用ルールとして公表してください。", "Discard non-matching vectors right after matching and publish the registry retention in the operating rules.")),
        Rule(
            id: "FID-04", chapter: .faceIdentification,
            title: L("照合結果は人が確認してから対応すること（誤検知への対応）", "A person reviews every match before anyone acts"),
            sources: [.ppc2023], strength: .ppcRecommendation,
            applies: { context in watchlistApplies(context) },
            check: { context in
                .when(context.manifest.watchlist?.humanReview ?? false,
                      yes: ("照合アラートは人が確認してから対応します。", "Match alerts are reviewed by a person before any action."),
                      no: ("照合結果を人が確認する手順がありません。", "No human review of matches."),
                      missing: ["watchlist.human_review"])
            },
            remedy: L("照合アラートは担当者の確認を経るまで本人への対応に使わないでください。", "Never act on a match before a staff member has reviewed it.")),
        Rule(
            id: "FID-05", chapter: .faceIdentification,
            title: L("運用ルール（目的・登録基準・保存期間・問い合わせ先）をWebで公表すること", "Publish the operating rules (purpose, criteria, retention, contact) on the web"),
            sources: [.ppc2023], strength: .ppcRecommendation,
            applies: { context in watchlistApplies(context) },
            check: { context in
                .when(!(context.manifest.watchlist?.rulesPublishedAt ?? "").isEmpty,
                      yes: ("運用ルールを \(context.manifest.watchlist?.rulesPublishedAt ?? "") で公表しています。", "Operating rules are published at \(context.manifest.watchlist?.rulesPublishedAt ?? "")."),
                      no: ("運用ルールが公表されていません。", "Operating rules are not published."),
                      missing: ["watchlist.rules_published_at"])
            },
            remedy: L("登録基準・保存期間・問い合わせ先を含む運用ルールを公表し、掲示から参照させてください。", "Publish the operating rules with criteria, retention and contact, and point to them from the sign.")),
    ]

    /// Applicability shared by the face-identification rules.
    static func watchlistApplies(_ context: RuleContext) -> RuleCheck {
        context.identifiesFaces
            ? .yes("カメラ \(context.ids(context.manifest.cameras(running: .watchlist))) で顔識別を行います。", "Cameras \(context.ids(context.manifest.cameras(running: .watchlist))) run face identification.")
            : .no("顔識別は行いません。", "No face identification.")
    }
}
