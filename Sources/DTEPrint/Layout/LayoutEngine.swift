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

/// Builds the ``DocumentLayout`` of one document for one template and copy: every SII content
/// rule lives here (recuadro, emisor, receptor, referencias, detalle, totals, timbre, acuse).
struct LayoutEngine {
    let template: PrintTemplate
    let measure: any TextMeasuring
    /// The logo's pixel size, if a logo is used.
    let logoPixels: (width: Int, height: Int)?

    static let acuseText = "El acuse de recibo que se declara en este acto, de acuerdo a lo dispuesto en la letra b) del Art. 4°, y la letra c) del Art. 5° de la Ley 19.983, acredita que la entrega de mercaderías o servicio(s) prestado(s) ha(n) sido recibido(s)."

    // Fonts
    var body: FontSpec { FontSpec(size: template.fonts.body, bold: false) }
    var bodyBold: FontSpec { FontSpec(size: template.fonts.body, bold: true) }
    var small: FontSpec { FontSpec(size: max(6, template.fonts.body - 1), bold: false) }
    var heading: FontSpec { FontSpec(size: template.fonts.heading, bold: true) }
    var recuadroFont: FontSpec { FontSpec(size: template.fonts.recuadro, bold: true) }
    var legend: FontSpec { FontSpec(size: template.fonts.legend, bold: false) }
    var legendBold: FontSpec { FontSpec(size: template.fonts.legend, bold: true) }
    var recuadroRGB: PrintColor { template.recuadroColor == .red ? .siiRed : .black }

    /// The quiet zone the SII asks around the timbre (0.25 in).
    static let quietZone = 18.0
    static let minModule = Units.mm(0.17)

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
        var builder = Builder(engine: self, doc: doc, copy: copy, ted: ted)
        let result = try template.paper.isRoll ? builder.roll() : builder.sheets()
        if template.onePage, result.pages.count > 1 {
            throw .doesNotFitOnOnePage(document: name, pages: result.pages.count)
        }
        return result
    }

    /// The module size for a symbol: as wide as allowed, ≤ 3 cm high (4 cm if needed).
    func moduleSize(_ symbol: PDF417Symbol, maxWidth: Double) -> Double {
        let rowsHeight: Double = Double(symbol.rows * symbol.rowHeight)
        var x: Double = min(maxWidth / Double(symbol.width), Units.cm(3.0) / rowsHeight)
        if x < LayoutEngine.minModule { x = min(maxWidth / Double(symbol.width), Units.cm(4.0) / rowsHeight) }
        return x
    }

    /// Fits the logo's pixel size into `maxWidth × maxHeight` points, keeping its aspect ratio.
    func logoSize(maxWidth: Double, maxHeight: Double) -> (Double, Double)? {
        guard let p = logoPixels, p.width > 0, p.height > 0 else { return nil }
        let s = min(maxWidth / Double(p.width), maxHeight / Double(p.height))
        return (Double(p.width) * s, Double(p.height) * s)
    }

    /// Encodes the TED and sizes the symbol: at most `maxWidth` wide, aiming at ≤ 3 cm high
    /// (4 cm at most), module ≥ 0.17 mm.
    func timbre(_ ted: TED, maxWidth: Double) throws(PrintError) -> (PDF417Symbol, Double) {
        let maxModulesWide = Int(maxWidth / LayoutEngine.minModule)
        let widest = max(1, (maxModulesWide - 69) / 17)
        guard widest >= 1, maxModulesWide >= 86 else {
            throw .timbreDoesNotFit("only \(Units.toCm(maxWidth)) cm available for the timbre")
        }
        var cols: Int = min(widest, PDF417Symbol.preferredColumns(byteCount: ted.bytes.count, aspect: 2.7))
        var symbol = try PDF417Symbol.encode(ted.bytes, columns: cols)
        var x: Double = moduleSize(symbol, maxWidth: maxWidth)
        // Too flat (< 2 cm high): fewer columns, more rows (compaction makes the row count hard to predict).
        var tries = 0
        while Double(symbol.rows * symbol.rowHeight) * x < Units.cm(2.0), cols > 1, tries < 8 {
            cols -= 1
            tries += 1
            symbol = try PDF417Symbol.encode(ted.bytes, columns: cols)
            x = moduleSize(symbol, maxWidth: maxWidth)
        }
        guard x >= LayoutEngine.minModule - 1e-9 else {
            throw .timbreDoesNotFit("a \(ted.bytes.count)-byte TED needs \(symbol.rows) rows; it does not fit 4 cm high with modules ≥ 0.17 mm")
        }
        return (symbol, x)
    }
}

/// Mutable state of one layout run.
private struct Builder {
    let e: LayoutEngine
    let doc: DTEDocument
    let copy: CopyKind
    let ted: TED
    let t: PrintTemplate
    var pages: [PageLayout] = []
    var elements: [LayoutElement] = []
    var facts = LayoutFacts()

    init(engine: LayoutEngine, doc: DTEDocument, copy: CopyKind, ted: TED) {
        self.e = engine; self.doc = doc; self.copy = copy; self.ted = ted; self.t = engine.template
    }

    var m: (top: Double, right: Double, bottom: Double, left: Double) {
        (Units.cm(t.margins.top), Units.cm(t.margins.right), Units.cm(t.margins.bottom), Units.cm(t.margins.left))
    }
    var currency: String? { doc.totales.moneda.flatMap { Formatting.isCLP($0) ? nil : $0 } }
    var isGenericBoletaReceptor: Bool { doc.type.isBoleta && doc.receptor.rut == RUT.genericReceptor }

    // MARK: primitives

    /// Places wrapped text; returns its height.
    @discardableResult
    mutating func text(_ s: String, _ font: FontSpec, x: Double, y: Double, width: Double,
                       align: TextAlignment = .left, color: PrintColor = .black, role: TextRole = .plain) -> Double {
        guard !s.isEmpty else { return 0 }
        let h = e.measure.wrappedHeight(s, font: font, width: width, alignment: align)
        elements.append(.text(TextRun(text: s, font: font, frame: Rect(x: x, y: y, width: width, height: h),
                                      alignment: align, color: color, wraps: true, role: role)))
        return h
    }

    /// A label known to fit on one line (its width is measured and cached once).
    @discardableResult
    mutating func label(_ s: String, _ font: FontSpec, x: Double, y: Double, color: PrintColor = .black) -> Double {
        let w = e.measure.labelWidth(s, font: font)
        let h = e.measure.lineHeight(font)
        elements.append(.text(TextRun(text: s, font: font, frame: Rect(x: x, y: y, width: w, height: h),
                                      alignment: .left, color: color, wraps: false, role: .plain)))
        return h
    }

    mutating func hline(_ x1: Double, _ x2: Double, _ y: Double, width: Double = 0.5, color: PrintColor? = nil) {
        elements.append(.line(x1: x1, y1: y, x2: x2, y2: y, width: width, color: color ?? t.accent))
    }

    /// Rows of "label value" pairs in a column; labels share one measured width.
    mutating func pairs(_ rows: [(String, String)], x: Double, y: Double, width: Double, font: FontSpec? = nil) -> Double {
        guard !rows.isEmpty else { return 0 }
        let lf = e.bodyBold, vf = font ?? e.body
        var widest: Double = 0
        for r in rows { widest = max(widest, e.measure.labelWidth(r.0, font: lf)) }
        let lw: Double = min(width * 0.45, widest) + 4
        var yy = y
        for (l, v) in rows {
            let fits: Bool = e.measure.labelWidth(l, font: lf) + 4 <= lw
            let lh: Double
            if fits { lh = label(l, lf, x: x, y: yy) } else { lh = text(l, lf, x: x, y: yy, width: lw - 2) }
            let vh = text(v, vf, x: x + lw, y: yy, width: max(10, width - lw), role: .keyData)
            yy += max(lh, vh) + 1.5
        }
        return yy - y
    }

    // MARK: content pieces

    var rutLine: String { "R.U.T.: \(doc.emisor.rut.formatted)" }
    var folioLine: String { "N° \(doc.folio)" }

    /// The recuadro with its three lines, and "S.I.I. - UNIDAD" below. Returns its bottom.
    mutating func recuadro(x: Double, y: Double, width: Double) -> Double {
        let rule = Units.mm(t.recuadroRule)
        let pad = 5.0 + rule
        let inner = width - 2 * pad
        let f = e.recuadroFont
        var yy = y + pad
        yy += text(rutLine, f, x: x + pad, y: yy, width: inner, align: .center, color: e.recuadroRGB, role: .recuadro) + 3
        yy += text(doc.type.printedName, f, x: x + pad, y: yy, width: inner, align: .center, color: e.recuadroRGB, role: .recuadro) + 3
        yy += text(folioLine, f, x: x + pad, y: yy, width: inner, align: .center, color: e.recuadroRGB, role: .recuadro)
        let h = max(Units.cm(1.5), yy + pad - y)
        let box = Rect(x: x, y: y, width: width, height: h)
        // The rule is stroked inside the box so that its outer edge is the recuadro's size.
        elements.append(.rect(Rect(x: x + rule / 2, y: y + rule / 2, width: width - rule, height: h - rule),
                              stroke: e.recuadroRGB, lineWidth: rule, fill: nil))
        facts.recuadro = box
        facts.recuadroRule = rule
        facts.recuadroColor = e.recuadroRGB
        facts.recuadroTextSizes = [(f.size, f.bold)]
        let uh = text("S.I.I. - \(t.siiUnit)", FontSpec(size: max(e.body.size + 1, 9), bold: true), x: x, y: box.maxY + 4,
                      width: width, align: .center, color: e.recuadroRGB, role: .siiUnit)
        return box.maxY + 4 + uh
    }

    /// Emisor block lines (razón social highlighted, giro in full, casa matriz, sucursal, contact).
    mutating func emisor(x: Double, y: Double, width: Double) -> Double {
        let em = doc.emisor
        var yy = y
        yy += text(em.razonSocial, e.heading, x: x, y: yy, width: width, color: t.accent, role: .keyData) + 2
        yy += text(em.giro, e.body, x: x, y: yy, width: width) + 1
        let place = [em.direccion, em.comuna, em.ciudad == em.comuna ? nil : em.ciudad].compactMap { $0 }.filter { !$0.isEmpty }
        if !place.isEmpty { yy += text("Casa Matriz: " + place.joined(separator: ", "), e.body, x: x, y: yy, width: width) + 1 }
        if let s = em.sucursal, !s.isEmpty { yy += text("Sucursal: " + s, e.body, x: x, y: yy, width: width) + 1 }
        var contact: [String] = []
        if !em.telefonos.isEmpty { contact.append("Teléfono: " + em.telefonos.joined(separator: " / ")) }
        if let c = em.correo, !c.isEmpty { contact.append("Correo: " + c) }
        if !contact.isEmpty { yy += text(contact.joined(separator: "   "), e.body, x: x, y: yy, width: width) + 1 }
        return yy
    }

    var fechaRow: (String, String) { ("Fecha de emisión:", Formatting.longDate(doc.idDoc.fechaEmision)) }

    var receptorRows: [(String, String)] {
        let r = doc.receptor
        var rows: [(String, String)] = []
        if let s = r.razonSocial, !s.isEmpty { rows.append(("Señor(es):", s)) }
        rows.append(("R.U.T.:", r.rut.formatted))
        if let g = r.giro, !g.isEmpty { rows.append(("Giro:", g)) }
        if let d = r.direccion, !d.isEmpty { rows.append(("Dirección:", d)) }
        if let c = r.comuna, !c.isEmpty { rows.append(("Comuna:", c)) }
        if let c = r.ciudad, !c.isEmpty, c != r.comuna { rows.append(("Ciudad:", c)) }
        if let c = r.contacto, !c.isEmpty { rows.append(("Contacto:", c)) }
        if let n = r.extranjeroNumId, !n.isEmpty { rows.append(("Id. extranjero:", n)) }
        return rows
    }

    var conditionRows: [(String, String)] {
        let id = doc.idDoc
        var rows: [(String, String)] = [fechaRow]
        if let v = id.fechaVencimiento { rows.append(("Vencimiento:", Formatting.longDate(v))) }
        switch id.formaPago {
        case 1: rows.append(("Forma de pago:", "Contado"))
        case 2: rows.append(("Forma de pago:", "Crédito"))
        case 3: rows.append(("Forma de pago:", "Sin costo (entrega gratuita)"))
        default: break
        }
        if let g = id.terminoPagoGlosa, !g.isEmpty { rows.append(("Condición de pago:", g)) }
        if let d = id.periodoDesde, let h = id.periodoHasta {
            rows.append(("Período:", "\(d.chileanFormat) al \(h.chileanFormat)"))
        }
        if doc.type == .guiaDespacho, let tr = id.indTraslado {
            rows.append(("Tipo de traslado:", "\(tr.rawValue) \(tr.gloss)"))
        }
        if doc.type == .guiaDespacho, let d = id.tipoDespacho {
            let names: [Int: String] = [1: "Por cuenta del receptor", 2: "Por cuenta del emisor a instalaciones del cliente",
                                        3: "Por cuenta del emisor a otras instalaciones"]
            let g: String = names[d] ?? String(d)
            rows.append(("Tipo de despacho:", g))
        }
        if let c = currency { rows.append(("Moneda:", AduanaTables.currencyDisplay(c))) }
        return rows
    }

    /// Transport and export data ("Datos de transporte / exportación"), as label-value rows.
    var transportRows: [(String, String)] {
        guard let tr = doc.transporte else { return [] }
        var rows: [(String, String)] = []
        if let p = tr.patente, !p.isEmpty { rows.append(("Patente:", p)) }
        if let r = tr.rutTransportista { rows.append(("RUT transportista:", r.formatted)) }
        if let n = tr.nombreChofer, !n.isEmpty {
            let chofer: String = tr.rutChofer.map { (r: RUT) -> String in " (" + r.formatted + ")" } ?? ""
            rows.append(("Chofer:", n + chofer))
        }
        let dest = [tr.direccionDestino, tr.comunaDestino, tr.ciudadDestino].compactMap { $0 }.filter { !$0.isEmpty }
        if !dest.isEmpty { rows.append(("Destino:", dest.joined(separator: ", "))) }
        if let a = tr.aduana {
            if let c = a.codigoModalidadVenta { rows.append(("Modalidad de venta:", ExportNames.modalidad(c))) }
            if let c = a.codigoClausulaVenta {
                var clausula: String = ExportNames.clausula(c)
                if let total = a.totalClausulaVenta { clausula += " " + Formatting.amount(total, currency: currency ?? "USD") }
                rows.append(("Cláusula de venta:", clausula))
            }
            if let c = a.codigoViaTransporte { rows.append(("Vía de transporte:", ExportNames.via(c))) }
            if let n = a.nombreTransporte, !n.isEmpty { rows.append(("Nave / transporte:", n)) }
            if a.codigoPuertoEmbarque != nil || a.idPuertoEmbarque != nil {
                rows.append(("Puerto de embarque:", ExportNames.port(a.codigoPuertoEmbarque, a.idPuertoEmbarque)))
            }
            if a.codigoPuertoDesembarque != nil || a.idPuertoDesembarque != nil {
                rows.append(("Puerto de desembarque:", ExportNames.port(a.codigoPuertoDesembarque, a.idPuertoDesembarque)))
            }
            if let b = a.totalBultos { rows.append(("Total bultos:", String(b))) }
            for b in a.bultos {
                let kind = b.codigoTipoBulto.map(ExportNames.bulto)
                let text = [b.cantidad.map(String.init), kind, b.marcas.map { "marcas " + $0 }].compactMap { $0 }.joined(separator: " ")
                if !text.isEmpty { rows.append(("Bultos:", text)) }
            }
            if let p = a.pesoBruto {
                rows.append(("Peso bruto:", Formatting.decimalText(p, decimals: min(p.scale, 3))
                             + (a.codigoUnidadPesoBruto.map { " " + ExportNames.unit($0) } ?? "")))
            }
            if let p = a.pesoNeto {
                rows.append(("Peso neto:", Formatting.decimalText(p, decimals: min(p.scale, 3))
                             + (a.codigoUnidadPesoNeto.map { " " + ExportNames.unit($0) } ?? "")))
            }
            if let f = a.montoFlete { rows.append(("Flete:", Formatting.amount(f, currency: currency ?? "USD"))) }
            if let s = a.montoSeguro { rows.append(("Seguro:", Formatting.amount(s, currency: currency ?? "USD"))) }
            if let c = a.codigoPaisReceptor { rows.append(("País receptor:", ExportNames.country(c))) }
            if let c = a.codigoPaisDestino { rows.append(("País destino:", ExportNames.country(c))) }
        }
        return rows
    }

    /// Totals lines: (label, value, bold).
    var totalsRows: [(String, String, Bool)] {
        let tt = doc.totales
        let cur = currency
        func amt(_ m: Money) -> String { Formatting.amount(m, currency: cur) }
        var rows: [(String, String, Bool)] = []
        for d in doc.descuentosRecargos {
            let kind = d.kind == .descuento ? "Descuento global" : "Recargo global"
            var label: String = kind
            if let g = d.glosa { label += " (" + g + ")" }
            let value: String
            if d.unit == .percent { value = Formatting.percent(d.valor) }
            else if cur == nil { value = "$ " + Formatting.decimal(d.valor, maxDecimals: 0) }
            else { value = Formatting.decimal(d.valor, maxDecimals: 4, minDecimals: 2) }
            rows.append((label, value, false))
        }
        let anyExemptLine = doc.detalle.contains { $0.isExempt }
        if doc.type.isExempt {
            rows.append(("Monto Exento", amt(tt.montoExento ?? tt.montoTotal), false))
        } else {
            if let n = tt.montoNeto { rows.append(("Monto Neto", amt(n), false)) }
            let exemptAmount: Bool = tt.montoExento.map { (m: Money) -> Bool in m != Money.zero } ?? false
            if anyExemptLine || exemptAmount {
                rows.append(("Monto Exento", amt(tt.montoExento ?? .zero), false))
            }
            if tt.iva != nil || tt.montoNeto != nil {
                let rate = Formatting.percent(tt.tasaIVA ?? 19)
                rows.append(("IVA (\(rate))", amt(tt.iva ?? .zero), false))
            }
            if let p = tt.ivaPropio { rows.append(("IVA propio", amt(p), false)) }
            if let p = tt.ivaTerceros { rows.append(("IVA terceros", amt(p), false)) }
            for r in tt.impuestosRetenidos {
                var name = r.name
                if doc.type == .facturaCompra, [15, 16].contains(r.codigo) { name = "IVA retenido" + (r.codigo == 16 ? " parcial" : "") }
                let rate = r.tasa.map { " (\(Formatting.percent($0)))" } ?? ""
                rows.append((name + rate, amt(r.monto), false))
            }
            if let n = tt.ivaNoRetenido { rows.append(("IVA no retenido", amt(n), false)) }
            if let c = tt.creditoEmpresaConstructora { rows.append(("Crédito 65% empresa constructora", amt(c), false)) }
            if let c = tt.comisionNeto { rows.append(("Comisiones neto", amt(c), false)) }
            if let c = tt.comisionExento { rows.append(("Comisiones exento", amt(c), false)) }
            if let c = tt.comisionIVA { rows.append(("IVA comisiones", amt(c), false)) }
        }
        if let n = tt.montoNoFacturable { rows.append(("Monto no facturable", amt(n), false)) }
        var totalLabel: String = "MONTO TOTAL"
        if let cur { totalLabel += " (" + cur + ")" }
        rows.append((totalLabel, amt(tt.montoTotal), true))
        if let p = tt.montoPeriodo { rows.append(("Monto del período", amt(p), false)) }
        if let s = tt.saldoAnterior { rows.append(("Saldo anterior", amt(s), false)) }
        if let v = tt.valorPagar { rows.append(("Valor a pagar", amt(v), true)) }
        if let o = doc.otraMoneda {
            let clp = Formatting.isCLP(o.tipoMoneda)
            func other(_ m: Money) -> String { clp ? Formatting.clp(m) : Formatting.decimalText(m, decimals: max(2, m.scale)) }
            if let c = o.tipoCambio { rows.append(("Tipo de cambio (\(o.tipoMoneda))", Formatting.decimal(c, maxDecimals: 4), false)) }
            if let x = o.montoExento { rows.append(("Monto exento en \(o.tipoMoneda)", other(x), false)) }
            if let x = o.montoNeto { rows.append(("Monto neto en \(o.tipoMoneda)", other(x), false)) }
            if let x = o.iva { rows.append(("IVA en \(o.tipoMoneda)", other(x), false)) }
            if let x = o.montoTotal { rows.append(("Total en \(o.tipoMoneda)", other(x), true)) }
        }
        return rows
    }

    func referenceCells(_ r: DTEReference) -> [String] {
        let razon = [r.codigoText, r.razon].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        let name = r.documentName + (r.indicadorGlobal ? " (global)" : "")
        return [name, r.folio ?? "", r.fecha?.chileanFormat ?? "", razon]
    }

    func placeholders(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        let em = doc.emisor
        let values: [String: String] = [
            "emisor.razon_social": em.razonSocial, "emisor.rut": em.rut.formatted, "emisor.giro": em.giro,
            "emisor.correo": em.correo ?? "", "emisor.email": em.correo ?? "",
            "emisor.telefono": em.telefonos.joined(separator: " / "), "emisor.direccion": em.direccion ?? "",
            "emisor.comuna": em.comuna ?? "", "emisor.ciudad": em.ciudad ?? "", "emisor.sucursal": em.sucursal ?? "",
            "documento.tipo": doc.type.printedName, "documento.folio": String(doc.folio),
            "documento.fecha": doc.idDoc.fechaEmision.chileanFormat,
            "receptor.razon_social": doc.receptor.razonSocial ?? "", "receptor.rut": doc.receptor.rut.formatted,
        ]
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += rest[..<open.lowerBound]
            let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            out += values[key] ?? ""
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    // MARK: detail table

    struct Column {
        var title: String
        var width: Double
        var align: TextAlignment
    }

    struct DetailRow {
        var cells: [String]
        var name: String
        var description: String?
    }

    func detailRows() -> (columns: [String], rows: [DetailRow], numericIndexes: [Int]) {
        var titles: [String] = []
        if t.columns.codigo { titles.append("Código") }
        titles.append("Descripción")
        titles.append("Cantidad")
        if t.columns.unidad { titles.append("Unidad") }
        titles.append("P. Unitario")
        if t.columns.descuento { titles.append("Desc./Rec.") }
        titles.append("Valor")
        let priceDecimals = currency == nil ? t.columns.precioDecimals : max(2, t.columns.precioDecimals)
        var rows: [DetailRow] = []
        for d in doc.detalle {
            var cells: [String] = []
            if t.columns.codigo { cells.append(d.codigos.first?.valor ?? "") }
            cells.append("")
            cells.append(d.cantidad.map { Formatting.decimal($0, maxDecimals: 6) } ?? "")
            if t.columns.unidad { cells.append(d.unidad ?? "") }
            cells.append(d.precioUnitario.map { Formatting.decimal($0, maxDecimals: max(priceDecimals, 6), minDecimals: priceDecimals) } ?? "")
            if t.columns.descuento {
                var parts: [String] = []
                if let p = d.descuentoPorcentaje { parts.append("-" + Formatting.percent(p)) }
                if let m = d.descuentoMonto { parts.append("-" + Formatting.amount(m, currency: currency)) }
                if let p = d.recargoPorcentaje { parts.append("+" + Formatting.percent(p)) }
                if let m = d.recargoMonto { parts.append("+" + Formatting.amount(m, currency: currency)) }
                cells.append(parts.joined(separator: " "))
            }
            cells.append(Formatting.amount(d.montoItem, currency: currency))
            let name = d.nombre + (d.isExempt ? " (exento)" : "")
            rows.append(DetailRow(cells: cells, name: name, description: d.descripcion))
        }
        let descIndex = t.columns.codigo ? 1 : 0
        let numeric = Array((descIndex + 1)..<titles.count).filter { titles[$0] != "Unidad" }
        return (titles, rows, numeric)
    }

    func columnWidths(titles: [String], rows: [DetailRow], total: Double) -> [Column] {
        let pad = 3.0
        var cols: [Column] = []
        let descIndex = t.columns.codigo ? 1 : 0
        var fixed = 0.0
        for (i, title) in titles.enumerated() {
            if i == descIndex { cols.append(Column(title: title, width: 0, align: .left)); continue }
            var w = e.measure.labelWidth(title, font: e.bodyBold)
            for r in rows where !r.cells[i].isEmpty {
                w = max(w, e.measure.singleLineWidth(r.cells[i], font: e.body))
            }
            var cap: Double = total * 0.2
            if title == "Código" { cap = Units.cm(2.6) } else if title == "Unidad" { cap = Units.cm(1.6) }
            w = min(w + 2 * pad + 1, cap)
            let textual: Bool = title == "Código" || title == "Unidad"
            let align: TextAlignment = textual ? .left : .right
            cols.append(Column(title: title, width: w, align: align))
            fixed += w
        }
        cols[descIndex].width = max(total * 0.3, total - fixed)
        // If the numbers need more than 70 %, shrink them proportionally (they wrap, never overflow).
        let over = cols.reduce(0) { $0 + $1.width } - total
        if over > 0.01 {
            let scale = (fixed - over) / fixed
            for i in cols.indices where i != descIndex { cols[i].width *= scale }
        }
        return cols
    }

    /// Measures one detail row (returns the height) and appends its elements at y.
    mutating func detailRow(_ r: DetailRow, cols: [Column], x: Double, y: Double) -> Double {
        let pad = 3.0
        var cx = x
        var h = 0.0
        let descIndex = t.columns.codigo ? 1 : 0
        for (i, c) in cols.enumerated() {
            let w = c.width - 2 * pad
            if i == descIndex {
                var hh = text(r.name, e.bodyBold, x: cx + pad, y: y + 2, width: w, role: .keyData)
                if let d = r.description, !d.isEmpty { hh += text(d, e.body, x: cx + pad, y: y + 2 + hh, width: w) }
                h = max(h, hh)
            } else if !r.cells[i].isEmpty {
                h = max(h, text(r.cells[i], e.body, x: cx + pad, y: y + 2, width: w, align: c.align, role: .keyData))
            }
            cx += c.width
        }
        return h + 4
    }

    mutating func tableHeader(_ cols: [Column], x: Double, y: Double, width: Double) -> Double {
        let h = e.measure.lineHeight(e.bodyBold) + 4
        elements.append(.rect(Rect(x: x, y: y, width: width, height: h), stroke: nil, lineWidth: 0, fill: .lightGray))
        var cx = x
        for c in cols {
            let w = e.measure.labelWidth(c.title, font: e.bodyBold)
            if w <= c.width - 6 {
                let lx = c.align == .right ? cx + c.width - 3 - w : cx + 3
                label(c.title, e.bodyBold, x: lx, y: y + 2, color: t.accent)
            } else {
                text(c.title, e.bodyBold, x: cx + 3, y: y + 2, width: c.width - 6, align: c.align, color: t.accent)
            }
            cx += c.width
        }
        hline(x, x + width, y + h, width: 0.6)
        return h
    }

    // MARK: bottom pieces

    /// Acuse de recibo box (cedible copies). Returns its height.
    mutating func acuse(x: Double, y: Double, width: Double) -> Double {
        let pad = 5.0
        let w = width - 2 * pad
        var yy = y + pad
        yy += text("Acuse de Recibo", e.bodyBold, x: x + pad, y: yy, width: w, align: .center) + 5
        let line = e.measure.lineHeight(e.body) + 6
        let half = w / 2
        text("Nombre: ____________________________________________", e.body, x: x + pad, y: yy, width: w); yy += line
        text("RUT: __________________", e.body, x: x + pad, y: yy, width: half - 2)
        text("Fecha: ________________", e.body, x: x + pad + half, y: yy, width: half); yy += line
        text("Recinto: ______________", e.body, x: x + pad, y: yy, width: half - 2)
        text("Firma: ________________", e.body, x: x + pad + half, y: yy, width: half); yy += line
        yy += text(LayoutEngine.acuseText, e.small, x: x + pad, y: yy, width: w)
        let h = yy + pad - y
        elements.append(.rect(Rect(x: x, y: y, width: width, height: h), stroke: .black, lineWidth: 0.6, fill: nil))
        return h
    }

    var cedibleText: String { doc.type == .guiaDespacho ? "CEDIBLE CON SU FACTURA" : "CEDIBLE" }

    /// The timbre at (x, y) with its legends below; returns the block's (width, height).
    mutating func timbreBlock(x: Double, y: Double, maxWidth: Double, centerIn: Rect? = nil) throws(PrintError) -> (Double, Double) {
        let (symbol, module) = try e.timbre(ted, maxWidth: maxWidth)
        let w = Double(symbol.width) * module
        let h = Double(symbol.rows * symbol.rowHeight) * module
        let bx = centerIn.map { $0.x + ($0.width - w) / 2 } ?? x
        // Quiet zone (0.25 in) above and below as well as on the sides: nothing else is drawn there.
        let rect = Rect(x: bx, y: y + LayoutEngine.quietZone, width: w, height: h)
        elements.append(.barcode(rect, symbol))
        facts.timbre = rect
        facts.timbreModule = module
        facts.timbrePage = pages.count
        let lw: Double = max(w, min(Units.cm(5), t.paper.width - m.left - m.right))
        let lx = bx + (w - lw) / 2
        var yy = rect.maxY + LayoutEngine.quietZone
        yy += text("Timbre Electrónico SII", e.legendBold, x: lx, y: yy, width: lw, align: .center, role: .legend)
        yy += text("Res. \(t.resolutionNumber) de \(t.resolutionYear)", e.legend, x: lx, y: yy, width: lw, align: .center, role: .legend)
        yy += text("Verifique documento: www.sii.cl", e.legend, x: lx, y: yy, width: lw, align: .center, role: .legend)
        facts.legendSizes = [e.legendBold.size, e.legend.size]
        return (w, yy - y)
    }

    mutating func finishPage(width: Double, height: Double) {
        pages.append(PageLayout(width: width, height: height, elements: elements))
        elements = []
    }

    /// Adds "Página i de N" and the footer to every page.
    mutating func numberPages(footerY: (Int) -> Double, x: Double, width: Double) {
        let n = pages.count
        let footer = t.footer.map { placeholders($0) }
        for i in pages.indices {
            let saved = elements
            elements = []
            let y = footerY(i)
            let pn = "Página \(i + 1) de \(n)"
            let pw = e.measure.singleLineWidth(pn, font: e.small)
            elements.append(.text(TextRun(text: pn, font: e.small, frame: Rect(x: x + width - pw, y: y, width: pw,
                                                                                 height: e.measure.lineHeight(e.small)),
                                          alignment: .left, color: .black, wraps: false, role: .pageNumber)))
            if let footer, !footer.isEmpty {
                text(footer, e.small, x: x, y: y, width: max(20, width - pw - 10), color: t.accent)
            }
            pages[i].elements += elements
            elements = saved
        }
    }

    var footerHeight: Double {
        let lh = e.measure.lineHeight(e.small)
        guard let f = t.footer.map({ placeholders($0) }), !f.isEmpty else { return lh + 4 }
        return max(lh, e.measure.wrappedHeight(f, font: e.small, width: contentWidth * 0.8, alignment: .left)) + 4
    }

    var contentWidth: Double { t.paper.width - m.left - m.right }

    // MARK: sheets (letter, oficio)

    mutating func sheetHeader() -> Double {
        let W = t.paper.width
        let rw = Units.cm(t.recuadroWidth)
        let rx = W - m.right - rw
        let recBottom = recuadro(x: rx, y: m.top, width: rw)
        var lx = m.left
        var ly = m.top
        let lw = rx - 14 - lx
        let share: Double = t.logo.position == .left ? 0.45 : 1.0
        let logoMaxW: Double = min(Units.cm(t.logo.maxWidth), lw * share)
        if let (w, h) = e.logoSize(maxWidth: logoMaxW, maxHeight: Units.cm(t.logo.maxHeight)) {
            let centred: Double = lx + (lw - w) / 2
            let x: Double = t.logo.position == .center ? centred : lx
            let r = Rect(x: x, y: m.top, width: w, height: h)
            elements.append(.logo(r))
            facts.logo = r
            if t.logo.position == .left { lx += w + 10 } else { ly += h + 6 }
        }
        let eb = emisor(x: lx, y: ly, width: rx - 14 - lx)
        let logoBottom = facts.logo.map { $0.maxY } ?? 0
        return max(recBottom, eb, logoBottom) + 10
    }

    mutating func sheets() throws(PrintError) -> DocumentLayout {
        let W = t.paper.width, H = t.paper.height ?? 792
        let x = m.left, cw = contentWidth
        let fh = footerHeight
        let pageBottom = H - m.bottom - fh - 4

        // Bottom zone (last page): timbre left, acuse + CEDIBLE right.
        let cedible = copy == .cedible
        let acuseWidth = cedible ? min(Units.cm(9), cw * 0.48) : 0
        let timbreX = max(Units.cm(2.1), x + LayoutEngine.quietZone)
        var timbreRight: Double = W - m.right
        if cedible { timbreRight -= acuseWidth + 12 }
        let timbreMax: Double = min(Units.cm(9), timbreRight - LayoutEngine.quietZone - timbreX)
        // Lay the bottom zone out once at y = 0 to know its height, then shift it.
        let savedElements = elements
        elements = []
        let (_, tbh) = try timbreBlock(x: timbreX, y: 0, maxWidth: timbreMax)
        var rightH = 0.0
        if cedible {
            rightH = acuse(x: W - m.right - acuseWidth, y: 0, width: acuseWidth)
            rightH += 4
            rightH += text(cedibleText, FontSpec(size: max(12, t.fonts.heading + 1), bold: true), x: W - m.right - acuseWidth,
                           y: rightH, width: acuseWidth, align: .right, role: .cedible)
        }
        let zoneElements = elements
        let zoneHeight = max(tbh, rightH)
        elements = savedElements

        var y = sheetHeader()
        // Receptor and conditions (first page only).
        let leftRows = isGenericBoletaReceptor ? [] : receptorRows
        let boxTop = y
        let colGap = 12.0
        let lw: Double = leftRows.isEmpty ? 0 : cw * 0.6
        let lh = pairs(leftRows, x: x + 5, y: y + 5, width: lw - 10)
        let gapLeft: Double = leftRows.isEmpty ? 5 : colGap
        let rightX: Double = x + lw + gapLeft
        let rightW: Double = cw - lw - gapLeft - 5
        let rh = pairs(conditionRows, x: rightX, y: y + 5, width: rightW)
        y += max(lh, rh) + 8
        elements.append(.rect(Rect(x: x, y: boxTop, width: cw, height: y - boxTop), stroke: t.accent, lineWidth: 0.5, fill: nil))
        y += 8
        let tr = transportRows
        if !tr.isEmpty {
            let title = doc.type.isExport ? "Datos de exportación" : "Datos de transporte"
            y += text(title, e.bodyBold, x: x, y: y, width: cw, color: t.accent) + 2
            let half = (tr.count + 1) / 2
            let h1 = pairs(Array(tr[..<half]), x: x, y: y, width: cw / 2 - 6)
            let h2 = pairs(Array(tr[half...]), x: x + cw / 2 + 6, y: y, width: cw / 2 - 6)
            y += max(h1, h2) + 8
        }
        // Referencias.
        if !doc.referencias.isEmpty {
            y += text("Referencias a otros documentos", e.bodyBold, x: x, y: y, width: cw, color: t.accent) + 2
            let fractions: [Double] = [0.34, 0.16, 0.13, 0.37]
            let widths: [Double] = fractions.map { $0 * cw }
            let titles = ["Tipo de documento", "Folio", "Fecha", "Razón referencia"]
            var cx = x
            for (i, title) in titles.enumerated() { label(title, e.bodyBold, x: cx + 3, y: y); cx += widths[i] }
            y += e.measure.lineHeight(e.bodyBold) + 1
            hline(x, x + cw, y, width: 0.4)
            y += 2
            for r in doc.referencias {
                cx = x
                var h = 0.0
                for (i, cell) in referenceCells(r).enumerated() {
                    h = max(h, text(cell, e.body, x: cx + 3, y: y, width: widths[i] - 6, role: .keyData))
                    cx += widths[i]
                }
                y += h + 2
            }
            y += 8
        }
        // Detalle.
        let (titles, rows, _) = detailRows()
        let cols = columnWidths(titles: titles, rows: rows, total: cw)
        y += tableHeader(cols, x: x, y: y, width: cw) + 1
        for r in rows {
            let saved = elements
            let rowH = detailRow(r, cols: cols, x: x, y: y)
            if y + rowH > pageBottom && y > m.top + 1 {
                // Continue on a new page: header and recuadro repeated, then the table header.
                elements = saved
                finishPage(width: W, height: H)
                y = sheetHeader()
                y += tableHeader(cols, x: x, y: y, width: cw) + 1
                _ = detailRow(r, cols: cols, x: x, y: y)
            }
            y += rowH
            hline(x, x + cw, y, width: 0.3, color: PrintColor(red: 0.75, green: 0.75, blue: 0.75))
        }
        y += 8
        // Totals (right), observations (left), then the bottom zone, all on the last page.
        let totals = totalsRows
        let tw = min(Units.cm(9), cw * 0.5)
        let tx = W - m.right - tw
        let obs = t.observations.map { placeholders($0) }
        var needed = 0.0
        let totalsHeight: Double = {
            var hh = 0.0
            for (l, v, b) in totals {
                let lf: FontSpec = b ? e.bodyBold : e.body
                let h1: Double = e.measure.wrappedHeight(l, font: lf, width: tw * 0.58 - 5, alignment: .left)
                let h2: Double = e.measure.wrappedHeight(v, font: lf, width: tw * 0.42 - 5, alignment: .left)
                hh += max(h1, h2) + 3
            }
            return hh + 6
        }()
        needed = totalsHeight
        if let obs, !obs.isEmpty { needed = max(needed, e.measure.wrappedHeight(obs, font: e.small, width: cw - tw - 12, alignment: .left)) }
        if y + needed > pageBottom - zoneHeight {
            finishPage(width: W, height: H)
            y = sheetHeader()
        }
        if let obs, !obs.isEmpty { text(obs, e.small, x: x, y: y, width: cw - tw - 12, color: t.accent) }
        var ty = y
        elements.append(.rect(Rect(x: tx, y: ty, width: tw, height: totalsHeight), stroke: t.accent, lineWidth: 0.5, fill: nil))
        ty += 3
        for (l, v, b) in totals {
            let f = b ? e.bodyBold : e.body
            let h1 = text(l, f, x: tx + 5, y: ty, width: tw * 0.58 - 5, role: .plain)
            let h2 = text(v, f, x: tx + tw * 0.58, y: ty, width: tw * 0.42 - 5, align: .right, role: .keyData)
            ty += max(h1, h2) + 3
        }
        // Place the bottom zone at the bottom of the last page.
        let zoneTop = pageBottom - zoneHeight
        for el in zoneElements { elements.append(el.offsetBy(dy: zoneTop)) }
        if var tb = facts.timbre { tb.y += zoneTop; facts.timbre = tb }
        facts.timbrePage = pages.count
        finishPage(width: W, height: H)
        let footerY = H - m.bottom - fh + 4
        numberPages(footerY: { _ in footerY }, x: x, width: cw)
        return DocumentLayout(pages: pages, facts: facts, minimumMargin: Units.cm(0.5))
    }

    // MARK: rolls

    mutating func roll() throws(PrintError) -> DocumentLayout {
        let W = t.paper.width
        let x = m.left, cw = contentWidth
        var y = m.top
        if let (w, h) = e.logoSize(maxWidth: min(Units.cm(t.logo.maxWidth), cw), maxHeight: Units.cm(t.logo.maxHeight)) {
            let centred: Double = x + (cw - w) / 2
            let lx: Double = t.logo.position == .left ? x : centred
            let r = Rect(x: lx, y: y, width: w, height: h)
            elements.append(.logo(r))
            facts.logo = r
            y += h + 6
        }
        let rw = min(Units.cm(t.recuadroWidth), cw)
        y = recuadro(x: (W - rw) / 2, y: y, width: rw) + 8
        y = emisor(x: x, y: y, width: cw) + 6
        hline(x, x + cw, y, width: 0.4); y += 4
        if !isGenericBoletaReceptor {
            y += pairs(receptorRows, x: x, y: y, width: cw) + 2
        }
        y += pairs(conditionRows, x: x, y: y, width: cw) + 2
        let tr = transportRows
        if !tr.isEmpty { y += pairs(tr, x: x, y: y, width: cw) + 2 }
        if !doc.referencias.isEmpty {
            hline(x, x + cw, y, width: 0.4); y += 3
            y += text("Referencias", e.bodyBold, x: x, y: y, width: cw, color: t.accent) + 1
            for r in doc.referencias {
                let c = referenceCells(r)
                var s = c[0]
                if !c[1].isEmpty { s += " N° " + c[1] }
                if !c[2].isEmpty { s += " del " + c[2] }
                if !c[3].isEmpty { s += " — " + c[3] }
                y += text(s, e.body, x: x, y: y, width: cw, role: .keyData) + 1
            }
        }
        hline(x, x + cw, y, width: 0.6); y += 3
        let priceDecimals = currency == nil ? t.columns.precioDecimals : max(2, t.columns.precioDecimals)
        for d in doc.detalle {
            y += text(d.nombre + (d.isExempt ? " (exento)" : ""), e.bodyBold, x: x, y: y, width: cw, role: .keyData)
            if let ds = d.descripcion, !ds.isEmpty { y += text(ds, e.body, x: x, y: y, width: cw) }
            var left = ""
            if let q = d.cantidad {
                left = Formatting.decimal(q)
                if let u = d.unidad { left += " " + u }
                if let p = d.precioUnitario {
                    left += " x " + Formatting.decimal(p, maxDecimals: max(priceDecimals, 6), minDecimals: priceDecimals)
                }
            }
            if let dm = d.descuentoMonto { left += " desc. " + Formatting.amount(dm, currency: currency) }
            let h1 = text(left, e.body, x: x, y: y, width: cw * 0.55, role: .keyData)
            let h2 = text(Formatting.amount(d.montoItem, currency: currency), e.body, x: x + cw * 0.55, y: y,
                          width: cw * 0.45, align: .right, role: .keyData)
            y += max(h1, h2, e.measure.lineHeight(e.body)) + 3
        }
        hline(x, x + cw, y, width: 0.6); y += 3
        for (l, v, b) in totalsRows {
            let f = b ? e.bodyBold : e.body
            let h1 = text(l, f, x: x, y: y, width: cw * 0.55)
            let h2 = text(v, f, x: x + cw * 0.55, y: y, width: cw * 0.45, align: .right, role: .keyData)
            y += max(h1, h2) + 2
        }
        if let obs = t.observations.map({ placeholders($0) }), !obs.isEmpty {
            y += 4
            y += text(obs, e.small, x: x, y: y, width: cw, color: t.accent)
        }
        y += 6
        if copy == .cedible {
            y += acuse(x: x, y: y, width: cw) + 6
        }
        // Timbre: ≥ 2 cm from the left edge on 80 mm; narrower rolls centre it in the printable width.
        if t.paper == .roll80 {
            let tx = Units.cm(2.0)
            let (_, h) = try timbreBlock(x: tx, y: y, maxWidth: W - tx - LayoutEngine.quietZone)
            y += h
        } else {
            let margin = Units.cm(0.5)
            let (_, h) = try timbreBlock(x: margin, y: y, maxWidth: W - 2 * margin, centerIn: Rect(x: 0, y: y, width: W, height: 0))
            y += h
        }
        if copy == .cedible {
            y += 6
            y += text(cedibleText, FontSpec(size: max(10, t.fonts.heading), bold: true), x: x, y: y, width: cw,
                      align: .right, role: .cedible)
        }
        y += 6
        let fh = footerHeight
        let H = y + fh + m.bottom
        finishPage(width: W, height: H)
        let footerY = y
        numberPages(footerY: { _ in footerY }, x: x, width: cw)
        return DocumentLayout(pages: pages, facts: facts, minimumMargin: Units.cm(0.5))
    }
}

extension LayoutElement {
    func offsetBy(dy: Double) -> LayoutElement {
        switch self {
        case var .text(r): r.frame.y += dy; return .text(r)
        case let .line(x1, y1, x2, y2, w, c): return .line(x1: x1, y1: y1 + dy, x2: x2, y2: y2 + dy, width: w, color: c)
        case .rect(var r, let s, let w, let f): r.y += dy; return .rect(r, stroke: s, lineWidth: w, fill: f)
        case var .logo(r): r.y += dy; return .logo(r)
        case .barcode(var r, let s): r.y += dy; return .barcode(r, s)
        }
    }
}

/// Names for the export (Aduana) codes printed on export documents: Aduana's tables
/// (``AduanaTables``), the code itself where a table has no entry.
enum ExportNames {
    static func modalidad(_ c: Int) -> String { AduanaTables.display(c, in: .saleModality) }
    static func clausula(_ c: Int) -> String { AduanaTables.display(c, in: .saleClause) }
    static func via(_ c: Int) -> String { AduanaTables.display(c, in: .transportMode) }
    static func port(_ code: Int?, _ id: String?) -> String {
        [code.map { AduanaTables.display($0, in: .port) }, id].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
    static func country(_ c: Int) -> String { AduanaTables.display(c, in: .country) }
    static func unit(_ c: Int) -> String { AduanaTables.display(c, in: .unit) }
    static func bulto(_ c: Int) -> String { AduanaTables.display(c, in: .packageType) }
}
