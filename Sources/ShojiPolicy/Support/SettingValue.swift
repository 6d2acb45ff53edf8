/// A free-form YAML value: the per-camera `settings` the pipeline reads (lines, zones, homography...).
///
/// The policy engine does not interpret settings; it only carries them so that one manifest describes a
/// deployment whole.
public indirect enum SettingValue: Sendable, Hashable, Codable {
    /// A string scalar.
    case string(String)
    /// An integer scalar.
    case int(Int)
    /// A floating-point scalar.
    case double(Double)
    /// A boolean scalar.
    case bool(Bool)
    /// A YAML null.
    case null
    /// A sequence.
    case array([SettingValue])
    /// A mapping with string keys.
    case object([String: SettingValue])

    /// The value as a number, if it is an int or a double.
    public var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The value as a string, if it is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, if the value is a sequence.
    public var array: [SettingValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if the value is a mapping.
    public var object: [String: SettingValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The member `key`, if the value is a mapping that has it.
    public subscript(key: String) -> SettingValue? {
        object?[key]
    }

    /// Decodes any JSON-like value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([SettingValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: SettingValue].self)) }
    }

    /// Encodes as the plain JSON value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
