import DTECore
import Foundation

/// Rolls (80, 75, 57 mm), MMI 1.1.7 "Formato Papel Continuo": one page as tall as its content:
/// logo, recuadro centred, emisor, receptor, conditions, transport, references, items, totals,
/// acuse (cedible copies), timbre, CEDIBLE, page number and footer.
extension LayoutRun {
    mutating func layOutRoll() throws(PrintError) -> DocumentLayout {
        var y = rollHeader()
        y = rollParties(y: y)
        y = rollReferences(y: y)
        y = rollItems(y: y)
        y = rollTotals(y: y)
        y = try rollBottom(y: y)
        let height = y + footerHeight + margins.bottom
        place.finishPage(width: template.paper.width, height: height)
        numberPages(footerY: y, x: margins.left, width: contentWidth)
        return result
    }

    /// Logo (left or centred), the recuadro centred, the emisor, a rule. Returns the y below.
    mutating func rollHeader() -> Double {
        let x = margins.left, width = contentWidth
        var y = margins.top
        if let (logoWidth, logoHeight) = engine.logoSize(maxWidth: min(Units.cm(template.logo.maxWidth), width),
                                                         maxHeight: Units.cm(template.logo.maxHeight)) {
            let centred: Double = x + (width - logoWidth) / 2
            let logoX: Double = template.logo.position == .left ? x : centred
            let rect = Rect(x: logoX, y: y, width: logoWidth, height: logoHeight)
            place.elements.append(.logo(rect))
            place.facts.logo = rect
            y += logoHeight + 6
        }
        let recuadroWidth = min(Units.cm(template.recuadroWidth), width)
        y = recuadro(x: (template.paper.width - recuadroWidth) / 2, y: y, width: recuadroWidth) + 8
        y = emisor(x: x, y: y, width: width) + 6
        place.hline(x, x + width, y, width: 0.4)
        y += 4
        return y
    }

    /// Receptor rows (not for boletas to the generic receptor), conditions, transport. Returns the y below.
    mutating func rollParties(y top: Double) -> Double {
        let x = margins.left, width = contentWidth
        var y = top
        if !content.isGenericBoletaReceptor {
            y += place.pairs(content.receptorRows, x: x, y: y, width: width) + 2
        }
        y += place.pairs(content.conditionRows, x: x, y: y, width: width) + 2
        let transport = content.transportRows
        if !transport.isEmpty { y += place.pairs(transport, x: x, y: y, width: width) + 2 }
        return y
    }

    /// "Referencias", one sentence each, if any. Returns the y below.
    mutating func rollReferences(y top: Double) -> Double {
        guard !document.referencias.isEmpty else { return top }
        let x = margins.left, width = contentWidth
        var y = top
        place.hline(x, x + width, y, width: 0.4)
        y += 3
        y += place.text("Referencias", fonts.bodyBold, x: x, y: y, width: width, color: template.accent) + 1
        for reference in document.referencias {
            y += place.text(content.referenceLine(reference), fonts.body, x: x, y: y, width: width, role: .keyData) + 1
        }
        return y
    }

    /// The items between two rules: name, description, then quantity × price left and amount right.
    /// Returns the y below.
    mutating func rollItems(y top: Double) -> Double {
        let x = margins.left, width = contentWidth
        var y = top
        place.hline(x, x + width, y, width: 0.6)
        y += 3
        for line in document.detalle {
            let item = content.rollItem(line)
            y += place.text(item.name, fonts.bodyBold, x: x, y: y, width: width, role: .keyData)
            if let description = item.description, !description.isEmpty {
                y += place.text(description, fonts.body, x: x, y: y, width: width)
            }
            let quantityHeight = place.text(item.quantityLine, fonts.body, x: x, y: y, width: width * 0.55, role: .keyData)
            let amountHeight = place.text(item.amount, fonts.body, x: x + width * 0.55, y: y, width: width * 0.45, align: .right,
                                          role: .keyData)
            y += max(quantityHeight, amountHeight, measure.lineHeight(fonts.body)) + 3
        }
        place.hline(x, x + width, y, width: 0.6)
        y += 3
        return y
    }

    /// The totals (label left, value right) and the template's observations. Returns the y below.
    mutating func rollTotals(y top: Double) -> Double {
        let x = margins.left, width = contentWidth
        var y = top
        for line in content.totalLines {
            let font = line.emphasized ? fonts.bodyBold : fonts.body
            let labelHeight = place.text(line.label, font, x: x, y: y, width: width * 0.55)
            let valueHeight = place.text(line.value, font, x: x + width * 0.55, y: y, width: width * 0.45, align: .right, role: .keyData)
            y += max(labelHeight, valueHeight) + 2
        }
        if let observations = content.observations, !observations.isEmpty {
            y += 4
            y += place.text(observations, fonts.small, x: x, y: y, width: width, color: template.accent)
        }
        y += 6
        return y
    }

    /// Acuse (cedible copies), the timbre and CEDIBLE. On 80 mm the timbre is ≥ 2 cm from the left
    /// edge (MMI 1.5); narrower rolls centre it in the printable width (``SIIPrintRules``'s
    /// narrow-roll deviation). Returns the y below.
    mutating func rollBottom(y top: Double) throws(PrintError) -> Double {
        let x = margins.left, width = contentWidth, paperWidth = template.paper.width
        var y = top
        if copy == .cedible {
            y += acuse(x: x, y: y, width: width) + 6
        }
        if template.paper == .roll80 {
            let timbreX = SIIPrintRules.timbreMinLeft
            let (_, height) = try timbreBlock(x: timbreX, y: y, maxWidth: paperWidth - timbreX - SIIPrintRules.timbreQuietZone)
            y += height
        } else {
            let border = SIIPrintRules.blankBorder
            let (_, height) = try timbreBlock(x: border, y: y, maxWidth: paperWidth - 2 * border,
                                              centerIn: Rect(x: 0, y: y, width: paperWidth, height: 0))
            y += height
        }
        if copy == .cedible {
            y += 6
            y += place.text(content.cedibleText, fonts.rollCedible, x: x, y: y, width: width, align: .right, role: .cedible)
        }
        y += 6
        return y
    }
}
