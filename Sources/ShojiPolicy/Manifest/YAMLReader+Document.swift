import Yams

extension YAMLReader {
    /// A reader of the root node of `yaml`: syntax errors come with file, line and column; an empty document is a
    /// missing field that says what was `expected` (for manifests and incidents alike).
    static func document(yaml: String, file: String, expected: String) throws(ManifestError) -> YAMLReader {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ManifestError(file: file, line: nil, column: nil, key: "", problem: .syntax(String(describing: error)))
        }
        guard let root else {
            throw ManifestError(file: file, line: 1, column: 1, key: "", problem: .missingField(expected: "\(expected); the file is empty"))
        }
        return YAMLReader(node: root, path: "", file: file)
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ManifestError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let detail = [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return ManifestError(file: file, line: mark.line, column: mark.column, key: "", problem: .syntax(detail))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ManifestError(file: file, line: context.mark.line, column: context.mark.column, key: "", problem: .syntax("duplicated keys \(duplicates.joined(separator: ", "))"))
        default:
            return ManifestError(file: file, line: nil, column: nil, key: "", problem: .syntax(String(describing: error)))
        }
    }
}
