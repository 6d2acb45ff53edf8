extension RuleCatalogue {
    /// Retention, minimisation and design.
    static let retentionRules: [Rule] = [
        Rule(
            id: "RET-01", chapter: .retention,
            title: L("利用する必要がなくなった個人データは遅滞なく消去すること", "Delete personal data without delay once no longer needed"),
            sources: [.art22], strength: .dutyToEndeavour,
            applies: { context in
                let personal = context.manifest.keptRecordKinds.keys.filter(\.isPersonal).sorted()
                return personal.isEmpty
                    ? .no("個人データ（特徴量・来店履歴・登録者情報等）を保存しません。", "No personal data (vectors, visit history, watchlist entries) is stored.")
                    : .yes("個人データを保存します：\(personal.map(\.rawValue).joined(separator: ", "))。", "Personal data is stored: \(personal.map(\.rawValue).joined(separator: ", ")).")
            },
            check: { context in
                let personal = context.manifest.keptRecordKinds.keys.filter(\.isPersonal).sorted()
                let periods = personal.map { "\($0.rawValue) \(context.manifest.retention.days(for: $0) ?? 0)d" }.joined(separator: ", ")
                return .when(context.manifest.retention.autoDelete,
                    yes: ("期間経過後に自動消去します（\(periods)）。", "Deleted automatically when the period ends (\(periods))."),
                    no: ("自動消去が無効です（\(periods)）。", "Automatic deletion is off (\(periods))."),
                    missing: ["retention.auto_delete"])
            },
            remedy: L("retention.auto_delete を true にし、保存期間を目的に必要な最短にしてください。", "Set retention.auto_delete to true and keep each period as short as the purpose allows.")),
        Rule(
            id: "RET-02", chapter: .retention,
            title: L("属性推定・動線・計測・滞留では撮影画像（と特徴量）を速やかに破棄すること", "Discard images (and features) at once in attributes, flow, counting and congestion"),
            sources: [.gbCase1], strength: .guidebookRecommendation,
            applies: { context in
                let cases = context.manifest.useCases.filter { [.attributes, .flow, .counting, .congestion].contains($0) }
                return cases.isEmpty
                    ? .no("該当するユースケースはありません。", "None of these use cases runs.")
                    : .yes("\(context.names(cases)) を実行します。", "Runs \(context.names(cases)).")
            },
            check: { context in
                let transient = RecordKind.allCases.filter(\.isTransient)
                let kept = transient.filter { (context.manifest.retention.days(for: $0) ?? 0) > 0 }
                return .when(kept.isEmpty,
                    yes: ("フレーム・顔画像・一時的な特徴量・軌跡はメモリ上でのみ扱い、解析後直ちに破棄します。", "Frames, face crops, transient features and tracks live in memory only and are discarded right after analysis."),
                    no: ("一時データが保存されます：\(kept.map(\.rawValue).joined(separator: ", "))。", "Transient data is kept: \(kept.map(\.rawValue).joined(separator: ", "))."),
                    missing: kept.map { "retention.days.\($0.rawValue)" })
            },
            remedy: L("一時データの保存期間を0にしてください。", "Set the retention of transient data to 0.")),
        Rule(
            id: "RET-03", chapter: .retention,
            title: L("リピート分析では特徴量のみを一定期間保持し、期間経過後に破棄し、期間を公表すること", "Repeat analysis: keep only feature vectors for a fixed, published period, then delete them"),
            sources: [.gbCase3], strength: .guidebookRecommendation,
            applies: { context in
                context.manifest.useCases.contains(.repeatVisit)
                    ? .yes("リピート分析を実行します。", "Repeat analysis runs.") : .no("リピート分析は行いません。", "No repeat analysis.")
            },
            check: { context in
                let retention = context.manifest.retention
                let vectors = retention.days(for: .featureVectors) ?? 0
                let history = retention.days(for: .visitHistory) ?? 0
                var missing: [String] = []
                if vectors > 365 { missing.append("retention.days.feature_vectors ≤ 365") }
                if history > vectors { missing.append("retention.days.visit_history ≤ feature_vectors") }
                if !context.manifest.notice.signItems.contains(.retention) { missing.append("notice.signage.items: retention") }
                return .when(missing.isEmpty,
                    yes: ("特徴量は\(vectors)日、来店履歴は\(history)日で消去し、保存期間を掲示しています。", "Feature vectors are kept \(vectors) days, visit history \(history) days, and the period is shown on the sign."),
                    no: ("特徴量\(vectors)日・来店履歴\(history)日：ガイドブックの想定（初回来店から1年程度）を超えるか、期間が掲示されていません。", "Feature vectors \(vectors) days, visit history \(history) days: beyond the guidebook's assumption (about a year from the first visit) or not shown on the sign."),
                    missing: missing)
            },
            remedy: L("特徴量の保存期間を365日以内とし、来店履歴はそれ以下にして、期間を掲示と事前告知で示してください。", "Keep vectors at most 365 days and visit history no longer, and state the period on the sign and the prior notice.")),
        Rule(
            id: "RET-04", chapter: .retention,
            title: L("企画・設計時に撮影範囲・解像度・マスキング・処理場所・保存期間を検討し記録すること", "At planning and design, review and record angle, resolution, masking, processing location and retention"),
            sources: [.gb4_4], strength: .guidebookRecommendation,
            applies: { _ in .yes("すべての導入に適用されます。", "Applies to every deployment.") },
            check: { context in
                var missing: [String] = []
                if context.manifest.privacyAssessment?.designReviewedOn == nil { missing.append("privacy_assessment.design_reviewed_on") }
                let audio = context.manifest.cameras.filter(\.audio)
                if !audio.isEmpty { missing.append("cameras[\(context.ids(audio))].audio: false") }
                if context.manifest.space.kind.isHardToAvoid {
                    let unmasked = context.manifest.cameras.filter { !$0.privacyMasks }
                    if !unmasked.isEmpty { missing.append("cameras[\(context.ids(unmasked))].privacy_masks") }
                }
                return .when(missing.isEmpty,
                    yes: ("設計レビューが \(context.manifest.privacyAssessment?.designReviewedOn.map(String.init(describing:)) ?? "-") に記録され、音声は取得しません。", "A design review is recorded (\(context.manifest.privacyAssessment?.designReviewedOn.map(String.init(describing:)) ?? "-")); no audio is captured."),
                    no: ("設計時の配慮に不足があります。", "Design considerations are incomplete."),
                    missing: missing)
            },
            remedy: L("設計レビューを記録し、音声を取得せず、公共・準公共空間では対象外の範囲（住宅の窓・歩道等）をマスクしてください。", "Record a design review, capture no audio, and in public or semi-public spaces mask out-of-scope areas (windows, sidewalks).")),
    ]
}
