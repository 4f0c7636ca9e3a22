import Foundation
import DTECore

/// One file a document renders to, e.g. the tributaria and the cedible copy of a factura.
public struct BatchOutput: Sendable, Hashable, Codable {
    /// The file name inside the output folder (`76354771-K_33_170.pdf`). Must be a plain file
    /// name: the engine refuses anything with `/`, `..`, a NUL or a leading dot.
    public var fileName: String
    /// What the renderer needs to tell the outputs of one document apart (`"tributaria"`, `"cedible"`).
    public var variant: String

    /// An output named `fileName` (a plain file name) for copy `variant`.
    public init(fileName: String, variant: String) {
        self.fileName = fileName
        self.variant = variant
    }
}

/// What the batch engine renders with. Implementations must be thread-safe: the engine calls
/// them from several threads at once.
public protocol BatchRenderer: Sendable {
    /// Identifies everything that shapes the output besides the input document: a hash of the
    /// template bytes, the logo bytes and the renderer version. When it changes, every output
    /// re-renders.
    var fingerprint: String { get }
    /// The outputs of one document (one per copy), with their file names.
    func outputs(for document: DTEDocument) throws -> [BatchOutput]
    /// Renders one output of a document (complete PDF bytes).
    func render(_ document: DTEDocument, output: BatchOutput) throws -> Data
}

/// Turns the bytes of one input file into its documents: one for a `<DTE>`, one per
/// `<DTE>` for an `EnvioDTE` / `EnvioBOLETA`.
public protocol BatchDocumentReader: Sendable {
    /// The documents in one input file's bytes; `source` names the file in errors.
    /// - Throws: any error, which makes the whole file fail with its description.
    func documents(in data: Data, source: String) throws -> [DTEDocument]
    /// The documents and the deviations a lenient reader tolerated (one message each, naming
    /// file, line and element). The default has no warnings.
    func documentsAndWarnings(in data: Data, source: String) throws -> (documents: [DTEDocument], warnings: [String])
}

extension BatchDocumentReader {
    public func documentsAndWarnings(in data: Data, source: String) throws -> (documents: [DTEDocument], warnings: [String]) {
        (try documents(in: data, source: source), [])
    }
}
