extension RuleCatalogue {
    /// Security, processors and cloud.
    static let securityRules: [Rule] = [
        Rule(
            id: "SEC-01", chapter: .security,
            title: L("個人データの安全管理措置（暗号化・アクセス制御・アクセス記録）を講じること", "Take safety measures for personal data (encryption, access control, access log)"),
            sources: [.art23, .qa1_11Database], strength: .legalObligation,
            applies: { context in personalDatabaseApplies(context) },
            check: { context in
                let s = context.manifest.security
                var missing: [String] = []
                if !s.encryptionAtRest { missing.append("security.encryption_at_rest") }
                if !s.accessControl { missing.append("security.access_control") }
                if !s.accessLog { missing.append("security.access_log") }
                return .when(missing.isEmpty,
                    yes: ("保存時の暗号化、アクセス制御、アクセス記録を講じています。", "Encryption at rest, access control and an access log are in place."),
                    no: ("安全管理措置が不足しています。", "Safety measures are missing."), missing: missing)
            },
            remedy: L("特徴量をテナントごとの鍵で暗号化し、役割によるアクセス制御と監査ログを有効にしてください。", "Encrypt vectors with a per-tenant key, restrict access by role and keep the audit log.")),
        Rule(
            id: "SEC-02", chapter: .security,
            title: L("委託先を監督すること（契約・選定・委託の範囲内での取扱い）", "Supervise processors (contract, selection, handling within the entrusted work)"),
            sources: [.art25, .art27_5_i], strength: .legalObligation,
            applies: { context in processorsApply(context.entrusted, "委託先", "Entrusted processors") },
            check: { context in
                let bad = context.entrusted.filter { !$0.contract }
                return .when(bad.isEmpty,
                    yes: ("すべての委託先と安全管理・目的外利用禁止を定めた契約があります。", "Every processor has a contract with security and purpose-limitation clauses."),
                    no: ("契約のない委託先：\(bad.map(\.name).joined(separator: ", "))。", "Processors without a contract: \(bad.map(\.name).joined(separator: ", "))."),
                    missing: bad.map { "processors[\($0.name)].contract" })
            },
            remedy: L("安全管理措置、目的外利用の禁止、再委託の条件を定めた委託契約を結び、取扱い状況を確認してください。", "Sign a contract covering safety measures, purpose limitation and sub-processing, and check how the processor handles the data.")),
        Rule(
            id: "SEC-03", chapter: .security,
            title: L("外部事業者が自ら取得し統計のみを提供する場合、委託に当たるかを事実で判断すること", "Decide by the facts whether a vendor that collects data itself and returns statistics is a processor"),
            sources: [.qa5_26_2, .art27_5_i], strength: .legalObligation,
            applies: { context in
                let independent = context.manifest.processors.filter { $0.role == .independent }
                return processorsApply(independent, "自ら個人データを取り扱う外部事業者", "Vendors handling personal data on their own account")
            },
            check: { context in
                let independent = context.manifest.processors.filter { $0.role == .independent }
                let actuallyEntrusted = independent.filter { $0.operatorSeesPersonalData || $0.contractControlsHandling }
                return .when(actuallyEntrusted.isEmpty,
                    yes: ("当社は個人データの取扱いに関与せず統計のみ受領するため、委託ではありません。外部事業者が自ら取り扱う主体として開示等の請求に対応します。",
                          "The operator takes no part in handling the personal data and receives statistics only: not entrustment. The vendor handles the data on its own account and answers disclosure requests."),
                    no: ("\(actuallyEntrusted.map(\.name).joined(separator: ", ")) について、当社が個人データの内容を確認できるか契約で取扱いに権限・制限があるため、委託に当たります。",
                         "For \(actuallyEntrusted.map(\.name).joined(separator: ", ")), the operator can see the personal data or the contract controls its handling: this is entrustment."),
                    missing: actuallyEntrusted.map { "processors[\($0.name)].role: entrustment" })
            },
            remedy: L("委託として整理し（role: entrustment）、委託先の監督（SEC-02）を行ってください。", "Treat the vendor as a processor (role: entrustment) and supervise it (SEC-02).")),
        Rule(
            id: "SEC-04", chapter: .security,
            title: L("委託先は委託業務の範囲外で統計情報を作成し自社のために使ってはならない", "A processor must not make statistics for itself outside the entrusted work"),
            sources: [.qa5_26_4, .art27_5_i], strength: .legalObligation,
            applies: { context in processorsApply(context.entrusted, "委託先", "Entrusted processors") },
            check: { context in
                processorFlagCheck(context.entrusted.filter(\.makesOwnStatistics), "委託業務外で自社用の統計を作成する委託先", "Processors making statistics for themselves outside the entrusted work", key: "makes_own_statistics")
            },
            remedy: L("委託先による自社用の統計作成をやめさせるか、委託業務の範囲として契約に定めてください。", "Stop the processor's own statistics, or make them part of the entrusted work in the contract.")),
        Rule(
            id: "SEC-05", chapter: .security,
            title: L("委託先の分析技術の改善は委託元の利用目的の達成に必要な範囲に限ること", "A processor may improve its analysis technology only within the controller's purpose"),
            sources: [.qa5_26_5], strength: .legalObligation,
            applies: { context in
                processorsApply(context.entrusted.filter(\.improvesOwnModels), "自社の分析技術の改善に利用する委託先", "Processors improving their own analysis technology")
            },
            check: { context in
                processorFlagCheck(context.entrusted.filter { $0.improvesOwnModels && !$0.improvementWithinPurpose }, "委託元の利用目的を超えて技術改善に利用する委託先", "Processors improving technology beyond the controller's purpose", key: "improvement_within_purpose")
            },
            remedy: L("改善への利用を委託元の利用目的の達成に必要な範囲に限定し、契約に明記してください。", "Limit the use to what the controller's purpose needs and write it into the contract.")),
        Rule(
            id: "SEC-06", chapter: .security,
            title: L("委託に伴い取得した別の個人データも委託業務以外に使わないこと", "Data obtained through entrusted data stays within the entrusted work"),
            sources: [.qa5_26_6], strength: .legalObligation,
            applies: { context in processorsApply(context.entrusted, "委託先", "Entrusted processors") },
            check: { context in
                processorFlagCheck(context.entrusted.filter(\.reusesObtainedData), "委託業務を通じて得た個人データを自社のために使う委託先", "Processors using data obtained through the entrusted work for themselves", key: "reuses_obtained_data")
            },
            remedy: L("委託業務を通じて取得した反応データ等も委託業務の範囲でのみ扱わせてください。", "Make the processor handle data obtained through the work only within the work.")),
        Rule(
            id: "SEC-07", chapter: .security,
            title: L("複数の委託元の個人データを本人ごとに突合しないこと（突合せずに統計を合算するのは可）", "No person-by-person matching across clients (pooling into one statistic is allowed)"),
            sources: [.qa5_26_7Match, .qa5_26_7Pool, .art27_1], strength: .legalObligation,
            applies: { context in
                processorsApply(context.entrusted.filter { $0.combinesClients != .none }, "複数の委託元のデータを組み合わせる委託先", "Processors combining several clients' data")
            },
            check: { context in
                let combining = context.entrusted.filter { $0.combinesClients != .none }
                let matching = combining.filter { $0.combinesClients == .perPerson && !context.hasConsent(.thirdParty, for: $0.name) }
                if !matching.isEmpty {
                    return .no("\(matching.map(\.name).joined(separator: ", ")) は委託元ごとのデータを本人ごとに突合します（①）。委託の範囲ではできず、第三者提供の同意が必要です。",
                               "\(matching.map(\.name).joined(separator: ", ")) match clients' data person by person (①): not possible under entrustment without consent to third-party provision.",
                               missing: matching.map { "consents[kind=third_party, covers=\($0.name)]" })
                }
                return .yes("本人ごとの突合はせず、サンプル数を増やすために合算した統計のみを作成します（②）。", "No person-by-person matching; data are only pooled into one statistic to enlarge the sample (②).")
            },
            remedy: L("委託元ごとのデータを分離し（テナント分離）、合算は本人ごとに突合しない統計に限ってください。", "Keep each client's data apart (per-tenant keys) and pool only statistics that match no person.")),
        Rule(
            id: "SEC-08", chapter: .security,
            title: L("保管のみのクラウドは契約と アクセス制御で事業者が個人データを取り扱わないことを担保すること", "Storage-only cloud: contract and access control must keep the provider from handling the data"),
            sources: [.qaCloud, .art23], strength: .legalObligation,
            applies: { context in
                processorsApply(context.manifest.processors.filter { $0.role == .storageOnly }, "保管のみのクラウド事業者", "Storage-only cloud providers")
            },
            check: { context in
                let weak = context.manifest.processors.filter { $0.role == .storageOnly && !($0.noAccessClause && $0.accessControl) }
                return .when(weak.isEmpty,
                    yes: ("契約上の取扱い禁止条項とアクセス制御があり、提供にも委託にも当たりません。", "A no-access clause and access control are in place: neither provision nor entrustment."),
                    no: ("取扱い禁止条項またはアクセス制御がない：\(weak.map(\.name).joined(separator: ", "))。委託として扱う必要があります。", "No no-access clause or access control: \(weak.map(\.name).joined(separator: ", ")); treat as entrustment."),
                    missing: weak.flatMap { ["processors[\($0.name)].no_access_clause", "processors[\($0.name)].access_control"] })
            },
            remedy: L("契約に個人データを取り扱わない旨を定め、適切にアクセス制御するか、委託として監督してください。", "Put a no-access clause in the contract with access control, or supervise the provider as a processor.")),
        Rule(
            id: "SEC-09", chapter: .security,
            title: L("外国にある第三者（委託先を含む）への提供は同意・十分性認定国・基準適合体制のいずれかによること", "Provision abroad (processors included) needs consent, an adequate country or equivalent measures"),
            sources: [.art28], strength: .legalObligation,
            applies: { context in
                let foreign = foreignRecipients(context)
                return foreign.isEmpty
                    ? .no("外国にある委託先・提供先はありません。", "No processor or recipient abroad.")
                    : .yes("外国にある委託先・提供先：\(foreign.map { "\($0.name)（\($0.country)）" }.joined(separator: "、"))。", "Processors or recipients abroad: \(foreign.map { "\($0.name) (\($0.country))" }.joined(separator: ", ")).")
            },
            check: { context in
                let bad = foreignRecipients(context).filter { !$0.covered }
                return .when(bad.isEmpty,
                    yes: ("十分性認定国、基準適合体制の契約、または外国提供への同意があります。", "Adequate country, equivalent-measures contract or consent to foreign transfer."),
                    no: ("根拠のない外国提供：\(bad.map(\.name).joined(separator: ", "))。", "Foreign provision without basis: \(bad.map(\.name).joined(separator: ", "))."),
                    missing: bad.map { "processors[\($0.name)].equivalent_measures or consents[kind=foreign_transfer]" })
            },
            remedy: L("基準適合体制を契約で確保し継続的に確認するか、国名と制度を示して同意を得てください。", "Secure equivalent measures by contract and monitor them, or obtain consent after informing of the country and its system.")),
        Rule(
            id: "SEC-10", chapter: .security,
            title: L("エッジで処理し、画像をクラウドに送らないこと", "Process on the edge; do not send images to the cloud"),
            sources: [.gb4_8, .gb4_4], strength: .guidebookRecommendation,
            applies: { _ in .yes("すべての導入に適用されます。", "Applies to every deployment.") },
            check: { context in
                let location = context.manifest.processing.location
                return .when(location == .edge || location == .onPremises,
                    yes: ("画像は\(location == .edge ? "エッジ" : "自社設備")で処理され、外部に送られません。", "Images are processed \(location == .edge ? "on the edge" : "on premises") and never leave."),
                    no: ("画像を\(location == .cloud ? "クラウド" : "外国のクラウド")で処理します。", "Images are processed in \(location == .cloud ? "a cloud" : "a foreign cloud")."),
                    missing: ["processing.location: edge"])
            },
            remedy: L("特徴量抽出をエッジで行い、送る場合は暗号化した統計のみにしてください。", "Extract on the edge and send only encrypted statistics.")),
    ]

    /// Applicability shared by rules on a list of processors.
    static func processorsApply(_ processors: [Processor], _ ja: String, _ en: String) -> RuleCheck {
        processors.isEmpty
            ? .no("該当する事業者はありません。", "No such vendor.")
            : .yes("\(ja)：\(processors.map(\.name).joined(separator: "、"))。", "\(en): \(processors.map(\.name).joined(separator: ", ")).")
    }

    /// Satisfaction shared by rules forbidding a processor behaviour: holds when no processor shows it.
    static func processorFlagCheck(_ offenders: [Processor], _ ja: String, _ en: String, key: String) -> RuleCheck {
        .when(offenders.isEmpty,
              yes: ("該当する取扱いはありません。", "No processor does so."),
              no: ("\(ja)：\(offenders.map(\.name).joined(separator: "、"))。", "\(en): \(offenders.map(\.name).joined(separator: ", "))."),
              missing: offenders.map { "processors[\($0.name)].\(key)" })
    }

    /// Applicability shared by rules on retained personal data (保有個人データ).
    static func personalDatabaseApplies(_ context: RuleContext) -> RuleCheck {
        let cases = context.manifest.useCases.filter(\.keepsPersonalDatabase)
        return cases.isEmpty
            ? .no("本人ごとに検索できるデータ（個人データ）を保存しません。", "Nothing searchable by person (personal data) is stored.")
            : .yes("\(context.names(cases)) は顔特徴データ等を本人ごとに検索できる形で保存するため、個人データ・保有個人データに当たります（保存期間の長短を問いません）。",
                   "\(context.names(cases)) store face features searchable by person: personal data and retained personal data, however short the retention.")
    }

    /// Processors and personal-data recipients outside Japan, with whether a basis covers each.
    static func foreignRecipients(_ context: RuleContext) -> [(name: String, country: String, covered: Bool)] {
        let processors = context.manifest.processors.filter { $0.country != "JP" && $0.role != .independent }.map { processor in
            (processor.name, processor.country, ppcAdequateCountries.contains(processor.country) || processor.equivalentMeasures || context.hasConsent(.foreignTransfer, for: processor.name))
        }
        let recipients = context.personalRecipients.filter { $0.country != "JP" }.map { party in
            (party.name, party.country, ppcAdequateCountries.contains(party.country) || context.hasConsent(.foreignTransfer, for: party.name))
        }
        let undeclared = context.manifest.processing.location == .foreignCloud && processors.isEmpty
            ? [("foreign cloud (processing.location)", "?", false)] : []
        return (processors + recipients + undeclared).map { (name: $0.0, country: $0.1, covered: $0.2) }
    }
}
