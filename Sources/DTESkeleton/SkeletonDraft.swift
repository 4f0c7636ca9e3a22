import DTECore
import Foundation

/// The parts of one skeleton document while ``SkeletonGenerator/document(for:options:)`` fills
/// them: one `fill…` step per family of types, each choosing example lines, totals and what the
/// type needs (references, Transporte, Aduana, Comisiones).
struct Draft {
    let type: DocumentType
    let options: SkeletonOptions
    let fecha: CalendarDate
    var idDoc: IdDoc
    var receptor = SkeletonGenerator.exampleReceptor
    var lines: [DetailLine] = []
    var totales = Totales(montoTotal: .zero)
    var referencias: [DTEReference] = []
    var transporte: Transporte?
    var otraMoneda: OtraMoneda?
    var comisiones: [DTECommission] = []

    init(type: DocumentType, options: SkeletonOptions, fecha: CalendarDate) {
        self.type = type
        self.options = options
        self.fecha = fecha
        idDoc = IdDoc(tipoDTE: type, folio: options.folio, fechaEmision: fecha)
    }

    // MARK: Steps by type

    /// 33, 34, 46, 56, 61: net-priced lines (with a retention for 46), references for notes.
    mutating func fillFacturaOrNote() {
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
        case .notaDebito:
            lines = [line(1, "AJUSTE DE PRECIO DE EJEMPLO", qty: 1, price: 8000)]
            totales = netTotals(lines)
            referencias = [reference(to: .factura, defaultCode: 3)]
        default:    // .notaCredito
            lines = [line(1, "PRODUCTO AFECTO DE EJEMPLO", qty: 2, price: 12500, discountPct: 10),
                     line(2, "SERVICIO EXENTO DE EJEMPLO", qty: 1, price: 5000, exempt: true)]
            totales = netTotals(lines)
            referencias = [reference(to: .factura, defaultCode: 1)]
        }
    }

    /// 52: one line, the traslado chosen in the options, and a Transporte.
    mutating func fillGuia() {
        idDoc.indTraslado = options.traslado
        idDoc.tipoDespacho = 2
        lines = [line(1, "PRODUCTO DESPACHADO DE EJEMPLO", qty: 4, price: 9990)]
        totales = netTotals(lines)
        transporte = Transporte(patente: "EJ1234", rutTransportista: RUT.exampleReceptor,
                                rutChofer: RUT.exampleChofer, nombreChofer: "CHOFER DE EJEMPLO",
                                direccionDestino: "CALLE DE EJEMPLO 123", comunaDestino: "SANTIAGO", ciudadDestino: "SANTIAGO")
    }

    /// 39, 41: the generic receptor and gross prices (IVA included).
    mutating func fillBoleta() {
        idDoc.indServicio = 3
        receptor = Receptor(rut: .genericReceptor, razonSocial: "CLIENTE DE EJEMPLO")
        if type == .boleta {
            lines = [line(1, "PRODUCTO DE EJEMPLO (PRECIO CON IVA)", qty: 3, price: 1190),
                     line(2, "ARTICULO DE EJEMPLO CON DESCUENTO", qty: 1, price: 2990, discountPct: 5),
                     line(3, "SERVICIO EXENTO DE EJEMPLO", qty: 1, price: 1000, exempt: true)]
            let r = SIITotals.grossTotals(lines: lines.map { ($0.montoItem.minorUnits, $0.isExempt) })
            totales = Totales(montoNeto: Money(r.neto), montoExento: r.exento > 0 ? Money(r.exento) : nil,
                              iva: Money(r.iva), montoTotal: Money(r.total))
        } else {
            lines = [line(1, "SERVICIO EXENTO DE EJEMPLO", qty: 2, price: 4500, exempt: true)]
            let total = lines.reduce(Int64(0)) { $0 + $1.montoItem.minorUnits }
            totales = Totales(montoExento: Money(total), montoTotal: Money(total))
        }
    }

    /// 43: a sale on behalf of a mandante, with a 10 % commission.
    mutating func fillLiquidacion() {
        idDoc.formaPago = 2
        receptor = Receptor(rut: RUT.exampleReceptor, razonSocial: "MANDANTE DE EJEMPLO SPA", giro: "GIRO DE EJEMPLO",
                            direccion: "CALLE DE EJEMPLO 123", comuna: "SANTIAGO", ciudad: "SANTIAGO")
        var sold = line(1, "VENTA POR CUENTA DE TERCERO DE EJEMPLO", qty: 20, price: 5000)
        sold.tipoDocumentoLiquidado = "33"
        lines = [sold]
        let r = SIITotals.totals(lines: [(sold.montoItem.minorUnits, false)])
        let comNeto = SIITotals.pesos(Decimal(r.neto) * 10 / 100)
        let comIVA = SIITotals.pesos(Decimal(comNeto) * SIITotals.tasaIVA / 100)
        comisiones = [DTECommission(numero: 1, tipoMovimiento: "C", glosa: "COMISION DE EJEMPLO 10%", tasa: 10,
                                    valorNeto: Money(comNeto), valorExento: .zero, valorIVA: Money(comIVA))]
        totales = Totales(montoNeto: Money(r.neto), tasaIVA: SIITotals.tasaIVA, iva: Money(r.iva),
                          montoTotal: Money(r.neto + r.iva - comNeto - comIVA),
                          comisionNeto: Money(comNeto), comisionExento: .zero, comisionIVA: Money(comIVA))
    }

    /// 110, 111, 112: a foreign receptor, amounts in US dollars with their CLP equivalent, Aduana
    /// codes, and a reference for the notes.
    mutating func fillExport() {
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

    // MARK: Parts

    /// An example detail line with its amount (and discount) computed as the SII does.
    func line(_ number: Int, _ name: String, qty: Decimal, price: Decimal, unit: String? = "UN", exempt: Bool = false,
              discountPct: Decimal? = nil) -> DetailLine {
        let amount = SIITotals.lineAmount(quantity: qty, price: price, discountPercent: discountPct)
        return DetailLine(numero: number, codigos: [ItemCode(tipo: "INT1", valor: "EJ-\(String(format: "%03d", number))")],
                          indicadorExencion: exempt ? 1 : nil, nombre: name,
                          descripcion: "DESCRIPCION DE EJEMPLO: reemplace con su producto o servicio",
                          cantidad: qty, unidad: unit, precioUnitario: price, descuentoPorcentaje: discountPct,
                          descuentoMonto: discountPct == nil ? nil : Money(amount.discount), montoItem: Money(amount.montoItem))
    }

    /// Totals of net-priced lines (neto, exento, IVA and an optional IVA retention).
    func netTotals(_ lines: [DetailLine], retention: Decimal? = nil) -> Totales {
        let r = SIITotals.totals(lines: lines.map { ($0.montoItem.minorUnits, $0.isExempt) }, retentionPercent: retention)
        let hasAfecto = lines.contains { !$0.isExempt }
        return Totales(montoNeto: hasAfecto ? Money(r.neto) : nil, montoExento: r.exento > 0 ? Money(r.exento) : nil,
                       tasaIVA: hasAfecto ? SIITotals.tasaIVA : nil, iva: hasAfecto ? Money(r.iva) : nil,
                       impuestosRetenidos: retention == nil ? [] : [ImpuestoRetenido(codigo: 15, tasa: SIITotals.tasaIVA, monto: Money(r.retenido))],
                       montoTotal: Money(r.total))
    }

    /// The note's reference to the document it modifies (CodRef from the options or the default).
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
}
