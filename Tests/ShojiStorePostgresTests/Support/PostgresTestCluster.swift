import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing

/// A throw-away PostgreSQL cluster for the tests: `initdb` in a temporary folder, `pg_ctl start` listening on a
/// unix socket in that folder only (no TCP port, so nothing else on the machine is touched), stopped and removed
/// when the test process exits. Debian's `postgresql` package provides the binaries (`scripts/setup` installs it).
/// As root (CI) the server runs as the `postgres` user: PostgreSQL refuses to run as root.
actor PostgresTestCluster {
    /// The cluster most tests share.
    static let shared = PostgresTestCluster(port: 5433)
    /// The clusters' folders, for the exit handler.
    private static let running = Mutex<[String]>([])
    static let user = "shoji"

    /// The port, which names the socket file (there is no TCP listener).
    let port: Int

    /// A cluster on `port`; a test that stops and starts PostgreSQL uses one of its own, so that the other
    /// tests running meanwhile keep theirs.
    init(port: Int) {
        self.port = port
    }

    private var folder: URL?
    /// The first caller's start-up, which later callers wait for (the actor is re-entered while it awaits).
    private var starting: Task<URL, any Error>?

    /// The folder holding the socket, starting the cluster on first use.
    func socketFolder() async throws -> URL {
        if let folder { return folder }
        if let starting { return try await starting.value }
        let task = Task { [port] in try await Self.startCluster(port: port) }
        starting = task
        let folder = try await task.value
        self.folder = folder
        return folder
    }

    private static func startCluster(port: Int) async throws -> URL {
        let folder = URL(fileURLWithPath: "/tmp/shoji-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binaries = try Self.binaries()
        let data = folder.appendingPathComponent("data").path
        if getuid() == 0 { try await Self.run("/bin/chown", ["postgres:postgres", folder.path]) }
        try await Self.run(binaries.appendingPathComponent("initdb").path,
                           ["-D", data, "-U", Self.user, "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"])
        try await Self.run(binaries.appendingPathComponent("pg_ctl").path, startArguments(folder: folder, port: port))
        let first = Self.running.withLock { running in
            running.append(folder.path)
            return running.count == 1
        }
        if first { atexit { PostgresTestCluster.stopAtExit() } }
        return folder
    }

    /// A new empty database (its name), so that every test has its own.
    func makeDatabase() async throws -> String {
        let name = "test_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        let client = PostgresClient(configuration: try await configuration(database: "postgres"))
        _ = try await Self.using(client) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        return name
    }

    /// The client configuration for `database`.
    func configuration(database: String) async throws -> PostgresClient.Configuration {
        let socket = try await socketFolder().appendingPathComponent(".s.PGSQL.\(port)").path
        return PostgresClient.Configuration(unixSocketPath: socket, username: Self.user, password: nil, database: database)
    }

    /// Stops the server now (`-m fast`: like a real shutdown) or abruptly (`-m immediate`: like a crash), for fault
    /// tests; ``start()`` brings it back on the same data.
    func stop(immediately: Bool) async throws {
        guard let folder else { return }
        try await Self.run(try Self.binaries().appendingPathComponent("pg_ctl").path,
                     ["-D", folder.appendingPathComponent("data").path, "-w", "-m", immediately ? "immediate" : "fast", "stop"])
    }

    /// Starts the server again after ``stop(immediately:)``.
    func start() async throws {
        guard let folder else { _ = try await socketFolder(); return }
        try await Self.run(try Self.binaries().appendingPathComponent("pg_ctl").path, Self.startArguments(folder: folder, port: port))
    }

    /// `pg_ctl start`'s arguments: the socket in the cluster's folder only, no TCP, no fsync (a test cluster).
    private static func startArguments(folder: URL, port: Int) -> [String] {
        ["-D", folder.appendingPathComponent("data").path, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "60",
         "-o", "-p \(port) -k \(folder.path) -c listen_addresses='' -c fsync=off -c max_connections=200 -c log_connections=on", "start"]
    }

    /// The libpq-style URL of `database`, as `shoji hub --postgres` takes it.
    func url(database: String) async throws -> String {
        "postgres://\(Self.user)@/\(database)?host=\(try await socketFolder().path)&port=\(port)"
    }

    /// Runs `body` with `client` running, then shuts the client down.
    static func using<T: Sendable>(_ client: PostgresClient, _ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    // MARK: Processes

    private static func binaries() throws -> URL {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.compactMap(Int.init).sorted() ?? []
        guard let version = versions.last else {
            throw ClusterError(message: "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): run scripts/setup, which installs Debian's postgresql")
        }
        return root.appendingPathComponent("\(version)/bin")
    }

    /// Runs a PostgreSQL program, as `postgres` when this process is root, and waits for it with `waitpid`.
    ///
    /// Not Foundation's `Process`: on Linux it learns that a child ended from a descriptor the child inherits, and
    /// the server that `pg_ctl start` leaves running inherits it too, so `waitUntilExit` would never return.
    private static func run(_ program: String, _ arguments: [String]) async throws {
        // initdb takes seconds: wait on a thread of its own, not on Swift's cooperative pool, which the rest of a
        // loaded test run needs.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try spawnAndWait(program, arguments) })
            }
        }
    }

    private static func spawnAndWait(_ program: String, _ arguments: [String]) throws {
        let command = getuid() == 0 && !program.hasPrefix("/bin/") ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments
                                                                    : [program] + arguments
        let transcript = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-pg-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: transcript) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, transcript, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw ClusterError(message: "cannot start \(command[0]): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS, which Swift does not import as functions.
        let exited = status & 0x7F == 0, code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            let printed = (try? String(contentsOfFile: transcript, encoding: .utf8)) ?? ""
            throw ClusterError(message: "\(command.joined(separator: " ")) failed (status \(status)): \(printed)")
        }
    }

    private static func stopAtExit() {
        guard let binaries = try? binaries() else { return }
        for path in running.withLock({ $0 }) {
            try? spawnAndWait(binaries.appendingPathComponent("pg_ctl").path, ["-D", "\(path)/data", "-m", "immediate", "stop"])
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}

struct ClusterError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
