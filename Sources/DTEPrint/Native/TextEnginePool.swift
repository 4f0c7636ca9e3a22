import DTECore
import Foundation

/// The process's idle ``TextEngine``s, by font family, lent to one render at a time.
///
/// A text engine is the costly part of a rendering context: its Pango font map resolves fonts
/// through fontconfig and its caches hold shaped labels. Keeping engines per process rather than
/// per ``Printout`` makes a short-lived printout — one per HTTP request in the onboarding
/// service, where each company brings its own template — as cheap as a long-lived one. The
/// shaped-label caches are keyed by text, font and width, so one engine serves any template of
/// its family with the same results.
final class TextEnginePool: Sendable {
    static let shared = TextEnginePool(limitPerFamily: max(2, ProcessInfo.processInfo.activeProcessorCount * 2))

    private struct Idle {
        var engines: [String: [TextEngine]] = [:]
        /// Families by when an engine was last returned, oldest first.
        var recent: [String] = []
    }

    private let idle = Locked(Idle())
    private let limitPerFamily: Int
    /// Families with idle engines kept; past it the least recently returned family is dropped.
    private static let familyLimit = 16

    init(limitPerFamily: Int) { self.limitPerFamily = limitPerFamily }

    func borrow(family: String) -> TextEngine {
        idle.withLock { $0.engines[family]?.popLast() } ?? TextEngine(family: family)
    }

    func giveBack(_ engine: TextEngine) {
        engine.endDocument()
        let family = engine.family
        let limit = limitPerFamily
        let dropped: [TextEngine] = idle.withLock { state in
            if state.engines[family, default: []].count < limit { state.engines[family, default: []].append(engine) }
            state.recent.removeAll { $0 == family }
            state.recent.append(family)
            var dropped: [TextEngine] = []
            while state.recent.count > Self.familyLimit {
                dropped += state.engines.removeValue(forKey: state.recent.removeFirst()) ?? []
            }
            return dropped
        }
        _ = dropped      // released outside the lock
    }
}
