import Foundation
import GRDB
import Logging

/// The embedded analytics database: one SQLite file in WAL mode that the pipeline writes and `shoji report` reads.
///
/// Every connection runs with `secure_delete` on, so deleted rows are overwritten rather than left in free pages,
/// and with foreign keys on, so records can only name a recorded deployment. Every write is one transaction: a
/// failed write (disk full, bad value) leaves what was stored before untouched.
///
/// Thread safety: the store is `Sendable`; use one instance per file and process from any task. Writes are
/// serialised by SQLite's single writer; reads run concurrently on a small pool of read-only connections.
public final class AnalyticsStore: Sendable {
    /// How to open the store.
    public struct Options: Sendable, Hashable {
        /// Open without writing: no file is created and no migration runs (for `shoji report`).
        public var readOnly: Bool
        /// Length of the congestion history buckets that every snapshot is folded into.
        public var congestionHistoryBucketSeconds: Int
        /// Largest size the database may grow to, in bytes; past it writes fail with ``StoreError/diskFull(path:)``.
        /// `nil` lets it grow until the disk is full.
        public var maximumSizeBytes: Int64?
        /// How long a write waits for another process's write to finish before failing.
        public var busyTimeoutSeconds: Double
        /// Whether the store queues its own batches' shareable records for a hub (an edge node that reports to one).
        public var outbox: Bool

        /// Options with the defaults: read-write, 15-minute congestion history, no size cap, 5 s busy timeout, no outbox.
        public init(
            readOnly: Bool = false, congestionHistoryBucketSeconds: Int = 900, maximumSizeBytes: Int64? = nil,
            busyTimeoutSeconds: Double = 5, outbox: Bool = false
        ) {
            self.readOnly = readOnly
            self.congestionHistoryBucketSeconds = congestionHistoryBucketSeconds
            self.maximumSizeBytes = maximumSizeBytes
            self.busyTimeoutSeconds = busyTimeoutSeconds
            self.outbox = outbox
        }
    }

    /// The database file.
    public let path: String
    /// The options it was opened with.
    public let options: Options
    let pool: DatabasePool
    let logger: Logger

    /// Opens the database at `path`, creating it and migrating it to the current schema unless read-only.
    ///
    /// - Throws: ``StoreError/cannotOpen(path:reason:)`` when the file or its folder is missing or not writable,
    ///   ``StoreError/notADatabase(path:)`` when the file is not a SQLite database (the file is left untouched),
    ///   ``StoreError/newerSchema(path:)`` when a newer Shoji wrote it.
    public init(path: String, options: Options = Options(), logger: Logger = Logger(label: "shoji.store")) throws(StoreError) {
        self.path = path
        self.options = options
        self.logger = logger
        guard options.congestionHistoryBucketSeconds > 0 else {
            throw .invalidValue("congestion history buckets must be at least 1 second long")
        }
        try Self.checkLocation(path: path, readOnly: options.readOnly)
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration(options))
            let migrator = AnalyticsSchema.migrator
            let (superseded, complete) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError.newerSchema(path: path) }
            if !complete {
                if options.readOnly {
                    throw StoreError.cannotOpen(path: path, reason: "its schema is older than this shoji; open it once for writing to migrate it")
                }
                try migrator.migrate(pool)
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
        logger.debug("analytics store opened", metadata: ["readOnly": "\(options.readOnly)"])
    }

    /// Refuses early, with a clear reason, what SQLite would only report as "unable to open database file".
    private static func checkLocation(path: String, readOnly: Bool) throws(StoreError) {
        // SQLite would open an empty path as a private temporary database and silently keep nothing.
        guard !path.isEmpty else { throw .cannotOpen(path: path, reason: "the path is empty") }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "it is a folder, not a file") }
            return
        }
        if readOnly { throw .cannotOpen(path: path, reason: "no such file; run the pipeline first to create it") }
        let folder = (path as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        guard files.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotOpen(path: path, reason: "the folder \(parent) does not exist; create it first")
        }
    }

    private static func configuration(_ options: Options) -> Configuration {
        var config = Configuration()
        config.label = "shoji.store"
        config.readonly = options.readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(options.busyTimeoutSeconds)
        let maximumSize = options.maximumSizeBytes
        config.prepareDatabase { db in
            // Per connection: deleted content is zeroed in the b-tree and in freed pages (invariant 4).
            try db.execute(sql: "PRAGMA secure_delete = ON")
            if let maximumSize {
                let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA max_page_count = \(max(1, maximumSize / pageSize))")
            }
        }
        return config
    }

    /// Runs `updates` in one write transaction, mapping every failure to ``StoreError``.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        guard !options.readOnly else { throw .cannotOpen(path: path, reason: "it was opened read-only") }
        do {
            return try await pool.write(updates)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Runs `value` on a read connection, mapping every failure to ``StoreError``.
    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(value)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// The names of the migrations applied to the file, for diagnostics (`["v1", …]`).
    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await read { db in try AnalyticsSchema.migrator.appliedIdentifiers(db).sorted() }
    }
}

extension AnalyticsStore {
    /// Closes every connection; later calls fail. Closing is optional (connections close when the store is
    /// released) but lets a command check that the last connection closed cleanly and the WAL was folded in.
    public func close() throws(StoreError) {
        do {
            try pool.close()
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}
