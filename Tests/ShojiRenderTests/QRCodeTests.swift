import Testing
@testable import ShojiRender

@Suite("QR codes from libqrencode")
struct QRCodeTests {
    @Test("A short URL gives a small symbol with the three finder patterns")
    func finderPatterns() throws {
        let qr = try QRCode("https://x.example/c")
        #expect(qr.size == 17 + 4 * qr.version)
        #expect(qr.modules.count == qr.size * qr.size)
        // Each finder pattern: a dark 7×7 ring with a light ring inside and a dark 3×3 centre.
        for (ox, oy) in [(0, 0), (qr.size - 7, 0), (0, qr.size - 7)] {
            #expect(qr.isDark(x: ox, y: oy) && qr.isDark(x: ox + 6, y: oy + 6))
            #expect(!qr.isDark(x: ox + 1, y: oy + 1))
            #expect(qr.isDark(x: ox + 3, y: oy + 3))
        }
    }

    @Test("The SVG path draws exactly the dark modules")
    func pathCoversDarkModules() throws {
        let qr = try QRCode("https://shoji-retail.example/camera")
        let d = qr.svgPathData()
        // Each run is "M<x> <y>h<w>v1h-<w>z": sum the widths.
        var drawn = 0
        for run in d.split(separator: "M") {
            guard let h = run.split(separator: "h").dropFirst().first, let width = Int(h.split(separator: "v")[0]) else { continue }
            drawn += width
        }
        #expect(drawn == qr.modules.filter { $0 }.count)
    }

    @Test("Empty or oversized text is refused with a typed error")
    func refusals() {
        #expect(throws: QRCodeError.emptyText) { try QRCode("") }
        #expect(throws: QRCodeError.tooLong(bytes: 4000)) { try QRCode(String(repeating: "x", count: 4000)) }
    }
}
