import Foundation
import Yams

/// Reads one YAML node of a manifest, knowing where it is (file, mark, key path) so that every error can say
/// file, line and key. Decoding goes through Yams `Node` rather than `Decodable` because only nodes carry marks.
struct YAMLReader {
    let node: Node
    let path: String
    let file: String

    func error(_ problem: ManifestError.Problem, at node: Node? = nil, path: String? = nil) -> ManifestError {
        let mark = (node ?? self.node).mark
        return ManifestError(file: file, line: mark?.line, column: mark?.column, key: path ?? self.path, problem: problem)
    }

    /// The node's tag, resolved from the plain scalar's text when implicit ("5" → int, "true" → bool; a quoted
    /// "5" stays a string).
    var resolvedTag: Tag.Name { Resolver.default.resolveTag(of: node) }

    var kindName: String {
        switch node {
        case .scalar(let scalar):
            switch resolvedTag {
            case .null: "null"
            case .bool: "a boolean"
            case .int: "an integer"
            case .float: "a number"
            default: "the string '\(scalar.string)'"
            }
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func child(_ node: Node, key: String) -> YAMLReader {
        YAMLReader(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    /// The node as a mapping whose keys must all be in `allowed`.
    func mapping(allowing allowed: [String]) throws(ManifestError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType(expected: "a mapping with keys \(allowed.joined(separator: ", "))", found: kindName))
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw error(.wrongType(expected: "a string key", found: YAMLReader(node: key, path: path, file: file).kindName), at: key)
            }
            guard allowed.contains(name) else {
                let keyPath = path.isEmpty ? name : "\(path).\(name)"
                throw error(.unknownKey(name, expected: allowed, suggestion: Self.nearest(name, in: allowed)), at: key, path: keyPath)
            }
            entries[name] = (key, value)
        }
        return YAMLMapping(reader: self, entries: entries)
    }

    /// The node as a list of readers.
    func list() throws(ManifestError) -> [YAMLReader] {
        guard case .sequence(let sequence) = node else {
            throw error(.wrongType(expected: "a list", found: kindName))
        }
        return sequence.enumerated().map { index, element in
            YAMLReader(node: element, path: "\(path)[\(index)]", file: file)
        }
    }

    func string() throws(ManifestError) -> String {
        guard case .scalar(let scalar) = node, resolvedTag != .null else {
            throw error(.wrongType(expected: "a string", found: kindName))
        }
        return scalar.string
    }

    func bool() throws(ManifestError) -> Bool {
        guard case .scalar = node, resolvedTag == .bool, let value = node.bool else {
            throw error(.wrongType(expected: "true or false", found: kindName))
        }
        return value
    }

    func int() throws(ManifestError) -> Int {
        guard case .scalar = node, resolvedTag == .int, let value = node.int else {
            throw error(.wrongType(expected: "an integer", found: kindName))
        }
        return value
    }

    func day() throws(ManifestError) -> CalendarDay {
        let text = try string()
        guard let day = CalendarDay(text) else { throw error(.invalidValue(text, expected: "a date YYYY-MM-DD")) }
        return day
    }

    func value<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(ManifestError) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            if T.self == UseCase.self { throw error(.unknownUseCase(text)) }
            let allowed = T.allCases.map(\.rawValue)
            let hint = Self.nearest(text, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            throw error(.invalidValue(text, expected: "one of \(allowed.joined(separator: ", "))\(hint)"))
        }
        return value
    }

    func localized() throws(ManifestError) -> LocalizedText {
        let map = try mapping(allowing: ["ja", "en"])
        return LocalizedText(ja: try map.string("ja"), en: try map.string("en"))
    }

    func setting() throws(ManifestError) -> SettingValue {
        switch node {
        case .scalar(let scalar):
            switch resolvedTag {
            case .null: return .null
            case .bool: return node.bool.map(SettingValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(SettingValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(SettingValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence:
            var values: [SettingValue] = []
            for element in try list() { values.append(try element.setting()) }
            return .array(values)
        case .mapping(let mapping):
            var values: [String: SettingValue] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else {
                    throw error(.wrongType(expected: "a string key", found: "a complex key"), at: key)
                }
                values[name] = try child(value, key: name).setting()
            }
            return .object(values)
        case .alias:
            throw error(.wrongType(expected: "a plain value", found: "an alias"))
        }
    }

    /// The allowed word closest to `word`, if it is close enough to be a likely typo.
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A mapping whose keys were checked against the schema; reads typed fields with key paths.
struct YAMLMapping {
    let reader: YAMLReader
    let entries: [String: (key: Node, value: Node)]

    func has(_ key: String) -> Bool { entries[key] != nil }

    func optional(_ key: String) -> YAMLReader? {
        guard let entry = entries[key] else { return nil }
        let child = reader.child(entry.value, key: key)
        if case .scalar = entry.value, child.resolvedTag == .null { return nil }
        return child
    }

    func required(_ key: String, expected: String) throws(ManifestError) -> YAMLReader {
        guard let child = optional(key) else {
            let path = reader.path.isEmpty ? key : "\(reader.path).\(key)"
            throw reader.error(.missingField(expected: "'\(key)': \(expected)"), path: path)
        }
        return child
    }

    func string(_ key: String) throws(ManifestError) -> String {
        try required(key, expected: "a string").string()
    }

    func optionalString(_ key: String) throws(ManifestError) -> String? {
        try optional(key)?.string()
    }

    func bool(_ key: String, default value: Bool) throws(ManifestError) -> Bool {
        try optional(key)?.bool() ?? value
    }

    func requiredBool(_ key: String) throws(ManifestError) -> Bool {
        try required(key, expected: "true or false").bool()
    }

    func day(_ key: String) throws(ManifestError) -> CalendarDay {
        try required(key, expected: "a date YYYY-MM-DD").day()
    }

    func optionalDay(_ key: String) throws(ManifestError) -> CalendarDay? {
        try optional(key)?.day()
    }

    func value<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(ManifestError) -> T where T.RawValue == String {
        try required(key, expected: "one of \(T.allCases.map(\.rawValue).joined(separator: ", "))").value(type)
    }

    func value<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, default fallback: T) throws(ManifestError) -> T where T.RawValue == String {
        try optional(key)?.value(type) ?? fallback
    }

    func values<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(ManifestError) -> [T] where T.RawValue == String {
        guard let list = optional(key) else { return [] }
        var result: [T] = []
        for element in try list.list() { result.append(try element.value(type)) }
        return result
    }

    func strings(_ key: String) throws(ManifestError) -> [String] {
        guard let list = optional(key) else { return [] }
        var result: [String] = []
        for element in try list.list() { result.append(try element.string()) }
        return result
    }

    /// Decodes a list of mappings with `decode`.
    func list<T>(_ key: String, _ decode: (YAMLReader) throws(ManifestError) -> T) throws(ManifestError) -> [T] {
        guard let list = optional(key) else { return [] }
        var result: [T] = []
        for element in try list.list() { result.append(try decode(element)) }
        return result
    }
}
