import CHeif
import Foundation

/// HEIC/HEIF photos (the iPhone camera's default) through libheif, whose HEVC decoding is
/// libde265's. The primary image is decoded to YCbCr 4:2:0 and its luma plane kept, with the file's rotation and
/// mirroring (irot/imir) applied, so the result is upright.
package enum HEIFDecoder {
    /// Whether this libheif can decode HEVC-coded images (a decoder plugin is present).
    package static var canDecodeHEVC: Bool { heif_have_decoder_for_format(heif_compression_HEVC) != 0 }

    /// A libheif context owned by Swift (freed in deinit).
    private final class Context {
        let pointer: OpaquePointer
        init?() {
            guard let p = heif_context_alloc() else { return nil }
            pointer = p
        }
        deinit { heif_context_free(pointer) }
    }

    private static func failure(_ error: heif_error, _ what: String) -> CodecFailure {
        let message = error.message.map { String(cString: $0) } ?? "libheif error \(error.code.rawValue)"
        switch error.code {
        case heif_error_Unsupported_filetype, heif_error_Unsupported_feature, heif_error_Decoder_plugin_error:
            return .unsupported("\(what): \(message)")
        default:
            return .corrupt("\(what): \(message)")
        }
    }

    /// Reads the primary image's size from the container (no pixel decoded).
    package static func header(_ bytes: UnsafeRawBufferPointer) throws(CodecFailure) -> ImageHeader {
        guard let context = Context() else { throw .corrupt("out of memory") }
        let (w, h) = try primarySize(context, bytes)
        return ImageHeader(width: w, height: h, orientation: 1)
    }

    private static func primarySize(_ context: Context, _ bytes: UnsafeRawBufferPointer) throws(CodecFailure) -> (Int, Int) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw .corrupt("empty HEIF data") }
        let read = heif_context_read_from_memory_without_copy(context.pointer, base, bytes.count, nil)
        guard read.code == heif_error_Ok else { throw failure(read, "HEIF container") }
        var handle: OpaquePointer? = nil
        let primary = heif_context_get_primary_image_handle(context.pointer, &handle)
        guard primary.code == heif_error_Ok, let handle else { throw failure(primary, "HEIF primary image") }
        defer { heif_image_handle_release(handle) }
        let w = Int(heif_image_handle_get_width(handle)), h = Int(heif_image_handle_get_height(handle))
        guard w > 0, h > 0 else { throw .corrupt("HEIF image with zero dimensions") }
        return (w, h)
    }

    /// Decodes the primary image to gray. The size is read from the container first and
    /// `tooLarge` thrown, before any decoding, when width × height > `maxPixels`.
    package static func decodeGray(_ bytes: UnsafeRawBufferPointer, maxPixels: UInt64) throws(CodecFailure) -> GrayBitmap {
        guard let context = Context() else { throw .corrupt("out of memory") }
        // Handles and images below belong to the context: keep it until they are released.
        defer { withExtendedLifetime(context) {} }
        let (w, h) = try primarySize(context, bytes)
        guard UInt64(w) * UInt64(h) <= maxPixels else { throw .tooLarge(width: w, height: h) }
        guard canDecodeHEVC else { throw .unsupported("no HEVC decoder in this libheif") }
        var handle: OpaquePointer? = nil
        let primary = heif_context_get_primary_image_handle(context.pointer, &handle)
        guard primary.code == heif_error_Ok, let handle else { throw failure(primary, "HEIF primary image") }
        defer { heif_image_handle_release(handle) }
        var image: OpaquePointer? = nil
        // libheif 1.15 cannot convert 4:2:0 to monochrome; ask for YCbCr 4:2:0 (the camera's own
        // layout, so usually no conversion at all) and keep the luma plane.
        let decoded = heif_decode_image(handle, &image, heif_colorspace_YCbCr, heif_chroma_420, nil)
        guard decoded.code == heif_error_Ok, let image else { throw failure(decoded, "HEIF decoding") }
        defer { heif_image_release(image) }
        let iw = Int(heif_image_get_width(image, heif_channel_Y)), ih = Int(heif_image_get_height(image, heif_channel_Y))
        guard iw > 0, ih > 0, UInt64(iw) * UInt64(ih) <= maxPixels else { throw .corrupt("HEIF image of an unexpected size") }
        guard heif_image_get_bits_per_pixel_range(image, heif_channel_Y) == 8 else {
            throw .unsupported("HEIF image with more than 8 bits per sample")
        }
        var stride: Int32 = 0
        guard let plane = heif_image_get_plane_readonly(image, heif_channel_Y, &stride), Int(stride) >= iw else {
            throw .corrupt("HEIF image without a luma plane")
        }
        var pixels = [UInt8](repeating: 0, count: iw * ih)
        pixels.withUnsafeMutableBufferPointer { dst in
            for y in 0..<ih {
                guard let d = dst.baseAddress else { return }
                (d + y * iw).update(from: plane + y * Int(stride), count: iw)
            }
        }
        return GrayBitmap(width: iw, height: ih, pixels: pixels)
    }
}
