/// A small builder for SVG documents whose text is always escaped.
///
/// Coordinates are user units of the `viewBox`; the physical size (in millimetres) is separate so one layout
/// prints at A4 or A3 by changing only `width`/`height`.
public struct SVGDocument: Sendable {
    /// The width of the coordinate system.
    public let viewWidth: Double
    /// The height of the coordinate system.
    public let viewHeight: Double
    /// The printed width in millimetres.
    public let widthMillimetres: Double
    /// The printed height in millimetres.
    public let heightMillimetres: Double
    /// The font family every text element inherits.
    public let fontFamily: String
    /// The document language (`xml:lang`), e.g. "ja" or "en".
    public let language: String
    private var body: [String] = []

    /// Creates an empty document.
    public init(
        viewWidth: Double, viewHeight: Double, widthMillimetres: Double, heightMillimetres: Double,
        fontFamily: String, language: String
    ) {
        self.viewWidth = viewWidth
        self.viewHeight = viewHeight
        self.widthMillimetres = widthMillimetres
        self.heightMillimetres = heightMillimetres
        self.fontFamily = fontFamily
        self.language = language
    }

    /// The number of elements so far; pass it to `rect(...insertAt:)` to draw a background behind elements
    /// whose extent was not known when they were added.
    public var mark: Int { body.count }

    /// Appends a rectangle, or inserts it at `insertAt` (a `mark`) so that it is drawn behind later elements.
    public mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, radius: Double = 0,
        stroke: String? = nil, strokeWidth: Double = 0, insertAt position: Int? = nil
    ) {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(Markup.escape(fill))\""
        if radius > 0 { attributes += " rx=\"\(n(radius))\"" }
        if let stroke { attributes += " stroke=\"\(Markup.escape(stroke))\" stroke-width=\"\(n(strokeWidth))\"" }
        let element = "<rect \(attributes)/>"
        if let position, (0...body.count).contains(position) {
            body.insert(element, at: position)
        } else {
            body.append(element)
        }
    }

    /// Appends a circle.
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String) {
        body.append("<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(Markup.escape(fill))\"/>")
    }

    /// Appends a path; `d` is path data built by the caller from numbers, never from input text.
    public mutating func path(_ d: String, fill: String, transform: String? = nil, crisp: Bool = false) {
        var attributes = "d=\"\(d)\" fill=\"\(Markup.escape(fill))\""
        if let transform { attributes += " transform=\"\(transform)\"" }
        if crisp { attributes += " shape-rendering=\"crispEdges\"" }
        body.append("<path \(attributes)/>")
    }

    /// Opens a group whose children are drawn through `transform` (built by the caller from numbers).
    public mutating func beginGroup(transform: String) {
        body.append("<g transform=\"\(transform)\">")
    }

    /// Closes the group opened last.
    public mutating func endGroup() {
        body.append("</g>")
    }

    /// Appends one line of text; `anchor` is the SVG `text-anchor` ("start", "middle" or "end").
    public mutating func text(
        _ content: String, x: Double, y: Double, size: Double, fill: String, bold: Bool = false,
        anchor: String = "start", language: String? = nil
    ) {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(Markup.escape(fill))\""
        if bold { attributes += " font-weight=\"bold\"" }
        if anchor != "start" { attributes += " text-anchor=\"\(Markup.escape(anchor))\"" }
        if let language, language != self.language { attributes += " xml:lang=\"\(Markup.escape(language))\"" }
        body.append("<text \(attributes)>\(Markup.escape(content))</text>")
    }

    /// Appends a title element, which screen readers and file browsers show for the whole drawing.
    public mutating func title(_ content: String) {
        body.insert("<title>\(Markup.escape(content))</title>", at: 0)
    }

    /// The finished document as UTF-8 text.
    public func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" xml:lang=\"\(Markup.escape(language))\" "
        out += "width=\"\(n(widthMillimetres))mm\" height=\"\(n(heightMillimetres))mm\" "
        out += "viewBox=\"0 0 \(n(viewWidth)) \(n(viewHeight))\" font-family=\"\(Markup.escape(fontFamily))\">\n"
        for element in body { out += element + "\n" }
        out += "</svg>\n"
        return out
    }

    /// Formats a coordinate with at most two decimals, so documents stay small and deterministic.
    private func n(_ value: Double) -> String {
        SVGDocument.format(value)
    }

    /// Formats a number for SVG attributes: integers without a decimal point, others with up to two decimals.
    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
