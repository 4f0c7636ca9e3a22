import CCairo
import Foundation

/// A font map, a Pango context and the `PangoLayout`s text is shaped in, private to one thread at
/// a time.
///
/// Pango font maps are not thread-safe (pango keeps one default map per thread for that reason):
/// each ``TextEngine`` owns its own `PangoCairoFontMap`, and ``TextEnginePool`` lends an engine
/// to one render call at a time. Metrics are unhinted so that measurements
/// are the same for the PDF and for PNG previews at any DPI.
///
/// Shaping (HarfBuzz via Pango) is the largest cost of a page, so text is shaped once: the layout
/// a run was measured in is kept until the document is drawn, and drawing shows that same layout
/// instead of laying the text out again. Constant labels keep their shaped layouts across
/// documents. Both caches are bounded; past the bound text is shaped again in a scratch layout,
/// which gives the same result, only slower.
final class TextEngine {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    /// The scratch layout for text that is not cached.
    private let scratch: OpaquePointer
    private let attributes: OpaquePointer
    let family: String
    private var fonts: [FontKey: FontDescription] = [:]
    private var lineHeights: [FontKey: Double] = [:]
    private var labelWidths: [ShapedKey: Double] = [:]
    /// Layouts shaped while laying out the current document, by what they hold.
    private var shaped: [ShapedKey: OpaquePointer] = [:]
    /// Shaped constant labels, kept across documents.
    private var labels: [ShapedKey: OpaquePointer] = [:]
    /// Layouts free for reuse.
    private var spare: [OpaquePointer] = []

    static let documentCacheLimit = 4096
    static let labelCacheLimit = 512
    static let spareLimit = 512

    struct FontKey: Hashable { var size: Double; var bold: Bool }

    /// What a layout holds: text, font, wrapping width (`-1`: one line) and alignment.
    struct ShapedKey: Hashable {
        var text: String
        var font: FontSpec
        var width: Double
        var alignment: TextAlignment

        init(_ text: String, _ font: FontSpec, width: Double?, alignment: TextAlignment) {
            self.text = text
            self.font = font
            self.width = width ?? -1
            // One unwrapped line has nothing to align against.
            self.alignment = width == nil ? .left : alignment
        }
    }

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
        // No ligatures: "fi"/"fl" glyphs fall outside WinAnsi and would make cairo embed a third
        // (CID) font subset in every PDF; plain glyphs keep two small subsets.
        attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_font_features_new("liga=0, clig=0, dlig=0"))
        scratch = pango_layout_new(context)
        pango_layout_set_wrap(scratch, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_attributes(scratch, attributes)
    }

    deinit {
        for l in shaped.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        for l in labels.values { g_object_unref(UnsafeMutableRawPointer(l)) }
        for l in spare { g_object_unref(UnsafeMutableRawPointer(l)) }
        fonts.removeAll()
        g_object_unref(UnsafeMutableRawPointer(scratch))
        pango_attr_list_unref(attributes)
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

    private func configure(_ layout: OpaquePointer, _ key: ShapedKey) {
        pango_layout_set_font_description(layout, font(key.font))
        if key.width >= 0 {
            pango_layout_set_width(layout, Int32(max(1, (key.width * Double(PANGO_SCALE)).rounded(.down))))
        } else {
            pango_layout_set_width(layout, -1)
        }
        switch key.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, key.text, -1)
    }

    private func freshLayout() -> OpaquePointer {
        if let l = spare.popLast() { return l }
        let l = pango_layout_new(context)!
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_attributes(l, attributes)
        return l
    }

    /// The layout holding `key`, shaped once per document (constant labels: once per engine).
    private func layout(for key: ShapedKey, label: Bool) -> OpaquePointer {
        if let l = shaped[key] ?? labels[key] { return l }
        if label, labels.count < Self.labelCacheLimit {
            let l = freshLayout()
            configure(l, key)
            labels[key] = l
            return l
        }
        if shaped.count < Self.documentCacheLimit {
            let l = freshLayout()
            configure(l, key)
            shaped[key] = l
            return l
        }
        configure(scratch, key)
        return scratch
    }

    private func size(of layout: OpaquePointer) -> (width: Double, height: Double) {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return (Double(w) / Double(PANGO_SCALE), Double(h) / Double(PANGO_SCALE))
    }

    /// Forgets the current document's layouts (kept for reuse). Called when a render ends.
    func endDocument() {
        for l in shaped.values {
            if spare.count < Self.spareLimit {
                pango_layout_set_text(l, "", 0)     // drop the document's text and lines now
                spare.append(l)
            } else {
                g_object_unref(UnsafeMutableRawPointer(l))
            }
        }
        shaped.removeAll(keepingCapacity: true)
    }

    func measure(_ text: String, font: FontSpec, width: Double?, alignment: TextAlignment = .left) -> (width: Double, height: Double) {
        size(of: layout(for: ShapedKey(text, font, width: width, alignment: alignment), label: false))
    }

    /// The height of one line of `font` (cached).
    func lineHeight(_ spec: FontSpec) -> Double {
        let key = FontKey(size: spec.size, bold: spec.bold)
        if let h = lineHeights[key] { return h }
        configure(scratch, ShapedKey("ÁgjÑ", spec, width: nil, alignment: .left))
        let h = size(of: scratch).height
        lineHeights[key] = h
        return h
    }

    /// Draws `run` with its frame's top-left corner at the current origin, from the layout it
    /// was measured in when there is one.
    func draw(_ run: TextRun, on cr: OpaquePointer) {
        let key = ShapedKey(run.text, run.font, width: run.wraps ? run.frame.width : nil, alignment: run.alignment)
        cairo_move_to(cr, run.frame.x, run.frame.y)
        pango_cairo_show_layout(cr, layout(for: key, label: false))
    }
}

extension TextEngine: TextMeasuring {
    func wrappedHeight(_ text: String, font: FontSpec, width: Double, alignment: TextAlignment) -> Double {
        measure(text, font: font, width: width, alignment: alignment).height
    }
    func singleLineWidth(_ text: String, font: FontSpec) -> Double {
        measure(text, font: font, width: nil).width
    }
    func labelWidth(_ text: String, font: FontSpec) -> Double {
        let key = ShapedKey(text, font, width: nil, alignment: .left)
        if let w = labelWidths[key] { return w }
        let w = size(of: layout(for: key, label: true)).width
        if labelWidths.count < Self.labelCacheLimit { labelWidths[key] = w }   // bounded, like the layouts
        return w
    }
}
