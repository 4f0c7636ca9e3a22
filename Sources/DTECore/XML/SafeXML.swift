internal import CLibXML2
import Foundation

// The only file of DTECore's XML reading that touches libxml2 pointers. It parses with a fresh
// parser context per call (thread-safe; no global handlers or settings are changed) and copies
// the tree into plain Swift values (`XElement`) before freeing the libxml2 document.
//
// Safety rules:
// - size cap checked before anything else;
// - the prolog is scanned first: a `<!DOCTYPE` (the carrier of external entities and entity
//   bombs) is refused before libxml2 sees the document; UTF-16/32 and non-XML bytes are refused;
// - options: XML_PARSE_NONET, never NOENT / DTDLOAD / DTDATTR, so libxml2 also keeps its own
//   depth (256) and text-size limits; errors are not printed (NOERROR / NOWARNING) but read from
//   the context's last error;
// - XML_PARSE_HUGE only for inputs over `hugeThreshold`: without it libxml2 stops at 10,000,000
//   bytes of lookahead ("Huge input lookup"), below the documented 20 MiB limit. What HUGE relaxes
//   does not open a hole here: no DTD reaches libxml2 (so no entity can amplify), the size was
//   capped above, and depth is checked again while copying the tree;
// - depth is checked again while copying the tree.

private let libxml2Initialized: Void = { xmlInitParser() }()

/// Safe parsing of untrusted XML into ``XElement`` values.
package enum SafeXML {
    /// libxml2's own nesting limit without XML_PARSE_HUGE.
    package static let libxml2MaxDepth = 256

    /// Inputs larger than this are parsed with XML_PARSE_HUGE (libxml2's lookahead limit is
    /// 10,000,000 bytes); smaller ones keep libxml2's stricter defaults.
    package static let hugeThreshold = 8 << 20

    /// Initialises libxml2 once (thread-safe; later calls do nothing).
    package static func initialize() { _ = libxml2Initialized }

    /// Parses `data` and returns its root element.
    /// - Parameters:
    ///   - source: the file name used in errors.
    ///   - maxBytes: refuse larger input before parsing.
    ///   - maxDepth: refuse deeper nesting (libxml2 stops at 256 in any case).
    package static func parse(_ data: Data, source: String, maxBytes: Int, maxDepth: Int) throws(DTEReadError) -> XElement {
        try withDocument(data, source: source, maxBytes: maxBytes, maxDepth: maxDepth) { (doc) throws(DTEReadError) -> XElement in
            guard let root = xmlDocGetRootElement(doc) else { throw DTEReadError(source: source, reason: .empty) }
            // The TEDs' own bytes (the barcode carries them as written): scanned from the source,
            // matched to the tree's TED elements by document order.
            let bytes = [UInt8](data)
            let teds = SourceTED.elementRanges(named: "TED", in: bytes)
            var spans = Spans(bytes: bytes, ranges: teds ?? [], utf8: isUTF8(data))
            var element = try convert(root, depth: 1, maxDepth: maxDepth, source: source, spans: &spans)
            if spans.next != spans.ranges.count { element.dropSources() }   // scanner and parser disagree: use neither
            return element
        }
    }

    /// The TED byte ranges of a document, handed out in document order while converting.
    private struct Spans {
        var bytes: [UInt8]
        var ranges: [Range<Int>]
        var utf8: Bool
        var next = 0
        mutating func take() -> XElement.SourceSpan? {
            defer { next += 1 }
            guard next < ranges.count else { return nil }
            let r = ranges[next]
            guard r.lowerBound >= 0, r.upperBound <= bytes.count else { return nil }
            return XElement.SourceSpan(bytes: Array(bytes[r]), utf8: utf8)
        }
    }

    /// Whether libxml2 reads the bytes as UTF-8: declared so, or undeclared and valid UTF-8
    /// (undeclared Latin-1 bytes are read as ISO-8859-1, see `withDocument`).
    private static func isUTF8(_ data: Data) -> Bool {
        let declared = (try? scanProlog(data, source: "")) ?? nil
        guard let declared else { return String(validating: data, as: UTF8.self) != nil }
        let upper = declared.uppercased()
        return upper == "UTF-8" || upper == "UTF8"
    }

    /// Parses `data` safely and lends the libxml2 document to `body` (freed afterwards).
    static func withDocument<T>(_ data: Data, source: String, maxBytes: Int, maxDepth: Int,
                                _ body: (xmlDocPtr) throws(DTEReadError) -> T) throws(DTEReadError) -> T {
        let doc = try parseDocument(data, source: source, maxBytes: maxBytes, maxDepth: maxDepth)
        defer { xmlFreeDoc(doc) }
        return try body(doc)
    }

    /// Parses `data` safely, and checks the tree's depth against `maxDepth`; the caller owns
    /// (frees) the returned document. For ``XMLTree``, which keeps libxml2's tree.
    static func parseCheckedDocument(_ data: Data, source: String, maxBytes: Int, maxDepth: Int) throws(DTEReadError) -> xmlDocPtr {
        let doc = try parseDocument(data, source: source, maxBytes: maxBytes, maxDepth: maxDepth)
        // Depth-first walk without recursion: (node, depth) pairs of elements still to visit.
        var stack: [(xmlNodePtr, Int)] = []
        if let root = xmlDocGetRootElement(doc) { stack.append((root, 1)) }
        while let (node, depth) = stack.popLast() {
            guard depth <= maxDepth else {
                let name = node.pointee.name.map { String(cString: $0) }
                let line = Int(xmlGetLineNo(node))
                xmlFreeDoc(doc)
                throw DTEReadError(source: source, line: line, element: name, reason: .tooDeep(limit: maxDepth))
            }
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { stack.append((c, depth + 1)) }
                child = c.pointee.next
            }
        }
        return doc
    }

    /// Parses `data` safely (the rules at the top of this file); the caller owns (frees) the document.
    private static func parseDocument(_ data: Data, source: String, maxBytes: Int, maxDepth: Int) throws(DTEReadError) -> xmlDocPtr {
        func fail(_ reason: DTEReadError.Reason, line: Int? = nil, element: String? = nil) -> DTEReadError {
            DTEReadError(source: source, line: line, element: element, reason: reason)
        }
        guard data.count <= maxBytes, data.count < Int(Int32.max) else { throw fail(.tooLarge(size: data.count, limit: maxBytes)) }
        let declared = try scanProlog(data, source: source)

        // No declaration and not UTF-8: the CAF files are like that (Latin-1 bytes, no encoding).
        var encoding: String? = nil
        if declared == nil, String(validating: data, as: UTF8.self) == nil { encoding = "ISO-8859-1" }

        _ = libxml2Initialized
        // Encoding errors would otherwise be printed by libxml2 itself (see shim.h).
        let savedErrors = dtekit_xml_silence_generic_errors()
        defer { dtekit_xml_restore_generic_errors(savedErrors) }
        guard let ctxt = xmlNewParserCtxt() else { throw fail(.malformed("cannot create a parser context")) }
        defer { xmlFreeParserCtxt(ctxt) }
        let huge = data.count > hugeThreshold
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue
            | (huge ? XML_PARSE_HUGE.rawValue : 0))
        let doc: xmlDocPtr? = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            if let encoding {
                return encoding.withCString { xmlCtxtReadMemory(ctxt, base, Int32(raw.count), nil, $0, options) }
            }
            return xmlCtxtReadMemory(ctxt, base, Int32(raw.count), nil, nil, options)
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            guard let err = xmlCtxtGetLastError(ctxt) else { throw fail(.malformed("unknown parser error")) }
            let message = err.pointee.message.map { String(cString: $0) }?.trimmingXMLSpace() ?? "unknown parser error"
            let line = err.pointee.line > 0 ? Int(err.pointee.line) : nil
            if message.contains("Excessive depth") { throw fail(.tooDeep(limit: min(maxDepth, huge ? 2048 : libxml2MaxDepth)), line: line) }
            if err.pointee.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) { throw fail(.empty) }
            if message.hasPrefix("Unsupported encoding") { throw fail(.unsupportedEncoding(declared ?? "?"), line: line) }
            throw fail(.malformed(message), line: line)
        }
        guard doc.pointee.intSubset == nil, doc.pointee.extSubset == nil else {
            xmlFreeDoc(doc)
            throw fail(.forbiddenDTD)
        }
        return doc
    }

    /// The local name of the root element, from the bytes (no full parse); `nil` when the input
    /// does not start like XML or has a DOCTYPE.
    package static func rootName(of data: Data) -> String? {
        do { _ = try scanProlog(data, source: "") } catch { return nil }
        let bytes = [UInt8](data.prefix(64 * 1024))
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                    // Skip PIs and comments (scanProlog checked they are terminated).
                    let close: [UInt8] = next == UInt8(ascii: "?") ? Array("?>".utf8) : Array("-->".utf8)
                    var k = i + 2
                    while k + close.count <= bytes.count, Array(bytes[k..<(k + close.count)]) != close { k += 1 }
                    i = k + close.count
                    continue
                }
                var k = i + 1
                var name: [UInt8] = []
                while k < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[k]) {
                    name.append(bytes[k]); k += 1
                }
                let qname = String(decoding: name, as: UTF8.self)
                return qname.split(separator: ":").last.map(String.init)
            }
            i += 1
        }
        return nil
    }

    /// Copies a libxml2 element (and its subtree) into an ``XElement``.
    private static func convert(_ node: xmlNodePtr, depth: Int, maxDepth: Int, source: String, spans: inout Spans) throws(DTEReadError) -> XElement {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let line = Int(xmlGetLineNo(node))
        guard depth <= maxDepth else {
            throw DTEReadError(source: source, line: line, element: name, reason: .tooDeep(limit: maxDepth))
        }
        var element = XElement(name: name, line: line)
        if name == "TED" { element.source = spans.take() }
        if let ns = node.pointee.ns {
            element.prefix = ns.pointee.prefix.map { String(cString: $0) }
            element.namespace = ns.pointee.href.map { String(cString: $0) }
        }
        var attr = node.pointee.properties
        while let a = attr {
            var attrName = a.pointee.name.map { String(cString: $0) } ?? ""
            if let p = a.pointee.ns?.pointee.prefix { attrName = String(cString: p) + ":" + attrName }
            element.attributes.append(.init(name: attrName, value: textContent(a.pointee.children)))
            attr = a.pointee.next
        }
        var child = node.pointee.children
        var text = ""
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(try convert(c, depth: depth + 1, maxDepth: maxDepth, source: source, spans: &spans))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { text += String(cString: content) }
            default:
                break // comments, processing instructions
            }
            child = c.pointee.next
        }
        element.text = text
        return element
    }

    /// The concatenated text of a node list (attribute values).
    private static func textContent(_ first: xmlNodePtr?) -> String {
        var out = ""
        var node = first
        while let n = node {
            if let content = n.pointee.content { out += String(cString: content) }
            node = n.pointee.next
        }
        return out
    }

    /// Checks the bytes before the root element. Returns the declared encoding, if any.
    /// Throws for empty input, non-XML bytes, UTF-16/32 and any `<!DOCTYPE`.
    package static func scanProlog(_ data: Data, source: String) throws(DTEReadError) -> String? {
        do throws(PrologError) { return try scanProlog(data) } catch { throw DTEReadError(source: source, reason: error.reason) }
    }

    private struct PrologError: Error { var reason: DTEReadError.Reason }

    private static func scanProlog(_ data: Data) throws(PrologError) -> String? {
        let bytes = [UInt8](data.prefix(64 * 1024))
        let n = bytes.count
        guard n > 0 else { throw PrologError(reason: .empty) }
        func at(_ i: Int) -> UInt8 { i < n ? bytes[i] : 0 }
        func starts(_ i: Int, _ s: String) -> Bool {
            var k = i
            for b in s.utf8 { guard k < n, bytes[k] == b else { return false }; k += 1 }
            return true
        }
        func find(_ s: String, from i: Int) -> Int? {
            var k = i
            while k < n { if starts(k, s) { return k }; k += 1 }
            return nil
        }
        if (at(0) == 0xFE && at(1) == 0xFF) || (at(0) == 0xFF && at(1) == 0xFE) || (n > 1 && (at(0) == 0 || at(1) == 0)) {
            throw PrologError(reason: .unsupportedEncoding("UTF-16/UTF-32"))
        }
        var i = (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) ? 3 : 0
        let declStart = i
        var declared: String? = nil
        while true {
            while i < n, at(i) == 0x20 || at(i) == 0x09 || at(i) == 0x0A || at(i) == 0x0D { i += 1 }
            guard i < n else {
                if i == data.count { throw PrologError(reason: .empty) } // only white space
                throw PrologError(reason: .malformed("no root element in the first 64 KiB"))
            }
            guard at(i) == UInt8(ascii: "<") else { throw PrologError(reason: .notXML) }
            if starts(i, "<?") {
                guard let end = find("?>", from: i + 2) else {
                    if n < data.count { throw PrologError(reason: .malformed("no root element in the first 64 KiB")) }
                    throw PrologError(reason: .malformed("unterminated processing instruction"))
                }
                if i == declStart, starts(i, "<?xml"), [0x20, 0x09, 0x0A, 0x0D].contains(at(i + 5)) {
                    declared = encodingPseudoAttribute(Array(bytes[i..<end]))
                }
                i = end + 2
            } else if starts(i, "<!--") {
                guard let end = find("-->", from: i + 4) else {
                    if n < data.count { throw PrologError(reason: .malformed("no root element in the first 64 KiB")) }
                    throw PrologError(reason: .malformed("unterminated comment"))
                }
                i = end + 3
            } else if starts(i, "<!DOCTYPE") || starts(i, "<!ENTITY") || starts(i, "<!doctype") {
                throw PrologError(reason: .forbiddenDTD)
            } else if starts(i, "<!") {
                throw PrologError(reason: .malformed("unexpected markup before the root element"))
            } else {
                let first = at(i + 1)
                // A name start: letter, '_', ':' or any non-ASCII byte.
                guard first >= 0x80 || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
                        || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) else { throw PrologError(reason: .notXML) }
                break
            }
        }
        if let declared {
            let upper = declared.uppercased()
            if upper.hasPrefix("UTF-16") || upper.hasPrefix("UTF-32") || upper.hasPrefix("UCS") {
                throw PrologError(reason: .unsupportedEncoding(declared))
            }
        }
        return declared
    }

    /// The value of `encoding="…"` inside an XML declaration.
    private static func encodingPseudoAttribute(_ decl: [UInt8]) -> String? {
        let text = String(decoding: decl, as: UTF8.self)
        guard let r = text.range(of: "encoding") else { return nil }
        var rest = text[r.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }
}
