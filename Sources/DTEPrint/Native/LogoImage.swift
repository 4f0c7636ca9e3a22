import CCairo
import CIDScanDecode
import CJPEG
import Foundation

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
            LogoImage.attachJPEG([UInt8](logo.data), to: surface)
        }
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

    // MARK: libjpeg-turbo. libjpeg reports fatal errors through error_exit, which must not return
    // and cannot unwind Swift frames; the JPEG's marker structure is checked by `Logo` first and
    // the encoder only ever sees pixels we made, so error_exit is only reachable on corrupt
    // entropy-coded data, which libjpeg treats as warnings. It traps with the message if reached.

    private static let fatalHandler: @convention(c) (j_common_ptr?) -> Void = { cinfo in
        var buffer = [CChar](repeating: 0, count: Int(JMSG_LENGTH_MAX))
        if let cinfo, let format = cinfo.pointee.err.pointee.format_message { format(cinfo, &buffer) }
        fatalError("libjpeg: \(String(cString: buffer))")
    }
    private static let silentMessage: @convention(c) (j_common_ptr?, Int32) -> Void = { _, _ in }

    /// Runs the whole JPEG through libjpeg once behind a setjmp-based error manager (the thin C
    /// helper shared with IDScan), at 1/8 DCT scale: markers, Huffman tables and every
    /// entropy-coded block are parsed exactly as a full decode would. Any data error libjpeg would
    /// report through `error_exit` is caught here and becomes a `PrintError`, so the decoder
    /// below, whose `error_exit` cannot unwind Swift, never meets one.
    static func probeJPEG(_ bytes: [UInt8], maxPixels: Int, source: String) throws(PrintError) {
        var image = idscan_gray_image()
        var message = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { buf in
            idscan_jpeg_decode_gray_scaled(buf.baseAddress, buf.count, UInt64(max(0, maxPixels)), 8,
                                           &image, &message, message.count)
        }
        idscan_free(image.pixels)
        guard status == IDSCAN_OK else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .logo(source: source, reason: "the JPEG cannot be decoded (\(text.isEmpty ? "invalid data" : text))")
        }
    }

    static func decodeJPEG(_ logo: Logo) throws(PrintError) -> CairoSurface {
        let bytes = [UInt8](logo.data)
        // libjpeg keeps pointers to these structures between calls: they must not move.
        let err = UnsafeMutablePointer<jpeg_error_mgr>.allocate(capacity: 1)
        err.initialize(to: jpeg_error_mgr())
        let cinfo = UnsafeMutablePointer<jpeg_decompress_struct>.allocate(capacity: 1)
        cinfo.initialize(to: jpeg_decompress_struct())
        defer { err.deallocate(); cinfo.deallocate() }
        cinfo.pointee.err = jpeg_std_error(err)
        err.pointee.error_exit = fatalHandler
        err.pointee.emit_message = silentMessage
        jpeg_CreateDecompress(cinfo, JPEG_LIB_VERSION, MemoryLayout<jpeg_decompress_struct>.size)
        defer { jpeg_destroy_decompress(cinfo) }
        let surface = CairoSurface.image(format: CAIRO_FORMAT_RGB24, width: Int32(logo.pixelWidth), height: Int32(logo.pixelHeight))
        guard surface.status == CAIRO_STATUS_SUCCESS, let dst = cairo_image_surface_get_data(surface.pointer) else {
            throw .logo(source: logo.source, reason: "cannot allocate \(logo.pixelWidth) × \(logo.pixelHeight) pixels")
        }
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        return try bytes.withUnsafeBufferPointer { (buf) throws(PrintError) -> CairoSurface in
            jpeg_mem_src(cinfo, buf.baseAddress, UInt(buf.count))
            guard jpeg_read_header(cinfo, 1) == JPEG_HEADER_OK else {
                throw .logo(source: logo.source, reason: "libjpeg cannot read the JPEG header")
            }
            cinfo.pointee.out_color_space = JCS_EXT_BGRX   // = cairo RGB24 byte order on little-endian
            _ = jpeg_start_decompress(cinfo)
            guard Int(cinfo.pointee.output_width) == logo.pixelWidth, Int(cinfo.pointee.output_height) == logo.pixelHeight,
                  cinfo.pointee.output_components == 4 else {
                jpeg_abort_decompress(cinfo)
                throw .logo(source: logo.source, reason: "unexpected JPEG geometry")
            }
            while cinfo.pointee.output_scanline < cinfo.pointee.output_height {
                let offset: Int = Int(cinfo.pointee.output_scanline) * stride
                var row: JSAMPROW? = dst.advanced(by: offset)
                _ = jpeg_read_scanlines(cinfo, &row, 1)
            }
            _ = jpeg_finish_decompress(cinfo)
            cairo_surface_mark_dirty(surface.pointer)
            return surface
        }
    }

    static func compressJPEG(_ surface: CairoSurface, quality: Int32) -> [UInt8]? {
        cairo_surface_flush(surface.pointer)
        guard let src = cairo_image_surface_get_data(surface.pointer) else { return nil }
        let w = cairo_image_surface_get_width(surface.pointer), h = cairo_image_surface_get_height(surface.pointer)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        let err = UnsafeMutablePointer<jpeg_error_mgr>.allocate(capacity: 1)
        err.initialize(to: jpeg_error_mgr())
        let cinfo = UnsafeMutablePointer<jpeg_compress_struct>.allocate(capacity: 1)
        cinfo.initialize(to: jpeg_compress_struct())
        let out = UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>.allocate(capacity: 1)
        out.initialize(to: nil)
        let outSize = UnsafeMutablePointer<UInt>.allocate(capacity: 1)
        outSize.initialize(to: 0)
        defer { err.deallocate(); cinfo.deallocate(); out.deallocate(); outSize.deallocate() }
        cinfo.pointee.err = jpeg_std_error(err)
        err.pointee.error_exit = fatalHandler
        err.pointee.emit_message = silentMessage
        jpeg_CreateCompress(cinfo, JPEG_LIB_VERSION, MemoryLayout<jpeg_compress_struct>.size)
        defer { jpeg_destroy_compress(cinfo) }
        jpeg_mem_dest(cinfo, out, outSize)
        cinfo.pointee.image_width = JDIMENSION(w)
        cinfo.pointee.image_height = JDIMENSION(h)
        cinfo.pointee.input_components = 4
        cinfo.pointee.in_color_space = JCS_EXT_BGRX
        jpeg_set_defaults(cinfo)
        jpeg_set_quality(cinfo, quality, 1)
        // libjpeg's default 4:2:0 chroma subsampling: at print sizes (~230 dpi for a 400 px logo)
        // it is invisible and it keeps the letter page with a logo under 45 KB.
        cinfo.pointee.optimize_coding = 1
        jpeg_start_compress(cinfo, 1)
        while cinfo.pointee.next_scanline < cinfo.pointee.image_height {
            let offset: Int = Int(cinfo.pointee.next_scanline) * stride
            var row: JSAMPROW? = src.advanced(by: offset)
            _ = jpeg_write_scanlines(cinfo, &row, 1)
        }
        jpeg_finish_compress(cinfo)
        guard let buffer = out.pointee else { return nil }
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(outSize.pointee)))
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
