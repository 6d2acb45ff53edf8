/// Why an SVG could not be turned into PNG or PDF.
public enum RasterExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// librsvg could not parse the document.
    case invalidSVG(reason: String)
    /// The document has no width and height, so there is no page to draw on.
    case noPageSize
    /// cairo could not make a drawing surface.
    case surfaceFailed(reason: String)
    /// Drawing failed part-way.
    case renderFailed(reason: String)
    /// The output file could not be written.
    case writeFailed(path: String, reason: String)

    /// A one-line explanation that says what to do.
    public var description: String {
        switch self {
        case .invalidSVG(let reason):
            return "the SVG could not be read by librsvg (\(reason)); this is a bug in the renderer, please report it"
        case .noPageSize:
            return "the SVG has no width and height; give the <svg> element width and height attributes"
        case .surfaceFailed(let reason):
            return "cairo could not create the drawing surface (\(reason)); lower the resolution or free memory"
        case .renderFailed(let reason):
            return "librsvg could not draw the sign (\(reason)); check that fonts-noto-cjk is installed"
        case .writeFailed(let path, let reason):
            return "could not write \(path) (\(reason)); check that the folder exists and is writable"
        }
    }
}
