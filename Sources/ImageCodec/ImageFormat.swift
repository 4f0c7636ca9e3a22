import Foundation

/// Image formats recognised by their magic bytes: the one sniffer of the package (the ID check and
/// the printout's logo loader both start here).
package enum ImageFormat: String, Sendable {
    case jpeg, png, gif, pdf, webp, bmp, tiff, heif, empty, unknown

    /// The format the leading bytes announce. Never reads past `bytes.count`.
    package static func sniff(_ bytes: UnsafeRawBufferPointer) -> ImageFormat {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            guard bytes.count >= offset + prefix.count else { return false }
            for (i, b) in prefix.enumerated() where bytes[offset + i] != b { return false }
            return true
        }
        if bytes.isEmpty { return .empty }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF8".utf8)) { return .gif }
        if starts(Array("%PDF".utf8)) { return .pdf }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("BM".utf8)) { return .bmp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(Array("ftyp".utf8), at: 4) { return .heif }
        return .unknown
    }

    /// Sniffs a `Data` value.
    package static func sniff(_ data: Data) -> ImageFormat {
        data.withUnsafeBytes { sniff($0) }
    }
}

/// Why bytes could not become pixels. Reasons are English text for errors and logs.
package enum CodecFailure: Error, Equatable, Sendable {
    /// Truncated or invalid data.
    case corrupt(String)
    /// The header announces more pixels than allowed; nothing was allocated.
    case tooLarge(width: Int, height: Int)
    /// A valid file in a variant that is not handled (CMYK JPEG, no HEVC decoder, …).
    case unsupported(String)
    /// A password-protected (encrypted) PDF.
    case encrypted
    /// A PDF with more pages than allowed; nothing was rendered.
    case tooManyPages(count: Int, limit: Int)
}
