import Foundation
import ShojiPipeline
import ShojiPolicy
import Testing

@Suite("A pipeline plan is made only from an approved deployment")
struct PlanTests {
    @Test("a use case that no declared purpose covers is refused, naming it")
    func uncoveredUseCaseRefused() throws {
        let manifest = try Manifest.load(contentsOf: PipelineFixture.repository
            .appendingPathComponent("examples/failing/uncovered-use-case.yaml"))
        let assessment = Assessment(manifest: manifest, asOf: manifest.startsOn)
        let uncovered = try #require(assessment.uncoveredUseCases.first)
        #expect(throws: PipelineError.self) {
            try PipelinePlan.approve(manifest: manifest, assessment: assessment, deploymentID: "d", manifestSHA256: "")
        }
        do {
            _ = try PipelinePlan.approve(manifest: manifest, assessment: assessment, deploymentID: "d", manifestSHA256: "")
        } catch {
            guard case .notApproved(let report) = error else { Issue.record("wrong error \(error)"); return }
            #expect(report.contains(uncovered.rawValue))
        }
    }

    @Test("a counting camera added without a purpose for counting is refused")
    func addedUseCaseRefused() throws {
        var manifest = try PipelineFixture.example("flow")
        manifest.cameras[0].useCases.append(.counting)
        #expect(throws: PipelineError.self) { try PipelineFixture.plan(manifest) }
    }

    @Test("an area id used by two cameras is refused: their congestion levels would overwrite each other")
    func areaIDsUniqueAcrossCameras() throws {
        var manifest = try PipelineFixture.example("congestion")
        var second = manifest.cameras[0]
        second.id = "platform"
        manifest.cameras.append(second)
        #expect {
            try PipelineFixture.plan(manifest)
        } throws: { error in
            String(describing: error).contains("'gate' is already used by camera concourse")
        }
    }

    @Test("a blocking assessment is refused")
    func blockingRefused() throws {
        let manifest = try Manifest.load(contentsOf: PipelineFixture.repository
            .appendingPathComponent("examples/failing/security-footage-for-marketing.yaml"))
        let assessment = Assessment(manifest: manifest, asOf: manifest.startsOn)
        try #require(assessment.isBlocking)
        #expect(throws: PipelineError.self) {
            try PipelinePlan.approve(manifest: manifest, assessment: assessment, deploymentID: "d", manifestSHA256: "")
        }
    }

    @Test("the examples are approved with their settings read", arguments: ["counting", "flow", "congestion", "attributes"])
    func examplesApproved(name: String) throws {
        let plan = try PipelineFixture.plan(try PipelineFixture.example(name))
        #expect(!plan.cameras.isEmpty)
        let settings = plan.cameras[0].settings
        switch name {
        case "counting": #expect(settings.lines.map(\.line.id) == ["walkway"])
        case "flow":
            #expect(settings.zones.map(\.id) == ["west", "east"])
            #expect(settings.homography != nil)
        case "congestion": #expect(settings.areas.map(\.id) == ["gate", "stairs"])
        default: #expect(plan.cameras[0].useCases == [.attributes])
        }
    }

    @Test("redaction is refused with a pointer to shoji anonymize")
    func redactionUnsupported() throws {
        let manifest = try PipelineFixture.example("redaction")
        do {
            _ = try PipelineFixture.plan(manifest)
            Issue.record("a redaction deployment was planned")
        } catch let error as PipelineError {
            #expect(error.description.contains("anonymize"))
        }
    }

    @Test("unknown or malformed settings are refused with the key named")
    func badSettings() throws {
        let cases: [([String: SettingValue], String)] = [
            (["linez": .array([])], "linez"),
            (["lines": .array([.object(["id": .string("a"), "from": .array([.int(0)]), "to": .array([.int(1), .int(1)])])])], "lines[0].from"),
            (["lines": .array([.object(["id": .string("a"), "from": .array([.int(1), .int(1)]), "to": .array([.int(1), .int(1)])])])], "lines[0]"),
            (["detect_every": .int(0)], "detect_every"),
            (["levels": .array([.int(9), .int(3), .int(5)])], "levels"),
            (["tracker": .object(["maxAge": .int(-1)])], "tracker"),
            (["zones": .array([.object(["id": .string("z"), "polygon": .array([])])])], "zones[0].polygon"),
        ]
        for (settings, key) in cases {
            do {
                _ = try CameraSettings(camera: "cam", settings: settings)
                Issue.record("settings \(settings) were accepted")
            } catch {
                #expect(error.description.contains("settings.\(key)"), "\(error.description)")
            }
        }
    }

    @Test("defaults: the detector settings the accuracy test holds (every frame, 2 strips), 15-minute buckets, levels 5/15/30")
    func defaults() throws {
        let settings = try CameraSettings(camera: "cam", settings: [:])
        let scored = TrackingEvaluation.Settings()
        #expect(settings.detectEvery == 1)
        #expect(settings.detectEvery == scored.detectEvery && settings.detectorColumns == scored.columns)
        #expect(settings.bucketSeconds == 900)
        #expect(settings.congestionLevels == [5, 15, 30])
        #expect(settings.framesPerSecond == nil)
    }
}
