import DTECore
import Foundation

/// The blocks sheets and rolls share: recuadro, emisor, acuse de recibo, timbre with its legends,
/// page numbers and footer. Each places its elements and returns its bottom or its height.
extension LayoutRun {
    /// The recuadro with its three lines, and "S.I.I. - UNIDAD" below (MMI 1.1.4). Returns its bottom.
    mutating func recuadro(x: Double, y: Double, width: Double) -> Double {
        let rule = Units.mm(template.recuadroRule)
        let pad = 5.0 + rule
        let inner = width - 2 * pad
        let font = fonts.recuadro
        let color = engine.recuadroColor
        let lines = content.recuadroLines
        var lineY = y + pad
        for (index, line) in lines.enumerated() {
            let height = place.text(line, font, x: x + pad, y: lineY, width: inner, align: .center, color: color, role: .recuadro)
            lineY += index < lines.count - 1 ? height + 3 : height
        }
        let height = max(Units.cm(SIIPrintRules.recuadroHeightCm.lowerBound), lineY + pad - y)
        let box = Rect(x: x, y: y, width: width, height: height)
        // The rule is stroked inside the box so that its outer edge is the recuadro's size.
        place.box(Rect(x: x + rule / 2, y: y + rule / 2, width: width - rule, height: height - rule), stroke: color, lineWidth: rule)
        place.facts.recuadro = box
        place.facts.recuadroRule = rule
        place.facts.recuadroColor = color
        place.facts.recuadroTextSizes = [(font.size, font.bold)]
        let unitHeight = place.text(content.siiUnitLine, fonts.siiUnit, x: x, y: box.maxY + 4, width: width, align: .center,
                                    color: color, role: .siiUnit)
        return box.maxY + 4 + unitHeight
    }

    /// The emisor block (razón social highlighted, giro in full, casa matriz, sucursal, contact).
    /// Returns its bottom.
    mutating func emisor(x: Double, y: Double, width: Double) -> Double {
        let lines = content.emisorLines
        var lineY = y
        lineY += place.text(lines.razonSocial, fonts.heading, x: x, y: lineY, width: width, color: template.accent, role: .keyData) + 2
        lineY += place.text(lines.giro, fonts.body, x: x, y: lineY, width: width) + 1
        for line in [lines.casaMatriz, lines.sucursal, lines.contact].compactMap({ $0 }) {
            lineY += place.text(line, fonts.body, x: x, y: lineY, width: width) + 1
        }
        return lineY
    }

    /// The acuse de recibo box of cedible copies (MMI 1.4). Returns its height.
    mutating func acuse(x: Double, y: Double, width: Double) -> Double {
        typealias Acuse = DocumentContent.Acuse
        let pad = 5.0
        let inner = width - 2 * pad
        var lineY = y + pad
        lineY += place.text(Acuse.title, fonts.bodyBold, x: x + pad, y: lineY, width: inner, align: .center) + 5
        let line = measure.lineHeight(fonts.body) + 6
        let half = inner / 2
        place.text(Acuse.name, fonts.body, x: x + pad, y: lineY, width: inner)
        lineY += line
        place.text(Acuse.rut, fonts.body, x: x + pad, y: lineY, width: half - 2)
        place.text(Acuse.date, fonts.body, x: x + pad + half, y: lineY, width: half)
        lineY += line
        place.text(Acuse.place, fonts.body, x: x + pad, y: lineY, width: half - 2)
        place.text(Acuse.signature, fonts.body, x: x + pad + half, y: lineY, width: half)
        lineY += line
        lineY += place.text(SIIPrintRules.acuseText, fonts.small, x: x + pad, y: lineY, width: inner)
        let height = lineY + pad - y
        place.box(Rect(x: x, y: y, width: width, height: height), stroke: .black, lineWidth: 0.6)
        return height
    }

    /// The timbre at (x, y) (or centred in `centerIn`) with its quiet zone and legends below
    /// (MMI 1.5); returns the block's (width, height).
    mutating func timbreBlock(x: Double, y: Double, maxWidth: Double, centerIn: Rect? = nil) throws(PrintError) -> (Double, Double) {
        let (symbol, module) = try engine.timbre(ted, maxWidth: maxWidth)
        let width = Double(symbol.width) * module
        let height = Double(symbol.rows * symbol.rowHeight) * module
        let symbolX = centerIn.map { $0.x + ($0.width - width) / 2 } ?? x
        // Quiet zone above and below as well as on the sides: nothing else is drawn there.
        let quietZone = SIIPrintRules.timbreQuietZone
        let rect = Rect(x: symbolX, y: y + quietZone, width: width, height: height)
        place.elements.append(.barcode(rect, symbol))
        place.facts.timbre = rect
        place.facts.timbreModule = module
        place.facts.timbrePage = place.pages.count
        let legendWidth: Double = max(width, min(Units.cm(SIIPrintRules.timbreWidthCm.lowerBound), contentWidth))
        let legendX = symbolX + (width - legendWidth) / 2
        var lineY = rect.maxY + quietZone
        for (index, legend) in content.timbreLegends.enumerated() {
            let font = index == 0 ? fonts.legendBold : fonts.legend
            lineY += place.text(legend, font, x: legendX, y: lineY, width: legendWidth, align: .center, role: .legend)
        }
        place.facts.legendSizes = [fonts.legendBold.size, fonts.legend.size]
        return (width, lineY - y)
    }

    /// The height the footer (page number, the template's footer text) takes.
    var footerHeight: Double {
        let lineHeight = measure.lineHeight(fonts.small)
        guard let footer = content.footer, !footer.isEmpty else { return lineHeight + 4 }
        return max(lineHeight, measure.wrappedHeight(footer, font: fonts.small, width: contentWidth * 0.8, alignment: .left)) + 4
    }

    /// Adds "Página i de N" (right) and the template's footer (left) at `footerY` to every finished page.
    mutating func numberPages(footerY: Double, x: Double, width: Double) {
        let count = place.pages.count
        let footer = content.footer
        let font = fonts.small
        for index in place.pages.indices {
            let saved = place.elements
            place.elements = []
            let number = DocumentContent.pageNumber(index, of: count)
            let numberWidth = measure.singleLineWidth(number, font: font)
            let frame = Rect(x: x + width - numberWidth, y: footerY, width: numberWidth, height: measure.lineHeight(font))
            place.elements.append(.text(TextRun(text: number, font: font, frame: frame, alignment: .left, color: .black,
                                                wraps: false, role: .pageNumber)))
            if let footer, !footer.isEmpty {
                place.text(footer, font, x: x, y: footerY, width: max(20, width - numberWidth - 10), color: template.accent)
            }
            place.pages[index].elements += place.elements
            place.elements = saved
        }
    }
}
