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

    /// Encodes a frame to `url`, in the format its extension names. Internal so that only the anonymiser, which
    /// masks every frame first, can write camera pixels (privacy invariant 1).
    static func write(_ frame: Frame, to url: URL) throws {
        guard cvb_image_write(frame.handle, url.path) == .OK else {
            throw VisionError.outputFailed(path: url.path, reason: VisionError.lastBridgeMessage)
        }
    }
}
