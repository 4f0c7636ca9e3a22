import DTECore

/// Why a printout could not be made.
public enum PrintError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The document has no Timbre Electrónico (an unstamped skeleton).
    case missingTED(document: String)
    /// PDF417 encoding failed.
    case barcode(String)
    /// A cedible copy was asked for a document that may not have one.
    case cedibleNotAllowed(document: String, reason: String)
    /// The template cannot print this document type (e.g. 57 mm rolls: boletas only).
    case documentTypeNotAllowed(template: String, type: Int, allowed: [Int])
    /// The one-page (certification) option is on and the content needs more pages.
    case doesNotFitOnOnePage(document: String, pages: Int)
    /// The timbre cannot be printed within the SII's size rules on this paper.
    case timbreDoesNotFit(String)
    /// The logo file could not be read or is not a usable image.
    case logo(source: String, reason: String)
    /// The layout broke one of the SII rules (preflight).
    case preflight(document: String, violations: [PreflightViolation])
    /// Cairo reported an error.
    case cairo(String)
    /// A folio, RUT or type value that would make an unsafe file name.
    case unsafeFileName(String)
    /// A value in the document that cannot be printed (e.g. an amount that overflows).
    case badValue(document: String, field: String, value: String)
    /// PNG output over the pixel budget (per page or for the whole document) at the asked dpi.
    case pngTooLarge(String)

    public var description: String {
        switch self {
        case let .missingTED(d): return "\(d): the document has no TED (Timbre Electrónico); stamp it before printing"
        case let .barcode(m): return "PDF417: \(m)"
        case let .cedibleNotAllowed(d, r): return "\(d): no cedible copy allowed: \(r)"
        case let .documentTypeNotAllowed(t, type, allowed):
            return "template '\(t)' cannot print document type \(type) (allowed: \(allowed.map(String.init).joined(separator: ", ")))"
        case let .doesNotFitOnOnePage(d, p):
            return "\(d): the one-page (certification) option is on but the content needs \(p) pages"
        case let .timbreDoesNotFit(m): return "timbre: \(m)"
        case let .logo(s, r): return "logo \(s): \(r)"
        case let .preflight(d, v):
            return "\(d): the printout breaks the SII rules:\n" + v.map { "  - \($0)" }.joined(separator: "\n")
        case let .cairo(m): return "cairo: \(m)"
        case let .unsafeFileName(m): return "unsafe output file name: \(m)"
        case let .badValue(d, f, v): return "\(d): \(f) has a value that cannot be printed: '\(v)'"
        case let .pngTooLarge(m): return "PNG: \(m)"
        }
    }
}

/// Why a template could not be loaded.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template file (or the `source` given to ``PrintTemplate/load(yaml:source:baseDirectory:)``).
    public var source: String
    /// The key path (`recuadro.color`), empty for the whole file.
    public var key: String
    /// The bad value as written, if any.
    public var value: String?
    /// What is allowed / what went wrong.
    public var reason: String

    /// Creates a template error.
    public init(source: String, key: String, value: String? = nil, reason: String) {
        self.source = source; self.key = key; self.value = value; self.reason = reason
    }

    public var description: String {
        var s = source
        if !key.isEmpty { s += ": key '\(key)'" }
        if let value { s += ": value '\(value)'" }
        return s + ": " + reason
    }
}

/// One broken rule found by the preflight.
public struct PreflightViolation: Sendable, Hashable, CustomStringConvertible {
    /// A short rule id (`timbre.size`, `recuadro.rule`, `margin`, …).
    public var rule: String
    /// What is wrong, in English, with the measured value and the limit.
    public var message: String
    /// Creates a violation.
    public init(rule: String, message: String) { self.rule = rule; self.message = message }
    public var description: String { "[\(rule)] \(message)" }
}
