import Testing
@testable import ShojiTracking

@Suite("CLEAR MOT and IDF1 on hand-made cases")
struct MOTEvaluatorTests {
    /// Two people far apart over four frames.
    static let truth: [MOTRecord] = (1...4).flatMap { f in
        [MOTRecord(frame: f, id: 1, box: box(Double(10 * f), 100)), MOTRecord(frame: f, id: 2, box: box(400, Double(10 * f)))]
    }

    static func relabel(_ records: [MOTRecord], _ map: (MOTRecord) -> Int) -> [MOTRecord] {
        records.map { MOTRecord(frame: $0.frame, id: map($0), box: $0.box) }
    }

    @Test func perfectHypothesisScoresOne() {
        let hyp = Self.relabel(Self.truth) { $0.id == 1 ? 70 : 90 }
        let m = MOTEvaluator().evaluate(groundTruth: Self.truth, hypotheses: hyp)
        #expect(m.mota == 1 && m.idf1 == 1 && m.motp == 1)
        #expect(m.matches == 8 && m.falsePositives == 0 && m.misses == 0 && m.idSwitches == 0)
        #expect(m.frames == 4 && m.groundTruthIDs == 2 && m.hypothesisIDs == 2)
    }

    @Test func oneIDSwitch() {
        // Person 1 is tracked as 11 in frames 1–2 and as 12 in frames 3–4; person 2 perfectly as 20.
        let hyp = Self.relabel(Self.truth) { $0.id == 2 ? 20 : ($0.frame <= 2 ? 11 : 12) }
        let m = MOTEvaluator().evaluate(groundTruth: Self.truth, hypotheses: hyp)
        #expect(m.idSwitches == 1)
        #expect(m.mota == 1 - 1.0 / 8)
        // Best identity pairing: 1↔11 (2 frames) or 1↔12 (2 frames), 2↔20 (4): IDTP 6 of 8 + 8 boxes.
        #expect(m.idTruePositives == 6 && m.idFalsePositives == 2 && m.idFalseNegatives == 2)
        #expect(m.idf1 == 12.0 / 16)
    }

    @Test func oneFalsePositive() {
        var hyp = Self.truth
        hyp.append(MOTRecord(frame: 3, id: 99, box: box(700, 500)))
        let m = MOTEvaluator().evaluate(groundTruth: Self.truth, hypotheses: hyp)
        #expect(m.falsePositives == 1 && m.misses == 0 && m.idSwitches == 0)
        #expect(m.mota == 1 - 1.0 / 8)
        #expect(m.idTruePositives == 8 && m.idFalsePositives == 1)
        #expect(m.idf1 == 16.0 / 17)
    }

    @Test func oneMiss() {
        let hyp = Self.truth.filter { !($0.frame == 2 && $0.id == 2) }
        let m = MOTEvaluator().evaluate(groundTruth: Self.truth, hypotheses: hyp)
        #expect(m.misses == 1 && m.falsePositives == 0 && m.idSwitches == 0)
        #expect(m.mota == 1 - 1.0 / 8)
        #expect(m.idTruePositives == 7 && m.idFalseNegatives == 1)
        #expect(m.idf1 == 14.0 / 15)
    }

    @Test func previousMatchIsKeptWhileStillValid() {
        let gt = [MOTRecord(frame: 1, id: 1, box: box(100, 100, 100, 100)), MOTRecord(frame: 2, id: 1, box: box(100, 100, 100, 100))]
        // Frame 1: hyp 5 overlaps better (IoU 0.9) than hyp 6 (0.6). Frame 2: the other way round, but hyp 5
        // still passes 0.5, so the match stays with 5: no switch, hyp 6 is a false positive both times.
        let hyp = [
            MOTRecord(frame: 1, id: 5, box: box(100, 100, 100, 90)), MOTRecord(frame: 1, id: 6, box: box(100, 100, 100, 60)),
            MOTRecord(frame: 2, id: 5, box: box(100, 100, 100, 60)), MOTRecord(frame: 2, id: 6, box: box(100, 100, 100, 90)),
        ]
        let m = MOTEvaluator().evaluate(groundTruth: gt, hypotheses: hyp)
        #expect(m.matches == 2 && m.idSwitches == 0 && m.falsePositives == 2)
        #expect(abs(m.motp - 0.75) < 1e-12)
        // When hyp 5 drops below the threshold the switch to 6 is counted.
        var worse = hyp
        worse[2] = MOTRecord(frame: 2, id: 5, box: box(100, 100, 100, 40))
        #expect(MOTEvaluator().evaluate(groundTruth: gt, hypotheses: worse).idSwitches == 1)
    }

    @Test func thresholdIsInclusiveAtHalf() {
        let gt = [MOTRecord(frame: 1, id: 1, box: box(0, 0, 10, 10))]
        let half = MOTEvaluator().evaluate(groundTruth: gt, hypotheses: [MOTRecord(frame: 1, id: 1, box: box(0, 0, 10, 5))])
        #expect(half.matches == 1)
        let less = MOTEvaluator().evaluate(groundTruth: gt, hypotheses: [MOTRecord(frame: 1, id: 1, box: box(0, 0, 10, 4.9))])
        #expect(less.matches == 0 && less.misses == 1 && less.falsePositives == 1 && less.idf1 == 0)
    }

    @Test func frameRangeFilter() {
        let hyp = Self.truth.filter { $0.frame != 4 }
        #expect(MOTEvaluator().evaluate(groundTruth: Self.truth, hypotheses: hyp).misses == 2)
        let m = MOTEvaluator(frames: 1...3).evaluate(groundTruth: Self.truth, hypotheses: hyp)
        #expect(m.frames == 3 && m.misses == 0 && m.groundTruthBoxes == 6 && m.mota == 1)
    }

    @Test func emptyInputsGiveNaNRatiosNotCrashes() {
        let m = MOTEvaluator().evaluate(groundTruth: [], hypotheses: [])
        #expect(m.frames == 0 && m.mota.isNaN && m.idf1.isNaN)
    }
}
