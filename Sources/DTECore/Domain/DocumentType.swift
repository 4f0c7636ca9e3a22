/// The DTE types DTEKit supports, by their SII code (`TipoDTE`).
public enum DocumentType: Int, CaseIterable, Sendable, Codable, Hashable, CustomStringConvertible {
    /// 33: factura electrónica.
    case factura = 33
    /// 34: factura no afecta o exenta electrónica.
    case facturaExenta = 34
    /// 39: boleta electrónica.
    case boleta = 39
    /// 41: boleta no afecta o exenta electrónica.
    case boletaExenta = 41
    /// 43: liquidación-factura electrónica.
    case liquidacionFactura = 43
    /// 46: factura de compra electrónica.
    case facturaCompra = 46
    /// 52: guía de despacho electrónica.
    case guiaDespacho = 52
    /// 56: nota de débito electrónica.
    case notaDebito = 56
    /// 61: nota de crédito electrónica.
    case notaCredito = 61
    /// 110: factura de exportación electrónica.
    case facturaExportacion = 110
    /// 111: nota de débito de exportación electrónica.
    case notaDebitoExportacion = 111
    /// 112: nota de crédito de exportación electrónica.
    case notaCreditoExportacion = 112

    /// Parses a `TipoDTE` code.
    /// - Throws: ``DocumentTypeError/unsupported(_:)`` for any other code.
    public init(code: Int) throws(DocumentTypeError) {
        guard let t = DocumentType(rawValue: code) else { throw .unsupported(code) }
        self = t
    }

    /// The SII code (`TipoDTE`).
    public var code: Int { rawValue }

    /// The exact name the SII requires in the printout's recuadro.
    public var printedName: String {
        switch self {
        case .factura: return "FACTURA ELECTRÓNICA"
        case .facturaExenta: return "FACTURA NO AFECTA O EXENTA ELECTRÓNICA"
        case .boleta: return "BOLETA ELECTRÓNICA"
        case .boletaExenta: return "BOLETA NO AFECTA O EXENTA ELECTRÓNICA"
        case .liquidacionFactura: return "LIQUIDACIÓN FACTURA ELECTRÓNICA"
        case .facturaCompra: return "FACTURA DE COMPRA ELECTRÓNICA"
        case .guiaDespacho: return "GUÍA DE DESPACHO ELECTRÓNICA"
        case .notaDebito: return "NOTA DE DÉBITO ELECTRÓNICA"
        case .notaCredito: return "NOTA DE CRÉDITO ELECTRÓNICA"
        case .facturaExportacion: return "FACTURA DE EXPORTACIÓN ELECTRÓNICA"
        case .notaDebitoExportacion: return "NOTA DE DÉBITO DE EXPORTACIÓN ELECTRÓNICA"
        case .notaCreditoExportacion: return "NOTA DE CRÉDITO DE EXPORTACIÓN ELECTRÓNICA"
        }
    }

    /// Boletas (39, 41): travel inside `EnvioBOLETA`, may print on 57 mm rolls, no cedible copy.
    public var isBoleta: Bool { self == .boleta || self == .boletaExenta }

    /// Export documents (110, 111, 112): amounts are decimals in a foreign currency.
    public var isExport: Bool { rawValue >= 110 }

    /// Documents with no IVA: only Monto Exento and Total are printed.
    public var isExempt: Bool {
        switch self {
        case .facturaExenta, .boletaExenta, .facturaExportacion, .notaDebitoExportacion, .notaCreditoExportacion:
            return true
        default: return false
        }
    }

    /// Notes (56, 61, 111, 112) must reference the document they modify (format manual).
    public var requiresReference: Bool {
        switch self {
        case .notaDebito, .notaCredito, .notaDebitoExportacion, .notaCreditoExportacion: return true
        default: return false
        }
    }

    /// Whether the type may carry a cedible copy at all (33, 34, 43, 46, 52). For a guía the
    /// traslado decides too: see ``DTEDocument/allowsCedibleCopy``.
    public var mayHaveCedibleCopy: Bool {
        switch self {
        case .factura, .facturaExenta, .liquidacionFactura, .facturaCompra, .guiaDespacho: return true
        default: return false
        }
    }

    /// Which branch of `DTE_v10.xsd` carries this type.
    public var xmlBranch: XMLBranch {
        switch self {
        case .liquidacionFactura: return .liquidacion
        case .facturaExportacion, .notaDebitoExportacion, .notaCreditoExportacion: return .exportaciones
        default: return .documento
        }
    }

    /// The element under `<DTE>` that holds a document of this type.
    public enum XMLBranch: String, Sendable {
        /// `Documento`: every type but 43 and the export types.
        case documento = "Documento"
        /// `Liquidacion`: the liquidación-factura (43).
        case liquidacion = "Liquidacion"
        /// `Exportaciones`: the export types (110, 111, 112).
        case exportaciones = "Exportaciones"
    }

    public var description: String { "\(rawValue) \(printedName)" }

    /// Names of the document types a `Referencia` may point to that are not DTEs
    /// (TpoDocRef codes from the format manual), for the printout's referencias.
    public static func referenceName(forCode code: String) -> String {
        if let n = Int(code), let t = DocumentType(rawValue: n) { return t.printedName }
        switch code {
        case "30": return "FACTURA"
        case "32": return "FACTURA DE VENTA BIENES Y SERVICIOS NO AFECTOS O EXENTOS DE IVA"
        case "35": return "BOLETA"
        case "38": return "BOLETA EXENTA"
        case "40": return "LIQUIDACIÓN FACTURA"
        case "45": return "FACTURA DE COMPRA"
        case "50": return "GUÍA DE DESPACHO"
        case "55": return "NOTA DE DÉBITO"
        case "60": return "NOTA DE CRÉDITO"
        case "801": return "ORDEN DE COMPRA"
        case "802": return "NOTA DE PEDIDO"
        case "803": return "CONTRATO"
        case "804": return "RESOLUCIÓN"
        case "805": return "PROCESO CHILECOMPRA"
        case "806": return "FICHA CHILECOMPRA"
        case "807": return "DUS"
        case "808": return "B/L (CONOCIMIENTO DE EMBARQUE)"
        case "809": return "AWB (AIR WILL BILL)"
        case "810": return "MIC/DTA"
        case "811": return "CARTA DE PORTE"
        case "812": return "RESOLUCIÓN DEL SNA DONDE CALIFICA SERVICIOS DE EXPORTACIÓN"
        case "813": return "PASAPORTE"
        case "814": return "CERTIFICADO DE DEPÓSITO BOLSA PROD. CHILE"
        case "815": return "VALE DE PRENDA BOLSA PROD. CHILE"
        case "SET": return "SET DE PRUEBAS"
        case "HES": return "HOJA DE ENTRADA DE SERVICIOS"
        default: return "DOCUMENTO \(code)"
        }
    }
}

/// Why a code is not a supported ``DocumentType``.
public enum DocumentTypeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `TipoDTE` code is not one of ``DocumentType``'s.
    case unsupported(Int)
    public var description: String {
        let known = DocumentType.allCases.map { String($0.rawValue) }.joined(separator: ", ")
        return "document type \(self.code) is not supported (supported: \(known))"
    }
    private var code: Int { if case let .unsupported(c) = self { return c }; return 0 }
}
