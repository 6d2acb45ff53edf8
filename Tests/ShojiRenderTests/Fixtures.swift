import Foundation
import ShojiPolicy
@testable import ShojiRender

/// Shared inputs: a manifest in the shape of examples/attributes.yaml and hand-made notice content.
enum Fixtures {
    static let noticeURL = "https://shoji-retail.example/camera"

    /// A manifest for guidebook case 1, with `extra` YAML appended at the top level.
    static func manifestYAML(operatorName: String = "株式会社障子リテール", extra: String = "", noticeURL: String? = noticeURL) -> String {
        let prior = noticeURL.map { "  prior_notice:\n    url: \($0)\n    published_on: 2026-11-01\n" } ?? ""
        return """
        version: 1
        tenant: shoji-retail
        operator:
          legal_entity: "\(operatorName)"
          address: 東京都渋谷区神南一丁目1番1号
          representative: 代表取締役 障子 太郎
          contact: privacy@shoji-retail.example / 03-0000-0000
        privacy_officer:
          name: 個人情報保護責任者 田中 花子
          contact: dpo@shoji-retail.example
        space:
          type: store
          name: 渋谷店
        starts_on: 2026-12-01
        cameras:
          - id: entrance
            source: media/faces/
            visible_installation: true
            identifiable_images: true
            use_cases: [attributes, flow]
        purposes:
          - id: staffing
            aim: commercial
            text:
              ja: 時間帯別の来店者数の統計を作成し、レジ人員の配置に利用するため
              en: To compile visitor counts per time of day for till staffing
            use_cases: [attributes]
            declared_at: 2026-11-01
          - id: layout
            aim: commercial
            text:
              ja: 売場のレイアウト改善のため
              en: To improve the store layout
            use_cases: [flow]
            declared_at: 2026-11-01
        retention:
          auto_delete: true
          days:
            frames: 0
            face_crops: 0
            transient_features: 0
            attribute_counts: 730
            trajectories: 30
            heatmaps: 365
            zone_statistics: 365
        processing:
          location: edge
          attributes: [age_band, gender]
        notice:
          signage:
            items: [operating, operator, purpose, contact, url, data_types, retention]
            before_filmed_area: true
        \(prior)  art32_published: [name_address_representative, purposes, request_procedure, safety_measures, complaint_contact]
        rights:
          disclosure_methods: [electronic, paper]
          correction: true
          erasure: true
        security:
          encryption_at_rest: true
          access_control: true
          access_log: true
          incident_plan: true
        \(extra)
        """
    }

    static let jointUseYAML = """
    joint_use:
      parties: [株式会社障子リテール, 障子フーズ株式会社]
      data_items: [登録者の顔特徴量, 登録日]
      responsible_party: 株式会社障子リテール
      published_items: [joint_use, data_items, scope_of_users, purposes, responsible_party]
      published_on: 2026-11-01
    """

    static func content(_ yaml: String = manifestYAML()) throws -> NoticeContent {
        try NoticeContent(manifest: Manifest.decode(yaml: yaml, file: "fixture.yaml"))
    }

    /// A fresh folder under the system temporary directory; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Fixtures {
    /// Content built by hand (no manifest), with three analyses, the densest sign a store is likely to need.
    static func handmade(operatorName: String = "株式会社障子リテール") -> NoticeContent {
        let useCases: [UseCase] = [.attributes, .flow, .repeatVisit]
        return NoticeContent(
            operatingEntity: NoticeParty(
                name: LocalizedText(verbatim: operatorName),
                address: LocalizedText(verbatim: "東京都渋谷区神南一丁目1番1号"),
                representative: LocalizedText(verbatim: "代表取締役 障子 太郎")),
            siteName: LocalizedText(verbatim: "渋谷店"),
            noticeURL: noticeURL,
            contact: NoticeContact(desk: LocalizedText(ja: "お客様相談窓口", en: "Customer desk"),
                                   channels: ["privacy@shoji-retail.example", "03-0000-0000"]),
            useCases: useCases.map { useCase in
                NoticeUseCase(
                    id: useCase.rawValue, label: useCase.noticeLabel,
                    purposes: [LocalizedText(
                        ja: "入口のカメラ画像から来店客の年齢層・性別を推定し、時間帯別の来店者数の統計を作成して、レジ人員の配置と品揃えの改善に利用するため",
                        en: "To estimate visitors' age band and gender and compile visitor counts per time of day, used to plan till staffing")],
                    captured: useCase.noticeCaptured, kept: useCase.keeps.map(\.noticeLabel),
                    discarded: useCase.discardsAtOnce.map(\.noticeLabel),
                    retention: [LocalizedText(ja: "2年", en: "2 years")])
            },
            requestProcedure: NoticeRequestProcedure(
                kinds: [LocalizedText(ja: "開示", en: "Disclosure")], steps: [], disclosureMethods: [],
                fee: LocalizedText(ja: "無料", en: "free")),
            safetyMeasures: [])
    }
}
