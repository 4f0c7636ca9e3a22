import ImageCodec
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

// Sniffing, header reading and decoding live in the ImageCodec module (shared with the printout's
// logo loader); these names keep the checker's code as it was.
typealias SniffedFormat = ImageFormat
typealias ImageHeader = ImageCodec.ImageHeader
typealias HeaderReader = ImageCodec.HeaderReader
typealias DecodeFailure = CodecFailure

extension ImageCodec.ImageHeader {
    /// Width and height once the EXIF orientation is applied.
    var uprightSize: IDScanSize {
        let u = upright
        return IDScanSize(width: u.width, height: u.height)
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
    /// Decodes `bytes` (already sniffed as `format`, JPEG or PNG) to grayscale. `minLongSide` picks
    /// the JPEG DCT scale (the smallest picture whose long side is still ≥ it); `scaleDenominator` forces one.
    static func decode(_ bytes: UnsafeRawBufferPointer, format: SniffedFormat, header: ImageHeader,
                       maxPixels: UInt64, minLongSide: Int, scaleDenominator: Int? = nil) throws(DecodeFailure) -> DecodedImage {
        let decoded = try RasterCodec.decodeGray(bytes, format: format, maxPixels: maxPixels,
                                                 minLongSide: minLongSide, scaleDenominator: scaleDenominator)
        let upright = RasterCodec.orient(decoded.bitmap, orientation: header.orientation)
        return DecodedImage(image: GrayImage(width: upright.width, height: upright.height, pixels: upright.pixels),
                            sourceSize: header.uprightSize, scaleDenominator: decoded.scaleDenominator)
    }

    /// Applies an EXIF orientation (1…8) so the image is as the camera user saw it.
    static func orient(_ src: GrayImage, orientation: Int) -> GrayImage {
        let o = RasterCodec.orient(GrayBitmap(width: src.width, height: src.height, pixels: src.pixels), orientation: orientation)
        return GrayImage(width: o.width, height: o.height, pixels: o.pixels)
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
        do { return try RasterCodec.encodeJPEG(pixels: pixels, width: width, height: height, components: components, quality: quality) }
        catch { throw EncodeError(description: describe(error)) }
    }

    /// Encodes 8-bit pixels (`components` 1 = gray, 3 = RGB) as PNG.
    public static func png(pixels: [UInt8], width: Int, height: Int, components: Int) throws(EncodeError) -> Data {
        do { return try RasterCodec.encodePNG(pixels: pixels, width: width, height: height, components: components) }
        catch { throw EncodeError(description: describe(error)) }
    }

    private static func describe(_ error: CodecFailure) -> String {
        switch error {
        case let .corrupt(text), let .unsupported(text): return text
        default: return "image encoding failed"
        }
    }
}
