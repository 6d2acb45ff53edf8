import Foundation
import Logging
import ServiceLifecycle
import ShojiPolicy
import ShojiStore
import ShojiVision

/// The analytics pipeline of one approved deployment: per camera FrameSource → person detector (every n-th
/// frame) and/or the face stage → tracker → the analyzers its use cases allow → records → store; repeat and
/// watchlist records through the feature vault.
///
/// The pipeline is a swift-service-lifecycle `Service` that joins its host's `ServiceGroup` (see
/// ``DeploymentRuntime``). Inside it every long-running part is a service of its own group: the record writer
/// first, then the retention sweeper, then one service per camera, then the status reporter. A graceful shutdown
/// of the host's group (or ``shutdown()``) runs them in reverse order: the cameras stop, end their tracks and
/// hand over what they counted, then the writer stores it. A camera that fails is marked failed; the others keep
/// going. With `untilEnd`, ``run()`` returns once every camera's source ended and the records are stored.
public final class Pipeline: Service, Sendable {
    /// The plan being run.
    public let plan: PipelinePlan
    private let store: AnalyticsStore
    private let repeatVault: FeatureVault?
    private let watchlistVault: FeatureVault?
    private let options: PipelineOptions
    private let logger: Logger
    private let board: StatusBoard
    private let tally = RecordTally()
    private let group = GroupSlot()

    /// A pipeline of `deployment` writing to `store`; `keys` are the tenant's vault keys, needed when a camera
    /// runs repeat visits or the watchlist. Call ``run()`` to start it.
    ///
    /// - Throws: ``PipelineError`` when a camera's settings or source are wrong, an approved use case has no
    ///   analyzer here, or an identity camera has no keys; `VaultError` when the vault refuses its keys.
    public init(deployment: ApprovedDeployment, store: AnalyticsStore, keys: TenantKeyring? = nil,
                options: PipelineOptions = PipelineOptions(), logger: Logger = Logger(label: "shoji.pipeline")) throws {
        let plan = try PipelinePlan(deployment: deployment)
        self.plan = plan
        self.store = store
        self.options = options
        self.logger = logger
        board = StatusBoard(cameras: plan.cameras.map(\.id))
        let useCases = Set(plan.cameras.flatMap(\.useCases))
        if plan.identifiesPeople {
            guard let keys else {
                throw PipelineError.identityUnavailable("no vault key for tenant \(plan.tenant); create one with 'shoji keys init \(deployment.manifestFile.path)'")
            }
            repeatVault = useCases.contains(.repeatVisit)
                ? try FeatureVault(store: store, deployment: deployment, access: .repeatAnalysis, keys: keys) : nil
            watchlistVault = useCases.contains(.watchlist)
                ? try FeatureVault(store: store, deployment: deployment, access: .watchlistMatching, keys: keys) : nil
        } else {
            repeatVault = nil
            watchlistVault = nil
        }
    }

    /// Checks that the manifest is still the approved one, loads the identity galleries, then runs until every
    /// camera ended (`untilEnd`), a signal, or ``shutdown()``; returns after the last records are stored.
    ///
    /// - Throws: `ApprovalError.manifestChanged` when the manifest was edited after approval; the store's or the
    ///   vault's error when the last records cannot be stored.
    public func run() async throws {
        try plan.deployment.verifyUnchanged()
        let pending = PendingRecords<AnalyticsBatch>()
        var identity: IdentityContext?
        if repeatVault != nil || watchlistVault != nil {
            let gallery = try await IdentityGallery.load(repeatVault: repeatVault, watchlistVault: watchlistVault, now: options.clock())
            identity = IdentityContext(gallery: gallery, pending: PendingRecords(),
                                       featureVectorDays: plan.retention.days(for: .featureVectors) ?? 0)
        }
        let context = PipelineContext(deploymentID: plan.deploymentID, options: options, pending: pending, status: board,
                                      logger: logger, identity: identity)
        let assessment = String(decoding: (try? plan.deployment.assessment.jsonData()) ?? Data("{}".utf8), as: UTF8.self)
        let deployment = DeploymentRecord(deploymentID: plan.deploymentID, tenantID: plan.tenant,
                                          manifestSHA256: plan.deployment.manifestSHA256,
                                          approvedAt: plan.deployment.approvedAt, assessmentJSON: assessment)
        let writer = RecordWriter(store: store, pending: pending, identity: identity, deployment: deployment,
                                  interval: options.flushInterval, clock: options.clock, logger: logger, tally: tally)
        VisionRuntime.setThreadsPerCall(options.openCVThreadsPerCall ?? (plan.cameras.count > 1 ? 1 : 0))
        let runners = plan.cameras.map { CameraRunner(plan: $0, context: context) }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: writer, successTerminationBehavior: .gracefullyShutdownGroup),
        ]
        if let period = options.retentionSweepPeriod {
            let sweeper = RetentionSweeper(store: store, policy: try RetentionPlan.policy(from: plan.retention),
                                           deploymentID: plan.deploymentID, identityTenant: identity == nil ? nil : plan.tenant,
                                           period: period, now: options.clock, logger: logger)
            services.append(.init(service: RetentionService(sweeper: sweeper), successTerminationBehavior: .ignore))
        }
        for runner in runners {
            services.append(.init(service: CameraService(runner: runner), successTerminationBehavior: .ignore))
        }
        services.append(.init(service: StatusReporter(board: board, interval: options.statusInterval,
                                                      onStatus: options.onStatus, cameras: runners,
                                                      untilEnd: options.untilEnd),
                              successTerminationBehavior: .gracefullyShutdownGroup))
        var configuration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [],   // the host's group handles signals and passes its shutdown on
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(60)
        let serviceGroup = ServiceGroup(configuration: configuration)
        guard group.set(serviceGroup) else { return }   // shut down before it started
        try await serviceGroup.run()
    }

    /// Starts a graceful shutdown: cameras stop and flush, then the writer stores everything.
    public func shutdown() async {
        await group.shutdown()
    }

    /// Every camera's current status.
    public var status: [CameraStatus] { board.snapshot() }

    /// Records stored since the pipeline started (aggregate rows, trajectories, snapshots, visits and alerts).
    public var recordsStored: Int { tally.value }
}

/// The service group once ``Pipeline/run()`` built it, and whether a shutdown came first.
private final class GroupSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var group: ServiceGroup?
    private var stopped = false

    /// Keeps `group`; false when a shutdown was asked for already.
    func set(_ group: ServiceGroup) -> Bool {
        lock.withLock {
            self.group = group
            return !stopped
        }
    }

    func shutdown() async {
        let group: ServiceGroup? = lock.withLock {
            stopped = true
            return self.group
        }
        await group?.triggerGracefulShutdown()
    }
}
