import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input file found under an INPUT argument.
package struct BatchInput: Sendable, Hashable {
    /// The file.
    public var url: URL
    /// Its path relative to the INPUT folder it was found in (the file name when the INPUT
    /// was the file itself), with `/` separators. Shards and the manifest key on it, so
    /// machines that mount the archive at different places still agree.
    public var relativePath: String
}

/// Streams the `*.xml` files under the INPUT arguments (files, or folders searched
/// recursively; hidden entries skipped; symbolic links to folders not followed) without ever
/// listing them in memory: a depth-first walk holding one open directory per level.
package struct InputDiscovery: Sequence, Sendable {
    public let roots: [URL]

    /// - Throws: ``BatchError/inputNotFound(_:)`` for an INPUT that does not exist.
    public init(roots: [URL]) throws(BatchError) {
        for root in roots where !FileManager.default.fileExists(atPath: root.path) {
            throw .inputNotFound(root.path)
        }
        self.roots = roots.map { $0.standardizedFileURL }
    }

    /// Counts the inputs with a second walk (names only, constant memory).
    public func count() -> Int {
        var n = 0
        let it = makeIterator()
        while it.nextPath() != nil { n += 1 }
        return n
    }

    public func makeIterator() -> Iterator { Iterator(roots: roots) }

    /// Owns the open directory handles of the walk (closed as levels finish, or in deinit).
    public final class Iterator: IteratorProtocol {
        private var pending: ArraySlice<URL>
        private var stack: [(dir: OpaquePointer, path: String)] = []
        private var rootPrefix = ""

        init(roots: [URL]) { pending = roots[...] }

        deinit { for level in stack { closedir(level.dir) } }

        public func next() -> BatchInput? {
            guard let (full, rel) = nextPath() else { return nil }
            return BatchInput(url: URL(fileURLWithPath: full, isDirectory: false), relativePath: rel)
        }

        /// (absolute path, relative path) of the next input.
        func nextPath() -> (String, String)? {
            while true {
                if let top = stack.last {
                    guard let entry = readdir(top.dir) else {
                        closedir(top.dir)
                        stack.removeLast()
                        continue
                    }
                    let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                        ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name.hasPrefix(".") { continue }   // ".", "..", hidden files and folders
                    let full = top.path + "/" + name
                    var type = entry.pointee.d_type
                    if type == UInt8(DT_UNKNOWN) {
                        var st = stat()
                        guard lstat(full, &st) == 0 else { continue }
                        type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                    }
                    if type == UInt8(DT_DIR) {
                        if let d = opendir(full) { stack.append((d, full)) }
                        continue
                    }
                    guard type == UInt8(DT_REG) || type == UInt8(DT_LNK), InputDiscovery.isXML(name) else { continue }
                    return (full, String(full.dropFirst(rootPrefix.count)))
                }
                guard let root = pending.popFirst() else { return nil }
                var st = stat()
                guard stat(root.path, &st) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    let path = root.path.count > 1 && root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
                    rootPrefix = path == "/" ? "/" : path + "/"
                    if let d = opendir(path) { stack.append((d, path == "/" ? "" : path)) }
                } else {
                    return (root.path, root.lastPathComponent)
                }
            }
        }
    }

    static func isXML(_ name: String) -> Bool {
        let u = name.utf8
        guard u.count > 4 else { return false }
        return name.lowercased().hasSuffix(".xml")
    }
}
