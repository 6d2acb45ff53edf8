/// The paper a sign is printed on. A-series sheets share one aspect ratio, so one layout fits both.
public enum PaperSize: String, Sendable, CaseIterable {
    /// 210 × 297 mm.
    case a4
    /// 297 × 420 mm, for entrances read from further away.
    case a3

    /// Width and height in millimetres, portrait.
    public var millimetres: (width: Double, height: Double) {
        switch self {
        case .a4: return (210, 297)
        case .a3: return (297, 420)
        }
    }
}
