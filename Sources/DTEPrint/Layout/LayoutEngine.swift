import DTECore
import Foundation

/// Text measurement the layout needs (implemented by ``TextEngine`` over Pango).
protocol TextMeasuring: AnyObject {
    /// Height of `text` wrapped in `width` points.
    func wrappedHeight(_ text: String, font: FontSpec, width: Double, alignment: TextAlignment) -> Double
    /// Width of `text` on one line.
    func singleLineWidth(_ text: String, font: FontSpec) -> Double
    /// Width of a constant label (cached).
    func labelWidth(_ text: String, font: FontSpec) -> Double
    func lineHeight(_ font: FontSpec) -> Double
}

/// Builds the ``DocumentLayout`` of one document for one template and copy.
///
/// Where each concern lives: what is printed in ``DocumentContent``; the SII's sizes and limits
/// in ``SIIPrintRules``; placement primitives in ``Placement``; the blocks both paper kinds share
/// (recuadro, emisor, acuse, timbre, page numbers) in `PageBlocks.swift`; the detail table's
/// columns in ``DetailTable``; page assembly in `SheetLayout.swift` and `RollLayout.swift`.
struct LayoutEngine {
    let template: PrintTemplate
    let measure: any TextMeasuring
    /// The logo's pixel size, if a logo is used.
    let logoPixels: (width: Int, height: Int)?

    /// The recuadro's colour as printed.
    var recuadroColor: PrintColor { template.recuadroColor == .red ? .siiRed : .black }

    func layout(_ doc: DTEDocument, copy: CopyKind) throws(PrintError) -> DocumentLayout {
        let name = "\(doc.type.rawValue) N° \(doc.folio)"
        if let allowed = template.documentTypes, !allowed.contains(doc.type.rawValue) {
            throw .documentTypeNotAllowed(template: template.name, type: doc.type.rawValue, allowed: allowed)
        }
        if copy == .cedible, !doc.allowsCedibleCopy {
            let reason: String
            if !doc.type.mayHaveCedibleCopy {
                reason = "\(doc.type.printedName) (\(doc.type.rawValue)) never has a cedible copy (only 33, 34, 43, 46 and 52)"
            } else {
                reason = "guía de despacho with IndTraslado \(doc.idDoc.indTraslado?.rawValue ?? 0) (\(doc.idDoc.indTraslado?.gloss ?? "?")) is not a sale: no cedible copy"
            }
            throw .cedibleNotAllowed(document: name, reason: reason)
        }
        guard let ted = doc.ted else { throw .missingTED(document: name) }
        var run = LayoutRun(engine: self, document: doc, copy: copy, ted: ted)
        let result = try template.paper.isRoll ? run.layOutRoll() : run.layOutSheets()
        if template.onePage, result.pages.count > 1 {
            throw .doesNotFitOnOnePage(document: name, pages: result.pages.count)
        }
        return result
    }

    /// Fits the logo's pixel size into `maxWidth × maxHeight` points, keeping its aspect ratio.
    func logoSize(maxWidth: Double, maxHeight: Double) -> (Double, Double)? {
        guard let pixels = logoPixels, pixels.width > 0, pixels.height > 0 else { return nil }
        let scale = min(maxWidth / Double(pixels.width), maxHeight / Double(pixels.height))
        return (Double(pixels.width) * scale, Double(pixels.height) * scale)
    }

    // MARK: timbre sizing

    /// The module size for a symbol: as wide as allowed, ≤ 3 cm high (4 cm if needed).
    func moduleSize(_ symbol: PDF417Symbol, maxWidth: Double) -> Double {
        let rowsHeight: Double = Double(symbol.rows * symbol.rowHeight)
        let widthLimit: Double = maxWidth / Double(symbol.width)
        var module: Double = min(widthLimit, Units.cm(SIIPrintRules.timbreTargetHeightCm) / rowsHeight)
        if module < SIIPrintRules.timbreMinModule {
            module = min(widthLimit, Units.cm(SIIPrintRules.timbreHeightCm.upperBound) / rowsHeight)
        }
        return module
    }

    /// Encodes the TED and sizes the symbol: at most `maxWidth` wide, aiming at ≤ 3 cm high
    /// (4 cm at most), module ≥ 0.17 mm (``SIIPrintRules``).
    func timbre(_ ted: TED, maxWidth: Double) throws(PrintError) -> (PDF417Symbol, Double) {
        // A PDF417 row is 17 modules per data column plus 69 (start, stop, two row indicators).
        let maxModulesWide = Int(maxWidth / SIIPrintRules.timbreMinModule)
        let widest = max(1, (maxModulesWide - 69) / 17)
        guard widest >= 1, maxModulesWide >= 86 else {
            throw .timbreDoesNotFit("only \(Units.toCm(maxWidth)) cm available for the timbre")
        }
        var columns: Int = min(widest, PDF417Symbol.preferredColumns(byteCount: ted.bytes.count, aspect: 2.7))
        var symbol = try PDF417Symbol.encode(ted.bytes, columns: columns)
        var module: Double = moduleSize(symbol, maxWidth: maxWidth)
        // Too flat (< 2 cm high): fewer columns, more rows (compaction makes the row count hard to predict).
        var tries = 0
        let minHeight = Units.cm(SIIPrintRules.timbreHeightCm.lowerBound)
        while Double(symbol.rows * symbol.rowHeight) * module < minHeight, columns > 1, tries < 8 {
            columns -= 1
            tries += 1
            symbol = try PDF417Symbol.encode(ted.bytes, columns: columns)
            module = moduleSize(symbol, maxWidth: maxWidth)
        }
        guard module >= SIIPrintRules.timbreMinModule - 1e-9 else {
            throw .timbreDoesNotFit("a \(ted.bytes.count)-byte TED needs \(symbol.rows) rows; it does not fit 4 cm high with modules ≥ 0.17 mm")
        }
        return (symbol, module)
    }
}

/// The state of one layout run: the content to print, where it goes so far, and the template.
/// Its steps are extensions: `PageBlocks.swift` (shared blocks), `SheetLayout.swift`,
/// `RollLayout.swift`, `DetailTable.swift`.
struct LayoutRun {
    let engine: LayoutEngine
    let template: PrintTemplate
    let content: DocumentContent
    let copy: CopyKind
    let ted: TED
    let margins: PageMargins
    var place: Placement

    init(engine: LayoutEngine, document: DTEDocument, copy: CopyKind, ted: TED) {
        self.engine = engine
        self.template = engine.template
        self.content = DocumentContent(document: document, template: engine.template)
        self.copy = copy
        self.ted = ted
        self.margins = PageMargins(engine.template.margins)
        self.place = Placement(measure: engine.measure, fonts: LayoutFonts(engine.template.fonts), accent: engine.template.accent)
    }

    var document: DTEDocument { content.document }
    var fonts: LayoutFonts { place.fonts }
    var measure: any TextMeasuring { place.measure }
    /// The paper's width between the margins.
    var contentWidth: Double { template.paper.width - margins.left - margins.right }

    /// The finished layout (every page done).
    var result: DocumentLayout {
        DocumentLayout(pages: place.pages, facts: place.facts, minimumMargin: SIIPrintRules.blankBorder)
    }
}
