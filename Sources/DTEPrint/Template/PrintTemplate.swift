import DTECore
import Foundation

/// A printout format: paper, margins, fonts, colours, logo placement, optional columns, texts,
/// copies and the SII data printed on every document (resolution, SII unit).
///
/// Templates are YAML files (schema in `docs/printout.md`); ``load(contentsOf:)`` checks every
/// key and value and refuses a template whose layout would break the SII's printout rules.
public struct PrintTemplate: Sendable, Hashable {
    /// Paper kinds. Sheets have fixed sizes; rolls are continuous paper whose page grows to fit.
    public enum Paper: String, Sendable, Hashable, CaseIterable {
        /// `letter`: US letter, 612 × 792 pt (21.59 × 27.94 cm).
        case letter
        /// `oficio`: 612 × 936 pt (21.59 × 33.02 cm).
        case oficio
        /// `roll-80`: an 80 mm thermal roll (8.0 cm printable width).
        case roll80 = "roll-80"
        /// `roll-75`: a 75 mm roll (7.5 cm).
        case roll75 = "roll-75"
        /// `roll-57`: a 57 mm roll (5.7 cm); boletas (39, 41) only.
        case roll57 = "roll-57"

        /// Width in points.
        public var width: Double {
            switch self {
            case .letter, .oficio: return 612
            case .roll80: return Units.cm(8.0)
            case .roll75: return Units.cm(7.5)
            case .roll57: return Units.cm(5.7)
            }
        }
        /// Height in points; `nil` for rolls (content decides).
        public var height: Double? {
            switch self {
            case .letter: return 792
            case .oficio: return 936
            default: return nil
            }
        }
        /// Whether the paper is a continuous roll (no fixed height).
        public var isRoll: Bool { height == nil }
    }

    /// The recuadro's colour (`colors.recuadro`): the SII allows red or black, never green.
    public enum RecuadroColor: String, Sendable, Hashable, CaseIterable {
        /// The SII's red.
        case red
        /// Black.
        case black
    }
    /// Where the logo goes (`logo.position`).
    public enum LogoPosition: String, Sendable, Hashable, CaseIterable {
        /// Left of the emisor's data (sheets' default).
        case left
        /// Above the emisor's data.
        case top
        /// Centred above everything (rolls' default).
        case center
    }
    /// How the logo is embedded in the PDF (`logo.embed`).
    public enum LogoEmbeddingMode: String, Sendable, Hashable, CaseIterable {
        /// As JPEG: a JPEG file as it is (a CMYK one re-encoded as RGB), a PNG compressed to JPEG (quality 85).
        case jpeg
        /// A PNG logo as its decoded pixels, without loss (a JPEG logo is still embedded as it is).
        case lossless
    }

    /// Margins in centimetres (`margins`, 0.5…5).
    public struct Margins: Sendable, Hashable {
        /// Top margin (cm).
        public var top: Double
        /// Right margin (cm).
        public var right: Double
        /// Bottom margin (cm).
        public var bottom: Double
        /// Left margin (cm).
        public var left: Double
    }
    /// Font family and sizes (`font.*`).
    public struct Fonts: Sendable, Hashable {
        /// An installed font family (fontconfig) or a generic name (`Sans`, `Serif`, `Monospace`).
        public var family: String
        /// Body text size (pt).
        public var body: Double
        /// The emisor's razón social (pt).
        public var heading: Double
        /// Text inside the recuadro (pt, ≥ 10, bold).
        public var recuadro: Double
        /// The timbre legends (pt, ≥ 6).
        public var legend: Double
    }
    /// Logo file, placement and size (`logo.*`).
    public struct LogoSettings: Sendable, Hashable {
        /// A logo file named by the template (relative paths resolve against the template's folder).
        public var file: URL?
        /// Where the logo goes.
        public var position: LogoPosition
        /// The largest width the logo is scaled to (cm; at most 1/5 of the page).
        public var maxWidth: Double
        /// The largest height the logo is scaled to (cm; at most 1/5 of the page).
        public var maxHeight: Double
        /// How the logo is embedded in the PDF.
        public var embedding: LogoEmbeddingMode
    }
    /// Optional columns of the detail table (`columns.*`).
    public struct Columns: Sendable, Hashable {
        /// Whether the item code (`CdgItem`) column is printed.
        public var codigo: Bool
        /// Whether the unit (`UnmdItem`) column is printed.
        public var unidad: Bool
        /// Whether the discount/surcharge column is printed.
        public var descuento: Bool
        /// Decimals printed for the unit price (0…4; CLP documents normally 0).
        public var precioDecimals: Int
    }
    /// How many copies of each kind `render` makes by default (`copies.*`, 0…5 each).
    public struct Copies: Sendable, Hashable {
        /// Copies of the tax copy (the one every document prints).
        public var tributaria: Int
        /// Cedible copies (only for documents that allow one, see ``DTEDocument/allowsCedibleCopy``).
        public var cedible: Int
    }

    /// The template's name (`name`; defaults to the file name).
    public var name: String
    /// The file the template came from.
    public var source: String
    /// The paper (`paper`).
    public var paper: Paper
    /// The margins (`margins`).
    public var margins: Margins
    /// Font family and sizes (`font.*`).
    public var fonts: Fonts
    /// The recuadro's colour (`colors.recuadro`).
    public var recuadroColor: RecuadroColor
    /// Recuadro width (cm, 5.5…8 on sheets) and rule (mm, 0.5…1).
    public var recuadroWidth: Double
    /// The recuadro's rule thickness (mm, 0.5…1; `recuadro.rule_mm`).
    public var recuadroRule: Double
    /// Accent colour (headings, rules), RGB components 0…1 (`colors.accent`).
    public var accent: PrintColor
    /// Logo file, placement and size (`logo.*`).
    public var logo: LogoSettings
    /// Optional columns of the detail table (`columns.*`).
    public var columns: Columns
    /// Text printed under the detail (`texts.observations`), with `{{…}}` placeholders; `nil`: none.
    public var observations: String?
    /// Text printed at the foot of the page (`texts.footer`), with `{{…}}` placeholders; `nil`: none.
    public var footer: String?
    /// Default copies (`copies.*`).
    public var copies: Copies
    /// The SII unit printed under the recuadro as `S.I.I. - <UNIT>` (`sii.unit`).
    public var siiUnit: String
    /// The SII resolution number printed as `Res. N de AAAA` (`sii.resolution_number`).
    public var resolutionNumber: Int
    /// The resolution's year (`sii.resolution_date` or `sii.resolution_year`).
    public var resolutionYear: Int
    /// Certification option: the document must fit on one page (sheets).
    public var onePage: Bool
    /// Document types the template may print (`nil`: all). 57 mm rolls: boletas (39, 41) only.
    public var documentTypes: [Int]?

    /// The template named `name` in `directory` (`"carta"` → `directory/carta.yaml`), or a path.
    public static func named(_ name: String, in directory: URL) throws(TemplateError) -> PrintTemplate {
        if name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            return try load(contentsOf: URL(fileURLWithPath: name))
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !name.isEmpty else {
            throw TemplateError(source: name, key: "", value: name, reason: "a template name has only letters, digits, '-' and '_'")
        }
        let url = directory.appendingPathComponent(name + ".yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw TemplateError(source: url.path, key: "", value: name,
                                reason: "no such template (available in \(directory.path): \(known.joined(separator: ", ")))")
        }
        return try load(contentsOf: url)
    }

    /// Loads and checks a template file.
    public static func load(contentsOf url: URL) throws(TemplateError) -> PrintTemplate {
        let text: String
        switch BoundedFile.read(url, limit: YAMLBounds.maxBytes) {
        case .success(let data):
            guard let t = String(data: data, encoding: .utf8) else {
                throw TemplateError(source: url.path, key: "", reason: "cannot read the file as UTF-8 text")
            }
            text = t
        case .failure(let f):
            throw TemplateError(source: url.path, key: "", reason: "cannot read the file: \(f.reason)")
        }
        return try load(yaml: text, source: url.path, baseDirectory: url.deletingLastPathComponent())
    }

    /// Parses and checks a template; `source` names it in errors, `baseDirectory` resolves `logo.file`.
    public static func load(yaml: String, source: String, baseDirectory: URL?) throws(TemplateError) -> PrintTemplate {
        var t = try TemplateParser(source: source, baseDirectory: baseDirectory).parse(yaml)
        t.source = source
        try TemplateCheck.check(t)
        return t
    }

    /// The built-in defaults for a paper.
    static func defaults(paper: Paper, name: String, source: String) -> PrintTemplate {
        let roll: Bool = paper.isRoll
        let narrow: Bool = paper == .roll57
        let margin: Double = roll ? 0.5 : 1.0
        let margins = Margins(top: margin, right: margin, bottom: margin, left: margin)
        var fonts = Fonts(family: "DejaVu Sans", body: 8, heading: 11, recuadro: 11, legend: 7)
        if roll { fonts.heading = 10; fonts.recuadro = 10 }
        if narrow { fonts.body = 7; fonts.heading = 9; fonts.legend = 6 }
        var recuadroWidth: Double = 7.0
        if roll { recuadroWidth = 6.0 }
        if narrow { recuadroWidth = 4.7 }
        let logo = LogoSettings(file: nil, position: roll ? .center : .left, maxWidth: roll ? 4.0 : 4.5,
                                maxHeight: roll ? 2.0 : 2.5, embedding: .jpeg)
        let columns = Columns(codigo: !roll, unidad: !roll, descuento: !roll, precioDecimals: 0)
        let types: [Int]? = narrow ? [39, 41] : nil
        return PrintTemplate(
            name: name, source: source, paper: paper, margins: margins, fonts: fonts,
            recuadroColor: .red, recuadroWidth: recuadroWidth, recuadroRule: 0.7,
            accent: PrintColor(red: 0.2, green: 0.2, blue: 0.2), logo: logo, columns: columns,
            observations: nil, footer: nil, copies: Copies(tributaria: 1, cedible: 0),
            siiUnit: "SANTIAGO CENTRO", resolutionNumber: 0, resolutionYear: 2014, onePage: false,
            documentTypes: types)
    }
}

/// A colour of the printout, as RGB components from 0 to 1.
public struct PrintColor: Sendable, Hashable {
    /// Red, 0…1.
    public var red: Double
    /// Green, 0…1.
    public var green: Double
    /// Blue, 0…1.
    public var blue: Double
    /// A colour from its components, each 0…1 (not checked).
    public init(red: Double, green: Double, blue: Double) { self.red = red; self.green = green; self.blue = blue }
    /// Black.
    public static let black = PrintColor(red: 0, green: 0, blue: 0)
    /// White.
    public static let white = PrintColor(red: 1, green: 1, blue: 1)
    /// The red of a red recuadro.
    public static let siiRed = PrintColor(red: 0.85, green: 0, blue: 0)
    /// Light gray (the detail table's header).
    public static let lightGray = PrintColor(red: 0.92, green: 0.92, blue: 0.92)

    /// Whether the colour reads as green (the SII forbids a green recuadro).
    var isGreenish: Bool { green > red + 0.15 && green > blue + 0.05 }
}

/// Unit conversions: the layout works in PostScript points.
enum Units {
    static let pointsPerCm = 72 / 2.54
    static func cm(_ v: Double) -> Double { v * pointsPerCm }
    static func mm(_ v: Double) -> Double { v * pointsPerCm / 10 }
    static func toCm(_ pt: Double) -> Double { pt / pointsPerCm }
    static func toMm(_ pt: Double) -> Double { pt / pointsPerCm * 10 }
}
