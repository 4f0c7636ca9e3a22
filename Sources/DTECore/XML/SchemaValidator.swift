internal import CLibXML2
import Foundation

/// The SII schemas DTEKit validates against.
public enum SchemaKind: String, Sendable, CaseIterable, Hashable {
    /// A bare `<DTE>`: `DTE_v10.xsd`.
    case dte
    /// `<EnvioDTE>`: `EnvioDTE_v10.xsd`.
    case envioDTE
    /// `<EnvioBOLETA>`: `EnvioBOLETA_v11.xsd`.
    case envioBoleta

    /// The XSD file in the SII schema folder.
    public var fileName: String {
        switch self {
        case .dte: return "DTE_v10.xsd"
        case .envioDTE: return "EnvioDTE_v10.xsd"
        case .envioBoleta: return "EnvioBOLETA_v11.xsd"
        }
    }
}

/// One XSD violation: its line in the document and libxml2's message.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line libxml2 gives for the violation (0 when it gives none).
    public var line: Int
    /// libxml2's message (English), trimmed; it may quote values from the document as they are.
    public var message: String
    /// Creates a violation.
    public init(line: Int, message: String) { self.line = line; self.message = message }
    /// `line: message`.
    public var description: String { "\(line): \(message)" }
}

/// Why a schema could not be compiled or a document could not be validated at all.
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The XSD file is not in the folder.
    case missingSchema(String)
    /// libxml2 could not compile the XSD; the messages say why.
    case invalidSchema(file: String, messages: [String])
    /// The document could not be parsed (not XML, DOCTYPE, too big …).
    case unreadable(DTEReadError)
    /// libxml2 failed internally while validating.
    case internalError(String)

    public var description: String {
        switch self {
        case let .missingSchema(path): return "schema not found: \(path)"
        case let .invalidSchema(file, messages): return "schema \(file) does not compile: \(messages.prefix(5).joined(separator: "; "))"
        case let .unreadable(e): return e.description
        case let .internalError(s): return "\(s): internal validation error"
        }
    }
}

/// Owns a compiled `xmlSchema` (immutable after compilation, so shareable between threads:
/// each validation makes its own `xmlSchemaValidCtxt`).
// Unchecked: owns a C pointer (freed in deinit), never mutated after init.
private final class CompiledSchema: @unchecked Sendable {
    let schema: xmlSchemaPtr
    init(_ schema: xmlSchemaPtr) { self.schema = schema }
    deinit { xmlSchemaFree(schema) }
}

/// Collects structured errors for one parser or validation context (no global handler).
private final class ErrorCollector {
    var violations: [SchemaViolation] = []
    let limit = 10_000
}

private let collectError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    guard collector.violations.count < collector.limit else { return }
    let message = error.pointee.message.map { String(cString: $0) }?.trimmingXMLSpace() ?? "unknown error"
    collector.violations.append(SchemaViolation(line: Int(error.pointee.line), message: message))
}

/// XSD validation against the SII schemas with libxml2. Compile once, validate many documents,
/// from many threads at once.
///
/// ```swift
/// let validator = try SchemaValidator(schemaDirectory: schemas, schema: .envioDTE)
/// let violations = try validator.validate(data, source: "envio.xml")   // [] = valid
/// ```
public struct SchemaValidator: Sendable {
    private let compiled: CompiledSchema
    /// The schema this validator checks against.
    public let kind: SchemaKind
    /// Input limits applied to documents before validation.
    public var limits: DTEReader.Limits = .init()

    /// Compiles `schema` from `schemaDirectory` (which must also hold the XSDs it includes:
    /// `SiiTypes_v10.xsd`, `xmldsignature_v10.xsd`, `DTE_v10.xsd`).
    public init(schemaDirectory: URL, schema: SchemaKind) throws {
        let path = schemaDirectory.appendingPathComponent(schema.fileName).path
        guard FileManager.default.fileExists(atPath: path) else { throw SchemaError.missingSchema(path) }
        SafeXML.initialize()
        let collector = ErrorCollector()
        let compiledPtr: xmlSchemaPtr? = path.withCString { cPath -> xmlSchemaPtr? in
            guard let pctxt = xmlSchemaNewParserCtxt(cPath) else { return nil }
            defer { xmlSchemaFreeParserCtxt(pctxt) }
            let unmanaged = Unmanaged.passUnretained(collector)
            xmlSchemaSetParserStructuredErrors(pctxt, collectError, unmanaged.toOpaque())
            return withExtendedLifetime(collector) { xmlSchemaParse(pctxt) }
        }
        guard let compiledPtr else {
            throw SchemaError.invalidSchema(file: schema.fileName, messages: collector.violations.map(\.message))
        }
        self.compiled = CompiledSchema(compiledPtr)
        self.kind = schema
    }

    /// The schema for a document, from its root element (`DTE`, `EnvioDTE`, `EnvioBOLETA`);
    /// `nil` for anything else.
    public static func kind(forRootOf data: Data) -> SchemaKind? {
        switch SafeXML.rootName(of: data) {
        case "DTE": return .dte
        case "EnvioDTE": return .envioDTE
        case "EnvioBOLETA": return .envioBoleta
        default: return nil
        }
    }

    /// The local name of the document's root element, read from the bytes without a full parse;
    /// `nil` when the bytes do not start like XML (or have a DOCTYPE).
    public static func rootElementName(of data: Data) -> String? { SafeXML.rootName(of: data) }

    /// Validates a document; returns every violation with its line (empty = valid).
    /// - Throws: ``SchemaError/unreadable(_:)`` when the bytes are not safe, well-formed XML.
    public func validate(_ data: Data, source: String) throws -> [SchemaViolation] {
        let outcome: [SchemaViolation]?
        do {
            outcome = try SafeXML.withDocument(data, source: source, maxBytes: limits.maxBytes, maxDepth: limits.maxDepth) {
                (doc) throws(DTEReadError) -> [SchemaViolation]? in
                guard let vctxt = xmlSchemaNewValidCtxt(compiled.schema) else { return nil }
                defer { xmlSchemaFreeValidCtxt(vctxt) }
                let collector = ErrorCollector()
                let result: Int32 = withExtendedLifetime(collector) {
                    xmlSchemaSetValidStructuredErrors(vctxt, collectError, Unmanaged.passUnretained(collector).toOpaque())
                    return xmlSchemaValidateDoc(vctxt, doc)
                }
                if result == 0 { return [] }
                if result < 0 && collector.violations.isEmpty { return nil }
                if collector.violations.isEmpty { return [SchemaViolation(line: 0, message: "invalid (libxml2 gave no detail)")] }
                return collector.violations
            }
        } catch {
            throw SchemaError.unreadable(error)
        }
        guard let outcome else { throw SchemaError.internalError(source) }
        return outcome
    }
}
