import CZbar

/// Owns one zbar image scanner configured for QR codes only (binary payloads kept as bytes).
/// Not thread-safe: one per check (creating it costs microseconds).
final class ZBarQRReader {
    private let scanner: OpaquePointer

    /// Largest payload returned; longer symbols are truncated (the parser rejects them anyway).
    static let maxPayload = 4096
    /// `Y800`: 8-bit grayscale, as a zbar fourcc.
    private static let y800: UInt = 0x3030_3859

    init?() {
        guard let s = zbar_image_scanner_create() else { return nil }
        scanner = s
        zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)
    }

    deinit { zbar_image_scanner_destroy(scanner) }

    /// Every QR payload found in a grayscale image (empty when none).
    func decode(_ image: GrayImage) -> [[UInt8]] {
        guard image.width > 0, image.height > 0, image.pixels.count >= image.width * image.height,
              let w = UInt32(exactly: image.width), let h = UInt32(exactly: image.height),
              let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        var results: [[UInt8]] = []
        image.pixels.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            zbar_image_set_format(zimage, Self.y800)
            zbar_image_set_size(zimage, w, h)
            // No cleanup handler: zbar only borrows the buffer for the duration of the scan.
            zbar_image_set_data(zimage, base, UInt(image.width * image.height), nil)
            let n = zbar_scan_image(scanner, zimage)
            guard n > 0 else { zbar_image_set_data(zimage, nil, 0, nil); return }
            var symbol = zbar_image_first_symbol(zimage)
            var guardCount = 0
            while let s = symbol, guardCount < 16 {
                guardCount += 1
                if zbar_symbol_get_type(s) == ZBAR_QRCODE, let data = zbar_symbol_get_data(s) {
                    let length = min(Int(zbar_symbol_get_data_length(s)), Self.maxPayload)
                    let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
                    results.append(Array(UnsafeBufferPointer(start: bytes, count: length)))
                }
                symbol = zbar_symbol_next(s)
            }
            zbar_image_set_data(zimage, nil, 0, nil)
        }
        return results
    }
}
