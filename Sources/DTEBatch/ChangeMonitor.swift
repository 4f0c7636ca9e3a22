import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches the template, the logo and the input folders for `--watch`: inotify on Linux
/// (folders watched recursively, new sub-folders picked up), polling of modification times
/// elsewhere or when inotify is unavailable. Changes are debounced and delivered in batches.
///
/// Relevant changes: a watched file written, replaced or moved in (editors save by rename),
/// and any `*.xml` created, written, moved or deleted under a watched folder.
package final class ChangeMonitor: Sendable {
    /// How changes are detected.
    public enum Mechanism: String, Sendable { case inotify, polling }

    public let paths: [URL]
    public let pollInterval: TimeInterval
    public let debounce: TimeInterval
    public let mechanism: Mechanism

    /// - Parameters:
    ///   - paths: files (template, logo, single inputs) and folders (searched recursively).
    ///   - forcePolling: use polling even where inotify works.
    public init(paths: [URL], pollInterval: TimeInterval = 2, debounce: TimeInterval = 0.3, forcePolling: Bool = false) {
        self.paths = paths.map { $0.standardizedFileURL }
        self.pollInterval = pollInterval
        self.debounce = debounce
        #if os(Linux)
        self.mechanism = forcePolling ? .polling : .inotify
        #else
        self.mechanism = .polling
        #endif
    }

    /// Batches of changed paths, until the consuming task is cancelled. The watches are in
    /// place when this returns: a change made afterwards is never missed.
    public func changes() -> AsyncStream<[String]> {
        let stop = AtomicFlag()
        #if os(Linux)
        let watcher = mechanism == .inotify ? InotifyWatcher(paths: paths) : nil
        #endif
        let poller = Poller(paths: paths)
        let initial = poller.snapshot()
        return AsyncStream(bufferingPolicy: .bufferingNewest(16)) { continuation in
            let thread = Thread { [self] in
                #if os(Linux)
                if let watcher {
                    watcher.run(stop: stop, debounce: debounce) { continuation.yield($0) }
                    continuation.finish()
                    return
                }
                #endif
                poller.run(from: initial, stop: stop, interval: pollInterval) { continuation.yield($0) }
                continuation.finish()
            }
            thread.name = "dtekit-watch"
            continuation.onTermination = { _ in stop.set() }
            thread.start()
        }
    }

    static func isRelevant(name: String, inFolder: Bool, watchedFiles: Set<String>, fullPath: String) -> Bool {
        if watchedFiles.contains(fullPath) { return true }
        return inFolder && name.lowercased().hasSuffix(".xml") && !name.hasPrefix(".")
    }
}

/// Polling fallback: compares modification time and size of the watched files and of every
/// `*.xml` under the watched folders every `interval` seconds.
struct Poller {
    let paths: [URL]

    struct Stamp: Equatable { var mtime: Double; var size: Int64 }

    func snapshot() -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        func add(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return }
            #if canImport(Glibc)
            let m = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            #else
            let m = Double(st.st_mtimespec.tv_sec) + Double(st.st_mtimespec.tv_nsec) / 1e9
            #endif
            out[path] = Stamp(mtime: m, size: Int64(st.st_size))
        }
        for url in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                if let discovery = try? InputDiscovery(roots: [url]) {
                    for input in discovery { add(input.url.path) }
                }
            } else {
                add(url.path)
            }
        }
        return out
    }

    func run(from initial: [String: Stamp], stop: AtomicFlag, interval: TimeInterval, emit: ([String]) -> Void) {
        var last = initial
        while !stop.isSet {
            var waited = 0.0
            while waited < interval && !stop.isSet { usleep(50_000); waited += 0.05 }
            if stop.isSet { return }
            let now = snapshot()
            if now != last {
                var changed = Set<String>()
                for (k, v) in now where last[k] != v { changed.insert(k) }
                for k in last.keys where now[k] == nil { changed.insert(k) }
                last = now
                emit(changed.sorted())
            }
        }
    }
}

#if os(Linux)
/// inotify on the watched folders (recursively) and on the parent folders of watched files.
final class InotifyWatcher: @unchecked Sendable {   // used by one thread after set-up
    private let fd: Int32
    private var folders: [Int32: (path: String, recursive: Bool)] = [:]
    private let watchedFiles: Set<String>
    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_ATTRIB)

    init?(paths: [URL]) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        var files = Set<String>()
        var dirs: [(String, Bool)] = []
        for url in paths {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
            if exists && isDir.boolValue {
                dirs.append((url.path, true))
            } else {
                files.insert(url.path)
                dirs.append((url.deletingLastPathComponent().path, false))
            }
        }
        watchedFiles = files
        for (d, recursive) in dirs { addWatch(d, recursive: recursive) }
        if folders.isEmpty { return nil }   // deinit closes fd
    }

    deinit { Posix.closeFD(fd) }

    private func addWatch(_ path: String, recursive: Bool) {
        let wd = inotify_add_watch(fd, path, InotifyWatcher.mask)
        guard wd >= 0 else { return }
        // A folder given both as a file's parent and as an input keeps the recursive flag.
        if let existing = folders[wd], existing.recursive { return }
        folders[wd] = (path, recursive)
        guard recursive, let e = FileManager.default.enumerator(atPath: path) else { return }
        while let rel = e.nextObject() as? String {
            if let type = e.fileAttributes?[.type] as? FileAttributeType, type == .typeDirectory,
               !(rel as NSString).lastPathComponent.hasPrefix(".") {
                let sub = path + "/" + rel
                let swd = inotify_add_watch(fd, sub, InotifyWatcher.mask)
                if swd >= 0 { folders[swd] = (sub, true) }
            }
        }
    }

    func run(stop: AtomicFlag, debounce: TimeInterval, emit: ([String]) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending = Set<String>()
        var deadline: Date?
        while !stop.isSet {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 100)
            if ready > 0 {
                let n = buffer.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return Posix.readFD(fd, base, raw.count)
                }
                if n > 0 {
                    for path in parse(buffer, count: n) { pending.insert(path) }
                    if !pending.isEmpty { deadline = Date().addingTimeInterval(debounce) }
                }
            }
            if let d = deadline, Date() >= d {
                emit(pending.sorted())
                pending.removeAll()
                deadline = nil
            }
        }
    }

    /// Walks the `inotify_event` records in `buffer[0..<count]`.
    private func parse(_ buffer: [UInt8], count: Int) -> [String] {
        var out: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
            let nameLength = Int(event.len)
            let nameStart = offset + header
            let nameEnd = min(count, nameStart + nameLength)
            offset = nameStart + nameLength
            guard nameStart <= nameEnd else { break }
            let nameBytes = buffer[nameStart..<nameEnd].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard let folder = folders[event.wd] else { continue }
            let full = folder.path + "/" + name
            if event.mask & UInt32(IN_ISDIR) != 0 {
                if folder.recursive, event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, !name.hasPrefix(".") {
                    addWatch(full, recursive: true)
                    out.append(full)
                }
                continue
            }
            if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil; continue }
            if ChangeMonitor.isRelevant(name: name, inFolder: folder.recursive, watchedFiles: watchedFiles, fullPath: full) {
                out.append(full)
            }
        }
        return out
    }
}
#endif
