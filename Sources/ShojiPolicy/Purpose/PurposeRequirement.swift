/// A statement a purpose text must contain when the deployment does something people would not otherwise
/// foresee. Each requirement is a set of word groups per language: the text must contain a word of every group.
public struct PurposeRequirement: Sendable {
    /// The issue raised when the text falls short.
    public let kind: PurposeIssue.Kind
    /// Whether the requirement applies to `purpose` in `manifest`.
    public let applies: @Sendable (Purpose, Manifest) -> Bool
    /// Word groups per language; every group must be matched by at least one word.
    public let groups: [Language: [[String]]]
    /// Why, and what to write.
    public let explanation: LocalizedText
    /// Where the requirement comes from.
    public let sources: [Source]

    /// Whether `text` in `language` contains a word of every group.
    public func isStated(in text: String, language: Language) -> Bool {
        (groups[language] ?? []).allSatisfy { group in group.contains { PurposeLinter.mentions(text, $0, language: language) } }
    }

    /// Profiling (repeat-visit analysis) must be stated as analysis of visit or behaviour history (Q2-1 ¶2).
    public static let profiling = PurposeRequirement(
        kind: .profilingNotStated,
        applies: { purpose, _ in purpose.useCases.contains { $0.isProfiling } },
        groups: [
            .ja: [["分析"], ["来店履歴", "行動履歴", "来店頻度", "購買履歴"]],
            .en: [["analys", "analyz", "analyse"], ["visit history", "behaviour", "behavior", "visit frequency", "purchase history"]],
        ],
        explanation: L(
            "来店履歴・行動履歴を分析する処理（プロファイリング）を行う場合、分析結果の利用目的だけでなく、その分析処理を行うこと自体を利用目的に含めて特定する必要があります（Q2-1）。例：「顔の特徴量により再来店を識別し、来店履歴を分析して…」。",
            "When visit or behaviour history is analysed (profiling), the purpose must state that this analysis is done, not only what its results are used for (Q2-1). E.g. \"identify returning visitors by face features and analyse their visit history to …\"."),
        sources: [.qa2_1Profiling, .art17_1])

    /// Advertising customised from attributes estimated from a face must be stated (Q1-13-3).
    public static let targetedAdvertising = PurposeRequirement(
        kind: .targetedAdvertisingNotStated,
        applies: { purpose, manifest in
            manifest.cameras.contains { camera in camera.targetedAdvertising && camera.useCases.contains { purpose.useCases.contains($0) } }
        },
        groups: [
            .ja: [["広告"], ["属性", "年齢", "性別"]],
            .en: [["advert", "ads"], ["attribute", "age", "gender"]],
        ],
        explanation: L(
            "顔画像から抽出した属性に基づき本人向けに広告を表示する場合、顔画像を直ちに廃棄しても特定の個人を識別して広告配信をしていると解されるため、属性に基づく広告配信を本人が予測・想定できるよう利用目的に明記する必要があります（Q1-13-3）。",
            "Showing a person advertisements customised from attributes extracted from their face counts as identifying them even if the image is deleted at once, so the purpose must say that ads are chosen from estimated attributes (Q1-13-3)."),
        sources: [.qa1_13_3Ads, .art17_1, .art21_1])

    /// Face identification must be stated together with the crime-prevention aim (Q1-11; current A1-14).
    public static let faceIdentification = PurposeRequirement(
        kind: .faceIdentificationNotStated,
        applies: { purpose, _ in purpose.useCases.contains(.watchlist) },
        groups: [
            .ja: [["顔識別", "顔認証"], ["防犯", "犯罪", "万引"]],
            .en: [["face identification", "face recognition", "facial recognition", "face matching"], ["crime", "theft", "shoplift"]],
        ],
        explanation: L(
            "顔認証データを防犯目的で扱う場合、本人は通常それを予測できないため、防犯目的であることだけでなく顔識別機能を用いることも利用目的に明記する必要があります（Q1-11）。",
            "People cannot foresee that face data is used for crime prevention, so the purpose must state both the crime-prevention aim and that face identification is used (Q1-11)."),
        sources: [.qa1_11FaceData, .art17_1])

    /// Every requirement, checked for each purpose.
    public static let all: [PurposeRequirement] = [profiling, targetedAdvertising, faceIdentification]
}
