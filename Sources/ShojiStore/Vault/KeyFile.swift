import Crypto
import Foundation

/// The text form of a key file.
struct KeyFile {
    var tenant: String
    var salt: SymmetricKey
    var keys: [VaultKey]

    init(tenant: String, salt: SymmetricKey, keys: [VaultKey]) {
        self.tenant = tenant
        self.salt = salt
        self.keys = keys
    }

    init(parsing text: String, path: String) throws(VaultError) {
        var tenant: String?, salt: SymmetricKey?, keys: [VaultKey] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            func secret(_ text: String) throws(VaultError) -> SymmetricKey {
                guard let data = Data(base64Encoded: text), data.count == 32 else {
                    throw .badKeyFile(path: path, problem: "line \(number + 1): expected 32 bytes in base64")
                }
                return SymmetricKey(data: data)
            }
            switch (fields.first, fields.count) {
            case ("tenant", 2): tenant = fields[1]
            case ("salt", 2): salt = try secret(fields[1])
            case ("key", 3):
                guard fields[1].count == 8, fields[1].allSatisfy(\.isHexDigit) else {
                    throw .badKeyFile(path: path, problem: "line \(number + 1): a key id is 8 hex digits")
                }
                keys.append(VaultKey(id: fields[1], key: try secret(fields[2])))
            default:
                throw .badKeyFile(path: path, problem: "line \(number + 1): expected 'tenant ID', 'salt BASE64' or 'key ID BASE64'")
            }
        }
        guard let tenant, let salt, !keys.isEmpty else {
            throw .badKeyFile(path: path, problem: "it needs a tenant line, a salt line and at least one key line")
        }
        self.init(tenant: tenant, salt: salt, keys: keys)
    }

    /// Reads the file, refusing one that other users can read.
    static func read(_ url: URL) throws(VaultError) -> (KeyFile, Date?) {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: url.path)) ?? [:]
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 { throw .keyFileExposed(path: url.path) }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .badKeyFile(path: url.path, problem: error.localizedDescription)
        }
        return (try KeyFile(parsing: text, path: url.path), attributes[.modificationDate] as? Date)
    }

    var text: String {
        func base64(_ key: SymmetricKey) -> String { key.withUnsafeBytes { Data($0).base64EncodedString() } }
        var lines = [
            "# Shoji vault keys of tenant \(tenant). Keep this file secret (mode 0600) and backed up: without it the",
            "# vault's vectors cannot be read. The first key line is the current key; 'shoji keys rotate' adds keys.",
            "tenant \(tenant)",
            "salt \(base64(salt))",
        ]
        lines += keys.map { "key \($0.id) \(base64($0.key))" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes atomically (a temporary file with mode 0600, then rename) and returns the new modification time.
    func write(to url: URL) throws(VaultError) -> Date? {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        let created = FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8),
                                                     attributes: [.posixPermissions: 0o600])
        guard created, rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw .badKeyFile(path: url.path, problem: "it cannot be written")
        }
        return (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
}
