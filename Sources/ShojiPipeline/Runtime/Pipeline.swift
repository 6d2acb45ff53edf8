import Foundation
import Logging
import ServiceLifecycle
import ShojiPolicy
import ShojiStore
import ShojiVision

/// The analytics pipeline of one approved deployment: per camera FrameSource → person detector (every n-th
/// frame) → tracker → the analyzers its use cases allow → records → store.
///
/// Every long-running part is a swift-service-lifecycle `Service` in one `ServiceGroup`: the record writer
/// first, then the retention sweeper, then one service per camera, then the status reporter. Graceful shutdown (SIGINT/SIGTERM when
/// `handlesSignals`, or ``shutdown()``) runs in reverse order: the cameras stop, end their tracks and hand over
/// what they counted, then the writer stores it. A camera that fails is marked failed; the others keep going.
public final class Pipeline: Sendable {
    /// The plan being run.
    public let plan: PipelinePlan
    private let group: ServiceGroup
    private let board: StatusBoard

    /// A pipeline writing to `store`. Call ``run()`` to start it.
    /// - Parameter retention: the sweeper that enforces the manifest's retention periods on the store
    ///   (``RetentionPlan``); it runs beside the cameras and stops with them.
    public init(plan: PipelinePlan, store: any AnalyticsRecording, retention: RetentionSweeper? = nil,
                options: PipelineOptions = PipelineOptions(), approvedAt: Date = Date(),
                logger: Logger = Logger(label: "shoji.pipeline")) throws {
        self.plan = plan
        let board = StatusBoard(cameras: plan.cameras.map(\.id))
        self.board = board
        let pending = PendingRecords()
        let context = PipelineContext(deploymentID: plan.deploymentID, options: options, pending: pending,
                                      status: board, logger: logger)
        let assessment = String(decoding: (try? plan.assessment.jsonData()) ?? Data("{}".utf8), as: UTF8.self)
        let deployment = DeploymentRecord(deploymentID: plan.deploymentID, tenantID: plan.tenant,
                                          manifestSHA256: plan.manifestSHA256, approvedAt: approvedAt,
                                          assessmentJSON: assessment)
        let writer = RecordWriter(store: store, pending: pending, deployment: deployment,
                                  interval: options.flushInterval, logger: logger)
        VisionRuntime.setThreadsPerCall(options.openCVThreadsPerCall ?? (plan.cameras.count > 1 ? 1 : 0))
        let runners = plan.cameras.map { CameraRunner(plan: $0, context: context) }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: writer, successTerminationBehavior: .gracefullyShutdownGroup),
        ]
        if let retention {
            services.append(.init(service: RetentionService(sweeper: retention), successTerminationBehavior: .ignore))
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
            gracefulShutdownSignals: options.handlesSignals ? [.sigterm, .sigint] : [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(60)
        group = ServiceGroup(configuration: configuration)
    }

    /// Runs until every camera ended (`untilEnd`), a signal, or ``shutdown()``; returns after the last records
    /// are stored. Throws when the store refuses them.
    public func run() async throws {
        try await group.run()
    }

    /// Starts a graceful shutdown: cameras stop and flush, then the writer stores everything.
    public func shutdown() async {
        await group.triggerGracefulShutdown()
    }

    /// Every camera's current status.
    public var status: [CameraStatus] { board.snapshot() }
}
