import Foundation

/// One DTE as read from (or written to) SII XML: the `Documento`, `Liquidacion` or
/// `Exportaciones` under a `<DTE>`, with its Timbre Electrónico.
///
/// Values are typed where the SII's format gives them a type (RUT, dates, money); free text
/// stays `String`. Optional elements the XML lacks are `nil` or empty.
public struct DTEDocument: Sendable, Hashable {
    /// The `ID` attribute of the document element (`F60T33`, `MiPE76354771-13419`).
    public var id: String?
    public var idDoc: IdDoc
    public var emisor: Emisor
    public var receptor: Receptor
    public var transporte: Transporte?
    public var totales: Totales
    /// Export documents' amounts in another currency (usually CLP).
    public var otraMoneda: OtraMoneda?
    public var detalle: [DetailLine]
    public var subtotales: [Subtotal]
    public var descuentosRecargos: [GlobalDiscountCharge]
    public var referencias: [Reference]
    /// Commissions of a liquidación-factura (43).
    public var comisiones: [Commission]
    /// The Timbre Electrónico; `nil` for an unstamped skeleton.
    public var ted: TED?
    /// `TmstFirma`, as written.
    public var timestampFirma: String?

    public init(id: String? = nil, idDoc: IdDoc, emisor: Emisor, receptor: Receptor,
                transporte: Transporte? = nil, totales: Totales, otraMoneda: OtraMoneda? = nil,
                detalle: [DetailLine], subtotales: [Subtotal] = [], descuentosRecargos: [GlobalDiscountCharge] = [],
                referencias: [Reference] = [], comisiones: [Commission] = [], ted: TED? = nil, timestampFirma: String? = nil) {
        self.id = id; self.idDoc = idDoc; self.emisor = emisor; self.receptor = receptor
        self.transporte = transporte; self.totales = totales; self.otraMoneda = otraMoneda
        self.detalle = detalle; self.subtotales = subtotales; self.descuentosRecargos = descuentosRecargos
        self.referencias = referencias; self.comisiones = comisiones; self.ted = ted; self.timestampFirma = timestampFirma
    }

    public var type: DocumentType { idDoc.tipoDTE }
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
    public var tipoDTE: DocumentType
    public var folio: Int64
    public var fechaEmision: CalendarDate
    /// `IndNoRebaja` (notas de crédito sin derecho a descuento de débito).
    public var indNoRebaja: Int?
    /// `TipoDespacho` (1 por cuenta del receptor, 2 emisor a instalaciones del cliente, 3 emisor a otras).
    public var tipoDespacho: Int?
    public var indTraslado: Traslado?
    /// `IndServicio` (1 servicios periódicos domiciliarios, 2 otros periódicos, 3 servicios/facturas de servicio, 4 hotelería…).
    public var indServicio: Int?
    /// `MntBruto` = 1: detail amounts include IVA (boletas, some facturas).
    public var montosBrutos: Bool
    /// `FmaPago`: 1 contado, 2 crédito, 3 sin costo.
    public var formaPago: Int?
    public var fechaVencimiento: CalendarDate?
    public var periodoDesde: CalendarDate?
    public var periodoHasta: CalendarDate?
    public var terminoPagoGlosa: String?
    public var fechaCancelacion: CalendarDate?

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
    case operacionConstituyeVenta = 1
    case ventaPorEfectuar = 2
    case consignacion = 3
    case entregaGratuita = 4
    case trasladoInterno = 5
    case otrosTrasladosNoVenta = 6
    case guiaDeDevolucion = 7
    case trasladoParaExportacion = 8
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
    public var rut: RUT
    public var razonSocial: String
    public var giro: String
    public var actecos: [Int]
    public var telefonos: [String]
    public var correo: String?
    public var sucursal: String?
    public var codigoSucursalSII: String?
    public var direccion: String?
    public var comuna: String?
    public var ciudad: String?
    public var codigoVendedor: String?

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
    public var codigoInterno: String?
    public var razonSocial: String?
    /// `Extranjero`: `NumId` and `Nacionalidad` of a foreign receptor.
    public var extranjeroNumId: String?
    public var extranjeroNacionalidad: String?
    public var giro: String?
    public var contacto: String?
    public var correo: String?
    public var direccion: String?
    public var comuna: String?
    public var ciudad: String?

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
    public var patente: String?
    public var rutTransportista: RUT?
    public var rutChofer: RUT?
    public var nombreChofer: String?
    public var direccionDestino: String?
    public var comunaDestino: String?
    public var ciudadDestino: String?
    public var aduana: Aduana?

    public init(patente: String? = nil, rutTransportista: RUT? = nil, rutChofer: RUT? = nil, nombreChofer: String? = nil,
                direccionDestino: String? = nil, comunaDestino: String? = nil, ciudadDestino: String? = nil, aduana: Aduana? = nil) {
        self.patente = patente; self.rutTransportista = rutTransportista; self.rutChofer = rutChofer
        self.nombreChofer = nombreChofer; self.direccionDestino = direccionDestino
        self.comunaDestino = comunaDestino; self.ciudadDestino = ciudadDestino; self.aduana = aduana
    }
}

/// `Aduana` (export documents): codes from the SII/Aduana tables.
public struct Aduana: Sendable, Hashable {
    public var codigoModalidadVenta: Int?
    public var codigoClausulaVenta: Int?
    public var totalClausulaVenta: Money?
    public var codigoViaTransporte: Int?
    public var nombreTransporte: String?
    public var codigoPuertoEmbarque: Int?
    public var idPuertoEmbarque: String?
    public var codigoPuertoDesembarque: Int?
    public var idPuertoDesembarque: String?
    public var codigoUnidadMedidaTara: Int?
    public var codigoUnidadPesoBruto: Int?
    public var pesoBruto: Money?
    public var codigoUnidadPesoNeto: Int?
    public var pesoNeto: Money?
    public var totalItems: Int?
    public var totalBultos: Int?
    public var bultos: [Bulto]
    public var montoFlete: Money?
    public var montoSeguro: Money?
    public var codigoPaisReceptor: Int?
    public var codigoPaisDestino: Int?

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
    public var codigoTipoBulto: Int?
    public var cantidad: Int?
    public var marcas: String?
    public init(codigoTipoBulto: Int? = nil, cantidad: Int? = nil, marcas: String? = nil) {
        self.codigoTipoBulto = codigoTipoBulto; self.cantidad = cantidad; self.marcas = marcas
    }
}

/// `Totales`. National documents: CLP, `scale == 0`. Export documents: the `TpoMoneda`
/// currency with its decimals.
public struct Totales: Sendable, Hashable {
    /// `TpoMoneda` (export documents): "DOLAR USA", "EURO", … `nil` means CLP.
    public var moneda: String?
    public var montoNeto: Money?
    public var montoExento: Money?
    public var montoBase: Money?
    public var tasaIVA: Decimal?
    public var iva: Money?
    public var ivaPropio: Money?
    public var ivaTerceros: Money?
    public var impuestosRetenidos: [ImpuestoRetenido]
    public var ivaNoRetenido: Money?
    public var creditoEmpresaConstructora: Money?
    public var montoTotal: Money
    public var montoNoFacturable: Money?
    public var montoPeriodo: Money?
    public var saldoAnterior: Money?
    public var valorPagar: Money?
    /// `Comisiones` totals of a liquidación (43): neto, exento, IVA.
    public var comisionNeto: Money?
    public var comisionExento: Money?
    public var comisionIVA: Money?

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
    public var tasa: Decimal?
    public var monto: Money
    public init(codigo: Int, tasa: Decimal? = nil, monto: Money) { self.codigo = codigo; self.tasa = tasa; self.monto = monto }

    /// The name printed for the tax code (format manual, "Codificación de tipos de impuesto").
    public var name: String { ImpuestoRetenido.name(forCode: codigo) }

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
    public var tipoMoneda: String
    public var tipoCambio: Decimal?
    public var montoNeto: Money?
    public var montoExento: Money?
    public var iva: Money?
    public var montoTotal: Money?
    public init(tipoMoneda: String, tipoCambio: Decimal? = nil, montoNeto: Money? = nil, montoExento: Money? = nil,
                iva: Money? = nil, montoTotal: Money? = nil) {
        self.tipoMoneda = tipoMoneda; self.tipoCambio = tipoCambio; self.montoNeto = montoNeto
        self.montoExento = montoExento; self.iva = iva; self.montoTotal = montoTotal
    }
}

/// One `Detalle` line.
public struct DetailLine: Sendable, Hashable {
    public var numero: Int
    public var codigos: [ItemCode]
    /// `IndExe`: 1 exento, 2 no facturable, … `nil` = afecto.
    public var indicadorExencion: Int?
    public var nombre: String
    public var descripcion: String?
    public var cantidad: Decimal?
    public var unidad: String?
    public var precioUnitario: Decimal?
    /// `OtrMnda`: the line in another currency (export documents give their lines in pesos here).
    public var otraMoneda: DetailOtherCurrency? = nil
    public var descuentoPorcentaje: Decimal?
    public var descuentoMonto: Money?
    public var recargoPorcentaje: Decimal?
    public var recargoMonto: Money?
    /// `CodImpAdic`: additional tax codes of the line.
    public var codigosImpuestoAdicional: [Int]
    public var montoItem: Money
    /// `TpoDocLiq`: the type of the liquidated document (liquidación-factura 43 lines only, e.g. "33").
    public var tipoDocumentoLiquidado: String? = nil

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
    public var recargo: Money?
    public var montoItem: Money?

    public init(precio: Money, moneda: String, factorConversion: Decimal? = nil, descuento: Money? = nil,
                recargo: Money? = nil, montoItem: Money? = nil) {
        self.precio = precio; self.moneda = moneda; self.factorConversion = factorConversion
        self.descuento = descuento; self.recargo = recargo; self.montoItem = montoItem
    }
}

/// `CdgItem`: a coded item id (`TpoCodigo`, `VlrCodigo`).
public struct ItemCode: Sendable, Hashable {
    public var tipo: String
    public var valor: String
    public init(tipo: String, valor: String) { self.tipo = tipo; self.valor = valor }
}

/// `SubTotInfo`: informative subtotals.
public struct Subtotal: Sendable, Hashable {
    public var numero: Int
    public var glosa: String
    public var valor: Money?
    public init(numero: Int, glosa: String, valor: Money? = nil) { self.numero = numero; self.glosa = glosa; self.valor = valor }
}

/// `DscRcgGlobal`: a global discount (`D`) or surcharge (`R`).
public struct GlobalDiscountCharge: Sendable, Hashable {
    public enum Kind: String, Sendable { case descuento = "D", recargo = "R" }
    /// How `valor` is expressed: `%` or `$`.
    public enum Unit: String, Sendable { case percent = "%", amount = "$" }
    public var numero: Int
    public var kind: Kind
    public var glosa: String?
    public var unit: Unit
    public var valor: Decimal
    /// `IndExeDR`: 1 applies to exempt lines, 2 to non-billable.
    public var indicadorExencion: Int?
    public init(numero: Int, kind: Kind, glosa: String? = nil, unit: Unit, valor: Decimal, indicadorExencion: Int? = nil) {
        self.numero = numero; self.kind = kind; self.glosa = glosa; self.unit = unit; self.valor = valor
        self.indicadorExencion = indicadorExencion
    }
}

/// `Referencia`.
public struct Reference: Sendable, Hashable {
    public var numero: Int
    /// `TpoDocRef`: a DTE code ("33"), a paper code ("30") or another code ("801", "SET", "HES").
    public var tipoDocumento: String
    public var indicadorGlobal: Bool
    public var folio: String?
    public var rutOtro: RUT?
    public var fecha: CalendarDate?
    /// `CodRef`: 1 anula, 2 corrige texto, 3 corrige montos.
    public var codigo: Int?
    public var razon: String?

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
public struct Commission: Sendable, Hashable {
    public var numero: Int
    /// `TipoMovim`: `C` comisión, `O` otros cargos.
    public var tipoMovimiento: String
    public var glosa: String
    public var tasa: Decimal?
    public var valorNeto: Money
    public var valorExento: Money?
    public var valorIVA: Money?
    public init(numero: Int, tipoMovimiento: String, glosa: String, tasa: Decimal? = nil, valorNeto: Money,
                valorExento: Money? = nil, valorIVA: Money? = nil) {
        self.numero = numero; self.tipoMovimiento = tipoMovimiento; self.glosa = glosa; self.tasa = tasa
        self.valorNeto = valorNeto; self.valorExento = valorExento; self.valorIVA = valorIVA
    }
}
