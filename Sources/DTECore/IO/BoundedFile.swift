import Foundation

/// Reads a file a user named (a logo, a template, an emisor profile) the way ``DTEReader`` reads
/// DTEs: only regular files (a FIFO would block forever, `/dev/zero` never ends), at most
/// `limit` bytes (checked from the size first, then while reading), errors as short reasons
/// ("no such file", "not a regular file", "Permission denied") instead of Foundation's texts.
package enum BoundedFile {
    package struct Failure: Error, Sendable, Hashable {
        /// Lower-case, no file name: the caller names the file.
        package var reason: String
    }

    package static func read(_ url: URL, limit: Int) -> Result<Data, Failure> {
        let size: Int
        do {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isDirectoryKey, .isRegularFileKey])
            if values.isDirectory == true { return .failure(Failure(reason: "is a directory")) }
            if values.isRegularFile != true { return .failure(Failure(reason: "not a regular file (a pipe, device or socket)")) }
            size = values.fileSize ?? 0
        } catch {
            return .failure(Failure(reason: message(error)))
        }
        guard size <= limit else { return .failure(Failure(reason: "the file has \(size) bytes; at most \(limit) are accepted")) }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else { return .failure(Failure(reason: "the file has more than \(limit) bytes")) }
            return .success(data)
        } catch {
            return .failure(Failure(reason: message(error)))
        }
    }

    /// A Foundation or POSIX error as a short reason (the POSIX text when there is one).
    package static func message(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileWriteOutOfSpaceError: return "no space left on device"
            case NSFileReadInapplicableStringEncodingError, NSFileReadCorruptFileError: return "not readable as text in the expected encoding"
            default: break
            }
        }
        return "I/O error (\(ns.domain) \(ns.code))"
    }
}
