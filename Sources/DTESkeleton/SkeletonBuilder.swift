import DTECore
import Foundation

/// One output file of a skeleton run.
public struct SkeletonOutput: Sendable {
    /// `T33.xml`, …
    public var fileName: String
    /// The document type (the first document's, for a single envelope).
    public var type: DocumentType
    /// The document as built (stamped when a CAF was given).
    public var document: DTEDocument
    /// The XML, ISO-8859-1.
    public var xml: [UInt8]
    /// Whether the document (every document, for a single envelope) carries a TED.
    public var stamped: Bool
    /// Whether the XML carries XMLDSig signatures.
    public var signed: Bool
    /// Whether the file is an `EnvioDTE`/`EnvioBOLETA` (always for boletas).
    public var envelope: Bool
}

/// Puts generator, stamper, writer and signer together: what `dtekit skeleton` runs.
public struct SkeletonBuilder: Sendable {
    /// The emisor whose documents are built.
    public var profile: EmisorProfile
    /// CAFs to stamp with (the first for a type is used); a type without one is left unstamped.
    /// A CAF for a type not requested is an error.
    public var cafs: [CAF]
    /// The certificate to sign with; `nil` leaves the XML unsigned (not valid against the SII's schema until signed).
    public var identity: SigningIdentity?
    /// Whether each document goes in an `EnvioDTE` (boletas always go in an `EnvioBOLETA`).
    public var envelope: Bool
    /// Folio, date and the other choices for every document.
    public var options: SkeletonOptions
    /// TSTED / TmstFirma / TmstFirmaEnv; `nil` = now in Chile.
    public var timestamp: String?

    /// A builder; by default unstamped, unsigned, bare DTEs, stamped with the current time in Chile.
    public init(profile: EmisorProfile, cafs: [CAF] = [], identity: SigningIdentity? = nil, envelope: Bool = false,
                options: SkeletonOptions = .init(), timestamp: String? = nil) {
        self.profile = profile; self.cafs = cafs; self.identity = identity; self.envelope = envelope
        self.options = options; self.timestamp = timestamp
    }

    /// Builds every requested type, all in memory: any error means no output at all.
    public func build(types: [DocumentType]) throws -> [SkeletonOutput] {
        let ts = try checkedTimestamp()
        try checkCAFs(types)
        var outputs: [SkeletonOutput] = []
        for type in types {
            let (doc, stamped) = try document(type, timestamp: ts)
            let wrap = envelope || type.isBoleta
            var xml = wrap ? try DTEXMLWriter().envelope([doc], caratula: caratula(ts)) : try DTEXMLWriter().dte(doc)
            if let identity { xml = try XMLSigner(identity: identity).sign(xml) }
            outputs.append(SkeletonOutput(fileName: "T\(type.code).xml", type: type, document: doc, xml: xml,
                                          stamped: stamped, signed: identity != nil, envelope: wrap))
        }
        return outputs
    }

    /// Builds every requested type into one `EnvioDTE` (or one `EnvioBOLETA` when all are boletas)
    /// named `fileName`; boletas and other types cannot share an envelope.
    public func buildSingleEnvelope(types: [DocumentType], fileName: String) throws -> SkeletonOutput {
        let ts = try checkedTimestamp()
        try checkCAFs(types)
        var docs: [DTEDocument] = []
        var allStamped = true
        for type in types {
            let (doc, stamped) = try document(type, timestamp: ts)
            docs.append(doc)
            allStamped = allStamped && stamped
        }
        var xml = try DTEXMLWriter().envelope(docs, caratula: caratula(ts))
        if let identity { xml = try XMLSigner(identity: identity).sign(xml) }
        guard let first = docs.first else { throw SkeletonError.invalidOption(name: "--types", value: "", rule: "lists no type") }
        return SkeletonOutput(fileName: fileName, type: first.type, document: first, xml: xml,
                              stamped: allStamped, signed: identity != nil, envelope: true)
    }

    private func checkedTimestamp() throws -> String {
        let ts = timestamp ?? SkeletonGenerator.timestampInChile()
        guard Stamper.isTimestamp(ts) else {
            throw CAFError.invalidValue(element: "TSTED", value: ts, rule: "is not AAAA-MM-DDTHH:MM:SS")
        }
        return ts
    }

    private func checkCAFs(_ types: [DocumentType]) throws {
        for caf in cafs where !types.contains(where: { $0.code == caf.data.tipoDTE }) {
            throw CAFError.typeMismatch(file: caf.source, cafType: caf.data.tipoDTE, documentType: types.first?.code ?? 0)
        }
    }

    private func caratula(_ ts: String) -> Caratula {
        Caratula(rutEmisor: profile.rut, rutEnvia: profile.rutEnvia ?? profile.rut, rutReceptor: .sii,
                 fechaResolucion: profile.fechaResolucion, numeroResolucion: profile.numeroResolucion,
                 timestampFirmaEnvio: ts)
    }

    private func document(_ type: DocumentType, timestamp ts: String) throws -> (DTEDocument, Bool) {
        var opts = options
        let caf = cafs.first { $0.data.tipoDTE == type.code }
        if let caf, opts.folio == 1, !caf.data.contains(folio: 1) { opts.folio = caf.data.folioDesde }
        var doc = try SkeletonGenerator(emisor: profile).document(for: type, options: opts)
        doc.timestampFirma = ts
        if let caf { doc = try Stamper(caf: caf).stamp(doc, timestamp: ts) }
        return (doc, caf != nil)
    }

    /// Parses `33,34,39` into types; unknown codes are an error naming them.
    public static func parseTypes(_ text: String) throws -> [DocumentType] {
        var out: [DocumentType] = []
        for part in text.split(separator: ",") {
            let t = part.trimmingCharacters(in: .whitespaces)
            guard let code = Int(t) else {
                throw SkeletonError.invalidOption(name: "--types", value: t, rule: "is not a document type code")
            }
            guard let type = DocumentType(rawValue: code) else { throw SkeletonError.unsupportedType(code) }
            if !out.contains(type) { out.append(type) }
        }
        guard !out.isEmpty else { throw SkeletonError.invalidOption(name: "--types", value: text, rule: "lists no type") }
        return out
    }

    /// Writes outputs into `directory` after all of them were built: each to a temporary file
    /// (`O_EXCL`, fsync'ed), then each renamed over its final name (a symlink there is
    /// replaced, never followed). A failure before the renames leaves nothing behind. Returns
    /// the written URLs.
    public static func write(_ outputs: [SkeletonOutput], to directory: URL) throws -> [URL] {
        let fm = FileManager.default
        do { try fm.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw SkeletonError.io(path: directory.path, reason: "cannot create the folder (\(BoundedFile.message(error)))")
        }
        var temps: [(String, String)] = []
        do throws(AtomicWrite.Failure) {
            for o in outputs {
                let tmp = directory.appendingPathComponent(".\(o.fileName).\(UUID().uuidString).tmp").path
                try AtomicWrite.writeNew(Data(o.xml), at: tmp, sync: true)
                temps.append((tmp, directory.appendingPathComponent(o.fileName).path))
            }
        } catch {
            for (t, _) in temps { unlink(t) }
            throw SkeletonError.io(path: error.path, reason: error.reason + "; nothing was written")
        }
        var written: [URL] = []
        for (n, (tmp, final)) in temps.enumerated() {
            if rename(tmp, final) != 0 {
                let reason = String(cString: strerror(errno))
                for (t, _) in temps[n...] { unlink(t) }
                throw SkeletonError.io(path: final, reason: reason + (written.isEmpty ? "; nothing was written" : "; \(written.count) file(s) were written before it"))
            }
            written.append(URL(fileURLWithPath: final))
        }
        return written
    }
}
