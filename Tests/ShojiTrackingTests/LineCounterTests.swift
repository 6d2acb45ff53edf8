import Testing
@testable import ShojiTracking

@Suite("Counting lines")
struct LineCounterTests {
    /// Horizontal segment from (0, 100) to (200, 100); inbound is towards larger y (down in the image).
    static func line(band: Double = 5) throws -> CountingLine {
        try CountingLine(id: "door", start: Point(x: 0, y: 100), end: Point(x: 200, y: 100), band: band)
    }

    static func counter(band: Double = 5) throws -> LineCounter {
        try LineCounter(lines: [line(band: band)], bucketDuration: 60)
    }

    /// Feeds a vertical walk at `x` through the given y positions, one observation per second from `t0`.
    static func walk(_ counter: inout LineCounter, id: Int, x: Double = 100, ys: [Double], t0: Double = 0) -> [LineCrossing] {
        var crossings: [LineCrossing] = []
        for (i, y) in ys.enumerated() {
            crossings += counter.observe(trackID: id, point: Point(x: x, y: y), time: t0 + Double(i))
        }
        return crossings
    }

    static func ramp(_ from: Double, _ to: Double, step: Double = 4) -> [Double] {
        Array(stride(from: from, through: to, by: from < to ? step : -step))
    }

    @Test func cleanCrossingEachWay() throws {
        var counter = try Self.counter()
        let inbound = Self.walk(&counter, id: 1, ys: Self.ramp(40, 160))
        let outbound = Self.walk(&counter, id: 2, ys: Self.ramp(160, 40))
        #expect(inbound.map(\.direction) == [.inbound])
        #expect(outbound.map(\.direction) == [.outbound])
        #expect(counter.total(lineID: "door") == (1, 1))
        #expect(try Self.line().signedDistance(to: Point(x: 50, y: 130)) == 30)
    }

    @Test func jitterOnTheLineCountsNothing() throws {
        var counter = try Self.counter()
        var rng = SeededGenerator(seed: 1)
        // Stands on the line; the foot point jitters within ±4.9 px, inside the 5 px band.
        let ys = (0..<300).map { _ in 100 + Double.random(in: -4.9...4.9, using: &rng) }
        let standing = Self.walk(&counter, id: 1, ys: ys)
        #expect(standing.isEmpty)
        // Approaches from above, jitters on the line for a while, then leaves the way it came.
        let back = Self.ramp(40, 96) + ys + Self.ramp(96, 40)
        let returning = Self.walk(&counter, id: 2, ys: back)
        #expect(returning.isEmpty)
        #expect(counter.counts.isEmpty)
    }

    @Test func crossingWithJitterCountsExactlyOnce() throws {
        var counter = try Self.counter()
        var rng = SeededGenerator(seed: 2)
        let jitter = (0..<200).map { _ in 100 + Double.random(in: -4.9...4.9, using: &rng) }
        let crossings = Self.walk(&counter, id: 1, ys: Self.ramp(40, 96) + jitter + Self.ramp(104, 160))
        #expect(crossings.map(\.direction) == [.inbound])
    }

    @Test func bandSizedJitterKeepsTheNetRight() throws {
        // Jitter larger than the band produces full crossings both ways, but in strict alternation.
        var counter = try Self.counter(band: 2)
        var rng = SeededGenerator(seed: 3)
        let jitter = (0..<200).map { _ in 100 + Double.random(in: -6...6, using: &rng) }
        let crossings = Self.walk(&counter, id: 1, ys: Self.ramp(40, 96) + jitter + Self.ramp(104, 160))
        let directions = crossings.map(\.direction)
        #expect(directions.first == .inbound && directions.last == .inbound)
        for (a, b) in zip(directions, directions.dropFirst()) { #expect(a != b) }
        let total = counter.total(lineID: "door")
        #expect(total.inbound - total.outbound == 1)
    }

    @Test func personWhoTurnsBack() throws {
        var counter = try Self.counter()
        // Reaches the line (inside the band on the far side) and turns back: nothing.
        let turned = Self.walk(&counter, id: 1, ys: Self.ramp(40, 104) + Self.ramp(100, 40))
        #expect(turned.isEmpty)
        // Crosses fully, then comes back fully: one in, one out, net zero.
        let both = Self.walk(&counter, id: 2, ys: Self.ramp(40, 160) + Self.ramp(156, 40))
        #expect(both.map(\.direction) == [.inbound, .outbound])
        let total = counter.total(lineID: "door")
        #expect(total.inbound == 1 && total.outbound == 1)
    }

    @Test func passingBeyondTheEndOfTheSegmentIsNotACrossing() throws {
        var counter = try Self.counter()
        let beyond = Self.walk(&counter, id: 1, x: 260, ys: Self.ramp(40, 160))
        #expect(beyond.isEmpty)
        // Crossing the segment but leaving the band beyond its end still counts.
        var diagonal: [LineCrossing] = []
        for (i, p) in [Point(x: 180, y: 60), Point(x: 195, y: 98), Point(x: 210, y: 120), Point(x: 230, y: 150)].enumerated() {
            diagonal += counter.observe(trackID: 2, point: p, time: Double(i))
        }
        #expect(diagonal.map(\.direction) == [.inbound])
    }

    @Test func manyPeopleAggregatePerBucket() throws {
        var counter = try Self.counter()
        var rng = SeededGenerator(seed: 4)
        var expectedIn = [Int: Int](), expectedOut = [Int: Int]()
        for id in 1...60 {
            let inbound = Int.random(in: 0..<3, using: &rng) != 0
            let x = Double.random(in: 10...190, using: &rng)
            let t0 = Double.random(in: 0..<300, using: &rng).rounded()
            var ys = inbound ? Self.ramp(40, 160, step: 6) : Self.ramp(160, 40, step: 6)
            ys = ys.map { $0 + Double.random(in: -2...2, using: &rng) }
            let crossings = Self.walk(&counter, id: id, x: x, ys: ys, t0: t0)
            #expect(crossings.count == 1)
            let bucket = Int((crossings[0].time / 60).rounded(.down))
            if inbound { expectedIn[bucket, default: 0] += 1 } else { expectedOut[bucket, default: 0] += 1 }
            counter.endTrack(id)
        }
        #expect(counter.activeTrackCount == 0)
        let counts = counter.counts
        #expect(counts.map(\.bucketStart) == counts.map(\.bucketStart).sorted())
        for count in counts {
            let bucket = Int(count.bucketStart / 60)
            #expect(count.inbound == expectedIn[bucket, default: 0])
            #expect(count.outbound == expectedOut[bucket, default: 0])
        }
        #expect(counts.reduce(0) { $0 + $1.inbound } == expectedIn.values.reduce(0, +))
        #expect(counts.reduce(0) { $0 + $1.outbound } == expectedOut.values.reduce(0, +))
        #expect(expectedIn.values.reduce(0, +) + expectedOut.values.reduce(0, +) == 60)
    }

    @Test func drainingReturnsOnlyCompletedBuckets() throws {
        var counter = try Self.counter()
        _ = Self.walk(&counter, id: 1, ys: Self.ramp(40, 160), t0: 0)     // crosses at t ≈ 15
        _ = Self.walk(&counter, id: 2, ys: Self.ramp(160, 40), t0: 100)   // crosses at t ≈ 115
        let first = counter.drainCounts(endingBy: 60)
        #expect(first == [LineCount(lineID: "door", bucketStart: 0, bucketDuration: 60, inbound: 1, outbound: 0)])
        #expect(counter.counts == [LineCount(lineID: "door", bucketStart: 60, bucketDuration: 60, inbound: 0, outbound: 1)])
    }

    @Test func trackerUpdatesDriveTheCounterAndEndedTracksLeaveNoState() throws {
        var counter = try Self.counter()
        let tracks = [Track(id: 7, frame: 0, box: BoundingBox(x: 85, y: 0, width: 30, height: 40))]
        counter.observe(TrackerUpdate(frame: 0, tracks: tracks, endedTrackIDs: []), time: 0)
        #expect(counter.activeTrackCount == 1)
        let moved = [Track(id: 7, frame: 1, box: BoundingBox(x: 85, y: 80, width: 30, height: 40))]   // foot at y = 120
        let crossings = counter.observe(TrackerUpdate(frame: 1, tracks: moved, endedTrackIDs: []), time: 1)
        #expect(crossings == [LineCrossing(trackID: 7, lineID: "door", direction: .inbound, time: 1)])
        counter.observe(TrackerUpdate(frame: 2, tracks: [], endedTrackIDs: [7]), time: 2)
        #expect(counter.activeTrackCount == 0)
    }

    @Test func invalidLinesAreRefused() throws {
        #expect(throws: GeometryError.self) { try CountingLine(id: "x", start: .zero, end: .zero) }
        #expect(throws: GeometryError.self) { try CountingLine(id: "x", start: .zero, end: Point(x: 1, y: 0), band: -1) }
        let line = try Self.line()
        #expect(throws: GeometryError.self) { try LineCounter(lines: [line, line], bucketDuration: 60) }
        #expect(throws: GeometryError.self) { try LineCounter(lines: [line], bucketDuration: 0) }
    }
}
