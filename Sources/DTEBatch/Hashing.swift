import DTECore
import Foundation

/// Stable hashes: SHA-256 (DTECore's `Digest`, OpenSSL libcrypto) for content, FNV-1a for sharding. Never Swift's
/// `Hasher`, which is seeded per process.
package enum BatchHash {
    /// SHA-256 of `data`, lowercase hex.
    public static func sha256Hex(_ data: Data) -> String {
        hex(DTECore.Digest.sha256(data))
    }

    /// SHA-256 of `data` as a 32-byte value (kept inline: no heap allocation per manifest entry).
    static func sha256(_ data: Data) -> Digest {
        var d = Digest()
        data.withUnsafeBytes { raw in
            withUnsafeMutableBytes(of: &d) { out in DTECore.Digest.sha256(raw, into: out) }
        }
        return d
    }

    /// SHA-256 of a string's UTF-8 bytes, lowercase hex.
    public static func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }

    /// 64-bit FNV-1a of the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A SHA-256 digest stored inline (4 × 64 bits, memory order = digest byte order).
struct Digest: Hashable, Sendable {
    var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0

    var hex: String {
        var copy = self
        let bytes = withUnsafeBytes(of: &copy) { Array($0) }
        return BatchHash.hex(bytes)
    }

    /// Parses 64 lowercase/uppercase hex digits.
    init?(hex: some StringProtocol) {
        let u = Array(hex.utf8)
        guard u.count == 64 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 {
            guard let hi = Digest.nibble(u[2 * i]), let lo = Digest.nibble(u[2 * i + 1]) else { return nil }
            bytes[i] = hi << 4 | lo
        }
        var d = Digest()
        withUnsafeMutableBytes(of: &d) { $0.copyBytes(from: bytes) }
        self = d
    }

    init() {}

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// `--shard K/N`: a run renders only the documents whose stable hash (FNV-1a of the input's
/// path relative to its INPUT argument, `#`, the document's index in the file) modulo `count`
/// equals `index`. N runs with K = 0…N-1 render every document exactly once, with no coordination.
public struct BatchShard: Sendable, Hashable, CustomStringConvertible {
    /// This run's shard, `0..<count`.
    public let index: Int
    /// How many shards the work is split into (1...1 000 000).
    public let count: Int

    /// Shard `index` of `count`.
    /// - Throws: ``BatchError/invalidShard(_:)`` unless `0 <= index < count <= 1 000 000`.
    public init(index: Int, count: Int) throws(BatchError) {
        guard count >= 1, count <= 1_000_000, index >= 0, index < count else {
            throw .invalidShard("\(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (e.g. `0/4`).
    public init(parsing text: String) throws(BatchError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { throw .invalidShard(text) }
        try self.init(index: k, count: n)
    }

    /// Whether this shard owns document `documentIndex` of the input at `relativePath`.
    public func owns(relativePath: String, documentIndex: Int) -> Bool {
        let h = BatchHash.fnv1a64("\(relativePath)#\(documentIndex)")
        return h % UInt64(count) == UInt64(index)
    }

    public var description: String { "\(index)/\(count)" }
    /// Used in the names of the per-shard manifest, lock and temporary files.
    var fileTag: String { count == 1 ? "" : ".shard-\(index)-of-\(count)" }
}
