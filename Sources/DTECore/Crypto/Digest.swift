internal import COpenSSL
import Foundation

/// SHA-1 and SHA-256 (OpenSSL libcrypto): the package's digests, for modules that must not
/// reach for OpenSSL themselves (XMLDSig's SHA-1 in DTESkeleton, content hashes in DTEBatch).
package enum Digest {
    /// Bytes in a SHA-1 digest.
    package static let sha1Length = 20
    /// Bytes in a SHA-256 digest.
    package static let sha256Length = 32

    /// SHA-1 of `bytes` (20 bytes).
    package static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: sha1Length)
        bytes.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { o in _ = SHA1(b.baseAddress, b.count, o.baseAddress) }
        }
        return out
    }

    /// SHA-256 of `bytes` (32 bytes).
    package static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { raw in sha256(raw) }
    }

    /// SHA-256 of `data` (32 bytes).
    package static func sha256(_ data: Data) -> [UInt8] {
        data.withUnsafeBytes { raw in sha256(raw) }
    }

    /// SHA-256 of the bytes in `input` (32 bytes).
    package static func sha256(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: sha256Length)
        out.withUnsafeMutableBytes { sha256(input, into: $0) }
        return out
    }

    /// Writes the SHA-256 of `input` into the first 32 bytes of `output` (no allocation); does
    /// nothing when `output` is shorter than 32 bytes.
    package static func sha256(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        guard output.count >= sha256Length, let out = output.baseAddress else { return }
        // SHA256 never fails for in-memory input; the return value is the output pointer.
        _ = SHA256(input.bindMemory(to: UInt8.self).baseAddress, input.count, out.assumingMemoryBound(to: UInt8.self))
    }
}
