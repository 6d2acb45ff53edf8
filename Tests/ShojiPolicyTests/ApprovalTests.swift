import Crypto
import Foundation
import ShojiPolicy
import Testing

@Suite("Only ShojiPolicy approves a deployment, from its own full assessment of the manifest's bytes")
struct ApprovalTests {
    /// A copy of an example manifest in a fresh folder, to edit.
    static func copy(_ example: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shoji-approval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("\(example).yaml")
        try FileManager.default.copyItem(at: Fixtures.file("examples/\(example).yaml"), to: url)
        return url
    }

    @Test("an approval names the bytes' SHA-256, the tenant and what each camera may run under which purpose")
    func approvalContents() throws {
        let url = Fixtures.file("examples/watchlist.yaml")
        let deployment = try ApprovedDeployment.approve(manifestAt: url, asOf: Fixtures.day)
        let digest = SHA256.hash(data: try Data(contentsOf: url)).map { String(format: "%02x", $0) }.joined()
        #expect(deployment.manifestSHA256 == digest)
        #expect(deployment.tenant == "shoji-retail" && deployment.deploymentID == "watchlist")
        #expect(deployment.cameras.map(\.camera) == ["entrance"])
        #expect(deployment.cameras[0].purposes == [.watchlist: ["theft-prevention"]])
        #expect(deployment.permits(.watchlist, camera: "entrance"))
        #expect(!deployment.permits(.repeatVisit))
        #expect(throws: ApprovalError.notPermitted(useCase: .repeatVisit, camera: nil)) { try deployment.require(.repeatVisit) }
        #expect(!deployment.assessment.isBlocking)
    }

    @Test("an approval can neither be decoded nor encoded: no JSON, edited or forged, approves anything")
    func notCodable() {
        #expect(!(ApprovedDeployment.self is any Decodable.Type))
        #expect(!(ApprovedDeployment.self is any Encodable.Type))
        // An assessment is still readable JSON, but nothing takes one to run a deployment.
        #expect(Assessment.self is any Decodable.Type)
    }

    @Test("a blocking manifest is refused with the assessment of the very bytes refused")
    func blockingRefused() throws {
        let url = Fixtures.file("examples/failing/security-footage-for-marketing.yaml")
        do {
            _ = try ApprovedDeployment.approve(manifestAt: url, asOf: Fixtures.day)
            Issue.record("a blocking manifest was approved")
        } catch {
            guard case .notApproved(let assessment) = error else { Issue.record("wrong error \(error)"); return }
            #expect(assessment.isBlocking)
            #expect(error.description.contains(assessment.blockingFindings[0].ruleId))
        }
    }

    @Test("a manifest edited after approval is refused when the deployment starts")
    func editedAfterApproval() throws {
        let url = try Self.copy("repeat")
        let deployment = try ApprovedDeployment.approve(manifestAt: url, asOf: Fixtures.day)
        try deployment.verifyUnchanged()
        // One byte more in a comment: a different file, a different approval.
        var bytes = try Data(contentsOf: url)
        bytes.append(contentsOf: Array("# edited\n".utf8))
        try bytes.write(to: url)
        #expect(throws: ApprovalError.manifestChanged(path: url.standardizedFileURL.path)) { try deployment.verifyUnchanged() }
        try FileManager.default.removeItem(at: url)
        #expect(throws: ApprovalError.self) { try deployment.verifyUnchanged() }
    }

    @Test("unreadable, invalid and badly named manifests are refused with the reason")
    func badInput() throws {
        let url = try Self.copy("repeat")
        try Data([0xFF, 0xFE, 0x00]).write(to: url)
        #expect(throws: ApprovalError.self) { try ApprovedDeployment.approve(manifestAt: url, asOf: Fixtures.day) }
        try Data("version: 1\ntenant: [".utf8).write(to: url)
        do {
            _ = try ApprovedDeployment.approve(manifestAt: url, asOf: Fixtures.day)
            Issue.record("invalid YAML was approved")
        } catch {
            guard case .invalid = error else { Issue.record("wrong error \(error)"); return }
        }
        #expect(throws: ApprovalError.invalidDeploymentID("a b")) {
            try ApprovedDeployment.approve(manifestAt: Fixtures.file("examples/repeat.yaml"), deploymentID: "a b", asOf: Fixtures.day)
        }
        #expect(throws: ApprovalError.self) {
            try ApprovedDeployment.approve(manifestAt: URL(fileURLWithPath: "/nonexistent/m.yaml"), asOf: Fixtures.day)
        }
    }

    @Test("a manifest document is edited as a tree and written back as a manifest that decodes")
    func documentEdits() throws {
        var document = try ManifestDocument(contentsOf: Fixtures.file("examples/counting.yaml"))
        try document.set("cameras[0].settings.fps", yaml: "5")
        try document.append("cameras", yaml: try #require(try document.yaml(at: "cameras[0]")))
        try document.set("cameras[1].id", yaml: "second")
        try document.remove("cameras[0].settings.detect_every")
        #expect(try document.string(at: "cameras[0].settings.fps") == "5")
        #expect(try document.string(at: "cameras[0].settings.detect_every") == nil)
        #expect(try document.yaml(at: "cameras[9]") == nil)
        #expect(throws: ManifestError.self) { try document.set("cameras[", yaml: "1") }
        let manifest = try Manifest.decode(yaml: try document.text())
        #expect(manifest.cameras[0].settings["fps"] == .int(5))
        #expect(manifest.cameras.map(\.id) == ["street", "second"])
        #expect(manifest.cameras[0].settings["detect_every"] == nil)
    }
}
