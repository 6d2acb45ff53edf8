/// Why a QR code could not be made.
public enum QRCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// There was nothing to encode.
    case emptyText
    /// The text needs more than a version-40 symbol holds.
    case tooLong(bytes: Int)
    /// libqrencode failed for another reason (usually out of memory).
    case encoderFailed(errno: Int32)

    /// A one-line explanation that says what to do.
    public var description: String {
        switch self {
        case .emptyText:
            return "nothing to encode in the QR code: set the notice page URL in the manifest"
        case .tooLong(let bytes):
            return "the text for the QR code is too long (\(bytes) bytes; at most about 2,300 fit): use a shorter URL"
        case .encoderFailed(let code):
            return "libqrencode could not encode the QR code (errno \(code)); retry, and check free memory"
        }
    }
}
