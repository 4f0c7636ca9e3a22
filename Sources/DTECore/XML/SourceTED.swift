/// The TED taken from the file's own bytes, never from a re-serialised tree.
///
/// The SII's timbre is the `<TED>` element flattened (no white space between tags, no namespace
/// declarations) in ISO-8859-1, with the text escaped *as the issuer wrote it*: `&#39;`,
/// `&apos;`, `'`, `&#x27;` or a CDATA section are different bytes, and the barcode must carry the
/// ones the file has. Re-serialising a parsed tree loses that, so the reader scans the source
/// bytes for each `TED` and flattens those bytes instead.
///
/// The scanner only runs on input libxml2 has already accepted as well-formed, but it is still
/// written for any bytes: every index is bounds-checked, every loop advances.
package enum SourceTED {
    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let q1 = UInt8(ascii: "'"), q2 = UInt8(ascii: "\"")

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// A piece of markup or text, by byte range.
    enum Token {
        case start(name: Range<Int>, attributes: [(name: Range<Int>, value: Range<Int>, quote: UInt8)], selfClosing: Bool, range: Range<Int>)
        case end(name: Range<Int>, range: Range<Int>)
        case text(Range<Int>)
        case cdata(Range<Int>)
        /// Comments, processing instructions, other `<!…>`.
        case other(Range<Int>)

        var range: Range<Int> {
            switch self {
            case let .start(_, _, _, r), let .end(_, r): return r
            case let .text(r), let .cdata(r), let .other(r): return r
            }
        }
    }

    private static func find(_ pattern: [UInt8], in b: [UInt8], from: Int, to end: Int) -> Int? {
        guard !pattern.isEmpty, end - from >= pattern.count else { return nil }
        var i = from
        let last = end - pattern.count
        while i <= last {
            if b[i] == pattern[0] {
                var k = 1
                while k < pattern.count, b[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Splits `b[range]` into tokens; `nil` when the markup is not what a well-formed document has.
    static func tokenize(_ b: [UInt8], _ range: Range<Int>) -> [Token]? {
        var tokens: [Token] = []
        var i = range.lowerBound
        let end = min(range.upperBound, b.count)
        while i < end {
            if b[i] != lt {
                var k = i
                while k < end, b[k] != lt { k += 1 }
                tokens.append(.text(i..<k))
                i = k
                continue
            }
            guard i + 1 < end else { return nil }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") {
                if find(Array("<![CDATA[".utf8), in: b, from: i, to: min(end, i + 9)) == i {
                    guard let close = find(Array("]]>".utf8), in: b, from: i + 9, to: end) else { return nil }
                    tokens.append(.cdata(i..<(close + 3))); i = close + 3
                } else if find(Array("<!--".utf8), in: b, from: i, to: min(end, i + 4)) == i {
                    guard let close = find(Array("-->".utf8), in: b, from: i + 4, to: end) else { return nil }
                    tokens.append(.other(i..<(close + 3))); i = close + 3
                } else {
                    guard let close = find([gt], in: b, from: i, to: end) else { return nil }
                    tokens.append(.other(i..<(close + 1))); i = close + 1
                }
            } else if next == UInt8(ascii: "?") {
                guard let close = find(Array("?>".utf8), in: b, from: i + 2, to: end) else { return nil }
                tokens.append(.other(i..<(close + 2))); i = close + 2
            } else if next == slash {
                var k = i + 2
                while k < end, b[k] != gt, !isSpace(b[k]) { k += 1 }
                let name = (i + 2)..<k
                guard let close = find([gt], in: b, from: k, to: end) else { return nil }
                tokens.append(.end(name: name, range: i..<(close + 1))); i = close + 1
            } else {
                var k = i + 1
                while k < end, b[k] != gt, b[k] != slash, !isSpace(b[k]) { k += 1 }
                let name = (i + 1)..<k
                guard !name.isEmpty else { return nil }
                var attributes: [(name: Range<Int>, value: Range<Int>, quote: UInt8)] = []
                var selfClosing = false
                var closed = false
                while k < end {
                    let c = b[k]
                    if isSpace(c) { k += 1; continue }
                    if c == gt { closed = true; k += 1; break }
                    if c == slash { selfClosing = true; k += 1; continue }
                    // An attribute: name = "value"
                    let nStart = k
                    while k < end, b[k] != UInt8(ascii: "="), b[k] != gt, !isSpace(b[k]) { k += 1 }
                    let aName = nStart..<k
                    while k < end, isSpace(b[k]) { k += 1 }
                    guard k < end, b[k] == UInt8(ascii: "=") else { return nil }
                    k += 1
                    while k < end, isSpace(b[k]) { k += 1 }
                    guard k < end, b[k] == q1 || b[k] == q2 else { return nil }
                    let quote = b[k]
                    guard let close = find([quote], in: b, from: k + 1, to: end) else { return nil }
                    attributes.append((aName, (k + 1)..<close, quote))
                    k = close + 1
                }
                guard closed else { return nil }
                tokens.append(.start(name: name, attributes: attributes, selfClosing: selfClosing, range: i..<k))
                i = k
            }
        }
        return tokens
    }

    private static func localName(_ b: [UInt8], _ r: Range<Int>) -> ArraySlice<UInt8> {
        let s = b[r]
        if let colon = s.lastIndex(of: UInt8(ascii: ":")) { return s[(colon + 1)...] }
        return s
    }

    /// The byte ranges of every element with local name `name` (nested ones too), in document
    /// order of their start tags. `nil` when the bytes do not scan.
    package static func elementRanges(named name: String, in b: [UInt8]) -> [Range<Int>]? {
        let target = Array(name.utf8)
        guard find(target, in: b, from: 0, to: b.count) != nil else { return [] }
        guard let tokens = tokenize(b, 0..<b.count) else { return nil }
        var open: [(depth: Int, start: Int, order: Int)] = []
        var found: [(order: Int, range: Range<Int>)] = []
        var depth = 0, order = 0
        for t in tokens {
            switch t {
            case let .start(n, _, selfClosing, r):
                let matches = localName(b, n).elementsEqual(target)
                if matches {
                    if selfClosing { found.append((order, r)) } else { open.append((depth, r.lowerBound, order)) }
                    order += 1
                }
                if !selfClosing { depth += 1 }
            case let .end(_, r):
                depth -= 1
                if let last = open.last, last.depth == depth {
                    open.removeLast()
                    found.append((last.order, last.start..<r.upperBound))
                }
            default: break
            }
        }
        guard open.isEmpty else { return nil }
        return found.sorted { $0.order < $1.order }.map(\.range)
    }

    /// Flattens an element's source bytes the SII's way: white space between tags dropped (a
    /// leaf's own text is kept as written), namespace declarations dropped, tags rewritten as
    /// `<name attr="value">` with each attribute value's bytes as written, comments and PIs
    /// dropped; text, character references, entity references and CDATA sections stay as they
    /// are. With `stripPrefixes`, `siid:TED` becomes `TED`. With `utf8`, the result is
    /// transcoded to ISO-8859-1 (characters above U+00FF as `&#N;`); single-byte files keep
    /// their bytes.
    package static func flatten(_ b: [UInt8], _ range: Range<Int>, utf8: Bool, stripPrefixes: Bool) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= b.count, let tokens = tokenize(b, range) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        func name(_ r: Range<Int>) -> ArraySlice<UInt8> { stripPrefixes ? localName(b, r) : b[r] }
        for (index, t) in tokens.enumerated() {
            switch t {
            case let .start(n, attributes, selfClosing, _):
                out.append(lt)
                out.append(contentsOf: name(n))
                for a in attributes {
                    let an = b[a.name]
                    if an.elementsEqual("xmlns".utf8) || an.starts(with: "xmlns:".utf8) { continue }
                    out.append(0x20)
                    out.append(contentsOf: an)
                    out.append(contentsOf: [UInt8(ascii: "="), q2])
                    for c in b[a.value] {
                        if c == q2 { out.append(contentsOf: Array("&quot;".utf8)) } else { out.append(c) }
                    }
                    out.append(q2)
                }
                if selfClosing { out.append(slash) }
                out.append(gt)
            case let .end(n, _):
                out.append(contentsOf: [lt, slash])
                out.append(contentsOf: name(n))
                out.append(gt)
            case let .text(r):
                if b[r].allSatisfy(isSpace) {
                    // Kept only as a leaf's whole content: <IT1> </IT1>.
                    let leaf: Bool
                    if index > 0, index + 1 < tokens.count, case .start(_, _, false, _) = tokens[index - 1],
                       case .end = tokens[index + 1] { leaf = true } else { leaf = false }
                    if !leaf { continue }
                }
                out.append(contentsOf: b[r])
            case let .cdata(r):
                out.append(contentsOf: b[r])
            case .other:
                continue
            }
        }
        guard utf8 else { return out }
        var latin: [UInt8] = []
        latin.reserveCapacity(out.count)
        for scalar in String(decoding: out, as: UTF8.self).unicodeScalars {
            if scalar.value <= 0xFF { latin.append(UInt8(truncatingIfNeeded: scalar.value)) }
            else { latin.append(contentsOf: Array("&#\(scalar.value);".utf8)) }
        }
        return latin
    }

    /// The range of the first child element named `name` (local name) of the flattened element
    /// `b` (depth 1), start tag to end tag.
    package static func childRange(named name: String, in b: [UInt8]) -> Range<Int>? {
        guard let tokens = tokenize(b, 0..<b.count) else { return nil }
        let target = Array(name.utf8)
        var depth = 0
        var start: Int? = nil
        for t in tokens {
            switch t {
            case let .start(n, _, selfClosing, r):
                if start == nil, depth == 1, localName(b, n).elementsEqual(target) {
                    if selfClosing { return r }
                    start = r.lowerBound
                }
                if !selfClosing { depth += 1 }
            case let .end(_, r):
                depth -= 1
                if let s = start, depth == 1 { return s..<r.upperBound }
            default: break
            }
        }
        return nil
    }
}

extension TED {
    /// The TED of a parsed `<TED>` element: its bytes as the file has them.
    ///
    /// Candidates, in order: the source bytes flattened (prefixes such as `siid:` dropped), the
    /// same with the prefixes kept, then the element re-serialised from the tree with quotes
    /// escaped (the SII's rule) and with quotes literal. The first whose DD the FRMT verifies
    /// is taken — the signature proves which bytes were signed; when none verifies (a forged or
    /// damaged stamp, a test file) the source bytes are taken, exactly as the file has them.
    package init(source: XElement.SourceSpan?, tree ddE: XElement, ted tedE: XElement, dd: DD, signature: [UInt8]) {
        var candidates: [(ted: [UInt8], dd: [UInt8])] = []
        if let source {
            let all = 0..<source.bytes.count
            for strip in [true, false] {
                guard let flat = SourceTED.flatten(source.bytes, all, utf8: source.utf8, stripPrefixes: strip),
                      let r = SourceTED.childRange(named: "DD", in: flat) else { continue }
                if candidates.contains(where: { $0.ted == flat }) { continue }
                candidates.append((flat, Array(flat[r])))
            }
        }
        let escaped = (TEDBytes.flatten(tedE, escapeQuotes: true), TEDBytes.flatten(ddE, escapeQuotes: true))
        let literal = (TEDBytes.flatten(tedE, escapeQuotes: false), TEDBytes.flatten(ddE, escapeQuotes: false))
        for c in [escaped, literal] where !candidates.contains(where: { $0.ted == c.0 }) { candidates.append(c) }
        let key = try? RSAPublicKey(modulus: dd.caf.modulus, exponent: dd.caf.exponent)
        let chosen = candidates.first { key?.verifySHA1(signature: signature, message: $0.dd) == true } ?? candidates[0]
        self.init(bytes: chosen.ted, ddBytes: chosen.dd, dd: dd, signature: signature)
    }
}
