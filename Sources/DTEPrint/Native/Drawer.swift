import CCairo
import Foundation

/// Draws a ``DocumentLayout`` with cairo: to a PDF in memory (fonts embedded as subsets by
/// cairo) or to PNG pages at a chosen DPI. Both use the same layout values.
struct Drawer {
    /// PNG pixel budget per page: a letter or oficio page at 600 dpi fits (33.7 and 39.8 MP).
    static let maxPagePixels = 40_000_000.0
    /// PNG pixel budget for a whole document (≈ 12 letter pages at 600 dpi, 190 at 150 dpi).
    static let maxDocumentPixels = 400_000_000.0
    let text: TextEngine
    let logo: LogoImage?

    /// Renders every page into one PDF, streamed into `sink`. `created` (ISO 8601, e.g.
    /// `2025-06-26T00:00:00`) is written as the PDF's creation date instead of the clock, so the
    /// same document and template always give the same bytes.
    func pdf(_ layout: DocumentLayout, into sink: ByteSink, title: String, created: String) throws(PrintError) -> Data {
        sink.reset()
        guard let first = layout.pages.first else { throw .cairo("no pages to draw") }
        let data: Data
        do {
            let surface = CairoSurface.pdf(into: sink, width: first.width, height: first.height)
            guard surface.status == CAIRO_STATUS_SUCCESS else { throw PrintError.cairo(statusText(surface.status)) }
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, title)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "DTEKit \(Printout.rendererVersion)")
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, created)
            let cr = CairoContext(target: surface)
            for page in layout.pages {
                cairo_pdf_surface_set_size(surface.pointer, page.width, page.height)
                draw(page, on: cr.pointer)
                cairo_show_page(cr.pointer)
            }
            guard cr.status == CAIRO_STATUS_SUCCESS else { throw PrintError.cairo(statusText(cr.status)) }
            withExtendedLifetime(cr) {}
            surface.finish()
            guard surface.status == CAIRO_STATUS_SUCCESS, !sink.overflowed else {
                throw PrintError.cairo(sink.overflowed ? "the PDF grew past \(sink.limit) bytes" : statusText(surface.status))
            }
            data = sink.data
        } catch let e as PrintError {
            throw e
        } catch {
            throw .cairo("\(error)")
        }
        return data
    }

    /// Renders each page to a PNG at `dpi`.
    func png(_ layout: DocumentLayout, dpi: Double, sink: ByteSink) throws(PrintError) -> [Data] {
        guard dpi >= 20, dpi <= 1200 else { throw .cairo("dpi \(dpi) out of range (20…1200)") }
        let scale = dpi / 72
        // The whole budget is checked before any pixel exists: an RGB24 page costs 4 bytes a
        // pixel, so a letter page at 1200 dpi alone would take 540 MB.
        let sizes = layout.pages.map { (w: ($0.width * scale).rounded(.up), h: ($0.height * scale).rounded(.up)) }
        let total = sizes.reduce(0.0) { $0 + $1.w * $1.h }
        if let big = sizes.first(where: { $0.w * $0.h > Drawer.maxPagePixels || $0.w > 32000 || $0.h > 32000 }) {
            let dpiLimit = Int(dpi * (Drawer.maxPagePixels / (big.w * big.h)).squareRoot())
            throw .pngTooLarge("a \(Int(big.w)) × \(Int(big.h)) pixel page at \(Int(dpi)) dpi is over the \(Int(Drawer.maxPagePixels / 1e6)) megapixel limit per page; use --dpi \(max(20, dpiLimit)) or less")
        }
        if total > Drawer.maxDocumentPixels {
            throw .pngTooLarge("\(sizes.count) pages at \(Int(dpi)) dpi make \(Int(total / 1e6)) megapixels, over the \(Int(Drawer.maxDocumentPixels / 1e6)) megapixel limit per document; use a lower --dpi or PDF")
        }
        var out: [Data] = []
        for (page, size) in zip(layout.pages, sizes) {
            let w = size.w, h = size.h
            let surface = CairoSurface.image(format: CAIRO_FORMAT_RGB24, width: Int32(w), height: Int32(h))
            guard surface.status == CAIRO_STATUS_SUCCESS else { throw .cairo(statusText(surface.status)) }
            let cr = CairoContext(target: surface)
            cairo_set_source_rgb(cr.pointer, 1, 1, 1)
            cairo_paint(cr.pointer)
            cairo_scale(cr.pointer, scale, scale)
            draw(page, on: cr.pointer)
            cairo_surface_flush(surface.pointer)
            sink.reset()
            let status = surface.writePNG(into: sink)
            guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(statusText(status)) }
            out.append(sink.data)
            withExtendedLifetime(cr) {}
        }
        return out
    }

    private func statusText(_ s: cairo_status_t) -> String { String(cString: cairo_status_to_string(s)) }

    func draw(_ page: PageLayout, on cr: OpaquePointer) {
        var current: PrintColor?
        func color(_ c: PrintColor) {
            if current != c { cairo_set_source_rgb(cr, c.red, c.green, c.blue); current = c }
        }
        for el in page.elements {
            switch el {
            case let .text(run):
                color(run.color)
                text.draw(run, on: cr)
            case let .line(x1, y1, x2, y2, w, c):
                color(c)
                cairo_set_line_width(cr, w)
                cairo_move_to(cr, x1, y1)
                cairo_line_to(cr, x2, y2)
                cairo_stroke(cr)
            case let .rect(r, stroke, w, fill):
                if let fill {
                    color(fill)
                    cairo_rectangle(cr, r.x, r.y, r.width, r.height)
                    cairo_fill(cr)
                }
                if let stroke {
                    color(stroke)
                    cairo_set_line_width(cr, w)
                    cairo_rectangle(cr, r.x, r.y, r.width, r.height)
                    cairo_stroke(cr)
                }
            case let .logo(r):
                guard let logo, logo.width > 0, logo.height > 0 else { continue }
                cairo_save(cr)
                cairo_translate(cr, r.x, r.y)
                cairo_scale(cr, r.width / Double(logo.width), r.height / Double(logo.height))
                cairo_set_source_surface(cr, logo.surface.pointer, 0, 0)
                cairo_paint(cr)
                cairo_restore(cr)
                current = nil
            case let .barcode(r, symbol):
                drawBarcode(symbol, in: r, on: cr)
                current = nil
            }
        }
    }

    /// The PDF417 as a 1-bit mask, one pixel per module (rows `rowHeight` pixels tall), scaled
    /// with the nearest filter: crisp edges at any zoom, a few hundred bytes in the PDF.
    private func drawBarcode(_ s: PDF417Symbol, in r: Rect, on cr: OpaquePointer) {
        let pw = s.width, ph = s.rows * s.rowHeight
        let mask = CairoSurface.image(format: CAIRO_FORMAT_A1, width: Int32(pw), height: Int32(ph))
        guard mask.status == CAIRO_STATUS_SUCCESS, let base = cairo_image_surface_get_data(mask.pointer) else { return }
        cairo_surface_flush(mask.pointer)
        let stride = Int(cairo_image_surface_get_stride(mask.pointer))
        for row in 0..<s.rows {
            let rowOffset: Int = row * s.rowHeight * stride
            let line = UnsafeMutableRawPointer(base.advanced(by: rowOffset)).bindMemory(to: UInt32.self, capacity: stride / 4)
            for i in 0..<(stride / 4) { line[i] = 0 }
            for c in 0..<pw where s.isDark(row: row, column: c) {
                // A1: native-endian 32-bit words; pixel c is bit (c & 31) of word c >> 5 (little-endian).
                let word: Int = c / 32
                let bit: UInt32 = UInt32(1) << UInt32(c % 32)
                line[word] |= bit
            }
            for k in 1..<s.rowHeight {
                let dst: Int = (row * s.rowHeight + k) * stride
                let src: Int = row * s.rowHeight * stride
                base.advanced(by: dst).update(from: base.advanced(by: src), count: stride)
            }
        }
        cairo_surface_mark_dirty(mask.pointer)
        cairo_save(cr)
        cairo_translate(cr, r.x, r.y)
        cairo_scale(cr, r.width / Double(pw), r.height / Double(ph))
        let pattern = cairo_pattern_create_for_surface(mask.pointer)
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_mask(cr, pattern)
        cairo_pattern_destroy(pattern)
        cairo_restore(cr)
    }
}
