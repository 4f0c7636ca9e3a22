internal import CLibXML2
import Foundation

/// Why an ``XMLTree`` could not be read, queried or canonicalised.
package enum XMLTreeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes were refused by ``SafeXML``'s rules (size, DOCTYPE, depth, well-formedness).
    case unreadable(DTEReadError)
    /// An XPath expression could not be evaluated (or libxml2 ran out of memory).
    case xpath(String)
    /// Canonicalisation failed or selected nothing.
    case canonicalization(String)

    /// The reason in words.
    package var description: String {
        switch self {
        case let .unreadable(error): return error.description
        case let .xpath(expression): return "bad XPath \(expression)"
        case let .canonicalization(why): return why
        }
    }
}

/// A parsed XML document kept as libxml2's tree, for what needs the tree itself rather than
/// ``XElement`` values: XPath selection and Canonical XML 1.0 (XMLDSig in DTESkeleton).
///
/// It is parsed by ``SafeXML``'s rules (size cap, no DOCTYPE, no network, depth limit), like
/// every XML the package reads. The libxml2 document is freed with the value; the class is not
/// `Sendable` (a libxml2 document is not safe to share between threads).
package final class XMLTree {
    private let doc: xmlDocPtr

    /// Parses `bytes`; `source` names them in errors.
    /// - Throws: ``XMLTreeError/unreadable(_:)`` when ``SafeXML`` refuses the bytes.
    package init(bytes: [UInt8], source: String, limits: DTEReader.Limits = .init()) throws(XMLTreeError) {
        do {
            doc = try SafeXML.parseCheckedDocument(Data(bytes), source: source, maxBytes: limits.maxBytes, maxDepth: limits.maxDepth)
        } catch {
            throw .unreadable(error)
        }
    }

    deinit { xmlFreeDoc(doc) }

    /// The root element's local name.
    package var rootName: String? {
        guard let root = xmlDocGetRootElement(doc), let name = root.pointee.name else { return nil }
        return String(cString: name)
    }

    /// The values of `attribute` on the elements an XPath expression selects, in document order.
    /// Prefixes `ds` (XMLDSig) and `sii` (`http://www.sii.cl/SiiDte`) are bound.
    package func attributeValues(xpath: String, attribute: String) throws(XMLTreeError) -> [String] {
        try withNodeSet(xpath) { set in
            var out: [String] = []
            guard let set else { return out }
            for i in 0..<Int(set.pointee.nodeNr) {
                guard let node = set.pointee.nodeTab[i], let v = xmlGetProp(node, attribute) else { continue }
                out.append(String(cString: v))
                free(v)  // xmlFree is the default free()
            }
            return out
        }
    }

    /// Inclusive Canonical XML 1.0 (without comments) of the node set an XPath expression selects.
    package func canonicalize(xpath: String) throws(XMLTreeError) -> [UInt8] {
        try withNodeSet(xpath) { (set) throws(XMLTreeError) -> [UInt8] in
            guard let set, set.pointee.nodeNr > 0 else { throw .canonicalization("nothing to canonicalise for \(xpath)") }
            var out: UnsafeMutablePointer<xmlChar>? = nil
            let n = xmlC14NDocDumpMemory(doc, set, Int32(XML_C14N_1_0.rawValue), nil, 0, &out)
            guard n >= 0, let p = out else { throw .canonicalization("C14N failed for \(xpath)") }
            defer { free(p) }  // xmlFree is the default free()
            return Array(UnsafeBufferPointer(start: p, count: Int(n)))
        }
    }

    /// Inclusive C14N of the element whose `ID` attribute is `id`, in the context of the document
    /// (so an inherited default namespace appears on it).
    package func canonicalizeElement(withID id: String) throws(XMLTreeError) -> [UInt8] {
        try canonicalize(xpath: "(//. | //@* | //namespace::*)[ancestor-or-self::*[@ID='\(id)']]")
    }

    /// Inclusive C14N of the XMLDSig `SignedInfo` whose Reference points at `#id`.
    package func canonicalizeSignedInfo(referencing id: String) throws(XMLTreeError) -> [UInt8] {
        try canonicalize(xpath: "(//. | //@* | //namespace::*)[ancestor-or-self::ds:SignedInfo[ds:Reference/@URI='#\(id)']]")
    }

    /// Evaluates `xpath` and lends its node set (`nil` when empty) to `body`.
    private func withNodeSet<T>(_ xpath: String, _ body: (xmlNodeSetPtr?) throws(XMLTreeError) -> T) throws(XMLTreeError) -> T {
        guard let ctx = xmlXPathNewContext(doc) else { throw .xpath("\(xpath) (out of memory)") }
        defer { xmlXPathFreeContext(ctx) }
        _ = xmlXPathRegisterNs(ctx, "ds", "http://www.w3.org/2000/09/xmldsig#")
        _ = xmlXPathRegisterNs(ctx, "sii", "http://www.sii.cl/SiiDte")
        guard let obj = xmlXPathEvalExpression(xpath, ctx) else { throw .xpath(xpath) }
        defer { xmlXPathFreeObject(obj) }
        return try body(obj.pointee.nodesetval)
    }
}
