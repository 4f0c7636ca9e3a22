import DTECore
import Foundation
import DTEPrint

/// The output names a batch run has given out, shared by the render threads, so that two
/// inputs mapping to the same PDF name (two copies of one DTE in different folders, an envelope
/// and a single DTE holding the same document, a duplicated document inside one envelope) never
/// overwrite each other.
///
/// The first input to claim a name keeps it; a later one gets the name tagged with a hash of its
/// relative path (``OutputNameClaims/tagged(_:source:attempt:)``), so the same inputs always get
/// the same tagged names. The names recorded in the manifest are claimed by their inputs before
/// the run starts, so an incremental run never hands a kept PDF's name to another input, and the
/// input that had a name keeps it in every later run. In a first (or `--force`) run with several
/// jobs, which of two colliding inputs is rendered first decides who keeps the plain name.
/// Shards write to different manifests and cannot see each other's names.
///
/// Memory: 16 bytes of key per name (64-bit FNV-1a hashes of name and owner), not the names.
final class OutputClaims: Sendable {
    private let owners = Locked<[UInt64: UInt64]>([:])

    /// Records `names` as `owner`'s without checking (the manifest's entries).
    func seed(_ names: [String], owner: String) {
        let o = BatchHash.fnv1a64(owner)
        owners.withLock { owners in
            for n in names { owners[BatchHash.fnv1a64(n)] = o }
        }
    }

    /// The name `owner` may write `name` under: `name` itself when free or already `owner`'s,
    /// otherwise the first free tagged form.
    func claim(_ name: String, owner: String) -> String {
        let o = BatchHash.fnv1a64(owner)
        return owners.withLock { owners in
            var candidate = name
            var attempt = 0
            while true {
                let key = BatchHash.fnv1a64(candidate)
                if let current = owners[key], current != o {
                    attempt += 1
                    candidate = OutputNameClaims.tagged(name, source: owner, attempt: attempt)
                    continue
                }
                owners[key] = o
                return candidate
            }
        }
    }
}
