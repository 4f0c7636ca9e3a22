import DTEKit
import Foundation

/// The printouts made for recent requests, by the template's YAML and the logo's bytes.
///
/// A company personalising its printout sends the same template and logo with every preview,
/// and a provider printing a day's documents sends the same template with every printout:
/// parsing and checking the template and decoding the logo once, not per request, is most of
/// what the service adds to a render. Keys are the full YAML text and logo bytes (compared in
/// full, so two companies' requests can never share an entry by a hash collision); the cache
/// keeps at most `entryLimit` entries and `byteLimit` bytes of keys, dropping the least recently
/// used first. Failures are not cached: a bad template is checked again on every request.
final class PrintoutCache: @unchecked Sendable {
    struct Key: Hashable {
        var yaml: String
        var logo: Data?
        var byteCount: Int { yaml.utf8.count + (logo?.count ?? 0) }
    }

    private let lock = NSLock()
    private var entries: [Key: (printout: Printout, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    private var bytes = 0
    let entryLimit: Int
    let byteLimit: Int

    init(entryLimit: Int = 64, byteLimit: Int = 64 << 20) {
        self.entryLimit = entryLimit
        self.byteLimit = byteLimit
    }

    /// The cached printout for `key`, or the one `make` returns (then cached).
    func printout(for key: Key, make: () throws(ServiceError) -> Printout) throws(ServiceError) -> Printout {
        lock.lock()
        clock &+= 1
        if let hit = entries[key] {
            entries[key] = (hit.printout, clock)
            lock.unlock()
            return hit.printout
        }
        lock.unlock()
        let made = try make()
        guard key.byteCount <= byteLimit / 4 else { return made }    // too large to be worth keeping
        var evicted: [Printout] = []
        lock.lock()
        if entries[key] == nil {
            entries[key] = (made, clock)
            bytes += key.byteCount
            while entries.count > entryLimit || bytes > byteLimit,
                  let oldest = entries.min(by: { $0.value.used < $1.value.used }) {
                entries.removeValue(forKey: oldest.key)
                bytes -= oldest.key.byteCount
                evicted.append(oldest.value.printout)
            }
        }
        lock.unlock()
        _ = evicted     // released outside the lock
        return made
    }

    /// Entries held (tests and metrics).
    var count: Int { lock.lock(); defer { lock.unlock() }; return entries.count }
}
