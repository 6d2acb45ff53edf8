/// A ``TrackerConfiguration`` knob is outside its range.
public enum TrackerConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The named knob and what is wrong with it.
    case outOfRange(String, String)

    /// One line naming the knob and the allowed range.
    public var description: String {
        switch self {
        case let .outOfRange(name, problem): "tracker setting \(name) \(problem): fix the tracker configuration"
        }
    }
}
