import Foundation

/// The camera pictogram of the sign header: a wall-mounted camera in a rounded square, drawn from shapes so
/// that it prints sharp at any size and needs no image file.
enum CameraPictogram {
    /// Draws the pictogram in the square of `side` at (`x`, `y`).
    static func draw(into doc: inout SVGDocument, x: Double, y: Double, side: Double, background: String, foreground: String) {
        doc.rect(x: x, y: y, width: side, height: side, fill: background, radius: side * 0.12)
        let f = SVGDocument.format
        // Drawn in a 100 × 100 box.
        doc.beginGroup(transform: "translate(\(f(x)) \(f(y))) scale(\(f(side / 100))) translate(4 -8)")
        // Wall plate and arm.
        doc.rect(x: 80, y: 24, width: 8, height: 34, fill: foreground, radius: 1.5)
        doc.rect(x: 62, y: 37, width: 20, height: 6, fill: foreground)
        // Body and lens hood, tilted down towards the viewer's left, as cameras under a ceiling are.
        doc.beginGroup(transform: "rotate(-18 66 40)")
        doc.rect(x: 24, y: 30, width: 44, height: 22, fill: foreground, radius: 3)
        doc.path("M10 25L25 28.5V53.5L10 57Z", fill: foreground)
        doc.endGroup()
        // Field-of-view waves in front of the lens.
        doc.path(arc(cx: 12, cy: 62, r: 13, width: 4.5), fill: foreground)
        doc.path(arc(cx: 12, cy: 62, r: 23, width: 4.5), fill: foreground)
        doc.endGroup()
    }

    /// A band of a ring around (`cx`, `cy`) between the angles `from` and `to` (degrees, SVG orientation:
    /// 90 is straight down), as path data.
    private static func arc(cx: Double, cy: Double, r: Double, width: Double, from: Double = 100, to: Double = 170) -> String {
        let f = SVGDocument.format
        func point(_ radius: Double, _ degrees: Double) -> String {
            let radians = degrees * .pi / 180
            return "\(f(cx + radius * cos(radians))) \(f(cy + radius * sin(radians)))"
        }
        let outer = r + width / 2
        let inner = r - width / 2
        return "M\(point(outer, to))A\(f(outer)) \(f(outer)) 0 0 0 \(point(outer, from))"
            + "L\(point(inner, from))A\(f(inner)) \(f(inner)) 0 0 1 \(point(inner, to))Z"
    }
}
