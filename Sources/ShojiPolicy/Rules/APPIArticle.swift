/// An article of the APPI (個人情報の保護に関する法律) with its number before the renumbering of 2022-04-01
/// (デジタル社会形成整備法 Art. 50), so that a finding can be checked against sources of either era (the seed
/// PPC Q&A of September 2021 still cites the old numbers).
public struct APPIArticle: Sendable, Codable, Hashable {
    /// The current article number.
    public let number: String
    /// The number before 2022-04-01 (nil when unchanged or new).
    public let former: String?
    /// The article's subject.
    public let title: LocalizedText

    /// Creates an entry of the table.
    public init(_ number: String, former: String?, ja: String, en: String) {
        self.number = number
        self.former = former
        self.title = LocalizedText(ja: ja, en: en)
    }

    /// Definitions: personal information, identification codes, sensitive information (unchanged).
    public static let definitions = APPIArticle("2", former: "2", ja: "定義（個人情報・個人識別符号・要配慮個人情報）", en: "Definitions")
    /// Database, business, personal data, retained personal data (was 2(4)–(7)).
    public static let personalData = APPIArticle("16", former: "2(4)-(7)", ja: "定義（個人データ・保有個人データ）", en: "Definitions (personal data, retained personal data)")
    /// Purpose specification.
    public static let purposeSpecification = APPIArticle("17", former: "15", ja: "利用目的の特定", en: "Specification of the purpose of use")
    /// Use limitation.
    public static let useLimitation = APPIArticle("18", former: "16", ja: "利用目的による制限", en: "Restriction by the purpose of use")
    /// Prohibition of inappropriate use (new in 2020).
    public static let inappropriateUse = APPIArticle("19", former: nil, ja: "不適正な利用の禁止", en: "Prohibition of inappropriate use")
    /// Proper acquisition.
    public static let properAcquisition = APPIArticle("20", former: "17", ja: "適正な取得", en: "Proper acquisition")
    /// Notice or publication of the purpose at acquisition.
    public static let noticeOfPurpose = APPIArticle("21", former: "18", ja: "取得に際しての利用目的の通知等", en: "Notice of the purpose at acquisition")
    /// Accuracy; deletion when no longer needed.
    public static let accuracyAndDeletion = APPIArticle("22", former: "19", ja: "データ内容の正確性の確保等", en: "Accuracy and deletion when no longer needed")
    /// Safety management measures.
    public static let safetyManagement = APPIArticle("23", former: "20", ja: "安全管理措置", en: "Safety management measures")
    /// Supervision of processors.
    public static let processorSupervision = APPIArticle("25", former: "22", ja: "委託先の監督", en: "Supervision of processors")
    /// Breach reporting and notice (new in 2020).
    public static let breachReporting = APPIArticle("26", former: nil, ja: "漏えい等の報告等", en: "Reporting of leaks")
    /// Third-party provision, entrustment, joint use.
    public static let thirdPartyProvision = APPIArticle("27", former: "23", ja: "第三者提供の制限", en: "Restriction of provision to third parties")
    /// Provision to third parties abroad.
    public static let foreignProvision = APPIArticle("28", former: "24", ja: "外国にある第三者への提供の制限", en: "Provision to third parties in foreign countries")
    /// Provider records.
    public static let provisionRecords = APPIArticle("29", former: "25", ja: "第三者提供に係る記録の作成等", en: "Records of provision")
    /// Publication of matters on retained personal data.
    public static let publicationOfMatters = APPIArticle("32", former: "27", ja: "保有個人データに関する事項の公表等", en: "Publication of matters on retained personal data")
    /// Disclosure.
    public static let disclosure = APPIArticle("33", former: "28", ja: "開示", en: "Disclosure")
    /// Correction.
    public static let correction = APPIArticle("34", former: "29", ja: "訂正等", en: "Correction")
    /// Suspension of use and erasure.
    public static let suspension = APPIArticle("35", former: "30", ja: "利用停止等", en: "Suspension of use and erasure")

    /// Every article in the table, in order.
    public static let table: [APPIArticle] = [
        definitions, personalData, purposeSpecification, useLimitation, inappropriateUse, properAcquisition,
        noticeOfPurpose, accuracyAndDeletion, safetyManagement, processorSupervision, breachReporting,
        thirdPartyProvision, foreignProvision, provisionRecords, publicationOfMatters, disclosure, correction, suspension,
    ]
}
