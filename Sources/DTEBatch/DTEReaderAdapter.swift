import Foundation
import DTECore

/// DTECore's safe reader as the batch engine's document reader: a `<DTE>` gives one
/// document, an `EnvioDTE` / `EnvioBOLETA` one per `<DTE>` inside.
extension DTEReader: BatchDocumentReader {
    /// The documents of one input file, read with this reader's mode, limits and timbre policy.
    /// - Throws: ``DTEReadError`` naming `source`.
    public func documents(in data: Data, source: String) throws -> [DTEDocument] {
        try read(data, source: source).documents
    }

    /// The documents and the reader's warnings (``DTEReadWarning/description`` each).
    /// - Throws: ``DTEReadError`` naming `source`.
    public func documentsAndWarnings(in data: Data, source: String) throws -> (documents: [DTEDocument], warnings: [String]) {
        let envelope = try read(data, source: source)
        return (envelope.documents, envelope.warnings.map(\.description))
    }
}
