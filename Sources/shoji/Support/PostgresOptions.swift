import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import ShojiStore
import ShojiStorePostgres

/// The hub's database: `--postgres URL`, else `$SHOJI_POSTGRES`.
struct PostgresOptions: ParsableArguments {
    @Option(help: "The hub's PostgreSQL database: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require], or postgres://USER@/DATABASE?host=/run/postgresql for a unix socket (default: $SHOJI_POSTGRES; a password may come from $PGPASSWORD).")
    var postgres: String?

    /// The parsed URL, with one-line errors.
    func url() throws -> PostgresURL {
        guard let text = postgres ?? ProcessInfo.processInfo.environment["SHOJI_POSTGRES"] else {
            throw CommandFailure("name the hub's database: --postgres postgres://USER@HOST/DATABASE (or set SHOJI_POSTGRES)", code: 2).report()
        }
        return try failingWithOneLine(code: 2) { try PostgresURL(text) }
    }

    /// A client of the database (not yet running).
    func client(logger: Logger) throws -> PostgresClient {
        PostgresClient(configuration: try url().configuration, backgroundLogger: logger)
    }

    /// Runs `body` with a migrated store over a running client, then stops the client: for the short hub
    /// commands (registering nodes, totals).
    func withStore<T: Sendable>(_ body: @escaping @Sendable (PostgresStore) async throws -> T) throws -> T {
        var logger = Logger(label: "shoji.hub")
        // Errors only: a short command leases its first connection as the client starts, which PostgresNIO warns of.
        logger.logLevel = .error
        let client = try client(logger: logger)
        let (shown, storeLogger) = (try url().description, logger)
        return try awaitingOneLine {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                let store = PostgresStore(client: client, logger: storeLogger)
                do {
                    try await store.migrate()
                } catch {
                    throw CommandFailure("cannot use the hub's database \(shown): \(error)")
                }
                return try await body(store)
            }
        }
    }
}
