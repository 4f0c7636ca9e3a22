/// Why an XML file could not be read as a DTE. Always names the file (``source``), and where
/// known the line and the element.
public struct DTEReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the input.
    public enum Reason: Sendable, Hashable {
        /// Reading the file failed (missing, unreadable, a directory).
        case io(String)
        /// Zero bytes, or only white space.
        case empty
        /// Bigger than the configured limit (``DTEReader/Limits/maxBytes``).
        case tooLarge(size: Int, limit: Int)
        /// Does not start like an XML document at all (binary data, a PNG renamed .xml).
        case notXML
        /// UTF-16/UTF-32 or another encoding DTEs never use.
        case unsupportedEncoding(String)
        /// Has a `<!DOCTYPE …>` (DTD, entity declarations): DTEs never do, and DTDs are how
        /// external-entity and entity-expansion attacks arrive, so they are refused outright.
        case forbiddenDTD
        /// Elements nested deeper than the limit.
        case tooDeep(limit: Int)
        /// Not well-formed XML (truncated, mismatched tags, bad characters): libxml2's message.
        case malformed(String)
        /// Well-formed, but neither a `DTE`, `EnvioDTE` or `EnvioBOLETA` nor a container with
        /// an SII document (`Documento` with an `Encabezado`) anywhere inside.
        case notADTE(root: String)
        /// An `EnvioDTE` / `EnvioBOLETA` without a single document in it.
        case noDocuments(root: String)
        /// A required element is missing.
        case missingElement(String)
        /// An element's text is not a valid value of its kind.
        case invalidValue(value: String, why: String)
        /// `TipoDTE` is not one DTEKit supports.
        case unsupportedDocumentType(Int)
        /// The document's timbre does not certify it (see ``TimbreProblem``).
        case timbre(type: Int, folio: Int64, TimbreProblem)
    }

    /// The file name (or other label) given to the reader.
    public var source: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The element concerned, when known (`Folio`, `RUTEmisor`).
    public var element: String?
    /// What is wrong.
    public var reason: Reason

    /// Creates an error about `source` (a file name or label).
    public init(source: String, line: Int? = nil, element: String? = nil, reason: Reason) {
        self.source = source; self.line = line; self.element = element; self.reason = reason
    }

    public var description: String {
        var place = source
        if let line { place += ":\(line)" }
        let what = reasonText
        // Values come from the input: control characters are shown escaped, never sent to a
        // terminal as they are (an ESC sequence in a RznSoc would redraw the user's screen).
        if let element, !(reason == .missingElement(element)) {
            return TerminalSafe.escaped("\(place): <\(element)>: \(what)")
        }
        return TerminalSafe.escaped("\(place): \(what)")
    }

    /// The reason in words, without the file, line and element (the part of ``description``
    /// after them; control characters not escaped).
    package var reasonText: String {
        switch reason {
        case let .io(why): return "cannot read the file: \(why)"
        case .empty: return "the file is empty"
        case let .tooLarge(size, limit): return "the file has \(size) bytes, more than the limit of \(limit)"
        case .notXML: return "not an XML document"
        case let .unsupportedEncoding(e): return "unsupported encoding \(e) (DTEs are ISO-8859-1, windows-1252 or UTF-8)"
        case .forbiddenDTD: return "the document has a DOCTYPE/DTD (entity declarations are refused for safety; DTEs never have one)"
        case let .tooDeep(limit): return "elements are nested deeper than \(limit) levels"
        case let .malformed(message): return "malformed XML: \(message)"
        case let .notADTE(root): return "the root element <\(root)> is not DTE, EnvioDTE or EnvioBOLETA, and no SII document (Documento) was found inside it"
        case let .noDocuments(root): return "the <\(root)> holds no document (no DTE/Documento anywhere inside)"
        case let .missingElement(name): return "missing element <\(name)>"
        case let .invalidValue(value, why): return "invalid value '\(value)': \(why)"
        case let .unsupportedDocumentType(code):
            return "document type \(code) is not supported"
        case let .timbre(type, folio, problem):
            return "document \(type) N° \(folio): \(problem.kind.rawValue): \(problem.message)"
        }
    }
}

/// Text from untrusted input made safe to print on a terminal or in a log line.
package enum TerminalSafe {
    /// `text` with every control character (C0, DEL, C1) written as `\u{XX}`; everything
    /// else, accents included, unchanged.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }
}

/// A deviation from the SII schema that a lenient read (``DTEReader/Mode/lenient``) tolerated:
/// the error strict mode throws for it, kept as a warning.
public struct DTEReadWarning: Sendable, Hashable, CustomStringConvertible {
    /// What strict mode reports for the same input (file, line, element, reason).
    public var deviation: DTEReadError

    /// A warning for the deviation strict mode would have thrown.
    public init(deviation: DTEReadError) { self.deviation = deviation }

    /// The file name (or label), as in ``DTEReadError/source``.
    public var source: String { deviation.source }
    /// The 1-based line, when known.
    public var line: Int? { deviation.line }
    /// The element concerned, when known.
    public var element: String? { deviation.element }

    /// `file:line: <element>: reason (tolerated)`.
    public var description: String { deviation.description + " (tolerated for printing)" }
}
