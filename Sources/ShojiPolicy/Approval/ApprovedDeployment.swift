import Crypto
import Foundation

/// The capability to run a deployment: issued by ShojiPolicy alone, from its own full assessment of the
/// manifest file's bytes, and only when nothing blocks (DESIGN.md, "Approval is a capability"; invariant 5).
///
/// Nothing outside ShojiPolicy can construct one (there is no public initialiser) or decode one (it is not
/// `Decodable`): an assessment built elsewhere, or edited JSON, approves nothing. The pipeline, the feature vault
/// and every identity command take an `ApprovedDeployment`, never a manifest or an assessment, and call
/// ``verifyUnchanged()`` when they start, so that a manifest edited after approval is refused.
public struct ApprovedDeployment: Sendable {
    /// What one camera may run, and under which declared purposes.
    public struct CameraPermission: Sendable, Hashable {
        /// The camera id.
        public let camera: String
        /// Each permitted use case with the ids of the purposes that cover it (never empty).
        public let purposes: [UseCase: [String]]

        /// The permitted use cases in guidebook order.
        public var useCases: [UseCase] { purposes.keys.sorted() }
    }

    /// The deployment id records carry (by default the manifest file's name without extension).
    public let deploymentID: String
    /// The manifest file that was approved.
    public let manifestFile: URL
    /// Lower-case hex SHA-256 of the approved bytes.
    public let manifestSHA256: String
    /// The manifest decoded from those bytes.
    public let manifest: Manifest
    /// ShojiPolicy's assessment of it, against the whole rule catalogue.
    public let assessment: Assessment
    /// When the approval was issued.
    public let approvedAt: Date
    /// Per camera, in manifest order, what it may run.
    public let cameras: [CameraPermission]

    /// The tenant (controller) whose keys, salts and records the deployment uses.
    public var tenant: String { manifest.tenant }

    /// Every use case permitted on some camera, in guidebook order.
    public var useCases: [UseCase] { Array(Set(cameras.flatMap(\.useCases))).sorted() }

    /// Whether `useCase` is permitted on `camera` (on some camera when `camera` is nil).
    public func permits(_ useCase: UseCase, camera: String? = nil) -> Bool {
        cameras.contains { ($0.camera == camera || camera == nil) && $0.purposes[useCase] != nil }
    }

    /// Throws ``ApprovalError/notPermitted(useCase:camera:)`` unless `useCase` is permitted (on `camera`).
    public func require(_ useCase: UseCase, camera: String? = nil) throws(ApprovalError) {
        guard permits(useCase, camera: camera) else { throw .notPermitted(useCase: useCase, camera: camera) }
    }

    /// Reads the manifest again and refuses (``ApprovalError/manifestChanged(path:)``) when its bytes are no longer
    /// the approved ones: an edit after approval needs a new assessment.
    public func verifyUnchanged() throws(ApprovalError) {
        let bytes = try Self.read(manifestFile)
        guard Self.digest(bytes) == manifestSHA256 else { throw .manifestChanged(path: manifestFile.path) }
    }

    /// Assesses the manifest at `url` as of `asOf` against every rule of the catalogue and approves it when no
    /// finding blocks and a declared purpose covers every use case a camera runs.
    ///
    /// - Parameter deploymentID: the id records carry; nil takes the file name without its extension.
    /// - Throws: ``ApprovalError/unreadable(path:reason:)``, ``ApprovalError/invalid(_:)`` (with file, line and
    ///   key), ``ApprovalError/notApproved(_:)`` with the assessment of the very bytes refused, or
    ///   ``ApprovalError/invalidDeploymentID(_:)``.
    public static func approve(manifestAt url: URL, deploymentID: String? = nil, asOf day: CalendarDay,
                               now: Date = Date()) throws(ApprovalError) -> ApprovedDeployment {
        let id = deploymentID ?? url.deletingPathExtension().lastPathComponent
        guard isValidDeploymentID(id) else { throw .invalidDeploymentID(id) }
        let bytes = try read(url)
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw .unreadable(path: url.path, reason: "not UTF-8 text; save it as UTF-8")
        }
        let manifest: Manifest
        do {
            manifest = try Manifest.decode(yaml: text, file: url.path)
        } catch {
            throw .invalid(error)
        }
        let assessment = Assessment(manifest: manifest, asOf: day)
        guard !assessment.isBlocking, assessment.uncoveredUseCases.isEmpty else { throw .notApproved(assessment) }
        let cameras = manifest.cameras.map { camera in
            var purposes: [UseCase: [String]] = [:]
            for useCase in camera.useCases {
                purposes[useCase] = manifest.purposes(covering: useCase).map(\.id)
            }
            return CameraPermission(camera: camera.id, purposes: purposes)
        }
        return ApprovedDeployment(
            deploymentID: id, manifestFile: url.standardizedFileURL, manifestSHA256: digest(bytes), manifest: manifest,
            assessment: assessment, approvedAt: now, cameras: cameras)
    }

    private init(deploymentID: String, manifestFile: URL, manifestSHA256: String, manifest: Manifest,
                 assessment: Assessment, approvedAt: Date, cameras: [CameraPermission]) {
        self.deploymentID = deploymentID
        self.manifestFile = manifestFile
        self.manifestSHA256 = manifestSHA256
        self.manifest = manifest
        self.assessment = assessment
        self.approvedAt = approvedAt
        self.cameras = cameras
    }

    private static func read(_ url: URL) throws(ApprovalError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }

    static func digest(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Letters, digits, `.`, `_` and `-`, 1 to 128 characters: ids that file names, URLs and logs carry safely.
    static func isValidDeploymentID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 128 && id.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)))
        }
    }
}
