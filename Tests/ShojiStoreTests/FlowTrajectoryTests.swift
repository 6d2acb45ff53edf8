import Foundation
import GRDB
import Testing
@testable import ShojiStore

@Suite("Flow trajectories")
struct FlowTrajectoryTests {
    static func trajectory(_ visitID: UUID, camera: String = "floor-cam", start: Double = 0, end: Double = 90) -> FlowTrajectory {
        FlowTrajectory(
            visitID: visitID, deploymentID: Fixture.deploymentID, cameraID: camera,
            started: Fixture.day.addingTimeInterval(start), ended: Fixture.day.addingTimeInterval(end),
            points: [FlowPoint(offset: 0, x: 1.5, y: 2.25), FlowPoint(offset: 0.5, x: 1.75, y: -3), FlowPoint(offset: 90, x: 12.125, y: 7.5)])
    }

    @Test("a trajectory round-trips with its points")
    func roundTrip() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let visit = UUID()
        try await store.record(AnalyticsBatch(trajectories: [Self.trajectory(visit)]))
        let read = try await store.records(of: Fixture.tenant).trajectories(ReportQuery(since: Fixture.day))
        #expect(read == [Self.trajectory(visit)])
    }

    @Test("the visit count matches the trajectories in the window, by time and camera")
    func visitCount() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        try await store.record(AnalyticsBatch(trajectories: [
            Self.trajectory(UUID()), Self.trajectory(UUID(), camera: "other-cam", start: 100, end: 200),
            Self.trajectory(UUID(), start: 7_200, end: 7_300),
        ]))
        for query in [ReportQuery(since: Fixture.day), ReportQuery(since: Fixture.day.addingTimeInterval(3_600)),
                      ReportQuery(since: Fixture.day, cameraID: "other-cam")] {
            #expect(try await store.records(of: Fixture.tenant).trajectoryCount(query) == store.records(of: Fixture.tenant).trajectories(query).count)
        }
        #expect(try await store.records(of: Fixture.tenant).trajectoryCount(ReportQuery(since: Fixture.day)) == 3)
    }

    @Test("a second trajectory under the same visit id is refused and the first is kept unchanged")
    func duplicateVisitIsRefused() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        let visit = UUID()
        try await store.record(AnalyticsBatch(trajectories: [Self.trajectory(visit)]))
        await #expect(throws: StoreError.duplicateVisit) {
            try await store.record(AnalyticsBatch(trajectories: [Self.trajectory(visit, camera: "other-cam", start: 100, end: 200)]))
        }
        // Within one batch too, and then nothing of the batch is stored.
        let fresh = UUID()
        await #expect(throws: StoreError.duplicateVisit) {
            try await store.record(AnalyticsBatch(trajectories: [Self.trajectory(fresh), Self.trajectory(fresh)]))
        }
        let stored = try await store.records(of: Fixture.tenant).trajectories(ReportQuery(since: Fixture.day))
        #expect(stored == [Self.trajectory(visit)])
        #expect(!StoreError.duplicateVisit.description.contains(visit.uuidString.lowercased()), "errors never carry the id")
    }

    @Test("a trajectory that ends before it starts, or has a non-finite point, is refused")
    func invalidTrajectories() async throws {
        let dir = try TemporaryDirectory()
        let store = try await dir.store()
        await #expect(throws: StoreError.self) {
            try await store.record(AnalyticsBatch(trajectories: [Self.trajectory(UUID(), start: 50, end: 10)]))
        }
        var nan = Self.trajectory(UUID())
        nan.points.append(FlowPoint(offset: 1, x: .nan, y: 0))
        await #expect(throws: StoreError.self) { try await store.record(AnalyticsBatch(trajectories: [nan])) }
        #expect(try await store.records(of: Fixture.tenant).trajectories(ReportQuery(since: Fixture.day)).isEmpty)
    }

    @Test("the points blob is 1 version byte plus 12 bytes per point and rejects other lengths")
    func pointsCodec() throws {
        let points = Self.trajectory(UUID()).points
        let blob = try FlowTrajectory.encode(points)
        #expect(blob.count == 1 + 12 * points.count)
        #expect(try FlowTrajectory.decode(blob) == points)
        #expect(throws: StoreError.self) { try FlowTrajectory.decode(blob.dropLast()) }
        #expect(throws: StoreError.self) { try FlowTrajectory.decode(Data([9]) + blob.dropFirst()) }
    }
}
