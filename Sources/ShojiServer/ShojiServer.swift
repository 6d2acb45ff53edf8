import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import ShojiPipeline
import ShojiPolicy
import ShojiStore
import ShojiVision
import UnixSignals

/// `shoji serve`: the console, the JSON API, the public notice pages and the request portal over one store,
/// with the approved deployments it hosts running in the same process.
///
/// The HTTP application and every hosted ``DeploymentRuntime`` are services of one `ServiceGroup`: SIGINT or
/// SIGTERM stops the cameras first, stores what they counted, then closes the server.
public struct ShojiServer: Sendable {
    let state: ServerState

    /// A server over `store` showing `deployments` (their notice pages, assessments and statistics).
    /// `runtimes` are the deployments it also runs; their status shows in the console and `/metrics`.
    /// `records`, when given, is where statistics are read from instead of `store` (a hub's database over all
    /// sites); `services` run beside the server (that database's client) and stop after it.
    public init(store: AnalyticsStore, deployments: [ApprovedDeployment], runtimes: [DeploymentRuntime] = [],
                records: (@Sendable (String) -> any TenantRecordsReading)? = nil, services: [any Service] = [],
                configuration: ServerConfiguration = ServerConfiguration(), logger: Logger = Logger(label: "shoji.server")) {
        state = ServerState(store: store, deployments: deployments, pipelines: runtimes.map(\.pipeline),
                            records: records ?? { store.records(of: $0) }, configuration: configuration, logger: logger)
        self.runtimes = runtimes
        self.services = services
    }

    private let runtimes: [DeploymentRuntime]
    private let services: [any Service]

    /// The router with every route and middleware, for in-process tests (`app.test(.router)`).
    public func router() -> Router<ShojiRequestContext> {
        ServerRoutes(state: state).router()
    }

    /// The HTTP application on the configured address.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(),
                    configuration: .init(address: .hostname(state.configuration.host, port: state.configuration.port),
                                         serverName: "shoji"),
                    onServerRunning: { [state] channel in
                        let port = channel.localAddress?.port ?? state.configuration.port
                        state.listeningPort.withLockedValue { $0 = port }
                        await onRunning(port)
                    },
                    logger: state.logger)
    }

    /// Serves until a signal: the application first in the group, the deployments after it, so that a graceful
    /// shutdown stops and flushes the cameras before the server closes. `onRunning` gets the port listened on.
    public func run(signals: [UnixSignal] = [.sigterm, .sigint], onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        // Shut down last to first: the cameras, then the server, then what it reads from.
        var services = self.services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
        services.append(.init(service: application(onRunning: onRunning), successTerminationBehavior: .gracefullyShutdownGroup))
        services += runtimes.map { $0.service(endsHost: false) }
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: signals, logger: state.logger)
        configuration.maximumGracefulShutdownDuration = .seconds(60)
        try await ServiceGroup(configuration: configuration).run()
    }
}

/// What every route reads: the store, the deployments shown, the hosted pipelines, the settings and the
/// server's own counters and limits.
final class ServerState: Sendable {
    let store: AnalyticsStore
    /// Where a tenant's statistics are read: the store's own records, or a hub's over all sites.
    let records: @Sendable (String) -> any TenantRecordsReading
    /// The deployments shown, by id.
    let deployments: [String: ApprovedDeployment]
    let pipelines: [Pipeline]
    let configuration: ServerConfiguration
    let metrics = ServerMetrics()
    let logger: Logger
    /// The port actually listened on (the configured one, or the one the system chose for port 0).
    let listeningPort: NIOLockedValueBox<Int>
    let publicRequests: RateLimiter
    let failedLogins: RateLimiter
    /// The request portal's photo lookup (models loaded at the first photo).
    let portalPhotos: PortalPhotos

    init(store: AnalyticsStore, deployments: [ApprovedDeployment], pipelines: [Pipeline],
         records: @escaping @Sendable (String) -> any TenantRecordsReading, configuration: ServerConfiguration, logger: Logger) {
        self.store = store
        self.records = records
        self.deployments = Dictionary(deployments.map { ($0.deploymentID, $0) }, uniquingKeysWith: { first, _ in first })
        self.pipelines = pipelines
        self.configuration = configuration
        self.logger = logger
        listeningPort = NIOLockedValueBox(configuration.port)
        publicRequests = RateLimiter(limit: configuration.publicRequestsPerHour, window: 3600)
        failedLogins = RateLimiter(limit: configuration.loginFailuresPerQuarterHour, window: 900)
        portalPhotos = PortalPhotos(models: ModelStore(folder: configuration.modelFolder))
    }

    /// The base URL of public links: the configured public URL, else this server's address.
    var baseURL: String {
        configuration.publicURL ?? "http://\(configuration.host):\(listeningPort.withLockedValue { $0 })"
    }

    /// The deployments of `tenant`, by id.
    func deployments(of tenant: String) -> [ApprovedDeployment] {
        deployments.values.filter { $0.tenant == tenant }.sorted { $0.deploymentID < $1.deploymentID }
    }

    /// The deployment `id` when `user` belongs to its tenant (any deployment for the public); 404 otherwise, so
    /// that another tenant's deployment is not even confirmed to exist.
    func deployment(_ id: String?, for user: AuthenticatedUser?) throws -> ApprovedDeployment {
        guard let id, let deployment = deployments[id], user.map({ $0.tenant == deployment.tenant }) ?? true else {
            throw HTTPError(.notFound, message: "no deployment \(id ?? "") here")
        }
        return deployment
    }

    /// The tenant's vault keys, read when a route needs the vault.
    func keys(for deployment: ApprovedDeployment) throws -> TenantKeyring {
        do {
            return try TenantKeyring.load(tenant: deployment.tenant, folder: configuration.keyFolder)
        } catch {
            throw HTTPError(.serviceUnavailable, message: "the server has no vault keys for tenant \(deployment.tenant): \(error)")
        }
    }

    /// A vault handle of `deployment` for `access`.
    func vault(_ deployment: ApprovedDeployment, _ access: VaultAccess) throws -> FeatureVault {
        do {
            return try FeatureVault(store: store, deployment: deployment, access: access, keys: try keys(for: deployment))
        } catch let error as VaultError {
            throw HTTPError(.conflict, message: error.description)
        }
    }

    /// The hosted cameras' status, by deployment.
    var cameraStatus: [(deployment: String, status: [CameraStatus])] {
        pipelines.map { ($0.plan.deploymentID, $0.status) }
    }
}
