import Foundation
import Testing
@testable import ShojiVision

/// Decoding an image held in memory (the request portal's uploaded photo).
@Suite("Images decoded from memory")
struct ImageDecodeTests {
    @Test("a JPEG in memory decodes to the same frame as the file")
    func sameAsFile() throws {
        let url = try TestMedia.file("grace_hopper.jpg")
        let data = try Data(contentsOf: url)
        let decoded = try ImageFile.decode(data)
        let read = try ImageFile.read(url)
        #expect(decoded.size == read.size && decoded.width > 0)
        let header = try #require(ImageHeader(data))
        #expect(header.format == .jpeg && header.width == read.width && header.height == read.height, "the size read from the JPEG header")
        let png = try #require(ImageHeader(Self.blackPNG(width: 321, height: 123)))
        #expect(png.format == .png && png.width == 321 && png.height == 123)
    }

    @Test("bytes that are no image, nothing, and a 1.5 MB PNG of 72 megapixels (a decompression bomb) are refused")
    func refused() throws {
        #expect(throws: VisionError.self) { try ImageFile.decode(Data("hello".utf8)) }
        #expect(throws: VisionError.self) { try ImageFile.decode(Data()) }
        // A valid PNG: 9000×8000 black pixels, 216 MB as RGB, under OpenCV's own limit (2^30 pixels). Only Shoji's
        // 64-megapixel cap refuses it, before the frame is allocated; without the cap it decodes.
        let bomb = Self.blackPNG(width: 9_000, height: 8_000)
        #expect(bomb.count < 2_000_000)
        #expect(throws: VisionError.self) { try ImageFile.decode(bomb) }
        // Under the cap, the same construction decodes: the bomb is refused for its size, not its form.
        let small = try ImageFile.decode(Self.blackPNG(width: 640, height: 480))
        #expect(small.width == 640 && small.height == 480)
    }

    /// A valid PNG of black RGB pixels, its zlib stream written by hand: one literal zero, then back-references of
    /// 258 bytes at distance 1 (fixed Huffman codes), so that a large picture takes about a thousandth of its size.
    static func blackPNG(width: Int, height: Int) -> Data {
        let raw = height * (1 + width * 3)  // each row: filter byte 0, then the pixels
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE 01: fixed Huffman
        bits.code(0x30, length: 8)  // literal 0
        let matches = (raw - 1) / 258
        for _ in 0..<matches {
            bits.code(0xC5, length: 8)  // length symbol 285: 258 bytes
            bits.code(0, length: 5)  // distance code 0: distance 1
        }
        for _ in 0..<(raw - 1 - matches * 258) { bits.code(0x30, length: 8) }
        bits.code(0, length: 7)  // end of block
        let adler = (UInt32(raw % 65_521) << 16) | 1  // Adler-32 of zeros: a = 1, b = count
        let zlib = [0x78, 0x01] + bits.bytes + bigEndian(adler)
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", []))
    }

    private static func chunk(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + payload
        return bigEndian(UInt32(payload.count)) + body + bigEndian(crc32(body))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (24 - 8 * $0)) & 0xFF) } }

    /// PNG's CRC-32 (reflected polynomial 0xEDB88320).
    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
        return value
    }

    /// Deflate's bit order: fields least significant bit first, Huffman codes most significant bit first.
    struct BitWriter {
        var bytes: [UInt8] = []
        private var used = 8

        mutating func write(_ value: UInt32, count: Int) {
            for index in 0..<count { put((value >> index) & 1) }
        }

        mutating func code(_ code: UInt32, length: Int) {
            for index in (0..<length).reversed() { put((code >> index) & 1) }
        }

        private mutating func put(_ bit: UInt32) {
            if used == 8 { bytes.append(0); used = 0 }
            if bit == 1 { bytes[bytes.count - 1] |= UInt8(1 << used) }
            used += 1
        }
    }
}
