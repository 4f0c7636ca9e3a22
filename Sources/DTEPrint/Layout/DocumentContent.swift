import DTECore
import Foundation

/// What a printout says, before anything is placed: the Spanish labels and the values taken from
/// the document and the template's texts. Pure Swift (no fonts, no Pango): the layouts
/// (``LayoutRun``) only decide where these texts go.
struct DocumentContent {
    let document: DTEDocument
    let template: PrintTemplate

    /// A "label value" row (receptor, conditions, transport and export data).
    struct Row: Hashable {
        var label: String
        var value: String
    }

    /// A totals line; `emphasized` lines (the total, the value to pay) are printed bold.
    struct TotalLine: Hashable {
        var label: String
        var value: String
        var emphasized: Bool
    }

    /// The emisor block's lines in print order; absent lines are `nil`.
    struct EmisorLines: Hashable {
        /// Highlighted (MMI 1.2: "Este dato se debe destacar").
        var razonSocial: String
        /// In full, never abbreviated (MMI 1.2).
        var giro: String
        var casaMatriz: String?
        var sucursal: String?
        var contact: String?
    }

    /// One reference as the sheet's table shows it: the document's name in words, folio, date, reason.
    struct ReferenceCells: Hashable {
        var documentName: String
        var folio: String
        var date: String
        var reason: String
    }

    /// One detail line of the sheets' table: a cell per column (the description's cell is empty:
    /// `name` and `description` fill it).
    struct DetailRow: Hashable {
        var cells: [String]
        var name: String
        var description: String?
    }

    /// The sheets' detail table as text: column titles and the rows.
    struct DetailTableText: Hashable {
        var titles: [String]
        var rows: [DetailRow]
        /// The column of the description (after "Código" when that column is printed).
        var descriptionIndex: Int
    }

    /// One detail line as a roll prints it: name, description, "quantity unit x price desc." and amount.
    struct RollItem: Hashable {
        var name: String
        var description: String?
        var quantityLine: String
        var amount: String
    }

    // MARK: document-wide facts

    /// The document's currency when it is not the Chilean peso (export documents).
    var currency: String? { document.totales.moneda.flatMap { Formatting.isCLP($0) ? nil : $0 } }

    /// A boleta to the generic receptor 66.666.666-6: its receptor rows are not printed.
    var isGenericBoletaReceptor: Bool { document.type.isBoleta && document.receptor.rut == RUT.genericReceptor }

    /// Decimals of unit prices: the template's, at least 2 in a foreign currency.
    var priceDecimals: Int { currency == nil ? template.columns.precioDecimals : max(2, template.columns.precioDecimals) }

    // MARK: recuadro and emisor

    /// The recuadro's three lines (MMI 1.1.4): emisor's RUT, the type's printed name, the folio.
    var recuadroLines: [String] { ["R.U.T.: \(document.emisor.rut.formatted)", document.type.printedName, "N° \(document.folio)"] }

    /// The line below the recuadro: the SII unit of the emisor (MMI 1.1.4).
    var siiUnitLine: String { "S.I.I. - \(template.siiUnit)" }

    /// Razón social, giro, casa matriz, sucursal, contact (MMI 1.1.7 and 1.2).
    var emisorLines: EmisorLines {
        let emisor = document.emisor
        let place = [emisor.direccion, emisor.comuna, emisor.ciudad == emisor.comuna ? nil : emisor.ciudad]
            .compactMap { $0 }.filter { !$0.isEmpty }
        var contact: [String] = []
        if !emisor.telefonos.isEmpty { contact.append("Teléfono: " + emisor.telefonos.joined(separator: " / ")) }
        if let correo = emisor.correo, !correo.isEmpty { contact.append("Correo: " + correo) }
        return EmisorLines(
            razonSocial: emisor.razonSocial, giro: emisor.giro,
            casaMatriz: place.isEmpty ? nil : "Casa Matriz: " + place.joined(separator: ", "),
            sucursal: emisor.sucursal.flatMap { $0.isEmpty ? nil : "Sucursal: " + $0 },
            contact: contact.isEmpty ? nil : contact.joined(separator: "   "))
    }

    // MARK: receptor, conditions, transport

    /// Razón social, RUT, giro, dirección, comuna, ciudad, contacto, foreign id (MMI 1.3).
    var receptorRows: [Row] {
        let receptor = document.receptor
        var rows: [Row] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { rows.append(Row(label: label, value: value)) }
        }
        add("Señor(es):", receptor.razonSocial)
        rows.append(Row(label: "R.U.T.:", value: receptor.rut.formatted))
        add("Giro:", receptor.giro)
        add("Dirección:", receptor.direccion)
        add("Comuna:", receptor.comuna)
        if receptor.ciudad != receptor.comuna { add("Ciudad:", receptor.ciudad) }
        add("Contacto:", receptor.contacto)
        add("Id. extranjero:", receptor.extranjeroNumId)
        return rows
    }

    /// Fecha de emisión, vencimiento, forma and condición de pago, período, the guía's traslado
    /// and despacho, the currency.
    var conditionRows: [Row] {
        let idDoc = document.idDoc
        var rows: [Row] = [Row(label: "Fecha de emisión:", value: Formatting.longDate(idDoc.fechaEmision))]
        if let due = idDoc.fechaVencimiento { rows.append(Row(label: "Vencimiento:", value: Formatting.longDate(due))) }
        let paymentNames = [1: "Contado", 2: "Crédito", 3: "Sin costo (entrega gratuita)"]
        if let payment = idDoc.formaPago.flatMap({ paymentNames[$0] }) { rows.append(Row(label: "Forma de pago:", value: payment)) }
        if let terms = idDoc.terminoPagoGlosa, !terms.isEmpty { rows.append(Row(label: "Condición de pago:", value: terms)) }
        if let from = idDoc.periodoDesde, let to = idDoc.periodoHasta {
            rows.append(Row(label: "Período:", value: "\(from.chileanFormat) al \(to.chileanFormat)"))
        }
        if document.type == .guiaDespacho, let traslado = idDoc.indTraslado {
            rows.append(Row(label: "Tipo de traslado:", value: "\(traslado.rawValue) \(traslado.gloss)"))
        }
        if document.type == .guiaDespacho, let despacho = idDoc.tipoDespacho {
            let names: [Int: String] = [1: "Por cuenta del receptor", 2: "Por cuenta del emisor a instalaciones del cliente",
                                        3: "Por cuenta del emisor a otras instalaciones"]
            rows.append(Row(label: "Tipo de despacho:", value: names[despacho] ?? String(despacho)))
        }
        if let currency { rows.append(Row(label: "Moneda:", value: AduanaTables.currencyDisplay(currency))) }
        return rows
    }

    /// The title above the transport rows.
    var transportTitle: String { document.type.isExport ? "Datos de exportación" : "Datos de transporte" }

    /// Transport and export data ("Datos de transporte / exportación"), Aduana's codes by name.
    var transportRows: [Row] {
        guard let transporte = document.transporte else { return [] }
        var rows: [Row] = []
        if let patente = transporte.patente, !patente.isEmpty { rows.append(Row(label: "Patente:", value: patente)) }
        if let rut = transporte.rutTransportista { rows.append(Row(label: "RUT transportista:", value: rut.formatted)) }
        if let chofer = transporte.nombreChofer, !chofer.isEmpty {
            let rut: String = transporte.rutChofer.map { (r: RUT) -> String in " (" + r.formatted + ")" } ?? ""
            rows.append(Row(label: "Chofer:", value: chofer + rut))
        }
        let destination = [transporte.direccionDestino, transporte.comunaDestino, transporte.ciudadDestino]
            .compactMap { $0 }.filter { !$0.isEmpty }
        if !destination.isEmpty { rows.append(Row(label: "Destino:", value: destination.joined(separator: ", "))) }
        if let aduana = transporte.aduana { rows += exportRows(aduana) }
        return rows
    }

    /// The Aduana part of the transport rows (MMI 1.4 "Documentos de Exportación": puertos,
    /// bultos, país receptor, moneda).
    func exportRows(_ aduana: Aduana) -> [Row] {
        var rows: [Row] = []
        let foreign = currency ?? "USD"
        if let code = aduana.codigoModalidadVenta { rows.append(Row(label: "Modalidad de venta:", value: ExportNames.modalidad(code))) }
        if let code = aduana.codigoClausulaVenta {
            var clausula: String = ExportNames.clausula(code)
            if let total = aduana.totalClausulaVenta { clausula += " " + Formatting.amount(total, currency: foreign) }
            rows.append(Row(label: "Cláusula de venta:", value: clausula))
        }
        if let code = aduana.codigoViaTransporte { rows.append(Row(label: "Vía de transporte:", value: ExportNames.via(code))) }
        if let name = aduana.nombreTransporte, !name.isEmpty { rows.append(Row(label: "Nave / transporte:", value: name)) }
        if aduana.codigoPuertoEmbarque != nil || aduana.idPuertoEmbarque != nil {
            rows.append(Row(label: "Puerto de embarque:", value: ExportNames.port(aduana.codigoPuertoEmbarque, aduana.idPuertoEmbarque)))
        }
        if aduana.codigoPuertoDesembarque != nil || aduana.idPuertoDesembarque != nil {
            rows.append(Row(label: "Puerto de desembarque:",
                            value: ExportNames.port(aduana.codigoPuertoDesembarque, aduana.idPuertoDesembarque)))
        }
        if let count = aduana.totalBultos { rows.append(Row(label: "Total bultos:", value: String(count))) }
        for bulto in aduana.bultos {
            let kind = bulto.codigoTipoBulto.map(ExportNames.bulto)
            let text = [bulto.cantidad.map(String.init), kind, bulto.marcas.map { "marcas " + $0 }].compactMap { $0 }.joined(separator: " ")
            if !text.isEmpty { rows.append(Row(label: "Bultos:", value: text)) }
        }
        if let weight = aduana.pesoBruto {
            rows.append(Row(label: "Peso bruto:", value: Formatting.decimalText(weight, decimals: min(weight.scale, 3))
                                + (aduana.codigoUnidadPesoBruto.map { " " + ExportNames.unit($0) } ?? "")))
        }
        if let weight = aduana.pesoNeto {
            rows.append(Row(label: "Peso neto:", value: Formatting.decimalText(weight, decimals: min(weight.scale, 3))
                                + (aduana.codigoUnidadPesoNeto.map { " " + ExportNames.unit($0) } ?? "")))
        }
        if let flete = aduana.montoFlete { rows.append(Row(label: "Flete:", value: Formatting.amount(flete, currency: foreign))) }
        if let seguro = aduana.montoSeguro { rows.append(Row(label: "Seguro:", value: Formatting.amount(seguro, currency: foreign))) }
        if let code = aduana.codigoPaisReceptor { rows.append(Row(label: "País receptor:", value: ExportNames.country(code))) }
        if let code = aduana.codigoPaisDestino { rows.append(Row(label: "País destino:", value: ExportNames.country(code))) }
        return rows
    }

    // MARK: references

    /// Document name in words (" (global)" for a global reference), folio, date, CodRef text and razón.
    func referenceCells(_ reference: DTEReference) -> ReferenceCells {
        let reason = [reference.codigoText, reference.razon].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        let name = reference.documentName + (reference.indicadorGlobal ? " (global)" : "")
        return ReferenceCells(documentName: name, folio: reference.folio ?? "", date: reference.fecha?.chileanFormat ?? "",
                              reason: reason)
    }

    /// A reference as one sentence (rolls): "Factura Electrónica N° 12 del 01-02-2024 — Anula documento".
    func referenceLine(_ reference: DTEReference) -> String {
        let cells = referenceCells(reference)
        var line = cells.documentName
        if !cells.folio.isEmpty { line += " N° " + cells.folio }
        if !cells.date.isEmpty { line += " del " + cells.date }
        if !cells.reason.isEmpty { line += " — " + cells.reason }
        return line
    }

    // MARK: detail

    /// The sheets' detail table: the template's optional columns (código, unidad, desc./rec.).
    var detailTable: DetailTableText {
        let columns = template.columns
        var titles: [String] = []
        if columns.codigo { titles.append("Código") }
        titles.append("Descripción")
        titles.append("Cantidad")
        if columns.unidad { titles.append("Unidad") }
        titles.append("P. Unitario")
        if columns.descuento { titles.append("Desc./Rec.") }
        titles.append("Valor")
        let rows = document.detalle.map { detailRow($0) }
        return DetailTableText(titles: titles, rows: rows, descriptionIndex: columns.codigo ? 1 : 0)
    }

    /// One line's cells in the order of ``detailTable``'s titles.
    func detailRow(_ line: DetailLine) -> DetailRow {
        let columns = template.columns
        let decimals = priceDecimals
        var cells: [String] = []
        if columns.codigo { cells.append(line.codigos.first?.valor ?? "") }
        cells.append("")
        cells.append(line.cantidad.map { Formatting.decimal($0, maxDecimals: 6) } ?? "")
        if columns.unidad { cells.append(line.unidad ?? "") }
        cells.append(line.precioUnitario.map { Formatting.decimal($0, maxDecimals: max(decimals, 6), minDecimals: decimals) } ?? "")
        if columns.descuento {
            var parts: [String] = []
            if let p = line.descuentoPorcentaje { parts.append("-" + Formatting.percent(p)) }
            if let amount = line.descuentoMonto { parts.append("-" + Formatting.amount(amount, currency: currency)) }
            if let p = line.recargoPorcentaje { parts.append("+" + Formatting.percent(p)) }
            if let amount = line.recargoMonto { parts.append("+" + Formatting.amount(amount, currency: currency)) }
            cells.append(parts.joined(separator: " "))
        }
        cells.append(Formatting.amount(line.montoItem, currency: currency))
        return DetailRow(cells: cells, name: itemName(line), description: line.descripcion)
    }

    /// The item's name, " (exento)" for an exempt line.
    func itemName(_ line: DetailLine) -> String { line.nombre + (line.isExempt ? " (exento)" : "") }

    /// One detail line as a roll prints it.
    func rollItem(_ line: DetailLine) -> RollItem {
        let decimals = priceDecimals
        var quantity = ""
        if let amount = line.cantidad {
            quantity = Formatting.decimal(amount)
            if let unit = line.unidad { quantity += " " + unit }
            if let price = line.precioUnitario {
                quantity += " x " + Formatting.decimal(price, maxDecimals: max(decimals, 6), minDecimals: decimals)
            }
        }
        if let discount = line.descuentoMonto { quantity += " desc. " + Formatting.amount(discount, currency: currency) }
        return RollItem(name: itemName(line), description: line.descripcion, quantityLine: quantity,
                        amount: Formatting.amount(line.montoItem, currency: currency))
    }

    // MARK: totals

    /// Global discounts, the amounts, taxes and the total, then OtraMoneda (MMI 1.4 "Montos Exentos":
    /// exempt types show only Monto Exento and the total; any exempt line brings a Monto Exento line).
    var totalLines: [TotalLine] {
        var lines = globalDiscountLines
        lines += document.type.isExempt ? [line("Monto Exento", amount(document.totales.montoExento ?? document.totales.montoTotal))]
                                        : taxLines
        let totales = document.totales
        if let n = totales.montoNoFacturable { lines.append(line("Monto no facturable", amount(n))) }
        var totalLabel: String = "MONTO TOTAL"
        if let currency { totalLabel += " (" + currency + ")" }
        lines.append(line(totalLabel, amount(totales.montoTotal), emphasized: true))
        if let p = totales.montoPeriodo { lines.append(line("Monto del período", amount(p))) }
        if let s = totales.saldoAnterior { lines.append(line("Saldo anterior", amount(s))) }
        if let v = totales.valorPagar { lines.append(line("Valor a pagar", amount(v), emphasized: true)) }
        return lines + otherCurrencyLines
    }

    private func line(_ label: String, _ value: String, emphasized: Bool = false) -> TotalLine {
        TotalLine(label: label, value: value, emphasized: emphasized)
    }

    private func amount(_ money: Money) -> String { Formatting.amount(money, currency: currency) }

    /// "Descuento global (glosa)" / "Recargo global", as a percentage or an amount.
    var globalDiscountLines: [TotalLine] {
        document.descuentosRecargos.map { item in
            var label: String = item.kind == .descuento ? "Descuento global" : "Recargo global"
            if let glosa = item.glosa { label += " (" + glosa + ")" }
            let value: String
            if item.unit == .percent { value = Formatting.percent(item.valor) }
            else if currency == nil { value = "$ " + Formatting.decimal(item.valor, maxDecimals: 0) }
            else { value = Formatting.decimal(item.valor, maxDecimals: 4, minDecimals: 2) }
            return line(label, value)
        }
    }

    /// Neto, exento, IVA with its rate, retained and other taxes, commissions (affected types).
    var taxLines: [TotalLine] {
        let totales = document.totales
        var lines: [TotalLine] = []
        if let n = totales.montoNeto { lines.append(line("Monto Neto", amount(n))) }
        let anyExemptLine = document.detalle.contains { $0.isExempt }
        let exemptAmount: Bool = totales.montoExento.map { (m: Money) -> Bool in m != Money.zero } ?? false
        if anyExemptLine || exemptAmount { lines.append(line("Monto Exento", amount(totales.montoExento ?? .zero))) }
        if totales.iva != nil || totales.montoNeto != nil {
            let rate = Formatting.percent(totales.tasaIVA ?? 19)
            lines.append(line("IVA (\(rate))", amount(totales.iva ?? .zero)))
        }
        if let p = totales.ivaPropio { lines.append(line("IVA propio", amount(p))) }
        if let p = totales.ivaTerceros { lines.append(line("IVA terceros", amount(p))) }
        for retained in totales.impuestosRetenidos {
            var name = retained.name
            if document.type == .facturaCompra, [15, 16].contains(retained.codigo) {
                name = "IVA retenido" + (retained.codigo == 16 ? " parcial" : "")
            }
            let rate = retained.tasa.map { " (\(Formatting.percent($0)))" } ?? ""
            lines.append(line(name + rate, amount(retained.monto)))
        }
        if let n = totales.ivaNoRetenido { lines.append(line("IVA no retenido", amount(n))) }
        if let c = totales.creditoEmpresaConstructora { lines.append(line("Crédito 65% empresa constructora", amount(c))) }
        if let c = totales.comisionNeto { lines.append(line("Comisiones neto", amount(c))) }
        if let c = totales.comisionExento { lines.append(line("Comisiones exento", amount(c))) }
        if let c = totales.comisionIVA { lines.append(line("IVA comisiones", amount(c))) }
        return lines
    }

    /// OtraMoneda: exchange rate and the amounts in the other currency (CLP without decimals).
    var otherCurrencyLines: [TotalLine] {
        guard let other = document.otraMoneda else { return [] }
        let code = other.tipoMoneda
        let clp = Formatting.isCLP(code)
        func text(_ m: Money) -> String { clp ? Formatting.clp(m) : Formatting.decimalText(m, decimals: max(2, m.scale)) }
        var lines: [TotalLine] = []
        if let rate = other.tipoCambio { lines.append(line("Tipo de cambio (\(code))", Formatting.decimal(rate, maxDecimals: 4))) }
        if let x = other.montoExento { lines.append(line("Monto exento en \(code)", text(x))) }
        if let x = other.montoNeto { lines.append(line("Monto neto en \(code)", text(x))) }
        if let x = other.iva { lines.append(line("IVA en \(code)", text(x))) }
        if let x = other.montoTotal { lines.append(line("Total en \(code)", text(x), emphasized: true)) }
        return lines
    }

    // MARK: template texts, acuse, legends

    /// The template's observations with their placeholders filled in.
    var observations: String? { template.observations.map { placeholders($0) } }

    /// The template's footer with its placeholders filled in.
    var footer: String? { template.footer.map { placeholders($0) } }

    /// "Página i de N".
    static func pageNumber(_ index: Int, of count: Int) -> String { "Página \(index + 1) de \(count)" }

    /// The destination legend of a cedible copy (MMI 1.4: the guía says "CEDIBLE CON SU FACTURA").
    var cedibleText: String { document.type == .guiaDespacho ? "CEDIBLE CON SU FACTURA" : "CEDIBLE" }

    /// The acuse de recibo box's title and fields (MMI 1.4: Nombre, Rut, Fecha, Recinto y Firma;
    /// "Acuse de Recibo", never "Recibí conforme").
    enum Acuse {
        static let title = "Acuse de Recibo"
        static let name = "Nombre: ____________________________________________"
        static let rut = "RUT: __________________"
        static let date = "Fecha: ________________"
        static let place = "Recinto: ______________"
        static let signature = "Firma: ________________"
    }

    /// The three legends below the timbre (MMI 1.5 "Leyenda"): the first one bold.
    var timbreLegends: [String] {
        [SIIPrintRules.timbreLegend, "Res. \(template.resolutionNumber) de \(template.resolutionYear)", SIIPrintRules.verifyLegend]
    }

    /// Replaces `{{key}}` placeholders (``TemplateParser/placeholders``) with the document's values.
    func placeholders(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        let emisor = document.emisor
        let values: [String: String] = [
            "emisor.razon_social": emisor.razonSocial, "emisor.rut": emisor.rut.formatted, "emisor.giro": emisor.giro,
            "emisor.correo": emisor.correo ?? "", "emisor.email": emisor.correo ?? "",
            "emisor.telefono": emisor.telefonos.joined(separator: " / "), "emisor.direccion": emisor.direccion ?? "",
            "emisor.comuna": emisor.comuna ?? "", "emisor.ciudad": emisor.ciudad ?? "", "emisor.sucursal": emisor.sucursal ?? "",
            "documento.tipo": document.type.printedName, "documento.folio": String(document.folio),
            "documento.fecha": document.idDoc.fechaEmision.chileanFormat,
            "receptor.razon_social": document.receptor.razonSocial ?? "", "receptor.rut": document.receptor.rut.formatted,
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
}
