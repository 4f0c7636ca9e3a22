import Foundation

/// Base64 as the SII writes it (`FRMT`, `FRMA`, `M`, `E`): standard alphabet with padding,
/// often wrapped over several lines.
package enum Base64 {
    /// Decodes base64 text, ignoring white space (spaces, tabs, line breaks).
    /// - Returns: `nil` when anything else is wrong (bad characters, bad padding).
    public static func decode(_ s: String) -> [UInt8]? {
        var compact = [UInt8]()
        compact.reserveCapacity(s.utf8.count)
        for b in s.utf8 where !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { compact.append(b) }
        guard let data = Data(base64Encoded: Data(compact)) else { return nil }
        return [UInt8](data)
    }

    /// Encodes bytes as one line of base64 with padding.
    public static func encode(_ b: [UInt8]) -> String { Data(b).base64EncodedString() }
}
