import DTECore
import Foundation
import ImageCodec

/// A company logo for the printout: a PNG or JPEG, checked when made.
///
/// The header is read first and images larger than ``maxPixels`` (or ``maxSide`` on a side) are
/// refused before anything is decoded, so a tiny file claiming 20000 × 20000 pixels costs
/// nothing. The pixels are decoded once per ``Printout`` (per rendering thread), never per document.
public struct Logo: Sendable, Hashable {
    /// The image format.
    public enum Format: String, Sendable, Hashable {
        /// PNG.
        case png
        /// JPEG (greyscale, YCbCr or CMYK).
        case jpeg
    }

    /// The file's bytes, as given.
    public let data: Data
    /// Where it came from (for errors).
    public let source: String
    /// The format, from the file's signature (not its name).
    public let format: Format
    /// The image's width in pixels, from its header.
    public let pixelWidth: Int
    /// The image's height in pixels, from its header.
    public let pixelHeight: Int
    /// JPEG colour components (1 grey, 3 YCbCr, 4 CMYK/YCCK: converted to RGB); 0 for PNG.
    let jpegComponents: Int

    /// The largest side accepted, in pixels.
    public static let maxSide = 6000
    /// The largest image accepted, in pixels (width × height).
    public static let maxPixels = 16_000_000
    /// The largest file accepted, in bytes.
    public static let maxBytes = 8 << 20

    /// Reads a logo file.
    public init(contentsOf url: URL) throws(PrintError) {
        let data: Data
        switch BoundedFile.read(url, limit: Logo.maxBytes) {
        case .success(let d): data = d
        case .failure(let f): throw .logo(source: url.path, reason: "cannot read the file (\(f.reason))")
        }
        try self.init(data: data, source: url.path)
    }

    /// A logo from bytes; `source` names it in errors.
    public init(data: Data, source: String) throws(PrintError) {
        guard data.count <= Logo.maxBytes else {
            throw .logo(source: source, reason: "the file has \(data.count) bytes; at most \(Logo.maxBytes) are accepted")
        }
        let bytes = [UInt8](data)
        let header: (Format, Int, Int, Int)
        // The package's one sniffer and header readers (ImageCodec), with the logo's stricter JPEG rules.
        do throws(CodecFailure) {
            switch ImageFormat.sniff(data) {
            case .png:
                let png = try HeaderReader.pngForEmbedding(bytes)
                header = (.png, png.width, png.height, 0)
            case .jpeg:
                let frame = try HeaderReader.jpegForEmbedding(bytes)
                header = (.jpeg, frame.width, frame.height, frame.components)
            default:
                throw .unsupported("not a PNG or JPEG image (the file does not start with a PNG or JPEG signature)")
            }
        } catch {
            switch error {
            case let .corrupt(reason), let .unsupported(reason): throw .logo(source: source, reason: reason)
            default: throw .logo(source: source, reason: "unreadable image")
            }
        }
        let (format, w, h, components) = header
        guard w > 0, h > 0 else { throw .logo(source: source, reason: "the image header says \(w) × \(h) pixels") }
        guard w <= Logo.maxSide, h <= Logo.maxSide, w * h <= Logo.maxPixels else {
            throw .logo(source: source, reason: "the image is \(w) × \(h) pixels; at most \(Logo.maxSide) per side and \(Logo.maxPixels) pixels are accepted (a logo needs far fewer: 600 × 300 prints sharp)")
        }
        self.data = data; self.source = source; self.format = format
        self.pixelWidth = w; self.pixelHeight = h; self.jpegComponents = components
        // Decode once now so that a corrupt PNG body is refused here, not at render time.
        if format == .png { _ = try LogoImage.decodePNG(self) }
        // A JPEG is run through libjpeg once behind setjmp, so data errors become a PrintError
        // here instead of reaching the render-time decoder.
        if format == .jpeg { try LogoImage.probeJPEG(bytes, maxPixels: Logo.maxPixels, source: source) }
    }
}
