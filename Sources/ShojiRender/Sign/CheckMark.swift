/// A check mark in a filled circle, marking each assurance on the sign.
enum CheckMark {
    /// Draws the mark in the square of `side` at (`x`, `y`).
    static func draw(into doc: inout SVGDocument, x: Double, y: Double, side: Double, color: String) {
        let f = SVGDocument.format
        doc.circle(cx: x + side / 2, cy: y + side / 2, r: side / 2, fill: color)
        // A stroke-free tick drawn as a polygon in a 10 × 10 box, so it renders the same in rsvg and browsers.
        doc.beginGroup(transform: "translate(\(f(x)) \(f(y))) scale(\(f(side / 10)))")
        doc.path("M2.4 5.2L3.6 4L4.4 4.8L6.6 2.6L7.8 3.8L4.4 7.2Z", fill: "#FFFFFF")
        doc.endGroup()
    }
}
