import Foundation

/// A company logo for the printout: a PNG or JPEG, checked when made.
///
/// The header is read first and images larger than ``maxPixels`` (or ``maxSide`` on a side) are
/// refused before anything is decoded, so a tiny file claiming 20000 × 20000 pixels costs
/// nothing. The pixels are decoded once per ``Printout`` (per rendering thread), never per document.
public struct Logo: Sendable, Hashable {
    /// The image format.
    public enum Format: String, Sendable, Hashable { case png, jpeg }

    /// The file's bytes, as given.
    public let data: Data
    /// Where it came from (for errors).
    public let source: String
    public let format: Format
    public let pixelWidth: Int
    public let pixelHeight: Int
    /// JPEG colour components (1 grey, 3 YCbCr); 0 for PNG.
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
        do { data = try Data(contentsOf: url) } catch {
            throw .logo(source: url.path, reason: "cannot read the file (\(Self.reason(error)))")
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
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            header = try Logo.pngHeader(bytes, source: source)
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            header = try Logo.jpegHeader(bytes, source: source)
        } else {
            throw .logo(source: source, reason: "not a PNG or JPEG image (the file does not start with a PNG or JPEG signature)")
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

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> Int {
        guard i + 4 <= b.count else { return 0 }
        var v: Int = 0
        for k in 0..<4 { v = (v << 8) | Int(b[i + k]) }
        return v
    }

    private static func pngHeader(_ b: [UInt8], source: String) throws(PrintError) -> (Format, Int, Int, Int) {
        guard b.count >= 33, be32(b, 8) == 13, Array(b[12..<16]) == Array("IHDR".utf8) else {
            throw .logo(source: source, reason: "PNG without a valid IHDR header")
        }
        return (.png, be32(b, 16), be32(b, 20), 0)
    }

    /// Walks the JPEG marker segments up to the first SOS: the frame header must come first,
    /// be 8-bit, grey or YCbCr, baseline / extended / progressive Huffman; the file must end with EOI.
    private static func jpegHeader(_ b: [UInt8], source: String) throws(PrintError) -> (Format, Int, Int, Int) {
        var i = 2
        var frame: (Int, Int, Int)?
        var tables = false
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { throw .logo(source: source, reason: "corrupt JPEG: no marker at byte \(i)") }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let hi: Int = Int(b[i + 2]), lo: Int = Int(b[i + 3])
            let length: Int = hi * 256 + lo
            guard length >= 2, i + 2 + length <= b.count else {
                throw .logo(source: source, reason: "corrupt JPEG: segment 0xFF\(String(marker, radix: 16, uppercase: true)) runs past the end")
            }
            switch marker {
            case 0xC0, 0xC1, 0xC2:
                guard length >= 8 else { throw .logo(source: source, reason: "corrupt JPEG frame header") }
                let precision = Int(b[i + 4])
                let h: Int = Int(b[i + 5]) * 256 + Int(b[i + 6])
                let w: Int = Int(b[i + 7]) * 256 + Int(b[i + 8])
                let n = Int(b[i + 9])
                guard precision == 8 else { throw .logo(source: source, reason: "\(precision)-bit JPEG; only 8-bit JPEG is accepted") }
                guard n == 1 || n == 3 else { throw .logo(source: source, reason: "JPEG with \(n) colour components; only greyscale or RGB/YCbCr (not CMYK) is accepted") }
                frame = (w, h, n)
            case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF:
                throw .logo(source: source, reason: "lossless, hierarchical or arithmetic-coded JPEG is not accepted; save it as a baseline JPEG or PNG")
            case 0xC4, 0xDB:
                tables = true
            case 0xDA:
                guard let (w, h, n) = frame else { throw .logo(source: source, reason: "corrupt JPEG: scan before the frame header") }
                guard tables || marker == 0xDA && b.count > 0 else { break }
                guard b.count >= 2, b[b.count - 2] == 0xFF, b[b.count - 1] == 0xD9 else {
                    throw .logo(source: source, reason: "truncated JPEG (no end-of-image marker)")
                }
                return (.jpeg, w, h, n)
            default: break
            }
            i += 2 + length
        }
        throw .logo(source: source, reason: "corrupt or truncated JPEG (no image scan)")
    }
}
