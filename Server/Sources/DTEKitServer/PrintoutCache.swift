import DTEKit
import Foundation
import Synchronization

/// The printouts made for recent requests, by the template's YAML and the logo's bytes.
///
/// A company personalising its printout sends the same template and logo with every preview,
/// and a provider printing a day's documents sends the same template with every printout:
/// parsing and checking the template and decoding the logo once, not per request, is most of
/// what the service adds to a render. Keys are the full YAML text and logo bytes (compared in
/// full, so two companies' requests can never share an entry by a hash collision); the cache
/// keeps at most `entryLimit` entries and `byteLimit` bytes of keys, dropping the least recently
/// used first. Failures are not cached: a bad template is checked again on every request.
final class PrintoutCache: Sendable {
    struct Key: Hashable {
        var yaml: String
        var logo: Data?
        var byteCount: Int { yaml.utf8.count + (logo?.count ?? 0) }
    }

    private struct State {
        var entries: [Key: (printout: Printout, used: UInt64)] = [:]
        var clock: UInt64 = 0
        var bytes = 0
    }

    private let state = Mutex(State())
    let entryLimit: Int
    let byteLimit: Int

    init(entryLimit: Int = 64, byteLimit: Int = 64 << 20) {
        self.entryLimit = entryLimit
        self.byteLimit = byteLimit
    }

    /// The cached printout for `key`, or the one `make` returns (then cached).
    func printout(for key: Key, make: () throws(ServiceError) -> Printout) throws(ServiceError) -> Printout {
        let hit: Printout? = state.withLock { s in
            s.clock &+= 1
            guard let hit = s.entries[key] else { return nil }
            s.entries[key] = (hit.printout, s.clock)
            return hit.printout
        }
        if let hit { return hit }
        let made = try make()
        guard key.byteCount <= byteLimit / 4 else { return made }    // too large to be worth keeping
        let evicted: [Printout] = state.withLock { s in
            guard s.entries[key] == nil else { return [] }
            var evicted: [Printout] = []
            s.entries[key] = (made, s.clock)
            s.bytes += key.byteCount
            while s.entries.count > entryLimit || s.bytes > byteLimit,
                  let oldest = s.entries.min(by: { $0.value.used < $1.value.used }) {
                s.entries.removeValue(forKey: oldest.key)
                s.bytes -= oldest.key.byteCount
                evicted.append(oldest.value.printout)
            }
            return evicted
        }
        _ = evicted     // released outside the lock
        return made
    }

    /// Entries held (tests and metrics).
    var count: Int { state.withLock { $0.entries.count } }
}
