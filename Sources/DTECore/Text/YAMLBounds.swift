import Foundation

/// Bounds a YAML text must keep before a YAML parser sees it. Yams' loader recurses once per
/// nesting level, so a few thousand nested `[` (or block mappings) overflow the stack and crash
/// the process: the depth is measured here, on the text, without recursion. Templates and
/// emisor profiles are a few hundred bytes and at most ~5 levels deep.
package enum YAMLBounds {
    /// Stack for ``onLargeStack(_:)``: enough for Yams' recursion over any text within
    /// ``maxBytes`` (at most one nesting level per byte, a few hundred bytes of stack per level,
    /// more under AddressSanitizer), so the bounds below are a friendly first check, not the only
    /// thing between an input and a stack overflow. Reserved, not touched, unless used.
    package static let parserStackBytes = 256 << 20

    /// Runs `body` (a YAML parse and everything that holds its tree, so the tree is also freed
    /// there) on a thread with a ``parserStackBytes`` stack and waits for it.
    package static func onLargeStack<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) throws(E) -> T {
        let box = ResultBox<T, E>()
        let thread = Thread {
            do throws(E) { box.result = .success(try body()) } catch { box.result = .failure(error) }
            box.done.signal()
        }
        thread.stackSize = parserStackBytes
        thread.name = "dtekit-yaml"
        thread.start()
        box.done.wait()
        guard let result = box.result else { preconditionFailure("the YAML thread ended without a result") }
        return try result.get()
    }

    /// Largest accepted text, bytes.
    package static let maxBytes = 64 * 1024
    /// Deepest accepted nesting (flow brackets, indentation levels and compact `- -` items together).
    package static let maxDepth = 32

    /// `nil` when `text` is within the bounds, else a sentence saying which bound it breaks.
    package static func problem(in text: String, maxBytes: Int = maxBytes, maxDepth: Int = maxDepth) -> String? {
        let raw = Array(text.utf8)
        if raw.count > maxBytes { return "the YAML text has \(raw.count) bytes, more than the limit of \(maxBytes)" }
        let bytes = normalisedLineBreaks(raw)
        if hasAliasOrAnchor(bytes) {
            return "YAML anchors and aliases (&name, *name) are not accepted: write each value out (quote a text that starts with & or *)"
        }
        let depth = nestingUpperBound(bytes)
        if depth > maxDepth { return "the YAML nests \(depth) levels deep, more than the limit of \(maxDepth)" }
        return nil
    }

    /// Every line break YAML's parser (libyaml) knows — CR, CR LF, NEL, LS, PS — as one LF, so
    /// that a comment ended by a CR cannot hide the brackets after it from this scanner.
    static func normalisedLineBreaks(_ b: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x0D {
                out.append(0x0A); i += (i + 1 < b.count && b[i + 1] == 0x0A) ? 2 : 1
            } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 {
                out.append(0x0A); i += 2
            } else if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                out.append(0x0A); i += 3
            } else {
                out.append(c); i += 1
            }
        }
        return out
    }

    /// Whether a token may start after `previous` (white space, a line start, or a flow indicator):
    /// only there do `"`, `'`, `&` and `*` have a meaning; inside a plain scalar they are text.
    private static func tokenStart(after previous: UInt8) -> Bool {
        previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") || previous == UInt8(ascii: "\n")
            || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
            || previous == UInt8(ascii: ":")
    }

    /// Anchors and aliases: Yams copies an alias's node where it is used, so nested aliases
    /// (`&a [x, x, …]`, `&b [*a, *a, …]`, …) grow a tree exponentially from a few hundred bytes.
    /// Templates and profiles never need them. Conservative: `&`/`*` followed by a name
    /// character at a token start, outside quotes and comments.
    static func hasAliasOrAnchor(_ bytes: [UInt8]) -> Bool {
        var quote: UInt8? = nil
        var previous = UInt8(ascii: "\n")
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if let q = quote {
                if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\") { i += 2; previous = 0; continue }
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "#"), tokenStart(after: previous) {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                previous = UInt8(ascii: "\n"); i += 1; continue
            } else if (c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")), tokenStart(after: previous) {
                quote = c
            } else if (c == UInt8(ascii: "&") || c == UInt8(ascii: "*")), tokenStart(after: previous),
                      i + 1 < bytes.count, !tokenStart(after: bytes[i + 1]), bytes[i + 1] != UInt8(ascii: "]"),
                      bytes[i + 1] != UInt8(ascii: "}") {
                return true
            }
            previous = c
            i += 1
        }
        return false
    }

    /// An upper bound of the nesting depth: per line, the indentation levels open plus the
    /// compact sequence dashes that start it, plus the flow brackets open (outside quotes and
    /// comments) anywhere in it. Quotes open only at a token start (a `'` inside a plain scalar
    /// is text), a `\"` inside a double-quoted scalar does not close it: an input cannot make
    /// this scanner think brackets are quoted when the parser does not. `bytes` have LF breaks
    /// only (``normalisedLineBreaks(_:)``).
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
                    if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\") { i += 2; previous = 0; continue }
                    if c == q { quote = nil }
                } else if (c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")), tokenStart(after: previous) {
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

/// The result a worker thread hands back: written once before `done` signals, read after it.
// Unchecked: the semaphore orders the one write before the one read, which a lock would only repeat.
private final class ResultBox<T, E: Error>: @unchecked Sendable {
    var result: Result<T, E>?
    let done = DispatchSemaphore(value: 0)
}
