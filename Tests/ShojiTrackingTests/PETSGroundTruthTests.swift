import Testing
@testable import ShojiTracking

/// Known answers on the real PETS09-S2L1 ground truth (frames 1–400): scored against itself, against
/// perturbations whose effect can be derived by hand, and as the input of the tracker.
@Suite("PETS09-S2L1 ground truth")
struct PETSGroundTruthTests {
    static func load() throws -> [MOTRecord] { try MOTFormat.read(contentsOf: PETSGroundTruth.url) }

    @Test func againstItselfIsPerfect() throws {
        let gt = try Self.load()
        let m = MOTEvaluator().evaluate(groundTruth: gt, hypotheses: gt)
        #expect(m.mota == 1 && m.idf1 == 1 && m.motp == 1)
        #expect(m.matches == gt.count && m.idSwitches == 0 && m.falsePositives == 0 && m.misses == 0)
        #expect(m.frames == 400)
        #expect(m.groundTruthIDs == Set(gt.map(\.id)).count)
    }

    @Test func droppedBoxesAreMisses() throws {
        let gt = try Self.load()
        let hyp = gt.enumerated().filter { $0.offset % 10 != 0 }.map(\.element)
        let dropped = gt.count - hyp.count
        let m = MOTEvaluator().evaluate(groundTruth: gt, hypotheses: hyp)
        #expect(m.misses == dropped && m.falsePositives == 0 && m.idSwitches == 0)
        #expect(m.mota == 1 - Double(dropped) / Double(gt.count))
        #expect(m.idTruePositives == hyp.count)
        #expect(m.idf1 == 2 * Double(hyp.count) / Double(gt.count + hyp.count))
    }

    @Test func addedBoxesAreFalsePositives() throws {
        let gt = try Self.load()
        // A small box in the top-left corner every 50th frame, where nobody walks in this sequence.
        let corner = BoundingBox(x: 0, y: 0, width: 5, height: 5)
        #expect(gt.allSatisfy { $0.box.iou(corner) == 0 })
        let extra = stride(from: 1, through: 400, by: 50).map { MOTRecord(frame: $0, id: 9999, box: corner) }
        let m = MOTEvaluator().evaluate(groundTruth: gt, hypotheses: gt + extra)
        #expect(m.falsePositives == extra.count && m.misses == 0 && m.idSwitches == 0)
        #expect(m.mota == 1 - Double(extra.count) / Double(gt.count))
        #expect(m.idFalsePositives == extra.count)
    }

    @Test func shiftedBoxesKeepMatchesAndLowerMOTPByTheIoU() throws {
        let gt = try Self.load()
        // Shifting a w × h box by 2 px sideways leaves IoU (w − 2) / (w + 2), ≥ 0.5 for every w ≥ 6.
        #expect(gt.allSatisfy { $0.box.width >= 6 })
        let hyp = gt.map { MOTRecord(frame: $0.frame, id: $0.id, box: $0.box.shifted(dx: 2)) }
        let m = MOTEvaluator().evaluate(groundTruth: gt, hypotheses: hyp)
        #expect(m.mota == 1 && m.idf1 == 1 && m.matches == gt.count)
        let expected = gt.map { ($0.box.width - 2) / ($0.box.width + 2) }.reduce(0, +) / Double(gt.count)
        #expect(abs(m.motp - expected) < 1e-9)
    }

    @Test func swappedIdentitiesGiveTwoSwitches() throws {
        let gt = try Self.load()
        let cut = 200
        // Pick two people present on both sides of the cut who never overlap each other by IoU ≥ 0.5.
        let before = Set(gt.filter { $0.frame == cut - 1 }.map(\.id))
        let at = Set(gt.filter { $0.frame == cut }.map(\.id))
        let candidates = before.intersection(at).sorted()
        func neverOverlap(_ a: Int, _ b: Int) -> Bool {
            let boxesOfA = Dictionary(uniqueKeysWithValues: gt.filter { $0.id == a }.map { ($0.frame, $0.box) })
            return gt.filter { $0.id == b }.allSatisfy { r in (boxesOfA[r.frame].map { $0.iou(r.box) } ?? 0) < 0.5 }
        }
        let pair = candidates.indices.lazy.flatMap { i in candidates[(i + 1)...].lazy.map { (candidates[i], $0) } }
            .first { neverOverlap($0.0, $0.1) }
        let (a, b) = try #require(pair)

        let hyp = gt.map { r -> MOTRecord in
            guard r.frame >= cut, r.id == a || r.id == b else { return r }
            return MOTRecord(frame: r.frame, id: r.id == a ? b : a, box: r.box)
        }
        let m = MOTEvaluator().evaluate(groundTruth: gt, hypotheses: hyp)
        #expect(m.idSwitches == 2 && m.misses == 0 && m.falsePositives == 0)
        #expect(m.mota == 1 - 2 / Double(gt.count))
        // Everyone else keeps their own id; a and b pair either by their early or by their late frames.
        let early = gt.filter { ($0.id == a || $0.id == b) && $0.frame < cut }.count
        let late = gt.filter { ($0.id == a || $0.id == b) && $0.frame >= cut }.count
        let others = gt.count - early - late
        #expect(m.idTruePositives == others + max(early, late))
    }

    /// Runs the tracker on ground-truth boxes as detections, with the detector on every `stride`-th frame and
    /// missing a `missRate` share of people at random (seeded).
    static func trackGroundTruth(_ gt: [MOTRecord], stride: Int, missRate: Double,
                                 configuration: TrackerConfiguration) throws -> MOTMetrics {
        let byFrame = Dictionary(grouping: gt, by: \.frame)
        var rng = SeededGenerator(seed: 9)
        var tracker = try MultiObjectTracker(configuration: configuration)
        var output: [MOTRecord] = []
        for frame in 1...400 {
            let update: TrackerUpdate
            if (frame - 1) % stride == 0 {
                let detections = (byFrame[frame] ?? [])
                    .filter { _ in Double.random(in: 0..<1, using: &rng) >= missRate }
                    .map { Detection(box: $0.box, confidence: 0.9) }
                update = tracker.update(frame: frame, detections: detections)
            } else {
                update = tracker.predict(frame: frame)
            }
            output += update.tracks.map(MOTRecord.init(track:))
        }
        return MOTEvaluator().evaluate(groundTruth: gt, hypotheses: output)
    }

    @Test func trackerOnEveryFrameWithMissedDetections() throws {
        let m = try Self.trackGroundTruth(try Self.load(), stride: 1, missRate: 0.1, configuration: TrackerConfiguration())
        #expect(m.mota > 0.95, "MOTA \(m.mota)")
        #expect(m.idf1 > 0.9, "IDF1 \(m.idf1)")
        #expect(m.idSwitches <= 4, "switches \(m.idSwitches)")
    }

    @Test func trackerWithDetectorOnEveryOtherFrame() throws {
        let m = try Self.trackGroundTruth(try Self.load(), stride: 2, missRate: 0,
                                          configuration: TrackerConfiguration())
        #expect(m.mota > 0.95, "MOTA \(m.mota)")
        #expect(m.idf1 > 0.85, "IDF1 \(m.idf1)")
    }
}
