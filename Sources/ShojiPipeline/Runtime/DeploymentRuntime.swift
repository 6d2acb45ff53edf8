import Foundation
import Logging
import ServiceLifecycle
import ShojiPolicy
import ShojiStore
import UnixSignals

/// One approved deployment made ready to run: its pipeline (cameras, record writer, retention sweeper, status)
/// over a store, with the tenant's vault keys loaded when an approved use case identifies people.
///
/// `shoji run`, `shoji serve` and the benchmarks all start deployments through this type and nothing else: a
/// host adds ``service(endsHost:)`` to its own `ServiceGroup` (the server beside its HTTP service), or calls
/// ``run(signals:)`` to run the deployment alone.
public struct DeploymentRuntime: Sendable {
    /// The approval being run.
    public let deployment: ApprovedDeployment
    /// The pipeline, a `Service`.
    public let pipeline: Pipeline
    private let logger: Logger

    /// Builds the pipeline of `deployment` over `store`. The vault keys are read from `keyFolder` (default
    /// `$SHOJI_KEYS`, else `~/.config/shoji/keys`) only when a camera runs repeat visits or the watchlist.
    ///
    /// - Throws: `VaultError` when an identifying deployment has no readable key file; ``PipelineError`` when a
    ///   camera's settings or source are wrong.
    public init(deployment: ApprovedDeployment, store: AnalyticsStore, keyFolder: URL? = nil,
                options: PipelineOptions = PipelineOptions(), logger: Logger = Logger(label: "shoji.pipeline")) throws {
        let keys = Self.identifiesPeople(deployment) ? try TenantKeyring.load(tenant: deployment.tenant, folder: keyFolder) : nil
        self.deployment = deployment
        self.logger = logger
        pipeline = try Pipeline(deployment: deployment, store: store, keys: keys, options: options, logger: logger)
    }

    /// Whether an approved use case of `deployment` keeps feature vectors, so the tenant's keys are needed.
    public static func identifiesPeople(_ deployment: ApprovedDeployment) -> Bool {
        deployment.permits(.repeatVisit) || deployment.permits(.watchlist)
    }

    /// The pipeline as a member of a host's service group. `endsHost`: whether the group shuts down when the
    /// pipeline ends (a command that only runs it) or goes on (a server that also serves pages).
    public func service(endsHost: Bool) -> ServiceGroupConfiguration.ServiceConfiguration {
        .init(service: pipeline, successTerminationBehavior: endsHost ? .gracefullyShutdownGroup : .ignore)
    }

    /// Runs the deployment in a service group of its own that shuts down gracefully on `signals`; returns once
    /// the pipeline ended and its records are stored, and `outbox` (the store's sender to a hub, if it has one)
    /// has drained what it could.
    public func run(signals: [UnixSignal] = [.sigterm, .sigint], outbox: OutboxSender? = nil) async throws {
        // A group shuts its services down last to first: the pipeline flushes its records, then the sender sends them.
        let services = (outbox.map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? []) + [service(endsHost: true)]
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: signals, logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(60)
        try await ServiceGroup(configuration: configuration).run()
    }
}
