import Foundation

/// Where a lenient read records the deviations it tolerated.
package final class ReadLog {
    package var warnings: [DTEReadWarning] = []
    package init() {}
}

/// Maps parsed XML (``XElement``) onto the typed DTE model. Element names are matched by local
/// name, so documents with and without the SiiDte namespace read alike; unknown elements are
/// ignored. Values that are present must be valid; errors name the element and its line.
///
/// Strict (the default) refuses any deviation. Lenient (for printing documents others issued)
/// tolerates what a printout can still show — a missing non-essential element, a date with a
/// time, an optional value out of its format — and records each as a warning in ``log`` with the
/// very error strict mode would throw. What a printout cannot do without (the type, the folio,
/// the emission date, the RUTs, the total, a readable TED) fails in both modes.
package struct DocumentMapper {
    package let source: String
    package let lenient: Bool
    package let log: ReadLog

    package init(source: String, lenient: Bool = false, log: ReadLog = ReadLog()) {
        self.source = source; self.lenient = lenient; self.log = log
    }

    // MARK: Errors and typed values

    private func error(_ e: XElement, _ reason: DTEReadError.Reason) -> DTEReadError {
        DTEReadError(source: source, line: e.line, element: e.name, reason: reason)
    }

    /// Lenient: records `e` and returns `fallback`. Strict: throws `e`.
    private func tolerate<T>(_ e: DTEReadError, _ fallback: T) throws(DTEReadError) -> T {
        guard lenient else { throw e }
        log.warnings.append(DTEReadWarning(deviation: e))
        return fallback
    }

    /// Runs `body`; a failure is tolerated (lenient) with `fallback`, or thrown (strict, or no fallback).
    private func orElse<T>(_ fallback: T?, _ body: () throws(DTEReadError) -> T) throws(DTEReadError) -> T {
        do { return try body() } catch {
            guard let fallback else { throw error }
            return try tolerate(error, fallback)
        }
    }

    private func missing(_ parent: XElement, _ name: String) -> DTEReadError {
        DTEReadError(source: source, line: parent.line, element: name, reason: .missingElement("\(parent.name)/\(name)"))
    }

    private func required(_ parent: XElement, _ name: String) throws(DTEReadError) -> XElement {
        guard let c = parent.child(name) else { throw missing(parent, name) }
        return c
    }

    private func requiredText(_ parent: XElement, _ name: String, orElse fallback: String? = nil) throws(DTEReadError) -> String {
        try orElse(fallback) { () throws(DTEReadError) -> String in
            let c = try required(parent, name)
            let t = c.text.trimmingXMLSpace()
            guard !t.isEmpty else { throw error(c, .invalidValue(value: "", why: "empty")) }
            return try bounded(t, c)
        }
    }

    /// Trimmed text of an optional child, `nil` when absent or empty; bounded (see ``bounded(_:_:)``).
    private func text(_ parent: XElement, _ name: String) throws(DTEReadError) -> String? {
        guard let t = parent.childText(name) else { return nil }
        return try bounded(t, parent.child(name) ?? parent)
    }

    /// The longest text field of the SII's schemas (DscItem) is 1000 characters. A longer value
    /// is refused (strict) or cut to 1000 characters with a warning (lenient): a 10 MB NmbItem
    /// must never reach the printout's text layout.
    static let maxTextCharacters = 1000

    private func bounded(_ t: String, _ c: XElement) throws(DTEReadError) -> String {
        guard t.utf8.count > DocumentMapper.maxTextCharacters, t.count > DocumentMapper.maxTextCharacters else { return t }
        let e = error(c, .invalidValue(value: String(t.prefix(40)) + "…",
                                       why: "\(t.count) characters, more than the \(DocumentMapper.maxTextCharacters) the SII allows for any text field"))
        return try tolerate(e, String(t.prefix(DocumentMapper.maxTextCharacters)))
    }

    private func parseInt(_ c: XElement) throws(DTEReadError) -> Int? {
        let t = c.text.trimmingXMLSpace()
        if t.isEmpty { return nil }
        guard t.utf8.count <= 18, let v = Int(t) else { throw error(c, .invalidValue(value: t, why: "not an integer")) }
        return v
    }

    private func int(_ parent: XElement, _ name: String) throws(DTEReadError) -> Int? {
        guard let c = parent.child(name) else { return nil }
        do { return try parseInt(c) } catch { return try tolerate(error, nil) }
    }

    private func requiredInt(_ parent: XElement, _ name: String, orElse fallback: Int? = nil) throws(DTEReadError) -> Int {
        try orElse(fallback) { () throws(DTEReadError) -> Int in
            guard let c = parent.child(name) else { throw missing(parent, name) }
            guard let v = try parseInt(c) else { throw error(c, .invalidValue(value: "", why: "empty")) }
            return v
        }
    }

    private func parseMoney(_ c: XElement) throws(DTEReadError) -> Money? {
        let t = c.text.trimmingXMLSpace()
        if t.isEmpty { return nil }
        guard let m = Money(parsing: t) else { throw error(c, .invalidValue(value: t, why: "not an amount")) }
        return m
    }

    private func money(_ parent: XElement, _ name: String) throws(DTEReadError) -> Money? {
        guard let c = parent.child(name) else { return nil }
        do { return try parseMoney(c) } catch { return try tolerate(error, nil) }
    }

    private func requiredMoney(_ parent: XElement, _ name: String, orElse fallback: Money? = nil) throws(DTEReadError) -> Money {
        try orElse(fallback) { () throws(DTEReadError) -> Money in
            guard let c = parent.child(name) else { throw missing(parent, name) }
            guard let m = try parseMoney(c) else { throw error(c, .invalidValue(value: "", why: "empty")) }
            return m
        }
    }

    private func decimal(_ parent: XElement, _ name: String) throws(DTEReadError) -> Decimal? {
        try money(parent, name)?.decimalValue
    }

    /// A date; lenient reading also takes `2020-04-14T06:52:34` (a date with a time) as its date,
    /// with a warning.
    private func parseDate(_ c: XElement) throws(DTEReadError) -> CalendarDate? {
        let t = c.text.trimmingXMLSpace()
        if t.isEmpty { return nil }
        do { return try CalendarDate(t) } catch {
            let strict = self.error(c, .invalidValue(value: t, why: error.description))
            let u = Array(t.utf8)
            if lenient, u.count > 10, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "),
               let d = try? CalendarDate(String(decoding: u[0..<10], as: UTF8.self)) {
                return try tolerate(strict, d)
            }
            throw strict
        }
    }

    private func date(_ parent: XElement, _ name: String) throws(DTEReadError) -> CalendarDate? {
        guard let c = parent.child(name) else { return nil }
        do { return try parseDate(c) } catch { return try tolerate(error, nil) }
    }

    private func requiredDate(_ parent: XElement, _ name: String) throws(DTEReadError) -> CalendarDate {
        let c = try required(parent, name)
        guard let d = try parseDate(c) else { throw error(c, .invalidValue(value: "", why: "empty")) }
        return d
    }

    private func parseRUT(_ c: XElement) throws(DTEReadError) -> RUT? {
        let t = c.text.trimmingXMLSpace()
        if t.isEmpty { return nil }
        do { return try RUT(t) } catch { throw self.error(c, .invalidValue(value: t, why: error.description)) }
    }

    private func rut(_ parent: XElement, _ name: String) throws(DTEReadError) -> RUT? {
        guard let c = parent.child(name) else { return nil }
        do { return try parseRUT(c) } catch { return try tolerate(error, nil) }
    }

    private func requiredRUT(_ parent: XElement, _ name: String) throws(DTEReadError) -> RUT {
        let c = try required(parent, name)
        guard let r = try parseRUT(c) else { throw error(c, .invalidValue(value: "", why: "empty")) }
        return r
    }

    // MARK: Envelopes

    /// The document elements (`Documento`, `Liquidacion`, `Exportaciones` with an `Encabezado`)
    /// anywhere under `e`, in document order; found elements are not searched further.
    package static func documentElements(in e: XElement) -> [XElement] {
        var found: [XElement] = []
        var stack: [XElement] = [e]
        // Iterative pre-order walk (depth is capped by the parser, but no recursion is needed).
        while let x = stack.popLast() {
            if documentNames.contains(x.name), x.child("Encabezado") != nil { found.append(x); continue }
            stack.append(contentsOf: x.children.reversed())
        }
        return found
    }

    private static let documentNames: Set<String> = ["Documento", "Liquidacion", "Exportaciones"]

    package func envelope(_ root: XElement) throws(DTEReadError) -> DTEEnvelope {
        switch root.name {
        case "DTE":
            return DTEEnvelope(kind: .dte, source: source, documents: [try document(root)], container: root.name)
        case "EnvioDTE", "EnvioBOLETA":
            let kind: DTEEnvelope.Kind = root.name == "EnvioDTE" ? .envioDTE : .envioBoleta
            let set = root.child("SetDTE")
            var docs: [DTEDocument] = []
            if let set, !set.children("DTE").isEmpty {
                docs = try set.children("DTE").map { (e) throws(DTEReadError) in try document(e) }
            } else {
                // No SetDTE/DTE where the schema puts them: an old or hand-made envelope. Strict
                // refuses it as today; lenient looks for the documents wherever they are.
                let strict = set == nil ? missing(root, "SetDTE")
                    : DTEReadError(source: source, line: set?.line, element: "DTE", reason: .missingElement("SetDTE/DTE"))
                let found = Self.documentElements(in: root)
                if found.isEmpty { throw DTEReadError(source: source, line: root.line, element: root.name, reason: .noDocuments(root: root.name)) }
                _ = try tolerate(strict, ())
                docs = try found.map { (e) throws(DTEReadError) in try document(documentElement: e) }
            }
            return DTEEnvelope(kind: kind, source: source, documents: docs,
                               caratula: set?.child("Caratula").map(caratula), container: root.name)
        default:
            // Another container: a cesión (AEC), the SII portal's export (xml-fragment), a
            // provider's envelope, a bare Documento, a SetDTE without its EnvioDTE.
            let found = Self.documentElements(in: root)
            guard !found.isEmpty else {
                throw DTEReadError(source: source, line: root.line, element: root.name, reason: .notADTE(root: root.name))
            }
            let docs = try found.map { (e) throws(DTEReadError) in try document(documentElement: e) }
            return DTEEnvelope(kind: .embedded, source: source, documents: docs,
                               caratula: root.name == "SetDTE" ? root.child("Caratula").map(caratula) : nil,
                               container: root.name)
        }
    }

    /// The Carátula, read leniently: it is informative, a bad value there never hides the DTEs.
    private func caratula(_ c: XElement) -> Caratula {
        Caratula(rutEmisor: c.childText("RutEmisor").flatMap(RUT.init(validating:)),
                 rutEnvia: c.childText("RutEnvia").flatMap(RUT.init(validating:)),
                 rutReceptor: c.childText("RutReceptor").flatMap(RUT.init(validating:)),
                 fechaResolucion: c.childText("FchResol").flatMap { try? CalendarDate($0) },
                 numeroResolucion: c.childText("NroResol").flatMap { Int($0) },
                 timestampFirmaEnvio: c.childText("TmstFirmaEnv"),
                 subtotales: c.children("SubTotDTE").compactMap { s in
                     guard let t = s.childText("TpoDTE").flatMap({ Int($0) }) else { return nil }
                     return Caratula.Subtotal(tipoDTE: t, cantidad: s.childText("NroDTE").flatMap { Int($0) } ?? 0)
                 })
    }

    // MARK: Document

    /// Reads one `<DTE>` element.
    package func document(_ dte: XElement) throws(DTEReadError) -> DTEDocument {
        guard let doc = dte.children.first(where: { Self.documentNames.contains($0.name) }) else {
            throw DTEReadError(source: source, line: dte.line, element: "Documento",
                               reason: .missingElement("DTE/Documento (or Liquidacion, Exportaciones)"))
        }
        return try document(documentElement: doc)
    }

    /// Reads one `Documento` (or `Liquidacion`, `Exportaciones`) element.
    package func document(documentElement doc: XElement) throws(DTEReadError) -> DTEDocument {
        let enc = try required(doc, "Encabezado")
        let idDocE = try required(enc, "IdDoc")
        let tipoE = try required(idDocE, "TipoDTE")
        let code = try requiredInt(idDocE, "TipoDTE")
        guard let type = DocumentType(rawValue: code) else { throw error(tipoE, .unsupportedDocumentType(code)) }
        let folioE = try required(idDocE, "Folio")
        let folio = try requiredInt(idDocE, "Folio")
        guard folio > 0 else { throw error(folioE, .invalidValue(value: String(folio), why: "folio must be positive")) }

        var idDoc = IdDoc(tipoDTE: type, folio: Int64(folio), fechaEmision: try requiredDate(idDocE, "FchEmis"))
        idDoc.indNoRebaja = try int(idDocE, "IndNoRebaja")
        idDoc.tipoDespacho = try int(idDocE, "TipoDespacho")
        if let t = try int(idDocE, "IndTraslado") {
            if let tr = Traslado(rawValue: t) { idDoc.indTraslado = tr } else {
                idDoc.indTraslado = try tolerate(error(try required(idDocE, "IndTraslado"),
                                                       .invalidValue(value: String(t), why: "unknown IndTraslado")), nil)
            }
        }
        idDoc.indServicio = try int(idDocE, "IndServicio")
        idDoc.montosBrutos = try int(idDocE, "MntBruto") == 1
        idDoc.formaPago = try int(idDocE, "FmaPago")
        idDoc.fechaVencimiento = try date(idDocE, "FchVenc")
        idDoc.periodoDesde = try date(idDocE, "PeriodoDesde")
        idDoc.periodoHasta = try date(idDocE, "PeriodoHasta")
        idDoc.terminoPagoGlosa = try text(idDocE, "TermPagoGlosa")
        idDoc.fechaCancelacion = try date(idDocE, "FchCancel")

        let totE = try required(enc, "Totales")
        var result = DTEDocument(
            id: doc.attribute("ID"), idDoc: idDoc, emisor: try emisor(try required(enc, "Emisor")),
            receptor: try receptor(try required(enc, "Receptor")),
            transporte: try enc.child("Transporte").map { (e) throws(DTEReadError) in try transporte(e) },
            totales: try totales(totE),
            otraMoneda: try enc.child("OtraMoneda").map { (e) throws(DTEReadError) in try otraMoneda(e) },
            detalle: try doc.children("Detalle").map { (e) throws(DTEReadError) in try detailLine(e) })
        result.subtotales = try doc.children("SubTotInfo").map { (e) throws(DTEReadError) in
            DTESubtotal(numero: try requiredInt(e, "NroSTI", orElse: 0), glosa: try text(e, "GlosaSTI") ?? "",
                     valor: try money(e, "ValSubtotSTI"))
        }
        result.descuentosRecargos = try doc.children("DscRcgGlobal").map { (e) throws(DTEReadError) in try discount(e) }
        result.referencias = try doc.children("Referencia").map { (e) throws(DTEReadError) in try reference(e) }
        result.comisiones = try doc.children("Comisiones").map { (e) throws(DTEReadError) in
            DTECommission(numero: try requiredInt(e, "NroLinCom", orElse: 0), tipoMovimiento: try text(e, "TipoMovim") ?? "",
                       glosa: try text(e, "Glosa") ?? "", tasa: try decimal(e, "TasaComision"),
                       valorNeto: try money(e, "ValComNeto") ?? .zero, valorExento: try money(e, "ValComExe"),
                       valorIVA: try money(e, "ValComIVA"))
        }
        if let tedE = doc.child("TED") { result.ted = try ted(tedE) }
        result.timestampFirma = try text(doc, "TmstFirma")
        return result
    }

    private func emisor(_ e: XElement) throws(DTEReadError) -> Emisor {
        let rznSoc = try text(e, "RznSoc"), rznSocEmisor = try text(e, "RznSocEmisor")   // boletas: RznSocEmisor
        let giroEmis = try text(e, "GiroEmis"), giroEmisor = try text(e, "GiroEmisor")
        var razon = rznSoc ?? rznSocEmisor ?? ""
        if razon.isEmpty {
            razon = try tolerate(DTEReadError(source: source, line: e.line, element: "RznSoc", reason: .missingElement("Emisor/RznSoc")), "")
        }
        var em = Emisor(rut: try requiredRUT(e, "RUTEmisor"), razonSocial: razon,
                        giro: giroEmis ?? giroEmisor ?? "")
        for a in e.children("Acteco") {
            let t = a.text.trimmingXMLSpace()
            if t.isEmpty { continue }
            guard let v = Int(t) else { _ = try tolerate(error(a, .invalidValue(value: t, why: "not an integer")), ()); continue }
            em.actecos.append(v)
        }
        em.telefonos = e.children("Telefono").map { $0.text.trimmingXMLSpace() }.filter { !$0.isEmpty }
        em.correo = try text(e, "CorreoEmisor")
        em.sucursal = try text(e, "Sucursal")
        em.codigoSucursalSII = try text(e, "CdgSIISucur")
        em.direccion = try text(e, "DirOrigen")
        em.comuna = try text(e, "CmnaOrigen")
        em.ciudad = try text(e, "CiudadOrigen")
        em.codigoVendedor = try text(e, "CdgVendedor")
        return em
    }

    private func receptor(_ e: XElement) throws(DTEReadError) -> Receptor {
        var r = Receptor(rut: try requiredRUT(e, "RUTRecep"))
        r.codigoInterno = try text(e, "CdgIntRecep")
        r.razonSocial = try text(e, "RznSocRecep")
        if let x = e.child("Extranjero") {
            r.extranjeroNumId = try text(x, "NumId")
            r.extranjeroNacionalidad = try text(x, "Nacionalidad")
        }
        r.giro = try text(e, "GiroRecep")
        r.contacto = try text(e, "Contacto")
        r.correo = try text(e, "CorreoRecep")
        r.direccion = try text(e, "DirRecep")
        r.comuna = try text(e, "CmnaRecep")
        r.ciudad = try text(e, "CiudadRecep")
        return r
    }

    private func transporte(_ e: XElement) throws(DTEReadError) -> Transporte {
        var t = Transporte(patente: try text(e, "Patente"), rutTransportista: try rut(e, "RUTTrans"))
        if let ch = e.child("Chofer") {
            t.rutChofer = try rut(ch, "RUTChofer")
            t.nombreChofer = try text(ch, "NombreChofer")
        }
        t.direccionDestino = try text(e, "DirDest")
        t.comunaDestino = try text(e, "CmnaDest")
        t.ciudadDestino = try text(e, "CiudadDest")
        if let a = e.child("Aduana") {
            var ad = Aduana()
            ad.codigoModalidadVenta = try int(a, "CodModVenta")
            ad.codigoClausulaVenta = try int(a, "CodClauVenta")
            ad.totalClausulaVenta = try money(a, "TotClauVenta")
            ad.codigoViaTransporte = try int(a, "CodViaTransp")
            ad.nombreTransporte = try text(a, "NombreTransp")
            ad.codigoPuertoEmbarque = try int(a, "CodPtoEmbarque")
            ad.idPuertoEmbarque = try text(a, "IdAdicPtoEmb")
            ad.codigoPuertoDesembarque = try int(a, "CodPtoDesemb")
            ad.idPuertoDesembarque = try text(a, "IdAdicPtoDesemb")
            ad.codigoUnidadMedidaTara = try int(a, "CodUnidMedTara")
            ad.codigoUnidadPesoBruto = try int(a, "CodUnidPesoBruto")
            ad.pesoBruto = try money(a, "PesoBruto")
            ad.codigoUnidadPesoNeto = try int(a, "CodUnidPesoNeto")
            ad.pesoNeto = try money(a, "PesoNeto")
            ad.totalItems = try int(a, "TotItems")
            ad.totalBultos = try int(a, "TotBultos")
            ad.bultos = try a.children("TipoBultos").map { (b) throws(DTEReadError) in
                Bulto(codigoTipoBulto: try int(b, "CodTpoBultos"), cantidad: try int(b, "CantBultos"), marcas: try text(b, "Marcas"))
            }
            ad.montoFlete = try money(a, "MntFlete")
            ad.montoSeguro = try money(a, "MntSeguro")
            ad.codigoPaisReceptor = try int(a, "CodPaisRecep")
            ad.codigoPaisDestino = try int(a, "CodPaisDestin")
            t.aduana = ad
        }
        return t
    }

    private func totales(_ e: XElement) throws(DTEReadError) -> Totales {
        var t = Totales(montoTotal: try requiredMoney(e, "MntTotal"))
        t.moneda = try text(e, "TpoMoneda")
        t.montoNeto = try money(e, "MntNeto")
        t.montoExento = try money(e, "MntExe")
        t.montoBase = try money(e, "MntBase")
        t.tasaIVA = try decimal(e, "TasaIVA")
        t.iva = try money(e, "IVA")
        t.ivaPropio = try money(e, "IVAProp")
        t.ivaTerceros = try money(e, "IVATerc")
        t.impuestosRetenidos = try e.children("ImptoReten").map { (i) throws(DTEReadError) in
            ImpuestoRetenido(codigo: try requiredInt(i, "TipoImp"), tasa: try decimal(i, "TasaImp"),
                             monto: try money(i, "MontoImp") ?? .zero)
        }
        t.ivaNoRetenido = try money(e, "IVANoRet")
        t.creditoEmpresaConstructora = try money(e, "CredEC")
        t.montoNoFacturable = try money(e, "MontoNF")
        t.montoPeriodo = try money(e, "MontoPeriodo")
        t.saldoAnterior = try money(e, "SaldoAnterior")
        t.valorPagar = try money(e, "VlrPagar")
        if let c = e.child("Comisiones") {
            t.comisionNeto = try money(c, "ValComNeto")
            t.comisionExento = try money(c, "ValComExe")
            t.comisionIVA = try money(c, "ValComIVA")
        }
        return t
    }

    private func otraMoneda(_ e: XElement) throws(DTEReadError) -> OtraMoneda {
        OtraMoneda(tipoMoneda: try text(e, "TpoMoneda") ?? "", tipoCambio: try decimal(e, "TpoCambio"),
                   montoNeto: try money(e, "MntNetoOtrMnda"), montoExento: try money(e, "MntExeOtrMnda"),
                   iva: try money(e, "IVAOtrMnda"), montoTotal: try money(e, "MntTotOtrMnda"))
    }

    private func detailLine(_ e: XElement) throws(DTEReadError) -> DetailLine {
        var nombre = try text(e, "NmbItem") ?? ""
        if nombre.isEmpty {
            nombre = try tolerate(DTEReadError(source: source, line: e.line, element: "NmbItem", reason: .missingElement("Detalle/NmbItem")), "")
        }
        var d = DetailLine(numero: try requiredInt(e, "NroLinDet", orElse: 0), nombre: nombre,
                           montoItem: try requiredMoney(e, "MontoItem", orElse: .zero))
        d.codigos = e.children("CdgItem").map { ItemCode(tipo: $0.childText("TpoCodigo") ?? "", valor: $0.childText("VlrCodigo") ?? "") }
        d.indicadorExencion = try int(e, "IndExe")
        d.descripcion = try text(e, "DscItem")
        d.cantidad = try decimal(e, "QtyItem")
        d.unidad = try text(e, "UnmdItem")
        d.precioUnitario = try decimal(e, "PrcItem")
        if let o = e.child("OtrMnda") {
            let none: DetailOtherCurrency?? = .some(nil)   // lenient: an unreadable OtrMnda is left out
            d.otraMoneda = try orElse(none) { () throws(DTEReadError) -> DetailOtherCurrency? in
                DetailOtherCurrency(precio: try requiredMoney(o, "PrcOtrMon"), moneda: try requiredText(o, "Moneda"),
                                    factorConversion: try decimal(o, "FctConv"), descuento: try money(o, "DctoOtrMnda"),
                                    recargo: try money(o, "RecargoOtrMnda"), montoItem: try money(o, "MontoItemOtrMnda"))
            }
        }
        d.tipoDocumentoLiquidado = try text(e, "TpoDocLiq")
        d.descuentoPorcentaje = try decimal(e, "DescuentoPct")
        d.descuentoMonto = try money(e, "DescuentoMonto")
        d.recargoPorcentaje = try decimal(e, "RecargoPct")
        d.recargoMonto = try money(e, "RecargoMonto")
        d.codigosImpuestoAdicional = e.children("CodImpAdic").compactMap { Int($0.text.trimmingXMLSpace()) }
        return d
    }

    private func discount(_ e: XElement) throws(DTEReadError) -> GlobalDiscountCharge {
        let movE = try required(e, "TpoMov"), unitE = try required(e, "TpoValor")
        guard let kind = GlobalDiscountCharge.Kind(rawValue: movE.text.trimmingXMLSpace()) else {
            throw error(movE, .invalidValue(value: movE.text, why: "expected D or R"))
        }
        guard let unit = GlobalDiscountCharge.Unit(rawValue: unitE.text.trimmingXMLSpace()) else {
            throw error(unitE, .invalidValue(value: unitE.text, why: "expected % or $"))
        }
        guard let valor = try decimal(e, "ValorDR") else {
            throw DTEReadError(source: source, line: e.line, element: "ValorDR", reason: .missingElement("DscRcgGlobal/ValorDR"))
        }
        return GlobalDiscountCharge(numero: try requiredInt(e, "NroLinDR"), kind: kind, glosa: try text(e, "GlosaDR"),
                                    unit: unit, valor: valor, indicadorExencion: try int(e, "IndExeDR"))
    }

    private func reference(_ e: XElement) throws(DTEReadError) -> DTEReference {
        DTEReference(numero: try requiredInt(e, "NroLinRef", orElse: 0), tipoDocumento: try requiredText(e, "TpoDocRef", orElse: ""),
                  indicadorGlobal: try int(e, "IndGlobal") == 1, folio: try text(e, "FolioRef"),
                  rutOtro: try rut(e, "RUTOtr"), fecha: try date(e, "FchRef"), codigo: try int(e, "CodRef"),
                  razon: try text(e, "RazonRef"))
    }

    // MARK: TED and CAF

    /// Reads a `<TED>`: its DD fields, FRMT, and its exact signed bytes.
    package func ted(_ e: XElement) throws(DTEReadError) -> TED {
        let ddE = try required(e, "DD")
        let frmtE = try required(e, "FRMT")
        guard let signature = Base64.decode(frmtE.text) else { throw error(frmtE, .invalidValue(value: frmtE.text, why: "not base64")) }
        let dd = TED.DD(rutEmisor: try requiredRUT(ddE, "RE"), tipoDTE: try requiredInt(ddE, "TD"),
                        folio: Int64(try requiredInt(ddE, "F")), fechaEmision: try requiredText(ddE, "FE"),
                        rutReceptor: try requiredText(ddE, "RR"),
                        razonSocialReceptor: ddE.child("RSR")?.text ?? "",
                        montoTotal: try requiredText(ddE, "MNT"), item1: ddE.child("IT1")?.text ?? "",
                        caf: try caf(try required(ddE, "CAF")), timestamp: try requiredText(ddE, "TSTED"))
        return TED(source: e.source, tree: ddE, ted: e, dd: dd, signature: signature)
    }

    /// Reads a `<CAF>` element (in a TED or a CAF file).
    package func caf(_ e: XElement) throws(DTEReadError) -> CAFData {
        let da = try required(e, "DA")
        let rng = try required(da, "RNG")
        let pk = try required(da, "RSAPK")
        let mE = try required(pk, "M"), eE = try required(pk, "E")
        guard let m = Base64.decode(mE.text) else { throw error(mE, .invalidValue(value: mE.text, why: "not base64")) }
        guard let exp = Base64.decode(eE.text) else { throw error(eE, .invalidValue(value: eE.text, why: "not base64")) }
        let frma = try required(e, "FRMA")
        guard let sig = Base64.decode(frma.text) else { throw error(frma, .invalidValue(value: frma.text, why: "not base64")) }
        return CAFData(rutEmisor: try requiredRUT(da, "RE"), razonSocial: da.child("RS")?.text ?? "",
                       tipoDTE: try requiredInt(da, "TD"), folioDesde: Int64(try requiredInt(rng, "D")),
                       folioHasta: Int64(try requiredInt(rng, "H")), fechaAutorizacion: try requiredText(da, "FA"),
                       modulus: m, exponent: exp, idk: try int(da, "IDK") ?? 0, signature: sig)
    }
}

/// A CAF file (`<AUTORIZACION>`) as the SII hands it out: the public `CAF` part, its exact
/// flattened bytes (to embed in each TED's DD), and the PEM keys.
package struct CAFFileContents: Sendable, Hashable {
    package var caf: CAFData
    /// The `<CAF version="1.0">…</CAF>` element flattened exactly as the TED must carry it (ISO-8859-1).
    package var cafBytes: [UInt8]
    /// The flattened `<DA>` that the SII's FRMA signs.
    package var daBytes: [UInt8]
    /// `RSASK`: the private key that stamps the folios (PKCS#1 PEM).
    package var privateKeyPEM: String?
    /// `RSAPUBK` (SubjectPublicKeyInfo PEM).
    package var publicKeyPEM: String?
}

extension DocumentMapper {
    /// Reads a CAF file's root element (`AUTORIZACION`).
    package func cafFile(_ root: XElement) throws(DTEReadError) -> CAFFileContents {
        guard root.name == "AUTORIZACION" else {
            throw DTEReadError(source: source, line: root.line, element: root.name, reason: .notADTE(root: root.name))
        }
        guard let cafE = root.child("CAF") else {
            throw DTEReadError(source: source, line: root.line, element: "CAF", reason: .missingElement("AUTORIZACION/CAF"))
        }
        guard let da = cafE.child("DA") else {
            throw DTEReadError(source: source, line: cafE.line, element: "DA", reason: .missingElement("CAF/DA"))
        }
        return CAFFileContents(caf: try caf(cafE), cafBytes: TEDBytes.flatten(cafE, escapeQuotes: true),
                               daBytes: TEDBytes.flatten(da, escapeQuotes: true),
                               privateKeyPEM: root.childText("RSASK"), publicKeyPEM: root.childText("RSAPUBK"))
    }
}

extension CAFData {
    /// Whether the CAF's FRMA is the SII's SHA1withRSA signature over `daBytes` (the flattened
    /// `<DA>`), checked with the SII key of the CAF's IDK (see the SII's `idk` certificates).
    package func verifyAuthorization(daBytes: [UInt8], siiKey: RSAPublicKey) -> Bool {
        siiKey.verifySHA1(signature: signature, message: daBytes)
    }
}

extension CAFFileContents {
    /// Reads a CAF file safely (same limits and rules as ``DTEReader``; CAF files carry Latin-1
    /// bytes without an encoding declaration, which this handles).
    package static func read(_ data: Data, source: String, limits: DTEReader.Limits = .init()) throws(DTEReadError) -> CAFFileContents {
        let root = try SafeXML.parse(data, source: source, maxBytes: limits.maxBytes, maxDepth: limits.maxDepth)
        return try DocumentMapper(source: source).cafFile(root)
    }
}
