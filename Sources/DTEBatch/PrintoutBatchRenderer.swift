import Foundation
import DTECore
import DTEPrint

/// The batch renderer for real printouts: DTEPrint's ``Printout`` with a template and logo,
/// file names from ``OutputNaming``. Its fingerprint is the SHA-256 of the template bytes, the
/// logo bytes and ``Printout/rendererVersion``, so a template, logo or renderer change
/// re-renders everything.
public struct PrintoutBatchRenderer: BatchRenderer {
    /// The printout that renders every document.
    public let printout: Printout
    /// The copies to render; the cedible copy only for documents that allow one.
    public let copies: [CopyKind]
    public let fingerprint: String

    /// - Parameters:
    ///   - templateBytes: the template file's bytes (they define the fingerprint).
    ///   - copies: `nil` = what the template's `copies` asks for (tributaria and/or cedible).
    public init(template: PrintTemplate, templateBytes: Data, logo: Logo? = nil, copies: [CopyKind]? = nil) throws {
        let printout = try Printout(template: template, logo: logo)
        self.printout = printout
        let chosen = copies ?? {
            var c: [CopyKind] = []
            if template.copies.tributaria > 0 { c.append(.tributaria) }
            if template.copies.cedible > 0 { c.append(.cedible) }
            return c.isEmpty ? [.tributaria] : c
        }()
        self.copies = CopyKind.allCases.filter { chosen.contains($0) }
        let logoBytes = printout.logo?.data ?? Data()
        self.fingerprint = "print:" + BatchHash.sha256Hex(
            BatchHash.sha256Hex(templateBytes) + "|" + BatchHash.sha256Hex(logoBytes) + "|"
            + Printout.rendererVersion + "|" + self.copies.map(\.rawValue).joined(separator: ","))
    }

    /// Loads a template file (or a bundled template name found in `templatesDirectory`) and
    /// an optional logo file.
    public static func load(template: String, templatesDirectory: URL?, logo: URL?, copies: [CopyKind]? = nil) throws -> PrintoutBatchRenderer {
        let file: URL
        if template.contains("/") || template.hasSuffix(".yaml") || template.hasSuffix(".yml") || templatesDirectory == nil {
            file = URL(fileURLWithPath: template)
        } else if let dir = templatesDirectory {
            file = dir.appendingPathComponent(template + ".yaml")
        } else {
            file = URL(fileURLWithPath: template)
        }
        let bytes: Data
        do { bytes = try Data(contentsOf: file) } catch { throw BatchError.io(file.path, reason: "no se puede leer la plantilla") }
        let t = try PrintTemplate.load(contentsOf: file)
        let l = try logo.map { (u: URL) throws -> Logo in try Logo(contentsOf: u) }
        return try PrintoutBatchRenderer(template: t, templateBytes: bytes, logo: l, copies: copies)
    }

    public func outputs(for document: DTEDocument) throws -> [BatchOutput] {
        try copies.filter { $0 == .tributaria || document.allowsCedibleCopy }.map { copy in
            BatchOutput(fileName: try OutputNaming.fileName(for: document, copy: copy, extension: "pdf"), variant: copy.rawValue)
        }
    }

    public func render(_ document: DTEDocument, output: BatchOutput) throws -> Data {
        try printout.pdf(for: document, copy: CopyKind(rawValue: output.variant) ?? .tributaria)
    }
}
