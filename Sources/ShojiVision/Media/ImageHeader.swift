import Foundation

/// The picture size an encoded JPEG or PNG declares, read from its header without decoding anything: so that a
/// small upload claiming an enormous picture (a decompression bomb) is refused before its pixels are allocated.
public struct ImageHeader: Sendable, Hashable {
    /// The encodings read.
    public enum Format: String, Sendable {
        case jpeg, png
    }

    public let format: Format
    public let width: Int
    public let height: Int

    /// The header of `data`; nil when it is neither a JPEG nor a PNG, or its header is cut short.
    public init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(1 << 20))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            // The first chunk is IHDR: width and height, big-endian, at bytes 16 and 20.
            guard bytes.count >= 24, bytes[12..<16].elementsEqual(Array("IHDR".utf8)) else { return nil }
            format = .png
            width = Self.bigEndian(bytes, 16, 4)
            height = Self.bigEndian(bytes, 20, 4)
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            guard let (width, height) = Self.jpegFrameSize(bytes) else { return nil }
            format = .jpeg
            self.width = width
            self.height = height
        } else {
            return nil
        }
    }

    /// Width times height.
    public var pixels: Int { width * height }

    /// The size in the first start-of-frame marker (SOF0 to SOF15, except DHT, JPG and DAC, which share the range).
    private static func jpegFrameSize(_ bytes: [UInt8]) -> (Int, Int)? {
        var index = 2
        while index + 3 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }  // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }  // no length
            let length = bigEndian(bytes, index + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard index + 8 < bytes.count else { return nil }
                return (bigEndian(bytes, index + 7, 2), bigEndian(bytes, index + 5, 2))
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int {
        bytes[start..<start + count].reduce(0) { $0 << 8 | Int($1) }
    }
}
