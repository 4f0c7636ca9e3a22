import CLibXML2
import Foundation

/// A parsed libxml2 document, freed with the value. Only used inside DTESkeleton (CAF parsing,
/// canonicalisation for XMLDSig); all pointer code of the module's XML side lives here.
final class LibXMLDocument {
    private let doc: xmlDocPtr

    /// Parses `bytes`; `encoding` overrides the declaration (CAF files are Latin-1 with none).
    init(bytes: [UInt8], source: String, encoding: String? = nil) throws(SigningError) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                xmlReadMemory(c.baseAddress, Int32(c.count), source, encoding, options)
            }
        }
        guard let parsed else {
            let message = xmlGetLastError().map { String(cString: $0.pointee.message).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "malformed XML"
            xmlResetLastError()
            throw .xml(reason: "\(source): cannot parse: \(message)")
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// The root element's local name.
    var rootName: String? {
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        return String(cString: root.pointee.name)
    }

    /// Text of the first element reached by `path` of local names from the root (e.g. ["CAF", "DA", "RE"]).
    func text(at path: [String]) -> String? {
        guard var node = xmlDocGetRootElement(doc) else { return nil }
        for name in path {
            var child = node.pointee.children
            var found: xmlNodePtr?
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, String(cString: c.pointee.name) == name { found = c; break }
                child = c.pointee.next
            }
            guard let f = found else { return nil }
            node = f
        }
        guard let content = xmlNodeGetContent(node) else { return nil }
        defer { free(content) }  // xmlFree is the default free()
        return String(cString: content)
    }

    /// The values of `attribute` on elements matched by an XPath expression, in document order.
    func attributeValues(xpath: String, attribute: String) throws(SigningError) -> [String] {
        guard let ctx = xmlXPathNewContext(doc) else { throw .xml(reason: "out of memory") }
        defer { xmlXPathFreeContext(ctx) }
        register(ctx)
        guard let obj = xmlXPathEvalExpression(xpath, ctx) else { throw .xml(reason: "bad XPath \(xpath)") }
        defer { xmlXPathFreeObject(obj) }
        var out: [String] = []
        guard let set = obj.pointee.nodesetval else { return out }
        for i in 0..<Int(set.pointee.nodeNr) {
            guard let node = set.pointee.nodeTab[i], let v = xmlGetProp(node, attribute) else { continue }
            out.append(String(cString: v))
            free(v) // xmlFree is the default free()
        }
        return out
    }

    /// Inclusive C14N 1.0 (no comments) of the node set selected by `xpath`.
    func canonicalize(xpath: String) throws(SigningError) -> [UInt8] {
        guard let ctx = xmlXPathNewContext(doc) else { throw .xml(reason: "out of memory") }
        defer { xmlXPathFreeContext(ctx) }
        register(ctx)
        guard let obj = xmlXPathEvalExpression(xpath, ctx) else { throw .xml(reason: "bad XPath \(xpath)") }
        defer { xmlXPathFreeObject(obj) }
        guard let set = obj.pointee.nodesetval, set.pointee.nodeNr > 0 else {
            throw .xml(reason: "nothing to canonicalise for \(xpath)")
        }
        var out: UnsafeMutablePointer<xmlChar>? = nil
        let n = xmlC14NDocDumpMemory(doc, set, Int32(XML_C14N_1_0.rawValue), nil, 0, &out)
        guard n >= 0, let p = out else { throw .xml(reason: "C14N failed for \(xpath)") }
        defer { free(p) }  // xmlFree is the default free()
        return Array(UnsafeBufferPointer(start: p, count: Int(n)))
    }

    /// Inclusive C14N of the element whose `ID` attribute is `id`, in the context of the document
    /// (so the inherited `xmlns="http://www.sii.cl/SiiDte"` appears on it).
    func canonicalizeElement(withID id: String) throws(SigningError) -> [UInt8] {
        try canonicalize(xpath: "(//. | //@* | //namespace::*)[ancestor-or-self::*[@ID='\(id)']]")
    }

    /// Inclusive C14N of the `SignedInfo` whose Reference points at `#id`.
    func canonicalizeSignedInfo(referencing id: String) throws(SigningError) -> [UInt8] {
        try canonicalize(xpath: "(//. | //@* | //namespace::*)[ancestor-or-self::ds:SignedInfo[ds:Reference/@URI='#\(id)']]")
    }

    private func register(_ ctx: xmlXPathContextPtr) {
        _ = xmlXPathRegisterNs(ctx, "ds", "http://www.w3.org/2000/09/xmldsig#")
        _ = xmlXPathRegisterNs(ctx, "sii", "http://www.sii.cl/SiiDte")
    }
}
