/// Measures dwell per zone per track and counts zone-to-zone transitions.
///
/// Rules (each tested):
/// - A point belongs to the first zone in ``zones`` that contains it (list nested zones before the zones
///   around them); outside all zones it belongs to none.
/// - A track changes zone only after `switchAfter` consecutive observations in the new zone (or outside), so a
///   foot point jittering on a border does not split a stay; the change is dated at the first of them.
/// - A dwell is completed when the track leaves the zone or ends; completed dwells are returned at once and
///   summed into ``summaries``.
/// - A transition A → B is counted when a track enters B and the last zone it was in is A ≠ B, whether or not
///   it walked through unzoned floor in between. Leaving A and coming back to A is not a transition.
/// - After ``endTrack(_:)`` (or a ``TrackerUpdate`` listing the id as ended) nothing about the track is kept.
///
/// A value type; use one per camera from one task at a time.
public struct ZoneAnalyzer: Sendable {
    struct TrackState: Sendable {
        var current: Int
        var enteredAt: Double
        var lastZone: Int?
        var candidate = -1
        var candidateCount = 0
        var candidateTime = 0.0
        var lastTime: Double
    }

    struct Pair: Hashable, Sendable {
        var from: Int
        var to: Int
    }

    /// The zones, in priority order.
    public let zones: [Zone]
    /// Consecutive observations needed to accept a zone change (1 = immediately).
    public let switchAfter: Int
    private var states: [Int: TrackState] = [:]
    private var transitionCounts: [Pair: Int] = [:]
    /// Transitions since the last ``drainNewTransitions()``.
    private var newTransitionCounts: [Pair: Int] = [:]
    private var dwellTotals: [ZoneDwellSummary]

    /// Creates an analyser; refuses duplicate zone ids or `switchAfter` below 1.
    public init(zones: [Zone], switchAfter: Int = 1) throws(GeometryError) {
        guard Set(zones.map(\.id)).count == zones.count else {
            throw .invalidParameter("zone ids must be unique: rename the duplicate zone")
        }
        guard switchAfter >= 1 else { throw .invalidParameter("switchAfter must be at least 1, is \(switchAfter)") }
        self.zones = zones
        self.switchAfter = switchAfter
        self.dwellTotals = zones.map { ZoneDwellSummary(zoneID: $0.id) }
    }

    /// Number of tracks with live per-track state.
    public var activeTrackCount: Int { states.count }

    /// The zone a point belongs to, if any.
    public func zone(containing point: Point) -> Zone? {
        zoneIndex(point).map { zones[$0] }
    }

    /// Feeds one position of one track at `time` (seconds); returns dwells this completes. Non-finite input
    /// is ignored.
    @discardableResult
    public mutating func observe(trackID: Int, point: Point, time: Double) -> [ZoneDwell] {
        guard point.isFinite, time.isFinite else { return [] }
        let zone = zoneIndex(point) ?? -1
        guard var state = states[trackID] else {
            states[trackID] = TrackState(current: zone, enteredAt: time, lastZone: zone >= 0 ? zone : nil, lastTime: time)
            return []
        }
        var completed: [ZoneDwell] = []
        state.lastTime = time
        if zone == state.current {
            state.candidateCount = 0
        } else {
            if state.candidateCount > 0 && state.candidate == zone {
                state.candidateCount += 1
            } else {
                state.candidate = zone
                state.candidateCount = 1
                state.candidateTime = time
            }
            if state.candidateCount >= switchAfter {
                if state.current >= 0 {
                    completed.append(record(trackID: trackID, zone: state.current, from: state.enteredAt,
                                            to: state.candidateTime))
                }
                if zone >= 0 {
                    if let last = state.lastZone, last != zone {
                        transitionCounts[Pair(from: last, to: zone), default: 0] += 1
                        newTransitionCounts[Pair(from: last, to: zone), default: 0] += 1
                    }
                    state.lastZone = zone
                }
                state.current = zone
                state.enteredAt = state.candidateTime
                state.candidateCount = 0
            }
        }
        states[trackID] = state
        return completed
    }

    /// Feeds a tracker step: foot points (through `homography` when zones are in floor coordinates; tracks
    /// whose point does not map are skipped), then ends the tracks the step lists as ended, completing their
    /// open dwells at their last observation.
    @discardableResult
    public mutating func observe(_ update: TrackerUpdate, time: Double, homography: Homography? = nil) -> [ZoneDwell] {
        var completed: [ZoneDwell] = []
        for track in update.tracks {
            let foot = track.box.footPoint
            guard let point = homography.map({ $0.map(foot) }) ?? foot else { continue }
            completed += observe(trackID: track.id, point: point, time: time)
        }
        for id in update.endedTrackIDs { completed += endTrack(id) }
        return completed
    }

    /// Ends a track: completes its open dwell at its last observation and forgets it.
    @discardableResult
    public mutating func endTrack(_ id: Int) -> [ZoneDwell] {
        guard let state = states.removeValue(forKey: id) else { return [] }
        guard state.current >= 0 else { return [] }
        return [record(trackID: id, zone: state.current, from: state.enteredAt, to: state.lastTime)]
    }

    /// Transition counts, ordered by (from, to) zone order.
    public var transitions: [ZoneTransition] { Self.ordered(transitionCounts, zones: zones) }

    /// The transitions made since the last call (in zone order), for a caller that counts them per time bucket.
    public mutating func drainNewTransitions() -> [ZoneTransition] {
        guard !newTransitionCounts.isEmpty else { return [] }
        defer { newTransitionCounts.removeAll(keepingCapacity: true) }
        return Self.ordered(newTransitionCounts, zones: zones)
    }

    private static func ordered(_ counts: [Pair: Int], zones: [Zone]) -> [ZoneTransition] {
        counts.sorted { ($0.key.from, $0.key.to) < ($1.key.from, $1.key.to) }.map {
            ZoneTransition(from: zones[$0.key.from].id, to: zones[$0.key.to].id, count: $0.value)
        }
    }

    /// Completed-dwell totals per zone, in zone order.
    public var summaries: [ZoneDwellSummary] { dwellTotals }

    private mutating func record(trackID: Int, zone: Int, from: Double, to: Double) -> ZoneDwell {
        let dwell = ZoneDwell(trackID: trackID, zoneID: zones[zone].id, entered: from, exited: to)
        dwellTotals[zone].visits += 1
        dwellTotals[zone].totalSeconds += dwell.duration
        dwellTotals[zone].longestSeconds = max(dwellTotals[zone].longestSeconds, dwell.duration)
        return dwell
    }

    private func zoneIndex(_ point: Point) -> Int? {
        zones.firstIndex { $0.polygon.contains(point) }
    }
}
