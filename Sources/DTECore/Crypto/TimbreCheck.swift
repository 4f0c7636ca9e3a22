/// Something a document's Timbre Electrónico does not certify: a `DD` field that disagrees with
/// the document the page shows, a stamp (FRMT) that does not verify with its CAF's key, or a
/// CAF whose authorisation (FRMA) does not verify with the SII's key.
///
/// A printout puts the timbre next to the document's own values; when they disagree, the paper
/// certifies something other than what it shows. ``DTEDocument/timbreProblems()`` lists them;
/// the printing reader (``DTEReader/forPrinting``) reports them as warnings, and with
/// ``DTEReader/TimbrePolicy/refuse`` refuses the document.
public struct TimbreProblem: Sendable, Hashable, CustomStringConvertible {
    /// Stable kinds, for programs.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A `DD` field (RE, TD, F, FE, RR, RSR, MNT, IT1) differs from the document's.
        case fieldMismatch = "timbre-field-mismatch"
        /// A total below zero: no DTE carries one.
        case negativeTotal = "negative-total"
        /// FRMT is not a valid signature of the `DD` with the CAF's `RSAPK`.
        case stampSignature = "timbre-signature-invalid"
        /// The CAF's FRMA does not verify with the SII key of its `IDK`, or the IDK is not one
        /// the SII uses (100 certification, 300 production).
        case cafAuthorization = "caf-authorization-invalid"
        /// The CAF was not granted for this emisor, type or folio.
        case cafScope = "caf-scope"
    }

    /// What kind of problem.
    public var kind: Kind
    /// The `DD` element concerned (`MNT`, `RSR`, `FRMT`, `FRMA`, …).
    public var field: String
    /// English, for logs and the CLI; values from the input are terminal-safe.
    public var message: String

    /// Creates a problem.
    public init(kind: Kind, field: String, message: String) {
        self.kind = kind; self.field = field; self.message = message
    }

    public var description: String { TerminalSafe.escaped(message) }
}

extension DTEDocument {
    /// What the timbre does not certify (empty: every `DD` field matches the document, FRMT
    /// verifies with the CAF's key and the CAF's FRMA with the SII's key of its IDK). A document
    /// without a TED has nothing to check here (the printout refuses it where a timbre is required).
    ///
    /// Text fields are compared as the SII defines them: RSR is the first 40 characters of
    /// `RznSocRecep`, IT1 of the first `NmbItem`; white space is normalised (runs of spaces and
    /// line breaks count as one space, ends trimmed). Amounts are compared by value (`10642`
    /// equals `10642.00`).
    public func timbreProblems() -> [TimbreProblem] {
        var problems: [TimbreProblem] = []
        if totales.montoTotal.minorUnits < 0 {
            problems.append(.init(kind: .negativeTotal, field: "MntTotal",
                                  message: "MntTotal \(totales.montoTotal) is negative"))
        }
        guard let ted else { return problems }
        let dd = ted.dd
        func mismatch(_ field: String, _ what: String, timbre: String, document: String) {
            problems.append(.init(kind: .fieldMismatch, field: field,
                                  message: "the timbre's \(field) is '\(timbre)' but the document's \(what) is '\(document)'"))
        }
        if dd.rutEmisor != emisor.rut { mismatch("RE", "RUTEmisor", timbre: dd.rutEmisor.canonical, document: emisor.rut.canonical) }
        if dd.tipoDTE != type.code { mismatch("TD", "TipoDTE", timbre: String(dd.tipoDTE), document: String(type.code)) }
        if dd.folio != folio { mismatch("F", "Folio", timbre: String(dd.folio), document: String(folio)) }
        if String(dd.fechaEmision.prefix(10)) != idDoc.fechaEmision.description {
            mismatch("FE", "FchEmis", timbre: dd.fechaEmision, document: idDoc.fechaEmision.description)
        }
        if (try? RUT(dd.rutReceptor)) != receptor.rut {
            mismatch("RR", "RUTRecep", timbre: dd.rutReceptor, document: receptor.rut.canonical)
        }
        let rsr = Self.normalised(dd.razonSocialReceptor), rzn = Self.normalised(receptor.razonSocial ?? "")
        if !rsr.isEmpty || !rzn.isEmpty, String(rsr.prefix(40)) != String(rzn.prefix(40)) {
            mismatch("RSR", "RznSocRecep (first 40 characters)", timbre: dd.razonSocialReceptor, document: String((receptor.razonSocial ?? "").prefix(40)))
        }
        let mnt = Money(parsing: dd.montoTotal)
        if mnt?.decimalValue != totales.montoTotal.decimalValue {
            mismatch("MNT", "MntTotal", timbre: dd.montoTotal, document: totales.montoTotal.description)
        }
        if let mnt, mnt.minorUnits < 0, totales.montoTotal.minorUnits >= 0 {
            problems.append(.init(kind: .negativeTotal, field: "MNT", message: "the timbre's MNT \(dd.montoTotal) is negative"))
        }
        if let first = detalle.first {
            let it1 = Self.normalised(dd.item1), name = Self.normalised(first.nombre)
            if String(it1.prefix(40)) != String(name.prefix(40)) {
                mismatch("IT1", "first NmbItem (first 40 characters)", timbre: dd.item1, document: String(first.nombre.prefix(40)))
            }
        }

        let caf = dd.caf
        if caf.rutEmisor != dd.rutEmisor || caf.tipoDTE != dd.tipoDTE || !caf.contains(folio: dd.folio) {
            problems.append(.init(kind: .cafScope, field: "CAF",
                                  message: "the timbre's CAF authorises folios \(caf.folioDesde)–\(caf.folioHasta) of type \(caf.tipoDTE) for \(caf.rutEmisor.canonical), not folio \(dd.folio) of type \(dd.tipoDTE) for \(dd.rutEmisor.canonical)"))
        }
        if !ted.verify() {
            problems.append(.init(kind: .stampSignature, field: "FRMT",
                                  message: "the timbre's signature (FRMT) does not verify with its CAF's public key: the DD was altered or stamped with another key"))
        }
        if let da = Self.slice(ted.ddBytes, from: "<DA>", through: "</DA>") {
            if SIIAuthorizationKeys.key(idk: caf.idk) == nil {
                problems.append(.init(kind: .cafAuthorization, field: "IDK",
                                      message: "the CAF's IDK \(caf.idk) is not an SII key (100 certification, 300 production): the CAF was not issued by the SII"))
            } else if !caf.verifiesSIIAuthorization(daBytes: da) {
                problems.append(.init(kind: .cafAuthorization, field: "FRMA",
                                      message: "the CAF's authorisation (FRMA) does not verify with the SII key of IDK \(caf.idk): the CAF was altered or not issued by the SII"))
            }
        } else {
            problems.append(.init(kind: .cafAuthorization, field: "DA", message: "the timbre's CAF has no <DA> to verify"))
        }
        return problems
    }

    /// `s` with runs of white space as one space, trimmed.
    static func normalised(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// The bytes from the first `start` to the end of the first `end` after it.
    static func slice(_ bytes: [UInt8], from start: String, through end: String) -> [UInt8]? {
        let s = Array(start.utf8), e = Array(end.utf8)
        // Runs once per printed document: compare in place, no allocation per position.
        func find(_ needle: [UInt8], from: Int) -> Int? {
            guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
            var i = from
            while i + needle.count <= bytes.count {
                if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }
        guard let a = find(s, from: 0), let b = find(e, from: a + s.count) else { return nil }
        return Array(bytes[a..<(b + e.count)])
    }
}
