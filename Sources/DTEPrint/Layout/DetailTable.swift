import DTECore
import Foundation

/// The sheets' detail table: its columns sized to the measured texts, its header and its rows.
///
/// Numeric columns are as wide as their widest cell (at most 20 % of the table; "Código" 2.6 cm,
/// "Unidad" 1.6 cm) and right-aligned; the description takes the rest (at least 30 %). If the
/// numbers need more than 70 %, they shrink proportionally and wrap: nothing overflows.
struct DetailTable {
    /// One column: its title, width (points) and alignment.
    struct Column {
        var title: String
        var width: Double
        var align: TextAlignment
    }

    /// Space between a cell's text and the column's edges.
    static let cellPadding = 3.0

    let columns: [Column]
    let rows: [DocumentContent.DetailRow]
    let descriptionIndex: Int

    init(_ text: DocumentContent.DetailTableText, measure: any TextMeasuring, fonts: LayoutFonts, totalWidth total: Double) {
        let pad = DetailTable.cellPadding
        var columns: [Column] = []
        var fixed = 0.0
        for (index, title) in text.titles.enumerated() {
            if index == text.descriptionIndex { columns.append(Column(title: title, width: 0, align: .left)); continue }
            var width = measure.labelWidth(title, font: fonts.bodyBold)
            for row in text.rows where !row.cells[index].isEmpty {
                width = max(width, measure.singleLineWidth(row.cells[index], font: fonts.body))
            }
            var cap: Double = total * 0.2
            if title == "Código" { cap = Units.cm(2.6) } else if title == "Unidad" { cap = Units.cm(1.6) }
            width = min(width + 2 * pad + 1, cap)
            let textual: Bool = title == "Código" || title == "Unidad"
            let align: TextAlignment = textual ? .left : .right
            columns.append(Column(title: title, width: width, align: align))
            fixed += width
        }
        columns[text.descriptionIndex].width = max(total * 0.3, total - fixed)
        // If the numbers need more than 70 %, shrink them proportionally (they wrap, never overflow).
        let over = columns.reduce(0) { $0 + $1.width } - total
        if over > 0.01 {
            let scale = (fixed - over) / fixed
            for index in columns.indices where index != text.descriptionIndex { columns[index].width *= scale }
        }
        self.columns = columns
        self.rows = text.rows
        self.descriptionIndex = text.descriptionIndex
    }
}

extension Placement {
    /// The table's header (grey band, titles, rule below) at y; returns its height.
    mutating func tableHeader(_ table: DetailTable, x: Double, y: Double, width: Double) -> Double {
        let height = measure.lineHeight(fonts.bodyBold) + 4
        elements.append(.rect(Rect(x: x, y: y, width: width, height: height), stroke: nil, lineWidth: 0, fill: .lightGray))
        var columnX = x
        for column in table.columns {
            let titleWidth = measure.labelWidth(column.title, font: fonts.bodyBold)
            if titleWidth <= column.width - 6 {
                let titleX = column.align == .right ? columnX + column.width - 3 - titleWidth : columnX + 3
                label(column.title, fonts.bodyBold, x: titleX, y: y + 2, color: accent)
            } else {
                text(column.title, fonts.bodyBold, x: columnX + 3, y: y + 2, width: column.width - 6, align: column.align, color: accent)
            }
            columnX += column.width
        }
        hline(x, x + width, y + height, width: 0.6)
        return height
    }

    /// Places one detail row at y (name bold, description below it); returns its height.
    mutating func detailRow(_ row: DocumentContent.DetailRow, of table: DetailTable, x: Double, y: Double) -> Double {
        let pad = DetailTable.cellPadding
        var columnX = x
        var height = 0.0
        for (index, column) in table.columns.enumerated() {
            let width = column.width - 2 * pad
            if index == table.descriptionIndex {
                var cellHeight = text(row.name, fonts.bodyBold, x: columnX + pad, y: y + 2, width: width, role: .keyData)
                if let description = row.description, !description.isEmpty {
                    cellHeight += text(description, fonts.body, x: columnX + pad, y: y + 2 + cellHeight, width: width)
                }
                height = max(height, cellHeight)
            } else if !row.cells[index].isEmpty {
                height = max(height, text(row.cells[index], fonts.body, x: columnX + pad, y: y + 2, width: width,
                                          align: column.align, role: .keyData))
            }
            columnX += column.width
        }
        return height + 4
    }
}
