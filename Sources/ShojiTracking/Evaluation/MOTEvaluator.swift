/// Scores tracker output against MOTChallenge ground truth exactly as py-motmetrics does with
/// `iou_matrix(max_iou = 1 − minimumIoU)`:
///
/// - Per frame, a ground-truth box and a hypothesis box may match when IoU ≥ `minimumIoU` (0.5).
/// - Correspondences kept: a ground-truth id whose last matched hypothesis id is present and still within the
///   threshold is matched to it first.
/// - The rest are matched by the Hungarian method (as many pairs as possible, then least total 1 − IoU).
///   A match whose ground-truth id was last matched to another hypothesis id is an id switch.
/// - Unmatched ground truth are misses, unmatched hypotheses false positives.
/// - IDF1: a global one-to-one assignment of ground-truth ids to hypothesis ids maximising the number of
///   frames in which the paired boxes overlap with IoU ≥ `minimumIoU`; that number is IDTP.
public struct MOTEvaluator: Sendable {
    /// Minimum IoU for a match (0.5 in MOTChallenge).
    public var minimumIoU: Double
    /// Only frames in this range are scored (nil: all).
    public var frames: ClosedRange<Int>?

    /// Creates an evaluator.
    public init(minimumIoU: Double = 0.5, frames: ClosedRange<Int>? = nil) {
        self.minimumIoU = minimumIoU
        self.frames = frames
    }

    struct Pair: Hashable {
        var groundTruth: Int
        var hypothesis: Int
    }

    /// Scores `hypotheses` against `groundTruth`.
    public func evaluate(groundTruth: [MOTRecord], hypotheses: [MOTRecord]) -> MOTMetrics {
        let inRange: (MOTRecord) -> Bool = { record in frames.map { $0.contains(record.frame) } ?? true }
        let truth = Dictionary(grouping: groundTruth.filter(inRange), by: \.frame)
        let hyps = Dictionary(grouping: hypotheses.filter(inRange), by: \.frame)
        let allFrames = Set(truth.keys).union(hyps.keys).sorted()

        var metrics = MOTMetrics(frames: allFrames.count, groundTruthBoxes: 0, hypothesisBoxes: 0, groundTruthIDs: 0,
                                 hypothesisIDs: 0, matches: 0, falsePositives: 0, misses: 0, idSwitches: 0,
                                 totalMatchIoU: 0, idTruePositives: 0, idFalsePositives: 0, idFalseNegatives: 0)
        var lastMatch: [Int: Int] = [:]
        var overlapFrames: [Pair: Int] = [:]
        var truthBoxesPerID: [Int: Int] = [:]
        var hypothesisBoxesPerID: [Int: Int] = [:]
        var solver = LinearAssignment()
        let maximumDistance = 1 - minimumIoU

        for frame in allFrames {
            let objects = truth[frame] ?? []
            let predictions = hyps[frame] ?? []
            metrics.groundTruthBoxes += objects.count
            metrics.hypothesisBoxes += predictions.count
            for o in objects { truthBoxesPerID[o.id, default: 0] += 1 }
            for h in predictions { hypothesisBoxesPerID[h.id, default: 0] += 1 }

            let columns = predictions.count
            var distance = [Double](repeating: .nan, count: objects.count * columns)
            for (i, o) in objects.enumerated() {
                for (j, h) in predictions.enumerated() {
                    let d = 1 - o.box.iou(h.box)
                    if d <= maximumDistance {
                        distance[i * columns + j] = d
                        overlapFrames[Pair(groundTruth: o.id, hypothesis: h.id), default: 0] += 1
                    }
                }
            }
            var objectMatched = [Bool](repeating: false, count: objects.count)
            var predictionMatched = [Bool](repeating: false, count: columns)
            func match(_ i: Int, _ j: Int) {
                objectMatched[i] = true
                predictionMatched[j] = true
                metrics.matches += 1
                metrics.totalMatchIoU += 1 - distance[i * columns + j]
                lastMatch[objects[i].id] = predictions[j].id
            }

            // Keep still-valid correspondences first.
            for (i, o) in objects.enumerated() {
                guard let previous = lastMatch[o.id],
                      let j = predictions.indices.first(where: { !predictionMatched[$0] && predictions[$0].id == previous }),
                      distance[i * columns + j].isFinite else { continue }
                match(i, j)
            }

            // Hungarian on what is left.
            let rows = objects.indices.filter { !objectMatched[$0] }
            let cols = predictions.indices.filter { !predictionMatched[$0] }
            if !rows.isEmpty, !cols.isEmpty {
                var sub = [Double]()
                sub.reserveCapacity(rows.count * cols.count)
                for i in rows { for j in cols { sub.append(distance[i * columns + j]) } }
                let assignment = solver.solve(costs: sub, rows: rows.count, columns: cols.count)
                for (r, c) in assignment.enumerated() where c >= 0 {
                    let i = rows[r], j = cols[c]
                    if let previous = lastMatch[objects[i].id], previous != predictions[j].id { metrics.idSwitches += 1 }
                    match(i, j)
                }
            }
            metrics.misses += objectMatched.lazy.filter { !$0 }.count
            metrics.falsePositives += predictionMatched.lazy.filter { !$0 }.count
        }

        // Global identity assignment: maximise the total overlap frames of paired ids.
        let truthIDs = truthBoxesPerID.keys.sorted()
        let hypothesisIDs = hypothesisBoxesPerID.keys.sorted()
        metrics.groundTruthIDs = truthIDs.count
        metrics.hypothesisIDs = hypothesisIDs.count
        var idTruePositives = 0
        if !truthIDs.isEmpty, !hypothesisIDs.isEmpty {
            var costs = [Double]()
            costs.reserveCapacity(truthIDs.count * hypothesisIDs.count)
            for o in truthIDs {
                for h in hypothesisIDs { costs.append(-Double(overlapFrames[Pair(groundTruth: o, hypothesis: h)] ?? 0)) }
            }
            let assignment = solver.solve(costs: costs, rows: truthIDs.count, columns: hypothesisIDs.count)
            for (r, c) in assignment.enumerated() where c >= 0 {
                idTruePositives += overlapFrames[Pair(groundTruth: truthIDs[r], hypothesis: hypothesisIDs[c])] ?? 0
            }
        }
        metrics.idTruePositives = idTruePositives
        metrics.idFalseNegatives = metrics.groundTruthBoxes - idTruePositives
        metrics.idFalsePositives = metrics.hypothesisBoxes - idTruePositives
        return metrics
    }
}
