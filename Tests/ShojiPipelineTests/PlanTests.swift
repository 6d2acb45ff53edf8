import Foundation
import ShojiPipeline
import ShojiPolicy
import Testing

@Suite("A pipeline plan is made only from an approved deployment")
struct PlanTests {
    @Test("a use case that no declared purpose covers is refused, naming it")
    func uncoveredUseCaseRefused() throws {
        let url = PipelineFixture.repository.appendingPathComponent("examples/failing/uncovered-use-case.yaml")
        do {
            _ = try ApprovedDeployment.approve(manifestAt: url, asOf: PipelineFixture.day)
            Issue.record("an uncovered use case was approved")
        } catch {
            guard case .notApproved(let assessment) = error, let uncovered = assessment.uncoveredUseCases.first else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(error.description.contains(uncovered.rawValue))
        }
    }

    @Test("a counting camera added without a purpose for counting is refused")
    func addedUseCaseRefused() throws {
        var manifest = try PipelineFixture.example("flow")
        try manifest.append("cameras[0].use_cases", yaml: "counting")
        try manifest.set("retention.days.line_crossings", yaml: "30")
        #expect(throws: ApprovalError.self) { try PipelineFixture.plan(manifest) }
    }

    @Test("an area id used by two cameras is refused: their congestion levels would overwrite each other")
    func areaIDsUniqueAcrossCameras() throws {
        var manifest = try PipelineFixture.example("congestion")
        try manifest.addCamera(id: "platform", source: try #require(try manifest.string(at: "cameras[0].source")))
        #expect {
            try PipelineFixture.plan(manifest)
        } throws: { error in
            String(describing: error).contains("'gate' is already used by camera concourse")
        }
    }

    @Test("a blocking assessment is refused")
    func blockingRefused() throws {
        let url = PipelineFixture.repository.appendingPathComponent("examples/failing/security-footage-for-marketing.yaml")
        #expect(throws: ApprovalError.self) { try ApprovedDeployment.approve(manifestAt: url, asOf: PipelineFixture.day) }
    }

    @Test("the examples are approved with their settings read",
          arguments: ["counting", "flow", "congestion", "attributes", "repeat", "watchlist"])
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
        case "repeat":
            #expect(plan.identifiesPeople && settings.independentFrames)
            #expect(settings.repeatThreshold.ceiling == 0.55)
        case "watchlist": #expect(plan.cameras[0].useCases == [.watchlist])
        default: #expect(plan.cameras[0].useCases == [.attributes])
        }
    }

    @Test("repeat cameras do not start when the manifest links visitors to membership data without a recorded consent")
    func memberLinkageNeedsConsent() throws {
        var manifest = try PipelineFixture.example("repeat")
        try manifest.set("processing.member_linkage", yaml: "true")
        #expect(throws: PipelineError.self) { try PipelineFixture.plan(manifest) }
        try manifest.set("consents", yaml: "[{kind: member_linkage, covers: repeat-visits, method: 会員規約への同意}]")
        #expect(try PipelineFixture.plan(manifest).identifiesPeople)
    }

    @Test("an approved use case that no analyzer of 'shoji run' implements is an error, not a silent no-op")
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
