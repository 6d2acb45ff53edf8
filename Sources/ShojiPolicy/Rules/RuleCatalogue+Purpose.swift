extension RuleCatalogue {
    /// Purpose specification, notice of purpose and use limitation.
    static let purposeRules: [Rule] = [
        Rule(
            id: "PUR-01", chapter: .purpose,
            title: L("利用目的をできる限り具体的に特定すること", "Specify the purpose as precisely as possible"),
            sources: [.art17_1, .qa2_1Specific, .qa1_11Purpose], strength: .legalObligation,
            applies: { context in
                context.manifest.acquiresPersonalInformation
                    ? .yes("本人を判別可能な画像または顔特徴データを取得するため、個人情報を取得します（即時破棄する場合も同じ）。",
                           "Identifiable images or face features are acquired, so personal information is acquired (even if discarded at once).")
                    : .no("本人を判別可能な画像も顔特徴データも取得しません。", "No identifiable image or face feature is acquired.")
            },
            check: { context in
                let issues = context.purposeIssues([.abstract, .useCaseNotDescribed])
                let ids = Array(Set(issues.map(\.purposeId))).sorted()
                if context.manifest.purposes.isEmpty {
                    return .no("利用目的が一つも宣言されていません。", "No purpose is declared.", missing: ["purposes"])
                }
                return .when(issues.isEmpty,
                    yes: ("すべての利用目的が処理内容を具体的に記載しています。", "Every purpose says concretely what is done."),
                    no: ("抽象的、または対象の処理を記載していない利用目的があります：\(ids.joined(separator: "、"))。",
                         "Purposes that are abstract or do not say what is done: \(ids.joined(separator: ", "))."),
                    missing: ids.map { "purposes[\($0)].text" })
            },
            remedy: L("何を推定・計測・識別し、その結果を何に使うかを本人が予測できるよう書き直してください（`shoji assess` の purpose_issues を参照）。",
                      "Rewrite the text so a person can foresee what is estimated, measured or identified and what it is used for (see purpose_issues).")),
        Rule(
            id: "PUR-02", chapter: .purpose,
            title: L("利用目的の範囲内でのみ利用すること（各ユースケースを宣言済みの目的で覆う）", "Use only within a declared purpose (every use case covered)"),
            sources: [.art18_1, .qa1_11Purpose], strength: .legalObligation,
            applies: { context in
                .yes("カメラで実行するユースケース：\(context.names(context.manifest.useCases))。", "Use cases run on cameras: \(context.names(context.manifest.useCases)).")
            },
            check: { context in
                let uncovered = context.manifest.useCases.filter { context.manifest.purposes(covering: $0).isEmpty }
                return .when(uncovered.isEmpty,
                    yes: ("すべてのユースケースが宣言済みの利用目的に含まれています。", "Every use case is covered by a declared purpose."),
                    no: ("どの利用目的にも含まれないユースケースがあります：\(context.names(uncovered))。これらは実行できません。",
                         "Use cases covered by no purpose: \(context.names(uncovered)). They cannot run."),
                    missing: uncovered.map { "purposes[].use_cases: \($0.rawValue)" })
            },
            remedy: L("そのユースケースを対象とする利用目的を宣言・公表するか、カメラからそのユースケースを外してください。",
                      "Declare and publish a purpose covering the use case, or remove it from the camera.")),
        Rule(
            id: "PUR-03", chapter: .purpose,
            title: L("プロファイリングを行う場合は分析処理を利用目的に含めること", "State profiling in the purpose"),
            sources: [.art17_1, .qa2_1Profiling], strength: .legalObligation,
            applies: { context in
                context.manifest.useCases.contains(where: \.isProfiling)
                    ? .yes("リピート分析で本人の来店履歴・行動履歴を一定期間紐づけて分析します。", "Repeat analysis links and analyses a person's visit and behaviour history over time.")
                    : .no("本人ごとの行動履歴を期間を通じて分析しません。", "No per-person history is analysed over time.")
            },
            check: { context in lintCheck(context, .profilingNotStated) },
            remedy: L("「顔の特徴量により再来店を識別し、来店履歴を分析する」ことを利用目的に明記してください。",
                      "State in the purpose that returning visitors are identified by face features and their visit history analysed.")),
        Rule(
            id: "PUR-04", chapter: .purpose,
            title: L("顔画像から抽出した属性に基づく広告配信を利用目的に明記すること", "State attribute-based advertising in the purpose"),
            sources: [.qa1_13_3Ads, .art17_1, .art21_1], strength: .legalObligation,
            applies: { context in
                let cameras = context.manifest.cameras.filter(\.targetedAdvertising)
                return cameras.isEmpty
                    ? .no("属性に基づく広告表示を行うカメラはありません。", "No camera shows advertising customised from attributes.")
                    : .yes("カメラ \(context.ids(cameras)) は顔画像から抽出した属性で本人向け広告を表示します。顔画像を直ちに廃棄しても、特定の個人を識別した上で広告配信を行っていると解されます。",
                           "Cameras \(context.ids(cameras)) show ads customised from attributes extracted from the face; even if the image is deleted at once, this is identifying the person to deliver ads.")
            },
            check: { context in lintCheck(context, .targetedAdvertisingNotStated) },
            remedy: L("「顔画像から推定した年齢・性別に基づき広告を表示する」ことを利用目的に記載し、通知・公表してください。",
                      "Say in the purpose that ads are chosen from age and gender estimated from the face image, and notify or publish it.")),
        Rule(
            id: "PUR-05", chapter: .purpose,
            title: L("顔識別を行う場合は防犯目的とともに顔識別機能の利用を明記すること", "State face identification together with the crime-prevention aim"),
            sources: [.qa1_11FaceData, .art17_1], strength: .legalObligation,
            applies: { context in
                context.identifiesFaces
                    ? .yes("照合用データベース（watchlist）との顔識別を行います。", "Faces are matched against a watchlist.")
                    : .no("顔識別は行いません。", "No face identification.")
            },
            check: { context in lintCheck(context, .faceIdentificationNotStated) },
            remedy: L("例：「万引き等の犯罪防止のため、顔識別機能付きカメラにより来店者の顔特徴データを登録者と照合します」。",
                      "E.g. \"to prevent shoplifting, cameras with face identification match visitors' face features against registered persons\".")),
        Rule(
            id: "PUR-06", chapter: .purpose,
            title: L("利用目的を通知または公表すること", "Notify or publish the purpose"),
            sources: [.art21_1, .qa1_11Purpose, .qa1_11FaceData], strength: .legalObligation,
            applies: { context in
                if !context.manifest.acquiresPersonalInformation {
                    return .no("個人情報を取得しません。", "No personal information is acquired.")
                }
                if context.isConventionalCrimePrevention {
                    return .no("従来型の防犯カメラのみで、取得の状況から利用目的が明らかです（法21条4項4号）。", "Conventional crime-prevention cameras only: the purpose is obvious from the circumstances (Art. 21(4)(iv)).")
                }
                return .yes("商業目的の分析または顔特徴データの取扱いは、カメラの外観から利用目的が明らかとはいえません。",
                            "Commercial analytics or face data: the purpose cannot be inferred from how the camera looks.")
            },
            check: { context in
                let notice = context.manifest.notice
                if let url = notice.priorNoticeURL, let day = notice.priorNoticePublishedOn {
                    return .yes("利用目的を \(url) で \(day) に公表しています。", "The purpose is published at \(url) since \(day).")
                }
                return .when(notice.signItems.contains(.purpose),
                    yes: ("現地の掲示で利用目的を示しています。", "The on-site sign shows the purpose."),
                    lacking: ("利用目的の公表（事前告知ページ）も現地掲示での表示もありません。", "The purpose is neither published (prior-notice page) nor shown on a sign."),
                    items: ["notice.prior_notice", "notice.signage.items: purpose"])
            },
            remedy: L("取得開始前に利用目的を事前告知ページで公表し、現地の掲示にも記載してください。",
                      "Publish the purposes on the prior-notice page before acquisition starts and show them on the sign.")),
        Rule(
            id: "PUR-07", chapter: .purpose,
            title: L("従来型防犯カメラでも作動中である旨を掲示すること", "Even for conventional crime-prevention cameras, show that the camera operates"),
            sources: [.qa1_11Conventional, .art21_4_iv], strength: .ppcRecommendation,
            applies: { context in
                context.isConventionalCrimePrevention
                    ? .yes("防犯目的のみで顔特徴データを扱いません：通知・公表は不要と考えられます。", "Crime prevention only, no face data: notice of purpose is considered unnecessary.")
                    : .no("従来型の防犯カメラのみの構成ではありません。", "Not a conventional crime-prevention-only deployment.")
            },
            check: { context in
                .when(context.manifest.notice.signItems.contains(.operating),
                      yes: ("「カメラ作動中」を掲示しています。", "A 'camera in operation' sign is shown."),
                      no: ("「カメラ作動中」の掲示がありません。", "No 'camera in operation' sign."),
                      missing: ["notice.signage.items: operating"])
            },
            remedy: L("店舗の入口や設置場所に「防犯カメラ作動中」を掲示してください。", "Put a 'security camera in operation' sign at the entrance or camera location.")),
        Rule(
            id: "PUR-08", chapter: .purpose,
            title: L("防犯目的で取得した画像・顔データを商業目的に使うには本人の同意を得ること", "Consent before using crime-prevention images or face data commercially"),
            sources: [.qa1_12, .art18_1], strength: .legalObligation,
            applies: { context in
                let reusing = context.commercialPurposes.filter { purpose in
                    purpose.reusesDataOf.contains { context.manifest.purpose(id: $0)?.aim == .crimePrevention }
                }
                return reusing.isEmpty
                    ? .no("防犯目的で取得したデータを商業目的で再利用する利用目的はありません。", "No commercial purpose reuses data acquired for crime prevention.")
                    : .yes("利用目的 \(reusing.map(\.id).joined(separator: ", ")) は防犯目的で取得したデータを商業目的に利用します。",
                           "Purposes \(reusing.map(\.id).joined(separator: ", ")) use data acquired for crime prevention for a commercial aim.")
            },
            check: { context in
                let reusing = context.commercialPurposes.filter { purpose in
                    purpose.reusesDataOf.contains { context.manifest.purpose(id: $0)?.aim == .crimePrevention }
                }
                let without = reusing.filter { !context.hasConsent(.repurpose, for: $0.id) }
                return .when(without.isEmpty,
                    yes: ("再利用について本人の同意が記録されています。", "Consent to the reuse is recorded."),
                    no: ("本人の同意が記録されていません：\(without.map(\.id).joined(separator: ", "))。", "No recorded consent for: \(without.map(\.id).joined(separator: ", "))."),
                    missing: without.map { "consents[kind=repurpose, covers=\($0.id)]" })
            },
            remedy: L("あらかじめ本人の同意を得るか、商業目的のデータは当初から商業目的で取得し通知・公表してください（Q1-11参照）。",
                      "Obtain the persons' prior consent, or acquire data for the commercial aim from the start with notice (see Q1-11).")),
        Rule(
            id: "PUR-09", chapter: .purpose,
            title: L("取得開始後に追加・変更した利用目的は通知・公表すること", "Notify or publish a purpose added or changed after acquisition began"),
            sources: [.art17_2, .art21_3], strength: .legalObligation,
            applies: { context in
                let late = context.manifest.purposes.filter { $0.declaredAt > context.manifest.startsOn }
                return late.isEmpty
                    ? .no("すべての利用目的は取得開始（\(context.manifest.startsOn)）以前に宣言されています。", "Every purpose was declared on or before acquisition start (\(context.manifest.startsOn)).")
                    : .yes("取得開始後に宣言された利用目的：\(late.map { "\($0.id)（\($0.declaredAt)）" }.joined(separator: "、"))。",
                           "Purposes declared after acquisition began: \(late.map { "\($0.id) (\($0.declaredAt))" }.joined(separator: ", ")).")
            },
            check: { context in
                let late = context.manifest.purposes.filter { $0.declaredAt > context.manifest.startsOn }
                let published = context.manifest.notice.priorNoticePublishedOn
                let unannounced = late.filter { purpose in
                    !(published.map { $0 >= purpose.declaredAt } ?? false) && !context.hasConsent(.repurpose, for: purpose.id)
                }
                return .when(unannounced.isEmpty,
                    yes: ("変更後の目的は事前告知ページの更新（\(published.map(String.init(describing:)) ?? "-")）または同意で手当てされています。", "The new purposes were published (prior notice updated \(published.map(String.init(describing:)) ?? "-")) or consented to."),
                    no: ("変更後に公表も同意もない利用目的：\(unannounced.map(\.id).joined(separator: ", "))。", "New purposes neither published nor consented: \(unannounced.map(\.id).joined(separator: ", "))."),
                    missing: ["notice.prior_notice.published_on"])
            },
            remedy: L("変更前の目的と関連性を有すると合理的に認められる範囲で変更し、事前告知ページを更新して公表してください。範囲を超える場合は同意が必要です。",
                      "Keep the change reasonably related to the former purpose and republish the prior notice; beyond that, consent is needed.")),
        Rule(
            id: "PUR-10", chapter: .purpose,
            title: L("不適正な利用をしないこと（属性のみによる差別的取扱いの禁止）", "No inappropriate use (no discriminatory treatment by attributes alone)"),
            sources: [.art19, .gb3_2_2Private], strength: .legalObligation,
            applies: { context in
                let p = context.manifest.processing
                return p.differentialTreatment || !p.attributes.isEmpty
                    ? .yes("推定した属性\(p.differentialTreatment ? "または照合結果により本人への対応を変えます" : "を扱います")。", "Attributes are estimated\(p.differentialTreatment ? " and used to treat people differently" : "").")
                    : .no("属性推定も本人への異なる取扱いもありません。", "No attribute estimation and no differential treatment.")
            },
            check: { context in
                let p = context.manifest.processing
                let private_ = p.attributes.filter(\.isMostPrivate)
                if p.differentialTreatment && !private_.isEmpty {
                    return .no("最も私的な属性（\(private_.map(\.rawValue).joined(separator: ", "))）の推定結果で本人への対応を変えるため、不適正利用に当たるおそれがあります。",
                               "Treatment changes on estimates of the most private attributes (\(private_.map(\.rawValue).joined(separator: ", "))): likely inappropriate use.",
                               missing: ["processing.attributes", "processing.differential_treatment"])
                }
                if p.differentialTreatment && !(context.identifiesFaces && (context.manifest.watchlist?.humanReview ?? false)) {
                    return .no("本人への異なる取扱いに正当な理由（人による確認を経た照合結果等）が示されていません。", "Differential treatment has no stated just cause (such as a match confirmed by a person).",
                               missing: ["watchlist.human_review"])
                }
                return .yes("属性のみによる差別的取扱いはありません。", "No treatment based on attributes alone.")
            },
            remedy: L("属性推定の結果を個人への対応の判断に使わず、統計にのみ用いてください。", "Use estimated attributes for statistics only, never to decide how a person is treated.")),
    ]

    /// A satisfaction check backed by the purpose linter for one kind of issue.
    static func lintCheck(_ context: RuleContext, _ kind: PurposeIssue.Kind) -> RuleCheck {
        let issues = context.purposeIssues([kind])
        let ids = Array(Set(issues.map(\.purposeId))).sorted()
        return .when(issues.isEmpty,
            yes: ("該当する利用目的の日本語・英語の文面に明記されています。", "The Japanese and English texts of the purposes concerned state it."),
            lacking: ("記載が不足している利用目的：\(ids.joined(separator: "、"))（\(Set(issues.map(\.language.rawValue)).sorted().joined(separator: "/"))）。",
                 "Purposes that do not state it: \(ids.joined(separator: ", ")) (\(Set(issues.map(\.language.rawValue)).sorted().joined(separator: "/")))."),
            items: ids.map { "purposes[\($0)].text" })
    }
}
