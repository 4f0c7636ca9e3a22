import Foundation

/// Header facts read without decoding any pixel.
package struct ImageHeader: Sendable, Equatable {
    package var width: Int
    package var height: Int
    /// EXIF orientation 1…8 (1 when absent or invalid).
    package var orientation: Int

    package init(width: Int, height: Int, orientation: Int) {
        self.width = width; self.height = height; self.orientation = orientation
    }

    /// Width and height once the EXIF orientation is applied.
    package var upright: (width: Int, height: Int) {
        orientation >= 5 ? (height, width) : (width, height)
    }
}

/// Bounds-checked big/little-endian reads over untrusted bytes.
private struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var bigEndian = true

    func u8(_ i: Int) -> Int? { i >= 0 && i < bytes.count ? Int(bytes[i]) : nil }
    func u16(_ i: Int) -> Int? {
        guard let a = u8(i), let b = u8(i + 1) else { return nil }
        return bigEndian ? (a << 8 | b) : (b << 8 | a)
    }
    func u32(_ i: Int) -> Int? {
        guard let a = u16(i), let b = u16(i + 2) else { return nil }
        return bigEndian ? (a << 16 | b) : (b << 16 | a)
    }
}

/// Header-only size reading: PNG IHDR, JPEG SOF and EXIF orientation, and the stricter JPEG frame
/// check the printout needs before embedding a logo's bytes unchanged.
package enum HeaderReader {
    /// PNG: signature + IHDR (the first chunk, by the spec).
    package static func png(_ bytes: UnsafeRawBufferPointer) throws(CodecFailure) -> ImageHeader {
        let r = ByteReader(bytes: bytes)
        guard bytes.count >= 33, let length = r.u32(8), length == 13,
              r.u32(12) == 0x4948_4452 /* IHDR */,
              let w = r.u32(16), let h = r.u32(20), w > 0, h > 0
        else { throw .corrupt("PNG without a valid IHDR chunk") }
        return ImageHeader(width: w, height: h, orientation: 1)
    }

    /// JPEG: walks the marker segments up to the first SOFn (dimensions) and APP1/Exif (orientation).
    package static func jpeg(_ bytes: UnsafeRawBufferPointer) throws(CodecFailure) -> ImageHeader {
        let r = ByteReader(bytes: bytes)
        var pos = 2
        var orientation = 1
        var segments = 0
        while pos < bytes.count, segments < 10_000 {
            segments += 1
            guard r.u8(pos) == 0xFF else { throw .corrupt("JPEG marker expected at byte \(pos)") }
            var marker = 0xFF
            while marker == 0xFF {  // fill bytes
                pos += 1
                guard let m = r.u8(pos) else { throw .corrupt("JPEG ends inside a marker") }
                marker = m
            }
            pos += 1
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
            if marker == 0xD9 || marker == 0xDA { break }  // EOI / SOS before any SOF
            guard let length = r.u16(pos), length >= 2 else { throw .corrupt("JPEG segment 0x\(String(marker, radix: 16)) has a bad length") }
            let body = pos + 2
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard let h = r.u16(body + 1), let w = r.u16(body + 3) else { throw .corrupt("JPEG SOF truncated") }
                guard w > 0, h > 0 else { throw .corrupt("JPEG SOF with zero dimensions") }
                return ImageHeader(width: w, height: h, orientation: orientation)
            }
            if marker == 0xE1, length >= 16, orientation == 1 {
                orientation = exifOrientation(bytes, start: body, length: length - 2) ?? 1
            }
            pos = body + length - 2
        }
        throw .corrupt("JPEG without a frame header (SOF)")
    }

    /// Orientation tag (0x0112) of IFD0 in an APP1 "Exif\0\0" segment body.
    package static func exifOrientation(_ bytes: UnsafeRawBufferPointer, start: Int, length: Int) -> Int? {
        var r = ByteReader(bytes: bytes)
        let exif: [Int] = [0x45, 0x78, 0x69, 0x66, 0, 0]
        for (i, b) in exif.enumerated() where r.u8(start + i) != b { return nil }
        let tiff = start + 6
        let end = start + length
        guard let order = r.u16(tiff) else { return nil }
        if order == 0x4949 { r.bigEndian = false } else if order != 0x4D4D { return nil }
        guard r.u16(tiff + 2) == 42, let ifdOffset = r.u32(tiff + 4) else { return nil }
        let ifd = tiff + ifdOffset
        guard ifdOffset >= 8, ifd + 2 <= end, let count = r.u16(ifd), count < 1000 else { return nil }
        for i in 0..<count {
            let entry = ifd + 2 + i * 12
            guard entry + 12 <= end else { return nil }
            if r.u16(entry) == 0x0112, r.u16(entry + 2) == 3, let v = r.u16(entry + 8) {
                return (1...8).contains(v) ? v : nil
            }
        }
        return nil
    }

    /// A JPEG frame that can be embedded in a PDF unchanged (DCTDecode).
    package struct EmbeddableJPEG: Sendable, Equatable {
        package var width: Int
        package var height: Int
        /// Colour components: 1 grey, 3 YCbCr.
        package var components: Int
    }

    /// PNG IHDR dimensions as the printout's logo loader reads them (`.corrupt` reason is user text).
    package static func pngForEmbedding(_ b: [UInt8]) throws(CodecFailure) -> (width: Int, height: Int) {
        guard b.count >= 33, be32(b, 8) == 13, Array(b[12..<16]) == Array("IHDR".utf8) else {
            throw .corrupt("PNG without a valid IHDR header")
        }
        return (be32(b, 16), be32(b, 20))
    }

    /// Walks the JPEG marker segments up to the first SOS: the frame header must come first,
    /// be 8-bit, grey or YCbCr, baseline / extended / progressive Huffman; the file must end with
    /// EOI. Failure reasons are user text (`.corrupt` for damaged data, `.unsupported` for variants).
    package static func jpegForEmbedding(_ b: [UInt8]) throws(CodecFailure) -> EmbeddableJPEG {
        var i = 2
        var frame: (Int, Int, Int)?
        var tables = false
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { throw .corrupt("corrupt JPEG: no marker at byte \(i)") }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let hi: Int = Int(b[i + 2]), lo: Int = Int(b[i + 3])
            let length: Int = hi * 256 + lo
            guard length >= 2, i + 2 + length <= b.count else {
                throw .corrupt("corrupt JPEG: segment 0xFF\(String(marker, radix: 16, uppercase: true)) runs past the end")
            }
            switch marker {
            case 0xC0, 0xC1, 0xC2:
                guard length >= 8 else { throw .corrupt("corrupt JPEG frame header") }
                let precision = Int(b[i + 4])
                let h: Int = Int(b[i + 5]) * 256 + Int(b[i + 6])
                let w: Int = Int(b[i + 7]) * 256 + Int(b[i + 8])
                let n = Int(b[i + 9])
                guard precision == 8 else { throw .unsupported("\(precision)-bit JPEG; only 8-bit JPEG is accepted") }
                // 4: CMYK/YCCK (a print designer's logo), converted to RGB when decoded.
                guard n == 1 || n == 3 || n == 4 else { throw .unsupported("JPEG with \(n) colour components; only greyscale, RGB/YCbCr or CMYK is accepted") }
                frame = (w, h, n)
            case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF:
                throw .unsupported("lossless, hierarchical or arithmetic-coded JPEG is not accepted; save it as a baseline JPEG or PNG")
            case 0xC4, 0xDB:
                tables = true
            case 0xDA:
                guard let (w, h, n) = frame else { throw .corrupt("corrupt JPEG: scan before the frame header") }
                guard tables || marker == 0xDA && b.count > 0 else { break }
                guard b.count >= 2, b[b.count - 2] == 0xFF, b[b.count - 1] == 0xD9 else {
                    throw .corrupt("truncated JPEG (no end-of-image marker)")
                }
                return EmbeddableJPEG(width: w, height: h, components: n)
            default: break
            }
            i += 2 + length
        }
        throw .corrupt("corrupt or truncated JPEG (no image scan)")
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> Int {
        guard i + 4 <= b.count else { return 0 }
        var v: Int = 0
        for k in 0..<4 { v = (v << 8) | Int(b[k + i]) }
        return v
    }
}
