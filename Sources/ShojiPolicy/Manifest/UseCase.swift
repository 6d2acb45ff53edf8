/// The analyses Shoji can run: the six cases of the METI/MIC Camera Image Utilization Guidebook ver3.0 and
/// crime-prevention face identification (PPC Q&A Q1-11…Q1-13). See DESIGN.md, "The use cases".
public enum UseCase: String, Sendable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    /// Case 1, 店舗設置カメラ・属性の推定: counts per time bucket × age band × gender.
    case attributes
    /// Case 2, 店舗設置カメラ・動線分析: trajectories under a visit-scoped random id; heatmaps; zone dwell.
    case flow
    /// Case 3, 店舗設置カメラ・リピート分析: encrypted face feature vectors with an expiry; visit history.
    case repeatVisit = "repeat"
    /// Case 4, 屋外カメラ・人物形状の計測: line crossings per direction per interval.
    case counting
    /// Case 5, 屋外カメラ・風景画像（写り込み）: only the anonymised image or video.
    case redaction
    /// Case 6, 駅構内カメラ・滞留状況: an overwritten icon map and a congestion level per area.
    case congestion
    /// PPC Q&A 1-11…1-13: crime-prevention face identification against a watchlist.
    case watchlist

    /// The guidebook case number ("1"…"6"), or "W" for the watchlist.
    public var guidebookCase: String {
        switch self {
        case .attributes: "1"
        case .flow: "2"
        case .repeatVisit: "3"
        case .counting: "4"
        case .redaction: "5"
        case .congestion: "6"
        case .watchlist: "W"
        }
    }

    /// The case's name in the guidebook (or the PPC Q&A for the watchlist).
    public var title: LocalizedText {
        switch self {
        case .attributes: LocalizedText(ja: "店舗設置カメラ（属性の推定）", en: "In-store camera: attribute estimation")
        case .flow: LocalizedText(ja: "店舗設置カメラ（人物の行動履歴の生成）", en: "In-store camera: movement (flow) analysis")
        case .repeatVisit: LocalizedText(ja: "店舗設置カメラ（リピート分析）", en: "In-store camera: repeat-visit analysis")
        case .counting: LocalizedText(ja: "屋外に向けたカメラ（人物形状の計測）", en: "Outward camera: people counting by shape")
        case .redaction: LocalizedText(ja: "屋外に向けたカメラ（写り込みが発生し得る風景画像の取得）", en: "Outward camera: landscape images with incidental capture")
        case .congestion: LocalizedText(ja: "駅構内設置カメラ（人物の滞留状況把握）", en: "In-station camera: congestion display")
        case .watchlist: LocalizedText(ja: "防犯目的の顔識別（照合用データベース）", en: "Crime-prevention face identification (watchlist)")
        }
    }

    /// The record kinds this use case keeps (and so needs a retention period for).
    public var keeps: [RecordKind] {
        switch self {
        case .attributes: [.attributeCounts]
        case .flow: [.trajectories, .heatmaps, .zoneStatistics]
        case .repeatVisit: [.featureVectors, .visitHistory]
        case .counting: [.lineCrossings]
        case .redaction: [.redactedMedia]
        case .congestion: [.iconMap, .congestionLevels]
        case .watchlist: [.watchlistEntries, .matchAlerts]
        }
    }

    /// What this use case must discard at once (kept in memory only for the analysis of one frame or visit).
    public var discardsAtOnce: [RecordKind] {
        switch self {
        case .attributes: [.frames, .faceCrops, .transientFeatures]
        case .flow: [.frames]
        case .repeatVisit: [.frames, .faceCrops]
        case .counting: [.frames, .tracks]
        case .redaction: [.frames]
        case .congestion: [.frames, .tracks]
        case .watchlist: [.frames, .faceCrops, .transientFeatures]
        }
    }

    /// Whether the use case extracts face feature data (個人識別符号, APPI Art. 2(2)(i)), even transiently.
    public var extractsFaceFeatures: Bool {
        switch self {
        case .attributes, .repeatVisit, .watchlist: true
        case .flow, .counting, .redaction, .congestion: false
        }
    }

    /// Whether the use case keeps data searchable by person (a 個人情報データベース等, hence 個人データ and
    /// 保有個人データ: APPI Art. 16).
    public var keepsPersonalDatabase: Bool {
        switch self {
        case .repeatVisit, .watchlist: true
        case .attributes, .flow, .counting, .redaction, .congestion: false
        }
    }

    /// Whether the use case analyses a person's behaviour over time (profiling in the sense of PPC Q&A Q2-1).
    public var isProfiling: Bool { self == .repeatVisit }

    /// Orders use cases as in the guidebook.
    public static func < (lhs: UseCase, rhs: UseCase) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
