import DTECore
import Foundation

/// Which copy of a document to print.
public enum CopyKind: String, Sendable, CaseIterable {
    /// The tax copy (no destination legend).
    case tributaria
    /// The transferable copy: acuse de recibo box and "CEDIBLE" (types 33, 34, 43, 46, 52 sales).
    case cedible
}

/// Renders DTEs with a template: PDF (fonts embedded as subsets) or PNG previews.
///
/// A `Printout` is immutable and thread-safe: call it from many threads at once. It keeps a
/// small pool of rendering contexts (a Pango font map, font descriptions, the decoded logo and
/// an output buffer each); a render borrows one context, so the expensive set-up happens once
/// per thread, not per document. Every render lays the document out, checks the layout against
/// the SII's rules (``PrintError/preflight(document:violations:)`` if it breaks one) and draws it.
///
/// ```swift
/// let template = try PrintTemplate.named("carta", in: templatesURL)
/// let printout = try Printout(template: template, logo: try Logo(contentsOf: logoURL))
/// let pdf = try printout.pdf(for: document, copy: .cedible)
/// ```
public final class Printout: Sendable {
    /// Bump when the output changes (batch manifests record it).
    public static let rendererVersion = "dtekit-print 1.0.0"

    /// The template the printout lays documents out with.
    public let template: PrintTemplate
    /// The logo printed, if any: the one given to ``init(template:logo:)``, else the template's `logo.file`.
    public let logo: Logo?
    private let pool: ContextPool

    /// - Parameter logo: overrides the template's `logo.file`.
    public init(template: PrintTemplate, logo: Logo? = nil) throws(PrintError) {
        self.template = template
        var chosen = logo
        if chosen == nil, let file = template.logo.file {
            chosen = try Logo(contentsOf: file)
        }
        self.logo = chosen
        self.pool = ContextPool(template: template, logo: chosen)
        // Decode the logo once now: a bad image fails here, not in the middle of a batch.
        let ctx = try pool.borrow()
        pool.giveBack(ctx)
    }

    /// The document as a PDF (all pages).
    public func pdf(for document: DTEDocument, copy: CopyKind = .tributaria) throws(PrintError) -> Data {
        let ctx = try pool.borrow()
        defer { pool.giveBack(ctx) }
        let layout = try ctx.layout(document, copy: copy)
        // The emission date, not the clock, as the PDF's creation date: re-renders are byte-identical.
        let pdf = try ctx.drawer.pdf(layout, into: ctx.sink, title: "\(document.type.printedName) N° \(document.folio)",
                                     created: "\(document.idDoc.fechaEmision)T00:00:00")
        if layout.pages.count == 1, pdf.count >= SIIPrintRules.maxOnePagePDFBytes {
            throw .preflight(document: Printout.name(document), violations: [
                PreflightViolation(rule: "pdf.size", message: "the one-page PDF has \(pdf.count) bytes; the SII accepts < 500 KB"),
            ])
        }
        return pdf
    }

    /// Each page as a PNG at `dpi` (same layout as the PDF).
    public func png(for document: DTEDocument, copy: CopyKind = .tributaria, dpi: Double = 150) throws(PrintError) -> [Data] {
        let ctx = try pool.borrow()
        defer { pool.giveBack(ctx) }
        let layout = try ctx.layout(document, copy: copy)
        return try ctx.drawer.png(layout, dpi: dpi, sink: ctx.sink)
    }

    /// The preflight's findings for a document without rendering it (empty: the layout follows every rule).
    public func preflight(for document: DTEDocument, copy: CopyKind = .tributaria) throws(PrintError) -> [PreflightViolation] {
        let ctx = try pool.borrow()
        defer { pool.giveBack(ctx) }
        let layout = try ctx.layoutUnchecked(document, copy: copy)
        return Preflight.check(layout, template: template)
    }

    /// Number of pages the document takes.
    public func pageCount(for document: DTEDocument, copy: CopyKind = .tributaria) throws(PrintError) -> Int {
        let ctx = try pool.borrow()
        defer { pool.giveBack(ctx) }
        return try ctx.layoutUnchecked(document, copy: copy).pages.count
    }

    /// The checked layout (tests and tools).
    func layout(for document: DTEDocument, copy: CopyKind) throws(PrintError) -> DocumentLayout {
        let ctx = try pool.borrow()
        defer { pool.giveBack(ctx) }
        return try ctx.layoutUnchecked(document, copy: copy)
    }

    static func name(_ d: DTEDocument) -> String { "\(d.type.rawValue) N° \(d.folio)" }
}

/// One render's resources: the printout's decoded logo, an output buffer and, while a render
/// runs, a text engine borrowed from ``TextEnginePool`` (idle contexts hold none, so printouts
/// kept for later — the onboarding service caches one per template and logo — cost no fonts).
final class RenderContext {
    private(set) var text: TextEngine
    let logo: LogoImage?
    let sink = ByteSink()
    let template: PrintTemplate
    var drawer: Drawer { Drawer(text: text, logo: logo) }

    init(template: PrintTemplate, logo: Logo?) throws(PrintError) {
        self.template = template
        self.logo = try logo.map { (l) throws(PrintError) in try LogoImage(logo: l, embedding: template.logo.embedding) }
        text = TextEnginePool.shared.borrow(family: template.fonts.family)
    }

    /// Takes an engine for a render (a new context already has one).
    fileprivate func takeEngine() {
        if !holdsEngine { text = TextEnginePool.shared.borrow(family: template.fonts.family); holdsEngine = true }
    }

    /// Gives the engine back after a render; `text` must not be used until ``takeEngine()``.
    fileprivate func returnEngine() {
        if holdsEngine { TextEnginePool.shared.giveBack(text); holdsEngine = false }
    }

    private var holdsEngine = true

    deinit { if holdsEngine { TextEnginePool.shared.giveBack(text) } }

    func layoutUnchecked(_ doc: DTEDocument, copy: CopyKind) throws(PrintError) -> DocumentLayout {
        let engine = LayoutEngine(template: template, measure: text, logoPixels: logo.map { ($0.width, $0.height) })
        return try engine.layout(doc, copy: copy)
    }

    func layout(_ doc: DTEDocument, copy: CopyKind) throws(PrintError) -> DocumentLayout {
        let layout = try layoutUnchecked(doc, copy: copy)
        let violations = Preflight.check(layout, template: template)
        guard violations.isEmpty else { throw .preflight(document: Printout.name(doc), violations: violations) }
        return layout
    }
}

/// Lends ``RenderContext``s to one caller at a time; keeps up to `limit` idle ones. A context
/// lent out holds a text engine from the process's ``TextEnginePool``; given back, it returns it.
final class ContextPool: Sendable {
    private let idle = Locked<[RenderContext]>([])
    private let template: PrintTemplate
    private let logo: Logo?
    private let limit: Int

    init(template: PrintTemplate, logo: Logo?) {
        self.template = template
        self.logo = logo
        self.limit = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
    }

    func borrow() throws(PrintError) -> RenderContext {
        if let c = idle.withLock({ $0.popLast() }) { c.takeEngine(); return c }
        return try RenderContext(template: template, logo: logo)
    }

    func giveBack(_ c: RenderContext) {
        c.returnEngine()
        let limit = limit
        idle.withLock { idle in if idle.count < limit { idle.append(c) } }   // else released here, outside the lock
    }
}

/// Output file names: `<RUTEmisor>_<TipoDTE>_<Folio>[_cedible].<ext>`.
public enum OutputNaming {
    /// E.g. `76354771-K_33_170_cedible.pdf`. Refuses values that could escape a folder or are
    /// not what a RUT / type / folio can be.
    /// - Throws: ``PrintError/unsafeFileName(_:)`` for such a value, or an extension that is not
    ///   1 to 8 ASCII letters and digits.
    public static func fileName(for document: DTEDocument, copy: CopyKind, extension ext: String) throws(PrintError) -> String {
        let rut = document.emisor.rut.canonical
        guard rut.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "K") }), !rut.isEmpty else {
            throw .unsafeFileName("RUT '\(rut)'")
        }
        guard document.folio > 0 else { throw .unsafeFileName("folio \(document.folio) (folios are positive)") }
        guard !ext.isEmpty, ext.count <= 8, ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .unsafeFileName("extension '\(ext)'")
        }
        let name = "\(rut)_\(document.type.rawValue)_\(document.folio)\(copy == .cedible ? "_cedible" : "").\(ext)"
        guard !name.contains("/"), !name.contains(".."), !name.hasPrefix(".") else { throw .unsafeFileName(name) }
        return name
    }

    /// Same, for a page of a PNG render (`…_p2.png`).
    public static func fileName(for document: DTEDocument, copy: CopyKind, page: Int, pages: Int, extension ext: String) throws(PrintError) -> String {
        let base = try fileName(for: document, copy: copy, extension: ext)
        guard pages > 1 else { return base }
        return String(base.dropLast(ext.count + 1)) + "_p\(page)." + ext
    }
}
