#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if os(Linux)
// <fcntl.h> declares sync_file_range only under _GNU_SOURCE, which the Glibc module lacks.
@_silgen_name("sync_file_range")
private func linuxSyncFileRange(_ fd: Int32, _ offset: Int64, _ count: Int64, _ flags: UInt32) -> Int32
#endif

/// The few POSIX calls whose Swift names clash with methods of the engine's types.
enum Posix {
    /// Starts writing `fd`'s dirty pages to disk without waiting (Linux
    /// `sync_file_range(SYNC_FILE_RANGE_WRITE)`): called on every file of a group before the
    /// first fsync, so the filesystem allocates and writes them together and one journal commit
    /// covers the group. Elsewhere a no-op (the fsyncs alone still make each file durable).
    static func startWriteback(_ fd: Int32) {
        #if os(Linux)
        _ = linuxSyncFileRange(fd, 0, 0, 2)   // SYNC_FILE_RANGE_WRITE
        #endif
    }

    static func closeFD(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    static func readFD(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
        #else
        return Darwin.read(fd, buffer, count)
        #endif
    }
}
