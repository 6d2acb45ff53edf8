import CRsvg
import Foundation

/// Turns an SVG document into PNG or PDF with librsvg and cairo, the renderer GNOME itself uses.
///
/// Fonts come from fontconfig, so the SVG's `font-family` must name an installed family with Japanese glyphs
/// (Noto Sans CJK JP from Debian `fonts-noto-cjk`); cairo embeds the used subset of it in a PDF.
public struct RasterExporter: Sendable {
    /// Resolution of PNG output, in dots per inch. 150 is enough for an A4 print to look sharp at arm's length.
    public var dpi: Double

    /// Creates an exporter.
    public init(dpi: Double = 150) {
        self.dpi = dpi
    }

    /// The pixel size of the PNG `svg` would give at this exporter's resolution.
    public func pixelSize(ofSVG svg: String) throws(RasterExportError) -> (width: Int, height: Int) {
        let handle = try Self.load(svg, dpi: dpi)
        defer { g_object_unref(handle) }
        let size = try Self.intrinsicSize(handle)
        return (Int(size.width.rounded(.up)), Int(size.height.rounded(.up)))
    }

    /// Renders `svg` on a white background and writes it as a PNG file at `url`, through a temporary file beside
    /// it: a failure leaves the previous file (or none), never half an image.
    public func writePNG(svg: String, to url: URL) throws(RasterExportError) {
        try Self.writeReplacing(url) { partial throws(RasterExportError) in try renderPNG(svg: svg, to: partial) }
    }

    /// Renders `svg` as a one-page vector PDF at `url`, with the page size the SVG declares; like ``writePNG``,
    /// through a temporary file.
    public func writePDF(svg: String, to url: URL) throws(RasterExportError) {
        try Self.writeReplacing(url) { partial throws(RasterExportError) in try Self.renderPDF(svg: svg, to: partial) }
    }

    /// Runs `write` on a hidden temporary path in `url`'s folder, then renames it over `url`; removes it on failure.
    private static func writeReplacing(_ url: URL, _ write: (URL) throws(RasterExportError) -> Void) throws(RasterExportError) {
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        defer { unlink(partial.path) }
        try write(partial)
        guard rename(partial.path, url.path) == 0 else {
            throw .writeFailed(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    private func renderPNG(svg: String, to url: URL) throws(RasterExportError) {
        let handle = try Self.load(svg, dpi: dpi)
        defer { g_object_unref(handle) }
        let size = try Self.intrinsicSize(handle)
        let width = Int32(size.width.rounded(.up))
        let height = Int32(size.height.rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else {
            throw .surfaceFailed(reason: "no memory for a \(width)×\(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        try Self.check(cairo_surface_status(surface), or: { .surfaceFailed(reason: $0) })
        try Self.draw(handle, on: surface, width: Double(width), height: Double(height), background: true)
        let status = cairo_surface_write_to_png(surface, url.path)
        try Self.check(status, or: { .writeFailed(path: url.path, reason: $0) })
    }

    private static func renderPDF(svg: String, to url: URL) throws(RasterExportError) {
        // At 72 dpi, CSS pixels are PDF points.
        let handle = try load(svg, dpi: 72)
        defer { g_object_unref(handle) }
        let size = try intrinsicSize(handle)
        guard let surface = cairo_pdf_surface_create(url.path, size.width, size.height) else {
            throw .surfaceFailed(reason: "cairo could not create a PDF surface")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), or: { .writeFailed(path: url.path, reason: $0) })
        try draw(handle, on: surface, width: size.width, height: size.height, background: false)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), or: { .writeFailed(path: url.path, reason: $0) })
    }

    // MARK: librsvg and cairo plumbing

    private static func load(_ svg: String, dpi: Double) throws(RasterExportError) -> UnsafeMutablePointer<RsvgHandle> {
        var error: UnsafeMutablePointer<GError>?
        let bytes = Array(svg.utf8)
        let handle = bytes.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let handle else {
            throw .invalidSVG(reason: consume(error) ?? "librsvg returned no handle")
        }
        rsvg_handle_set_dpi(handle, dpi)
        return handle
    }

    private static func intrinsicSize(_ handle: UnsafeMutablePointer<RsvgHandle>) throws(RasterExportError) -> (width: Double, height: Double) {
        var width = 0.0
        var height = 0.0
        guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width >= 1, height >= 1 else {
            throw .noPageSize
        }
        return (width, height)
    }

    private static func draw(
        _ handle: UnsafeMutablePointer<RsvgHandle>, on surface: OpaquePointer, width: Double, height: Double,
        background: Bool
    ) throws(RasterExportError) {
        guard let cr = cairo_create(surface) else { throw .surfaceFailed(reason: "cairo_create failed") }
        defer { cairo_destroy(cr) }
        if background {
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        var error: UnsafeMutablePointer<GError>?
        guard rsvg_handle_render_document(handle, cr, &viewport, &error) != 0 else {
            throw .renderFailed(reason: consume(error) ?? "librsvg could not draw the document")
        }
        try check(cairo_status(cr), or: { .renderFailed(reason: $0) })
    }

    private static func check(
        _ status: cairo_status_t, or makeError: (String) -> RasterExportError
    ) throws(RasterExportError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw makeError(String(cString: cairo_status_to_string(status)))
    }

    /// The message of a GError, which is then freed.
    private static func consume(_ error: UnsafeMutablePointer<GError>?) -> String? {
        guard let error else { return nil }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) }
    }
}
