import CIDScanDecode
import Foundation

/// An 8-bit grayscale image, row stride == width.
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width; self.height = height; self.pixels = pixels
    }

    init(width: Int, height: Int, fill: UInt8 = 0) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: fill, count: width * height))
    }
}

/// Image formats recognised by their magic bytes.
enum SniffedFormat: String, Sendable {
    case jpeg, png, gif, pdf, webp, bmp, tiff, heif, empty, unknown

    static func sniff(_ bytes: UnsafeRawBufferPointer) -> SniffedFormat {
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
}

/// Header facts read without decoding any pixel.
struct ImageHeader: Sendable {
    var width: Int
    var height: Int
    /// EXIF orientation 1…8 (1 when absent or invalid).
    var orientation: Int

    /// Width and height once the EXIF orientation is applied.
    var uprightSize: IDScanSize {
        orientation >= 5 ? IDScanSize(width: height, height: width) : IDScanSize(width: width, height: height)
    }
}

enum DecodeFailure: Error, Equatable {
    case corrupt(String)
    case tooLarge(width: Int, height: Int)
    case unsupported(String)
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

enum HeaderReader {
    /// PNG: signature + IHDR (the first chunk, by the spec).
    static func png(_ bytes: UnsafeRawBufferPointer) throws(DecodeFailure) -> ImageHeader {
        let r = ByteReader(bytes: bytes)
        guard bytes.count >= 33, let length = r.u32(8), length == 13,
              r.u32(12) == 0x4948_4452 /* IHDR */,
              let w = r.u32(16), let h = r.u32(20), w > 0, h > 0
        else { throw .corrupt("PNG without a valid IHDR chunk") }
        return ImageHeader(width: w, height: h, orientation: 1)
    }

    /// JPEG: walks the marker segments up to the first SOFn (dimensions) and APP1/Exif (orientation).
    static func jpeg(_ bytes: UnsafeRawBufferPointer) throws(DecodeFailure) -> ImageHeader {
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
    static func exifOrientation(_ bytes: UnsafeRawBufferPointer, start: Int, length: Int) -> Int? {
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
}

/// A decoded working image: grayscale, EXIF-upright, possibly DCT-downscaled.
struct DecodedImage: Sendable {
    var image: GrayImage
    /// Upright size of the full-resolution image.
    var sourceSize: IDScanSize
    /// DCT scale denominator (1 for PNG).
    var scaleDenominator: Int
    /// Original pixels per working-image pixel, horizontally and vertically.
    var scaleX: Double { Double(sourceSize.width) / Double(max(image.width, 1)) }
    var scaleY: Double { Double(sourceSize.height) / Double(max(image.height, 1)) }
}

enum ImageDecoder {
    /// Decodes `bytes` (already sniffed as `format`) to grayscale. `minLongSide` picks the JPEG DCT
    /// scale (the smallest picture whose long side is still ≥ it); `scaleDenominator` forces one.
    static func decode(_ bytes: UnsafeRawBufferPointer, format: SniffedFormat, header: ImageHeader,
                       maxPixels: UInt64, minLongSide: Int, scaleDenominator: Int? = nil) throws(DecodeFailure) -> DecodedImage {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw .corrupt("empty data") }
        var out = idscan_gray_image()
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = message.withUnsafeMutableBufferPointer { msg in
            switch format {
            case .jpeg:
                if let d = scaleDenominator {
                    return idscan_jpeg_decode_gray_scaled(base, bytes.count, maxPixels, Int32(d), &out, msg.baseAddress, msg.count)
                }
                return idscan_jpeg_decode_gray(base, bytes.count, maxPixels, Int32(clamping: minLongSide), &out, msg.baseAddress, msg.count)
            default:
                return idscan_png_decode_gray(base, bytes.count, maxPixels, &out, msg.baseAddress, msg.count)
            }
        }
        defer { idscan_free(out.pixels) }
        let text = message.withUnsafeBufferPointer { p in
            String(decoding: p.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        switch status {
        case IDSCAN_OK: break
        case IDSCAN_TOO_LARGE: throw .tooLarge(width: Int(out.source_width), height: Int(out.source_height))
        case IDSCAN_UNSUPPORTED: throw .unsupported(text)
        default: throw .corrupt(text.isEmpty ? "undecodable image" : text)
        }
        guard let pixels = out.pixels, out.width > 0, out.height > 0 else { throw .corrupt("decoder returned no pixels") }
        let w = Int(out.width), h = Int(out.height)
        let stored = GrayImage(width: w, height: h, pixels: Array(UnsafeBufferPointer(start: pixels, count: w * h)))
        let upright = orient(stored, orientation: header.orientation)
        return DecodedImage(image: upright, sourceSize: header.uprightSize, scaleDenominator: Int(out.scale_denom))
    }

    /// Applies an EXIF orientation (1…8) so the image is as the camera user saw it.
    static func orient(_ src: GrayImage, orientation: Int) -> GrayImage {
        guard (2...8).contains(orientation) else { return src }
        let W = src.width, H = src.height
        let swap = orientation >= 5
        let ow = swap ? H : W, oh = swap ? W : H
        var dst = GrayImage(width: ow, height: oh)
        src.pixels.withUnsafeBufferPointer { s in
            dst.pixels.withUnsafeMutableBufferPointer { d in
                for y in 0..<oh {
                    for x in 0..<ow {
                        let sx: Int, sy: Int
                        switch orientation {
                        case 2: sx = W - 1 - x; sy = y
                        case 3: sx = W - 1 - x; sy = H - 1 - y
                        case 4: sx = x; sy = H - 1 - y
                        case 5: sx = y; sy = x
                        case 6: sx = y; sy = H - 1 - x
                        case 7: sx = W - 1 - y; sy = H - 1 - x
                        default: sx = W - 1 - y; sy = x
                        }
                        d[y * ow + x] = s[sy * W + sx]
                    }
                }
            }
        }
        return dst
    }
}

/// Encoders used by the synthetic data generator (and handy for callers writing test images).
public enum IDScanImageEncoder {
    /// Errors from the C encoders.
    public struct EncodeError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Encodes 8-bit pixels (`components` 1 = gray, 3 = RGB) as JPEG at `quality` (1–100).
    public static func jpeg(pixels: [UInt8], width: Int, height: Int, components: Int, quality: Int) throws(EncodeError) -> Data {
        try encode(pixels: pixels, width: width, height: height, components: components) { p, w, h, c, out, size, msg, n in
            idscan_jpeg_encode(p, w, h, c, Int32(clamping: quality), out, size, msg, n)
        }
    }

    /// Encodes 8-bit pixels (`components` 1 = gray, 3 = RGB) as PNG.
    public static func png(pixels: [UInt8], width: Int, height: Int, components: Int) throws(EncodeError) -> Data {
        try encode(pixels: pixels, width: width, height: height, components: components) { p, w, h, c, out, size, msg, n in
            idscan_png_encode(p, w, h, c, out, size, msg, n)
        }
    }

    private static func encode(
        pixels: [UInt8], width: Int, height: Int, components: Int,
        _ call: (UnsafePointer<UInt8>, Int32, Int32, Int32, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
                 UnsafeMutablePointer<Int>, UnsafeMutablePointer<CChar>?, Int) -> Int32
    ) throws(EncodeError) -> Data {
        guard width > 0, height > 0, components == 1 || components == 3,
              pixels.count == width * height * components,
              let w = Int32(exactly: width), let h = Int32(exactly: height)
        else { throw EncodeError(description: "invalid image for encoding: \(width)x\(height)x\(components), \(pixels.count) bytes") }
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = pixels.withUnsafeBufferPointer { p in
            message.withUnsafeMutableBufferPointer { m in
                guard let base = p.baseAddress else { return IDSCAN_CORRUPT }
                return call(base, w, h, Int32(components), &out, &size, m.baseAddress, m.count)
            }
        }
        defer { idscan_free(out) }
        guard status == IDSCAN_OK, let out else {
            let text = message.withUnsafeBufferPointer { p in String(decoding: p.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            throw EncodeError(description: "image encoding failed: \(text)")
        }
        return Data(bytes: out, count: size)
    }
}
