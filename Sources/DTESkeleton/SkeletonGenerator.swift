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
        var draft = Draft(type: type, options: options, fecha: fecha)
        switch type {
        case .factura, .facturaExenta, .facturaCompra, .notaDebito, .notaCredito: draft.fillFacturaOrNote()
        case .guiaDespacho: draft.fillGuia()
        case .boleta, .boletaExenta: draft.fillBoleta()
        case .liquidacionFactura: draft.fillLiquidacion()
        case .facturaExportacion, .notaDebitoExportacion, .notaCreditoExportacion: draft.fillExport()
        }
        return DTEDocument(id: "F\(options.folio)T\(type.code)", idDoc: draft.idDoc, emisor: emisor.emisor,
                           receptor: draft.receptor, transporte: draft.transporte, totales: draft.totales,
                           otraMoneda: draft.otraMoneda, detalle: draft.lines, referencias: draft.referencias,
                           comisiones: draft.comisiones)
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
