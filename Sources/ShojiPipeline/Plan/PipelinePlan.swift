import Foundation
import ShojiPolicy
import ShojiVision

/// The cameras and analyzers of one approved deployment, read from the ``ApprovedDeployment`` that ShojiPolicy
/// issued (DESIGN.md invariant 5): a plan cannot be made from a manifest or an assessment.
public struct PipelinePlan: Sendable {
    /// The use cases the pipeline runs; redaction is `shoji anonymize`'s.
    public static let runnableUseCases: [UseCase] = [.attributes, .flow, .repeatVisit, .counting, .congestion, .watchlist]

    /// The approval the plan was read from.
    public let deployment: ApprovedDeployment
    /// One plan per camera with something to run.
    public let cameras: [CameraPlan]

    /// The deployment id the records carry.
    public var deploymentID: String { deployment.deploymentID }
    /// The tenant (controller).
    public var tenant: String { deployment.tenant }
    /// The manifest's retention periods, which the sweeper enforces.
    public var retention: Retention { deployment.manifest.retention }
    /// Whether a camera identifies people (repeat visits or the watchlist): the deployment then needs vault keys.
    public var identifiesPeople: Bool { cameras.contains { $0.identifiesPeople } }

    /// Reads every camera's settings and source. Relative sources and floor plans not found from the current
    /// folder are looked up beside the manifest.
    ///
    /// - Throws: ``PipelineError/unsupportedUseCase(camera:useCase:hint:)`` for an approved use case no analyzer
    ///   implements here (never a silent no-op), ``PipelineError/invalidSetting(camera:key:problem:)``,
    ///   ``PipelineError/invalidSource(camera:problem:)``, ``PipelineError/nothingToRun``.
    public init(deployment: ApprovedDeployment) throws(PipelineError) {
        let baseFolder = deployment.manifestFile.deletingLastPathComponent()
        var cameras: [CameraPlan] = []
        // Congestion records are keyed by deployment and area, not camera: an area id used by two cameras would
        // overwrite one camera's level with the other's.
        var areaOwners: [String: String] = [:]
        for camera in deployment.manifest.cameras {
            let useCases = deployment.cameras.first { $0.camera == camera.id }?.useCases ?? []
            for useCase in useCases where !Self.runnableUseCases.contains(useCase) {
                let hint = useCase == .redaction ? "use 'shoji anonymize' for redaction"
                    : "remove it from this camera or run it with its own command"
                throw .unsupportedUseCase(camera: camera.id, useCase: useCase.rawValue, hint: hint)
            }
            guard !useCases.isEmpty else { continue }
            let settings = try CameraSettings(camera: camera.id, settings: camera.settings, baseFolder: baseFolder)
            for area in settings.areas {
                if let owner = areaOwners.updateValue(camera.id, forKey: area.id) {
                    throw .invalidSetting(camera: camera.id, key: "areas",
                                          problem: "area id '\(area.id)' is already used by camera \(owner); area ids must be unique within a deployment")
                }
            }
            let source = try Self.resolveSource(camera.source, camera: camera.id, baseFolder: baseFolder)
            cameras.append(CameraPlan(id: camera.id, source: source, useCases: useCases, settings: settings))
        }
        guard !cameras.isEmpty else { throw .nothingToRun }
        // Shoji links visitor ids to nothing; a deployment that says it links them to membership data must hold
        // the members' consent before its repeat cameras start (guidebook §4.7).
        let manifest = deployment.manifest
        if cameras.contains(where: { $0.useCases.contains(.repeatVisit) }), manifest.processing.memberLinkage,
           !manifest.consents.contains(where: { $0.kind == .memberLinkage }) {
            throw .identityUnavailable("processing.member_linkage is declared without a recorded consent; record consents[kind: member_linkage] or set member_linkage: false")
        }
        self.deployment = deployment
        self.cameras = cameras
    }

    /// A stream or device as given; a path from the current directory, else from `baseFolder`.
    static func resolveSource(_ source: String, camera: String, baseFolder: URL?) throws(PipelineError) -> MediaInput {
        var candidates = [source]
        if !source.hasPrefix("/"), !source.contains("://"), let baseFolder {
            candidates.append(baseFolder.appendingPathComponent(source).path)
        }
        for candidate in candidates {
            if let input = try? MediaInput(argument: candidate) { return input }
        }
        throw .invalidSource(camera: camera, problem: "\(source) does not exist (paths are relative to the current folder or the manifest's)")
    }
}
