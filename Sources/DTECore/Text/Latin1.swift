/// ISO-8859-1 (Latin-1), the encoding of SII XML and of the TED bytes.
package enum Latin1 {
    /// The string's Latin-1 bytes, or `nil` when a character is outside U+0000…U+00FF.
    public static func encode(_ s: String) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            out.append(UInt8(truncatingIfNeeded: scalar.value))
        }
        return out
    }

    /// The string's Latin-1 bytes; characters outside Latin-1 become `replacement`.
    public static func encode(_ s: String, replacingUnmappableWith replacement: UInt8) -> [UInt8] {
        s.unicodeScalars.map { $0.value <= 0xFF ? UInt8(truncatingIfNeeded: $0.value) : replacement }
    }

    /// Decodes Latin-1 bytes; every byte maps to the code point of the same value, so this never fails.
    public static func decode(_ b: [UInt8]) -> String {
        var s = String.UnicodeScalarView()
        for byte in b { s.append(Unicode.Scalar(byte)) }
        return String(s)
    }

    /// Whether every character of `s` is representable in Latin-1.
    public static func canEncode(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0.value <= 0xFF } }
}
