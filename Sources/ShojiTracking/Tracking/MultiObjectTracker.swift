/// Online multi-person tracker in the SORT / ByteTrack family: a constant-velocity Kalman filter per track,
/// optimal (Hungarian) assignment on 1 − IoU, and ByteTrack's second pass that lets low-confidence
/// detections keep confirmed tracks alive.
///
/// One detection round (``update(frame:detections:)``):
/// 1. every track is predicted forward to the frame;
/// 2. confirmed tracks (tracked and lost) ↔ detections with confidence ≥ `highConfidence`, IoU ≥ `minimumIoU`;
/// 3. still-unmatched confirmed tracks ↔ detections in [`lowConfidence`, `highConfidence`),
///    IoU ≥ `secondPassMinimumIoU`;
/// 4. tentative tracks ↔ remaining high-confidence detections, IoU ≥ `minimumIoU`;
/// 5. unmatched confirmed tracks become lost and end after `maxAge` rounds; tentative tracks that cannot reach
///    `minimumHits` within `confirmationWindow` rounds vanish;
/// 6. remaining detections with confidence ≥ `newTrackConfidence` start tentative tracks, unless they
///    duplicate a confirmed track (IoU ≥ `duplicateIoU`).
/// Each pass is one optimal assignment on 1 − IoU with ByteTrack's (lapjv `cost_limit`) rule: a pair is
/// matched only above its IoU gate, and one good match beats two poor ones.
///
/// Ids are handed out at confirmation, so flicker that never confirms consumes none.
///
/// Frames without a detector run are advanced with ``predict(frame:)``; they move the tracks and do not count
/// as misses. Frame numbers must not decrease; an earlier or repeated frame applies no motion.
///
/// Threading: a value type with no shared state. Each copy is an independent tracker; use one per camera
/// and mutate it from one task at a time, as any `var`. It is `Sendable`, so it can move into an actor or task.
public struct MultiObjectTracker: Sendable {
    struct Slot: Sendable {
        var id: Int
        var filter: KalmanBoxFilter
        var frame: Int
        var firstFrame: Int
        var hits: Int
        var rounds: Int
        var missed: Int
        var confidence: Double
        var state: TrackState
    }

    /// The configuration, validated at creation.
    public let configuration: TrackerConfiguration
    /// The latest frame the tracker advanced to, nil before the first step.
    public private(set) var currentFrame: Int?
    private var slots: [Slot] = []
    private var nextID = 1
    private var solver = LinearAssignment()
    // Work buffers, kept between rounds so that a steady-state round does not allocate for association.
    private var costs: [Double] = []
    private var assignment: [Int] = []
    private var rowSlots: [Int] = []
    private var columnDetections: [Int] = []
    private var slotMatched: [Bool] = []
    private var detectionMatched: [Bool] = []

    /// Creates a tracker; refuses a configuration that fails ``TrackerConfiguration/validate()``.
    public init(configuration: TrackerConfiguration = TrackerConfiguration()) throws(TrackerConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
    }

    /// Number of live tracks, tentative ones included (for memory accounting and tests).
    public var liveTrackCount: Int { slots.count }

    /// Confirmed tracks that ``TrackerUpdate/tracks`` would report at the current frame.
    public var tracks: [Track] { reportable() }

    /// Runs one detection round at `frame`.
    public mutating func update(frame: Int, detections: [Detection]) -> TrackerUpdate {
        advance(to: frame)
        let config = configuration
        for i in slots.indices { slots[i].rounds += 1 }
        reset(&slotMatched, count: slots.count, to: false)
        reset(&detectionMatched, count: detections.count, to: false)
        func usable(_ d: Detection) -> Bool {
            d.box.isValid && d.confidence.isFinite && d.confidence >= config.lowConfidence
        }

        // Pass 1: confirmed tracks with confident detections.
        rowSlots.removeAll(keepingCapacity: true)
        for (i, slot) in slots.enumerated() where slot.state != .tentative { rowSlots.append(i) }
        columnDetections.removeAll(keepingCapacity: true)
        for (j, d) in detections.enumerated() where usable(d) && d.confidence >= config.highConfidence {
            columnDetections.append(j)
        }
        associate(detections, minimumIoU: config.minimumIoU, frame: frame)

        // Pass 2 (ByteTrack): remaining confirmed tracks with weak detections.
        rowSlots.removeAll(keepingCapacity: true)
        for (i, slot) in slots.enumerated() where slot.state != .tentative && !slotMatched[i] { rowSlots.append(i) }
        columnDetections.removeAll(keepingCapacity: true)
        for (j, d) in detections.enumerated() where usable(d) && d.confidence < config.highConfidence {
            columnDetections.append(j)
        }
        associate(detections, minimumIoU: config.secondPassMinimumIoU, frame: frame)

        // Recovery: lost tracks with confident detections nobody took, by centre distance (IoU fails after an
        // occlusion because the predicted box has drifted).
        if config.recoveryDistance > 0 {
            rowSlots.removeAll(keepingCapacity: true)
            for (i, slot) in slots.enumerated() where slot.state == .lost && !slotMatched[i] { rowSlots.append(i) }
            columnDetections.removeAll(keepingCapacity: true)
            for (j, d) in detections.enumerated()
            where !detectionMatched[j] && usable(d) && d.confidence >= config.highConfidence {
                columnDetections.append(j)
            }
            recover(detections, within: config.recoveryDistance, frame: frame)
        }

        // Pass 3: tentative tracks with confident detections nobody took.
        rowSlots.removeAll(keepingCapacity: true)
        for (i, slot) in slots.enumerated() where slot.state == .tentative { rowSlots.append(i) }
        columnDetections.removeAll(keepingCapacity: true)
        for (j, d) in detections.enumerated()
        where !detectionMatched[j] && usable(d) && d.confidence >= config.highConfidence {
            columnDetections.append(j)
        }
        associate(detections, minimumIoU: config.minimumIoU, frame: frame)

        // Misses and deaths.
        var ended: [Int] = []
        for i in slots.indices where !slotMatched[i] {
            slots[i].missed += 1
            if slots[i].state == .tracked { slots[i].state = .lost }
        }
        slots.removeAll { slot in
            switch slot.state {
            case .tentative:
                return slot.rounds >= config.confirmationWindow
            case .tracked, .lost:
                if slot.missed > config.maxAge {
                    ended.append(slot.id)
                    return true
                }
                return false
            }
        }

        // Births, except duplicates of a confirmed track.
        let confirmedBefore = slots.count
        for (j, d) in detections.enumerated()
        where !detectionMatched[j] && usable(d) && d.confidence >= config.highConfidence
            && d.confidence >= config.newTrackConfidence {
            if config.duplicateIoU < 1, slots[0..<confirmedBefore].contains(where: {
                $0.state != .tentative && $0.filter.box.iou(d.box) >= config.duplicateIoU
            }) { continue }
            var slot = Slot(id: 0, filter: KalmanBoxFilter(box: d.box, noise: config.noise), frame: frame,
                            firstFrame: frame, hits: 1, rounds: 1, missed: 0, confidence: d.confidence,
                            state: .tentative)
            if config.minimumHits <= 1 {
                slot.state = .tracked
                slot.id = takeID()
            }
            slots.append(slot)
        }
        return TrackerUpdate(frame: frame, tracks: reportable(), endedTrackIDs: ended.sorted())
    }

    /// Advances to `frame` without detections (the detector skipped it): tracks move by their velocity; no
    /// track is confirmed, missed or ended.
    public mutating func predict(frame: Int) -> TrackerUpdate {
        advance(to: frame)
        return TrackerUpdate(frame: frame, tracks: reportable(), endedTrackIDs: [])
    }

    /// Ends every confirmed track (end of stream) and returns their ids; the tracker is empty afterwards but
    /// keeps counting ids upwards.
    public mutating func finish() -> [Int] {
        let ended = slots.filter { $0.state != .tentative }.map(\.id).sorted()
        slots.removeAll()
        return ended
    }

    private mutating func advance(to frame: Int) {
        for i in slots.indices where frame > slots[i].frame {
            slots[i].filter.predict(frames: frame - slots[i].frame)
            slots[i].frame = frame
        }
        currentFrame = max(currentFrame ?? frame, frame)
    }

    /// Optimal matching of `rowSlots` × `columnDetections` within the IoU gate; applies the matches.
    private mutating func associate(_ detections: [Detection], minimumIoU: Double, frame: Int) {
        guard !rowSlots.isEmpty, !columnDetections.isEmpty else { return }
        costs.removeAll(keepingCapacity: true)
        for i in rowSlots {
            let predicted = slots[i].filter.box
            for j in columnDetections { costs.append(1 - predicted.iou(detections[j].box)) }
        }
        applyAssignment(detections, costLimit: 1 - minimumIoU)
    }

    /// Optimal matching of `rowSlots` × `columnDetections` by centre distance in units of the track's box
    /// height, gated at `distance` and at a height ratio within [2/3, 3/2]; applies the matches.
    private mutating func recover(_ detections: [Detection], within distance: Double, frame: Int) {
        guard !rowSlots.isEmpty, !columnDetections.isEmpty else { return }
        costs.removeAll(keepingCapacity: true)
        for i in rowSlots {
            let predicted = slots[i].filter.box
            let height = max(predicted.height, 1)
            for j in columnDetections {
                let box = detections[j].box
                let ratio = box.height / height
                let dx = box.center.x - predicted.center.x, dy = box.center.y - predicted.center.y
                let normalized = (dx * dx + dy * dy).squareRoot() / height
                costs.append(ratio > 2.0 / 3.0 && ratio < 1.5 ? normalized / distance : 2)  // 2: beyond the gate
            }
        }
        applyAssignment(detections, costLimit: 1)
    }

    /// Solves the assignment over `costs` (rows `rowSlots`, columns `columnDetections`) and applies each match
    /// whose cost is within `costLimit`.
    private mutating func applyAssignment(_ detections: [Detection], costLimit: Double) {
        solver.solve(costs: costs, rows: rowSlots.count, columns: columnDetections.count, costLimit: costLimit,
                     into: &assignment)
        for (r, c) in assignment.enumerated() where c >= 0 {
            let i = rowSlots[r], j = columnDetections[c]
            let detection = detections[j]
            slots[i].filter.update(with: detection.box)
            slots[i].hits += 1
            slots[i].missed = 0
            slots[i].confidence = detection.confidence
            switch slots[i].state {
            case .tentative:
                if slots[i].hits >= configuration.minimumHits {
                    slots[i].state = .tracked
                    slots[i].id = takeID()
                }
            case .lost: slots[i].state = .tracked
            case .tracked: break
            }
            slotMatched[i] = true
            detectionMatched[j] = true
        }
    }

    private mutating func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    private func reportable() -> [Track] {
        var out: [Track] = []
        out.reserveCapacity(slots.count)
        for slot in slots {
            switch slot.state {
            case .tentative: continue
            case .lost where slot.missed > configuration.reportLostRounds: continue
            default: break
            }
            out.append(Track(id: slot.id, frame: slot.frame, box: slot.filter.box, velocity: slot.filter.velocity,
                             state: slot.state, age: slot.frame - slot.firstFrame, hits: slot.hits,
                             missedRounds: slot.missed, confidence: slot.confidence))
        }
        out.sort { $0.id < $1.id }
        return out
    }

    private func reset<T>(_ array: inout [T], count: Int, to value: T) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: repeatElement(value, count: count))
    }
}
