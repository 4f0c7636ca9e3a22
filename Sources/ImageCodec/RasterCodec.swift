import CImageCodec
import Foundation

/// An 8-bit grayscale bitmap, row stride == width.
package struct GrayBitmap: Sendable, Equatable {
    package var width: Int
    package var height: Int
    package var pixels: [UInt8]

    package init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width; self.height = height; self.pixels = pixels
    }
}

/// A decoded grayscale picture and how it relates to the file's full resolution.
package struct DecodedGray: Sendable {
    /// The pixels as stored in the file (not yet EXIF-oriented), possibly DCT-downscaled.
    package var bitmap: GrayBitmap
    /// DCT scale denominator used (1 for PNG).
    package var scaleDenominator: Int
}

/// JPEG and PNG decoding to grayscale, the encoders, and the printout's BGRX (cairo RGB24) path —
/// all through the setjmp-guarded C helper, so no libjpeg/libpng error ever longjmps over Swift.
package enum RasterCodec {
    private static func text(_ message: [CChar]) -> String {
        message.withUnsafeBufferPointer { p in
            String(decoding: p.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Decodes a JPEG or PNG to grayscale. The header is read inside the decoder first and
    /// `tooLarge` comes back before any pixel memory exists when width × height > `maxPixels`.
    /// JPEG: `scaleDenominator` forces a DCT scale (1, 2, 4, 8); otherwise the smallest picture whose
    /// long side is still ≥ `minLongSide` is decoded.
    package static func decodeGray(_ bytes: UnsafeRawBufferPointer, format: ImageFormat, maxPixels: UInt64,
                                   minLongSide: Int, scaleDenominator: Int? = nil) throws(CodecFailure) -> DecodedGray {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw .corrupt("empty data") }
        guard format == .jpeg || format == .png else { throw .unsupported("not a JPEG or PNG image") }
        var out = imgcodec_gray_image()
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = message.withUnsafeMutableBufferPointer { msg in
            if format == .jpeg {
                if let d = scaleDenominator {
                    return imgcodec_jpeg_decode_gray_scaled(base, bytes.count, maxPixels, Int32(clamping: d), &out, msg.baseAddress, msg.count)
                }
                return imgcodec_jpeg_decode_gray(base, bytes.count, maxPixels, Int32(clamping: minLongSide), &out, msg.baseAddress, msg.count)
            }
            return imgcodec_png_decode_gray(base, bytes.count, maxPixels, &out, msg.baseAddress, msg.count)
        }
        defer { imgcodec_free(out.pixels) }
        let pixels = try decoded(status, out, message)
        let w = Int(out.width), h = Int(out.height)
        let bitmap = GrayBitmap(width: w, height: h, pixels: Array(UnsafeBufferPointer(start: pixels, count: w * h)))
        return DecodedGray(bitmap: bitmap, scaleDenominator: Int(out.scale_denom))
    }

    /// Decodes a JPEG (at the DCT scale `scaleDenominator`: 1, 2, 4 or 8) or a PNG (at full size)
    /// to its two chroma planes, Cb and Cr (ITU-R BT.601, 128 = no colour), each as an 8-bit
    /// bitmap. Same limits and errors as ``decodeGray(_:format:maxPixels:minLongSide:scaleDenominator:)``.
    package static func decodeChroma(_ bytes: UnsafeRawBufferPointer, format: ImageFormat, maxPixels: UInt64,
                                     scaleDenominator: Int) throws(CodecFailure) -> (cb: GrayBitmap, cr: GrayBitmap, scaleDenominator: Int) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw .corrupt("empty data") }
        guard format == .jpeg || format == .png else { throw .unsupported("not a JPEG or PNG image") }
        var out = imgcodec_gray_image()
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = message.withUnsafeMutableBufferPointer { msg in
            format == .jpeg
                ? imgcodec_jpeg_decode_rgb_scaled(base, bytes.count, maxPixels, Int32(clamping: scaleDenominator), &out, msg.baseAddress, msg.count)
                : imgcodec_png_decode_rgb(base, bytes.count, maxPixels, &out, msg.baseAddress, msg.count)
        }
        defer { imgcodec_free(out.pixels) }
        let pixels = try decoded(status, out, message)
        let w = Int(out.width), h = Int(out.height), n = w * h
        var cb = [UInt8](repeating: 128, count: n), cr = [UInt8](repeating: 128, count: n)
        let rgb = UnsafeBufferPointer(start: pixels, count: n * 3)
        for i in 0..<n {
            let r = Int32(rgb[3 * i]), g = Int32(rgb[3 * i + 1]), b = Int32(rgb[3 * i + 2])
            // BT.601 in fixed point (×65536): Cb = −0.168736 R − 0.331264 G + 0.5 B + 128, Cr = 0.5 R − 0.418688 G − 0.081312 B + 128.
            let u = (-11058 * r - 21710 * g + 32768 * b + (128 << 16) + 32768) >> 16
            let v = (32768 * r - 27439 * g - 5329 * b + (128 << 16) + 32768) >> 16
            cb[i] = UInt8(clamping: u)
            cr[i] = UInt8(clamping: v)
        }
        return (GrayBitmap(width: w, height: h, pixels: cb), GrayBitmap(width: w, height: h, pixels: cr), Int(out.scale_denom))
    }

    /// The pixels of a C decoder's result, or its failure as a ``CodecFailure``.
    private static func decoded(_ status: Int32, _ out: imgcodec_gray_image, _ message: [CChar]) throws(CodecFailure) -> UnsafeMutablePointer<UInt8> {
        let reason = text(message)
        switch status {
        case IMGCODEC_OK: break
        case IMGCODEC_TOO_LARGE: throw .tooLarge(width: Int(out.source_width), height: Int(out.source_height))
        case IMGCODEC_UNSUPPORTED: throw .unsupported(reason)
        default: throw .corrupt(reason.isEmpty ? "undecodable image" : reason)
        }
        guard let pixels = out.pixels, out.width > 0, out.height > 0 else { throw .corrupt("decoder returned no pixels") }
        return pixels
    }

    /// Applies an EXIF orientation (1…8) so the image is as the camera user saw it.
    package static func orient(_ src: GrayBitmap, orientation: Int) -> GrayBitmap {
        guard (2...8).contains(orientation), src.pixels.count == src.width * src.height else { return src }
        let W = src.width, H = src.height
        let swap = orientation >= 5
        let ow = swap ? H : W, oh = swap ? W : H
        var dst = GrayBitmap(width: ow, height: oh, pixels: [UInt8](repeating: 0, count: ow * oh))
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

    // MARK: Encoders

    /// Encodes 8-bit pixels (`components` 1 = gray, 3 = RGB) as JPEG at `quality` (1–100).
    package static func encodeJPEG(pixels: [UInt8], width: Int, height: Int, components: Int, quality: Int) throws(CodecFailure) -> Data {
        try encode(pixels: pixels, width: width, height: height, components: components) { p, w, h, c, out, size, msg, n in
            imgcodec_jpeg_encode(p, w, h, c, Int32(clamping: quality), out, size, msg, n)
        }
    }

    /// Encodes 8-bit pixels (`components` 1 = gray, 3 = RGB) as PNG.
    package static func encodePNG(pixels: [UInt8], width: Int, height: Int, components: Int) throws(CodecFailure) -> Data {
        try encode(pixels: pixels, width: width, height: height, components: components) { p, w, h, c, out, size, msg, n in
            imgcodec_png_encode(p, w, h, c, out, size, msg, n)
        }
    }

    private static func encode(
        pixels: [UInt8], width: Int, height: Int, components: Int,
        _ call: (UnsafePointer<UInt8>, Int32, Int32, Int32, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
                 UnsafeMutablePointer<Int>, UnsafeMutablePointer<CChar>?, Int) -> Int32
    ) throws(CodecFailure) -> Data {
        guard width > 0, height > 0, components == 1 || components == 3,
              pixels.count == width * height * components,
              let w = Int32(exactly: width), let h = Int32(exactly: height)
        else { throw .unsupported("invalid image for encoding: \(width)x\(height)x\(components), \(pixels.count) bytes") }
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = pixels.withUnsafeBufferPointer { p in
            message.withUnsafeMutableBufferPointer { m in
                guard let base = p.baseAddress else { return IMGCODEC_CORRUPT }
                return call(base, w, h, Int32(components), &out, &size, m.baseAddress, m.count)
            }
        }
        defer { imgcodec_free(out) }
        guard status == IMGCODEC_OK, let out else { throw .corrupt("image encoding failed: \(text(message))") }
        return Data(bytes: out, count: size)
    }

    // MARK: cairo RGB24 (B, G, R, X bytes) for the printout's logos

    /// Runs the whole JPEG through libjpeg once at 1/8 DCT scale (markers, Huffman tables and every
    /// entropy-coded block parsed as a full decode would), so a JPEG that passes can be decoded.
    package static func probeJPEG(_ bytes: [UInt8], maxPixels: Int) throws(CodecFailure) {
        var image = imgcodec_gray_image()
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { buf in
            imgcodec_jpeg_decode_gray_scaled(buf.baseAddress, buf.count, UInt64(max(0, maxPixels)), 8,
                                             &image, &message, message.count)
        }
        imgcodec_free(image.pixels)
        guard status == IMGCODEC_OK else { throw .corrupt(text(message)) }
    }

    /// Decodes a JPEG at full scale into caller-owned memory as cairo RGB24 pixels, rows `stride`
    /// bytes apart; the image must be exactly `width` × `height`.
    package static func decodeJPEGBGRX(_ bytes: [UInt8], width: Int, height: Int,
                                       into dst: UnsafeMutablePointer<UInt8>, stride: Int) throws(CodecFailure) {
        guard let w = Int32(exactly: width), let h = Int32(exactly: height), stride >= 0 else {
            throw .corrupt("invalid geometry")
        }
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { buf in
            imgcodec_jpeg_decode_bgrx(buf.baseAddress, buf.count, w, h, dst, stride, &message, message.count)
        }
        guard status == IMGCODEC_OK else { throw .corrupt(text(message)) }
    }

    /// Encodes cairo RGB24 pixels as a baseline JPEG with optimised Huffman tables (4:2:0).
    package static func encodeJPEGBGRX(_ src: UnsafePointer<UInt8>, width: Int32, height: Int32, stride: Int,
                                       quality: Int32) -> [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = imgcodec_jpeg_encode_bgrx(src, width, height, stride, quality, &out, &size, &message, message.count)
        defer { imgcodec_free(out) }
        guard status == IMGCODEC_OK, let out else { return nil }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }
}
