import Crypto
import Foundation

/// One tenant's vault keys and visitor-id salt, read from a key file or the environment, never from the database
/// (DESIGN.md invariants 4 and 6).
///
/// The key file is `<folder>/<tenant>.keys`, mode 0600, folder `$SHOJI_KEYS` or `~/.config/shoji/keys`:
///
/// ```
/// # Shoji vault keys ...
/// tenant shoji-retail
/// salt <base64, 32 bytes>
/// key 5d1c09a2 <base64, 32 bytes>    (the first key line is the current key)
/// key 0b7e44f1 <base64, 32 bytes>    (older keys, for reading until rotation retires them)
/// ```
///
/// `SHOJI_VAULT_KEYS` may hold the same text instead (a container secret); it applies to the tenant it names.
/// Each tenant has its own file, so one tenant's key cannot open another's vectors and the same face gets
/// unlinkable visitor ids under two tenants.
///
/// The keyring rereads the file when it changes, so a running pipeline takes up a rotated key without stopping;
/// every key it has seen stays in memory for reading. Thread-safe.
public final class TenantKeyring: @unchecked Sendable {
    /// Where the keys came from.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// A key file.
        case file(URL)
        /// The `SHOJI_VAULT_KEYS` environment variable.
        case environment

        public var description: String {
            switch self {
            case .file(let url): url.path
            case .environment: "$SHOJI_VAULT_KEYS"
            }
        }
    }

    /// The environment variable that may hold a key file's text.
    public static let environmentVariable = "SHOJI_VAULT_KEYS"

    /// The tenant.
    public let tenant: String
    /// Where the keys came from.
    public let source: Source

    private let lock = NSLock()
    private var file: KeyFile
    private var modified: Date?
    private var remembered: [String: SymmetricKey]

    private init(tenant: String, source: Source, file: KeyFile, modified: Date?) {
        self.tenant = tenant
        self.source = source
        self.file = file
        self.modified = modified
        remembered = Dictionary(file.keys.map { ($0.id, $0.key) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Finding and creating

    /// The folder of key files: `$SHOJI_KEYS`, else `$XDG_CONFIG_HOME/shoji/keys`, else `~/.config/shoji/keys`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["SHOJI_KEYS"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return config.appendingPathComponent("shoji/keys")
    }

    /// The key file of `tenant` in `folder`.
    public static func fileURL(tenant: String, folder: URL) -> URL {
        folder.appendingPathComponent("\(tenant).keys")
    }

    /// The keyring of `tenant`: from `SHOJI_VAULT_KEYS` when it names this tenant, else from its key file in
    /// `folder` (default ``defaultFolder(environment:)``).
    public static func load(tenant: String, folder: URL? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(VaultError) -> TenantKeyring {
        if let text = environment[environmentVariable], !text.isEmpty {
            let file = try KeyFile(parsing: text, path: environmentVariable)
            if file.tenant == tenant { return TenantKeyring(tenant: tenant, source: .environment, file: file, modified: nil) }
        }
        let url = fileURL(tenant: tenant, folder: folder ?? defaultFolder(environment: environment))
        guard FileManager.default.fileExists(atPath: url.path) else { throw .noKeys(tenant: tenant, path: url.path) }
        let (file, modified) = try KeyFile.read(url)
        guard file.tenant == tenant else {
            throw .badKeyFile(path: url.path, problem: "it holds the keys of tenant \(file.tenant), not \(tenant)")
        }
        return TenantKeyring(tenant: tenant, source: .file(url), file: file, modified: modified)
    }

    /// Creates a key file for `tenant` in `folder` with a fresh key and salt (mode 0600); refuses to overwrite one.
    public static func create(tenant: String, folder: URL? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(VaultError) -> TenantKeyring {
        let folder = folder ?? defaultFolder(environment: environment)
        let url = fileURL(tenant: tenant, folder: folder)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw .keysExist(path: url.path) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .badKeyFile(path: folder.path, problem: "the folder cannot be created: \(error.localizedDescription)")
        }
        let file = KeyFile(tenant: tenant, salt: SymmetricKey(size: .bits256), keys: [VaultKey.generate()])
        let modified = try file.write(to: url)
        return TenantKeyring(tenant: tenant, source: .file(url), file: file, modified: modified)
    }

    // MARK: Keys

    /// The key new vectors are sealed with (rereading the file first if it changed).
    public var currentKey: VaultKey {
        lock.withLock {
            refreshLocked()
            return file.keys[0]
        }
    }

    /// The ids of the keys in the file, current first.
    public var keyIDs: [String] {
        lock.withLock {
            refreshLocked()
            return file.keys.map(\.id)
        }
    }

    /// The key with `id`: one in the file or one seen earlier by this process.
    func key(id: String) -> SymmetricKey? {
        lock.withLock {
            refreshLocked()
            return remembered[id]
        }
    }

    /// The salt of visitor ids (HMAC-SHA256 key), never rotated: ids already given stay valid.
    var salt: SymmetricKey {
        lock.withLock { file.salt }
    }

    /// Puts a fresh key first in the file; the previous keys stay for reading until ``retire(except:)``.
    @discardableResult
    public func addCurrentKey() throws(VaultError) -> VaultKey {
        lock.lock()
        defer { lock.unlock() }
        do {
            guard case .file(let url) = source else {
                throw .badKeyFile(path: source.description, problem: "keys from the environment cannot be rotated here; rotate them where they are kept")
            }
            refreshLocked()
            let key = VaultKey.generate()
            var next = file
            next.keys.insert(key, at: 0)
            modified = try next.write(to: url)
            file = next
            remembered[key.id] = key.key
            return key
        }
    }

    /// Removes from the file every key but the current one and those in `keep` (keys still sealing vectors).
    public func retire(except keep: Set<String>) throws(VaultError) {
        lock.lock()
        defer { lock.unlock() }
        do {
            guard case .file(let url) = source else { return }
            refreshLocked()
            var next = file
            let current = next.keys[0].id
            next.keys = next.keys.filter { $0.id == current || keep.contains($0.id) }
            guard next.keys.count != file.keys.count else { return }
            modified = try next.write(to: url)
            file = next
        }
    }

    /// Rereads the key file when its modification time changed (a rotation by another process).
    private func refreshLocked() {
        guard case .file(let url) = source,
              let stamp = try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date,
              stamp != modified, let (fresh, at) = try? KeyFile.read(url), fresh.tenant == tenant else { return }
        file = fresh
        modified = at
        for key in fresh.keys where remembered[key.id] == nil { remembered[key.id] = key.key }
    }
}
