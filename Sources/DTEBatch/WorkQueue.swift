import Foundation

/// A bounded blocking FIFO between the file-walking thread and the render threads: the walker
/// blocks when `capacity` inputs are waiting, so memory never grows with the input count.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false

    init(capacity: Int) {
        buffer = Array(repeating: nil, count: max(1, capacity))
    }

    /// Blocks while full. Returns false when the queue was closed (the element is dropped).
    @discardableResult
    func put(_ element: Element) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while count == buffer.count && !closed { condition.wait() }
        guard !closed else { return false }
        buffer[(head + count) % buffer.count] = element
        count += 1
        condition.broadcast()
        return true
    }

    /// Blocks while empty and open; `nil` once closed and drained.
    func take() -> Element? {
        condition.lock(); defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        guard count > 0 else { return nil }
        let element = buffer[head]
        buffer[head] = nil
        head = (head + 1) % buffer.count
        count -= 1
        condition.broadcast()
        return element
    }

    /// No more puts; takers drain what is left, then get `nil`.
    func close() {
        condition.lock(); closed = true; condition.broadcast(); condition.unlock()
    }

    /// Drops everything waiting and closes (cancellation).
    func abandon() {
        condition.lock()
        closed = true
        for i in buffer.indices { buffer[i] = nil }
        count = 0
        condition.broadcast()
        condition.unlock()
    }
}

/// A flag set once from any thread.
final class AtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

/// Where the XML's root element says whether a file holds exactly one `<DTE>` (so a shard that
/// does not own document 0 can pass it by without parsing). Conservative: anything unusual
/// (a DOCTYPE, no root found) answers `false`, which only means "parse it".
enum XMLRootSniffer {
    static func isSingleDTE(_ data: Data) -> Bool {
        rootName(data) == "DTE"
    }

    static func rootName(_ data: Data) -> String? {
        let limit = min(data.count, 64 * 1024)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            func at(_ j: Int) -> UInt8? { j < limit ? b[j] : nil }
            while i < limit {
                guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
                guard let next = at(i + 1) else { return nil }
                if next == UInt8(ascii: "?") {          // declaration / PI: skip to "?>"
                    var j = i + 2
                    while j + 1 < limit, !(b[j] == UInt8(ascii: "?") && b[j + 1] == UInt8(ascii: ">")) { j += 1 }
                    i = j + 2; continue
                }
                if next == UInt8(ascii: "!") {
                    if at(i + 2) == UInt8(ascii: "-"), at(i + 3) == UInt8(ascii: "-") {   // comment
                        var j = i + 4
                        while j + 2 < limit, !(b[j] == UInt8(ascii: "-") && b[j + 1] == UInt8(ascii: "-") && b[j + 2] == UInt8(ascii: ">")) { j += 1 }
                        i = j + 3; continue
                    }
                    return nil                          // DOCTYPE or CDATA before the root: parse
                }
                var j = i + 1
                var name: [UInt8] = []
                while j < limit {
                    let c = b[j]
                    if c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d { break }
                    name.append(c); j += 1
                }
                let full = String(decoding: name, as: UTF8.self)
                if let colon = full.lastIndex(of: ":") { return String(full[full.index(after: colon)...]) }
                return full
            }
            return nil
        }
    }
}
