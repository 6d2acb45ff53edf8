import Foundation
import ShojiPolicy
import ShojiVision

/// The cameras and analyzers of one approved deployment. The only way to make one is
/// ``approve(manifest:assessment:deploymentID:manifestSHA256:baseFolder:)``, which refuses a deployment whose
/// assessment blocks or whose cameras run a use case that no declared purpose covers (DESIGN.md invariant 5).
public struct PipelinePlan: Sendable {
    /// The use cases `shoji run` runs.
    public static let runnableUseCases: [UseCase] = [.attributes, .flow, .counting, .congestion]

    /// The deployment id the records carry.
    public let deploymentID: String
    /// The tenant (controller).
    public let tenant: String
    /// SHA-256 of the manifest file approved.
    public let manifestSHA256: String
    /// The assessment that approved it.
    public let assessment: Assessment
    /// One plan per camera with something to run.
    public let cameras: [CameraPlan]
    /// The manifest's retention periods, which the sweeper enforces.
    public let retention: Retention

    private init(deploymentID: String, tenant: String, manifestSHA256: String, assessment: Assessment,
                 cameras: [CameraPlan], retention: Retention) {
        self.deploymentID = deploymentID
        self.tenant = tenant
        self.manifestSHA256 = manifestSHA256
        self.assessment = assessment
        self.cameras = cameras
        self.retention = retention
    }

    /// Approves `manifest` under `assessment` (which must be the assessment of that manifest) and reads every
    /// camera's settings. `baseFolder` resolves relative sources and floor plans that are not found from the
    /// current directory (usually the manifest's folder).
    public static func approve(manifest: Manifest, assessment: Assessment, deploymentID: String,
                               manifestSHA256: String, baseFolder: URL? = nil) throws(PipelineError) -> PipelinePlan {
        guard assessment.tenant == manifest.tenant else {
            throw .notApproved(report: "the assessment is of tenant \(assessment.tenant), not \(manifest.tenant); assess this manifest")
        }
        var problems: [String] = []
        if assessment.isBlocking {
            let ids = assessment.blockingFindings.map { "\($0.ruleId) \($0.title.en)" }
            problems.append("blocking findings: \(ids.joined(separator: "; "))")
        }
        let uncovered = manifest.useCases.filter { !assessment.isCovered($0) }
        if !uncovered.isEmpty {
            problems.append("no declared purpose covers \(uncovered.map(\.rawValue).joined(separator: ", "))")
        }
        guard problems.isEmpty else {
            throw .notApproved(report: problems.joined(separator: "; ") + " (see 'shoji assess')")
        }
        var cameras: [CameraPlan] = []
        // Congestion records are keyed by deployment and area, not camera: an area id used by two cameras would
        // overwrite one camera's level with the other's.
        var areaOwners: [String: String] = [:]
        for camera in manifest.cameras {
            for useCase in camera.useCases where !runnableUseCases.contains(useCase) {
                let hint = useCase == .redaction ? "use 'shoji anonymize' for redaction"
                    : "remove it from this camera or run it with its own command"
                throw .unsupportedUseCase(camera: camera.id, useCase: useCase.rawValue, hint: hint)
            }
            guard !camera.useCases.isEmpty else { continue }
            let settings = try CameraSettings(camera: camera.id, settings: camera.settings, baseFolder: baseFolder)
            for area in settings.areas {
                if let owner = areaOwners.updateValue(camera.id, forKey: area.id) {
                    throw .invalidSetting(camera: camera.id, key: "areas",
                                          problem: "area id '\(area.id)' is already used by camera \(owner); area ids must be unique within a deployment")
                }
            }
            let source = try resolveSource(camera.source, camera: camera.id, baseFolder: baseFolder)
            cameras.append(CameraPlan(id: camera.id, source: source, useCases: camera.useCases, settings: settings))
        }
        guard !cameras.isEmpty else { throw .nothingToRun }
        return PipelinePlan(deploymentID: deploymentID, tenant: manifest.tenant, manifestSHA256: manifestSHA256,
                            assessment: assessment, cameras: cameras, retention: manifest.retention)
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
