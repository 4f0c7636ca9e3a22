import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The package's one way to put bytes in a file: POSIX calls only, new files created with
/// `O_EXCL` (never through an existing name or symlink), optional fsync, and replacement by
/// `rename` (a symlink at the destination is replaced, never followed). A failed write leaves
/// nothing behind and the previous file, if any, intact. Used by `render`, `preview`, `batch`
/// (its group-commit writer builds on ``createAndWrite(_:at:)``), the batch report and the skeletons.
package enum AtomicWrite {
    package struct Failure: Error, Sendable, Hashable {
        /// The file concerned (the destination, not the temporary name, where one exists).
        package var path: String
        /// The system's reason, plus what happened to the destination.
        package var reason: String
    }

    /// Creates `path` (`O_EXCL`) and writes all of `data`; returns the open descriptor (the
    /// caller fsyncs and closes it). On failure nothing is left behind.
    package static func createAndWrite(_ data: Data, at path: String) throws(Failure) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        if let failure = writeAll(data, to: fd) {
            close(fd)
            unlink(path)
            throw Failure(path: path, reason: failure)
        }
        return fd
    }

    /// Writes a whole new file (`O_EXCL`), fsync'ed when `sync`, closed.
    package static func writeNew(_ data: Data, at path: String, sync: Bool) throws(Failure) {
        let fd = try createAndWrite(data, at: path)
        var failure: String? = nil
        if sync, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(path)
            throw Failure(path: path, reason: failure)
        }
    }

    /// Writes `data` to `destination` atomically: a temporary sibling, fsync, rename. The error
    /// names the destination and says whether the previous file was kept.
    package static func replace(at destination: String, with data: Data, sync: Bool = true) throws(Failure) {
        let tmp = destination + ".\(getpid()).tmp"
        unlink(tmp)
        func outcome(_ reason: String) -> Failure {
            Failure(path: destination,
                    reason: reason + (access(destination, F_OK) == 0 ? "; the previous file was kept" : "; nothing was written"))
        }
        do throws(Failure) { try writeNew(data, at: tmp, sync: sync) } catch { throw outcome(error.reason) }
        guard rename(tmp, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw outcome(reason)
        }
    }

    /// Writes all of `data` to `fd`; the error text, or `nil`.
    package static func writeAll(_ data: Data, to fd: Int32) -> String? {
        var failure: String? = nil
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno)); return
                }
                offset += n
            }
        }
        return failure
    }
}
