/// A heatmap grid drawn as SVG: one cell per grid cell, shaded by how many tracked positions fell in it. It
/// holds counts only, never camera pixels.
public struct HeatmapChart: Sendable {
    public var title: String
    public var columns: Int
    public var rows: Int
    /// Row-major counts, `columns × rows` of them.
    public var counts: [UInt32]
    public var language: String

    /// A heatmap of `counts`.
    public init(title: String, columns: Int, rows: Int, counts: [UInt32], language: String) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.counts = counts
        self.language = language
    }

    /// The SVG document.
    public func render() -> String {
        let cell = columns > 0 ? min(600.0 / Double(columns), 240.0 / Double(max(rows, 1))) : 10
        let width = max(200, Double(columns) * cell + 20), height = Double(rows) * cell + 44
        var svg = SVGDocument(viewWidth: width, viewHeight: height, widthMillimetres: width * 0.26, heightMillimetres: height * 0.26,
                              fontFamily: "sans-serif", language: language)
        svg.title(title)
        svg.text(title, x: 10, y: 20, size: 14, fill: "#222", bold: true)
        let peak = Double(counts.max() ?? 0)
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                let share = peak > 0 && index < counts.count ? Double(counts[index]) / peak : 0
                // From pale yellow to deep red: easy to read in print and for most colour vision.
                let red = 255, green = Int(245 - 200 * share), blue = Int(200 - 180 * share)
                svg.rect(x: 10 + Double(column) * cell, y: 32 + Double(row) * cell, width: cell, height: cell,
                         fill: "rgb(\(red),\(max(0, green)),\(max(0, blue)))")
            }
        }
        if counts.isEmpty || peak == 0 {
            svg.text(language == "ja" ? "データがありません" : "no data yet", x: width / 2, y: height / 2 + 10, size: 13,
                     fill: "#777", anchor: "middle")
        }
        return svg.render()
    }
}
