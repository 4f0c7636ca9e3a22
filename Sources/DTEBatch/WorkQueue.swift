import DTECore
import Foundation

/// A bounded blocking FIFO (walker → render threads, render threads → writer threads): a putter
/// blocks when `capacity` elements are waiting, so memory never grows with the input count.
/// Wake-ups are batched both ways — putters are woken when the queue has drained to half,
/// takers when `wakeTakersAt` elements wait — so a hand-off is not a futex call per element.
// Not `Locked`: takers and putters wait on the condition variable, which a plain lock cannot do.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false
    /// Takers sleep until this many elements wait (or the queue closes).
    private let wakeThreshold: Int
    /// Putters sleeping on a full queue are woken when it drains to this level. It must be at
    /// least `wakeThreshold - 1`, the level takers drain it to, or both sides could sleep.
    private let putterWakeLevel: Int
    /// With a value, a taker also takes fewer than `wakeThreshold` elements once the first of
    /// them has waited this long: a group is never held back indefinitely when the putters
    /// pause (a slow input, the end of a burst, a paused renderer).
    private let flushAfter: TimeInterval?

    /// - Parameter wakeTakersAt: how many elements must wait before a sleeping taker is woken
    ///   (clamped to `1...capacity`). Above 1 it batches hand-offs: fewer wake-ups, and a
    ///   taker that drains with ``take(upTo:)`` gets groups of at least that size.
    init(capacity: Int, wakeTakersAt: Int = 1, flushAfter: TimeInterval? = nil) {
        self.flushAfter = flushAfter
        buffer = Array(repeating: nil, count: max(1, capacity))
        wakeThreshold = min(max(1, wakeTakersAt), max(1, capacity))
        putterWakeLevel = max(max(1, capacity) / 2, wakeThreshold - 1)
    }

    /// Blocks while full. Returns false when the queue was closed (the element is dropped).
    @discardableResult
    func put(_ element: Element) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while count == buffer.count && !closed { condition.wait() }
        guard !closed else { return false }
        buffer[(head + count) % buffer.count] = element
        count += 1
        // Takers wait only below the threshold: waking everyone on every put would cost a
        // futex call per element and per waiter.
        if count == wakeThreshold || (count == 1 && flushAfter != nil) { condition.broadcast() }
        return true
    }

    /// Blocks while fewer than the wake threshold wait and the queue is open; `nil` once closed
    /// and drained.
    func take() -> Element? {
        condition.lock(); defer { condition.unlock() }
        while count < wakeThreshold && !closed { condition.wait() }
        guard count > 0 else { return nil }
        return removeFirst()
    }

    /// Blocks while fewer than the wake threshold wait and the queue is open (or, with
    /// `flushAfter`, until the waiting ones have waited that long), then takes up to `limit`
    /// waiting elements at once; `nil` once closed and drained.
    func take(upTo limit: Int) -> [Element]? {
        condition.lock(); defer { condition.unlock() }
        while count < wakeThreshold && !closed {
            if count > 0, let flushAfter {
                // Some wait: take them when no more arrive within `flushAfter`.
                if !condition.wait(until: Date(timeIntervalSinceNow: flushAfter)), count > 0, count < wakeThreshold { break }
            } else {
                condition.wait()
            }
        }
        guard count > 0 else { return nil }
        var taken: [Element] = []
        taken.reserveCapacity(min(count, max(1, limit)))
        while count > 0, taken.count < max(1, limit), let element = removeFirst() { taken.append(element) }
        return taken
    }

    /// Called with the lock held and `count > 0`.
    private func removeFirst() -> Element? {
        let element = buffer[head]
        buffer[head] = nil
        head = (head + 1) % buffer.count
        // Putters wait only while the queue is full; they are woken once it has drained to
        // `putterWakeLevel` (half), so a putter refills many elements per wake-up, not one.
        count -= 1
        if count == putterWakeLevel { condition.broadcast() }
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
struct AtomicFlag: Sendable {
    private let value = Locked(false)
    var isSet: Bool { value.current }
    func set() { value.withLock { $0 = true } }
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
