import DTECore
import Foundation

/// The fonts a layout uses, from the template's sizes (the family is the text engine's).
struct LayoutFonts {
    let body: FontSpec
    let bodyBold: FontSpec
    /// Page numbers, footer, observations and the acuse's legal text.
    let small: FontSpec
    /// The emisor's razón social.
    let heading: FontSpec
    let recuadro: FontSpec
    let legend: FontSpec
    let legendBold: FontSpec
    /// "S.I.I. - UNIDAD" below the recuadro: one point over the body, at least 9 pt.
    let siiUnit: FontSpec
    /// "CEDIBLE" on sheets (at least 12 pt) and on rolls (at least 10 pt).
    let sheetCedible: FontSpec
    let rollCedible: FontSpec

    init(_ fonts: PrintTemplate.Fonts) {
        body = FontSpec(size: fonts.body, bold: false)
        bodyBold = FontSpec(size: fonts.body, bold: true)
        small = FontSpec(size: max(6, fonts.body - 1), bold: false)
        heading = FontSpec(size: fonts.heading, bold: true)
        recuadro = FontSpec(size: fonts.recuadro, bold: true)
        legend = FontSpec(size: fonts.legend, bold: false)
        legendBold = FontSpec(size: fonts.legend, bold: true)
        siiUnit = FontSpec(size: max(body.size + 1, 9), bold: true)
        sheetCedible = FontSpec(size: max(12, fonts.heading + 1), bold: true)
        rollCedible = FontSpec(size: max(10, fonts.heading), bold: true)
    }
}

/// The template's margins in points.
struct PageMargins {
    let top: Double
    let right: Double
    let bottom: Double
    let left: Double

    init(_ margins: PrintTemplate.Margins) {
        top = Units.cm(margins.top)
        right = Units.cm(margins.right)
        bottom = Units.cm(margins.bottom)
        left = Units.cm(margins.left)
    }
}

/// Places elements: the primitives every layout uses (wrapped text, one-line labels, rules,
/// label-value rows), the current page's elements, the finished pages and the facts the
/// preflight checks.
struct Placement {
    let measure: any TextMeasuring
    let fonts: LayoutFonts
    /// The template's accent colour: default for rules, titles and boxes.
    let accent: PrintColor
    /// The page being laid out.
    var elements: [LayoutElement] = []
    var pages: [PageLayout] = []
    var facts = LayoutFacts()

    /// Places wrapped text; returns its height (0 for empty text, which places nothing).
    @discardableResult
    mutating func text(_ string: String, _ font: FontSpec, x: Double, y: Double, width: Double,
                       align: TextAlignment = .left, color: PrintColor = .black, role: TextRole = .plain) -> Double {
        guard !string.isEmpty else { return 0 }
        let height = measure.wrappedHeight(string, font: font, width: width, alignment: align)
        elements.append(.text(TextRun(text: string, font: font, frame: Rect(x: x, y: y, width: width, height: height),
                                      alignment: align, color: color, wraps: true, role: role)))
        return height
    }

    /// A label known to fit on one line (its width is measured and cached once); returns its height.
    @discardableResult
    mutating func label(_ string: String, _ font: FontSpec, x: Double, y: Double, color: PrintColor = .black) -> Double {
        let width = measure.labelWidth(string, font: font)
        let height = measure.lineHeight(font)
        elements.append(.text(TextRun(text: string, font: font, frame: Rect(x: x, y: y, width: width, height: height),
                                      alignment: .left, color: color, wraps: false, role: .plain)))
        return height
    }

    /// A horizontal rule from `x1` to `x2` at `y` (the accent colour unless given).
    mutating func hline(_ x1: Double, _ x2: Double, _ y: Double, width: Double = 0.5, color: PrintColor? = nil) {
        elements.append(.line(x1: x1, y1: y, x2: x2, y2: y, width: width, color: color ?? accent))
    }

    /// A rectangle outline.
    mutating func box(_ rect: Rect, stroke: PrintColor, lineWidth: Double) {
        elements.append(.rect(rect, stroke: stroke, lineWidth: lineWidth, fill: nil))
    }

    /// Rows of "label value" pairs in a column; labels share one measured width (at most 45 %
    /// of the column; longer labels wrap). Returns the height.
    mutating func pairs(_ rows: [DocumentContent.Row], x: Double, y: Double, width: Double) -> Double {
        guard !rows.isEmpty else { return 0 }
        let labelFont = fonts.bodyBold, valueFont = fonts.body
        var widest: Double = 0
        for row in rows { widest = max(widest, measure.labelWidth(row.label, font: labelFont)) }
        let labelWidth: Double = min(width * 0.45, widest) + 4
        var rowY = y
        for row in rows {
            let fits: Bool = measure.labelWidth(row.label, font: labelFont) + 4 <= labelWidth
            let labelHeight: Double
            if fits {
                labelHeight = label(row.label, labelFont, x: x, y: rowY)
            } else {
                labelHeight = text(row.label, labelFont, x: x, y: rowY, width: labelWidth - 2)
            }
            let valueHeight = text(row.value, valueFont, x: x + labelWidth, y: rowY, width: max(10, width - labelWidth), role: .keyData)
            rowY += max(labelHeight, valueHeight) + 1.5
        }
        return rowY - y
    }

    /// Ends the current page.
    mutating func finishPage(width: Double, height: Double) {
        pages.append(PageLayout(width: width, height: height, elements: elements))
        elements = []
    }
}

extension LayoutElement {
    /// The element moved down by `dy`.
    func offsetBy(dy: Double) -> LayoutElement {
        switch self {
        case var .text(run): run.frame.y += dy; return .text(run)
        case let .line(x1, y1, x2, y2, width, color):
            return .line(x1: x1, y1: y1 + dy, x2: x2, y2: y2 + dy, width: width, color: color)
        case .rect(var rect, let stroke, let width, let fill): rect.y += dy; return .rect(rect, stroke: stroke, lineWidth: width, fill: fill)
        case var .logo(rect): rect.y += dy; return .logo(rect)
        case .barcode(var rect, let symbol): rect.y += dy; return .barcode(rect, symbol)
        }
    }
}
