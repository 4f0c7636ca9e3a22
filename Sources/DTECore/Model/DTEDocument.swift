import Foundation

/// One DTE as read from (or written to) SII XML: the `Documento`, `Liquidacion` or
/// `Exportaciones` under a `<DTE>`, with its Timbre Electrónico.
///
/// Values are typed where the SII's format gives them a type (RUT, dates, money); free text
/// stays `String`. Optional elements the XML lacks are `nil` or empty.
public struct DTEDocument: Sendable, Hashable {
    /// The `ID` attribute of the document element (`F60T33`, `MiPE76354771-13419`).
    public var id: String?
    /// `IdDoc`: type, folio, dates and the document's indicators.
    public var idDoc: IdDoc
    /// `Emisor`: who issues the document.
    public var emisor: Emisor
    /// `Receptor`: who receives it.
    public var receptor: Receptor
    /// `Transporte` (guías de despacho, export documents); `nil` when absent.
    public var transporte: Transporte?
    /// `Totales`: the document's amounts.
    public var totales: Totales
    /// Export documents' amounts in another currency (usually CLP).
    public var otraMoneda: OtraMoneda?
    /// The `Detalle` lines, in document order.
    public var detalle: [DetailLine]
    /// `SubTotInfo`: informative subtotals (printed, not part of the totals).
    public var subtotales: [DTESubtotal]
    /// `DscRcgGlobal`: global discounts and surcharges.
    public var descuentosRecargos: [GlobalDiscountCharge]
    /// `Referencia`: the documents this one refers to (the one a nota de crédito corrects, an order, …).
    public var referencias: [DTEReference]
    /// Commissions of a liquidación-factura (43).
    public var comisiones: [DTECommission]
    /// The Timbre Electrónico; `nil` for an unstamped skeleton.
    public var ted: TED?
    /// `TmstFirma`, as written.
    public var timestampFirma: String?

    /// Creates a document from its parts; optional parts default to absent or empty.
    public init(id: String? = nil, idDoc: IdDoc, emisor: Emisor, receptor: Receptor,
                transporte: Transporte? = nil, totales: Totales, otraMoneda: OtraMoneda? = nil,
                detalle: [DetailLine], subtotales: [DTESubtotal] = [], descuentosRecargos: [GlobalDiscountCharge] = [],
                referencias: [DTEReference] = [], comisiones: [DTECommission] = [], ted: TED? = nil, timestampFirma: String? = nil) {
        self.id = id; self.idDoc = idDoc; self.emisor = emisor; self.receptor = receptor
        self.transporte = transporte; self.totales = totales; self.otraMoneda = otraMoneda
        self.detalle = detalle; self.subtotales = subtotales; self.descuentosRecargos = descuentosRecargos
        self.referencias = referencias; self.comisiones = comisiones; self.ted = ted; self.timestampFirma = timestampFirma
    }

    /// The document type (`IdDoc/TipoDTE`).
    public var type: DocumentType { idDoc.tipoDTE }
    /// The folio (`IdDoc/Folio`), positive.
    public var folio: Int64 { idDoc.folio }

    /// Whether a cedible copy may be printed: types 33, 34, 43, 46, and 52 when the traslado
    /// is a sale (IndTraslado 1, or 2/3 … but not 5 "traslado interno" nor the other non-sale ones).
    public var allowsCedibleCopy: Bool {
        guard type.mayHaveCedibleCopy else { return false }
        if type == .guiaDespacho {
            switch idDoc.indTraslado {
            case .some(.operacionConstituyeVenta), .some(.ventaPorEfectuar), .some(.consignacion),
                 .some(.ventaParaExportacion), .none:
                return true
            default: return false
            }
        }
        return true
    }
}

/// `IdDoc`: identification of the document.
public struct IdDoc: Sendable, Hashable {
    /// `TipoDTE`: the document type.
    public var tipoDTE: DocumentType
    /// `Folio`: the document number within its type and emisor (positive; the reader rejects others).
    public var folio: Int64
    /// `FchEmis`: the issue date.
    public var fechaEmision: CalendarDate
    /// `IndNoRebaja` (notas de crédito sin derecho a descuento de débito).
    public var indNoRebaja: Int?
    /// `TipoDespacho` (1 por cuenta del receptor, 2 emisor a instalaciones del cliente, 3 emisor a otras).
    public var tipoDespacho: Int?
    /// `IndTraslado`: why the goods move (guías de despacho 52 only).
    public var indTraslado: Traslado?
    /// `IndServicio` (1 servicios periódicos domiciliarios, 2 otros periódicos, 3 servicios/facturas de servicio, 4 hotelería…).
    public var indServicio: Int?
    /// `MntBruto` = 1: detail amounts include IVA (boletas, some facturas).
    public var montosBrutos: Bool
    /// `FmaPago`: 1 contado, 2 crédito, 3 sin costo.
    public var formaPago: Int?
    /// `FchVenc`: the payment due date.
    public var fechaVencimiento: CalendarDate?
    /// `PeriodoDesde`: start of the billed period (periodic services).
    public var periodoDesde: CalendarDate?
    /// `PeriodoHasta`: end of the billed period.
    public var periodoHasta: CalendarDate?
    /// `TermPagoGlosa`: payment terms in words.
    public var terminoPagoGlosa: String?
    /// `FchCancel`: the date the document was paid (contado).
    public var fechaCancelacion: CalendarDate?

    /// Creates an `IdDoc`; every indicator defaults to absent (`MntBruto` to `false`).
    public init(tipoDTE: DocumentType, folio: Int64, fechaEmision: CalendarDate, indNoRebaja: Int? = nil,
                tipoDespacho: Int? = nil, indTraslado: Traslado? = nil, indServicio: Int? = nil,
                montosBrutos: Bool = false, formaPago: Int? = nil, fechaVencimiento: CalendarDate? = nil,
                periodoDesde: CalendarDate? = nil, periodoHasta: CalendarDate? = nil,
                terminoPagoGlosa: String? = nil, fechaCancelacion: CalendarDate? = nil) {
        self.tipoDTE = tipoDTE; self.folio = folio; self.fechaEmision = fechaEmision
        self.indNoRebaja = indNoRebaja; self.tipoDespacho = tipoDespacho; self.indTraslado = indTraslado
        self.indServicio = indServicio; self.montosBrutos = montosBrutos; self.formaPago = formaPago
        self.fechaVencimiento = fechaVencimiento; self.periodoDesde = periodoDesde; self.periodoHasta = periodoHasta
        self.terminoPagoGlosa = terminoPagoGlosa; self.fechaCancelacion = fechaCancelacion
    }
}

/// `IndTraslado` of a guía de despacho (52).
public enum Traslado: Int, Sendable, Hashable, CaseIterable {
    /// 1: the movement is a sale.
    case operacionConstituyeVenta = 1
    /// 2: a sale yet to be made.
    case ventaPorEfectuar = 2
    /// 3: goods sent on consignment.
    case consignacion = 3
    /// 4: a free delivery.
    case entregaGratuita = 4
    /// 5: an internal transfer (between the emisor's own premises).
    case trasladoInterno = 5
    /// 6: other transfers that are not sales.
    case otrosTrasladosNoVenta = 6
    /// 7: goods being returned.
    case guiaDeDevolucion = 7
    /// 8: a transfer for export that is not a sale.
    case trasladoParaExportacion = 8
    /// 9: a sale for export.
    case ventaParaExportacion = 9

    /// The gloss printed on the guía.
    public var gloss: String {
        switch self {
        case .operacionConstituyeVenta: return "Operación constituye venta"
        case .ventaPorEfectuar: return "Ventas por efectuar"
        case .consignacion: return "Consignaciones"
        case .entregaGratuita: return "Entrega gratuita"
        case .trasladoInterno: return "Traslados internos"
        case .otrosTrasladosNoVenta: return "Otros traslados no venta"
        case .guiaDeDevolucion: return "Guía de devolución"
        case .trasladoParaExportacion: return "Traslado para exportación (no venta)"
        case .ventaParaExportacion: return "Venta para exportación"
        }
    }
}

/// `Emisor`. Facturas use `RznSoc`/`GiroEmis`/`Acteco`; boletas `RznSocEmisor`/`GiroEmisor`:
/// both land in the same fields.
public struct Emisor: Sendable, Hashable {
    /// `RUTEmisor`: the emisor's RUT.
    public var rut: RUT
    /// `RznSoc` (`RznSocEmisor` in boletas): the legal name.
    public var razonSocial: String
    /// `GiroEmis` (`GiroEmisor` in boletas): the line of business.
    public var giro: String
    /// `Acteco`: the SII economic-activity codes, in document order.
    public var actecos: [Int]
    /// `Telefono`: phone numbers, as written.
    public var telefonos: [String]
    /// `CorreoEmisor`: e-mail address.
    public var correo: String?
    /// `Sucursal`: the branch's name.
    public var sucursal: String?
    /// `CdgSIISucur`: the branch's SII code.
    public var codigoSucursalSII: String?
    /// `DirOrigen`: address of origin.
    public var direccion: String?
    /// `CmnaOrigen`: comuna of origin.
    public var comuna: String?
    /// `CiudadOrigen`: city of origin.
    public var ciudad: String?
    /// `CdgVendedor`: the seller's code.
    public var codigoVendedor: String?

    /// Creates an `Emisor`; optional fields default to absent or empty.
    public init(rut: RUT, razonSocial: String, giro: String, actecos: [Int] = [], telefonos: [String] = [],
                correo: String? = nil, sucursal: String? = nil, codigoSucursalSII: String? = nil,
                direccion: String? = nil, comuna: String? = nil, ciudad: String? = nil, codigoVendedor: String? = nil) {
        self.rut = rut; self.razonSocial = razonSocial; self.giro = giro; self.actecos = actecos
        self.telefonos = telefonos; self.correo = correo; self.sucursal = sucursal
        self.codigoSucursalSII = codigoSucursalSII; self.direccion = direccion; self.comuna = comuna
        self.ciudad = ciudad; self.codigoVendedor = codigoVendedor
    }
}

/// `Receptor`, including the foreign receptor of export documents (`Extranjero`).
public struct Receptor: Sendable, Hashable {
    /// `RUTRecep`. Export documents use 55555555-5.
    public var rut: RUT
    /// `CdgIntRecep`: the emisor's internal code for the receptor.
    public var codigoInterno: String?
    /// `RznSocRecep`: the receptor's legal name.
    public var razonSocial: String?
    /// `Extranjero`: `NumId` and `Nacionalidad` of a foreign receptor.
    public var extranjeroNumId: String?
    /// `Extranjero/Nacionalidad`: the foreign receptor's country code.
    public var extranjeroNacionalidad: String?
    /// `GiroRecep`: the receptor's line of business.
    public var giro: String?
    /// `Contacto`: a contact (phone or e-mail), as written.
    public var contacto: String?
    /// `CorreoRecep`: e-mail address.
    public var correo: String?
    /// `DirRecep`: address.
    public var direccion: String?
    /// `CmnaRecep`: comuna.
    public var comuna: String?
    /// `CiudadRecep`: city.
    public var ciudad: String?

    /// Creates a `Receptor`; optional fields default to absent.
    public init(rut: RUT, codigoInterno: String? = nil, razonSocial: String? = nil, extranjeroNumId: String? = nil,
                extranjeroNacionalidad: String? = nil, giro: String? = nil, contacto: String? = nil,
                correo: String? = nil, direccion: String? = nil, comuna: String? = nil, ciudad: String? = nil) {
        self.rut = rut; self.codigoInterno = codigoInterno; self.razonSocial = razonSocial
        self.extranjeroNumId = extranjeroNumId; self.extranjeroNacionalidad = extranjeroNacionalidad
        self.giro = giro; self.contacto = contacto; self.correo = correo; self.direccion = direccion
        self.comuna = comuna; self.ciudad = ciudad
    }
}

/// `Transporte`, with the export `Aduana` data.
public struct Transporte: Sendable, Hashable {
    /// `Patente`: the vehicle's licence plate.
    public var patente: String?
    /// `RUTTrans`: the carrier's RUT.
    public var rutTransportista: RUT?
    /// `Chofer/RUTChofer`: the driver's RUT.
    public var rutChofer: RUT?
    /// `Chofer/NombreChofer`: the driver's name.
    public var nombreChofer: String?
    /// `DirDest`: destination address.
    public var direccionDestino: String?
    /// `CmnaDest`: destination comuna.
    public var comunaDestino: String?
    /// `CiudadDest`: destination city.
    public var ciudadDestino: String?
    /// `Aduana`: customs data of export documents.
    public var aduana: Aduana?

    /// Creates a `Transporte`; every field defaults to absent.
    public init(patente: String? = nil, rutTransportista: RUT? = nil, rutChofer: RUT? = nil, nombreChofer: String? = nil,
                direccionDestino: String? = nil, comunaDestino: String? = nil, ciudadDestino: String? = nil, aduana: Aduana? = nil) {
        self.patente = patente; self.rutTransportista = rutTransportista; self.rutChofer = rutChofer
        self.nombreChofer = nombreChofer; self.direccionDestino = direccionDestino
        self.comunaDestino = comunaDestino; self.ciudadDestino = ciudadDestino; self.aduana = aduana
    }
}

/// `Aduana` (export documents): codes from the SII/Aduana tables.
public struct Aduana: Sendable, Hashable {
    /// `CodModVenta`: sale modality (Aduana table).
    public var codigoModalidadVenta: Int?
    /// `CodClauVenta`: sale clause, e.g. FOB (Aduana table).
    public var codigoClausulaVenta: Int?
    /// `TotClauVenta`: total of the sale clause, in the document's currency.
    public var totalClausulaVenta: Money?
    /// `CodViaTransp`: means of transport (Aduana table).
    public var codigoViaTransporte: Int?
    /// `NombreTransp`: name of the ship, flight, …
    public var nombreTransporte: String?
    /// `CodPtoEmbarque`: port of loading (Aduana table).
    public var codigoPuertoEmbarque: Int?
    /// `IdAdicPtoEmb`: additional identification of the port of loading.
    public var idPuertoEmbarque: String?
    /// `CodPtoDesemb`: port of unloading (Aduana table).
    public var codigoPuertoDesembarque: Int?
    /// `IdAdicPtoDesemb`: additional identification of the port of unloading.
    public var idPuertoDesembarque: String?
    /// `CodUnidMedTara`: unit of the tare (Aduana table).
    public var codigoUnidadMedidaTara: Int?
    /// `CodUnidPesoBruto`: unit of the gross weight (Aduana table).
    public var codigoUnidadPesoBruto: Int?
    /// `PesoBruto`: gross weight, in ``codigoUnidadPesoBruto`` units.
    public var pesoBruto: Money?
    /// `CodUnidPesoNeto`: unit of the net weight (Aduana table).
    public var codigoUnidadPesoNeto: Int?
    /// `PesoNeto`: net weight, in ``codigoUnidadPesoNeto`` units.
    public var pesoNeto: Money?
    /// `TotItems`: number of items.
    public var totalItems: Int?
    /// `TotBultos`: number of packages.
    public var totalBultos: Int?
    /// `TipoBultos`: the packages by type.
    public var bultos: [Bulto]
    /// `MntFlete`: freight amount.
    public var montoFlete: Money?
    /// `MntSeguro`: insurance amount.
    public var montoSeguro: Money?
    /// `CodPaisRecep`: the receptor's country (Aduana table).
    public var codigoPaisReceptor: Int?
    /// `CodPaisDestin`: the destination country (Aduana table).
    public var codigoPaisDestino: Int?

    /// Creates an `Aduana`; every field defaults to absent or empty.
    public init(codigoModalidadVenta: Int? = nil, codigoClausulaVenta: Int? = nil, totalClausulaVenta: Money? = nil,
                codigoViaTransporte: Int? = nil, nombreTransporte: String? = nil, codigoPuertoEmbarque: Int? = nil,
                idPuertoEmbarque: String? = nil, codigoPuertoDesembarque: Int? = nil, idPuertoDesembarque: String? = nil,
                codigoUnidadMedidaTara: Int? = nil, codigoUnidadPesoBruto: Int? = nil, pesoBruto: Money? = nil,
                codigoUnidadPesoNeto: Int? = nil, pesoNeto: Money? = nil, totalItems: Int? = nil, totalBultos: Int? = nil,
                bultos: [Bulto] = [], montoFlete: Money? = nil, montoSeguro: Money? = nil,
                codigoPaisReceptor: Int? = nil, codigoPaisDestino: Int? = nil) {
        self.codigoModalidadVenta = codigoModalidadVenta; self.codigoClausulaVenta = codigoClausulaVenta
        self.totalClausulaVenta = totalClausulaVenta; self.codigoViaTransporte = codigoViaTransporte
        self.nombreTransporte = nombreTransporte; self.codigoPuertoEmbarque = codigoPuertoEmbarque
        self.idPuertoEmbarque = idPuertoEmbarque; self.codigoPuertoDesembarque = codigoPuertoDesembarque
        self.idPuertoDesembarque = idPuertoDesembarque; self.codigoUnidadMedidaTara = codigoUnidadMedidaTara
        self.codigoUnidadPesoBruto = codigoUnidadPesoBruto; self.pesoBruto = pesoBruto
        self.codigoUnidadPesoNeto = codigoUnidadPesoNeto; self.pesoNeto = pesoNeto; self.totalItems = totalItems
        self.totalBultos = totalBultos; self.bultos = bultos; self.montoFlete = montoFlete; self.montoSeguro = montoSeguro
        self.codigoPaisReceptor = codigoPaisReceptor; self.codigoPaisDestino = codigoPaisDestino
    }
}

/// One `TipoBultos` entry of `Aduana`.
public struct Bulto: Sendable, Hashable {
    /// `CodTpoBultos`: package type (Aduana table).
    public var codigoTipoBulto: Int?
    /// `CantBultos`: how many packages of that type.
    public var cantidad: Int?
    /// `Marcas`: the packages' marks.
    public var marcas: String?
    /// Creates a `Bulto`; every field defaults to absent.
    public init(codigoTipoBulto: Int? = nil, cantidad: Int? = nil, marcas: String? = nil) {
        self.codigoTipoBulto = codigoTipoBulto; self.cantidad = cantidad; self.marcas = marcas
    }
}

/// `Totales`. National documents: CLP, `scale == 0`. Export documents: the `TpoMoneda`
/// currency with its decimals.
public struct Totales: Sendable, Hashable {
    /// `TpoMoneda` (export documents): "DOLAR USA", "EURO", … `nil` means CLP.
    public var moneda: String?
    /// `MntNeto`: the net (afecto) amount.
    public var montoNeto: Money?
    /// `MntExe`: the exempt amount.
    public var montoExento: Money?
    /// `MntBase`: the tax base of special regimes.
    public var montoBase: Money?
    /// `TasaIVA`: the IVA rate in percent (19).
    public var tasaIVA: Decimal?
    /// `IVA`: the IVA amount.
    public var iva: Money?
    /// `IVAProp`: IVA of the emisor's own sales (liquidación-factura).
    public var ivaPropio: Money?
    /// `IVATerc`: IVA of third parties' sales (liquidación-factura).
    public var ivaTerceros: Money?
    /// `ImptoReten`: additional and withheld taxes.
    public var impuestosRetenidos: [ImpuestoRetenido]
    /// `IVANoRet`: IVA not withheld.
    public var ivaNoRetenido: Money?
    /// `CredEC`: the 65 % construction companies' credit.
    public var creditoEmpresaConstructora: Money?
    /// `MntTotal`: the document's total.
    public var montoTotal: Money
    /// `MontoNF`: amount not billable.
    public var montoNoFacturable: Money?
    /// `MontoPeriodo`: the period's total.
    public var montoPeriodo: Money?
    /// `SaldoAnterior`: the previous balance.
    public var saldoAnterior: Money?
    /// `VlrPagar`: the amount to pay.
    public var valorPagar: Money?
    /// `Comisiones` totals of a liquidación (43): neto, exento, IVA.
    public var comisionNeto: Money?
    /// `Comisiones/ValComExe`: exempt commissions.
    public var comisionExento: Money?
    /// `Comisiones/ValComIVA`: IVA of the commissions.
    public var comisionIVA: Money?

    /// Creates `Totales`; only `MntTotal` is required.
    public init(moneda: String? = nil, montoNeto: Money? = nil, montoExento: Money? = nil, montoBase: Money? = nil,
                tasaIVA: Decimal? = nil, iva: Money? = nil, ivaPropio: Money? = nil, ivaTerceros: Money? = nil,
                impuestosRetenidos: [ImpuestoRetenido] = [], ivaNoRetenido: Money? = nil,
                creditoEmpresaConstructora: Money? = nil, montoTotal: Money, montoNoFacturable: Money? = nil,
                montoPeriodo: Money? = nil, saldoAnterior: Money? = nil, valorPagar: Money? = nil,
                comisionNeto: Money? = nil, comisionExento: Money? = nil, comisionIVA: Money? = nil) {
        self.moneda = moneda; self.montoNeto = montoNeto; self.montoExento = montoExento; self.montoBase = montoBase
        self.tasaIVA = tasaIVA; self.iva = iva; self.ivaPropio = ivaPropio; self.ivaTerceros = ivaTerceros
        self.impuestosRetenidos = impuestosRetenidos; self.ivaNoRetenido = ivaNoRetenido
        self.creditoEmpresaConstructora = creditoEmpresaConstructora; self.montoTotal = montoTotal
        self.montoNoFacturable = montoNoFacturable; self.montoPeriodo = montoPeriodo
        self.saldoAnterior = saldoAnterior; self.valorPagar = valorPagar
        self.comisionNeto = comisionNeto; self.comisionExento = comisionExento; self.comisionIVA = comisionIVA
    }
}

/// One `ImptoReten` of `Totales`.
public struct ImpuestoRetenido: Sendable, Hashable {
    /// `TipoImp` (15 = IVA retenido total, 17, 18, … see the format manual's table).
    public var codigo: Int
    /// `TasaImp`: the tax rate in percent.
    public var tasa: Decimal?
    /// `MontoImp`: the tax amount.
    public var monto: Money
    /// Creates an `ImptoReten` entry.
    public init(codigo: Int, tasa: Decimal? = nil, monto: Money) { self.codigo = codigo; self.tasa = tasa; self.monto = monto }

    /// The name printed for the tax code (format manual, "Codificación de tipos de impuesto").
    public var name: String { ImpuestoRetenido.name(forCode: codigo) }

    /// The printed name of a `TipoImp` code; `Impuesto código <n>` for a code not in the table.
    public static func name(forCode code: Int) -> String {
        switch code {
        case 14: return "IVA de margen de comercialización"
        case 15: return "IVA retenido total"
        case 16: return "IVA retenido parcial"
        case 17: return "IVA anticipado faenamiento carne"
        case 18: return "IVA anticipado carne"
        case 19: return "IVA anticipado harina"
        case 23: return "Impuesto adicional art. 37 letras a, b, c"
        case 24: return "Impuesto art. 42 licores, piscos, whisky"
        case 25: return "Impuesto art. 42 vinos"
        case 26: return "Impuesto art. 42 cervezas y bebidas alcohólicas"
        case 27: return "Impuesto art. 42 bebidas analcohólicas y minerales"
        case 271: return "Impuesto art. 42 bebidas analcohólicas elevado contenido de azúcares"
        case 28: return "Impuesto específico diesel"
        case 30: return "IVA retenido legumbres"
        case 31: return "IVA retenido silvestres"
        case 32: return "IVA retenido ganado"
        case 33: return "IVA retenido madera"
        case 34: return "IVA retenido trigo"
        case 35: return "Impuesto específico gasolinas"
        case 36: return "IVA retenido arroz"
        case 37: return "IVA retenido hidrobiológicas"
        case 38: return "IVA retenido chatarra"
        case 39: return "IVA retenido PPA"
        case 41: return "IVA retenido construcción"
        case 44: return "Impuesto adicional art. 37 letras e, h, i, l"
        case 45: return "Impuesto adicional art. 37 letra j"
        case 46: return "IVA retenido oro"
        case 47: return "IVA retenido cartones"
        case 48: return "IVA retenido frambuesas y pasas"
        case 49: return "Factura de compra sin retención"
        case 50: return "IVA de margen de comercialización de instrumentos de prepago"
        case 51: return "Impuesto gas natural comprimido"
        case 52: return "Impuesto gas licuado de petróleo"
        case 53: return "Impuesto retenido suplementeros"
        default: return "Impuesto código \(code)"
        }
    }
}

/// `OtraMoneda` of export documents: totals in a second currency (usually "PESO CL").
public struct OtraMoneda: Sendable, Hashable {
    /// `TpoMoneda`: the second currency's name.
    public var tipoMoneda: String
    /// `TpoCambio`: the exchange rate.
    public var tipoCambio: Decimal?
    /// `MntNetoOtrMnda`: the net amount in that currency.
    public var montoNeto: Money?
    /// `MntExeOtrMnda`: the exempt amount in that currency.
    public var montoExento: Money?
    /// `IVAOtrMnda`: the IVA in that currency.
    public var iva: Money?
    /// `MntTotOtrMnda`: the total in that currency.
    public var montoTotal: Money?
    /// Creates an `OtraMoneda`; the amounts default to absent.
    public init(tipoMoneda: String, tipoCambio: Decimal? = nil, montoNeto: Money? = nil, montoExento: Money? = nil,
                iva: Money? = nil, montoTotal: Money? = nil) {
        self.tipoMoneda = tipoMoneda; self.tipoCambio = tipoCambio; self.montoNeto = montoNeto
        self.montoExento = montoExento; self.iva = iva; self.montoTotal = montoTotal
    }
}

/// One `Detalle` line.
public struct DetailLine: Sendable, Hashable {
    /// `NroLinDet`: the line number (from 1).
    public var numero: Int
    /// `CdgItem`: the item's codes.
    public var codigos: [ItemCode]
    /// `IndExe`: 1 exento, 2 no facturable, … `nil` = afecto.
    public var indicadorExencion: Int?
    /// `NmbItem`: the item's name.
    public var nombre: String
    /// `DscItem`: a longer description.
    public var descripcion: String?
    /// `QtyItem`: the quantity (up to 6 decimals).
    public var cantidad: Decimal?
    /// `UnmdItem`: the unit of measure, as written.
    public var unidad: String?
    /// `PrcItem`: the unit price (gross of IVA when `MntBruto` is 1).
    public var precioUnitario: Decimal?
    /// `OtrMnda`: the line in another currency (export documents give their lines in pesos here).
    public var otraMoneda: DetailOtherCurrency? = nil
    /// `DescuentoPct`: discount in percent.
    public var descuentoPorcentaje: Decimal?
    /// `DescuentoMonto`: discount amount.
    public var descuentoMonto: Money?
    /// `RecargoPct`: surcharge in percent.
    public var recargoPorcentaje: Decimal?
    /// `RecargoMonto`: surcharge amount.
    public var recargoMonto: Money?
    /// `CodImpAdic`: additional tax codes of the line.
    public var codigosImpuestoAdicional: [Int]
    /// `MontoItem`: the line's amount.
    public var montoItem: Money
    /// `TpoDocLiq`: the type of the liquidated document (liquidación-factura 43 lines only, e.g. "33").
    public var tipoDocumentoLiquidado: String? = nil

    /// Creates a line; optional fields default to absent or empty.
    public init(numero: Int, codigos: [ItemCode] = [], indicadorExencion: Int? = nil, nombre: String,
                descripcion: String? = nil, cantidad: Decimal? = nil, unidad: String? = nil, precioUnitario: Decimal? = nil,
                descuentoPorcentaje: Decimal? = nil, descuentoMonto: Money? = nil, recargoPorcentaje: Decimal? = nil,
                recargoMonto: Money? = nil, codigosImpuestoAdicional: [Int] = [], montoItem: Money) {
        self.numero = numero; self.codigos = codigos; self.indicadorExencion = indicadorExencion
        self.nombre = nombre; self.descripcion = descripcion; self.cantidad = cantidad; self.unidad = unidad
        self.precioUnitario = precioUnitario; self.descuentoPorcentaje = descuentoPorcentaje
        self.descuentoMonto = descuentoMonto; self.recargoPorcentaje = recargoPorcentaje
        self.recargoMonto = recargoMonto; self.codigosImpuestoAdicional = codigosImpuestoAdicional; self.montoItem = montoItem
    }

    /// Whether the line is exempt (IndExe 1) — it makes "Monto Exento" appear in the totals.
    public var isExempt: Bool { indicadorExencion == 1 }
}

/// `Detalle/OtrMnda`: a line's price and amounts in another currency.
public struct DetailOtherCurrency: Sendable, Hashable {
    /// `PrcOtrMon`: unit price in that currency.
    public var precio: Money
    /// `Moneda`: the Banco Central currency code (e.g. `CLP`).
    public var moneda: String
    /// `FctConv`: conversion factor to pesos.
    public var factorConversion: Decimal?
    /// `DctoOtrMnda`, `RecargoOtrMnda`, `MontoItemOtrMnda`.
    public var descuento: Money?
    /// `RecargoOtrMnda`: surcharge in that currency.
    public var recargo: Money?
    /// `MontoItemOtrMnda`: the line's amount in that currency.
    public var montoItem: Money?

    /// Creates an `OtrMnda`; optional fields default to absent.
    public init(precio: Money, moneda: String, factorConversion: Decimal? = nil, descuento: Money? = nil,
                recargo: Money? = nil, montoItem: Money? = nil) {
        self.precio = precio; self.moneda = moneda; self.factorConversion = factorConversion
        self.descuento = descuento; self.recargo = recargo; self.montoItem = montoItem
    }
}

/// `CdgItem`: a coded item id (`TpoCodigo`, `VlrCodigo`).
public struct ItemCode: Sendable, Hashable {
    /// `TpoCodigo`: the coding scheme (`INT1`, `EAN13`, …).
    public var tipo: String
    /// `VlrCodigo`: the code.
    public var valor: String
    /// Creates a `CdgItem`.
    public init(tipo: String, valor: String) { self.tipo = tipo; self.valor = valor }
}

/// `SubTotInfo`: informative subtotals.
public struct DTESubtotal: Sendable, Hashable {
    /// `NroSTI`: the subtotal's number.
    public var numero: Int
    /// `GlosaSTI`: its label.
    public var glosa: String
    /// `ValSubtotSTI`: its value.
    public var valor: Money?
    /// Creates a `SubTotInfo` entry.
    public init(numero: Int, glosa: String, valor: Money? = nil) { self.numero = numero; self.glosa = glosa; self.valor = valor }
}

/// `DscRcgGlobal`: a global discount (`D`) or surcharge (`R`).
public struct GlobalDiscountCharge: Sendable, Hashable {
    /// `TpoMov`: whether the line lowers or raises the total.
    public enum Kind: String, Sendable {
        /// `D`: a discount.
        case descuento = "D"
        /// `R`: a surcharge (recargo).
        case recargo = "R"
    }
    /// `TpoValor`: how `valor` is expressed, `%` or `$`.
    public enum Unit: String, Sendable {
        /// `%`: `valor` is a percentage of the lines it applies to.
        case percent = "%"
        /// `$`: `valor` is an amount in the document's currency.
        case amount = "$"
    }
    /// `NroLinDR`: the line number.
    public var numero: Int
    /// `TpoMov`: discount or surcharge.
    public var kind: Kind
    /// `GlosaDR`: its description.
    public var glosa: String?
    /// `TpoValor`: percent or amount.
    public var unit: Unit
    /// `ValorDR`: the percentage or amount, per ``unit``.
    public var valor: Decimal
    /// `IndExeDR`: 1 applies to exempt lines, 2 to non-billable.
    public var indicadorExencion: Int?
    /// Creates a `DscRcgGlobal` line.
    public init(numero: Int, kind: Kind, glosa: String? = nil, unit: Unit, valor: Decimal, indicadorExencion: Int? = nil) {
        self.numero = numero; self.kind = kind; self.glosa = glosa; self.unit = unit; self.valor = valor
        self.indicadorExencion = indicadorExencion
    }
}

/// `Referencia`.
public struct DTEReference: Sendable, Hashable {
    /// `NroLinRef`: the reference's line number.
    public var numero: Int
    /// `TpoDocRef`: a DTE code ("33"), a paper code ("30") or another code ("801", "SET", "HES").
    public var tipoDocumento: String
    /// `IndGlobal` = 1: the reference is to a set of documents, not one folio.
    public var indicadorGlobal: Bool
    /// `FolioRef`: the referenced document's folio or number, as written.
    public var folio: String?
    /// `RUTOtr`: the other contributor's RUT when the referenced document is not the emisor's.
    public var rutOtro: RUT?
    /// `FchRef`: the referenced document's date.
    public var fecha: CalendarDate?
    /// `CodRef`: 1 anula, 2 corrige texto, 3 corrige montos.
    public var codigo: Int?
    /// `RazonRef`: the reason, in words.
    public var razon: String?

    /// Creates a `Referencia` line.
    public init(numero: Int, tipoDocumento: String, indicadorGlobal: Bool = false, folio: String? = nil,
                rutOtro: RUT? = nil, fecha: CalendarDate? = nil, codigo: Int? = nil, razon: String? = nil) {
        self.numero = numero; self.tipoDocumento = tipoDocumento; self.indicadorGlobal = indicadorGlobal
        self.folio = folio; self.rutOtro = rutOtro; self.fecha = fecha; self.codigo = codigo; self.razon = razon
    }

    /// The referenced document's name in words (`FACTURA ELECTRÓNICA`, `ORDEN DE COMPRA`).
    public var documentName: String { DocumentType.referenceName(forCode: tipoDocumento) }

    /// The `CodRef` in words, as printed.
    public var codigoText: String? {
        switch codigo {
        case 1: return "Anula documento de referencia"
        case 2: return "Corrige texto del documento de referencia"
        case 3: return "Corrige montos"
        default: return nil
        }
    }
}

/// `Comisiones` lines of a liquidación-factura (43).
public struct DTECommission: Sendable, Hashable {
    /// `NroLinCom`: the line number.
    public var numero: Int
    /// `TipoMovim`: `C` comisión, `O` otros cargos.
    public var tipoMovimiento: String
    /// `Glosa`: its description.
    public var glosa: String
    /// `TasaComision`: the commission rate in percent.
    public var tasa: Decimal?
    /// `ValComNeto`: the net amount.
    public var valorNeto: Money
    /// `ValComExe`: the exempt amount.
    public var valorExento: Money?
    /// `ValComIVA`: the IVA amount.
    public var valorIVA: Money?
    /// Creates a `Comisiones` line.
    public init(numero: Int, tipoMovimiento: String, glosa: String, tasa: Decimal? = nil, valorNeto: Money,
                valorExento: Money? = nil, valorIVA: Money? = nil) {
        self.numero = numero; self.tipoMovimiento = tipoMovimiento; self.glosa = glosa; self.tasa = tasa
        self.valorNeto = valorNeto; self.valorExento = valorExento; self.valorIVA = valorIVA
    }
}
