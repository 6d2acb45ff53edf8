/// Constant-velocity Kalman filter on a box's centre, width and height (state: cx, cy, w, h and their
/// velocities per frame; measurement: cx, cy, w, h).
///
/// With the usual diagonal process and measurement noise (as in SORT, DeepSORT and BoT-SORT) the 8×8
/// covariance stays block-diagonal: four independent 2×2 (position, velocity) blocks. The filter therefore
/// runs four scalar-observation filters, which is exact, allocation-free and a few dozen flops per step.
/// Noise standard deviations scale with the box size (x and w with the width, y and h with the height), so
/// near and far people are treated alike.
public struct KalmanBoxFilter: Hashable, Sendable {
    /// Noise weights, relative to box size.
    public struct Noise: Hashable, Sendable, Codable {
        /// Process noise of the position per frame, as a fraction of the box size (default 1/20).
        public var position: Double
        /// Process noise of the velocity per frame, as a fraction of the box size (default 1/160).
        public var velocity: Double
        /// Measurement noise of a detection, as a fraction of the box size (default 1/20).
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
        let sw = max(box.height, 1), sh = max(box.height, 1)
        func axis(_ value: Double, _ size: Double) -> Axis {
            let p = 2 * noise.position * size, v = 10 * noise.velocity * size
            return Axis(position: value, pp: p * p, vv: v * v)
        }
        let c = box.center
        cx = axis(c.x, sw); cy = axis(c.y, sh); w = axis(box.width, sw); h = axis(box.height, sh)
    }

    /// Advances the state by `frames` frames (nothing for zero or fewer).
    public mutating func predict(frames: Int = 1) {
        guard frames > 0 else { return }
        let n = Double(frames)
        let sw = max(h.position, 1), sh = max(h.position, 1)
        let qpw = (noise.position * sw) * (noise.position * sw), qvw = (noise.velocity * sw) * (noise.velocity * sw)
        let qph = (noise.position * sh) * (noise.position * sh), qvh = (noise.velocity * sh) * (noise.velocity * sh)
        cx.predict(frames: n, qp: qpw, qv: qvw)
        w.predict(frames: n, qp: qpw, qv: qvw)
        cy.predict(frames: n, qp: qph, qv: qvh)
        h.predict(frames: n, qp: qph, qv: qvh)
    }

    /// Corrects the state with a measured box.
    public mutating func update(with box: BoundingBox) {
        let sw = max(box.height, 1), sh = max(box.height, 1)
        let rw = (noise.measurement * sw) * (noise.measurement * sw)
        let rh = (noise.measurement * sh) * (noise.measurement * sh)
        let c = box.center
        cx.update(measurement: c.x, variance: rw)
        w.update(measurement: box.width, variance: rw)
        cy.update(measurement: c.y, variance: rh)
        h.update(measurement: box.height, variance: rh)
    }

    /// The current box estimate (width and height kept at least one pixel).
    public var box: BoundingBox {
        BoundingBox(center: Point(x: cx.position, y: cy.position),
                    width: max(w.position, 1), height: max(h.position, 1))
    }

    /// The estimated velocity of the centre in pixels per frame.
    public var velocity: Point { Point(x: cx.velocity, y: cy.velocity) }
}
