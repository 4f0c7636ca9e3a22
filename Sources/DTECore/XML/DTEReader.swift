import Foundation

/// Reads SII DTE XML — a bare `<DTE>`, an `<EnvioDTE>` or an `<EnvioBOLETA>`, with or without
/// the `http://www.sii.cl/SiiDte` namespace, in ISO-8859-1, windows-1252 or UTF-8 — into typed
/// ``DTEDocument``s, safely.
///
/// Untrusted input is refused with a ``DTEReadError`` naming the file (and line and element
/// where known): documents over ``Limits/maxBytes``, nested deeper than ``Limits/maxDepth``,
/// with any `<!DOCTYPE>` (no DTDs, no entities, no network), binary data, truncated XML.
/// Unknown optional elements are ignored.
///
/// ```swift
/// let envelope = try DTEReader().read(contentsOf: url)
/// for doc in envelope.documents { print(doc.type, doc.folio, doc.totales.montoTotal) }
/// ```
/// A reader is a small value: share it between threads freely.
public struct DTEReader: Sendable {
    /// Input limits.
    public struct Limits: Sendable, Hashable {
        /// Larger inputs are refused before parsing (default 20 MiB).
        public var maxBytes: Int = 20 << 20
        /// Deeper nesting is refused (default 256, which is also libxml2's own ceiling).
        public var maxDepth: Int = 256
        public init() {}
    }

    public var limits: Limits

    public init(limits: Limits = .init()) { self.limits = limits }

    /// Reads a file. Errors name the file by its last path component.
    public func read(contentsOf url: URL) throws(DTEReadError) -> DTEEnvelope {
        let source = url.lastPathComponent
        let size: Int
        do {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isDirectoryKey])
            if values.isDirectory == true { throw DTEReadError(source: source, reason: .io("is a directory")) }
            size = values.fileSize ?? 0
        } catch let e as DTEReadError {
            throw e
        } catch {
            throw DTEReadError(source: source, reason: .io(Self.ioMessage(error)))
        }
        guard size <= limits.maxBytes else { throw DTEReadError(source: source, reason: .tooLarge(size: size, limit: limits.maxBytes)) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw DTEReadError(source: source, reason: .io(Self.ioMessage(error))) }
        return try read(data, source: source)
    }

    /// Reads XML bytes; `source` (a file name) labels errors.
    public func read(_ data: Data, source: String) throws(DTEReadError) -> DTEEnvelope {
        let root = try SafeXML.parse(data, source: source, maxBytes: limits.maxBytes, maxDepth: limits.maxDepth)
        return try DocumentMapper(source: source).envelope(root)
    }

    private static func ioMessage(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError || ns.code == NSFileNoSuchFileError {
            return "no such file"
        }
        return ns.localizedDescription
    }
}

/// What a DTE XML file holds: one document (`DTE`) or an envelope of many.
public struct DTEEnvelope: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A bare `<DTE>`.
        case dte
        /// `<EnvioDTE>`: facturas, notas, guías, exportación.
        case envioDTE
        /// `<EnvioBOLETA>`: boletas 39/41.
        case envioBoleta
    }

    public var kind: Kind
    /// The file name given to the reader.
    public var source: String
    /// Every `<DTE>` inside, in document order.
    public var documents: [DTEDocument]
    /// The envelope's `Caratula` (`nil` for a bare DTE).
    public var caratula: Caratula?

    public init(kind: Kind, source: String, documents: [DTEDocument], caratula: Caratula? = nil) {
        self.kind = kind; self.source = source; self.documents = documents; self.caratula = caratula
    }
}

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
