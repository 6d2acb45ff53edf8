import Foundation

/// The camera pictogram of the sign header: a wall-mounted camera in a rounded square, drawn from shapes so
/// that it prints sharp at any size and needs no image file.
enum CameraPictogram {
    /// Draws the pictogram in the square of `side` at (`x`, `y`).
    static func draw(into doc: inout SVGDocument, x: Double, y: Double, side: Double, background: String, foreground: String) {
        doc.rect(x: x, y: y, width: side, height: side, fill: background, radius: side * 0.12)
        let f = SVGDocument.format
        // Drawn in a 100 × 100 box; the drawing spans x 0…88, y 22…75, so it is scaled by 0.95 about its
        // centre (44, 48.5) to sit in the square with an even margin.
        doc.beginGroup(transform: "translate(\(f(x)) \(f(y))) scale(\(f(side / 100))) translate(50 50) scale(0.95) translate(-44 -48.5)")
        // Wall plate and arm.
        doc.rect(x: 80, y: 22, width: 8, height: 30, fill: foreground, radius: 1.5)
        doc.rect(x: 64, y: 33, width: 18, height: 6, fill: foreground)
        // Body and lens hood, tilted down towards the viewer's left, as cameras under a ceiling are.
        doc.beginGroup(transform: "rotate(-20 70 36)")
        doc.rect(x: 30, y: 26, width: 40, height: 20, fill: foreground, radius: 3)
        doc.path("M18 22L31 25V47L18 50Z", fill: foreground)
        doc.endGroup()
        // Field-of-view waves from the lens (at about (21, 54) after the tilt).
        doc.path(arc(cx: 21, cy: 54, r: 12, width: 4.5, from: 110, to: 165), fill: foreground)
        doc.path(arc(cx: 21, cy: 54, r: 20, width: 4.5, from: 110, to: 165), fill: foreground)
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
