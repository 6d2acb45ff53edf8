import ShojiTracking
import ShojiVision

extension ShojiTracking.Detection {
    /// A vision detection (frame pixels and score) as the tracker takes it. ShojiTracking is pure Swift and knows
    /// nothing of ShojiVision, so the pipeline, which uses both, converts here.
    init(_ detection: ShojiVision.Detection) {
        let box = detection.box
        self.init(box: BoundingBox(x: box.x, y: box.y, width: box.width, height: box.height), confidence: detection.score)
    }
}
