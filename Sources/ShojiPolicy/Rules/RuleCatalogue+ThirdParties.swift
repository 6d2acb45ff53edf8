extension RuleCatalogue {
    /// Third-party provision and joint use.
    static let thirdPartyRules: [Rule] = [
        Rule(
            id: "TP-01", chapter: .thirdParties,
            title: L("個人データの第三者提供には本人の同意または法定の例外が必要", "Provision of personal data to a third party needs consent or a statutory exception"),
            sources: [.art27_1], strength: .legalObligation,
            applies: { context in
                let parties = context.personalRecipients
                return parties.isEmpty
                    ? .no("個人データの提供先はありません（統計のみの提供は個人データの提供に当たりません）。", "No recipient of personal data (statistics alone are not personal data).")
                    : .yes("個人データの提供先：\(parties.map(\.name).joined(separator: "、"))。", "Recipients of personal data: \(parties.map(\.name).joined(separator: ", ")).")
            },
            check: { context in
                let bad = context.personalRecipients.filter { party in
                    switch party.basis {
                    case .consent: !context.hasConsent(.thirdParty, for: party.name)
                    case .law, .protectionOfLife, .stateCooperation: false
                    case .none: true
                    }
                }
                return .when(bad.isEmpty,
                    yes: ("すべての提供に同意の記録または法定の例外（法令に基づく場合等）があります。", "Every provision has recorded consent or a statutory exception (e.g. based on law)."),
                    no: ("根拠のない提供：\(bad.map(\.name).joined(separator: ", "))。", "Provision without basis: \(bad.map(\.name).joined(separator: ", "))."),
                    missing: bad.map { "third_parties[\($0.name)].basis / consents[kind=third_party]" })
            },
            remedy: L("提供をやめるか、あらかじめ本人の同意を得てください。捜査機関への提供は令状や捜査関係事項照会（刑訴法197条2項）に基づく場合に限ってください。", "Stop the provision or obtain prior consent; give data to investigators only on a warrant or a formal inquiry (Code of Criminal Procedure Art. 197(2)).")),
        Rule(
            id: "TP-02", chapter: .thirdParties,
            title: L("同意に基づく第三者提供の記録を作成・保存すること", "Keep records of consent-based provision"),
            sources: [.art29], strength: .legalObligation,
            applies: { context in
                let parties = context.personalRecipients.filter { $0.basis == .consent }
                return parties.isEmpty ? .no("同意に基づく提供はありません。", "No consent-based provision.") : .yes("同意に基づく提供：\(parties.map(\.name).joined(separator: "、"))。", "Consent-based provision: \(parties.map(\.name).joined(separator: ", ")).")
            },
            check: { context in
                let bad = context.personalRecipients.filter { $0.basis == .consent && !$0.recordsKept }
                return .when(bad.isEmpty,
                    yes: ("提供記録を作成・保存しています。", "Provision records are kept."),
                    no: ("提供記録がない：\(bad.map(\.name).joined(separator: ", "))。", "No provision records: \(bad.map(\.name).joined(separator: ", "))."),
                    missing: bad.map { "third_parties[\($0.name)].records_kept" })
            },
            remedy: L("提供日、提供先、本人、項目、同意の事実を記録し、所定の期間保存してください。", "Record date, recipient, person, items and consent, and keep the records for the required period.")),
        Rule(
            id: "TP-03", chapter: .thirdParties,
            title: L("共同利用の5項目をあらかじめ本人に通知し、又は容易に知り得る状態に置くこと", "Before joint use, notify or publish its five items"),
            sources: [.art27_5_iii, .qa7_50], strength: .legalObligation,
            applies: { context in
                guard let joint = context.manifest.jointUse else { return .no("共同利用はありません。", "No joint use.") }
                return .yes("共同利用者：\(joint.parties.joined(separator: "、"))。", "Joint users: \(joint.parties.joined(separator: ", ")).")
            },
            check: { context in
                guard let joint = context.manifest.jointUse else { return .yes("", "") }
                var missing = JointUse.Item.allCases.filter { !joint.publishedItems.contains($0) }.map { "joint_use.published_items: \($0.rawValue)" }
                if !(joint.publishedOn.map { $0 <= context.manifest.startsOn } ?? false) { missing.append("joint_use.published_on ≤ starts_on") }
                return .when(missing.isEmpty,
                    yes: ("共同利用の旨・項目・範囲・目的・責任者を \(joint.publishedOn.map(String.init(describing:)) ?? "") に公表済みです。", "Joint use, items, scope, purposes and responsible party published on \(joint.publishedOn.map(String.init(describing:)) ?? "")."),
                    lacking: ("共同利用の公表事項が不足しているか、開始後の公表です。", "Joint-use items are incomplete or were published after the start."),
                    items: missing)
            },
            remedy: L("①共同利用する旨 ②項目 ③利用者の範囲 ④目的 ⑤責任者の氏名・住所・代表者を開始前に公表してください。", "Publish before starting: ① joint use ② items ③ scope of users ④ purposes ⑤ responsible party's name, address and representative.")),
        Rule(
            id: "TP-04", chapter: .thirdParties,
            title: L("共同利用するデータと利用者の範囲を真に必要な範囲に限ること", "Limit jointly used data and users to what is truly necessary"),
            sources: [.qa7_50], strength: .ppcRecommendation,
            applies: { context in
                context.manifest.jointUse == nil ? .no("共同利用はありません。", "No joint use.") : .yes("共同利用を行います。", "Joint use takes place.")
            },
            check: { context in
                .when(!(context.manifest.jointUse?.necessity ?? "").isEmpty,
                      yes: ("必要性の根拠が記録されています。", "The necessity is documented."),
                      no: ("共同利用の必要性の根拠が記録されていません。", "The necessity of the joint use is not documented."),
                      missing: ["joint_use.necessity"])
            },
            remedy: L("被害の状況や同一人物の再犯可能性等から、共有するデータと範囲が必要な理由を記録してください。", "Document why the data and the circle of users are needed (losses, likelihood of repeat offences in the area).")),
        Rule(
            id: "TP-05", chapter: .thirdParties,
            title: L("特徴量データを法人をまたいで利用・提供せず、会員情報と同意なく紐づけないこと", "No cross-entity use or provision of feature data; no linkage to membership without consent"),
            sources: [.gb4_7, .gbCase3], strength: .guidebookRecommendation,
            applies: { context in
                context.manifest.useCases.contains(.repeatVisit) || context.manifest.processing.memberLinkage
                    ? .yes("リピート分析または会員情報との紐づけを行います。", "Repeat analysis or membership linkage takes place.")
                    : .no("リピート分析も会員情報との紐づけもありません。", "No repeat analysis or membership linkage.")
            },
            check: { context in
                var missing: [String] = []
                if !context.personalRecipients.isEmpty { missing.append("third_parties (personal)") }
                if context.manifest.jointUse != nil { missing.append("joint_use") }
                if context.manifest.processing.memberLinkage && !context.manifest.purposes.contains(where: { context.hasConsent(.memberLinkage, for: $0.id) }) {
                    missing.append("consents[kind=member_linkage]")
                }
                return .when(missing.isEmpty,
                    yes: ("特徴量は当社内でのみ利用し、外部には統計のみを提供します。", "Feature data stay within the operator; only statistics leave it."),
                    no: ("特徴量の外部利用、または同意のない会員情報との紐づけがあります。", "Feature data are used outside the operator, or linked to membership without consent."),
                    missing: missing)
            },
            remedy: L("外部には統計のみを提供し、会員情報との紐づけは同意を得た場合に限ってください。", "Give outsiders statistics only and link membership only with consent.")),
    ]
}
