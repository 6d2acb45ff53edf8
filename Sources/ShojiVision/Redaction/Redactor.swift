import CVBridge

/// Masks faces and people in frames, and keeps a mask in place for a few frames after its detection is lost.
///
/// Detectors flicker: a face found in frames 10 and 12 may be missed in frame 11, and a plain per-frame
/// redactor would show it there. The redactor therefore remembers each masked region with its motion, and for
/// `persistenceFrames` frames after it was last detected masks it where it would have moved (constant velocity).
/// Not thread-safe: one redactor per video stream.
public final class Redactor {
    /// Redaction settings.
    public struct Configuration: Sendable, Equatable {
        /// How regions are hidden.
        public var mode: MaskMode
        /// The outline of the mask.
        public var shape: MaskShape
        /// Growth of each detected box about its centre (1.3 covers hair and chin around a face box).
        public var maskScale: Double
        /// Frames a mask stays after its detection is lost.
        public var persistenceFrames: Int
        /// Blur: kernel as a fraction of region size; mosaic: cell size in pixels.
        public var strength: Double

        /// Settings; the defaults are a blurred ellipse 1.3 times the face box, kept for 5 frames.
        public init(mode: MaskMode = .blur, shape: MaskShape = .ellipse, maskScale: Double = 1.3,
                    persistenceFrames: Int = 5, strength: Double? = nil) {
            self.mode = mode
            self.shape = shape
            self.maskScale = maskScale
            self.persistenceFrames = persistenceFrames
            self.strength = strength ?? (mode == .mosaic ? 12 : 0.5)
        }
    }

    /// A region being masked, with its motion and the frames since it was last detected.
    private struct RememberedMask {
        var box: PixelRect
        var velocity: (dx: Double, dy: Double)
        var framesSinceSeen: Int
    }

    /// The settings in use.
    public let configuration: Configuration
    private var remembered: [RememberedMask] = []

    /// A redactor with the given settings.
    public init(configuration: Configuration = Configuration()) throws {
        guard configuration.maskScale > 0, configuration.maskScale <= 4 else {
            throw VisionError.invalidArgument("mask scale must be in (0, 4], not \(configuration.maskScale)")
        }
        guard configuration.persistenceFrames >= 0 else {
            throw VisionError.invalidArgument("mask persistence must not be negative")
        }
        self.configuration = configuration
    }

    /// Forgets remembered masks (call between unrelated images or videos).
    public func reset() {
        remembered.removeAll()
    }

    /// The regions to mask in the next frame: this frame's detections plus remembered ones carried along
    /// their motion. Updates the memory. Boxes are not yet scaled by `maskScale`.
    public func regions(for detections: [Detection]) -> [PixelRect] {
        var next: [RememberedMask] = []
        var unmatched = Array(remembered.indices)
        for detection in detections {
            // Greedy match to the remembered mask that overlaps most after its predicted motion.
            var best: (index: Int, iou: Double)?
            for (position, index) in unmatched.enumerated() {
                let predicted = predictedBox(remembered[index])
                let overlap = predicted.iou(detection.box)
                if overlap > 0.1, overlap > (best?.iou ?? 0) { best = (position, overlap) }
            }
            if let best {
                let previous = remembered[unmatched.remove(at: best.index)]
                let steps = Double(previous.framesSinceSeen + 1)
                let velocity = ((detection.box.center.x - previous.box.center.x) / steps,
                                (detection.box.center.y - previous.box.center.y) / steps)
                next.append(RememberedMask(box: detection.box, velocity: velocity, framesSinceSeen: 0))
            } else {
                next.append(RememberedMask(box: detection.box, velocity: (0, 0), framesSinceSeen: 0))
            }
        }
        for index in unmatched where remembered[index].framesSinceSeen < configuration.persistenceFrames {
            var mask = remembered[index]
            mask.box = predictedBox(mask)
            mask.framesSinceSeen += 1
            next.append(mask)
        }
        remembered = next
        return next.map(\.box)
    }

    /// Masks `detections` (and remembered regions) in `frame`, in place. Returns the regions masked.
    @discardableResult
    public func redact(_ frame: Frame, detections: [Detection]) throws -> [PixelRect] {
        let boxes = regions(for: detections)
        try mask(frame, regions: boxes)
        return boxes
    }

    /// Masks exactly `regions` (scaled by `maskScale`) in `frame`, in place, without touching the memory.
    public func mask(_ frame: Frame, regions: [PixelRect]) throws {
        guard !regions.isEmpty else { return }
        let scaled = regions.map { region in
            let box = region.scaled(by: configuration.maskScale)
            return CVBDetection(x: Float(box.x), y: Float(box.y), width: Float(box.width), height: Float(box.height), score: 1)
        }
        let status = scaled.withUnsafeBufferPointer { buffer in
            cvb_mask_regions(frame.handle, buffer.baseAddress!, Int32(buffer.count), configuration.mode.bridged,
                             configuration.shape.bridged, Float(configuration.strength))
        }
        guard status == .OK else {
            throw VisionError.bridge(operation: "masking", reason: VisionError.lastBridgeMessage)
        }
    }

    private func predictedBox(_ mask: RememberedMask) -> PixelRect {
        mask.box.offset(dx: mask.velocity.dx, dy: mask.velocity.dy)
    }
}
