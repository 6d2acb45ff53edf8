import Foundation
import Testing

/// The prior-notice page as a person sees it: opened in a real browser (headless Chromium, installed by
/// scripts/setup), not only as text.
@Suite("Prior-notice page in Chromium")
struct NoticePageBrowserTests {
    static let chromium = URL(fileURLWithPath: "/usr/bin/chromium")

    /// Runs headless Chromium on a file and returns what it prints on standard output.
    static func chromium(_ arguments: [String]) throws -> String {
        try #require(FileManager.default.isExecutableFile(atPath: chromium.path), "Chromium missing: run scripts/setup")
        let process = Process()
        process.executableURL = chromium
        // A profile of its own: the console's browser test may run Chromium at the same time.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("the browser parses every Art. 32 section and lays the page out as a screenshot", .timeLimit(.minutes(5)))
    func rendersInBrowser() throws {
        let folder = try ShojiProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("notice.html")
        let made = try ShojiProcess.run(["notice", "examples/flow.yaml", "--format", "html", "--lang", "both",
                                         "-o", page.path], in: ShojiProcess.repository)
        #expect(made.status == 0, "\(made.standardError)")

        // The DOM after Chromium parsed it: a malformed page would lose or reorder these sections.
        let dom = try Self.chromium(["--dump-dom", page.absoluteString])
        for section in ["business", "analyses", "purposes", "requests", "safety", "complaints", "contact"] {
            #expect(dom.contains("id=\"\(section)\""), "section \(section) missing from the parsed page")
        }
        #expect(dom.contains("<h1>カメラ画像の利用について"))

        // A screenshot at phone width: the page must lay out without error at 390 px.
        let shot = folder.appendingPathComponent("notice.png")
        _ = try Self.chromium(["--screenshot=\(shot.path)", "--window-size=390,844", page.absoluteString])
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 390)
    }
}
