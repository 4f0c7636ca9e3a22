import CCairo

/// The font families Pango can use on this machine (fontconfig's, through a Pango font map),
/// so a template naming a family that is not installed is refused when it is loaded instead of
/// printing silently in a fallback font.
enum InstalledFonts {
    /// Family names by their lower-cased form, read once.
    static let families: [String: String] = {
        guard let map = pango_cairo_font_map_new() else { return [:] }
        defer { g_object_unref(map) }
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>? = nil
        var count: Int32 = 0
        pango_font_map_list_families(map, &list, &count)
        guard let list else { return [:] }
        defer { g_free(list) }
        var names: [String: String] = [:]
        for i in 0..<Int(max(0, count)) {
            if let family = list[i], let name = pango_font_family_get_name(family) {
                let text = String(cString: name)
                names[text.lowercased()] = text
            }
        }
        return names
    }()

    /// Fontconfig's generic names, always resolvable.
    static let generic: Set<String> = ["sans", "sans-serif", "serif", "monospace", "system-ui"]

    /// Whether `family` is installed (case-insensitive) or a generic name. With no font list at
    /// all (fontconfig broken), nothing is refused here: rendering reports its own errors.
    static func has(_ family: String) -> Bool {
        let key = family.lowercased()
        return families.isEmpty || generic.contains(key) || families[key] != nil
    }

    /// A few installed families for an error message.
    static func examples(_ n: Int = 6) -> String {
        families.values.sorted().prefix(n).joined(separator: ", ")
    }
}
