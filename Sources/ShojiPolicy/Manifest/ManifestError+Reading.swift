import Foundation

extension ManifestError {
    /// The UTF-8 text of a YAML file (manifest or incident), or an `unreadable` error naming the file.
    static func readText(of url: URL) throws(ManifestError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ManifestError(file: url.path, line: nil, column: nil, key: "", problem: .unreadable(error.localizedDescription))
        }
    }
}
