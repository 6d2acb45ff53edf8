import CQREncode
import Foundation

/// A QR code symbol encoded by libqrencode, as a matrix of dark and light modules.
///
/// The symbol is drawn as one SVG path so renderers scale it without blur; the caller leaves the quiet zone
/// (four light modules on each side) around it.
public struct QRCode: Sendable, Hashable {
    /// How much of the symbol may be damaged and still decode; higher levels make a bigger symbol.
    public enum CorrectionLevel: Sendable {
        /// About 7% recoverable.
        case low
        /// About 15% recoverable: the usual choice for printed signs.
        case medium
        /// About 25% recoverable.
        case quartile
        /// About 30% recoverable: for signs that get dirty or scratched.
        case high
    }

    /// The number of modules on each side.
    public let size: Int
    /// The QR version (1...40) libqrencode chose.
    public let version: Int
    /// Row-major module colours: `true` is dark.
    public let modules: [Bool]

    /// The light margin, in modules, the QR specification requires around the symbol.
    public static let quietZone = 4

    /// Encodes `text` (UTF-8, byte mode for anything not alphanumeric) in the smallest version that fits.
    public init(_ text: String, correction: CorrectionLevel = .medium) throws(QRCodeError) {
        guard !text.isEmpty else { throw .emptyText }
        let level: QRecLevel
        switch correction {
        case .low: level = QR_ECLEVEL_L
        case .medium: level = QR_ECLEVEL_M
        case .quartile: level = QR_ECLEVEL_Q
        case .high: level = QR_ECLEVEL_H
        }
        errno = 0
        guard let symbol = QRcode_encodeString(text, 0, level, QR_MODE_8, 1) else {
            if errno == ERANGE { throw .tooLong(bytes: text.utf8.count) }
            throw .encoderFailed(errno: errno)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        self.size = width
        self.version = Int(symbol.pointee.version)
        self.modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at (`x`, `y`) is dark; positions outside the symbol are light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// SVG path data for the dark modules, one unit per module, with the symbol's top-left corner at (0, 0).
    /// Horizontal runs of dark modules become one rectangle each, which keeps the path short.
    public func svgPathData() -> String {
        var d = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                d += "M\(start) \(y)h\(x - start)v1h-\(x - start)z"
            }
        }
        return d
    }
}
