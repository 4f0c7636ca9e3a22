import DTECore
import Foundation

/// Choices for a skeleton.
public struct SkeletonOptions: Sendable, Hashable {
    /// `Folio` (a stamper may replace it with one of its CAF's folios).
    public var folio: Int64 = 1
    /// `FchEmis`; `nil` = today (Chile's date).
    public var fechaEmision: CalendarDate?
    /// `IndTraslado` of a guía (52).
    public var traslado: Traslado = .operacionConstituyeVenta
    /// `CodRef` of the notes' reference (1 anula, 2 corrige texto, 3 corrige montos); `nil` = 3 for
    /// débito notes, 1 for crédito notes.
    public var codigoReferencia: Int?
    /// The folio of the referenced factura (notes).
    public var folioReferencia: Int64 = 1

    /// Options; folios default to 1, the date to today in Chile, the traslado to a sale.
    public init(folio: Int64 = 1, fechaEmision: CalendarDate? = nil, traslado: Traslado = .operacionConstituyeVenta,
                codigoReferencia: Int? = nil, folioReferencia: Int64 = 1) {
        self.folio = folio; self.fechaEmision = fechaEmision; self.traslado = traslado
        self.codigoReferencia = codigoReferencia; self.folioReferencia = folioReferencia
    }
}

/// Why a skeleton cannot be made.
public enum SkeletonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `TipoDTE` code is not one DTEKit makes skeletons of.
    case unsupportedType(Int)
    /// An option's value is unusable: `rule` says what is allowed.
    case invalidOption(name: String, value: String, rule: String)
    /// Writing the output failed (the system's reason, and what was left on disk).
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unsupportedType(code):
            let known = DocumentType.allCases.map { String($0.rawValue) }.joined(separator: ", ")
            return "document type \(code) is not supported (supported: \(known))"
        case let .invalidOption(name, value, rule): return "\(name) = \(value): \(rule)"
        case let .io(path, reason): return "\(path): \(reason)"
        }
    }
}

/// Builds, for each DTE type, a complete document with the emisor's data and visibly example
/// values ("RECEPTOR DE EJEMPLO SPA") whose totals add up the SII's way (``SIITotals``).
///
/// ```swift
/// let gen = SkeletonGenerator(emisor: profile)
/// let factura = try gen.document(for: .factura)
/// ```
public struct SkeletonGenerator: Sendable {
    /// The emisor whose data fills `Emisor`.
    public let emisor: EmisorProfile

    /// A generator for `emisor`'s documents.
    public init(emisor: EmisorProfile) { self.emisor = emisor }

    /// The example receptor used by facturas, guías and notes.
    public static let exampleReceptor = Receptor(
        rut: RUT.exampleReceptor, razonSocial: "RECEPTOR DE EJEMPLO SPA", giro: "GIRO DE EJEMPLO",
        contacto: "CONTACTO DE EJEMPLO", correo: "receptor@ejemplo.cl", direccion: "CALLE DE EJEMPLO 123",
        comuna: "SANTIAGO", ciudad: "SANTIAGO")

    /// A skeleton of `type` by its SII code.
    public func document(forCode code: Int, options: SkeletonOptions = .init()) throws -> DTEDocument {
        guard let t = DocumentType(rawValue: code) else { throw SkeletonError.unsupportedType(code) }
        return try document(for: t, options: options)
    }

    /// A skeleton of `type`: IdDoc, the profile's Emisor, an example Receptor, example lines,
    /// totals, and what the type needs (references for notes, Transporte for guías, Aduana for
    /// exports, Comisiones for liquidaciones). No TED: see ``Stamper``.
    public func document(for type: DocumentType, options: SkeletonOptions = .init()) throws -> DTEDocument {
        guard options.folio > 0, options.folio <= 9_999_999_999 else {
            throw SkeletonError.invalidOption(name: "folio", value: String(options.folio), rule: "must be 1…9999999999")
        }
        if let c = options.codigoReferencia, !(1...3).contains(c) {
            throw SkeletonError.invalidOption(name: "CodRef", value: String(c), rule: "must be 1, 2 or 3")
        }
        let fecha = try options.fechaEmision ?? SkeletonGenerator.todayInChile()
        var idDoc = IdDoc(tipoDTE: type, folio: options.folio, fechaEmision: fecha)
        var receptor = SkeletonGenerator.exampleReceptor
        var lines: [DetailLine] = []
        var totales: Totales
        var referencias: [DTEReference] = []
        var transporte: Transporte?
        var otraMoneda: OtraMoneda?
        var comisiones: [DTECommission] = []

        func line(_ n: Int, _ name: String, qty: Decimal, price: Decimal, unit: String? = "UN", exempt: Bool = false,
                  discountPct: Decimal? = nil) -> DetailLine {
            let a = SIITotals.lineAmount(quantity: qty, price: price, discountPercent: discountPct)
            return DetailLine(numero: n, codigos: [ItemCode(tipo: "INT1", valor: "EJ-\(String(format: "%03d", n))")],
                              indicadorExencion: exempt ? 1 : nil, nombre: name,
                              descripcion: "DESCRIPCION DE EJEMPLO: reemplace con su producto o servicio",
                              cantidad: qty, unidad: unit, precioUnitario: price, descuentoPorcentaje: discountPct,
                              descuentoMonto: discountPct == nil ? nil : Money(a.discount), montoItem: Money(a.montoItem))
        }
        func netTotals(_ ls: [DetailLine], retention: Decimal? = nil) -> Totales {
            let r = SIITotals.totals(lines: ls.map { ($0.montoItem.minorUnits, $0.isExempt) }, retentionPercent: retention)
            let hasAfecto = ls.contains { !$0.isExempt }
            return Totales(montoNeto: hasAfecto ? Money(r.neto) : nil, montoExento: r.exento > 0 ? Money(r.exento) : nil,
                           tasaIVA: hasAfecto ? SIITotals.tasaIVA : nil, iva: hasAfecto ? Money(r.iva) : nil,
                           impuestosRetenidos: retention == nil ? [] : [ImpuestoRetenido(codigo: 15, tasa: SIITotals.tasaIVA, monto: Money(r.retenido))],
                           montoTotal: Money(r.total))
        }
        func reference(to tipo: DocumentType, defaultCode: Int) -> DTEReference {
            let code = options.codigoReferencia ?? defaultCode
            let razon: String
            switch code {
            case 1: razon = "ANULA DOCUMENTO DE REFERENCIA (EJEMPLO)"
            case 2: razon = "CORRIGE GIRO DEL RECEPTOR (EJEMPLO)"
            default: razon = "CORRIGE MONTOS (EJEMPLO)"
            }
            return DTEReference(numero: 1, tipoDocumento: String(tipo.code), folio: String(options.folioReferencia),
                             fecha: fecha, codigo: code, razon: razon)
        }

        switch type {
        case .factura:
            idDoc.formaPago = 1
            lines = [line(1, "PRODUCTO AFECTO DE EJEMPLO", qty: 2, price: 12500, discountPct: 10),
                     line(2, "SERVICIO EXENTO DE EJEMPLO", qty: 1, price: 5000, exempt: true)]
            totales = netTotals(lines)
        case .facturaExenta:
            idDoc.formaPago = 1
            lines = [line(1, "SERVICIO EXENTO DE EJEMPLO", qty: 3, price: 15000, exempt: true),
                     line(2, "ASESORIA EXENTA DE EJEMPLO", qty: 1, price: 20000, exempt: true)]
            totales = netTotals(lines)
        case .facturaCompra:
            idDoc.formaPago = 1
            receptor = Receptor(rut: RUT.exampleReceptor, razonSocial: "VENDEDOR DE EJEMPLO", giro: "GIRO DE EJEMPLO",
                                direccion: "CALLE DE EJEMPLO 123", comuna: "SANTIAGO", ciudad: "SANTIAGO")
            lines = [line(1, "PRODUCTO COMPRADO DE EJEMPLO", qty: 10, price: 3500)]
            totales = netTotals(lines, retention: 100)
        case .guiaDespacho:
            idDoc.indTraslado = options.traslado
            idDoc.tipoDespacho = 2
            lines = [line(1, "PRODUCTO DESPACHADO DE EJEMPLO", qty: 4, price: 9990)]
            totales = netTotals(lines)
            transporte = Transporte(patente: "EJ1234", rutTransportista: RUT.exampleReceptor,
                                    rutChofer: RUT.exampleChofer, nombreChofer: "CHOFER DE EJEMPLO",
                                    direccionDestino: "CALLE DE EJEMPLO 123", comunaDestino: "SANTIAGO", ciudadDestino: "SANTIAGO")
        case .notaDebito:
            lines = [line(1, "AJUSTE DE PRECIO DE EJEMPLO", qty: 1, price: 8000)]
            totales = netTotals(lines)
            referencias = [reference(to: .factura, defaultCode: 3)]
        case .notaCredito:
            lines = [line(1, "PRODUCTO AFECTO DE EJEMPLO", qty: 2, price: 12500, discountPct: 10),
                     line(2, "SERVICIO EXENTO DE EJEMPLO", qty: 1, price: 5000, exempt: true)]
            totales = netTotals(lines)
            referencias = [reference(to: .factura, defaultCode: 1)]
        case .boleta:
            idDoc.indServicio = 3
            receptor = Receptor(rut: .genericReceptor, razonSocial: "CLIENTE DE EJEMPLO")
            lines = [line(1, "PRODUCTO DE EJEMPLO (PRECIO CON IVA)", qty: 3, price: 1190),
                     line(2, "ARTICULO DE EJEMPLO CON DESCUENTO", qty: 1, price: 2990, discountPct: 5),
                     line(3, "SERVICIO EXENTO DE EJEMPLO", qty: 1, price: 1000, exempt: true)]
            let r = SIITotals.grossTotals(lines: lines.map { ($0.montoItem.minorUnits, $0.isExempt) })
            totales = Totales(montoNeto: Money(r.neto), montoExento: r.exento > 0 ? Money(r.exento) : nil,
                              iva: Money(r.iva), montoTotal: Money(r.total))
        case .boletaExenta:
            idDoc.indServicio = 3
            receptor = Receptor(rut: .genericReceptor, razonSocial: "CLIENTE DE EJEMPLO")
            lines = [line(1, "SERVICIO EXENTO DE EJEMPLO", qty: 2, price: 4500, exempt: true)]
            let total = lines.reduce(Int64(0)) { $0 + $1.montoItem.minorUnits }
            totales = Totales(montoExento: Money(total), montoTotal: Money(total))
        case .liquidacionFactura:
            idDoc.formaPago = 2
            receptor = Receptor(rut: RUT.exampleReceptor, razonSocial: "MANDANTE DE EJEMPLO SPA", giro: "GIRO DE EJEMPLO",
                                direccion: "CALLE DE EJEMPLO 123", comuna: "SANTIAGO", ciudad: "SANTIAGO")
            var l1 = line(1, "VENTA POR CUENTA DE TERCERO DE EJEMPLO", qty: 20, price: 5000)
            l1.tipoDocumentoLiquidado = "33"
            lines = [l1]
            let r = SIITotals.totals(lines: [(l1.montoItem.minorUnits, false)])
            let comNeto = SIITotals.pesos(Decimal(r.neto) * 10 / 100)
            let comIVA = SIITotals.pesos(Decimal(comNeto) * SIITotals.tasaIVA / 100)
            comisiones = [DTECommission(numero: 1, tipoMovimiento: "C", glosa: "COMISION DE EJEMPLO 10%", tasa: 10,
                                     valorNeto: Money(comNeto), valorExento: .zero, valorIVA: Money(comIVA))]
            totales = Totales(montoNeto: Money(r.neto), tasaIVA: SIITotals.tasaIVA, iva: Money(r.iva),
                              montoTotal: Money(r.neto + r.iva - comNeto - comIVA),
                              comisionNeto: Money(comNeto), comisionExento: .zero, comisionIVA: Money(comIVA))
        case .facturaExportacion, .notaDebitoExportacion, .notaCreditoExportacion:
            idDoc.formaPago = 1
            receptor = Receptor(rut: .exportReceptor, razonSocial: "CLIENTE EXTRANJERO DE EJEMPLO LTD",
                                extranjeroNumId: "EJ-123456", extranjeroNacionalidad: "225", giro: "IMPORTADOR (EJEMPLO)",
                                direccion: "123 EXAMPLE STREET", ciudad: "MIAMI")
            let qty: Decimal = 10, price = Decimal(string: "125.35") ?? 125
            let monto = Money(minorUnits: NSDecimalNumber(decimal: SIITotals.round(qty * price, decimals: 2) * 100).int64Value, scale: 2)
            lines = [DetailLine(numero: 1, codigos: [ItemCode(tipo: "INT1", valor: "EJ-001")], nombre: "PRODUCTO EXPORTADO DE EJEMPLO",
                                descripcion: "DESCRIPCION DE EJEMPLO: reemplace con su producto", cantidad: qty, unidad: "UN",
                                precioUnitario: price, montoItem: monto)]
            totales = Totales(moneda: "DOLAR USA", montoExento: monto, montoTotal: monto)
            let tipoCambio = Decimal(string: "950.25") ?? 950
            let clp = Money(minorUnits: NSDecimalNumber(decimal: SIITotals.round(monto.decimalValue * tipoCambio)).int64Value, scale: 0)
            otraMoneda = OtraMoneda(tipoMoneda: "PESO CL", tipoCambio: tipoCambio, montoExento: clp, montoTotal: clp)
            transporte = Transporte(aduana: Aduana(
                codigoModalidadVenta: 1, codigoClausulaVenta: 5, totalClausulaVenta: monto, codigoViaTransporte: 1,
                nombreTransporte: "NAVE DE EJEMPLO", codigoPuertoEmbarque: 906, codigoPuertoDesembarque: 201,
                totalBultos: 1, bultos: [Bulto(codigoTipoBulto: 75, cantidad: 1, marcas: "MARCAS DE EJEMPLO")],
                codigoPaisReceptor: 225, codigoPaisDestino: 225))
            if type != .facturaExportacion {
                referencias = [reference(to: .facturaExportacion, defaultCode: type == .notaDebitoExportacion ? 3 : 1)]
            }
        }
        return DTEDocument(id: "F\(options.folio)T\(type.code)", idDoc: idDoc, emisor: emisor.emisor, receptor: receptor,
                           transporte: transporte, totales: totales, otraMoneda: otraMoneda, detalle: lines,
                           referencias: referencias, comisiones: comisiones)
    }

    /// Today's date in Chile (America/Santiago).
    public static func todayInChile(_ now: Date = Date()) throws(DateError) -> CalendarDate {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "America/Santiago") ?? .current
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return try CalendarDate(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0)
    }

    /// `AAAA-MM-DDTHH:MM:SS` in Chile's time (TSTED, TmstFirma).
    public static func timestampInChile(_ now: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "America/Santiago") ?? .current
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return f.string(from: now)
    }
}

extension RUT {
    /// 55.555.555-5: the receptor RUT of export documents.
    static let exportReceptor: RUT = (try? RUT("55555555-5")) ?? .genericReceptor
    /// An example receptor RUT (valid check digit, visibly an example): 11.111.111-1.
    static let exampleReceptor: RUT = (try? RUT("11111111-1")) ?? .genericReceptor
    /// An example driver RUT: 22.222.222-2.
    static let exampleChofer: RUT = (try? RUT("22222222-2")) ?? .genericReceptor
}
