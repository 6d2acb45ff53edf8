extension RuleCatalogue {
    /// Guidebook principles and privacy (§3.2).
    static let guidebookRules: [Rule] = [
        Rule(
            id: "GB-01", chapter: .guidebook,
            title: L("運用実施主体の説明責任と保護責任者・問い合わせ窓口を明確にすること", "Name the accountable operating entity, a privacy officer and a contact point"),
            sources: [.gb4_1, .gbGovernance], strength: .guidebookRecommendation,
            applies: { _ in .yes("すべての導入に適用されます。", "Applies to every deployment.") },
            check: { context in
                .when(context.manifest.privacyOfficer != nil,
                      yes: ("運用実施主体 \(context.manifest.operatingEntity.legalEntity)、保護責任者 \(context.manifest.privacyOfficer?.name ?? "")、窓口 \(context.manifest.operatingEntity.contact)。", "Operator \(context.manifest.operatingEntity.legalEntity), privacy officer \(context.manifest.privacyOfficer?.name ?? ""), contact \(context.manifest.operatingEntity.contact)."),
                      no: ("保護責任者が指名されていません。", "No privacy officer is named."),
                      missing: ["privacy_officer"])
            },
            remedy: L("保護責任者を指名し、一元的な問い合わせ窓口を設けてください。", "Name a privacy officer and a single contact point.")),
        Rule(
            id: "GB-02", chapter: .guidebook,
            title: L("目的の正当性・撮影の必要性・方法の相当性を確認し記録すること", "Document legitimacy of purpose, necessity of filming and appropriateness of method"),
            sources: [.gb3_2_1], strength: .guidebookRecommendation,
            applies: { _ in .yes("人を撮影するすべての導入に適用されます。", "Applies to every deployment that films people.") },
            check: { context in
                let missing = assessmentGaps(context)
                return .when(missing.isEmpty,
                    yes: ("正当性・必要性・相当性の検討が記録されています。", "Legitimacy, necessity and method are documented."),
                    no: ("プライバシー検討の記録が不足しています。", "The privacy assessment is incomplete."), missing: missing)
            },
            remedy: L("privacy_assessment に目的の正当性、撮影の必要性、撮影方法の相当性を記載してください。", "Write legitimacy, necessity and method in privacy_assessment.")),
        Rule(
            id: "GB-03", chapter: .guidebook,
            title: L("個人のデータを取得する時間的・空間的範囲を目的に必要な範囲に限ること", "Keep the time span and area of per-person data to what the purpose needs"),
            sources: [.gb3_2_2Scope], strength: .guidebookRecommendation,
            applies: { context in
                let persistent = context.manifest.useCases.filter(\.keepsPersonalDatabase)
                return persistent.isEmpty && !context.manifest.processing.acrossSites
                    ? .no("個人を期間・場所を越えて追跡しません。", "No person is followed across time or sites.")
                    : .yes("\(context.names(persistent)) は同一人物を期間\(context.manifest.processing.acrossSites ? "・複数拠点" : "")にわたって識別します。", "\(context.names(persistent)) recognise the same person over time\(context.manifest.processing.acrossSites ? " and across sites" : "").")
            },
            check: { context in
                .when(!(context.manifest.privacyAssessment?.scope ?? "").isEmpty,
                      yes: ("範囲の限定理由が記録されています。", "Why the scope is limited is documented."),
                      no: ("時間的・空間的範囲の検討が記録されていません。", "The temporal and spatial scope is not justified."),
                      missing: ["privacy_assessment.scope"])
            },
            remedy: L("対象店舗と期間を必要最小限にし、その理由を privacy_assessment.scope に記録してください。", "Limit sites and period to the minimum and record why in privacy_assessment.scope.")),
        Rule(
            id: "GB-04", chapter: .guidebook,
            title: L("人種・信条・健康・内心など最も私的な事項を推定しないこと", "Do not infer the most private matters (race, belief, health, inner state)"),
            sources: [.gb3_2_2Private], strength: .guidebookRecommendation,
            applies: { context in
                context.manifest.processing.attributes.isEmpty
                    ? .no("属性を推定しません。", "No attribute is estimated.")
                    : .yes("推定する属性：\(context.manifest.processing.attributes.map(\.rawValue).joined(separator: ", "))。", "Estimated attributes: \(context.manifest.processing.attributes.map(\.rawValue).joined(separator: ", ")).")
            },
            check: { context in
                let private_ = context.manifest.processing.attributes.filter(\.isMostPrivate)
                return .when(private_.isEmpty,
                    yes: ("年齢層・性別のみを推定します。", "Only age band and gender are estimated."),
                    no: ("最も私的な事項を推定します：\(private_.map(\.rawValue).joined(separator: ", "))。", "The most private matters are inferred: \(private_.map(\.rawValue).joined(separator: ", "))."),
                    missing: private_.map { "processing.attributes: remove \($0.rawValue)" })
            },
            remedy: L("推定を年齢層・性別に限ってください。", "Limit estimation to age band and gender.")),
        Rule(
            id: "GB-05", chapter: .guidebook,
            title: L("公共・準公共空間では目的・必要性・方法を合理的に説明できるか慎重に確認すること", "In public and semi-public spaces, check carefully that purpose, necessity and method can be explained"),
            sources: [.gb3_2_2Public], strength: .guidebookRecommendation,
            applies: { context in
                context.manifest.space.kind.isHardToAvoid
                    ? .yes("撮影場所は\(context.manifest.space.kind.title.ja)で、利用を避けることが困難な場合があります。", "The space is a \(context.manifest.space.kind.title.en): people may be unable to avoid it.")
                    : .no("店舗（特定空間）での撮影です。", "Filming in a store (specific space).")
            },
            check: { context in
                var missing = assessmentGaps(context)
                let unmasked = context.manifest.cameras.filter { !$0.privacyMasks }
                if !unmasked.isEmpty { missing.append("cameras[\(context.ids(unmasked))].privacy_masks") }
                return .when(missing.isEmpty,
                    yes: ("説明根拠が記録され、対象外の範囲はマスクされています。", "The justification is documented and out-of-scope areas are masked."),
                    no: ("説明根拠またはマスキングが不足しています。", "Justification or masking is missing."), missing: missing)
            },
            remedy: L("検討を記録し、住宅の窓や対象外の歩道をプライバシーマスクで除いてください。", "Document the assessment and mask windows and out-of-scope sidewalks.")),
        Rule(
            id: "GB-06", chapter: .guidebook,
            title: L("継続利用時に定期的に運用を見直すこと（1年以内）", "Review operations periodically during continued use (within a year)"),
            sources: [.gb4_9], strength: .guidebookRecommendation,
            applies: { context in
                context.asOf >= context.manifest.startsOn
                    ? .yes("\(context.manifest.startsOn) から運用しています。", "In operation since \(context.manifest.startsOn).")
                    : .no("運用開始前です（\(context.manifest.startsOn)）。", "Not yet in operation (starts \(context.manifest.startsOn)).")
            },
            check: { context in
                let last = context.manifest.privacyAssessment?.lastReviewedOn ?? context.manifest.privacyAssessment?.designReviewedOn
                guard let last else {
                    return .no("見直しの記録がありません。", "No review is recorded.", missing: ["privacy_assessment.last_reviewed_on"])
                }
                let age = last.days(until: context.asOf)
                return .when(age <= 365,
                    yes: ("最終見直しは \(last)（\(age)日前）です。", "Last reviewed \(last) (\(age) days ago)."),
                    no: ("最終見直し \(last) から\(age)日が経過しています。", "\(age) days since the last review on \(last)."),
                    missing: ["privacy_assessment.last_reviewed_on"])
            },
            remedy: L("社会的受容性や技術の変化を踏まえて運用を見直し、変更があれば改めて事前告知してください。", "Review operations against social context and technology, and give new notice of any change.")),
    ]

    /// The parts of the §3.2(1) assessment not written down.
    static func assessmentGaps(_ context: RuleContext) -> [String] {
        let assessment = context.manifest.privacyAssessment
        return [("legitimacy", assessment?.legitimacy), ("necessity", assessment?.necessity), ("method", assessment?.method)]
            .filter { ($0.1 ?? "").isEmpty }.map { "privacy_assessment.\($0.0)" }
    }
}
