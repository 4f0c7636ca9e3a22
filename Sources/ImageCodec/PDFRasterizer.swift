import CCairo
import CPoppler
import Foundation

/// Limits for rendering PDF pages (scanner or phone-app PDFs of an ID card).
package struct PDFLimits: Sendable {
    /// Most pages accepted; a longer document is refused after reading its page count only.
    package var maxPages = 4
    /// Most pixels of a page at its source resolution (the megapixel cap of the caller's policy).
    package var maxPixels: UInt64 = 40_000_000
    /// Resolution assumed for the scan when the page says nothing cheaper to read (dots per inch).
    package var sourceDPI: Double = 300
    /// Long side, in pixels, the page is rendered at (at most; never above the source resolution).
    package var renderLongSide = 2000

    package init() {}
}

/// One rendered page.
package struct PDFPageRaster: Sendable {
    /// The page rendered to 8-bit gray (white paper under transparent areas), upright as displayed.
    package var bitmap: GrayBitmap
    /// Size of the page in pixels at the source resolution (what a scan of it at `sourceDPI` holds).
    package var sourceWidth: Int
    package var sourceHeight: Int
    /// Source resolution used, dots per inch (the policy's default, lowered for huge pages so the
    /// megapixel cap holds).
    package var sourceDPI: Double
    /// Page size in PDF points (1/72 in), rotation applied.
    package var widthPoints: Double
    package var heightPoints: Double
}

/// An open PDF (poppler-glib). The object owns its `PopplerDocument` (unref'd in deinit); the
/// bytes are copied into a GBytes the document keeps. Not shared between threads.
package final class PDFDocument {
    private let document: OpaquePointer
    /// Number of pages (read from the page tree before anything is rendered).
    package let pageCount: Int

    /// Opens a PDF from memory. Encrypted (user password) → `.encrypted`; anything poppler
    /// cannot parse → `.corrupt`. No page is loaded or rendered here.
    package init(_ bytes: UnsafeRawBufferPointer) throws(CodecFailure) {
        _ = Self.initialisePoppler
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw .corrupt("empty PDF data") }
        // A cut-off upload: poppler would rebuild the cross-references and draw what is left.
        guard Self.endsWithEOFMarker(bytes) else { throw .corrupt("truncated PDF (no %%EOF marker at the end)") }
        guard let gbytes = g_bytes_new(base, gsize(bytes.count)) else { throw .corrupt("cannot copy the PDF data") }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>? = nil
        let doc = poppler_document_new_from_bytes(gbytes, nil, &error)
        if let error {
            defer { g_error_free(error) }
            let encrypted = error.pointee.domain == poppler_error_quark()
                && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
            let message = error.pointee.message.map { String(cString: $0) } ?? "unreadable PDF"
            if let doc { g_object_unref(UnsafeMutableRawPointer(doc)) }
            if encrypted { throw .encrypted }
            throw .corrupt(message)
        }
        guard let doc else { throw .corrupt("unreadable PDF") }
        document = doc
        pageCount = Int(max(0, poppler_document_get_n_pages(doc)))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    /// poppler creates its process-wide settings (`globalParams`) on the first document it opens,
    /// without a lock; a Swift global is initialised exactly once, so the first open happens here,
    /// before two checks on two threads can race to it.
    private static let initialisePoppler: Bool = {
        let pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        let bytes = Array(pdf.utf8)
        guard let gbytes = bytes.withUnsafeBytes({ raw in raw.baseAddress.flatMap { g_bytes_new($0, gsize(raw.count)) } }) else { return false }
        defer { g_bytes_unref(gbytes) }
        var error: UnsafeMutablePointer<GError>? = nil
        let doc = poppler_document_new_from_bytes(gbytes, nil, &error)
        if let error { g_error_free(error) }
        if let doc { g_object_unref(UnsafeMutableRawPointer(doc)) }
        return true
    }()

    /// Whether "%%EOF" occurs in the last 2 KiB (writers may append a few bytes after it).
    static func endsWithEOFMarker(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let marker: [UInt8] = Array("%%EOF".utf8)
        let start = max(0, bytes.count - 2048)
        guard bytes.count >= marker.count else { return false }
        var i = bytes.count - marker.count
        while i >= start {
            var match = true
            for k in 0..<marker.count where bytes[i + k] != marker[k] { match = false; break }
            if match { return true }
            i -= 1
        }
        return false
    }

    /// Checks the page count against `limits` (no page is loaded).
    package func checkPageCount(_ limits: PDFLimits) throws(CodecFailure) {
        guard pageCount > 0 else { throw .corrupt("PDF without pages") }
        guard pageCount <= limits.maxPages else { throw .tooManyPages(count: pageCount, limit: limits.maxPages) }
    }

    /// Renders page `index` (0-based) to gray within `limits`.
    ///
    /// The source resolution is `limits.sourceDPI`, lowered when the page is so large that it would
    /// exceed `limits.maxPixels`; the page is rendered at that resolution or lower (long side at most
    /// `limits.renderLongSide`), so a page with a huge MediaBox costs no more than a normal one.
    package func renderGray(page index: Int, limits: PDFLimits) throws(CodecFailure) -> PDFPageRaster {
        try checkPageCount(limits)
        guard index >= 0, index < pageCount, let i32 = Int32(exactly: index) else { throw .corrupt("no page \(index + 1)") }
        guard let page = poppler_document_get_page(document, i32) else { throw .corrupt("page \(index + 1) cannot be read") }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var wPt = 0.0, hPt = 0.0
        poppler_page_get_size(page, &wPt, &hPt)
        guard wPt.isFinite, hPt.isFinite, wPt > 0, hPt > 0 else {
            throw .corrupt("page \(index + 1) has an invalid size (\(wPt) × \(hPt) pt)")
        }
        let maxPixels = Double(max(limits.maxPixels, 1))
        let dpi0 = limits.sourceDPI.isFinite && limits.sourceDPI > 0 ? min(limits.sourceDPI, 1200) : 300
        // Pixels per point at the source resolution, lowered for pages too large for the cap.
        var sourceScale = dpi0 / 72
        let sourceArea = wPt * sourceScale * hPt * sourceScale
        if sourceArea > maxPixels { sourceScale *= (maxPixels / sourceArea).squareRoot() }
        let renderScale = min(sourceScale, Double(max(limits.renderLongSide, 1)) / max(wPt, hPt))
        let sourceWidth = max(1, Int(min(wPt * sourceScale, 1e9).rounded()))
        let sourceHeight = max(1, Int(min(hPt * sourceScale, 1e9).rounded()))
        let pw = max(1, min(Int((wPt * renderScale).rounded()), 100_000))
        let ph = max(1, min(Int((hPt * renderScale).rounded()), 100_000))
        guard UInt64(pw) * UInt64(ph) <= max(limits.maxPixels, 1) else {
            throw .tooLarge(width: sourceWidth, height: sourceHeight)
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pw), Int32(ph)) else {
            throw .corrupt("cannot allocate \(pw) × \(ph) pixels")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw .corrupt("cannot allocate \(pw) × \(ph) pixels") }
        guard let cr = cairo_create(surface) else { throw .corrupt("cannot draw the page") }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, Double(pw) / wPt, Double(ph) / hPt)
        // The printing path: cairo samples the page's images straight at the device resolution;
        // the display path box-filters them in pixman first, which cost 3× the time (128 against
        // 42 ms CPU for an A4 300-dpi scan drawn at 1414 × 2000) for no difference the check sees.
        poppler_page_render_for_printing(page, cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw .corrupt("page \(index + 1) cannot be drawn") }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw .corrupt("cannot draw the page") }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var gray = [UInt8](repeating: 255, count: pw * ph)
        gray.withUnsafeMutableBufferPointer { g in
            for y in 0..<ph {
                let row = data + y * stride
                for x in 0..<pw {
                    // RGB24 in memory (little-endian): B, G, R, X. BT.601 luma, as libjpeg's gray.
                    let b = Int(row[4 * x]), gg = Int(row[4 * x + 1]), r = Int(row[4 * x + 2])
                    g[y * pw + x] = UInt8(truncatingIfNeeded: (19595 * r + 38470 * gg + 7471 * b + 32768) >> 16)
                }
            }
        }
        return PDFPageRaster(bitmap: GrayBitmap(width: pw, height: ph, pixels: gray),
                             sourceWidth: sourceWidth, sourceHeight: sourceHeight,
                             sourceDPI: sourceScale * 72, widthPoints: wPt, heightPoints: hPt)
    }
}
