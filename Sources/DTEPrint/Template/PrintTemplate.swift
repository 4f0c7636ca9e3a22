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
        case letter, oficio
        case roll80 = "roll-80", roll75 = "roll-75", roll57 = "roll-57"

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
        public var isRoll: Bool { height == nil }
    }

    public enum RecuadroColor: String, Sendable, Hashable, CaseIterable { case red, black }
    public enum LogoPosition: String, Sendable, Hashable, CaseIterable { case left, top, center }
    public enum LogoEmbeddingMode: String, Sendable, Hashable, CaseIterable { case jpeg, lossless }

    /// Margins in centimetres.
    public struct Margins: Sendable, Hashable { public var top, right, bottom, left: Double }
    public struct Fonts: Sendable, Hashable {
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
    public struct LogoSettings: Sendable, Hashable {
        /// A logo file named by the template (relative paths resolve against the template's folder).
        public var file: URL?
        public var position: LogoPosition
        public var maxWidth: Double   // cm
        public var maxHeight: Double  // cm
        public var embedding: LogoEmbeddingMode
    }
    public struct Columns: Sendable, Hashable {
        public var codigo: Bool
        public var unidad: Bool
        public var descuento: Bool
        /// Decimals printed for the unit price (0…4; CLP documents normally 0).
        public var precioDecimals: Int
    }
    public struct Copies: Sendable, Hashable { public var tributaria: Int; public var cedible: Int }

    public var name: String
    /// The file the template came from.
    public var source: String
    public var paper: Paper
    public var margins: Margins
    public var fonts: Fonts
    public var recuadroColor: RecuadroColor
    /// Recuadro width (cm, 5.5…8 on sheets) and rule (mm, 0.5…1).
    public var recuadroWidth: Double
    public var recuadroRule: Double
    /// Accent colour (headings, rules): PrintColor 0…1.
    public var accent: PrintColor
    public var logo: LogoSettings
    public var columns: Columns
    public var observations: String?
    public var footer: String?
    public var copies: Copies
    public var siiUnit: String
    public var resolutionNumber: Int
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
    public var red, green, blue: Double
    public init(red: Double, green: Double, blue: Double) { self.red = red; self.green = green; self.blue = blue }
    public static let black = PrintColor(red: 0, green: 0, blue: 0)
    public static let white = PrintColor(red: 1, green: 1, blue: 1)
    public static let siiRed = PrintColor(red: 0.85, green: 0, blue: 0)
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
