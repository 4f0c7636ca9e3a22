import CCairo
import Foundation

// Thin Swift owners of the cairo / pango resources the renderer uses. Every pointer created here
// is released in a deinit; no other file of DTEPrint touches cairo or pango pointers directly
// except the drawer (Drawer.swift), which only borrows them for the duration of one call.

/// A growable byte buffer cairo streams a PDF or PNG into (`cairo_*_create_for_stream`).
final class ByteSink {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Set when the sink refused to grow past `limit`.
    private(set) var overflowed = false
    let limit: Int

    init(initialCapacity: Int = 64 * 1024, limit: Int = 256 << 20) {
        capacity = max(1024, initialCapacity)
        pointer = .allocate(capacity: capacity)
        self.limit = limit
    }

    deinit { pointer.deallocate() }

    func append(_ data: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let needed = count + length
        if needed > limit { overflowed = true; return false }
        if needed > capacity {
            var newCapacity = capacity
            while newCapacity < needed { newCapacity *= 2 }
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            p.update(from: pointer, count: count)
            pointer.deallocate()
            pointer = p
            capacity = newCapacity
        }
        (pointer + count).update(from: data, count: length)
        count = needed
        return true
    }

    func reset() { count = 0; overflowed = false }

    var data: Data { Data(bytes: pointer, count: count) }

    /// The C write callback: `closure` is an unretained `ByteSink`.
    static let writeFunction: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        return sink.append(data, Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Owns a `cairo_surface_t` (PDF, image or A1 mask).
final class CairoSurface {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }
    deinit { cairo_surface_destroy(pointer) }

    var status: cairo_status_t { cairo_surface_status(pointer) }

    /// A PDF surface streaming into `sink` (which must outlive the surface).
    static func pdf(into sink: ByteSink, width: Double, height: Double) -> CairoSurface {
        CairoSurface(owning: cairo_pdf_surface_create_for_stream(ByteSink.writeFunction, sink.opaque, width, height))
    }

    static func image(format: cairo_format_t, width: Int32, height: Int32) -> CairoSurface {
        CairoSurface(owning: cairo_image_surface_create(format, width, height))
    }

    func finish() { cairo_surface_finish(pointer) }

    /// Writes the (image) surface as PNG into `sink`.
    func writePNG(into sink: ByteSink) -> cairo_status_t {
        cairo_surface_write_to_png_stream(pointer, ByteSink.writeFunction, sink.opaque)
    }
}

/// Owns a `cairo_t`.
final class CairoContext {
    let pointer: OpaquePointer
    init(target: CairoSurface) { pointer = cairo_create(target.pointer) }
    deinit { cairo_destroy(pointer) }
    var status: cairo_status_t { cairo_status(pointer) }
}

/// Owns a `PangoFontDescription`.
final class FontDescription {
    let pointer: OpaquePointer
    init(family: String, size: Double, bold: Bool) {
        pointer = pango_font_description_new()
        pango_font_description_set_family(pointer, family)
        pango_font_description_set_weight(pointer, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_size(pointer, Int32((size * Double(PANGO_SCALE)).rounded()))
    }
    deinit { pango_font_description_free(pointer) }
}
