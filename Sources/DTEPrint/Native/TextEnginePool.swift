import Foundation

/// The process's idle ``TextEngine``s, by font family, lent to one render at a time.
///
/// A text engine is the costly part of a rendering context: its Pango font map resolves fonts
/// through fontconfig and its caches hold shaped labels. Keeping engines per process rather than
/// per ``Printout`` makes a short-lived printout — one per HTTP request in the onboarding
/// service, where each company brings its own template — as cheap as a long-lived one. The
/// shaped-label caches are keyed by text, font and width, so one engine serves any template of
/// its family with the same results.
final class TextEnginePool: @unchecked Sendable {
    static let shared = TextEnginePool(limitPerFamily: max(2, ProcessInfo.processInfo.activeProcessorCount * 2))

    private let lock = NSLock()
    private var idle: [String: [TextEngine]] = [:]
    private let limitPerFamily: Int
    /// Families with idle engines kept; past it the least recently returned family is dropped.
    private static let familyLimit = 16
    private var recent: [String] = []

    init(limitPerFamily: Int) { self.limitPerFamily = limitPerFamily }

    func borrow(family: String) -> TextEngine {
        lock.lock()
        if let engine = idle[family]?.popLast() { lock.unlock(); return engine }
        lock.unlock()
        return TextEngine(family: family)
    }

    func giveBack(_ engine: TextEngine) {
        engine.endDocument()
        var dropped: [TextEngine] = []
        lock.lock()
        let family = engine.family
        if idle[family, default: []].count < limitPerFamily { idle[family, default: []].append(engine) }
        recent.removeAll { $0 == family }
        recent.append(family)
        while recent.count > Self.familyLimit {
            let old = recent.removeFirst()
            dropped += idle.removeValue(forKey: old) ?? []
        }
        lock.unlock()
        _ = dropped      // released outside the lock
    }
}
