import Foundation

/// One input file found under an INPUT argument.
public struct BatchInput: Sendable, Hashable {
    /// The file.
    public var url: URL
    /// Its path relative to the INPUT folder it was found in (the file name when the INPUT
    /// was the file itself), with `/` separators. Shards and the manifest key on it, so
    /// machines that mount the archive at different places still agree.
    public var relativePath: String
}

/// Streams the `*.xml` files under the INPUT arguments (files, or folders searched
/// recursively) without ever listing them all in memory.
public struct InputDiscovery: Sequence, Sendable {
    public let roots: [URL]

    /// - Throws: ``BatchError/inputNotFound(_:)`` for an INPUT that does not exist.
    public init(roots: [URL]) throws(BatchError) {
        for root in roots where !FileManager.default.fileExists(atPath: root.path) {
            throw .inputNotFound(root.path)
        }
        self.roots = roots.map { $0.standardizedFileURL }
    }

    /// Counts the inputs with a second walk of the folders (names only, constant memory).
    public func count() -> Int {
        var n = 0
        for _ in self { n += 1 }
        return n
    }

    public func makeIterator() -> Iterator { Iterator(roots: roots) }

    public struct Iterator: IteratorProtocol {
        private var pending: ArraySlice<URL>
        private var current: (root: URL, prefixLength: Int, enumerator: FileManager.DirectoryEnumerator)?

        init(roots: [URL]) { pending = roots[...] }

        public mutating func next() -> BatchInput? {
            while true {
                if let (root, prefixLength, enumerator) = current {
                    while let item = enumerator.nextObject() as? URL {
                        guard item.pathExtension.lowercased() == "xml" else { continue }
                        let values = try? item.resourceValues(forKeys: [.isRegularFileKey])
                        guard values?.isRegularFile == true else { continue }
                        let full = item.standardizedFileURL.path
                        let rel = full.utf8.count > prefixLength
                            ? String(decoding: full.utf8.dropFirst(prefixLength), as: UTF8.self)
                            : item.lastPathComponent
                        _ = root
                        return BatchInput(url: item, relativePath: rel)
                    }
                    current = nil
                }
                guard let root = pending.popFirst() else { return nil }
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    guard let e = FileManager.default.enumerator(
                        at: root, includingPropertiesForKeys: [.isRegularFileKey],
                        options: [.skipsHiddenFiles, .skipsPackageDescendants]) else { continue }
                    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
                    current = (root, prefix.utf8.count, e)
                } else {
                    return BatchInput(url: root, relativePath: root.lastPathComponent)
                }
            }
        }
    }
}
