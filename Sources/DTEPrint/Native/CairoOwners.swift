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

/// A font map, a Pango context and one reusable `PangoLayout`, private to one thread at a time.
///
/// Pango font maps are not thread-safe (pango keeps one default map per thread for that reason):
/// each ``TextEngine`` owns its own `PangoCairoFontMap`, and a ``Printout`` lends an engine to
/// one render call at a time (see `ContextPool`). Metrics are unhinted so that measurements
/// are the same for the PDF and for PNG previews at any DPI.
final class TextEngine {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    let layout: OpaquePointer
    private let family: String
    private var fonts: [FontKey: FontDescription] = [:]
    private var lineHeights: [FontKey: Double] = [:]
    var labelWidths: [LabelKey: Double] = [:]

    struct FontKey: Hashable { var size: Double; var bold: Bool }

    init(family: String) {
        self.family = family
        let map = pango_cairo_font_map_new()!
        fontMap = map
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        context = pango_font_map_create_context(map)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        layout = pango_layout_new(context)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        // No ligatures: "fi"/"fl" glyphs fall outside WinAnsi and would make cairo embed a third
        // (CID) font subset in every PDF; plain glyphs keep two small subsets.
        let attrs = pango_attr_list_new()
        pango_attr_list_insert(attrs, pango_attr_font_features_new("liga=0, clig=0, dlig=0"))
        pango_layout_set_attributes(layout, attrs)
        pango_attr_list_unref(attrs)
    }

    deinit {
        fonts.removeAll()
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    func font(_ spec: FontSpec) -> OpaquePointer {
        let key = FontKey(size: spec.size, bold: spec.bold)
        if let f = fonts[key] { return f.pointer }
        let f = FontDescription(family: family, size: spec.size, bold: spec.bold)
        fonts[key] = f
        return f.pointer
    }

    /// Prepares the shared layout for `text` in a box `width` points wide (`nil`: one line, no wrap).
    func prepare(_ text: String, font spec: FontSpec, width: Double?, alignment: TextAlignment) {
        pango_layout_set_font_description(layout, font(spec))
        if let width {
            pango_layout_set_width(layout, Int32(max(1, (width * Double(PANGO_SCALE)).rounded(.down))))
        } else {
            pango_layout_set_width(layout, -1)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, text, -1)
    }

    /// Size of the prepared layout, in points (logical extents).
    func preparedSize() -> (width: Double, height: Double) {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return (Double(w) / Double(PANGO_SCALE), Double(h) / Double(PANGO_SCALE))
    }

    /// The ink-independent width of the widest line of the prepared layout.
    func preparedLineCount() -> Int { Int(pango_layout_get_line_count(layout)) }

    func measure(_ text: String, font: FontSpec, width: Double?) -> (width: Double, height: Double) {
        prepare(text, font: font, width: width, alignment: .left)
        return preparedSize()
    }

    /// The height of one line of `font` (cached).
    func lineHeight(_ spec: FontSpec) -> Double {
        let key = FontKey(size: spec.size, bold: spec.bold)
        if let h = lineHeights[key] { return h }
        let h = measure("ÁgjÑ", font: spec, width: nil).height
        lineHeights[key] = h
        return h
    }

    /// Draws the prepared layout with its top-left corner at (x, y).
    func show(on cr: OpaquePointer, x: Double, y: Double) {
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
    }
}

extension TextEngine: TextMeasuring {
    func wrappedHeight(_ text: String, font: FontSpec, width: Double) -> Double {
        measure(text, font: font, width: width).height
    }
    func singleLineWidth(_ text: String, font: FontSpec) -> Double {
        measure(text, font: font, width: nil).width
    }
    func labelWidth(_ text: String, font: FontSpec) -> Double {
        let key = LabelKey(text: text, size: font.size, bold: font.bold)
        if let w = labelWidths[key] { return w }
        let w = singleLineWidth(text, font: font)
        labelWidths[key] = w
        return w
    }
}

struct LabelKey: Hashable { var text: String; var size: Double; var bold: Bool }
