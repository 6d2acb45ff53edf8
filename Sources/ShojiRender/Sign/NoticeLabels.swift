import ShojiPolicy

/// The fixed headings printed on signs and notice pages, in both languages.
///
/// These are the renderer's own words (section titles, captions); everything a deployment says about itself
/// comes from `NoticeContent`.
enum NoticeLabels {
    static let cameraInOperation = LocalizedText(ja: "カメラ作動中", en: "CAMERA IN OPERATION")
    static let operatedBy = LocalizedText(ja: "運営者", en: "Operated by")
    static let lead = LocalizedText(
        ja: "このカメラの映像を、次の目的のために自動で解析しています。",
        en: "Images from this camera are analysed automatically for the purposes below.")
    static let purpose = LocalizedText(ja: "目的", en: "Purpose")
    static let captured = LocalizedText(ja: "取得", en: "Captured")
    static let kept = LocalizedText(ja: "保存", en: "Kept")
    static let discarded = LocalizedText(ja: "すぐに破棄", en: "Discarded")
    static let retention = LocalizedText(ja: "保存期間", en: "Retention")
    static let contact = LocalizedText(ja: "お問い合わせ", en: "Contact")
    static let details = LocalizedText(ja: "詳しい説明・開示等のご請求", en: "Full notice and requests")
    static let scan = LocalizedText(ja: "QRコードで詳細を表示", en: "Scan for the full notice")
    static let continued = LocalizedText(ja: "（続きは詳細ページをご覧ください）", en: "(continued on the notice page)")
    static let listSeparator = LocalizedText(ja: "、", en: ", ")

    /// Joins list items in a language's own way (「、」 or ", ").
    static func join(_ items: [LocalizedText], in language: Language) -> String {
        items.map { $0[language] }.joined(separator: listSeparator[language])
    }
}
