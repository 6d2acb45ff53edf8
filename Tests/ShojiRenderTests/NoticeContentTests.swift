import Testing
import ShojiPolicy
@testable import ShojiRender

@Suite("Notice content built from a manifest")
struct NoticeContentTests {
    @Test("Each use case says what is captured, kept and discarded, with the manifest's retention")
    func useCases() throws {
        let content = try Fixtures.content()
        #expect(content.useCases.map(\.id) == ["attributes", "flow"])
        let attributes = try #require(content.useCases.first)
        #expect(attributes.label.ja == "属性推定（年齢・性別）")
        #expect(attributes.label.en == "Attribute estimation (age, gender)")
        #expect(attributes.captured.map(\.ja) == ["カメラ映像（顔を含む）"])
        #expect(attributes.kept.map(\.ja) == ["時間帯・年代・性別ごとの人数（統計）"])
        #expect(attributes.discarded.map(\.ja) == ["映像", "顔画像", "顔の特徴量"])
        #expect(attributes.retention.map(\.ja) == ["2年"])
        #expect(attributes.purposes.map(\.ja) == ["時間帯別の来店者数の統計を作成し、レジ人員の配置に利用するため"])
        let flow = try #require(content.useCases.last)
        #expect(flow.retention.map(\.en) == ["paths: 30 days", "heatmaps: 1 year", "statistics: 1 year"])
        #expect(content.purposes.count == 2)
    }

    @Test("Operator, contacts, request procedure and safety measures come from the manifest")
    func art32Items() throws {
        let content = try Fixtures.content()
        #expect(content.operatingEntity.name.ja == "株式会社障子リテール")
        #expect(content.operatingEntity.address?.ja == "東京都渋谷区神南一丁目1番1号")
        #expect(content.operatingEntity.representative?.ja == "代表取締役 障子 太郎")
        #expect(content.contact.channels == ["privacy@shoji-retail.example", "03-0000-0000"])
        #expect(content.complaintContact.channels == ["dpo@shoji-retail.example"])
        #expect(content.requestProcedure.kinds.count == 3)
        #expect(content.requestProcedure.disclosureMethods.map(\.en) == ["electronic records", "paper documents"])
        #expect(content.safetyMeasures.contains { $0.en.contains("encrypted") })
        #expect(content.noticeURL == Fixtures.noticeURL)
        #expect(content.jointUse == nil)
    }

    @Test("Undeclared safety measures and rights are not claimed")
    func noOverclaiming() throws {
        let yaml = Fixtures.manifestYAML()
            .replacingOccurrences(of: "encryption_at_rest: true", with: "encryption_at_rest: false")
            .replacingOccurrences(of: "erasure: true", with: "erasure: false")
        let content = try Fixtures.content(yaml)
        #expect(!content.safetyMeasures.contains { $0.en.contains("encrypted") })
        #expect(!content.requestProcedure.kinds.contains { $0.en.contains("erasure") })
    }

    @Test("Joint use fills the five items, with the operator's address when it is the responsible party")
    func jointUse() throws {
        let content = try Fixtures.content(Fixtures.manifestYAML(extra: Fixtures.jointUseYAML))
        let joint = try #require(content.jointUse)
        #expect(joint.users.map(\.ja) == ["株式会社障子リテール", "障子フーズ株式会社"])
        #expect(joint.items.map(\.ja) == ["登録者の顔特徴量", "登録日"])
        #expect(joint.responsibleParty.address?.ja == "東京都渋谷区神南一丁目1番1号")
        #expect(!joint.purposes.isEmpty)
    }

    @Test("Assurances are derived from what the use cases keep, and drop when they stop being true")
    func assurances() throws {
        let plain = try Fixtures.content()
        #expect(plain.assurances.map(\.ja) == ["撮影した映像は保存しません", "個人を特定できる情報は保存しません", "第三者には提供しません"])
        let repeatYAML = Fixtures.manifestYAML().replacingOccurrences(of: "use_cases: [attributes, flow]", with: "use_cases: [attributes, flow, repeat]")
            .replacingOccurrences(of: "use_cases: [flow]", with: "use_cases: [flow, repeat]")
            .replacingOccurrences(of: "    zone_statistics: 365", with: "    zone_statistics: 365\n    feature_vectors: 180\n    visit_history: 180")
        let repeating = try Fixtures.content(repeatYAML)
        #expect(!repeating.assurances.contains { $0.ja.contains("個人を特定") })
        #expect(repeating.useCases.map(\.id) == ["attributes", "flow", "repeat"])
    }

    @Test("A manifest without any notice URL is refused with a typed error")
    func missingURL() throws {
        let manifest = try Manifest.decode(yaml: Fixtures.manifestYAML(noticeURL: nil))
        #expect(throws: NoticeContentError.missingNoticeURL) { try NoticeContent(manifest: manifest) }
    }
}
