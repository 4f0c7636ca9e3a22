import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the manifest remembers about one input file.
struct ManifestEntry: Sendable, Equatable {
    /// Input path relative to its INPUT argument.
    var k: String
    /// SHA-256 of the input file's bytes.
    var h: Digest
    /// The renderer fingerprint (template + logo + renderer version) the outputs were made with.
    var f: String
    /// Number of documents in the file.
    var n: Int
    /// The outputs this shard wrote for the file.
    var o: [String]
    /// Seen by the current run (entries of inputs that disappeared are dropped at the end).
    var seen = false
}

/// The incremental manifest, a text file in the output folder
/// (`.dtekit-manifest[.shard-K-of-N].tsv`): a header line, then one line per input file —
/// tab-separated key, input SHA-256, fingerprint, document count, outputs, and an FNV-1a
/// checksum of the line — appended (one `write`) as soon as the file's outputs are in place,
/// fsync'ed every few seconds, and rewritten compactly (temporary file + rename) when a run
/// changed it. A kill loses at most the lines not yet written; a torn or corrupt line fails
/// its checksum and is ignored; a missing or foreign file means a full re-render. An entry is
/// only trusted when the input hash, the fingerprint and every output file still match.
final class Manifest: @unchecked Sendable {
    static let header = "dtekit-batch-manifest\t2"

    let path: String
    private let lock = NSLock()
    private var entries: [String: ManifestEntry] = [:]
    private var journalFD: Int32 = -1
    private var lastSync = Date()
    private let syncInterval: TimeInterval
    private let sync: Bool
    /// Lines appended or entries forgotten since the last compaction.
    private(set) var dirty = false

    init(folder: URL, shardTag: String, syncInterval: TimeInterval = 2, sync: Bool = true) {
        path = folder.appendingPathComponent("\(OutputFolder.hiddenPrefix)manifest\(shardTag).tsv").path
        self.syncInterval = syncInterval
        self.sync = sync
    }

    deinit { if journalFD >= 0 { Posix.closeFD(journalFD) } }

    var count: Int { lock.lock(); defer { lock.unlock() }; return entries.count }
    /// Marks an input as present in this run.
    func markSeen(_ key: String) {
        lock.lock(); defer { lock.unlock() }
        entries[key]?.seen = true
    }

    /// Whether some entry's input was not seen (deleted or moved since).
    var hasUnseenEntries: Bool {
        lock.lock(); defer { lock.unlock() }
        return entries.values.contains { !$0.seen }
    }

    // MARK: Line format

    private static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x25 || $0 == 0x09 || $0 == 0x0a || $0 == 0x0d }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\t": out += "%09"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func unescape(_ s: Substring) -> String {
        guard s.contains("%") else { return String(s) }
        return String(s).replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
    }

    static func line(_ e: ManifestEntry) -> String {
        var body = escape(e.k) + "\t" + e.h.hex + "\t" + escape(e.f) + "\t" + String(e.n)
        for o in e.o { body += "\t" + escape(o) }
        return body + "\t#" + String(BatchHash.fnv1a64(body), radix: 16) + "\n"
    }

    static func parse(_ line: Substring) -> ManifestEntry? {
        guard let hashMark = line.range(of: "\t#", options: .backwards) else { return nil }
        let body = line[line.startIndex..<hashMark.lowerBound]
        guard let sum = UInt64(line[hashMark.upperBound...], radix: 16), sum == BatchHash.fnv1a64(String(body)) else { return nil }
        let fields = body.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 4, let n = Int(fields[3]), n >= 0, let h = Digest(hex: fields[1]) else { return nil }
        return ManifestEntry(k: unescape(fields[0]), h: h, f: unescape(fields[2]), n: n,
                             o: fields.dropFirst(4).map(unescape))
    }

    // MARK: Operations

    /// Loads what can be trusted. Returns false when the file is missing, foreign, or has
    /// ignored lines (so the caller compacts it before appending).
    @discardableResult
    func load() -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(Manifest.header) else { return false }
        lines.removeFirst()
        var clean = text.hasSuffix("\n")
        if lines.last == "" { lines.removeLast() }
        var loaded: [String: ManifestEntry] = [:]
        loaded.reserveCapacity(lines.count)
        var fingerprints: [String: String] = [:]   // one copy of each fingerprint string
        for l in lines {
            if var e = Manifest.parse(l) {
                if let shared = fingerprints[e.f] { e.f = shared } else { fingerprints[e.f] = e.f }
                loaded[e.k] = e
            } else {
                clean = false
            }
        }
        lock.lock(); entries = loaded; lock.unlock()
        return clean
    }

    /// Opens the existing (clean) file for appending.
    func openForAppend() throws(BatchError) {
        lock.lock(); defer { lock.unlock() }
        if journalFD >= 0 { Posix.closeFD(journalFD) }
        journalFD = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        if journalFD < 0 { throw .io(path, reason: String(cString: strerror(errno))) }
    }

    func entry(for key: String) -> ManifestEntry? {
        lock.lock(); defer { lock.unlock() }
        return entries[key]
    }

    /// Rewrites the manifest compactly (atomically) and opens it for appending. With
    /// `dropUnseen`, entries of inputs this run did not see are dropped.
    func compact(dropUnseen: Bool = false) throws(BatchError) {
        lock.lock(); defer { lock.unlock() }
        if journalFD >= 0 { Posix.closeFD(journalFD); journalFD = -1 }
        if dropUnseen { entries = entries.filter { $0.value.seen } }
        var out = Manifest.header + "\n"
        out.reserveCapacity(entries.count * 200)
        for key in entries.keys.sorted() {
            if let e = entries[key] { out += Manifest.line(e) }
        }
        try OutputFolder.replaceFile(at: path, with: Data(out.utf8), sync: sync)
        journalFD = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        if journalFD < 0 { throw .io(path, reason: String(cString: strerror(errno))) }
        lastSync = Date()
        dirty = false
    }

    /// Records an input whose outputs are all in place: one appended line, written now (a
    /// SIGKILL right after loses nothing), fsync'ed every `syncInterval` seconds.
    func record(_ entry: ManifestEntry) {
        let line = Array(Manifest.line(entry).utf8)
        var entry = entry
        entry.seen = true
        lock.lock(); defer { lock.unlock() }
        entries[entry.k] = entry
        dirty = true
        guard journalFD >= 0 else { return }
        line.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var off = 0
            while off < raw.count {
                let n = write(journalFD, base + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; return }
                off += n
            }
        }
        if sync, Date().timeIntervalSince(lastSync) >= syncInterval {
            _ = fsync(journalFD)
            lastSync = Date()
        }
    }

    /// Forgets an input (its outputs failed): the next run re-renders it.
    func forget(_ key: String) {
        lock.lock(); defer { lock.unlock() }
        if entries.removeValue(forKey: key) != nil { dirty = true }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if journalFD >= 0 {
            if sync { _ = fsync(journalFD) }
            Posix.closeFD(journalFD)
            journalFD = -1
        }
    }
}
