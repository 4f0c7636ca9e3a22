
/// What a DTE XML file holds: one document (`DTE`) or an envelope of many.
public struct DTEEnvelope: Sendable, Hashable {
    /// What the file's root is.
    public enum Kind: String, Sendable, Hashable {
        /// A bare `<DTE>`.
        case dte
        /// `<EnvioDTE>`: facturas, notas, guías, exportación.
        case envioDTE
        /// `<EnvioBOLETA>`: boletas 39/41.
        case envioBoleta
        /// Documents found inside another container (``DTEEnvelope/container``): `AEC`,
        /// `xml-fragment`, a provider's envelope, a bare `Documento`, a `SetDTE`.
        case embedded
    }

    /// What the file's root is.
    public var kind: Kind
    /// The file name given to the reader.
    public var source: String
    /// Every `<DTE>` inside, in document order.
    public var documents: [DTEDocument]
    /// The envelope's `Caratula` (`nil` for a bare DTE).
    public var caratula: Caratula?
    /// The root element's local name: `DTE`, `EnvioDTE`, `EnvioBOLETA`, or the container the
    /// documents were found in (`AEC`, `xml-fragment`, `Documento`, `SetDTE`, …).
    public var container: String
    /// The deviations a lenient read tolerated (always empty in strict mode), in file order.
    public var warnings: [DTEReadWarning]

    /// Creates an envelope; `container` defaults to the root element of `kind` (`?` for ``Kind/embedded``).
    public init(kind: Kind, source: String, documents: [DTEDocument], caratula: Caratula? = nil,
                container: String? = nil, warnings: [DTEReadWarning] = []) {
        self.kind = kind; self.source = source; self.documents = documents; self.caratula = caratula
        self.container = container ?? {
            switch kind {
            case .dte: return "DTE"
            case .envioDTE: return "EnvioDTE"
            case .envioBoleta: return "EnvioBOLETA"
            case .embedded: return "?"
            }
        }()
        self.warnings = warnings
    }
}
