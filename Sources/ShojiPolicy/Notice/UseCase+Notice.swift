extension UseCase {
    /// The short label a sign prints for this analysis, e.g. 「属性推定（年齢・性別）」.
    public var noticeLabel: LocalizedText {
        switch self {
        case .attributes: LocalizedText(ja: "属性推定（年齢・性別）", en: "Attribute estimation (age, gender)")
        case .flow: LocalizedText(ja: "動線分析（店内の移動経路）", en: "Movement analysis (paths through the store)")
        case .repeatVisit: LocalizedText(ja: "リピート分析（顔特徴量を使用）", en: "Repeat-visit analysis (uses face feature data)")
        case .counting: LocalizedText(ja: "通行人数の計測", en: "People counting")
        case .redaction: LocalizedText(ja: "風景画像の取得（写り込みを加工）", en: "Landscape images (people and plates masked)")
        case .congestion: LocalizedText(ja: "混雑状況の把握（アイコン表示）", en: "Congestion display (people shown as icons)")
        case .watchlist: LocalizedText(ja: "防犯目的の顔識別", en: "Face identification for crime prevention")
        }
    }

    /// What the camera captures for this analysis, said plainly: whether faces are in it matters to people.
    public var noticeCaptured: [LocalizedText] {
        switch self {
        case .attributes, .repeatVisit, .watchlist:
            [LocalizedText(ja: "カメラ映像（顔を含む）", en: "camera images (including faces)")]
        case .flow, .counting, .congestion:
            [LocalizedText(ja: "カメラ映像", en: "camera images")]
        case .redaction:
            [LocalizedText(ja: "風景の映像（写り込む人や車を含む）", en: "images of the scene (including people and cars passing by)")]
        }
    }

    /// What is discarded at once, in words: for redaction the discarded frames are the unmasked originals,
    /// which matters because masked images are kept.
    public var noticeDiscarded: [LocalizedText] {
        discardsAtOnce.map { kind in
            if self == .redaction, kind == .frames {
                return LocalizedText(ja: "加工前の元の映像", en: "the original, unmasked images")
            }
            return kind.noticeLabel
        }
    }
}
