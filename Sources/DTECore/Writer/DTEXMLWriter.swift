import Foundation

/// Writes ``DTEDocument`` values as SII XML, ISO-8859-1 encoded and declared, with every element
/// in the order of the `DTE_v10.xsd` / `EnvioBOLETA_v11.xsd` sequences of the document's branch
/// (`Documento`, `Liquidacion`, `Exportaciones`, or the boleta shape of `EnvioBOLETA`).
///
/// The TED is emitted byte for byte as ``TED/bytes`` (flattened, no namespace declaration), so a
/// reader that flattens it gets back exactly what FRMT signs.
///
/// The writer does not sign: a `<DTE>` it writes lacks the `<Signature>` the schema requires
/// until a signer inserts one before `</DTE>` (and before `</EnvioDTE>`/`</EnvioBOLETA>` for the
/// set). Signers find those places by the end tags, which never occur in escaped text.
///
/// ```swift
/// let xml = try DTEXMLWriter().dte(document)          // [UInt8], ISO-8859-1
/// ```
public struct DTEXMLWriter: Sendable {
    /// The SII's namespace.
    public static let siiNamespace = "http://www.sii.cl/SiiDte"

    /// The `ID` of the `SetDTE` element in envelopes this writer produces.
    public static let setID = "SetDoc"

    /// Whether elements go on their own lines, indented two spaces per level (the TED is always flattened).
    public var indent: Bool

    /// A writer; `indent` as in ``indent``.
    public init(indent: Bool = true) { self.indent = indent }

    /// A standalone `<DTE>` document (types other than boletas 39/41, which only exist inside
    /// `EnvioBOLETA`: use ``envelope(_:caratula:)`` for them).
    public func dte(_ document: DTEDocument) throws(DTEWriteError) -> [UInt8] {
        guard !document.type.isBoleta else {
            throw .invalidValue(element: "DTE", value: String(document.type.code),
                                rule: "is a boleta: boletas only exist inside EnvioBOLETA (use envelope(_:caratula:))")
        }
        var b = XMLByteBuilder(indent: indent)
        b.declaration()
        try writeDTE(document, into: &b, declareNamespace: true)
        b.finish()
        return b.bytes
    }

    /// An `EnvioDTE` (or `EnvioBOLETA` when the documents are boletas) holding `documents`,
    /// with the Carátula and its `SubTotDTE` counts.
    ///
    /// The ``Caratula`` is the same type the reader fills. For writing, `rutEmisor`, `rutEnvia`
    /// (whose certificate signs the envelope), `fechaResolucion`, `numeroResolucion` and
    /// `timestampFirmaEnvio` (`TmstFirmaEnv`, `AAAA-MM-DDTHH:MM:SS`) are required; a `nil`
    /// `rutReceptor` means the SII (60803000-K). The `SubTotDTE` counts are computed from
    /// `documents` (per type, in order of first appearance); a non-empty
    /// ``Caratula/subtotales`` must equal them.
    ///
    /// - Throws: ``DTEWriteError/invalidValue(element:value:rule:)`` when `documents` is empty,
    ///   mixes boletas with other types, a required Carátula field is missing, or the given
    ///   subtotals disagree with the documents; ``DTEWriteError/notLatin1(element:value:character:)``
    ///   for text outside ISO-8859-1.
    public func envelope(_ documents: [DTEDocument], caratula: Caratula) throws(DTEWriteError) -> [UInt8] {
        guard let first = documents.first else {
            throw .invalidValue(element: "SetDTE", value: "", rule: "needs at least one DTE")
        }
        let boletas = first.type.isBoleta
        guard documents.allSatisfy({ $0.type.isBoleta == boletas }) else {
            throw .invalidValue(element: "SetDTE", value: documents.map { String($0.type.code) }.joined(separator: ","),
                                rule: "mixes boletas (EnvioBOLETA) with other DTEs (EnvioDTE)")
        }
        func required<T>(_ value: T?, _ element: String) throws(DTEWriteError) -> T {
            guard let value else { throw .invalidValue(element: element, value: "", rule: "is required in the Caratula of an envelope") }
            return value
        }
        let rutEmisor = try required(caratula.rutEmisor, "RutEmisor")
        let rutEnvia = try required(caratula.rutEnvia, "RutEnvia")
        let fechaResolucion = try required(caratula.fechaResolucion, "FchResol")
        let numeroResolucion = try required(caratula.numeroResolucion, "NroResol")
        let timestamp = try required(caratula.timestampFirmaEnvio, "TmstFirmaEnv")
        var counts: [(Int, Int)] = []
        for d in documents {
            if let i = counts.firstIndex(where: { $0.0 == d.type.code }) { counts[i].1 += 1 } else { counts.append((d.type.code, 1)) }
        }
        let computed = counts.map { Caratula.Subtotal(tipoDTE: $0.0, cantidad: $0.1) }
        guard caratula.subtotales.isEmpty || caratula.subtotales == computed else {
            throw .invalidValue(element: "SubTotDTE",
                                value: caratula.subtotales.map { "\($0.tipoDTE):\($0.cantidad)" }.joined(separator: ","),
                                rule: "disagrees with the documents (\(computed.map { "\($0.tipoDTE):\($0.cantidad)" }.joined(separator: ",")))")
        }
        var b = XMLByteBuilder(indent: indent)
        b.declaration()
        try b.open(boletas ? "EnvioBOLETA" : "EnvioDTE", [("xmlns", Self.siiNamespace), ("version", "1.0")])
        try b.open("SetDTE", [("ID", Self.setID)])
        try b.open("Caratula", [("version", "1.0")])
        try b.element("RutEmisor", rutEmisor.canonical)
        try b.element("RutEnvia", rutEnvia.canonical)
        try b.element("RutReceptor", (caratula.rutReceptor ?? .sii).canonical)
        try b.element("FchResol", fechaResolucion.description)
        try b.element("NroResol", String(numeroResolucion))
        try b.element("TmstFirmaEnv", timestamp)
        for (tipo, n) in counts {
            try b.open("SubTotDTE")
            try b.element("TpoDTE", String(tipo))
            try b.element("NroDTE", String(n))
            b.close()
        }
        b.close() // Caratula
        for d in documents { try writeDTE(d, into: &b, declareNamespace: false) }
        b.close() // SetDTE
        b.finish()
        return b.bytes
    }

    // MARK: - DTE

    private func writeDTE(_ d: DTEDocument, into b: inout XMLByteBuilder, declareNamespace: Bool) throws(DTEWriteError) {
        try b.open("DTE", declareNamespace ? [("xmlns", Self.siiNamespace), ("version", "1.0")] : [("version", "1.0")])
        let id = d.id ?? "F\(d.folio)T\(d.type.code)"
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) })
        else {
            throw .invalidValue(element: "ID", value: id, rule: "must be an XML ID of ASCII letters, digits, '_', '-', '.' starting with a letter")
        }
        try b.open(d.type.isBoleta ? "Documento" : d.type.xmlBranch.rawValue, [("ID", id)])
        try b.open("Encabezado")
        if d.type.isBoleta {
            try boletaEncabezado(d, &b)
        } else {
            switch d.type.xmlBranch {
            case .documento: try documentoEncabezado(d, &b)
            case .liquidacion: try liquidacionEncabezado(d, &b)
            case .exportaciones: try exportacionesEncabezado(d, &b)
            }
        }
        b.close() // Encabezado
        for line in d.detalle { try detalle(line, d, &b) }
        for s in d.subtotales {
            try b.open("SubTotInfo")
            try b.element("NroSTI", String(s.numero))
            try b.element("GlosaSTI", s.glosa)
            if let v = s.valor { try b.element("ValSubtotSTI", v.description) }
            b.close()
        }
        if d.type.xmlBranch != .liquidacion {
            for g in d.descuentosRecargos {
                try b.open("DscRcgGlobal")
                try b.element("NroLinDR", String(g.numero))
                try b.element("TpoMov", g.kind.rawValue)
                try b.optional("GlosaDR", g.glosa)
                try b.element("TpoValor", g.unit.rawValue)
                try b.element("ValorDR", XMLText.decimal(g.valor))
                try b.optional("IndExeDR", g.indicadorExencion.map(String.init))
                b.close()
            }
        }
        for r in d.referencias { try referencia(r, d, &b) }
        if !d.type.isBoleta {
            for c in d.comisiones {
                try b.open("Comisiones")
                try b.element("NroLinCom", String(c.numero))
                try b.element("TipoMovim", c.tipoMovimiento)
                try b.element("Glosa", c.glosa)
                try b.optional("TasaComision", c.tasa.map(XMLText.decimal))
                try b.element("ValComNeto", c.valorNeto.description)
                try b.element("ValComExe", (c.valorExento ?? .zero).description)
                try b.optional("ValComIVA", c.valorIVA?.description)
                b.close()
            }
        }
        if let ted = d.ted { b.raw(ted.bytes) }
        try b.optional("TmstFirma", d.timestampFirma ?? d.ted?.dd.timestamp)
        b.close() // Documento
        b.close() // DTE
    }

    private func idDocStart(_ d: DTEDocument, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        try b.element("TipoDTE", String(d.type.code))
        guard d.folio > 0 else { throw .invalidValue(element: "Folio", value: String(d.folio), rule: "must be positive") }
        try b.element("Folio", String(d.folio))
        try b.element("FchEmis", d.idDoc.fechaEmision.description)
    }

    private func documentoEncabezado(_ d: DTEDocument, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        let i = d.idDoc
        try b.open("IdDoc")
        try idDocStart(d, &b)
        try b.optional("IndNoRebaja", i.indNoRebaja.map(String.init))
        try b.optional("TipoDespacho", i.tipoDespacho.map(String.init))
        try b.optional("IndTraslado", i.indTraslado.map { String($0.rawValue) })
        try b.optional("IndServicio", i.indServicio.map(String.init))
        if i.montosBrutos { try b.element("MntBruto", "1") }
        try b.optional("FmaPago", i.formaPago.map(String.init))
        try b.optional("FchCancel", i.fechaCancelacion?.description)
        try b.optional("PeriodoDesde", i.periodoDesde?.description)
        try b.optional("PeriodoHasta", i.periodoHasta?.description)
        try b.optional("TermPagoGlosa", i.terminoPagoGlosa)
        try b.optional("FchVenc", i.fechaVencimiento?.description)
        b.close()
        try emisor(d.emisor, &b, guiaExtras: true)
        try receptor(d.receptor, &b, extranjero: true, liquidacion: false)
        if let t = d.transporte { try transporte(t, &b) }
        try b.open("Totales")
        let t = d.totales
        try b.optional("MntNeto", t.montoNeto?.description)
        try b.optional("MntExe", t.montoExento?.description)
        try b.optional("MntBase", t.montoBase?.description)
        try b.optional("TasaIVA", t.tasaIVA.map(XMLText.decimal))
        try b.optional("IVA", t.iva?.description)
        try b.optional("IVAProp", t.ivaPropio?.description)
        try b.optional("IVATerc", t.ivaTerceros?.description)
        try impuestosRetenidos(t, &b)
        try b.optional("IVANoRet", t.ivaNoRetenido?.description)
        try b.optional("CredEC", t.creditoEmpresaConstructora?.description)
        try comisionesTotales(t, &b)
        try b.element("MntTotal", t.montoTotal.description)
        try b.optional("MontoNF", t.montoNoFacturable?.description)
        try b.optional("MontoPeriodo", t.montoPeriodo?.description)
        try b.optional("SaldoAnterior", t.saldoAnterior?.description)
        try b.optional("VlrPagar", t.valorPagar?.description)
        b.close()
    }

    private func liquidacionEncabezado(_ d: DTEDocument, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        let i = d.idDoc
        try b.open("IdDoc")
        try idDocStart(d, &b)
        try b.optional("IndServicio", i.indServicio.map(String.init))
        if i.montosBrutos { try b.element("MntBruto", "1") }
        try b.optional("FmaPago", i.formaPago.map(String.init))
        try b.optional("FchCancel", i.fechaCancelacion?.description)
        try b.optional("PeriodoDesde", i.periodoDesde?.description)
        try b.optional("PeriodoHasta", i.periodoHasta?.description)
        try b.optional("TermPagoGlosa", i.terminoPagoGlosa)
        try b.optional("FchVenc", i.fechaVencimiento?.description)
        b.close()
        guard d.emisor.direccion != nil else {
            throw .invalidValue(element: "DirOrigen", value: "", rule: "is required in a liquidación-factura (43)")
        }
        try emisor(d.emisor, &b, guiaExtras: false)
        try receptor(d.receptor, &b, extranjero: false, liquidacion: true)
        try b.open("Totales")
        let t = d.totales
        try b.optional("MntNeto", t.montoNeto?.description)
        try b.optional("MntExe", t.montoExento?.description)
        try b.optional("TasaIVA", t.tasaIVA.map(XMLText.decimal))
        try b.optional("IVA", t.iva?.description)
        try b.optional("IVAProp", t.ivaPropio?.description)
        try b.optional("IVATerc", t.ivaTerceros?.description)
        try impuestosRetenidos(t, &b)
        try comisionesTotales(t, &b)
        try b.element("MntTotal", t.montoTotal.description)
        try b.optional("MontoPeriodo", t.montoPeriodo?.description)
        try b.optional("SaldoAnterior", t.saldoAnterior?.description)
        try b.optional("VlrPagar", t.valorPagar?.description)
        b.close()
    }

    private func exportacionesEncabezado(_ d: DTEDocument, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        let i = d.idDoc
        try b.open("IdDoc")
        try idDocStart(d, &b)
        try b.optional("TipoDespacho", i.tipoDespacho.map(String.init))
        try b.optional("IndServicio", i.indServicio.map(String.init))
        try b.optional("FmaPago", i.formaPago.map(String.init))
        try b.optional("FchCancel", i.fechaCancelacion?.description)
        try b.optional("PeriodoDesde", i.periodoDesde?.description)
        try b.optional("PeriodoHasta", i.periodoHasta?.description)
        try b.optional("TermPagoGlosa", i.terminoPagoGlosa)
        try b.optional("FchVenc", i.fechaVencimiento?.description)
        b.close()
        try emisor(d.emisor, &b, guiaExtras: false)
        try receptor(d.receptor, &b, extranjero: true, liquidacion: false)
        if let t = d.transporte { try transporte(t, &b) }
        let t = d.totales
        try b.open("Totales")
        guard let moneda = t.moneda else {
            throw .invalidValue(element: "TpoMoneda", value: "", rule: "is required in export documents (110, 111, 112)")
        }
        try b.element("TpoMoneda", moneda)
        try b.element("MntExe", (t.montoExento ?? .zero).description)
        try b.element("MntTotal", t.montoTotal.description)
        b.close()
        if let o = d.otraMoneda {
            try b.open("OtraMoneda")
            try b.element("TpoMoneda", o.tipoMoneda)
            try b.optional("TpoCambio", o.tipoCambio.map(XMLText.decimal))
            try b.optional("MntExeOtrMnda", o.montoExento?.description)
            try b.element("MntTotOtrMnda", (o.montoTotal ?? .zero).description)
            b.close()
        }
    }

    private func boletaEncabezado(_ d: DTEDocument, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        let i = d.idDoc
        try b.open("IdDoc")
        try idDocStart(d, &b)
        guard let servicio = i.indServicio else {
            throw .invalidValue(element: "IndServicio", value: "", rule: "is required in boletas (39, 41)")
        }
        try b.element("IndServicio", String(servicio))
        try b.optional("PeriodoDesde", i.periodoDesde?.description)
        try b.optional("PeriodoHasta", i.periodoHasta?.description)
        try b.optional("FchVenc", i.fechaVencimiento?.description)
        b.close()
        let e = d.emisor
        try b.open("Emisor")
        try b.element("RUTEmisor", e.rut.canonical)
        try b.element("RznSocEmisor", e.razonSocial)
        try b.element("GiroEmisor", e.giro)
        try b.optional("CdgSIISucur", e.codigoSucursalSII)
        try b.optional("DirOrigen", e.direccion)
        try b.optional("CmnaOrigen", e.comuna)
        try b.optional("CiudadOrigen", e.ciudad)
        b.close()
        let r = d.receptor
        try b.open("Receptor")
        try b.element("RUTRecep", r.rut.canonical)
        try b.optional("CdgIntRecep", r.codigoInterno)
        try b.optional("RznSocRecep", r.razonSocial)
        try b.optional("Contacto", r.contacto)
        try b.optional("CorreoRecep", r.correo)
        try b.optional("DirRecep", r.direccion)
        try b.optional("CmnaRecep", r.comuna)
        try b.optional("CiudadRecep", r.ciudad)
        b.close()
        let t = d.totales
        try b.open("Totales")
        try b.optional("MntNeto", t.montoNeto?.description)
        try b.optional("MntExe", t.montoExento?.description)
        try b.optional("IVA", t.iva?.description)
        try b.element("MntTotal", t.montoTotal.description)
        try b.optional("MontoNF", t.montoNoFacturable?.description)
        try b.optional("TotalPeriodo", t.montoPeriodo?.description)
        try b.optional("SaldoAnterior", t.saldoAnterior?.description)
        try b.optional("VlrPagar", t.valorPagar?.description)
        b.close()
    }

    // MARK: - parts

    private func emisor(_ e: Emisor, _ b: inout XMLByteBuilder, guiaExtras: Bool) throws(DTEWriteError) {
        try b.open("Emisor")
        try b.element("RUTEmisor", e.rut.canonical)
        try b.element("RznSoc", e.razonSocial)
        try b.element("GiroEmis", e.giro)
        for t in e.telefonos.prefix(2) { try b.element("Telefono", t) }
        try b.optional("CorreoEmisor", e.correo)
        guard !e.actecos.isEmpty else { throw .invalidValue(element: "Acteco", value: "", rule: "needs 1 to 4 codes") }
        for a in e.actecos.prefix(4) { try b.element("Acteco", String(a)) }
        try b.optional("Sucursal", e.sucursal)
        try b.optional("CdgSIISucur", e.codigoSucursalSII)
        try b.optional("DirOrigen", e.direccion)
        try b.optional("CmnaOrigen", e.comuna)
        try b.optional("CiudadOrigen", e.ciudad)
        try b.optional("CdgVendedor", e.codigoVendedor)
        b.close()
    }

    private func receptor(_ r: Receptor, _ b: inout XMLByteBuilder, extranjero: Bool, liquidacion: Bool) throws(DTEWriteError) {
        try b.open("Receptor")
        try b.element("RUTRecep", r.rut.canonical)
        try b.optional("CdgIntRecep", r.codigoInterno)
        try b.element("RznSocRecep", r.razonSocial ?? "")
        if extranjero, r.extranjeroNumId != nil || r.extranjeroNacionalidad != nil {
            try b.open("Extranjero")
            try b.optional("NumId", r.extranjeroNumId)
            try b.optional("Nacionalidad", r.extranjeroNacionalidad)
            b.close()
        }
        if liquidacion {
            try b.element("GiroRecep", r.giro ?? "")
        } else {
            try b.optional("GiroRecep", r.giro)
        }
        try b.optional("Contacto", r.contacto)
        try b.optional("CorreoRecep", r.correo)
        if liquidacion {
            try b.element("DirRecep", r.direccion ?? "")
            try b.element("CmnaRecep", r.comuna ?? "")
        } else {
            try b.optional("DirRecep", r.direccion)
            try b.optional("CmnaRecep", r.comuna)
        }
        try b.optional("CiudadRecep", r.ciudad)
        b.close()
    }

    private func transporte(_ t: Transporte, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        try b.open("Transporte")
        try b.optional("Patente", t.patente)
        try b.optional("RUTTrans", t.rutTransportista?.canonical)
        if let chofer = t.rutChofer {
            try b.open("Chofer")
            try b.element("RUTChofer", chofer.canonical)
            try b.element("NombreChofer", t.nombreChofer ?? "")
            b.close()
        }
        try b.optional("DirDest", t.direccionDestino)
        try b.optional("CmnaDest", t.comunaDestino)
        try b.optional("CiudadDest", t.ciudadDestino)
        if let a = t.aduana {
            try b.open("Aduana")
            try b.optional("CodModVenta", a.codigoModalidadVenta.map(String.init))
            try b.optional("CodClauVenta", a.codigoClausulaVenta.map(String.init))
            try b.optional("TotClauVenta", a.totalClausulaVenta?.description)
            try b.optional("CodViaTransp", a.codigoViaTransporte.map(String.init))
            try b.optional("NombreTransp", a.nombreTransporte)
            try b.optional("CodPtoEmbarque", a.codigoPuertoEmbarque.map(String.init))
            try b.optional("IdAdicPtoEmb", a.idPuertoEmbarque)
            try b.optional("CodPtoDesemb", a.codigoPuertoDesembarque.map(String.init))
            try b.optional("IdAdicPtoDesemb", a.idPuertoDesembarque)
            try b.optional("CodUnidMedTara", a.codigoUnidadMedidaTara.map(String.init))
            try b.optional("PesoBruto", a.pesoBruto?.description)
            try b.optional("CodUnidPesoBruto", a.codigoUnidadPesoBruto.map(String.init))
            try b.optional("PesoNeto", a.pesoNeto?.description)
            try b.optional("CodUnidPesoNeto", a.codigoUnidadPesoNeto.map(String.init))
            try b.optional("TotItems", a.totalItems.map(String.init))
            try b.optional("TotBultos", a.totalBultos.map(String.init))
            for bulto in a.bultos.prefix(10) {
                try b.open("TipoBultos")
                try b.optional("CodTpoBultos", bulto.codigoTipoBulto.map(String.init))
                try b.optional("CantBultos", bulto.cantidad.map(String.init))
                try b.optional("Marcas", bulto.marcas)
                b.close()
            }
            try b.optional("MntFlete", a.montoFlete?.description)
            try b.optional("MntSeguro", a.montoSeguro?.description)
            try b.optional("CodPaisRecep", a.codigoPaisReceptor.map(String.init))
            try b.optional("CodPaisDestin", a.codigoPaisDestino.map(String.init))
            b.close()
        }
        b.close()
    }

    private func impuestosRetenidos(_ t: Totales, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        for r in t.impuestosRetenidos {
            try b.open("ImptoReten")
            try b.element("TipoImp", String(r.codigo))
            try b.optional("TasaImp", r.tasa.map(XMLText.decimal))
            try b.element("MontoImp", r.monto.description)
            b.close()
        }
    }

    private func comisionesTotales(_ t: Totales, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        guard t.comisionNeto != nil || t.comisionExento != nil || t.comisionIVA != nil else { return }
        try b.open("Comisiones")
        try b.optional("ValComNeto", t.comisionNeto?.description)
        try b.optional("ValComExe", t.comisionExento?.description)
        try b.optional("ValComIVA", t.comisionIVA?.description)
        b.close()
    }

    private func detalle(_ l: DetailLine, _ d: DTEDocument, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        let branch = d.type.isBoleta ? nil : Optional(d.type.xmlBranch)
        try b.open("Detalle")
        try b.element("NroLinDet", String(l.numero))
        for c in l.codigos.prefix(5) {
            try b.open("CdgItem")
            try b.element("TpoCodigo", c.tipo)
            try b.element("VlrCodigo", c.valor)
            b.close()
        }
        if branch == .liquidacion {
            try b.element("TpoDocLiq", l.tipoDocumentoLiquidado ?? "33")
        }
        try b.optional("IndExe", l.indicadorExencion.map(String.init))
        try b.element("NmbItem", l.nombre)
        try b.optional("DscItem", l.descripcion)
        try b.optional("QtyItem", l.cantidad.map(XMLText.decimal))
        try b.optional("UnmdItem", l.unidad)
        try b.optional("PrcItem", l.precioUnitario.map(XMLText.decimal))
        if let o = l.otraMoneda, branch == .documento || branch == .exportaciones {
            try b.open("OtrMnda")
            try b.element("PrcOtrMon", o.precio.description)
            try b.element("Moneda", o.moneda)
            try b.optional("FctConv", o.factorConversion.map(XMLText.decimal))
            try b.optional("DctoOtrMnda", o.descuento?.description)
            try b.optional("RecargoOtrMnda", o.recargo?.description)
            try b.optional("MontoItemOtrMnda", o.montoItem?.description)
            b.close()
        }
        if branch != .liquidacion {
            try b.optional("DescuentoPct", l.descuentoPorcentaje.map(XMLText.decimal))
            try b.optional("DescuentoMonto", l.descuentoMonto?.description)
            try b.optional("RecargoPct", l.recargoPorcentaje.map(XMLText.decimal))
            try b.optional("RecargoMonto", l.recargoMonto?.description)
        }
        if branch == .documento || branch == .liquidacion {
            for c in l.codigosImpuestoAdicional.prefix(2) { try b.element("CodImpAdic", String(c)) }
        }
        try b.element("MontoItem", l.montoItem.description)
        b.close()
    }

    private func referencia(_ r: DTEReference, _ d: DTEDocument, _ b: inout XMLByteBuilder) throws(DTEWriteError) {
        try b.open("Referencia")
        try b.element("NroLinRef", String(r.numero))
        if d.type.isBoleta {
            try b.element("TpoDocRef", r.tipoDocumento)
            try b.optional("FolioRef", r.folio)
            try b.optional("CodRef", r.codigo.map(String.init))
            try b.optional("RazonRef", r.razon)
            b.close()
            return
        }
        try b.element("TpoDocRef", r.tipoDocumento)
        if r.indicadorGlobal { try b.element("IndGlobal", "1") }
        try b.element("FolioRef", r.folio ?? "0")
        if d.type.xmlBranch != .liquidacion { try b.optional("RUTOtr", r.rutOtro?.canonical) }
        try b.element("FchRef", (r.fecha ?? d.idDoc.fechaEmision).description)
        try b.optional("CodRef", r.codigo.map(String.init))
        try b.optional("RazonRef", r.razon)
        b.close()
    }
}
