import Foundation

/// What a user named as input, classified once so that every stage knows how to open it.
public enum MediaInput: Sendable, Hashable, CustomStringConvertible {
    /// A single image file.
    case image(URL)
    /// A folder of images, read in name order (recursively).
    case imageFolder(URL)
    /// A video file.
    case videoFile(URL)
    /// A network stream (rtsp, rtmp, http, https): live, reconnected on failure.
    case stream(String)
    /// A V4L2 device such as /dev/video0: live, reconnected on failure.
    case device(path: String, index: Int)

    /// Classifies a command-line argument. Throws when a local path does not exist.
    public init(argument: String) throws {
        if let scheme = argument.split(separator: ":", maxSplits: 1).first.map(String.init)?.lowercased(),
           ["rtsp", "rtsps", "rtmp", "http", "https", "udp", "tcp"].contains(scheme), argument.contains("://") {
            self = .stream(argument)
            return
        }
        if argument.hasPrefix("/dev/video"), let index = Int(argument.dropFirst("/dev/video".count)) {
            self = .device(path: argument, index: index)
            return
        }
        let url = URL(fileURLWithPath: argument).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw VisionError.inputNotFound(path: argument)
        }
        if isDirectory.boolValue {
            self = .imageFolder(url)
        } else if ImageFile.isImage(url) {
            self = .image(url)
        } else {
            self = .videoFile(url)
        }
    }

    /// Whether the source is live (a camera or stream) rather than a file with an end.
    public var isLive: Bool {
        switch self {
        case .stream, .device: return true
        case .image, .imageFolder, .videoFile: return false
        }
    }

    /// A short name for outputs and messages: the file or folder name, or the stream URL without credentials.
    public var displayName: String {
        switch self {
        case .image(let url), .imageFolder(let url), .videoFile(let url): return url.lastPathComponent
        case .stream(let uri): return Self.withoutCredentials(uri)
        case .device(let path, _): return path
        }
    }

    /// The input for messages, logs and file names: the full path, or the stream URL with any user and password
    /// replaced by `***` (camera URLs often carry them, and errors end up in terminals and logs).
    public var description: String {
        switch self {
        case .stream(let uri): return Self.withoutCredentials(uri)
        default: return locator
        }
    }

    /// What OpenCV opens: the path, the device, or the stream URL as given, credentials included. Never printed.
    public var locator: String {
        switch self {
        case .image(let url), .imageFolder(let url), .videoFile(let url): return url.path
        case .stream(let uri): return uri
        case .device(let path, _): return path
        }
    }

    /// `rtsp://user:pass@host/path` → `rtsp://***@host/path`; other URLs unchanged.
    static func withoutCredentials(_ uri: String) -> String {
        guard let schemeEnd = uri.range(of: "://") else { return uri }
        let authorityEnd = uri[schemeEnd.upperBound...].firstIndex(of: "/") ?? uri.endIndex
        guard let at = uri[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") else { return uri }
        return String(uri[..<schemeEnd.upperBound]) + "***" + String(uri[at...])
    }

    /// The images of a folder input, sorted by relative path; empty for other inputs.
    public func folderImages() throws -> [URL] {
        guard case .imageFolder(let folder) = self else { return [] }
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { throw VisionError.unreadableMedia(path: folder.path, reason: "folder cannot be listed") }
        var images: [URL] = []
        for case let url as URL in walker where ImageFile.isImage(url) {
            images.append(url.standardizedFileURL)
        }
        return images.sorted { $0.path < $1.path }
    }
}
