import Foundation
import Hummingbird
import HummingbirdTLS
import NIOSSL
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import ServiceLifecycle
import ShojiStore
import ShojiStorePostgres
import UnixSignals

/// `shoji hub`: takes the records of many edge nodes into one PostgreSQL database (``PostgresStore``).
///
/// Stateless: everything it knows is in PostgreSQL (the nodes' credentials, the applied batch ids, the records),
/// so several hubs may run side by side against one database behind a load balancer, and a hub killed at any
/// point loses nothing: a batch is acknowledged only after its transaction committed, and a batch resent after a
/// lost acknowledgement is applied once.
public struct HubServer: Sendable {
    /// The hub's store.
    public let store: PostgresStore
    let client: PostgresClient
    let configuration: HubConfiguration
    let logger: Logger
    let metrics = HubMetrics()
    /// The port actually listened on.
    let listeningPort: NIOLockedValueBox<Int>
    /// Whether the schema is in place (set once ``SchemaMigration`` succeeded); ingest answers 503 before.
    let ready = NIOLockedValueBox(false)

    /// A hub over `client`'s database. The server runs the client (it is a service of the hub's group).
    public init(client: PostgresClient, configuration: HubConfiguration = HubConfiguration(), logger: Logger = Logger(label: "shoji.hub")) {
        self.client = client
        self.store = PostgresStore(client: client, logger: logger)
        self.configuration = configuration
        self.logger = logger
        listeningPort = NIOLockedValueBox(configuration.port)
    }

    /// The router with every route, for in-process tests (which migrate the store themselves and call
    /// ``markReady()``).
    public func router() -> Router<ShojiRequestContext> {
        HubRoutes(hub: self).router()
    }

    /// Whether the schema is in place and ingest is taken.
    public var isReady: Bool { ready.withLockedValue { $0 } }

    /// Marks the schema as in place, for in-process tests that run ``PostgresStore/migrate()`` themselves.
    public func markReady() {
        ready.withLockedValue { $0 = true }
    }

    /// Serves until a signal. Creates the schema first (idempotent: hubs may start together), so a new database
    /// needs no other step. `onRunning` gets the port listened on.
    public func run(signals: [UnixSignal] = [.sigterm, .sigint], onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = Application(
            router: router(),
            server: try configuration.tls.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "shoji-hub"),
            onServerRunning: { [listeningPort] channel in
                let port = channel.localAddress?.port ?? 0
                listeningPort.withLockedValue { $0 = port }
                await onRunning(port)
            },
            logger: logger)
        let migration = SchemaMigration(store: store, ready: ready, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: client),
            .init(service: migration, successTerminationBehavior: .ignore),
        ]
        if let days = configuration.retentionDays {
            services.append(.init(service: HubRetention(store: store, days: days, ready: ready, period: .seconds(3600), logger: logger)))
        }
        services.append(.init(service: application, successTerminationBehavior: .gracefullyShutdownGroup))
        var group = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: signals, logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(30)
        try await ServiceGroup(configuration: group).run()
    }
}

/// Creates the hub's schema once the client runs, retrying while PostgreSQL is not reachable yet (a hub started
/// before its database comes up waits for it rather than exiting). Ingest answers 503 until then.
struct SchemaMigration: Service {
    let store: PostgresStore
    let ready: NIOLockedValueBox<Bool>
    let logger: Logger

    func run() async throws {
        var wait = Duration.milliseconds(250)
        while !Task.isCancelled {
            let failure: StoreError
            do {
                try await store.migrate()
                ready.withLockedValue { $0 = true }
                logger.info("hub schema ready")
                return
            } catch {
                failure = error
            }
            // A database that answers but refuses (a newer schema, no permission) will not change by waiting.
            guard failure.isTransient else { throw failure }
            logger.warning("PostgreSQL is not reachable yet; retrying", metadata: ["error": "\(failure)", "in": "\(wait)"])
            try? await Task.sleep(for: wait)
            wait = min(wait * 2, .seconds(10))
        }
    }
}

/// The hub's settings.
public struct HubConfiguration: Sendable {
    /// The address listened on.
    public var host: String
    /// The port (0: any free port).
    public var port: Int
    /// The largest ingest request body, in bytes.
    public var maximumIngestBytes: Int
    /// The most batches one ingest request may carry.
    public var maximumBatchesPerIngest: Int
    /// Days records are kept at the hub (every tenant's); nil keeps them until removed by hand.
    public var retentionDays: Int?
    /// TLS for the ingest (certificate and key); nil serves plain HTTP, for a hub behind a TLS proxy.
    public var tls: TLSConfiguration?

    /// Settings; the defaults listen on localhost:8090, take up to 32 MiB and 1,000 batches a request and keep
    /// records for 400 days.
    public init(host: String = "127.0.0.1", port: Int = 8090, maximumIngestBytes: Int = 32 << 20, maximumBatchesPerIngest: Int = 1000,
                retentionDays: Int? = 400, tls: TLSConfiguration? = nil) {
        self.retentionDays = retentionDays
        self.tls = tls
        self.host = host
        self.port = port
        self.maximumIngestBytes = maximumIngestBytes
        self.maximumBatchesPerIngest = maximumBatchesPerIngest
    }
}
