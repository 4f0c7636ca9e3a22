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
    /// The parsed `DD` (datos del documento) that ``ddBytes`` hold.
    public let dd: DD
    /// FRMT, decoded from base64.
    public let signature: [UInt8]

    /// Creates a TED from its flattened bytes and their parsed parts (the reader and ``Stamper`` build them; the bytes are not re-checked against `dd`).
    public init(bytes: [UInt8], ddBytes: [UInt8], dd: DD, signature: [UInt8]) {
        self.bytes = bytes; self.ddBytes = ddBytes; self.dd = dd; self.signature = signature
    }

    /// The `DD` (datos del documento) fields.
    public struct DD: Sendable, Hashable {
        /// `RE`: the emisor's RUT.
        public var rutEmisor: RUT
        /// `TD`: the document type code.
        public var tipoDTE: Int
        /// `F`: the folio.
        public var folio: Int64
        /// `FE`: the emission date, as written (`AAAA-MM-DD`).
        public var fechaEmision: String
        /// `RR`: the receptor's RUT, as written.
        public var rutReceptor: String
        /// `RSR`: the receptor's name, as written (at most 40 characters).
        public var razonSocialReceptor: String
        /// `MNT`: the total, as written.
        public var montoTotal: String
        /// `IT1`: the first line's item name, as written (at most 40 characters).
        public var item1: String
        /// `CAF`: the authorisation the folio was stamped under.
        public var caf: CAFData
        /// `TSTED`: when the timbre was made (`AAAA-MM-DDTHH:MM:SS`), as written.
        public var timestamp: String

        /// Creates a `DD` from its fields.
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
    /// `DA/RE`: the emisor the folios were granted to.
    public var rutEmisor: RUT
    /// `DA/RS`: the emisor's name.
    public var razonSocial: String
    /// `DA/TD`: the document type code the folios are for.
    public var tipoDTE: Int
    /// `DA/RNG/D`: the first authorised folio.
    public var folioDesde: Int64
    /// `DA/RNG/H`: the last authorised folio (inclusive).
    public var folioHasta: Int64
    /// `DA/FA`: the authorisation date, as written.
    public var fechaAutorizacion: String
    /// RSAPK modulus and exponent, big-endian bytes.
    public var modulus: [UInt8]
    /// The RSA public exponent (`RSAPK/E`), big-endian bytes.
    public var exponent: [UInt8]
    /// `DA/IDK`: which SII key signed the CAF (100 certification, 300 production).
    public var idk: Int
    /// FRMA: the SII's signature over DA, decoded from base64.
    public var signature: [UInt8]

    /// Creates CAF data from its fields.
    public init(rutEmisor: RUT, razonSocial: String, tipoDTE: Int, folioDesde: Int64, folioHasta: Int64,
                fechaAutorizacion: String, modulus: [UInt8], exponent: [UInt8], idk: Int, signature: [UInt8]) {
        self.rutEmisor = rutEmisor; self.razonSocial = razonSocial; self.tipoDTE = tipoDTE
        self.folioDesde = folioDesde; self.folioHasta = folioHasta; self.fechaAutorizacion = fechaAutorizacion
        self.modulus = modulus; self.exponent = exponent; self.idk = idk; self.signature = signature
    }

    /// Whether `folio` is within `folioDesde...folioHasta`.
    public func contains(folio: Int64) -> Bool { folio >= folioDesde && folio <= folioHasta }
}
