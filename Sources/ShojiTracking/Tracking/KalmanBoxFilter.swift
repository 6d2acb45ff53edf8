/// Constant-velocity Kalman filter on a box's centre, width and height (state: cx, cy, w, h and their
/// velocities per frame; measurement: cx, cy, w, h).
///
/// With the usual diagonal process and measurement noise (as in SORT, DeepSORT and BoT-SORT) the 8×8
/// covariance stays block-diagonal: four independent 2×2 (position, velocity) blocks. The filter therefore
/// runs four scalar-observation filters, which is exact, allocation-free and a few dozen flops per step.
/// Noise standard deviations scale with the box height, as in DeepSORT, so near and far people are treated
/// alike (scaling x by the narrow width of a pedestrian made the filter too slow to pick up walking speed).
public struct KalmanBoxFilter: Hashable, Sendable {
    /// Noise weights, relative to box height.
    public struct Noise: Hashable, Sendable, Codable {
        /// Process noise of the position per frame, as a fraction of the box height (default 1/20).
        public var position: Double
        /// Process noise of the velocity per frame, as a fraction of the box height (default 1/160).
        public var velocity: Double
        /// Measurement noise of a detection, as a fraction of the box height (default 1/20).
        public var measurement: Double

        /// Creates noise weights; the defaults are DeepSORT's.
        public init(position: Double = 1.0 / 20, velocity: Double = 1.0 / 160, measurement: Double = 1.0 / 20) {
            self.position = position
            self.velocity = velocity
            self.measurement = measurement
        }
    }

    struct Axis: Hashable, Sendable {
        var position: Double
        var velocity = 0.0
        var pp: Double
        var pv = 0.0
        var vv: Double

        /// n frames of F = [[1, 1], [0, 1]] with per-frame noise diag(qp, qv), in closed form.
        mutating func predict(frames n: Double, qp: Double, qv: Double) {
            position += n * velocity
            let s1 = n * (n - 1) / 2
            let s2 = (n - 1) * n * (2 * n - 1) / 6
            pp += 2 * n * pv + n * n * vv + n * qp + s2 * qv
            pv += n * vv + s1 * qv
            vv += n * qv
        }

        mutating func update(measurement z: Double, variance r: Double) {
            let s = pp + r
            guard s > 0 else { return }
            let k0 = pp / s, k1 = pv / s
            let innovation = z - position
            position += k0 * innovation
            velocity += k1 * innovation
            vv -= k1 * pv
            pv *= 1 - k0
            pp *= 1 - k0
        }
    }

    /// The noise weights in use.
    public let noise: Noise
    var cx: Axis, cy: Axis, w: Axis, h: Axis

    /// Starts a filter at `box` with zero velocity and a wide velocity uncertainty.
    public init(box: BoundingBox, noise: Noise = Noise()) {
        self.noise = noise
        let scale = max(box.height, 1)
        let p = 2 * noise.position * scale, v = 10 * noise.velocity * scale
        func axis(_ value: Double) -> Axis { Axis(position: value, pp: p * p, vv: v * v) }
        let c = box.center
        cx = axis(c.x); cy = axis(c.y); w = axis(box.width); h = axis(box.height)
    }

    /// Advances the state by `frames` frames (nothing for zero or fewer).
    public mutating func predict(frames: Int = 1) {
        guard frames > 0 else { return }
        let n = Double(frames)
        let scale = max(h.position, 1)
        let qp = (noise.position * scale) * (noise.position * scale)
        let qv = (noise.velocity * scale) * (noise.velocity * scale)
        cx.predict(frames: n, qp: qp, qv: qv)
        cy.predict(frames: n, qp: qp, qv: qv)
        w.predict(frames: n, qp: qp, qv: qv)
        h.predict(frames: n, qp: qp, qv: qv)
    }

    /// Corrects the state with a measured box.
    public mutating func update(with box: BoundingBox) {
        let scale = max(box.height, 1)
        let r = (noise.measurement * scale) * (noise.measurement * scale)
        let c = box.center
        cx.update(measurement: c.x, variance: r)
        cy.update(measurement: c.y, variance: r)
        w.update(measurement: box.width, variance: r)
        h.update(measurement: box.height, variance: r)
    }

    /// The current box estimate (width and height kept at least one pixel).
    public var box: BoundingBox {
        BoundingBox(center: Point(x: cx.position, y: cy.position),
                    width: max(w.position, 1), height: max(h.position, 1))
    }

    /// The estimated velocity of the centre in pixels per frame.
    public var velocity: Point { Point(x: cx.velocity, y: cy.velocity) }
}
