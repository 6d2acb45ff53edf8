/// The sentences a notice builds from manifest facts. Each states only what the manifest declares or what
/// Shoji itself enforces, so the published page never promises more than the deployment does.
public enum NoticeWording {
    /// No provision to third parties.
    public static let noThirdPartyProvision = LocalizedText(
        ja: "法令に基づく場合を除き、第三者には提供しません。",
        en: "We do not provide the data to third parties, except where the law requires.")

    /// The contact desk for questions and requests.
    public static let inquiryDesk = LocalizedText(ja: "お問い合わせ窓口", en: "Inquiries")

    /// The complaint desk when no privacy officer is named.
    public static let complaintDesk = LocalizedText(ja: "苦情・お問い合わせ窓口", en: "Complaints and inquiries")

    // MARK: Assurances on the sign

    static let imagesNotStored = LocalizedText(ja: "撮影した映像は保存しません", en: "Camera images are not stored")
    static let originalsNotStored = LocalizedText(
        ja: "加工前の映像は保存しません（顔・ナンバーは加工）", en: "Unmasked images are not stored (faces and plates masked)")
    static let nothingIdentifyingKept = LocalizedText(
        ja: "個人を特定できる情報は保存しません", en: "Nothing that identifies you is kept")
    static let notProvided = LocalizedText(ja: "第三者には提供しません", en: "Not provided to third parties")

    // MARK: Requests (Art. 33–35)

    static let disclosure = LocalizedText(
        ja: "利用目的の通知・開示（第三者提供記録の開示を含む）", en: "Notice of purposes and disclosure (including records of provision)")
    static let correction = LocalizedText(ja: "内容の訂正・追加・削除", en: "Correction, addition or deletion")
    static let stopAndErasure = LocalizedText(ja: "利用停止・消去、第三者提供の停止", en: "Stop of use and erasure; stop of provision to third parties")
    static let optOut = LocalizedText(
        ja: "顔特徴量を使う分析の対象からの除外（オプトアウト）", en: "Exclusion from analyses that use face feature data (opt-out)")

    static let requestSteps: [LocalizedText] = [
        LocalizedText(ja: "下記の窓口に、ご請求の種類と、撮影された日時・場所をお知らせください。",
                      en: "Tell the contact below what you are asking for and the date, time and place you were filmed."),
        LocalizedText(ja: "ご本人（または代理人）であることを確認させていただきます。",
                      en: "We confirm that you are the person concerned (or their representative)."),
        LocalizedText(ja: "確認後、遅滞なく対応し、結果をご希望の方法でお知らせします。",
                      en: "We act without delay and tell you the result by the method you choose."),
        LocalizedText(ja: "統計データなど個人を識別できない情報は、どなたのものか特定できないため、ご請求の対象になりません。",
                      en: "Statistics and other data that identify no one cannot be traced to you, so they are outside these requests."),
    ]

    static let electronic = LocalizedText(ja: "電磁的記録の提供", en: "electronic records")
    static let paper = LocalizedText(ja: "書面の交付", en: "paper documents")
    static let noFee = LocalizedText(ja: "手数料はいただきません。", en: "There is no fee.")

    // MARK: Safety measures (Art. 23; published under Art. 32(1)(iv))

    static let originalsDiscarded = LocalizedText(
        ja: "撮影した元の映像は解析後すぐに破棄し、保存しません。",
        en: "The original camera images are discarded right after analysis and never stored.")
    static func location(_ location: Processing.Location) -> LocalizedText {
        switch location {
        case .edge:
            LocalizedText(ja: "映像はカメラの近くに置いた機器の中で処理し、外部に送信しません。",
                          en: "Images are processed in a device next to the camera and never sent out.")
        case .onPremises:
            LocalizedText(ja: "映像は施設内のサーバーで処理し、外部に送信しません。",
                          en: "Images are processed on a server on the premises and never sent out.")
        case .cloud:
            LocalizedText(ja: "映像は国内のクラウドで処理します。委託先を監督しています。",
                          en: "Images are processed in a cloud in Japan, under our supervision of the provider.")
        case .foreignCloud:
            LocalizedText(ja: "映像は外国のクラウドで処理します。所在国は「取扱いの委託」をご覧ください。",
                          en: "Images are processed in a cloud abroad; see \"Entrusted processors\" for the country.")
        }
    }
    static let encryption = LocalizedText(
        ja: "保存する個人データ（顔特徴量など）は暗号化して保存します。",
        en: "Personal data we keep (such as face feature data) is stored encrypted.")
    static let accessControl = LocalizedText(
        ja: "データにアクセスできる担当者を限定しています。", en: "Only authorised staff can access the data.")
    static let accessLog = LocalizedText(
        ja: "個人データの閲覧はすべて、改ざんを検知できる監査ログに記録します。",
        en: "Every read of personal data is recorded in a tamper-evident audit log.")
    static let incidentPlan = LocalizedText(
        ja: "漏えい等が起きた場合の対応手順を定めています。", en: "We have a procedure for responding to leaks and other incidents.")
    static let autoDelete = LocalizedText(
        ja: "保存期間を過ぎたデータは自動で消去します。", en: "Data is erased automatically when its retention period ends.")
    static func officer(_ name: String) -> LocalizedText {
        LocalizedText(ja: "責任者（\(name)）を定め、取扱状況を点検しています。",
                      en: "A responsible officer (\(name)) oversees and reviews the handling.")
    }
    static func foreignCountries(_ countries: [String]) -> LocalizedText {
        let list = countries.joined(separator: ", ")
        return LocalizedText(
            ja: "外国（\(list)）にある事業者がデータを取り扱います。当該国の個人情報保護制度を把握した上で措置を講じています。",
            en: "Businesses in other countries (\(list)) handle the data; we take measures in view of those countries' data protection rules.")
    }

    // MARK: Face identification (PPC Q&A Q1-11…Q1-13)

    static let objectiveEvidence = LocalizedText(
        ja: "登録は客観的な証拠に基づいて行い、疑いだけでは登録しません。",
        en: "Registrations rest on objective evidence, never on suspicion alone.")
    static func approvedBy(_ approver: String) -> LocalizedText {
        LocalizedText(ja: "登録は\(approver)が承認します。", en: "Each registration is approved by: \(approver).")
    }
    static let humanReview = LocalizedText(
        ja: "照合で一致した場合も、担当者が確認するまで何の対応も行いません。",
        en: "A match leads to no action until a member of staff has checked it.")
    static let discardNonMatches = LocalizedText(
        ja: "登録者と一致しない方の顔特徴量は、照合後直ちに破棄します。",
        en: "Face data of everyone who does not match is discarded right after matching.")
    static func rulesAt(_ url: String) -> LocalizedText {
        LocalizedText(ja: "運用ルールの全文: \(url)", en: "Full operating rules: \(url)")
    }

    // MARK: Retention

    /// A retention period in words: 「2年」, 「30日」, 「保存しません」.
    static func period(days: Int?, of kind: RecordKind) -> LocalizedText {
        guard let days else { return LocalizedText(ja: "期間未定", en: "not set") }
        if days == 0 {
            return kind.isTransient
                ? LocalizedText(ja: "保存しません", en: "not kept")
                : LocalizedText(ja: "最新のみ（上書き）", en: "latest only (overwritten)")
        }
        if days % 365 == 0 {
            let years = days / 365
            return LocalizedText(ja: "\(years)年", en: years == 1 ? "1 year" : "\(years) years")
        }
        return LocalizedText(ja: "\(days)日", en: days == 1 ? "1 day" : "\(days) days")
    }

    // MARK: Processors and third parties

    static func role(_ role: Processor.Role) -> LocalizedText {
        switch role {
        case .entrustment: LocalizedText(ja: "委託", en: "entrusted")
        case .storageOnly: LocalizedText(ja: "保管のみ（データは取り扱いません）", en: "storage only (does not handle the data)")
        case .independent: LocalizedText(ja: "独自に取得（当社は統計のみ受領）", en: "collects independently (we receive statistics only)")
        }
    }

    static func provision(_ party: ThirdParty) -> LocalizedText {
        let data: LocalizedText = switch party.data {
        case .aggregate: LocalizedText(ja: "個人を識別できない統計情報のみ", en: "statistics that identify no one")
        case .personal: LocalizedText(ja: "個人データ", en: "personal data")
        }
        let basis: LocalizedText = switch party.basis {
        case .consent: LocalizedText(ja: "ご本人の同意に基づく", en: "with the person's consent")
        case .law: LocalizedText(ja: "法令に基づく", en: "as the law requires")
        case .protectionOfLife: LocalizedText(ja: "生命・身体・財産の保護のため", en: "to protect life, body or property")
        case .stateCooperation: LocalizedText(ja: "国の機関等への協力のため", en: "in cooperation with public bodies")
        case .none: LocalizedText(ja: "", en: "")
        }
        let suffixJa = basis.ja.isEmpty ? "" : "（\(basis.ja)）"
        let suffixEn = basis.en.isEmpty ? "" : " (\(basis.en))"
        return LocalizedText(ja: "\(party.name)（\(party.country)）に\(data.ja)を提供します\(suffixJa)。",
                             en: "We provide \(data.en) to \(party.name) (\(party.country))\(suffixEn).")
    }
}
