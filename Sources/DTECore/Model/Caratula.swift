
/// The `Caratula` (cover) of an `EnvioDTE` / `EnvioBOLETA`: what ``DTEReader`` reads into
/// ``DTEEnvelope/caratula`` and what ``DTEXMLWriter/envelope(_:caratula:)`` writes.
public struct Caratula: Sendable, Hashable {
    /// One `SubTotDTE`: how many documents of a type the envelope says it holds.
    public struct Subtotal: Sendable, Hashable {
        /// `TpoDTE`: the document type code.
        public var tipoDTE: Int
        /// `NroDTE`: how many documents of that type.
        public var cantidad: Int
        /// Creates a `SubTotDTE` count.
        public init(tipoDTE: Int, cantidad: Int) { self.tipoDTE = tipoDTE; self.cantidad = cantidad }
    }

    /// `RutEmisor`: the emisor of the documents.
    public var rutEmisor: RUT?
    /// `RutEnvia`: the person whose certificate signs the envelope.
    public var rutEnvia: RUT?
    /// `RutReceptor`: who the envelope is for; 60803000-K (the SII) for envelopes sent to the SII. The writer writes the SII's RUT when `nil`.
    public var rutReceptor: RUT?
    /// `FchResol`: the date of the SII resolution that authorises the emisor.
    public var fechaResolucion: CalendarDate?
    /// `NroResol`: that resolution's number (0 in certification).
    public var numeroResolucion: Int?
    /// `TmstFirmaEnv`, as written.
    public var timestampFirmaEnvio: String?
    /// `SubTotDTE`: how many documents of each type the envelope holds.
    public var subtotales: [Subtotal]

    /// Creates a Carátula; every field defaults to absent (see ``DTEXMLWriter/envelope(_:caratula:)`` for what writing requires).
    public init(rutEmisor: RUT? = nil, rutEnvia: RUT? = nil, rutReceptor: RUT? = nil, fechaResolucion: CalendarDate? = nil,
                numeroResolucion: Int? = nil, timestampFirmaEnvio: String? = nil, subtotales: [Subtotal] = []) {
        self.rutEmisor = rutEmisor; self.rutEnvia = rutEnvia; self.rutReceptor = rutReceptor
        self.fechaResolucion = fechaResolucion; self.numeroResolucion = numeroResolucion
        self.timestampFirmaEnvio = timestampFirmaEnvio; self.subtotales = subtotales
    }
}
