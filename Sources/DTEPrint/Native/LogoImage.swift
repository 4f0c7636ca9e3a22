import CCairo
import Foundation
import ImageCodec

/// A decoded logo ready for drawing: an opaque RGB24 cairo image surface (transparency flattened
/// onto white paper) with JPEG bytes attached as `CAIRO_MIME_TYPE_JPEG`, so that the PDF backend
/// embeds those bytes unchanged (DCTDecode) instead of deflating 4 bytes per pixel in every document.
///
/// One instance per rendering context: cairo attaches snapshots to source surfaces, so a surface
/// is never shared between threads.
final class LogoImage {
    let surface: CairoSurface
    let width: Int
    let height: Int

    init(logo: Logo, embedding: PrintTemplate.LogoEmbeddingMode) throws(PrintError) {
        switch logo.format {
        case .png:
            let png = try LogoImage.decodePNG(logo)
            surface = LogoImage.flattened(png)
            width = Int(cairo_image_surface_get_width(png.pointer))
            height = Int(cairo_image_surface_get_height(png.pointer))
            if embedding == .jpeg {
                guard let jpeg = LogoImage.compressJPEG(surface, quality: 85) else {
                    throw .logo(source: logo.source, reason: "could not convert the PNG to JPEG for embedding")
                }
                LogoImage.attachJPEG(jpeg, to: surface)
            }
        case .jpeg:
            surface = try LogoImage.decodeJPEG(logo)
            width = logo.pixelWidth
            height = logo.pixelHeight
            if logo.jpegComponents == 4 {
                // A CMYK JPEG embedded as is would print with inverted or shifted colours in
                // viewers that ignore Adobe's convention: embed the RGB conversion instead.
                guard let jpeg = LogoImage.compressJPEG(surface, quality: 90) else {
                    throw .logo(source: logo.source, reason: "could not convert the CMYK JPEG to RGB for embedding")
                }
                LogoImage.attachJPEG(jpeg, to: surface)
            } else {
                LogoImage.attachJPEG([UInt8](logo.data), to: surface)
            }
        }
    }

    /// The decoded colour at a pixel (tests check conversions with it).
    func rgb(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8)? {
        guard x >= 0, y >= 0, x < width, y < height, let data = cairo_image_surface_get_data(surface.pointer) else { return nil }
        let p = data + y * Int(cairo_image_surface_get_stride(surface.pointer)) + x * 4
        return (p[2], p[1], p[0])   // RGB24: B, G, R, X in memory (little-endian)
    }

    // MARK: PNG (cairo's libpng reader: errors come back as a status, never a longjmp out of Swift)

    private final class ReadCursor {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    static func decodePNG(_ logo: Logo) throws(PrintError) -> CairoSurface {
        let cursor = ReadCursor([UInt8](logo.data))
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let c = Unmanaged<ReadCursor>.fromOpaque(closure).takeUnretainedValue()
            let n = Int(length)
            guard c.offset + n <= c.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            c.bytes.withUnsafeBufferPointer { buf in
                if let base = buf.baseAddress { data.update(from: base + c.offset, count: n) }
            }
            c.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        let s = withExtendedLifetime(cursor) {
            CairoSurface(owning: cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(cursor).toOpaque()))
        }
        guard s.status == CAIRO_STATUS_SUCCESS else {
            throw .logo(source: logo.source, reason: "cannot decode the PNG (\(String(cString: cairo_status_to_string(s.status))))")
        }
        return s
    }

    /// The image painted over white into an RGB24 surface.
    private static func flattened(_ image: CairoSurface) -> CairoSurface {
        let w = cairo_image_surface_get_width(image.pointer), h = cairo_image_surface_get_height(image.pointer)
        let out = CairoSurface.image(format: CAIRO_FORMAT_RGB24, width: w, height: h)
        let cr = CairoContext(target: out)
        cairo_set_source_rgb(cr.pointer, 1, 1, 1)
        cairo_paint(cr.pointer)
        cairo_set_source_surface(cr.pointer, image.pointer, 0, 0)
        cairo_paint(cr.pointer)
        cairo_surface_flush(out.pointer)
        return out
    }

    private static func attachJPEG(_ jpeg: [UInt8], to surface: CairoSurface) {
        let n = jpeg.count
        guard let copy = malloc(n) else { return }
        jpeg.withUnsafeBytes { raw in
            if let base = raw.baseAddress { copy.copyMemory(from: base, byteCount: n) }
        }
        cairo_surface_set_mime_data(surface.pointer, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self),
                                    UInt(n), { free($0) }, copy)
    }

    // MARK: JPEG, through the ImageCodec module shared with IDScan: libjpeg reports fatal errors by
    // longjmp, which cannot cross Swift frames, so every libjpeg call stays on the C side behind
    // setjmp and comes back as a status.

    private static func reason(_ error: CodecFailure) -> String {
        switch error {
        case let .corrupt(text), let .unsupported(text): return text.isEmpty ? "invalid data" : text
        default: return "invalid data"
        }
    }

    /// Runs the whole JPEG through libjpeg once at 1/8 DCT scale (markers, Huffman tables and
    /// every entropy-coded block parsed as a full decode would), so a `Logo` that loads is one the
    /// printout can decode.
    static func probeJPEG(_ bytes: [UInt8], maxPixels: Int, source: String) throws(PrintError) {
        do { try RasterCodec.probeJPEG(bytes, maxPixels: maxPixels) } catch {
            throw .logo(source: source, reason: "the JPEG cannot be decoded (\(reason(error)))")
        }
    }

    static func decodeJPEG(_ logo: Logo) throws(PrintError) -> CairoSurface {
        let surface = CairoSurface.image(format: CAIRO_FORMAT_RGB24, width: Int32(logo.pixelWidth), height: Int32(logo.pixelHeight))
        guard surface.status == CAIRO_STATUS_SUCCESS, let dst = cairo_image_surface_get_data(surface.pointer) else {
            throw .logo(source: logo.source, reason: "cannot allocate \(logo.pixelWidth) × \(logo.pixelHeight) pixels")
        }
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        // cairo RGB24 is B, G, R, X in memory on little-endian, which is what the codec writes.
        do {
            try RasterCodec.decodeJPEGBGRX([UInt8](logo.data), width: logo.pixelWidth, height: logo.pixelHeight,
                                           into: dst, stride: stride)
        } catch {
            throw .logo(source: logo.source, reason: "the JPEG cannot be decoded (\(reason(error)))")
        }
        cairo_surface_mark_dirty(surface.pointer)
        return surface
    }

    /// The RGB24 surface as a JPEG (4:2:0, optimised Huffman tables: at print sizes the
    /// subsampling is invisible and it keeps the letter page with a logo under 45 KB).
    static func compressJPEG(_ surface: CairoSurface, quality: Int32) -> [UInt8]? {
        cairo_surface_flush(surface.pointer)
        guard let src = cairo_image_surface_get_data(surface.pointer) else { return nil }
        let w = cairo_image_surface_get_width(surface.pointer), h = cairo_image_surface_get_height(surface.pointer)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        return RasterCodec.encodeJPEGBGRX(src, width: w, height: h, stride: stride, quality: quality)
    }
}

/// Decoded RGB pixels of a PNG (tests: visual comparison of renders).
struct RasterImage: Sendable {
    let width: Int
    let height: Int
    /// 0x00RRGGBB per pixel, row-major.
    let pixels: [UInt32]

    init(png: Data) throws(PrintError) {
        let logo = try Logo(data: png, source: "png")
        let s = try LogoImage.decodePNG(logo)
        cairo_surface_flush(s.pointer)
        let w = Int(cairo_image_surface_get_width(s.pointer)), h = Int(cairo_image_surface_get_height(s.pointer))
        let stride = Int(cairo_image_surface_get_stride(s.pointer))
        guard let base = cairo_image_surface_get_data(s.pointer) else { throw .cairo("no pixels") }
        var px = [UInt32](repeating: 0, count: w * h)
        for y in 0..<h {
            let rowOffset: Int = y * stride
            let row = UnsafeRawPointer(base.advanced(by: rowOffset)).bindMemory(to: UInt32.self, capacity: w)
            for x in 0..<w { px[y * w + x] = row[x] & 0xFFFFFF }
        }
        width = w; height = h; pixels = px
    }
}
