import Foundation
import Testing
import ShojiPolicy
@testable import ShojiRender

@Suite("PNG and PDF through librsvg and cairo")
struct RasterExporterTests {
    static let zbarimg = "/usr/bin/zbarimg"

    /// Runs zbarimg on `file` and returns what it decoded.
    static func decodeQR(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == Array("IHDR".utf8)[...] else { return nil }
        func be(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    @Test("The sign PNG is a real PNG of A4 at the chosen resolution, and its QR code decodes to the notice URL",
          .enabled(if: FileManager.default.isExecutableFile(atPath: zbarimg), "needs zbar-tools"))
    func pngWithQR() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = try SignRenderer(language: .both).render(Fixtures.content())
        for (language, dpi) in [(NoticeLanguage.both, 150.0), (.en, 100)] {
            let file = folder.appendingPathComponent("sign-\(language.rawValue).png")
            let svg = language == .both ? svg : try SignRenderer(language: language).render(Fixtures.content())
            try RasterExporter(dpi: dpi).writePNG(svg: svg, to: file)
            let size = try #require(Self.pngSize(Data(contentsOf: file)))
            // 210 × 297 mm at `dpi`, rounded up.
            #expect(size.0 == Int((210 / 25.4 * dpi).rounded(.up)))
            #expect(size.1 == Int((297 / 25.4 * dpi).rounded(.up)))
            #expect(try Self.decodeQR(file) == Fixtures.noticeURL)
        }
    }

    @Test("The PDF is a PDF with the Noto CJK font embedded")
    func pdf() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sign.pdf")
        try RasterExporter().writePDF(svg: SignRenderer(language: .ja).render(Fixtures.content()), to: file)
        let data = try Data(contentsOf: file)
        #expect(data.starts(with: Array("%PDF-".utf8)))
        #expect(data.range(of: Data("NotoSansCJK".utf8)) != nil)
        // A4 in points: 595.28 × 841.89.
        #expect(data.range(of: Data("/MediaBox [ 0 0 595.275591 841.889764 ]".utf8)) != nil)
    }

    @Test("Broken SVG and unwritable paths give typed errors and leave no file")
    func errors() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.png")
        #expect { try RasterExporter().writePNG(svg: "<svg", to: file) } throws: { error in
            if case .invalidSVG = error as? RasterExportError { return true }
            return false
        }
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let svg = try SignRenderer().render(Fixtures.content())
        let nowhere = folder.appendingPathComponent("missing/x.png")
        #expect { try RasterExporter(dpi: 20).writePNG(svg: svg, to: nowhere) } throws: { error in
            if case .writeFailed = error as? RasterExportError { return true }
            return false
        }
        #expect(throws: RasterExportError.noPageSize) {
            try RasterExporter().pixelSize(ofSVG: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        }
    }
}
