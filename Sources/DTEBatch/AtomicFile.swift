import Foundation

/// The one way DTEKit writes an output file, in every command: the bytes go to a temporary
/// file beside the destination (created with `O_EXCL`, so it never follows a link), are
/// fsync'ed, and the temporary file is renamed over the destination. A symlink at the
/// destination is replaced, never written through; a failed write (disk full, I/O error)
/// leaves the previous file intact and no temporary file behind.
package enum AtomicFile {
    /// Writes `data` to `url` atomically (see ``AtomicFile``).
    /// - Throws: ``BatchError/io(_:reason:)`` naming the file and the system's reason.
    public static func write(_ data: Data, to url: URL) throws(BatchError) {
        try OutputFolder.replaceFile(at: url.standardizedFileURL.path, with: data, sync: true)
    }
}
