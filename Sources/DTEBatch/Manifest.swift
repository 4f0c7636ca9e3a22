import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the manifest remembers about one input file.
struct ManifestEntry: Codable, Sendable, Equatable {
    /// Input path relative to its INPUT argument.
    var k: String
    /// SHA-256 of the input file's bytes.
    var h: String
    /// The renderer fingerprint (template + logo + renderer version) the outputs were made with.
    var f: String
    /// Number of documents in the file.
    var n: Int
    /// The outputs this shard wrote for the file.
    var o: [String]
}

private struct ManifestHeader: Codable {
    var format: String
    var version: Int
}

/// The incremental manifest: a JSON-lines file in the output folder
/// (`.dtekit-manifest[.shard-K-of-N].jsonl`): a header line, then one line per input file,
/// appended (one `write`) as soon as the file's outputs are in place, fsync'ed every few
/// seconds, and rewritten compactly (atomically) at the start and end of a run. A kill loses
/// at most the lines not yet written; a torn or unreadable line is ignored; a missing or
/// foreign file means a full re-render — never a wrong skip, because an entry is only trusted
/// when the input hash, the fingerprint and the output files all still match.
final class Manifest: @unchecked Sendable {
    static let format = "dtekit-batch-manifest"
    static let version = 1

    let path: String
    private let lock = NSLock()
    private var entries: [String: ManifestEntry] = [:]
    private var journalFD: Int32 = -1
    private var lastSync = Date()
    private let syncInterval: TimeInterval
    private let sync: Bool

    init(folder: URL, shardTag: String, syncInterval: TimeInterval = 2, sync: Bool = true) {
        path = folder.appendingPathComponent("\(OutputFolder.hiddenPrefix)manifest\(shardTag).jsonl").path
        self.syncInterval = syncInterval
        self.sync = sync
    }

    deinit { if journalFD >= 0 { Posix.closeFD(journalFD) } }

    var count: Int { lock.lock(); defer { lock.unlock() }; return entries.count }

    /// Loads what can be trusted; returns how many lines were ignored as corrupt.
    @discardableResult
    func load() -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        var ignored = 0
        let decoder = JSONDecoder()
        var first = true
        var loaded: [String: ManifestEntry] = [:]
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if first {
                first = false
                guard let header = try? decoder.decode(ManifestHeader.self, from: Data(line)),
                      header.format == Manifest.format, header.version == Manifest.version else {
                    return 1   // foreign or corrupt file: trust nothing
                }
                continue
            }
            if let entry = try? decoder.decode(ManifestEntry.self, from: Data(line)) {
                loaded[entry.k] = entry
            } else {
                ignored += 1
            }
        }
        lock.lock(); entries = loaded; lock.unlock()
        return ignored
    }

    func entry(for key: String) -> ManifestEntry? {
        lock.lock(); defer { lock.unlock() }
        return entries[key]
    }

    /// Rewrites the manifest compactly (atomically) and opens it for appending. With
    /// `keeping`, entries whose key is not in the set are dropped (inputs that disappeared).
    func compact(keeping: Set<String>? = nil) throws(BatchError) {
        lock.lock(); defer { lock.unlock() }
        if journalFD >= 0 { Posix.closeFD(journalFD); journalFD = -1 }
        if let keeping { entries = entries.filter { keeping.contains($0.key) } }
        var out = Data()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let header = try? encoder.encode(ManifestHeader(format: Manifest.format, version: Manifest.version)) {
            out.append(header); out.append(UInt8(ascii: "\n"))
        }
        for key in entries.keys.sorted() {
            if let e = entries[key], let line = try? encoder.encode(e) {
                out.append(line); out.append(UInt8(ascii: "\n"))
            }
        }
        try OutputFolder.replaceFile(at: path, with: out, sync: sync)
        journalFD = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        if journalFD < 0 { throw .io(path, reason: String(cString: strerror(errno))) }
        lastSync = Date()
    }

    /// Records an input whose outputs are all in place: one appended line, written now (a
    /// SIGKILL right after loses nothing), fsync'ed every `syncInterval` seconds.
    func record(_ entry: ManifestEntry) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(entry) else { return }
        line.append(UInt8(ascii: "\n"))
        lock.lock(); defer { lock.unlock() }
        entries[entry.k] = entry
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

    /// Forgets an input (its outputs failed or changed): the next run re-renders it.
    func forget(_ key: String) {
        lock.lock(); defer { lock.unlock() }
        entries[key] = nil
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
