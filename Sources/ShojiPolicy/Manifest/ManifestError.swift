import Foundation

/// Why a manifest could not be read, with where (file, line, column, key path) and what was expected.
///
/// `description` is one line, `file:line:column: key: problem`, fit for a command-line error.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// What went wrong.
    public enum Problem: Sendable, Equatable {
        /// The file could not be read.
        case unreadable(String)
        /// The text is not valid YAML.
        case syntax(String)
        /// A key that the manifest schema does not know; `expected` lists the keys allowed there.
        case unknownKey(String, expected: [String], suggestion: String?)
        /// A value of the wrong YAML type (e.g. a list where a string is expected).
        case wrongType(expected: String, found: String)
        /// A required key is absent.
        case missingField(expected: String)
        /// A use case name that Shoji does not know.
        case unknownUseCase(String)
        /// A value outside its allowed set or form.
        case invalidValue(String, expected: String)
        /// A retention period that cannot be (negative, or data kept that its use case must discard at once).
        case impossibleRetention(String)
        /// A reference to something not declared (e.g. a purpose id in a consent).
        case unknownReference(String, expected: String)
    }

    /// The file the manifest came from (or a label such as `<string>`).
    public var file: String
    /// 1-based line of the offending node, when known.
    public var line: Int?
    /// 1-based column of the offending node, when known.
    public var column: Int?
    /// The key path, e.g. `cameras[0].use_cases[1]`.
    public var key: String
    /// What went wrong.
    public var problem: Problem

    /// Creates an error.
    public init(file: String, line: Int?, column: Int?, key: String, problem: Problem) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.problem = problem
    }

    /// `file:line:column`.
    public var location: String {
        [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
    }

    /// What is wrong and what to do, without the location.
    public var message: String {
        switch problem {
        case .unreadable(let reason):
            "cannot read the manifest (\(reason)); check the path and permissions"
        case .syntax(let reason):
            "not valid YAML: \(reason)"
        case .unknownKey(let key, let expected, let suggestion):
            "unknown key '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + "; expected one of: \(expected.joined(separator: ", "))"
        case .wrongType(let expected, let found):
            "expected \(expected), found \(found)"
        case .missingField(let expected):
            "missing required key; expected \(expected)"
        case .unknownUseCase(let name):
            "unknown use case '\(name)'; expected one of: \(UseCase.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidValue(let value, let expected):
            "invalid value '\(value)'; expected \(expected)"
        case .impossibleRetention(let reason):
            "impossible retention: \(reason)"
        case .unknownReference(let value, let expected):
            "'\(value)' is not declared; expected \(expected)"
        }
    }

    /// One line: `file:line:column: key: message`.
    public var description: String {
        key.isEmpty ? "\(location): \(message)" : "\(location): \(key): \(message)"
    }

    /// Same as `description`.
    public var errorDescription: String? { description }
}
