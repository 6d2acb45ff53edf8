/// Why a MOTChallenge file could not be read.
public enum MOTFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be opened or is not UTF-8 text.
    case unreadable(path: String, reason: String)
    /// A line has fewer than the six required fields (frame, id, x, y, w, h).
    case tooFewFields(line: Int, found: Int)
    /// A field is not a number (or frame/id not an integer).
    case notANumber(line: Int, field: String, text: String)
    /// Width or height is negative, or a value is infinite.
    case invalidBox(line: Int)

    /// One line saying where the problem is and what to do.
    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read MOT file \(path): \(reason); check the path and that it is a text file"
        case let .tooFewFields(line, found):
            "MOT line \(line): \(found) fields, need at least 6 (frame,id,x,y,w,h[,conf,…]); fix or remove the line"
        case let .notANumber(line, field, text):
            "MOT line \(line): \(field) is '\(text)', not a number; fix or remove the line"
        case let .invalidBox(line):
            "MOT line \(line): the box has a negative or infinite size; fix or remove the line"
        }
    }
}
