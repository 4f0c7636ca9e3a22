import DTECore
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
}

/// The incremental manifest, a text file in the output folder
/// (`.dtekit-manifest[.shard-K-of-N].tsv`): a header line, then one line per input file —
/// tab-separated key, input SHA-256, fingerprint, document count, outputs, and an FNV-1a
/// checksum of the line — appended (one `write`) as soon as the file's outputs are in place,
/// fsync'ed every few seconds, and rewritten compactly (temporary file + rename) when a run
/// changed it. A kill loses at most the lines not yet written; a torn or corrupt line fails
/// its checksum and is ignored; a missing or foreign file means a full re-render. An entry is
/// only trusted when the input hash, the fingerprint and every output file still match.
///
/// Memory stays small whatever the archive size: only an index (FNV-1a of the key → offset
/// and length of its line in the file, ~32 bytes per input) is kept; lines are read back with
/// `pread` when needed. Two keys with the same 64-bit hash only cost a re-render.
final class Manifest: Sendable {
    static let header = "dtekit-batch-manifest\t2\n"

    struct Slot {
        var offset: UInt64
        var length: UInt32
        var seen: Bool
    }

    /// The index and the open file, changed together under one lock (held across the writes,
    /// so appended lines and their offsets always agree).
    private struct State {
        var index: [UInt64: Slot] = [:]
        var fd: Int32 = -1
        var endOffset: UInt64 = 0
        var lastSync = Date()
        /// Lines appended or entries forgotten since the last compaction.
        var dirty = false
    }

    let path: String
    private let state = Locked(State())
    private let syncInterval: TimeInterval
    private let sync: Bool
    /// Lines appended or entries forgotten since the last compaction.
    var dirty: Bool { state.withLock { $0.dirty } }

    init(folder: URL, shardTag: String, syncInterval: TimeInterval = 2, sync: Bool = true) {
        path = folder.appendingPathComponent("\(OutputFolder.hiddenPrefix)manifest\(shardTag).tsv").path
        self.syncInterval = syncInterval
        self.sync = sync
    }

    deinit {
        let fd = state.withLock { $0.fd }
        if fd >= 0 { Posix.closeFD(fd) }
    }

    var count: Int { state.withLock { $0.index.count } }

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

    /// Parses one line (without its newline); `nil` when torn, altered or malformed.
    static func parse(_ line: Substring) -> ManifestEntry? {
        guard let hashMark = line.range(of: "\t#", options: .backwards) else { return nil }
        let body = line[line.startIndex..<hashMark.lowerBound]
        guard let sum = UInt64(line[hashMark.upperBound...], radix: 16), sum == BatchHash.fnv1a64(String(body)) else { return nil }
        let fields = body.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 4, let n = Int(fields[3]), n >= 0, let h = Digest(hex: fields[1]) else { return nil }
        return ManifestEntry(k: unescape(fields[0]), h: h, f: unescape(fields[2]), n: n,
                             o: fields.dropFirst(4).map(unescape))
    }

    private static func key(_ k: String) -> UInt64 { BatchHash.fnv1a64(k) }

    // MARK: Operations

    /// Indexes what can be trusted, reading the file in 1 MiB chunks, and hands each trusted
    /// entry to `onEntry`. Returns false when the file is missing, foreign, or has ignored lines
    /// (the caller then compacts it).
    @discardableResult
    func load(onEntry: (ManifestEntry) -> Void = { _ in }) -> Bool {
        let rfd = open(path, O_RDONLY | O_CLOEXEC)
        guard rfd >= 0 else { return false }
        defer { Posix.closeFD(rfd) }
        var loaded: [UInt64: Slot] = [:]
        var clean = true
        var pending = [UInt8]()
        var fileOffset: UInt64 = 0          // offset of pending[0] in the file
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var sawHeader = false
        while true {
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Posix.readFD(rfd, base, raw.count)
            }
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { break }
            pending.append(contentsOf: chunk[0..<n])
            var start = 0
            while let nl = pending[start...].firstIndex(of: 0x0a) {
                let lineBytes = pending[start..<nl]
                let offset = fileOffset + UInt64(start)
                if !sawHeader {
                    guard String(decoding: lineBytes, as: UTF8.self) + "\n" == Manifest.header else { return false }
                    sawHeader = true
                } else if let e = Manifest.parse(Substring(String(decoding: lineBytes, as: UTF8.self))) {
                    loaded[Manifest.key(e.k)] = Slot(offset: offset, length: UInt32(clamping: nl - start + 1), seen: false)
                    onEntry(e)
                } else {
                    clean = false
                }
                start = nl + 1
            }
            pending.removeFirst(start)
            fileOffset += UInt64(start)
        }
        if !pending.isEmpty { clean = false }   // torn last line
        guard sawHeader else { return false }
        let end = fileOffset + UInt64(pending.count)
        state.withLock { $0.index = loaded; $0.endOffset = end }
        return clean
    }

    /// Opens the existing (clean) file for reading entries back and appending.
    func openForAppend() throws(BatchError) {
        let path = path
        try state.withLock { (s) throws(BatchError) in
            if s.fd >= 0 { Posix.closeFD(s.fd) }
            s.fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
            if s.fd < 0 { throw .io(path, reason: String(cString: strerror(errno))) }
            var st = stat()
            if fstat(s.fd, &st) == 0 { s.endOffset = UInt64(st.st_size) }
        }
    }

    /// Reads a slot's line back from `file`; `nil` if it no longer parses.
    private static func read(_ slot: Slot, from file: Int32) -> ManifestEntry? {
        var buffer = [UInt8](repeating: 0, count: Int(slot.length))
        let n = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return -1 }
            return pread(file, base, raw.count, off_t(slot.offset))
        }
        guard n == Int(slot.length), buffer.last == 0x0a else { return nil }
        return parse(Substring(String(decoding: buffer.dropLast(), as: UTF8.self)))
    }

    func entry(for key: String) -> ManifestEntry? {
        let (slot, file) = state.withLock { ($0.index[Manifest.key(key)], $0.fd) }
        guard let slot, file >= 0, let e = Manifest.read(slot, from: file), e.k == key else { return nil }
        return e
    }

    /// Rewrites the manifest compactly (streamed to a temporary file, fsync, rename) and
    /// reopens it. With `dropUnseen`, entries of inputs this run did not see are dropped.
    func compact(dropUnseen: Bool = false) throws(BatchError) {
        let path = path, sync = sync
        try state.withLock { (state) throws(BatchError) in
            let tmp = path + ".\(getpid()).tmp"
            unlink(tmp)
            let out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard out >= 0 else { throw .io(tmp, reason: String(cString: strerror(errno))) }
            var newIndex: [UInt64: Slot] = [:]
            newIndex.reserveCapacity(state.index.count)
            var buffer = [UInt8]()
            buffer.reserveCapacity(1 << 16)
            var written: UInt64 = 0
            var failure: String?
            func flush() {
                guard failure == nil else { return }
                var off = 0
                while off < buffer.count {
                    let n = buffer.withUnsafeBytes { raw in write(out, raw.baseAddress.map { $0 + off }, raw.count - off) }
                    if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); return }
                    off += n
                }
                buffer.removeAll(keepingCapacity: true)
            }
            buffer.append(contentsOf: Manifest.header.utf8)
            written = UInt64(buffer.count)
            // Entries are read back from the current file (opened now if only `load()` ran).
            let ownsSource = state.fd < 0
            let source = ownsSource ? open(path, O_RDONLY | O_CLOEXEC) : state.fd
            if source >= 0 {
                for (k, slot) in state.index where !dropUnseen || slot.seen {
                    guard let e = Manifest.read(slot, from: source), Manifest.key(e.k) == k else { continue }
                    let bytes = Array(Manifest.line(e).utf8)
                    newIndex[k] = Slot(offset: written, length: UInt32(clamping: bytes.count), seen: slot.seen)
                    buffer.append(contentsOf: bytes)
                    written += UInt64(bytes.count)
                    if buffer.count >= 1 << 16 { flush() }
                }
            }
            if ownsSource && source >= 0 { Posix.closeFD(source) }
            flush()
            if failure == nil, sync, fsync(out) != 0 { failure = String(cString: strerror(errno)) }
            Posix.closeFD(out)
            if failure == nil, rename(tmp, path) != 0 { failure = String(cString: strerror(errno)) }
            if let failure { unlink(tmp); throw .io(path, reason: failure) }
            if state.fd >= 0 { Posix.closeFD(state.fd) }
            state.fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
            if state.fd < 0 { throw .io(path, reason: String(cString: strerror(errno))) }
            state.index = newIndex
            state.endOffset = written
            state.lastSync = Date()
            state.dirty = false
        }
    }

    /// Records an input whose outputs are all in place: one appended line, written now (a
    /// SIGKILL right after loses nothing), fsync'ed every `syncInterval` seconds.
    func record(_ entry: ManifestEntry) {
        let line = Array(Manifest.line(entry).utf8)
        let sync = sync, syncInterval = syncInterval
        state.withLock { s in
            s.dirty = true
            guard s.fd >= 0 else { return }
            let fd = s.fd
            var off = 0
            while off < line.count {
                let n = line.withUnsafeBytes { raw in write(fd, raw.baseAddress.map { $0 + off }, raw.count - off) }
                if n < 0 { if errno == EINTR { continue }; s.index[Manifest.key(entry.k)] = nil; return }
                off += n
            }
            s.index[Manifest.key(entry.k)] = Slot(offset: s.endOffset, length: UInt32(clamping: line.count), seen: true)
            s.endOffset += UInt64(line.count)
            if sync, Date().timeIntervalSince(s.lastSync) >= syncInterval {
                _ = fsync(fd)
                s.lastSync = Date()
            }
        }
    }

    /// Marks an input as present in this run.
    func markSeen(_ key: String) {
        state.withLock { $0.index[Manifest.key(key)]?.seen = true }
    }

    /// Whether some entry's input was not seen (deleted or moved since).
    var hasUnseenEntries: Bool {
        state.withLock { $0.index.values.contains { !$0.seen } }
    }

    /// Forgets an input (its outputs failed): the next run re-renders it.
    func forget(_ key: String) {
        state.withLock { s in
            if s.index.removeValue(forKey: Manifest.key(key)) != nil { s.dirty = true }
        }
    }

    func finish() {
        let sync = sync
        state.withLock { s in
            if s.fd >= 0 {
                if sync { _ = fsync(s.fd) }
                Posix.closeFD(s.fd)
                s.fd = -1
            }
        }
    }
}
