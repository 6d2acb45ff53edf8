import Testing
@testable import ShojiTracking

@Suite("Zones: dwell and transitions")
struct ZoneAnalyzerTests {
    static func square(_ id: String, x: Double, size: Double = 100) throws -> Zone {
        Zone(id: id, name: id.uppercased(), polygon: try Polygon([
            Point(x: x, y: 0), Point(x: x + size, y: 0), Point(x: x + size, y: size), Point(x: x, y: size),
        ]))
    }

    /// Zones A = [0, 100]², corridor (no zone) between, B = [200, 300] × [0, 100].
    static func analyzer(switchAfter: Int = 1) throws -> ZoneAnalyzer {
        try ZoneAnalyzer(zones: [square("a", x: 0), square("b", x: 200)], switchAfter: switchAfter)
    }

    /// Observations once per second at the given x (y = 50), starting at `t0`.
    static func path(_ analyzer: inout ZoneAnalyzer, id: Int, xs: [Double], t0: Double = 0) -> [ZoneDwell] {
        var dwells: [ZoneDwell] = []
        for (i, x) in xs.enumerated() { dwells += analyzer.observe(trackID: id, point: Point(x: x, y: 50), time: t0 + Double(i)) }
        return dwells
    }

    @Test func dwellInTwoZonesAndOneTransition() throws {
        var analyzer = try Self.analyzer()
        // t 0…10 in A, 11…14 in the corridor, 15…30 in B, then the track ends.
        let xs = Array(repeating: 50.0, count: 11) + Array(repeating: 150.0, count: 4) + Array(repeating: 250.0, count: 16)
        let whileWalking = Self.path(&analyzer, id: 1, xs: xs)
        #expect(whileWalking == [ZoneDwell(trackID: 1, zoneID: "a", entered: 0, exited: 11)])
        let atEnd = analyzer.endTrack(1)
        #expect(atEnd == [ZoneDwell(trackID: 1, zoneID: "b", entered: 15, exited: 30)])
        #expect(analyzer.transitions == [ZoneTransition(from: "a", to: "b", count: 1)])
        #expect(analyzer.summaries == [ZoneDwellSummary(zoneID: "a", visits: 1, totalSeconds: 11, longestSeconds: 11),
                                       ZoneDwellSummary(zoneID: "b", visits: 1, totalSeconds: 15, longestSeconds: 15)])
        #expect(analyzer.activeTrackCount == 0)
    }

    @Test func backAndForthAndReturnToTheSameZone() throws {
        var analyzer = try Self.analyzer()
        // A → B → A: two transitions.
        _ = Self.path(&analyzer, id: 1, xs: [50, 50, 150, 250, 250, 150, 50, 50])
        // A → corridor → A: a second dwell in A, no transition.
        let dwells = Self.path(&analyzer, id: 2, xs: [50, 50, 50, 150, 150, 50, 50])
        #expect(dwells == [ZoneDwell(trackID: 2, zoneID: "a", entered: 0, exited: 3)])
        analyzer.endTrack(1)
        analyzer.endTrack(2)
        #expect(analyzer.transitions == [ZoneTransition(from: "a", to: "b", count: 1),
                                         ZoneTransition(from: "b", to: "a", count: 1)])
        #expect(analyzer.summaries[0].visits == 4)   // track 1 twice, track 2 twice
    }

    @Test func newTransitionsAreDrainedOnceEach() throws {
        var analyzer = try Self.analyzer()
        _ = Self.path(&analyzer, id: 1, xs: [50, 50, 150, 250, 250])
        #expect(analyzer.drainNewTransitions() == [ZoneTransition(from: "a", to: "b", count: 1)])
        #expect(analyzer.drainNewTransitions().isEmpty)
        _ = Self.path(&analyzer, id: 2, xs: [50, 50, 150, 250, 250])
        _ = Self.path(&analyzer, id: 1, xs: [150, 50, 50], t0: 10)
        #expect(analyzer.drainNewTransitions() == [ZoneTransition(from: "a", to: "b", count: 1),
                                                   ZoneTransition(from: "b", to: "a", count: 1)])
        #expect(analyzer.transitions == [ZoneTransition(from: "a", to: "b", count: 2),
                                         ZoneTransition(from: "b", to: "a", count: 1)])
    }

    @Test func borderJitterDoesNotSplitAStayWhenDebounced() throws {
        var analyzer = try Self.analyzer(switchAfter: 3)
        // On A's right border, alternating in and out for 20 s, then clearly out for 3 observations.
        let jitter = (0..<20).map { $0 % 2 == 0 ? 99.0 : 101.0 }
        let dwells = Self.path(&analyzer, id: 1, xs: [50] + jitter + [150, 150, 150])
        // The last jitter sample (t = 20) is outside and starts the run of three outside observations.
        #expect(dwells == [ZoneDwell(trackID: 1, zoneID: "a", entered: 0, exited: 20)])

        var undebounced = try Self.analyzer(switchAfter: 1)
        let split = Self.path(&undebounced, id: 1, xs: [50] + jitter)
        #expect(split.count == 10)
    }

    @Test func overlappingZonesUseTheFirstListed() throws {
        let inner = Zone(id: "shelf", name: "Shelf", polygon: try Polygon([Point(x: 40, y: 40), Point(x: 60, y: 40), Point(x: 60, y: 60), Point(x: 40, y: 60)]))
        let analyzer = try ZoneAnalyzer(zones: [inner, try Self.square("room", x: 0)])
        #expect(analyzer.zone(containing: Point(x: 50, y: 50))?.id == "shelf")
        #expect(analyzer.zone(containing: Point(x: 10, y: 10))?.id == "room")
        #expect(analyzer.zone(containing: Point(x: 500, y: 10)) == nil)
    }

    @Test func trackerUpdatesEndTracksAndFloorMappingApplies() throws {
        var analyzer = try Self.analyzer()
        // Image → floor: a pure scaling by 1/2 as a homography.
        let h = try Homography(matrix: [0.5, 0, 0, 0, 0.5, 0, 0, 0, 1])
        // Foot point in the image (100, 100) → floor (50, 50), inside A.
        let track = Track(id: 3, frame: 0, box: BoundingBox(x: 85, y: 20, width: 30, height: 80))
        analyzer.observe(TrackerUpdate(frame: 0, tracks: [track], endedTrackIDs: []), time: 0, homography: h)
        var later = track
        later.frame = 10
        let dwells = analyzer.observe(TrackerUpdate(frame: 10, tracks: [later], endedTrackIDs: []), time: 4, homography: h)
        #expect(dwells.isEmpty)
        let ended = analyzer.observe(TrackerUpdate(frame: 11, tracks: [], endedTrackIDs: [3]), time: 5, homography: h)
        #expect(ended == [ZoneDwell(trackID: 3, zoneID: "a", entered: 0, exited: 4)])
        #expect(analyzer.activeTrackCount == 0)
    }

    @Test func invalidSetupIsRefused() throws {
        let a = try Self.square("a", x: 0)
        #expect(throws: GeometryError.self) { try ZoneAnalyzer(zones: [a, a]) }
        #expect(throws: GeometryError.self) { try ZoneAnalyzer(zones: [a], switchAfter: 0) }
    }
}
