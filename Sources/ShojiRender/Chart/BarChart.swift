import Foundation

/// A grouped bar chart drawn as SVG on the server: categories along the bottom, one bar per series in each
/// category, a value axis with round ticks and a legend. For the console's statistics (crossings per hour,
/// attributes by age band and gender, dwell per zone, repeat rate); no script, no outside font.
public struct BarChart: Sendable {
    /// One series: its name in the legend, a colour and a value per category.
    public struct Series: Sendable {
        public let name: String
        public let colour: String
        public let values: [Double]

        /// A series; `values` has one value per category (missing ones count as 0).
        public init(name: String, colour: String, values: [Double]) {
            self.name = name
            self.colour = colour
            self.values = values
        }
    }

    /// The chart's title, drawn above it and given to screen readers.
    public var title: String
    /// The category labels.
    public var categories: [String]
    /// The series.
    public var series: [Series]
    /// The value axis unit, e.g. "people" or "s".
    public var unit: String
    /// The document language.
    public var language: String

    /// A chart.
    public init(title: String, categories: [String], series: [Series], unit: String, language: String) {
        self.title = title
        self.categories = categories
        self.series = series
        self.unit = unit
        self.language = language
    }

    /// The palette series take their colours from, in order.
    public static let palette = ["#2f6db5", "#e07b39", "#3a9b5c", "#b53a6d", "#7a5bb5", "#8c8c2f", "#3aa5b5", "#5b5b5b"]

    /// The SVG document (640 × 300 user units, scaled by the page).
    public func render() -> String {
        let (width, height) = (640.0, 300.0)
        let (left, right, top, bottom) = (52.0, 12.0, 34.0, 62.0)
        var svg = SVGDocument(viewWidth: width, viewHeight: height, widthMillimetres: 169, heightMillimetres: 79,
                              fontFamily: "sans-serif", language: language)
        svg.title(title)
        svg.text(title, x: left, y: 20, size: 14, fill: "#222", bold: true)
        let maximum = series.flatMap(\.values).max() ?? 0
        let step = Self.tickStep(maximum)
        let axisTop = max(step, (maximum / step).rounded(.up) * step)
        let plotHeight = height - top - bottom, plotWidth = width - left - right
        var tick = 0.0
        while tick <= axisTop + step / 2 {
            let y = top + plotHeight * (1 - tick / axisTop)
            svg.rect(x: left, y: y, width: plotWidth, height: 0.6, fill: "#ddd")
            svg.text(SVGDocument.format(tick), x: left - 6, y: y + 4, size: 10, fill: "#555", anchor: "end")
            tick += step
        }
        svg.text(unit, x: 6, y: top - 8, size: 10, fill: "#555")
        guard !categories.isEmpty, !series.isEmpty else {
            svg.text(language == "ja" ? "データがありません" : "no data yet", x: left + plotWidth / 2, y: top + plotHeight / 2,
                     size: 13, fill: "#777", anchor: "middle")
            return svg.render()
        }
        let groupWidth = plotWidth / Double(categories.count)
        let barWidth = max(1, groupWidth * 0.8 / Double(series.count))
        for (index, category) in categories.enumerated() {
            let groupLeft = left + groupWidth * Double(index) + groupWidth * 0.1
            for (offset, one) in series.enumerated() {
                let value = index < one.values.count ? one.values[index] : 0
                let barHeight = plotHeight * value / axisTop
                svg.rect(x: groupLeft + barWidth * Double(offset), y: top + plotHeight - barHeight, width: barWidth,
                         height: barHeight, fill: one.colour)
            }
            // Label every category when they fit, else every n-th, so labels never overlap.
            let every = max(1, Int((Double(categories.count) * 38 / plotWidth).rounded(.up)))
            if index % every == 0 {
                svg.text(category, x: left + groupWidth * (Double(index) + 0.5), y: top + plotHeight + 14, size: 10,
                         fill: "#333", anchor: "middle")
            }
        }
        var legendX = left
        for one in series {
            svg.rect(x: legendX, y: height - 24, width: 10, height: 10, fill: one.colour)
            svg.text(one.name, x: legendX + 14, y: height - 15, size: 10, fill: "#333")
            legendX += 24 + Double(one.name.count) * 6.5
        }
        return svg.render()
    }

    /// A round step (1, 2 or 5 × 10ⁿ) giving about five ticks up to `maximum`.
    static func tickStep(_ maximum: Double) -> Double {
        guard maximum > 0 else { return 1 }
        let raw = maximum / 5
        let magnitude = pow(10, floor(log10(raw)))
        for factor in [1.0, 2, 5, 10] where raw <= factor * magnitude { return factor * magnitude }
        return 10 * magnitude
    }
}
