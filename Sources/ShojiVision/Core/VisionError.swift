import CVBridge

/// Why a vision operation failed, worded for the person who has to fix it.
public enum VisionError: Error, Equatable, CustomStringConvertible {
    /// The input does not exist.
    case inputNotFound(path: String)
    /// The input exists but is not an image or video OpenCV can decode.
    case unreadableMedia(path: String, reason: String)
    /// The input holds no frame at all (an empty file or folder).
    case emptyMedia(path: String)
    /// A model file is missing or does not match its pinned SHA-256.
    case modelUnavailable(name: String, path: String, problem: String)
    /// A model file exists but OpenCV could not load it.
    case modelLoadFailed(name: String, reason: String)
    /// The output could not be written.
    case outputFailed(path: String, reason: String)
    /// A parameter is out of range.
    case invalidArgument(String)
    /// A live source stayed unreachable after every reconnection attempt.
    case sourceLost(uri: String, attempts: Int)
    /// OpenCV failed inside an operation that should not fail.
    case bridge(operation: String, reason: String)

    public var description: String {
        switch self {
        case .inputNotFound(let path):
            return "\(path): no such file or folder"
        case .unreadableMedia(let path, let reason):
            return "\(path): not a readable image or video (\(reason))"
        case .emptyMedia(let path):
            return "\(path): contains no frames"
        case .modelUnavailable(let name, let path, let problem):
            return "model \(name) \(problem) at \(path): run 'scripts/setup' (or 'shoji doctor' to see all models)"
        case .modelLoadFailed(let name, let reason):
            return "model \(name) could not be loaded (\(reason)): run 'scripts/setup' to reinstall it"
        case .outputFailed(let path, let reason):
            return "\(path): cannot write output (\(reason))"
        case .invalidArgument(let message):
            return message
        case .sourceLost(let uri, let attempts):
            return "\(uri): source unreachable after \(attempts) attempts; check the camera or its URL"
        case .bridge(let operation, let reason):
            return "\(operation) failed: \(reason)"
        }
    }

    /// The bridge's message for the last failed call on this thread.
    static var lastBridgeMessage: String {
        let message = String(cString: cvb_last_error())
        return message.isEmpty ? "unknown error" : message
    }
}
