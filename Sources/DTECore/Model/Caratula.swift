
/// The `Caratula` (cover) of an `EnvioDTE` / `EnvioBOLETA`.
public struct Caratula: Sendable, Hashable {
    /// One `SubTotDTE`: how many documents of a type the envelope says it holds.
    public struct Subtotal: Sendable, Hashable {
        public var tipoDTE: Int
        public var cantidad: Int
        public init(tipoDTE: Int, cantidad: Int) { self.tipoDTE = tipoDTE; self.cantidad = cantidad }
    }

    public var rutEmisor: RUT?
    public var rutEnvia: RUT?
    public var rutReceptor: RUT?
    public var fechaResolucion: CalendarDate?
    public var numeroResolucion: Int?
    /// `TmstFirmaEnv`, as written.
    public var timestampFirmaEnvio: String?
    public var subtotales: [Subtotal]

    public init(rutEmisor: RUT? = nil, rutEnvia: RUT? = nil, rutReceptor: RUT? = nil, fechaResolucion: CalendarDate? = nil,
                numeroResolucion: Int? = nil, timestampFirmaEnvio: String? = nil, subtotales: [Subtotal] = []) {
        self.rutEmisor = rutEmisor; self.rutEnvia = rutEnvia; self.rutReceptor = rutReceptor
        self.fechaResolucion = fechaResolucion; self.numeroResolucion = numeroResolucion
        self.timestampFirmaEnvio = timestampFirmaEnvio; self.subtotales = subtotales
    }
}
