import ShojiPolicy

/// Headings of the prior-notice page, in both languages. The numbered sections follow APPI Art. 32(1) and
/// Cabinet Order Art. 10, then the joint-use items of Art. 27(5)(iii).
enum NoticePageLabels {
    static let title = LocalizedText(ja: "カメラ画像の利用について", en: "How we use camera images")
    static let subtitle = LocalizedText(ja: "事前告知・保有個人データに関する公表事項", en: "Prior notice and published matters on retained personal data")
    static let skip = LocalizedText(ja: "本文へ移動", en: "Skip to content")
    static let effective = LocalizedText(ja: "運用開始日", en: "In operation from")
    static let business = LocalizedText(ja: "事業者の名称・住所・代表者", en: "Business name, address and representative")
    static let name = LocalizedText(ja: "名称", en: "Name")
    static let address = LocalizedText(ja: "住所", en: "Address")
    static let representative = LocalizedText(ja: "代表者", en: "Representative")
    static let analyses = LocalizedText(ja: "カメラで行う解析と取り扱うデータ", en: "What the cameras are used for, and the data involved")
    static let faceIdentification = LocalizedText(ja: "顔識別の運用ルール", en: "Operating rules of face identification")
    static let purposes = LocalizedText(ja: "利用目的", en: "Purposes of use")
    static let requests = LocalizedText(ja: "開示・利用停止・消去等のご請求の手続", en: "How to request disclosure, stop of use or deletion")
    static let requestKinds = LocalizedText(ja: "受け付けるご請求", en: "Requests we accept")
    static let requestSteps = LocalizedText(ja: "手続の流れ", en: "Steps")
    static let disclosureMethods = LocalizedText(ja: "開示の方法", en: "How disclosure is given")
    static let fee = LocalizedText(ja: "手数料", en: "Fee")
    static let requestTo = LocalizedText(ja: "ご請求先", en: "Send requests to")
    static let safety = LocalizedText(ja: "安全管理のために講じた措置", en: "Safety measures we take")
    static let thirdParty = LocalizedText(ja: "第三者提供", en: "Provision to third parties")
    static let processors = LocalizedText(ja: "取扱いの委託", en: "Entrusted processors")
    static let noProcessors = LocalizedText(ja: "データの取扱いを外部に委託していません。", en: "We do not entrust the handling of the data to anyone.")
    static let processorTask = LocalizedText(ja: "委託する業務", en: "Task")
    static let processorCountry = LocalizedText(ja: "国", en: "Country")
    static let jointUse = LocalizedText(ja: "共同利用", en: "Joint use")
    static let jointUseStatement = LocalizedText(
        ja: "以下のとおり、個人データを共同して利用します。", en: "We use the following personal data jointly, as set out below.")
    static let jointItems = LocalizedText(ja: "共同して利用される個人データの項目", en: "Items of personal data used jointly")
    static let jointUsers = LocalizedText(ja: "共同して利用する者の範囲", en: "Scope of the joint users")
    static let jointPurposes = LocalizedText(ja: "利用する者の利用目的", en: "Purposes of the joint users")
    static let jointResponsible = LocalizedText(
        ja: "管理について責任を有する者（名称・住所・代表者）", en: "Party responsible for the data (name, address, representative)")
    static let complaints = LocalizedText(ja: "苦情の申出先", en: "Where to complain")
    static let contact = LocalizedText(ja: "お問い合わせ窓口", en: "Contact")
    static let reach = LocalizedText(ja: "連絡先", en: "How to reach us")
    static let qr = LocalizedText(ja: "このページのQRコード", en: "QR code of this page")
}
