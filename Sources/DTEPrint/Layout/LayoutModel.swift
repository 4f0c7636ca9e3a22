/// The measured layout of a printout: pure values (points, origin top-left), drawn the same way
/// to PDF and to PNG, and checked by the preflight.

struct Rect: Sendable, Hashable {
    var x, y, width, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
    func intersects(_ o: Rect) -> Bool {
        let h: Bool = x < o.maxX && o.x < maxX
        let v: Bool = y < o.maxY && o.y < maxY
        return h && v
    }
    func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
    func contains(_ o: Rect, tolerance: Double = 0.01) -> Bool {
        let left: Bool = o.x >= x - tolerance
        let top: Bool = o.y >= y - tolerance
        let right: Bool = o.maxX <= maxX + tolerance
        let bottom: Bool = o.maxY <= maxY + tolerance
        return left && top && right && bottom
    }
}

/// A font as the layout names it (the family comes from the template).
struct FontSpec: Sendable, Hashable {
    var size: Double
    var bold: Bool
}

enum TextAlignment: Sendable, Hashable { case left, center, right }

/// What a text run is, for the preflight and the tests.
enum TextRole: Sendable, Hashable {
    case plain, recuadro, siiUnit, legend, cedible, pageNumber, keyData
}

/// One block of text: drawn inside `frame.width` (wrapping) from `frame.origin`.
struct TextRun: Sendable, Hashable {
    var text: String
    var font: FontSpec
    var frame: Rect
    var alignment: TextAlignment
    var color: PrintColor
    /// `false`: a single line known to fit (no width set, no wrapping).
    var wraps: Bool
    var role: TextRole
}

enum LayoutElement: Sendable, Hashable {
    case text(TextRun)
    /// A straight line.
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: PrintColor)
    /// A rectangle, stroked and/or filled.
    case rect(Rect, stroke: PrintColor?, lineWidth: Double, fill: PrintColor?)
    /// The logo, scaled into the rectangle.
    case logo(Rect)
    /// The PDF417 timbre: the matrix drawn as an image mask scaled into the rectangle.
    case barcode(Rect, PDF417Symbol)
}

/// Geometry the preflight checks, recorded while laying out.
struct LayoutFacts: Sendable, Hashable {
    var recuadro: Rect?
    var recuadroRule: Double = 0
    var recuadroColor: PrintColor = .black
    var timbre: Rect?
    var timbreModule: Double = 0
    var timbrePage: Int = 0
    var logo: Rect?
    var legendSizes: [Double] = []
    var recuadroTextSizes: [(Double, Bool)] = []

    static func == (a: LayoutFacts, b: LayoutFacts) -> Bool {
        let r: Bool = a.recuadro == b.recuadro && a.timbre == b.timbre
        return r && a.logo == b.logo && a.timbreModule == b.timbreModule
    }
    func hash(into h: inout Hasher) { h.combine(recuadro); h.combine(timbre) }
}

struct PageLayout: Sendable, Hashable {
    var width: Double
    var height: Double
    var elements: [LayoutElement]
}

struct DocumentLayout: Sendable, Hashable {
    var pages: [PageLayout]
    var facts: LayoutFacts
    /// Margin in points the page's content keeps from every edge.
    var minimumMargin: Double
}
