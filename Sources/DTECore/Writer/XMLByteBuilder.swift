import Foundation

/// Why a value could not be written as DTE XML.
public enum DTEWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A character outside ISO-8859-1 (the SII's encoding) in an element's text.
    case notLatin1(element: String, value: String, character: String)
    /// A value the SII's schema cannot hold (empty required text, negative amount, …).
    case invalidValue(element: String, value: String, rule: String)

    public var description: String {
        switch self {
        case let .notLatin1(element, value, character):
            return "\(element): '\(value)' contains '\(character)', which ISO-8859-1 (the SII's encoding) cannot represent"
        case let .invalidValue(element, value, rule):
            return "\(element): '\(value)' \(rule)"
        }
    }
}

/// A small, careful ISO-8859-1 XML builder: elements are opened and closed explicitly, text and
/// attribute values are escaped, every character is checked to fit in Latin-1.
///
/// Output is indented with two spaces per level (whitespace-only text between elements, which the
/// SII's schemas and the XMLDSig digests over the written bytes both accept), except where
/// ``raw(_:)`` inserts pre-serialised bytes (the flattened TED).
package struct XMLByteBuilder: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var stack: [String] = []
    /// Whether to put newlines and indentation between elements.
    public var indent: Bool

    public init(indent: Bool = true) { self.indent = indent }

    /// `<?xml version="1.0" encoding="ISO-8859-1"?>` and a newline.
    public mutating func declaration() {
        append(ascii: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n")
    }

    /// Opens `<name attr="v" …>`.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) throws(DTEWriteError) {
        newlineIndent()
        append(ascii: "<" + name)
        for (k, v) in attributes {
            append(ascii: " " + k + "=\"")
            try appendEscaped(v, element: name + "@" + k, attribute: true)
            append(ascii: "\"")
        }
        append(ascii: ">")
        stack.append(name)
    }

    /// Closes the innermost open element.
    public mutating func close() {
        guard let name = stack.popLast() else { return }
        if lastWasClose { newlineIndent() }
        append(ascii: "</" + name + ">")
        lastWasClose = true
    }

    /// `<name>text</name>`.
    public mutating func element(_ name: String, _ text: String) throws(DTEWriteError) {
        newlineIndent()
        append(ascii: "<" + name + ">")
        try appendEscaped(text, element: name, attribute: false)
        append(ascii: "</" + name + ">")
        lastWasClose = true
    }

    /// `<name>text</name>` when `text` is not `nil`.
    public mutating func optional(_ name: String, _ text: String?) throws(DTEWriteError) {
        if let text { try element(name, text) }
    }

    /// Inserts bytes already serialised (the flattened TED), on their own line.
    public mutating func raw(_ data: [UInt8]) {
        newlineIndent()
        bytes.append(contentsOf: data)
        lastWasClose = true
    }

    /// Ends the document with a newline.
    public mutating func finish() {
        while !stack.isEmpty { close() }
        append(ascii: "\n")
    }

    // MARK: - internals

    private var lastWasClose = false

    private mutating func newlineIndent() {
        lastWasClose = false
        guard indent, !bytes.isEmpty else { return }
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * stack.count))
    }

    private mutating func append(ascii s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func appendEscaped(_ s: String, element: String, attribute: Bool) throws(DTEWriteError) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": append(ascii: "&amp;")
            case "<": append(ascii: "&lt;")
            case ">": append(ascii: "&gt;")
            case "\"" where attribute: append(ascii: "&quot;")
            case "\r": append(ascii: "&#13;")
            case "\t" where attribute: append(ascii: "&#9;")
            case "\n" where attribute: append(ascii: "&#10;")
            default:
                guard scalar.value <= 0xFF else {
                    throw .notLatin1(element: element, value: s, character: String(scalar))
                }
                guard scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" else {
                    throw .invalidValue(element: element, value: s, rule: "contains a control character XML cannot hold")
                }
                bytes.append(UInt8(scalar.value))
            }
        }
    }
}

/// ISO-8859-1 text helpers for the writer.
package enum XMLText {
    /// `s` encoded ISO-8859-1 with `&`, `<`, `>`, `"`, `'` escaped as the SII's rule for the
    /// timbre asks (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`), or `nil` when a character does not
    /// fit in Latin-1.
    public static func escapedLatin1(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "'": out.append(contentsOf: "&apos;".utf8)
            default:
                guard scalar.value <= 0xFF else { return nil }
                out.append(UInt8(scalar.value))
            }
        }
        return out
    }

    /// Whether every character of `s` fits in ISO-8859-1.
    public static func isLatin1(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0.value <= 0xFF } }

    /// A plain decimal rendering ("1.5", "12500", "0.000001"), never exponent notation.
    public static func decimal(_ d: Decimal) -> String {
        var value = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 6, .plain)
        let s = NSDecimalNumber(decimal: rounded).stringValue
        return s
    }
}
