/// Bounds a YAML text must keep before a YAML parser sees it. Yams' loader recurses once per
/// nesting level, so a few thousand nested `[` (or block mappings) overflow the stack and crash
/// the process: the depth is measured here, on the text, without recursion. Templates and
/// emisor profiles are a few hundred bytes and at most ~5 levels deep.
package enum YAMLBounds {
    /// Largest accepted text, bytes.
    package static let maxBytes = 64 * 1024
    /// Deepest accepted nesting (flow brackets, indentation levels and compact `- -` items together).
    package static let maxDepth = 32

    /// `nil` when `text` is within the bounds, else a sentence saying which bound it breaks.
    package static func problem(in text: String, maxBytes: Int = maxBytes, maxDepth: Int = maxDepth) -> String? {
        let bytes = Array(text.utf8)
        if bytes.count > maxBytes { return "the YAML text has \(bytes.count) bytes, more than the limit of \(maxBytes)" }
        let depth = nestingUpperBound(bytes)
        if depth > maxDepth { return "the YAML nests \(depth) levels deep, more than the limit of \(maxDepth)" }
        return nil
    }

    /// An upper bound of the nesting depth: per line, the indentation levels open plus the
    /// compact sequence dashes that start it, plus the flow brackets open (outside quotes and
    /// comments) anywhere in it.
    static func nestingUpperBound(_ bytes: [UInt8]) -> Int {
        var indents: [Int] = []        // indentation widths of the open block levels
        var flow = 0, deepest = 0
        var quote: UInt8? = nil
        var i = 0
        while i < bytes.count {
            // At a line start (outside flow collections and quotes): block structure.
            var lineDepth = indents.count    // a continuation line inside brackets or quotes
            if flow == 0 && quote == nil {
                var width = 0
                while i < bytes.count, bytes[i] == UInt8(ascii: " ") { width += 1; i += 1 }
                let blank = i >= bytes.count || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "#")
                if !blank {
                    while let last = indents.last, last >= width { indents.removeLast() }
                    indents.append(width)
                    var dashes = 0
                    while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: " ") {
                        dashes += 1; i += 2
                        while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
                    }
                    lineDepth = indents.count + dashes
                }
            }
            // The rest of the line: flow brackets outside quotes and comments.
            var previous: UInt8 = UInt8(ascii: " ")
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") || quote != nil {
                let c = bytes[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: "#") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")) {
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                    break
                } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    flow += 1
                } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    flow = max(0, flow - 1)
                }
                deepest = max(deepest, lineDepth + flow)
                previous = c
                i += 1
            }
            deepest = max(deepest, lineDepth)
            i += 1    // the newline
        }
        return deepest
    }
}
