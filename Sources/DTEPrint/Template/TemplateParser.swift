import Foundation
import DTECore
import Yams

/// Reads the YAML of a template into a ``PrintTemplate``, key by key, so that every error names
/// the file, the key, the bad value and what is allowed. Unknown keys are errors (typos would
/// otherwise be silently ignored).
struct TemplateParser {
    let source: String
    let baseDirectory: URL?

    private func fail(_ key: String, _ value: String? = nil, _ reason: String) -> TemplateError {
        TemplateError(source: source, key: key, value: value, reason: reason)
    }

    /// The placeholders footer / observation texts may use.
    static let placeholders: Set<String> = [
        "emisor.razon_social", "emisor.rut", "emisor.giro", "emisor.correo", "emisor.email", "emisor.telefono",
        "emisor.direccion", "emisor.comuna", "emisor.ciudad", "emisor.sucursal",
        "documento.tipo", "documento.folio", "documento.fecha",
        "receptor.razon_social", "receptor.rut",
    ]

    /// Parses on a thread with a large stack (``YAMLBounds/onLargeStack(_:)``): Yams recurses per
    /// nesting level, and the text scan before it is a bound, not a proof.
    func parse(_ yaml: String) throws(TemplateError) -> PrintTemplate {
        let parser = self
        return try YAMLBounds.onLargeStack { () throws(TemplateError) -> PrintTemplate in try parser.parseHere(yaml) }
    }

    private func parseHere(_ yaml: String) throws(TemplateError) -> PrintTemplate {
        let root: Node
        // Bounds first: Yams recurses per nesting level, and a deep enough text crashes it.
        if let problem = YAMLBounds.problem(in: yaml) { throw fail("", nil, problem) }
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw fail("", nil, "the template is empty") }
            root = node
        } catch let e as TemplateError {
            throw e
        } catch {
            throw fail("", nil, "not valid YAML: \(error)")
        }
        let top = try mapping(root, key: "")
        try allowOnly(top, key: "", ["name", "paper", "margins", "font", "colors", "recuadro", "logo", "columns",
                                      "texts", "copies", "sii", "certification", "document_types"])
        let paperText = try string(top["paper"], key: "paper") ?? "letter"
        guard let paper = PrintTemplate.Paper(rawValue: paperText) else {
            throw fail("paper", paperText, "allowed: \(PrintTemplate.Paper.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let defaultName = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        var template = PrintTemplate.defaults(paper: paper, name: try string(top["name"], key: "name") ?? defaultName, source: source)

        if let node = top["margins"] { try parseMargins(node, into: &template) }
        if let node = top["font"] { try parseFont(node, into: &template) }
        if let node = top["colors"] { try parseColors(node, into: &template) }
        if let node = top["recuadro"] { try parseRecuadro(node, into: &template) }
        if let node = top["logo"] { try parseLogo(node, into: &template) }
        if let node = top["columns"] { try parseColumns(node, into: &template) }
        if let node = top["texts"] { try parseTexts(node, into: &template) }
        if let node = top["copies"] { try parseCopies(node, into: &template) }
        if let node = top["sii"] { try parseSII(node, into: &template) }
        if let node = top["certification"] { try parseCertification(node, into: &template) }
        if let node = top["document_types"] { try parseDocumentTypes(node, into: &template) }
        try applyRollLimits(&template)
        return template
    }

    /// `margins`: one number for all four, or top/right/bottom/left (cm).
    private func parseMargins(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        if case .scalar = node {
            let v = try number(node, key: "margins")
            template.margins = .init(top: v, right: v, bottom: v, left: v)
        } else {
            let mm = try mapping(node, key: "margins")
            try allowOnly(mm, key: "margins", ["top", "right", "bottom", "left"])
            template.margins.top = try number(mm["top"], key: "margins.top") ?? template.margins.top
            template.margins.right = try number(mm["right"], key: "margins.right") ?? template.margins.right
            template.margins.bottom = try number(mm["bottom"], key: "margins.bottom") ?? template.margins.bottom
            template.margins.left = try number(mm["left"], key: "margins.left") ?? template.margins.left
        }
    }

    /// `font`: an installed family and the sizes (pt).
    private func parseFont(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let fm = try mapping(node, key: "font")
        try allowOnly(fm, key: "font", ["family", "body", "heading", "recuadro", "legend"])
        if let family = try string(fm["family"], key: "font.family") {
            guard !family.isEmpty, family.count <= 64,
                  family.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) else {
                throw fail("font.family", family, "a font family name (letters, digits, spaces, '-')")
            }
            // Pango would fall back to another font without a word: the printout would not
            // look as designed, and its widths (recuadro, columns) would differ.
            guard InstalledFonts.has(family) else {
                throw fail("font.family", family, "no font family of that name is installed (installed here: \(InstalledFonts.examples()), …)")
            }
            template.fonts.family = family
        }
        template.fonts.body = try number(fm["body"], key: "font.body", range: 5...14) ?? template.fonts.body
        template.fonts.heading = try number(fm["heading"], key: "font.heading", range: 6...20) ?? template.fonts.heading
        template.fonts.recuadro = try number(fm["recuadro"], key: "font.recuadro", range: 6...16) ?? template.fonts.recuadro
        template.fonts.legend = try number(fm["legend"], key: "font.legend", range: 4...12) ?? template.fonts.legend
    }

    /// `colors`: the recuadro (red or black, never green) and the accent.
    private func parseColors(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let cm = try mapping(node, key: "colors")
        try allowOnly(cm, key: "colors", ["recuadro", "accent"])
        if let r = try string(cm["recuadro"], key: "colors.recuadro") {
            guard let color = PrintTemplate.RecuadroColor(rawValue: r.lowercased()) else {
                let why = r.lowercased().contains("green") || r.lowercased().contains("verde")
                    ? "the SII forbids a green recuadro; allowed: red, black" : "allowed: red, black"
                throw fail("colors.recuadro", r, why)
            }
            template.recuadroColor = color
        }
        if let a = try string(cm["accent"], key: "colors.accent") {
            guard let rgb = TemplateParser.color(a) else {
                throw fail("colors.accent", a, "a colour as #RRGGBB or one of: black, gray, navy, blue, red, maroon, teal")
            }
            template.accent = rgb
        }
    }

    /// `recuadro`: width (cm) and rule (mm).
    private func parseRecuadro(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let rm = try mapping(node, key: "recuadro")
        try allowOnly(rm, key: "recuadro", ["width_cm", "rule_mm"])
        template.recuadroWidth = try number(rm["width_cm"], key: "recuadro.width_cm", range: 3...12) ?? template.recuadroWidth
        template.recuadroRule = try number(rm["rule_mm"], key: "recuadro.rule_mm", range: 0.1...3) ?? template.recuadroRule
    }

    /// `logo`: file (relative to the template), position, maximum size, embedding.
    private func parseLogo(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let lm = try mapping(node, key: "logo")
        try allowOnly(lm, key: "logo", ["file", "position", "max_width_cm", "max_height_cm", "embed"])
        if let file = try string(lm["file"], key: "logo.file") {
            let base: URL = baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let url: URL = file.hasPrefix("/") ? URL(fileURLWithPath: file) : base.appendingPathComponent(file)
            template.logo.file = url.standardizedFileURL
        }
        if let p = try string(lm["position"], key: "logo.position") {
            guard let pos = PrintTemplate.LogoPosition(rawValue: p) else {
                throw fail("logo.position", p, "allowed: left, top, center")
            }
            template.logo.position = pos
        }
        template.logo.maxWidth = try number(lm["max_width_cm"], key: "logo.max_width_cm", range: 0.5...20) ?? template.logo.maxWidth
        template.logo.maxHeight = try number(lm["max_height_cm"], key: "logo.max_height_cm", range: 0.5...20) ?? template.logo.maxHeight
        if let e = try string(lm["embed"], key: "logo.embed") {
            guard let mode = PrintTemplate.LogoEmbeddingMode(rawValue: e) else { throw fail("logo.embed", e, "allowed: jpeg, lossless") }
            template.logo.embedding = mode
        }
    }

    /// `columns`: the detail table's optional columns and price decimals.
    private func parseColumns(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let cm = try mapping(node, key: "columns")
        try allowOnly(cm, key: "columns", ["codigo", "unidad", "descuento", "precio_decimals"])
        template.columns.codigo = try bool(cm["codigo"], key: "columns.codigo") ?? template.columns.codigo
        template.columns.unidad = try bool(cm["unidad"], key: "columns.unidad") ?? template.columns.unidad
        template.columns.descuento = try bool(cm["descuento"], key: "columns.descuento") ?? template.columns.descuento
        if let d = try number(cm["precio_decimals"], key: "columns.precio_decimals", range: 0...4) {
            guard d == d.rounded() else { throw fail("columns.precio_decimals", String(d), "a whole number 0…4") }
            template.columns.precioDecimals = Int(d)
        }
    }

    /// `texts`: observations and footer (placeholders checked).
    private func parseTexts(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let xm = try mapping(node, key: "texts")
        try allowOnly(xm, key: "texts", ["observations", "footer"])
        template.observations = try placeholderText(xm["observations"], key: "texts.observations")
        template.footer = try placeholderText(xm["footer"], key: "texts.footer")
    }

    /// `copies`: how many tributaria and cedible copies.
    private func parseCopies(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let cm = try mapping(node, key: "copies")
        try allowOnly(cm, key: "copies", ["tributaria", "cedible"])
        template.copies.tributaria = try integer(cm["tributaria"], key: "copies.tributaria", range: 0...5) ?? template.copies.tributaria
        template.copies.cedible = try integer(cm["cedible"], key: "copies.cedible", range: 0...5) ?? template.copies.cedible
    }

    /// `sii`: the SII unit and the resolution (number, date or year).
    private func parseSII(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let sm = try mapping(node, key: "sii")
        try allowOnly(sm, key: "sii", ["unit", "resolution_number", "resolution_date", "resolution_year"])
        if let unit = try string(sm["unit"], key: "sii.unit") {
            guard !unit.isEmpty, unit.count <= 60 else { throw fail("sii.unit", unit, "the SII unit, e.g. SANTIAGO ORIENTE (1…60 characters)") }
            template.siiUnit = unit.uppercased()
        }
        template.resolutionNumber = try integer(sm["resolution_number"], key: "sii.resolution_number", range: 0...999_999) ?? template.resolutionNumber
        if let d = try string(sm["resolution_date"], key: "sii.resolution_date") {
            let parts = d.split(separator: "-")
            guard parts.count == 3, let y = Int(parts[0]), (2000...2100).contains(y) else {
                throw fail("sii.resolution_date", d, "a date AAAA-MM-DD (year 2000…2100)")
            }
            template.resolutionYear = y
        }
        template.resolutionYear = try integer(sm["resolution_year"], key: "sii.resolution_year", range: 2000...2100) ?? template.resolutionYear
    }

    /// `certification`: one-page printouts.
    private func parseCertification(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        let cm = try mapping(node, key: "certification")
        try allowOnly(cm, key: "certification", ["one_page"])
        template.onePage = try bool(cm["one_page"], key: "certification.one_page") ?? false
    }

    /// `document_types`: the TipoDTE codes the template prints.
    private func parseDocumentTypes(_ node: Node, into template: inout PrintTemplate) throws(TemplateError) {
        guard case let .sequence(seq) = node else { throw fail("document_types", nil, "a list of TipoDTE codes, e.g. [39, 41]") }
        var types: [Int] = []
        for (i, n) in seq.enumerated() {
            guard let v = try integer(n, key: "document_types[\(i)]", range: 1...999) else { continue }
            guard DocumentTypeCodes.all.contains(v) else {
                throw fail("document_types[\(i)]", String(v), "allowed: \(DocumentTypeCodes.all.map(String.init).joined(separator: ", "))")
            }
            types.append(v)
        }
        template.documentTypes = types
    }

    /// 57 mm rolls print boletas only (39, 41): DTEs need paper ≥ 7.5 cm wide (MMI 1.1.1).
    private func applyRollLimits(_ template: inout PrintTemplate) throws(TemplateError) {
        guard template.paper == .roll57 else { return }
        let boletas = [39, 41]
        if let types = template.documentTypes, !types.allSatisfy(boletas.contains) {
            throw fail("document_types", types.map(String.init).joined(separator: ", "),
                       "57 mm rolls may print boletas only (39, 41); DTEs need paper ≥ 7.5 cm wide")
        }
        template.documentTypes = template.documentTypes ?? boletas
    }

    // MARK: node helpers

    private func mapping(_ node: Node, key: String) throws(TemplateError) -> [String: Node] {
        guard case let .mapping(m) = node else { throw fail(key, node.string, "expected a mapping (key: value lines)") }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let ks = k.string else { throw fail(key, nil, "a key that is not text") }
            // YAML forbids a key twice in one mapping; Yams keeps both and the last would win silently.
            guard out[ks] == nil else { throw fail(key.isEmpty ? ks : key + "." + ks, nil, "the key appears twice") }
            out[ks] = v
        }
        return out
    }

    private func allowOnly(_ m: [String: Node], key: String, _ allowed: [String]) throws(TemplateError) {
        for k in m.keys.sorted() where !allowed.contains(k) {
            let path: String = key.isEmpty ? k : key + "." + k
            throw fail(path, nil, "unknown key; allowed here: \(allowed.joined(separator: ", "))")
        }
    }

    private func string(_ node: Node?, key: String) throws(TemplateError) -> String? {
        guard let node else { return nil }
        guard case let .scalar(s) = node else { throw fail(key, nil, "expected a text value") }
        if s.string == "~" || s.string == "null" { return nil }
        return s.string
    }

    private func number(_ node: Node?, key: String, range: ClosedRange<Double>? = nil) throws(TemplateError) -> Double? {
        guard let node else { return nil }
        guard case let .scalar(s) = node, let v = Double(s.string.replacingOccurrences(of: ",", with: ".")), v.isFinite else {
            var why: String = "expected a number"
            if let range { why += " \(range.lowerBound)…\(range.upperBound)" }
            throw fail(key, node.string, why)
        }
        if let range, !range.contains(v) {
            throw fail(key, s.string, "out of range: allowed \(range.lowerBound)…\(range.upperBound)")
        }
        return v
    }

    private func number(_ node: Node, key: String) throws(TemplateError) -> Double {
        guard let v = try number(Optional(node), key: key) else { throw fail(key, nil, "expected a number") }
        return v
    }

    private func integer(_ node: Node?, key: String, range: ClosedRange<Int>) throws(TemplateError) -> Int? {
        guard let node else { return nil }
        guard case let .scalar(s) = node, let v = Int(s.string) else {
            throw fail(key, node.string, "expected a whole number \(range.lowerBound)…\(range.upperBound)")
        }
        guard range.contains(v) else { throw fail(key, s.string, "out of range: allowed \(range.lowerBound)…\(range.upperBound)") }
        return v
    }

    private func bool(_ node: Node?, key: String) throws(TemplateError) -> Bool? {
        guard let node else { return nil }
        guard case let .scalar(s) = node else { throw fail(key, nil, "expected true or false") }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(key, s.string, "expected true or false")
        }
    }

    private func placeholderText(_ node: Node?, key: String) throws(TemplateError) -> String? {
        guard let text = try string(node, key: key) else { return nil }
        guard text.count <= 2000 else { throw fail(key, String(text.prefix(40)) + "…", "at most 2000 characters") }
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw fail(key, text, "a '{{' without its '}}'")
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard TemplateParser.placeholders.contains(name) else {
                throw fail(key, "{{\(name)}}", "unknown placeholder; allowed: \(TemplateParser.placeholders.sorted().map { "{{\($0)}}" }.joined(separator: ", "))")
            }
            rest = rest[close.upperBound...]
        }
        return text
    }

    static func color(_ text: String) -> PrintColor? {
        let named: [String: PrintColor] = [
            "black": .black, "gray": PrintColor(red: 0.4, green: 0.4, blue: 0.4), "grey": PrintColor(red: 0.4, green: 0.4, blue: 0.4),
            "navy": PrintColor(red: 0, green: 0, blue: 0.5), "blue": PrintColor(red: 0.1, green: 0.3, blue: 0.7),
            "red": .siiRed, "maroon": PrintColor(red: 0.5, green: 0, blue: 0), "teal": PrintColor(red: 0, green: 0.5, blue: 0.5),
        ]
        if let c = named[text.lowercased()] { return c }
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : ""
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
        let r: UInt32 = (v >> 16) & 0xFF
        let g: UInt32 = (v >> 8) & 0xFF
        let b: UInt32 = v & 0xFF
        return PrintColor(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255)
    }
}

enum DocumentTypeCodes {
    static let all = [33, 34, 39, 41, 43, 46, 52, 56, 61, 110, 111, 112]
}
