/// The Timbre Electrónico (`TED`) of a DTE.
///
/// ``bytes`` are the TED exactly as signed and as the PDF417 must carry it: the element flattened
/// (no white space between tags), without namespace declarations, in ISO-8859-1, with the
/// original escaping (`&amp;`). ``ddBytes`` are the flattened `DD`, the message ``signature``
/// (FRMT) signs with the CAF's private key.
public struct TED: Sendable, Hashable {
    /// The whole flattened `<TED version="1.0">…</TED>`, ISO-8859-1.
    public let bytes: [UInt8]
    /// The flattened `<DD>…</DD>`, ISO-8859-1: what FRMT signs.
    public let ddBytes: [UInt8]
    public let dd: DD
    /// FRMT, decoded from base64.
    public let signature: [UInt8]

    public init(bytes: [UInt8], ddBytes: [UInt8], dd: DD, signature: [UInt8]) {
        self.bytes = bytes; self.ddBytes = ddBytes; self.dd = dd; self.signature = signature
    }

    /// The `DD` (datos del documento) fields.
    public struct DD: Sendable, Hashable {
        public var rutEmisor: RUT
        public var tipoDTE: Int
        public var folio: Int64
        public var fechaEmision: String
        public var rutReceptor: String
        public var razonSocialReceptor: String
        public var montoTotal: String
        public var item1: String
        public var caf: CAFData
        public var timestamp: String

        public init(rutEmisor: RUT, tipoDTE: Int, folio: Int64, fechaEmision: String, rutReceptor: String,
                    razonSocialReceptor: String, montoTotal: String, item1: String, caf: CAFData, timestamp: String) {
            self.rutEmisor = rutEmisor; self.tipoDTE = tipoDTE; self.folio = folio; self.fechaEmision = fechaEmision
            self.rutReceptor = rutReceptor; self.razonSocialReceptor = razonSocialReceptor; self.montoTotal = montoTotal
            self.item1 = item1; self.caf = caf; self.timestamp = timestamp
        }
    }
}

/// The public part of a CAF (Código de Autorización de Folios) as embedded in a TED or read from
/// a CAF file: who may stamp which folios of which type, and the key that verifies the stamps.
public struct CAFData: Sendable, Hashable {
    public var rutEmisor: RUT
    public var razonSocial: String
    public var tipoDTE: Int
    public var folioDesde: Int64
    public var folioHasta: Int64
    public var fechaAutorizacion: String
    /// RSAPK modulus and exponent, big-endian bytes.
    public var modulus: [UInt8]
    public var exponent: [UInt8]
    public var idk: Int
    /// FRMA: the SII's signature over DA, decoded from base64.
    public var signature: [UInt8]

    public init(rutEmisor: RUT, razonSocial: String, tipoDTE: Int, folioDesde: Int64, folioHasta: Int64,
                fechaAutorizacion: String, modulus: [UInt8], exponent: [UInt8], idk: Int, signature: [UInt8]) {
        self.rutEmisor = rutEmisor; self.razonSocial = razonSocial; self.tipoDTE = tipoDTE
        self.folioDesde = folioDesde; self.folioHasta = folioHasta; self.fechaAutorizacion = fechaAutorizacion
        self.modulus = modulus; self.exponent = exponent; self.idk = idk; self.signature = signature
    }

    public func contains(folio: Int64) -> Bool { folio >= folioDesde && folio <= folioHasta }
}
