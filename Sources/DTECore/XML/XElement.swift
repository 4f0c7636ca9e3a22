/// A parsed XML element as plain Swift values: what ``SafeXML`` hands to readers, so that no
/// libxml2 pointer outlives the parse.
package struct XElement: Sendable, Hashable {
    /// An attribute as written (`prefix:name` when prefixed), value unescaped.
    package struct Attribute: Sendable, Hashable {
        package var name: String
        package var value: String
    }

    /// The local name (`DTE`, `Folio`), without prefix.
    package var name: String
    /// The prefix as written (`ds` in `ds:Signature`), if any.
    package var prefix: String?
    /// The namespace URI, if any (`http://www.sii.cl/SiiDte`).
    package var namespace: String?
    package var attributes: [Attribute]
    package var children: [XElement]
    /// The concatenated text and CDATA directly inside the element (unescaped, UTF-8).
    package var text: String
    /// The 1-based source line of the start tag.
    package var line: Int
    /// For `TED` elements: the element's bytes exactly as the file has them (see ``SourceTED``).
    package var source: SourceSpan?

    /// An element's bytes as written in the file, start tag to end tag.
    package struct SourceSpan: Sendable, Hashable {
        package var bytes: [UInt8]
        /// Whether the file is UTF-8 (else a single-byte encoding: ISO-8859-1, windows-1252).
        package var utf8: Bool
        package init(bytes: [UInt8], utf8: Bool) { self.bytes = bytes; self.utf8 = utf8 }
    }

    package init(name: String, prefix: String? = nil, namespace: String? = nil, attributes: [Attribute] = [],
                 children: [XElement] = [], text: String = "", line: Int = 0) {
        self.name = name; self.prefix = prefix; self.namespace = namespace; self.attributes = attributes
        self.children = children; self.text = text; self.line = line
    }

    /// Removes every ``source`` span in the subtree.
    package mutating func dropSources() {
        source = nil
        for i in children.indices { children[i].dropSources() }
    }

    /// The first child with this local name.
    package func child(_ name: String) -> XElement? { children.first { $0.name == name } }
    /// Every child with this local name, in order.
    package func children(_ name: String) -> [XElement] { children.filter { $0.name == name } }
    /// The value of the attribute with this name.
    package func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    /// The text of the first child with this name, trimmed; `nil` when absent or empty.
    package func childText(_ name: String) -> String? {
        guard let c = child(name) else { return nil }
        let t = c.text.trimmingXMLSpace()
        return t.isEmpty ? nil : t
    }
    /// The text of the first descendant reached by the path of local names.
    package func path(_ names: String...) -> XElement? {
        var e: XElement? = self
        for n in names { e = e?.child(n) }
        return e
    }
}

extension String {
    /// Without leading and trailing XML white space (space, tab, CR, LF).
    package func trimmingXMLSpace() -> String {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end, isSpace(u[start]) { start = u.index(after: start) }
        while end > start, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        if start == u.startIndex && end == u.endIndex { return self }
        return String(Substring(self[start..<end]))
    }

    /// Whether the string is only XML white space (or empty).
    package var isXMLWhiteSpace: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }
}
