/// Flattens a parsed element (a CAF, or a TED when its source bytes are unusable) into the form
/// the SII signs: no white space between tags, no namespace declarations, attributes as in the
/// source, XML-escaped text, ISO-8859-1. A document's TED is taken from the file's own bytes
/// instead (``SourceTED``): re-escaping a tree cannot reproduce `&#39;` or a CDATA section.
package enum TEDBytes {
    /// Serialises `element` flattened. With `escapeQuotes`, `"` and `'` in text become `&quot;`
    /// and `&apos;` (the SII's rule for the timbre); otherwise they stay literal.
    package static func flatten(_ element: XElement, escapeQuotes: Bool) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(1024)
        append(element, to: &out, escapeQuotes: escapeQuotes)
        return out
    }

    private static func appendASCII(_ s: String, to out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    private static func append(_ e: XElement, to out: inout [UInt8], escapeQuotes: Bool) {
        let qname = e.prefix.map { "\($0):\(e.name)" } ?? e.name
        out.append(UInt8(ascii: "<"))
        appendText(qname, to: &out, escapeQuotes: false, attribute: false)
        for a in e.attributes {
            out.append(UInt8(ascii: " "))
            appendText(a.name, to: &out, escapeQuotes: false, attribute: false)
            out.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            appendText(a.value, to: &out, escapeQuotes: false, attribute: true)
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: ">"))
        if e.children.isEmpty {
            appendText(e.text, to: &out, escapeQuotes: escapeQuotes, attribute: false)
        } else {
            for c in e.children { append(c, to: &out, escapeQuotes: escapeQuotes) }
        }
        out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        appendText(qname, to: &out, escapeQuotes: false, attribute: false)
        out.append(UInt8(ascii: ">"))
    }

    private static func appendText(_ s: String, to out: inout [UInt8], escapeQuotes: Bool, attribute: Bool) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": appendASCII("&amp;", to: &out)
            case "<": appendASCII("&lt;", to: &out)
            case ">": appendASCII("&gt;", to: &out)
            case "\"" where escapeQuotes || attribute: appendASCII("&quot;", to: &out)
            case "'" where escapeQuotes: appendASCII("&apos;", to: &out)
            default:
                if scalar.value <= 0xFF { out.append(UInt8(truncatingIfNeeded: scalar.value)) }
                else { appendASCII("&#\(scalar.value);", to: &out) }
            }
        }
    }
}
