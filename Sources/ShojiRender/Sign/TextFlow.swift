import ShojiPolicy

/// A cursor that places wrapped lines top to bottom and refuses any line that would cross `limit`.
///
/// Once one line is refused, every later one is too, so a cut sign never shows a later item without an
/// earlier one.
struct TextFlow {
    /// One laid-out line.
    struct Line {
        var text: String
        var size: Double
        var color: String
        var bold: Bool
        var language: Language
        /// Line height as a multiple of the size.
        var spacing: Double = 1.35
    }

    /// The top of the next line.
    var y: Double
    /// The lowest y any line may reach.
    let limit: Double
    /// Whether a line has been refused.
    private(set) var clipped = false
    /// The bottom of the last line placed; unlike `y`, it stops moving once lines are refused.
    private(set) var bottom: Double

    init(y: Double, limit: Double) {
        self.y = y
        self.limit = limit
        self.bottom = y
    }

    /// Places one line at the cursor.
    mutating func line(_ line: Line, x: Double, into doc: inout SVGDocument) {
        let height = line.size * line.spacing
        guard !clipped, y + height <= limit else {
            clipped = true
            return
        }
        // The baseline sits so that the glyphs' ascent (≈ 0.88 em for Noto Sans CJK) is centred in the line box.
        let baseline = y + (height - line.size) / 2 + line.size * 0.88
        doc.text(line.text, x: x, y: baseline, size: line.size, fill: line.color, bold: line.bold,
                 language: line.language.rawValue)
        y += height
        bottom = y
    }

    /// Wraps `text` to `width` and places its lines.
    mutating func paragraph(
        _ text: String, x: Double, width: Double, size: Double, color: String, bold: Bool = false,
        language: Language, spacing: Double = 1.35, into doc: inout SVGDocument
    ) {
        for piece in TextMetrics.wrap(text, fontSize: size, maxWidth: width) {
            line(Line(text: piece, size: size, color: color, bold: bold, language: language, spacing: spacing),
                 x: x, into: &doc)
        }
    }
}
