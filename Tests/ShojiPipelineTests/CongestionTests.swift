import Foundation
@testable import ShojiPipeline
import ShojiPolicy
import ShojiStore
import Testing

@Suite("Congestion (use case 6): icon maps without camera pixels, each replacing the last")
struct CongestionTests {
    @Test("a floor plan that could carry pixels is refused, in any spelling; shapes and same-file links pass")
    func floorPlanRefusesPixels() {
        let refused = [
            #"<svg><image href="cam.jpg"/></svg>"#,
            #"<svg><IMAGE xlink:href="cam.jpg"/></svg>"#,
            #"<svg:svg><svg:image href="x.png"/></svg:svg>"#,
            #"<svg><filter><feImage href="data:;base64,AAAA"/></filter></svg>"#,
            #"<svg><rect fill="url(DATA:application/octet-stream;base64,AAAA)"/></svg>"#,
            #"<svg><use href="other.svg#plan"/></svg>"#,
            #"<svg><use href="&#100;ata:x"/></svg>"#,
        ]
        for svg in refused { #expect(IconMap.pixelCarrier(in: svg) != nil, "\(svg)") }
        let plain = ##"<svg viewBox="0 0 10 10"><defs><path id="wall" d="M0 0H10"/></defs><use href="#wall"/><rect width="4" height="2"/><text>Gate</text></svg>"##
        #expect(IconMap.pixelCarrier(in: plain) == nil)
    }

    @Test("one SVG and one PNG per camera remain, drawn from shapes only; a level per area is stored")
    func iconMap() async throws {
        let folder = try PipelineFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PipelineFixture.vtest()
        var manifest = try PipelineFixture.example("congestion")
        try manifest.set("cameras[0].settings.refresh_seconds", yaml: "3")   // 150 frames at 10 frames/s: 4 maps
        let (store, _) = try await PipelineFixture.run(manifest, folder: folder, frames: 150)
        let out = folder.appendingPathComponent("out")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["concourse.congestion.png", "concourse.congestion.svg"], "earlier maps and temporary files are gone")
        let svg = try String(contentsOf: out.appendingPathComponent("concourse.congestion.svg"), encoding: .utf8)
        #expect(!svg.contains("<image"))
        #expect(!svg.contains("base64"))
        #expect(svg.contains("gate:"))
        let png = try Data(contentsOf: out.appendingPathComponent("concourse.congestion.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let latest = try await store.records(of: "shoji-railway").latestCongestion()
        #expect(Set(latest.map(\.areaID)) == ["gate", "stairs"])
        #expect(latest.allSatisfy { $0.takenAt > PipelineFixture.start })
        let history = try await store.records(of: "shoji-railway").congestionHistory(ReportQuery(since: .distantPast))
        #expect(history.map(\.samples).reduce(0, +) >= 6, "every refresh is folded into the history")
    }

    @Test("a level is reached at its threshold: light, moderate, crowded, very crowded")
    func levels() {
        let thresholds = [2, 4, 6]
        #expect([0, 1, 2, 3, 4, 5, 6, 40].map { CongestionAnalyzer.level(people: $0, thresholds: thresholds) }
            == [.light, .light, .moderate, .moderate, .crowded, .crowded, .veryCrowded, .veryCrowded])
    }
}
