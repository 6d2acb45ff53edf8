import CVBridge
import Foundation

/// Reading and writing single image files.
public enum ImageFile {
    /// File extensions treated as images (lower case, without the dot).
    public static let extensions: Set<String> = ["jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "pgm", "ppm"]

    /// Whether a path names an image by its extension.
    public static func isImage(_ url: URL) -> Bool {
        extensions.contains(url.pathExtension.lowercased())
    }

    /// Decodes an image file into a frame.
    public static func read(_ url: URL) throws -> Frame {
        _ = VisionRuntime.configured
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw VisionError.inputNotFound(path: url.path)
        }
        guard let handle = cvb_image_read(url.path) else {
            throw VisionError.unreadableMedia(path: url.path, reason: VisionError.lastBridgeMessage)
        }
        return Frame(handle: handle)
    }

    /// The largest picture ``decode(_:name:)`` accepts: 64 megapixels (192 MiB as BGR), far above any photo.
    public static let maximumDecodedPixels = 64 * 1024 * 1024

    /// Decodes an encoded JPEG or PNG held in memory (an uploaded photo): the bytes are read in place and nothing
    /// is written anywhere. The header's size is checked first, so a picture above ``maximumDecodedPixels`` is
    /// refused without being allocated. `name` says in the error which image could not be read.
    public static func decode(_ data: Data, name: String = "the photo") throws -> Frame {
        _ = VisionRuntime.configured
        guard let header = ImageHeader(data) else {
            throw VisionError.unreadableMedia(path: name, reason: data.isEmpty ? "it is empty" : "it is neither a JPEG nor a PNG")
        }
        guard header.width > 0, header.height > 0, header.pixels <= maximumDecodedPixels else {
            throw VisionError.unreadableMedia(path: name, reason: "it claims \(header.width)×\(header.height) pixels; at most \(maximumDecodedPixels / 1_048_576) megapixels are read")
        }
        let handle = data.withUnsafeBytes { bytes -> OpaquePointer? in
            guard let base = bytes.bindMemory(to: UInt8.self).baseAddress else { return nil }
            return cvb_image_decode(base, bytes.count)
        }
        guard let handle else {
            throw VisionError.unreadableMedia(path: name, reason: VisionError.lastBridgeMessage)
        }
        return Frame(handle: handle)
    }

    /// Encodes a frame to `url`, in the format its extension names. Internal so that only the anonymiser, which
    /// masks every frame first, can write camera pixels (privacy invariant 1).
    static func write(_ frame: Frame, to url: URL) throws {
        guard cvb_image_write(frame.handle, url.path) == .OK else {
            throw VisionError.outputFailed(path: url.path, reason: VisionError.lastBridgeMessage)
        }
    }
}
