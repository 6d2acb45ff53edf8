extension RecordKind {
    /// How a notice names this kind of data.
    public var noticeLabel: LocalizedText {
        switch self {
        case .frames: LocalizedText(ja: "映像", en: "images")
        case .faceCrops: LocalizedText(ja: "顔画像", en: "face crops")
        case .transientFeatures: LocalizedText(ja: "顔の特徴量", en: "face feature data")
        case .tracks: LocalizedText(ja: "人物の位置・追跡データ", en: "positions and tracks of people")
        case .attributeCounts: LocalizedText(ja: "時間帯・年代・性別ごとの人数（統計）", en: "counts per time slot, age group and gender (statistics)")
        case .trajectories: LocalizedText(ja: "移動経路（来店ごとの使い捨て番号で管理）", en: "paths (under a number used for one visit only)")
        case .heatmaps: LocalizedText(ja: "滞在ヒートマップ", en: "heatmaps of where people stay")
        case .zoneStatistics: LocalizedText(ja: "エリアごとの滞在時間（統計）", en: "dwell time per area (statistics)")
        case .featureVectors: LocalizedText(ja: "暗号化した顔特徴量（期限付き）", en: "encrypted face feature data (with an expiry)")
        case .visitHistory: LocalizedText(ja: "仮名の来店者番号と来店履歴", en: "visit history under a pseudonymous number")
        case .lineCrossings: LocalizedText(ja: "方向・時間帯ごとの通過人数（統計）", en: "crossings per direction and time slot (statistics)")
        case .redactedMedia: LocalizedText(ja: "顔・人物・ナンバープレートを隠した画像", en: "images with faces, people and number plates masked")
        case .iconMap: LocalizedText(ja: "人をアイコンで表した混雑マップ", en: "a congestion map showing people as icons")
        case .congestionLevels: LocalizedText(ja: "エリアごとの混雑度（統計）", en: "congestion level per area (statistics)")
        case .watchlistEntries: LocalizedText(ja: "登録者の顔特徴量（登録根拠・承認者・期限付き）", en: "registered persons' face feature data (with evidence, approver and expiry)")
        case .matchAlerts: LocalizedText(ja: "照合結果（担当者が確認）", en: "match alerts (checked by staff)")
        }
    }

    /// A short name for retention lists, e.g. 「統計」.
    public var noticeShortLabel: LocalizedText {
        switch self {
        case .frames, .redactedMedia: LocalizedText(ja: "画像", en: "images")
        case .faceCrops: LocalizedText(ja: "顔画像", en: "face crops")
        case .transientFeatures, .featureVectors: LocalizedText(ja: "顔特徴量", en: "face data")
        case .tracks: LocalizedText(ja: "追跡データ", en: "tracks")
        case .attributeCounts, .lineCrossings, .zoneStatistics, .congestionLevels: LocalizedText(ja: "統計", en: "statistics")
        case .trajectories: LocalizedText(ja: "移動経路", en: "paths")
        case .heatmaps: LocalizedText(ja: "ヒートマップ", en: "heatmaps")
        case .visitHistory: LocalizedText(ja: "来店履歴", en: "visit history")
        case .iconMap: LocalizedText(ja: "混雑マップ", en: "congestion map")
        case .watchlistEntries: LocalizedText(ja: "登録情報", en: "registrations")
        case .matchAlerts: LocalizedText(ja: "照合結果", en: "match alerts")
        }
    }
}
