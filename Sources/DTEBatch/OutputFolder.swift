import DTECore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder: atomic writes (temporary file in the folder, fsync, rename), the run
/// lock, clean-up of temporary files a killed run left behind, and output-name validation.
// Unchecked: `lockFD` changes only on the run's own thread (lock/unlock around the run); the rest is immutable.
final class OutputFolder: @unchecked Sendable {
    let url: URL
    let path: String
    let tag: String
    let syncWrites: Bool
    private let tempPrefix: String
    private var lockFD: Int32 = -1
    /// Numbers the temporary files of this run.
    private let counter = Locked<UInt64>(0)

    /// Prefix of every file the engine keeps in the output folder besides the PDFs.
    static let hiddenPrefix = ".dtekit-"

    init(url: URL, shardTag: String, syncWrites: Bool) throws(BatchError) {
        self.url = url.standardizedFileURL
        self.path = self.url.path
        self.tag = shardTag
        self.syncWrites = syncWrites
        self.tempPrefix = "\(OutputFolder.hiddenPrefix)tmp" + (shardTag.isEmpty ? "-" : shardTag + ".")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .outputDirectory(path, reason: "exists and is not a folder") }
        } else {
            do { try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true) }
            catch { throw .outputDirectory(path, reason: "no se pudo crear (\(BoundedFile.message(error)))") }
        }
    }

    deinit { unlock() }

    /// Takes the folder's lock for this shard (non-blocking): two runs of the same shard must
    /// not share an output folder.
    func lock() throws(BatchError) {
        let lockPath = path + "/\(OutputFolder.hiddenPrefix)batch\(tag).lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(lockPath, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .outputLocked(path)
        }
        lockFD = fd
    }

    func unlock() {
        if lockFD >= 0 {
            _ = flock(lockFD, LOCK_UN)
            close(lockFD)
            lockFD = -1
        }
    }

    /// Deletes the temporary files of this shard that a killed run left (we hold the lock, so
    /// no live run of this shard owns them). Returns how many were removed.
    @discardableResult
    func removeStaleTemporaryFiles() -> Int {
        guard let dir = opendir(path) else { return 0 }
        defer { closedir(dir) }
        var removed = 0
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(tempPrefix) { names.append(name) }
        }
        for name in names where unlink(path + "/" + name) == 0 { removed += 1 }
        return removed
    }

    /// Checks that `name` is a plain file name that stays inside the folder. Refuses rather
    /// than sanitises: a hostile folio or RUT must fail the document, not be rewritten.
    static func validate(fileName name: String) throws(BatchError) {
        if name.isEmpty { throw .unsafeOutputName(name, reason: "empty") }
        if name.utf8.count > 255 { throw .unsafeOutputName(name, reason: "more than 255 bytes") }
        if name == "." || name == ".." { throw .unsafeOutputName(name, reason: "not a file name") }
        if name.contains("/") || name.contains("\\") { throw .unsafeOutputName(name, reason: "contiene un separador de ruta") }
        if name.contains("..") { throw .unsafeOutputName(name, reason: "contiene '..'") }
        if name.hasPrefix(".") { throw .unsafeOutputName(name, reason: "empieza con '.'") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            throw .unsafeOutputName(name, reason: "contiene caracteres de control")
        }
    }

    func fileURL(_ name: String) -> URL { url.appendingPathComponent(name, isDirectory: false) }

    /// Whether an output exists and is non-empty.
    func hasOutput(_ name: String) -> Bool {
        var st = stat()
        guard stat(path + "/" + name, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) == S_IFREG && st.st_size > 0
    }

    /// Writes `data` as `name`: a temporary file in the folder, fsync, rename over the final
    /// name. A kill at any moment leaves either the old file, the new one, or a temporary file
    /// the next run removes; never a partial output.
    func writeAtomically(_ data: Data, as name: String) throws(BatchError) {
        if let error = writeAtomically([(data, name)]).first ?? nil { throw error }
    }

    /// Writes several outputs with one durability barrier (group commit): each goes to its own
    /// temporary file, writeback of all of them is started at once, then every file is
    /// fsync'ed — the first fsync commits the filesystem journal for the whole group, so the
    /// others find little left to do — and only then is each renamed over its final name. The guarantee per file is the same as writing them one
    /// by one; the cost is one journal commit per group instead of one per PDF.
    /// - Returns: one entry per item, `nil` when that output is in place.
    func writeAtomically(_ items: [(data: Data, name: String)]) -> [BatchError?] {
        var errors = [BatchError?](repeating: nil, count: items.count)
        var created: [(index: Int, fd: Int32, tmp: String)] = []
        created.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do throws(BatchError) {
                try OutputFolder.validate(fileName: item.name)
                let tmp = path + "/" + tempPrefix + "\(getpid()).\(counter.withLock { $0 &+= 1; return $0 }).part"
                created.append((i, try OutputFolder.createAndWrite(item.data, to: tmp), tmp))
            } catch {
                errors[i] = error
            }
        }
        if syncWrites, created.count > 1 {
            for file in created { Posix.startWriteback(file.fd) }
        }
        for (i, fd, tmp) in created {
            var failure: String? = nil
            if syncWrites, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
            if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            if let failure {
                unlink(tmp)
                errors[i] = .io(tmp, reason: failure)
            }
        }
        for (i, _, tmp) in created where errors[i] == nil {
            let final = path + "/" + items[i].name
            if rename(tmp, final) != 0 {
                errors[i] = .io(final, reason: String(cString: strerror(errno)))
                unlink(tmp)
            }
        }
        return errors
    }

    /// Creates `path` (`O_EXCL`) and writes all of `data`; returns the open descriptor.
    private static func createAndWrite(_ data: Data, to path: String) throws(BatchError) -> Int32 {
        do throws(AtomicWrite.Failure) { return try AtomicWrite.createAndWrite(data, at: path) } catch { throw .io(error.path, reason: error.reason) }
    }

    /// Writes a whole file with POSIX calls (`O_EXCL`), optionally fsync'ing it.
    static func writeFile(_ data: Data, to path: String, sync: Bool) throws(BatchError) {
        do throws(AtomicWrite.Failure) { try AtomicWrite.writeNew(data, at: path, sync: sync) } catch { throw .io(error.path, reason: error.reason) }
    }

    /// Writes `data` to `destination` (any folder) atomically: temporary sibling, fsync, rename.
    static func replaceFile(at destination: String, with data: Data, sync: Bool = true) throws(BatchError) {
        do throws(AtomicWrite.Failure) { try AtomicWrite.replace(at: destination, with: data, sync: sync) } catch { throw .io(error.path, reason: error.reason) }
    }

    /// fsyncs the folder itself so that renames are durable.
    func syncDirectory() {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }
}

/// Reads a whole input file with a size limit.
enum InputFile {
    static func read(_ path: String, limit: Int) throws(BatchError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)   // a FIFO named *.xml must not block
        guard fd >= 0 else { throw .io(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path, reason: String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .io(path, reason: "not a regular file") }
        let size = Int(st.st_size)
        guard size <= limit else { throw .inputTooLarge(path, bytes: size, limit: limit) }
        var data = Data(count: size)
        var failure: String? = nil
        var total = 0
        data.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while total < size {
                let n = Posix.readFD(fd, base + total, size - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno)); return
                }
                if n == 0 { break }
                total += n
            }
        }
        if let failure { throw .io(path, reason: failure) }
        if total < size { data.count = total }
        return data
    }
}
