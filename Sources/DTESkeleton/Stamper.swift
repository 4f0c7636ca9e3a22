import DTECore
import Foundation

/// Stamps documents with a CAF: builds the Timbre Electrónico (TED).
///
/// `DD` = RE, TD, F, FE, RR, RSR (cut to 40), MNT, IT1 (cut to 40), the CAF verbatim
/// (flattened), TSTED; FRMT = RSA-SHA1 with the CAF's RSASK over the flattened `DD` in
/// ISO-8859-1. The TED's ``TED/bytes`` are what the writer puts in the XML and what the PDF417
/// carries.
public struct Stamper: Sendable {
    /// The CAF whose key signs the timbres.
    public let caf: CAF

    /// A stamper for documents of the CAF's type, emisor and folio range.
    public init(caf: CAF) { self.caf = caf }

    /// `doc` with its ``DTEDocument/ted`` filled (and `TmstFirma` set to `timestamp` when unset).
    /// - Parameter timestamp: TSTED, `AAAA-MM-DDTHH:MM:SS`.
    /// - Throws: ``CAFError`` when the CAF is of another type or emisor, or the folio is outside its range.
    public func stamp(_ doc: DTEDocument, timestamp: String) throws -> DTEDocument {
        let c = caf.data
        guard c.tipoDTE == doc.type.code else {
            throw CAFError.typeMismatch(file: caf.source, cafType: c.tipoDTE, documentType: doc.type.code)
        }
        guard c.rutEmisor == doc.emisor.rut else {
            throw CAFError.emisorMismatch(file: caf.source, cafRUT: c.rutEmisor.canonical, documentRUT: doc.emisor.rut.canonical)
        }
        guard c.contains(folio: doc.folio) else {
            throw CAFError.folioOutOfRange(file: caf.source, folio: doc.folio, desde: c.folioDesde, hasta: c.folioHasta)
        }
        guard Stamper.isTimestamp(timestamp) else {
            throw CAFError.invalidValue(element: "TSTED", value: timestamp, rule: "is not AAAA-MM-DDTHH:MM:SS")
        }
        let rsr = String((doc.receptor.razonSocial?.isEmpty == false ? doc.receptor.razonSocial ?? "" : "SIN RAZON SOCIAL").prefix(40))
        guard let firstLine = doc.detalle.first, !firstLine.nombre.isEmpty else {
            throw CAFError.invalidValue(element: "IT1", value: "", rule: "needs a first Detalle line with NmbItem")
        }
        let it1 = String(firstLine.nombre.prefix(40))
        let mnt = doc.totales.montoTotal.description
        let fe = doc.idDoc.fechaEmision.description

        var dd: [UInt8] = Array("<DD>".utf8)
        func add(_ tag: String, _ value: String) throws {
            guard let escaped = XMLText.escapedLatin1(value) else {
                throw CAFError.invalidValue(element: tag, value: value, rule: "has characters outside ISO-8859-1")
            }
            dd += Array("<\(tag)>".utf8) + escaped + Array("</\(tag)>".utf8)
        }
        try add("RE", doc.emisor.rut.canonical)
        try add("TD", String(doc.type.code))
        try add("F", String(doc.folio))
        try add("FE", fe)
        try add("RR", doc.receptor.rut.canonical)
        try add("RSR", rsr)
        try add("MNT", mnt)
        try add("IT1", it1)
        dd += caf.flattenedBytes
        try add("TSTED", timestamp)
        dd += Array("</DD>".utf8)

        let signature = try caf.sign(dd)
        let frmt = Data(signature).base64EncodedString()
        let tedBytes = Array("<TED version=\"1.0\">".utf8) + dd + Array("<FRMT algoritmo=\"SHA1withRSA\">\(frmt)</FRMT></TED>".utf8)
        let ddModel = TED.DD(rutEmisor: doc.emisor.rut, tipoDTE: doc.type.code, folio: doc.folio, fechaEmision: fe,
                             rutReceptor: doc.receptor.rut.canonical, razonSocialReceptor: rsr, montoTotal: mnt,
                             item1: it1, caf: c, timestamp: timestamp)
        var out = doc
        out.ted = TED(bytes: tedBytes, ddBytes: dd, dd: ddModel, signature: signature)
        if out.timestampFirma == nil { out.timestampFirma = timestamp }
        return out
    }

    static func isTimestamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 19, b[10] == UInt8(ascii: "T") else { return false }
        for (i, c) in b.enumerated() {
            switch i {
            case 4, 7: if c != UInt8(ascii: "-") { return false }
            case 13, 16: if c != UInt8(ascii: ":") { return false }
            case 10: continue
            default: if !(48...57).contains(c) { return false }
            }
        }
        return (try? CalendarDate(String(s.prefix(10)))) != nil
    }
}
