import Foundation

/// Reads SII DTE XML — a bare `<DTE>`, an `<EnvioDTE>` or an `<EnvioBOLETA>`, with or without
/// the `http://www.sii.cl/SiiDte` namespace, in ISO-8859-1, windows-1252 or UTF-8 — into typed
/// ``DTEDocument``s, safely. Any other root is searched for the SII documents it holds: a
/// cesión (`AEC`), the SII portal's export (`xml-fragment` with `siid:Documento`), a provider's
/// envelope, a bare signed `Documento`, a `SetDTE` alone (``DTEEnvelope/container`` names it).
/// A file in which no document is found is an error.
///
/// ``Mode/strict`` (the default: validation, issuing) refuses any deviation from the schema it
/// meets. ``Mode/lenient`` (printing documents others issued) tolerates what a printout can
/// still show and lists each deviation in ``DTEEnvelope/warnings``.
///
/// Each ``TED``'s bytes are taken from the file's own bytes (see ``TED/bytes``).
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
        /// The default limits: 20 MiB, 256 levels.
        public init() {}
    }

    /// How deviations from the SII schema are handled.
    public enum Mode: String, Sendable, Hashable {
        /// Any deviation is an error (validation, skeletons, anything that issues documents).
        case strict
        /// Deviations a printout can still show (a missing non-essential element, a date
        /// written with a time, an optional value out of its format, documents outside
        /// `SetDTE`) become ``DTEReadWarning``s. What a printout cannot do without (type,
        /// folio, emission date, RUTs, total, a readable TED) still fails.
        case lenient
    }

    /// Whether each document's timbre is checked against the document (``DTEDocument/timbreProblems()``).
    public enum TimbrePolicy: String, Sendable, Hashable {
        /// Not checked (validation of the schema alone, reading back what DTEKit wrote).
        case ignore
        /// Each problem becomes a ``DTEReadWarning`` (element `TED`, reason ``DTEReadError/Reason/timbre(_:)``).
        case warn
        /// The first problem is thrown as a ``DTEReadError``.
        case refuse
    }

    /// Input limits.
    public var limits: Limits
    /// How deviations from the schema are handled.
    public var mode: Mode
    /// Whether and how each document's timbre is checked.
    public var timbre: TimbrePolicy

    /// A reader; by default strict, with default limits, and the timbre not checked.
    public init(limits: Limits = .init(), mode: Mode = .strict, timbre: TimbrePolicy = .ignore) {
        self.limits = limits; self.mode = mode; self.timbre = timbre
    }

    /// The reader for printing documents someone else issued: lenient, and the timbre checked
    /// against the document with every problem reported as a warning; default limits.
    public static var forPrinting: DTEReader { DTEReader(mode: .lenient, timbre: .warn) }

    /// The reader for printing that refuses any deviation and any timbre problem (`--strict`).
    public static var forStrictPrinting: DTEReader { DTEReader(mode: .strict, timbre: .refuse) }

    /// Reads a file. Errors name the file by its last path component.
    public func read(contentsOf url: URL) throws(DTEReadError) -> DTEEnvelope {
        try read(try data(contentsOf: url), source: url.lastPathComponent)
    }

    /// A file's bytes, refused when over ``Limits/maxBytes`` (checked from the file size first,
    /// then while reading). Only regular files are read: a FIFO would block the reader forever
    /// and a device has no end. Errors name the file.
    public func data(contentsOf url: URL) throws(DTEReadError) -> Data {
        let source = url.lastPathComponent
        let size: Int
        do {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isDirectoryKey, .isRegularFileKey])
            if values.isDirectory == true { throw DTEReadError(source: source, reason: .io("is a directory")) }
            if values.isRegularFile != true {
                throw DTEReadError(source: source, reason: .io("not a regular file (a pipe, device or socket): give a DTE XML file"))
            }
            size = values.fileSize ?? 0
        } catch let e as DTEReadError {
            throw e
        } catch {
            throw DTEReadError(source: source, reason: .io(Self.ioMessage(error)))
        }
        guard size <= limits.maxBytes else { throw DTEReadError(source: source, reason: .tooLarge(size: size, limit: limits.maxBytes)) }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let cap = max(0, min(limits.maxBytes, Int(Int32.max)))
            data = try handle.read(upToCount: cap + 1) ?? Data()
        } catch {
            throw DTEReadError(source: source, reason: .io(Self.ioMessage(error)))
        }
        guard data.count <= limits.maxBytes else {
            throw DTEReadError(source: source, reason: .tooLarge(size: data.count, limit: limits.maxBytes))
        }
        return data
    }

    /// Reads XML bytes; `source` (a file name) labels errors.
    public func read(_ data: Data, source: String) throws(DTEReadError) -> DTEEnvelope {
        let root = try SafeXML.parse(data, source: source, maxBytes: limits.maxBytes, maxDepth: limits.maxDepth)
        let log = ReadLog()
        var envelope = try DocumentMapper(source: source, lenient: mode == .lenient, log: log).envelope(root)
        envelope.warnings = log.warnings
        if timbre != .ignore {
            for document in envelope.documents {
                for problem in document.timbreProblems() {
                    let error = DTEReadError(source: source, element: "TED",
                                             reason: .timbre(type: document.type.code, folio: document.folio, problem))
                    if timbre == .refuse { throw error }
                    envelope.warnings.append(DTEReadWarning(deviation: error))
                }
            }
        }
        return envelope
    }

    private static func ioMessage(_ error: any Error) -> String { BoundedFile.message(error) }
}
