/// Counts crossings of several ``CountingLine``s per direction per time bucket.
///
/// Per-track state (which side of each line a track is on) lives only while the track does: call
/// ``endTrack(_:)`` — or feed whole ``TrackerUpdate``s, whose ended ids are applied automatically — and the
/// state is gone. The counts themselves carry no track id.
///
/// A value type; use one per camera from one task at a time.
public struct LineCounter: Sendable {
    struct BucketKey: Hashable, Sendable {
        var line: Int
        var bucket: Int
    }

    struct Tally: Sendable {
        var inbound = 0
        var outbound = 0
    }

    /// The lines, in the order given.
    public let lines: [CountingLine]
    /// Bucket length in seconds.
    public let bucketDuration: Double
    private var states: [Int: [CountingLine.CrossingState]] = [:]
    private var tallies: [BucketKey: Tally] = [:]

    /// Creates a counter; refuses duplicate line ids or a bucket length that is not a positive number.
    public init(lines: [CountingLine], bucketDuration: Double) throws(GeometryError) {
        guard bucketDuration.isFinite, bucketDuration > 0 else {
            throw .invalidParameter("bucket duration must be a positive number of seconds, is \(bucketDuration)")
        }
        guard Set(lines.map(\.id)).count == lines.count else {
            throw .invalidParameter("counting line ids must be unique: rename the duplicate line")
        }
        self.lines = lines
        self.bucketDuration = bucketDuration
    }

    /// Number of tracks with live per-track state.
    public var activeTrackCount: Int { states.count }

    /// Feeds one position of one track at `time` (seconds); returns the crossings it completes. Positions
    /// with a non-finite time or coordinate are ignored.
    @discardableResult
    public mutating func observe(trackID: Int, point: Point, time: Double) -> [LineCrossing] {
        guard point.isFinite, let bucket = bucketIndex(time) else { return [] }
        if states[trackID] == nil {
            states[trackID] = Array(repeating: CountingLine.CrossingState(), count: lines.count)
        }
        var crossings: [LineCrossing] = []
        for (index, line) in lines.enumerated() {
            // Mutated in place through the dictionary, so a steady-state observation allocates nothing.
            guard let direction = line.advance(&states[trackID, default: []][index], to: point) else { continue }
            let key = BucketKey(line: index, bucket: bucket)
            switch direction {
            case .inbound: tallies[key, default: Tally()].inbound += 1
            case .outbound: tallies[key, default: Tally()].outbound += 1
            }
            crossings.append(LineCrossing(trackID: trackID, lineID: line.id, direction: direction, time: time))
        }
        return crossings
    }

    /// Feeds a tracker step: each track's foot point (mapped through `homography` when the lines are in floor
    /// coordinates; tracks whose point does not map are skipped), then forgets the tracks that ended.
    @discardableResult
    public mutating func observe(_ update: TrackerUpdate, time: Double,
                                 homography: Homography? = nil) -> [LineCrossing] {
        var crossings: [LineCrossing] = []
        for track in update.tracks {
            let foot = track.box.footPoint
            guard let point = homography.map({ $0.map(foot) }) ?? foot else { continue }
            crossings += observe(trackID: track.id, point: point, time: time)
        }
        endTracks(update.endedTrackIDs)
        return crossings
    }

    /// Drops all state of a track that ended.
    public mutating func endTrack(_ id: Int) {
        states[id] = nil
    }

    /// Drops all state of several tracks that ended.
    public mutating func endTracks(_ ids: [Int]) {
        for id in ids { states[id] = nil }
    }

    /// All counts so far (buckets with at least one crossing), ordered by bucket start then line order.
    public var counts: [LineCount] { makeCounts(Array(tallies.keys)) }

    /// Removes and returns the counts of buckets that end at or before `time`, ready to be stored.
    public mutating func drainCounts(endingBy time: Double) -> [LineCount] {
        let done = tallies.keys.filter { Double($0.bucket + 1) * bucketDuration <= time }
        let result = makeCounts(done)
        for key in done { tallies[key] = nil }
        return result
    }

    /// Totals for one line over all buckets still held (not yet drained); zeros for an unknown id.
    public func total(lineID: String) -> (inbound: Int, outbound: Int) {
        var inbound = 0, outbound = 0
        for (key, tally) in tallies where lines[key.line].id == lineID {
            inbound += tally.inbound
            outbound += tally.outbound
        }
        return (inbound, outbound)
    }

    private func makeCounts(_ keys: [BucketKey]) -> [LineCount] {
        keys.sorted { ($0.bucket, $0.line) < ($1.bucket, $1.line) }.compactMap { key in
            guard let tally = tallies[key] else { return nil }
            return LineCount(lineID: lines[key.line].id, bucketStart: Double(key.bucket) * bucketDuration,
                             bucketDuration: bucketDuration, inbound: tally.inbound, outbound: tally.outbound)
        }
    }

    private func bucketIndex(_ time: Double) -> Int? {
        let index = (time / bucketDuration).rounded(.down)
        guard index.isFinite, abs(index) < Double(Int.max / 2) else { return nil }
        return Int(index)
    }
}
