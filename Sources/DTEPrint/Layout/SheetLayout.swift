import DTECore
import Foundation

/// A sheet's fixed geometry (letter, oficio), in points.
struct SheetFrame {
    let width: Double
    let height: Double
    /// The content's left edge and width.
    let contentLeft: Double
    let contentWidth: Double
    let footerHeight: Double
    /// Where content ends (the footer and a small gap below).
    let pageBottom: Double
}

/// The bottom zone of a sheet's last page (timbre left; acuse and CEDIBLE right), laid out at
/// y = 0 to know its height and moved to the bottom of the last page at the end.
struct SheetBottomZone {
    let elements: [LayoutElement]
    let height: Double
}

/// Sheets (letter, oficio), MMI 1.1.7 "Formato Hojas": emisor top left, recuadro top right,
/// receptor and conditions, transport, references, the detail table over as many pages as it
/// needs (header and recuadro repeated), totals, then timbre, acuse and CEDIBLE at the bottom of
/// the last page; "Página i de N" on every page.
extension LayoutRun {
    mutating func layOutSheets() throws(PrintError) -> DocumentLayout {
        let frame = sheetFrame()
        let zone = try sheetBottomZone(frame)
        var y = sheetHeader()
        y = sheetParties(y: y, frame)
        y = sheetTransport(y: y, frame)
        y = sheetReferences(y: y, frame)
        y = sheetDetail(y: y, frame)
        sheetTotals(y: y, frame, zoneHeight: zone.height)
        placeBottomZone(zone, frame)
        place.finishPage(width: frame.width, height: frame.height)
        numberPages(footerY: frame.height - margins.bottom - frame.footerHeight + 4, x: frame.contentLeft, width: frame.contentWidth)
        return result
    }

    func sheetFrame() -> SheetFrame {
        let height = template.paper.height ?? 792
        let footer = footerHeight
        return SheetFrame(width: template.paper.width, height: height, contentLeft: margins.left, contentWidth: contentWidth,
                          footerHeight: footer, pageBottom: height - margins.bottom - footer - 4)
    }

    /// Lays the bottom zone out at y = 0, apart from the page: timbre ≥ 2 cm from the left edge
    /// (MMI 1.5) and, on cedible copies, the acuse box and CEDIBLE on the right (MMI 1.1.7).
    mutating func sheetBottomZone(_ frame: SheetFrame) throws(PrintError) -> SheetBottomZone {
        let cedible = copy == .cedible
        let maxTimbreWidth = Units.cm(SIIPrintRules.timbreWidthCm.upperBound)
        let acuseWidth = cedible ? min(Units.cm(9), frame.contentWidth * 0.48) : 0
        // 2 cm from the edge plus 1 mm, so that rounding never brings it below the rule.
        let timbreX = max(Units.cm(2.1), frame.contentLeft + SIIPrintRules.timbreQuietZone)
        var timbreRight: Double = frame.width - margins.right
        if cedible { timbreRight -= acuseWidth + 12 }
        let timbreMax: Double = min(maxTimbreWidth, timbreRight - SIIPrintRules.timbreQuietZone - timbreX)
        let pageElements = place.elements
        place.elements = []
        let (_, timbreHeight) = try timbreBlock(x: timbreX, y: 0, maxWidth: timbreMax)
        var rightHeight = 0.0
        if cedible {
            let acuseX = frame.width - margins.right - acuseWidth
            rightHeight = acuse(x: acuseX, y: 0, width: acuseWidth)
            rightHeight += 4
            rightHeight += place.text(content.cedibleText, fonts.sheetCedible, x: acuseX, y: rightHeight, width: acuseWidth,
                                      align: .right, role: .cedible)
        }
        let zone = SheetBottomZone(elements: place.elements, height: max(timbreHeight, rightHeight))
        place.elements = pageElements
        return zone
    }

    /// Logo and emisor top left, recuadro top right (every page). Returns the bottom.
    mutating func sheetHeader() -> Double {
        let recuadroWidth = Units.cm(template.recuadroWidth)
        let recuadroX = template.paper.width - margins.right - recuadroWidth
        let recuadroBottom = recuadro(x: recuadroX, y: margins.top, width: recuadroWidth)
        var leftX = margins.left
        var leftY = margins.top
        let leftWidth = recuadroX - 14 - leftX
        let logo = template.logo
        let share: Double = logo.position == .left ? 0.45 : 1.0
        let logoMaxWidth: Double = min(Units.cm(logo.maxWidth), leftWidth * share)
        if let (width, height) = engine.logoSize(maxWidth: logoMaxWidth, maxHeight: Units.cm(logo.maxHeight)) {
            let centred: Double = leftX + (leftWidth - width) / 2
            let logoX: Double = logo.position == .center ? centred : leftX
            let rect = Rect(x: logoX, y: margins.top, width: width, height: height)
            place.elements.append(.logo(rect))
            place.facts.logo = rect
            if logo.position == .left { leftX += width + 10 } else { leftY += height + 6 }
        }
        let emisorBottom = emisor(x: leftX, y: leftY, width: recuadroX - 14 - leftX)
        let logoBottom = place.facts.logo.map { $0.maxY } ?? 0
        return max(recuadroBottom, emisorBottom, logoBottom) + 10
    }

    /// The receptor (left, 60 %) and the conditions (right) in one box; boletas to the generic
    /// receptor show only the conditions. Returns the y below.
    mutating func sheetParties(y top: Double, _ frame: SheetFrame) -> Double {
        let x = frame.contentLeft, contentWidth = frame.contentWidth
        let leftRows = content.isGenericBoletaReceptor ? [] : content.receptorRows
        var y = top
        let leftWidth: Double = leftRows.isEmpty ? 0 : contentWidth * 0.6
        let leftHeight = place.pairs(leftRows, x: x + 5, y: y + 5, width: leftWidth - 10)
        let gap: Double = leftRows.isEmpty ? 5 : 12
        let rightX: Double = x + leftWidth + gap
        let rightWidth: Double = contentWidth - leftWidth - gap - 5
        let rightHeight = place.pairs(content.conditionRows, x: rightX, y: y + 5, width: rightWidth)
        y += max(leftHeight, rightHeight) + 8
        place.box(Rect(x: x, y: top, width: contentWidth, height: y - top), stroke: template.accent, lineWidth: 0.5)
        y += 8
        return y
    }

    /// Transport / export data in two columns, if any. Returns the y below.
    mutating func sheetTransport(y top: Double, _ frame: SheetFrame) -> Double {
        let rows = content.transportRows
        guard !rows.isEmpty else { return top }
        let x = frame.contentLeft, contentWidth = frame.contentWidth
        var y = top
        y += place.text(content.transportTitle, fonts.bodyBold, x: x, y: y, width: contentWidth, color: template.accent) + 2
        let half = (rows.count + 1) / 2
        let leftHeight = place.pairs(Array(rows[..<half]), x: x, y: y, width: contentWidth / 2 - 6)
        let rightHeight = place.pairs(Array(rows[half...]), x: x + contentWidth / 2 + 6, y: y, width: contentWidth / 2 - 6)
        y += max(leftHeight, rightHeight) + 8
        return y
    }

    /// "Referencias a otros documentos": type in words, folio, date, reason (MMI 1.4). Returns the y below.
    mutating func sheetReferences(y top: Double, _ frame: SheetFrame) -> Double {
        guard !document.referencias.isEmpty else { return top }
        let x = frame.contentLeft, contentWidth = frame.contentWidth
        var y = top
        y += place.text("Referencias a otros documentos", fonts.bodyBold, x: x, y: y, width: contentWidth, color: template.accent) + 2
        let fractions: [Double] = [0.34, 0.16, 0.13, 0.37]
        let widths: [Double] = fractions.map { $0 * contentWidth }
        let titles = ["Tipo de documento", "Folio", "Fecha", "Razón referencia"]
        var cellX = x
        for (index, title) in titles.enumerated() {
            place.label(title, fonts.bodyBold, x: cellX + 3, y: y)
            cellX += widths[index]
        }
        y += measure.lineHeight(fonts.bodyBold) + 1
        place.hline(x, x + contentWidth, y, width: 0.4)
        y += 2
        for reference in document.referencias {
            let cells = content.referenceCells(reference)
            cellX = x
            var height = 0.0
            for (index, cell) in [cells.documentName, cells.folio, cells.date, cells.reason].enumerated() {
                height = max(height, place.text(cell, fonts.body, x: cellX + 3, y: y, width: widths[index] - 6, role: .keyData))
                cellX += widths[index]
            }
            y += height + 2
        }
        y += 8
        return y
    }

    /// The detail table; a row that does not fit goes to a new page, after the header, the
    /// recuadro and the table's header repeated. Returns the y below.
    mutating func sheetDetail(y top: Double, _ frame: SheetFrame) -> Double {
        let x = frame.contentLeft, contentWidth = frame.contentWidth
        let table = DetailTable(content.detailTable, measure: measure, fonts: fonts, totalWidth: contentWidth)
        let rowRule = PrintColor(red: 0.75, green: 0.75, blue: 0.75)
        var y = top
        y += place.tableHeader(table, x: x, y: y, width: contentWidth) + 1
        for row in table.rows {
            let saved = place.elements
            let rowHeight = place.detailRow(row, of: table, x: x, y: y)
            if y + rowHeight > frame.pageBottom && y > margins.top + 1 {
                // Continue on a new page: header and recuadro repeated, then the table header.
                place.elements = saved
                place.finishPage(width: frame.width, height: frame.height)
                y = sheetHeader()
                y += place.tableHeader(table, x: x, y: y, width: contentWidth) + 1
                _ = place.detailRow(row, of: table, x: x, y: y)
            }
            y += rowHeight
            place.hline(x, x + contentWidth, y, width: 0.3, color: rowRule)
        }
        y += 8
        return y
    }

    /// Totals (right) and the template's observations (left) on the last page: on a new page if
    /// they and the bottom zone do not fit below the table.
    mutating func sheetTotals(y top: Double, _ frame: SheetFrame, zoneHeight: Double) {
        let lines = content.totalLines
        let totalsWidth = min(Units.cm(9), frame.contentWidth * 0.5)
        let totalsX = frame.width - margins.right - totalsWidth
        let observationsWidth = frame.contentWidth - totalsWidth - 12
        let observations = content.observations
        let totalsHeight = sheetTotalsHeight(lines, width: totalsWidth)
        var needed = totalsHeight
        if let observations, !observations.isEmpty {
            needed = max(needed, measure.wrappedHeight(observations, font: fonts.small, width: observationsWidth, alignment: .left))
        }
        var y = top
        if y + needed > frame.pageBottom - zoneHeight {
            place.finishPage(width: frame.width, height: frame.height)
            y = sheetHeader()
        }
        if let observations, !observations.isEmpty {
            place.text(observations, fonts.small, x: frame.contentLeft, y: y, width: observationsWidth, color: template.accent)
        }
        place.box(Rect(x: totalsX, y: y, width: totalsWidth, height: totalsHeight), stroke: template.accent, lineWidth: 0.5)
        var lineY = y + 3
        for line in lines {
            let font = line.emphasized ? fonts.bodyBold : fonts.body
            let labelHeight = place.text(line.label, font, x: totalsX + 5, y: lineY, width: totalsWidth * 0.58 - 5, role: .plain)
            let valueHeight = place.text(line.value, font, x: totalsX + totalsWidth * 0.58, y: lineY, width: totalsWidth * 0.42 - 5,
                                         align: .right, role: .keyData)
            lineY += max(labelHeight, valueHeight) + 3
        }
    }

    /// The totals box's height: its lines (label 58 %, value 42 %) and padding.
    func sheetTotalsHeight(_ lines: [DocumentContent.TotalLine], width: Double) -> Double {
        var height = 0.0
        for line in lines {
            let font: FontSpec = line.emphasized ? fonts.bodyBold : fonts.body
            let labelHeight: Double = measure.wrappedHeight(line.label, font: font, width: width * 0.58 - 5, alignment: .left)
            let valueHeight: Double = measure.wrappedHeight(line.value, font: font, width: width * 0.42 - 5, alignment: .left)
            height += max(labelHeight, valueHeight) + 3
        }
        return height + 6
    }

    /// Moves the bottom zone to the bottom of the last page (the one being laid out).
    mutating func placeBottomZone(_ zone: SheetBottomZone, _ frame: SheetFrame) {
        let zoneTop = frame.pageBottom - zone.height
        for element in zone.elements { place.elements.append(element.offsetBy(dy: zoneTop)) }
        if var timbre = place.facts.timbre {
            timbre.y += zoneTop
            place.facts.timbre = timbre
        }
        place.facts.timbrePage = place.pages.count
    }
}
