import CCairo
import CZint
import DTECore
import Foundation
import IDScan

/// What a synthetic cédula BACK shows. Obviously fake data ("MUESTRA"); each option breaks one
/// thing the document check must notice.
public struct CedulaBackSpec: Sendable, Hashable {
    public enum URLStyle: String, Sendable, Hashable {
        /// `https://portal.sidiv.registrocivil.cl/docstatus?…` (2013 cards).
        case sidiv2013
        /// `https://portal.nuevosidiv.registrocivil.cl/document-validity?…` (2024 cards).
        case nuevo2024
    }

    /// RUN body (the check digit is computed).
    public var runNumber = 12_345_678
    /// Document number: 9 characters (digits; 2024 cards may have letters).
    public var documentNumber = "103390800"
    public var birth = SimpleDate(1984, 10, 2)
    public var expiry = SimpleDate(2030, 10, 2)
    public var foreigner = false
    public var urlStyle: URLStyle = .sidiv2013
    /// Covers a finder pattern and the centre of the QR code: unreadable QR, MRZ intact.
    public var damageQR = false
    /// Leaves the QR code out entirely.
    public var omitQR = false
    /// Wrong expiry check digit, in the QR's `mrz` and in the MRZ alike.
    public var wrongCheckDigits = false
    /// The MRZ carries this RUN body instead (QR and MRZ disagree).
    public var mrzRUNNumber: Int?
    /// Replaces the QR payload (junk, a foreign URL…).
    public var qrPayloadOverride: [UInt8]?
    /// MRZ font (Pango family) and pixel size (43 px ≈ 800 px for 30 characters).
    public var mrzFont = "DejaVu Sans Mono"
    public var mrzBold = false
    public var mrzSize = 43.0

    public init() {}

    public struct SimpleDate: Sendable, Hashable { public var year, month, day: Int }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v % 100) }
    static func yymmdd(_ d: SimpleDate) -> String { two(d.year % 100) + two(d.month) + two(d.day) }

    static func cd(_ s: String) -> String { CedulaParser.icaoCheckDigit(s).map(String.init) ?? "0" }

    static func runText(_ n: Int) -> String { "\(n)-\(RUT.checkDigit(for: n))" }

    /// The 24-character `mrz` parameter of the status URL.
    public var qrMRZ: String {
        let e = Self.yymmdd(expiry)
        var expiryCD = Self.cd(e)
        if wrongCheckDigits { expiryCD = String(((Int(expiryCD) ?? 0) + 1) % 10) }
        return documentNumber + Self.cd(documentNumber) + Self.yymmdd(birth) + Self.cd(Self.yymmdd(birth)) + e + expiryCD
    }

    /// The QR payload: the Registro Civil's document-status URL.
    public var statusURL: String {
        let base = urlStyle == .sidiv2013 ? "https://portal.sidiv.registrocivil.cl/docstatus"
                                          : "https://portal.nuevosidiv.registrocivil.cl/document-validity"
        return "\(base)?RUN=\(Self.runText(runNumber))&type=\(foreigner ? "CEDULA_EXT" : "CEDULA")&serial=\(documentNumber)&mrz=\(qrMRZ)"
    }

    /// The three TD1 lines (30 characters each).
    public var mrzLines: [String] {
        func pad(_ s: String) -> String { s.count >= 30 ? String(s.prefix(30)) : s + String(repeating: "<", count: 30 - s.count) }
        let runBody = mrzRUNNumber ?? runNumber
        let optional = "\(runBody)<\(RUT.checkDigit(for: runBody))"
        let l1 = pad("IDCHL" + documentNumber + Self.cd(documentNumber) + optional)
        let b = Self.yymmdd(birth), e = Self.yymmdd(expiry)
        var expiryCD = Self.cd(e)
        if wrongCheckDigits { expiryCD = String(((Int(expiryCD) ?? 0) + 1) % 10) }
        let head = b + Self.cd(b) + "F" + e + expiryCD + (foreigner ? "ARG" : "CHL") + String(repeating: "<", count: 11)
        let l1Chars = Array(l1)
        let composite = String(l1Chars[5..<30]) + String(Array(head)[0..<7]) + String(Array(head)[8..<15]) + String(Array(head)[18..<29])
        let l2 = head + Self.cd(composite)
        let l3 = pad("MUESTRA<MUESTRA<<ANA<MARIA")
        return [l1, l2, l3]
    }
}

extension CedulaBackSpec.SimpleDate {
    public init(_ year: Int, _ month: Int, _ day: Int) { self.year = year; self.month = month; self.day = day }
}

/// RGB pixels of a painted texture.
public struct RGBTexture: Sendable {
    public var width: Int
    public var height: Int
    /// Row-major R, G, B bytes.
    public var pixels: [UInt8]
}

public enum CedulaBackPainter {
    /// ID-1 at 10 px/mm.
    public static let width = 856
    public static let height = 540

    /// Paints the back of a synthetic cédula (856 × 540 px): a real QR code (zint, level M) at the
    /// top right, some printed text, and the TD1 MRZ in DejaVu Sans Mono at the bottom.
    public static func texture(_ spec: CedulaBackSpec) -> RGBTexture {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        // Pale blue-green guilloche-ish background.
        cairo_set_source_rgb(cr, 0.86, 0.91, 0.93)
        cairo_paint(cr)
        cairo_set_line_width(cr, 1.2)
        for k in 0..<40 {
            cairo_set_source_rgb(cr, 0.72, 0.82, 0.86)
            let y = Double(k) * 14
            cairo_move_to(cr, 0, y)
            cairo_curve_to(cr, 280, y + 30, 560, y - 30, 856, y + 10)
            cairo_stroke(cr)
        }
        // Printed labels.
        text(cr, "REPÚBLICA DE CHILE · MUESTRA", x: 40, y: 30, size: 22, bold: true)
        text(cr, "Lugar de nacimiento: MUESTRA", x: 40, y: 80, size: 20, bold: false)
        text(cr, "Profesión: NO INFORMADA", x: 40, y: 115, size: 20, bold: false)
        text(cr, "DOCUMENTO DE PRUEBA SIN VALOR", x: 40, y: 150, size: 20, bold: false)
        text(cr, "Huella", x: 420, y: 90, size: 18, bold: false)
        cairo_set_source_rgb(cr, 0.55, 0.6, 0.62)
        cairo_rectangle(cr, 410, 120, 120, 150)
        cairo_fill(cr)

        // QR code, 20 mm with its quiet zone on white.
        if !spec.omitQR, let modules = qrModules(spec.qrPayloadOverride ?? Array(spec.statusURL.utf8)) {
            let n = modules.count
            let box = 230.0, x0 = 600.0, y0 = 25.0
            let module = (box - 16) / Double(n + 8)
            cairo_set_source_rgb(cr, 0.93, 0.94, 0.94)   // printed white, not clipped (no "glare")
            cairo_rectangle(cr, x0, y0, box, box)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0.05, 0.05, 0.08)
            let ox = x0 + 8 + 4 * module, oy = y0 + 8 + 4 * module
            for (r, row) in modules.enumerated() {
                for (c, dark) in row.enumerated() where dark {
                    cairo_rectangle(cr, ox + Double(c) * module, oy + Double(r) * module, module, module)
                }
            }
            cairo_fill(cr)
            if spec.damageQR {
                // A scratch/sticker over the top-left finder pattern and the centre.
                cairo_set_source_rgb(cr, 0.93, 0.93, 0.90)
                cairo_rectangle(cr, ox - 2, oy - 2, module * 9, module * 9)
                cairo_rectangle(cr, ox + module * Double(n) * 0.3, oy + module * Double(n) * 0.35, module * Double(n) * 0.4, module * Double(n) * 0.3)
                cairo_fill(cr)
            }
        }

        // MRZ on a light band.
        cairo_set_source_rgb(cr, 0.95, 0.96, 0.96)
        cairo_rectangle(cr, 0, 330, Double(width), 210)
        cairo_fill(cr)
        for (i, line) in spec.mrzLines.enumerated() {
            mono(cr, line, x: 30, y: 345 + Double(i) * 58, family: spec.mrzFont, bold: spec.mrzBold, size: spec.mrzSize)
        }
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return pixels(surface, width: width, height: height)
    }

    /// The texture placed on a plain background (`background` gray level), the card `cardWidth`
    /// pixels wide, rotated by `rotationDegrees`, in an image of `imageWidth × imageHeight`.
    public static func scene(_ texture: RGBTexture, imageWidth: Int = 1600, imageHeight: Int = 1200,
                             cardWidth: Double = 1100, rotationDegrees: Double = 3, background: Double = 0.18,
                             noise: Double = 0, seed: UInt64 = 1) -> RGBTexture {
        let src = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(texture.width), Int32(texture.height))
        defer { cairo_surface_destroy(src) }
        cairo_surface_flush(src)
        if let data = cairo_image_surface_get_data(src) {
            let stride = Int(cairo_image_surface_get_stride(src))
            for y in 0..<texture.height {
                for x in 0..<texture.width {
                    let s = (y * texture.width + x) * 3, d = y * stride + x * 4
                    data[d] = texture.pixels[s + 2]; data[d + 1] = texture.pixels[s + 1]; data[d + 2] = texture.pixels[s]; data[d + 3] = 255
                }
            }
        }
        cairo_surface_mark_dirty(src)
        let dst = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(imageWidth), Int32(imageHeight))
        defer { cairo_surface_destroy(dst) }
        let cr = cairo_create(dst)
        cairo_set_source_rgb(cr, background, background * 1.05, background * 1.1)
        cairo_paint(cr)
        let scale = cardWidth / Double(texture.width)
        cairo_translate(cr, Double(imageWidth) / 2, Double(imageHeight) / 2)
        cairo_rotate(cr, rotationDegrees * .pi / 180)
        cairo_scale(cr, scale, scale)
        // Rounded corners (3 mm).
        let w = Double(texture.width), h = Double(texture.height), r = 30.0
        cairo_new_path(cr)
        cairo_arc(cr, -w / 2 + r, -h / 2 + r, r, .pi, 1.5 * .pi)
        cairo_arc(cr, w / 2 - r, -h / 2 + r, r, 1.5 * .pi, 2 * .pi)
        cairo_arc(cr, w / 2 - r, h / 2 - r, r, 0, 0.5 * .pi)
        cairo_arc(cr, -w / 2 + r, h / 2 - r, r, 0.5 * .pi, .pi)
        cairo_close_path(cr)
        cairo_set_source_surface(cr, src, -w / 2, -h / 2)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_fill(cr)
        cairo_destroy(cr)
        cairo_surface_flush(dst)
        var out = pixels(dst, width: imageWidth, height: imageHeight)
        if noise > 0 {   // sensor-like noise: sum of uniforms ≈ Gaussian with σ = noise
            var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
            for i in out.pixels.indices {
                var sum = 0.0
                for _ in 0..<3 {
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17
                    sum += Double(state % 10_000) / 10_000 - 0.5
                }
                out.pixels[i] = UInt8(clamping: Int((Double(out.pixels[i]) + sum * 2 * noise).rounded()))
            }
        }
        return out
    }

    /// JPEG of the texture (or scene).
    public static func jpeg(_ t: RGBTexture, quality: Int = 90) throws -> Data {
        try IDScanImageEncoder.jpeg(pixels: t.pixels, width: t.width, height: t.height, components: 3, quality: quality)
    }

    /// PNG of the texture (or scene).
    public static func png(_ t: RGBTexture) throws -> Data {
        try IDScanImageEncoder.png(pixels: t.pixels, width: t.width, height: t.height, components: 3)
    }

    /// A photo-like JPEG of the back: the card on a dark plain background.
    public static func photo(_ spec: CedulaBackSpec, png asPNG: Bool = false, imageWidth: Int = 1600, imageHeight: Int = 1200,
                             cardWidth: Double = 1100, rotationDegrees: Double = 3, noise: Double = 0, seed: UInt64 = 1,
                             quality: Int = 90) throws -> Data {
        let s = scene(texture(spec), imageWidth: imageWidth, imageHeight: imageHeight, cardWidth: cardWidth,
                      rotationDegrees: rotationDegrees, noise: noise, seed: seed)
        return asPNG ? try png(s) : try jpeg(s, quality: quality)
    }

    // MARK: - Drawing helpers

    private static func pixels(_ surface: OpaquePointer?, width: Int, height: Int) -> RGBTexture {
        var out = [UInt8](repeating: 0, count: width * height * 3)
        if let data = cairo_image_surface_get_data(surface) {
            let stride = Int(cairo_image_surface_get_stride(surface))
            for y in 0..<height {
                for x in 0..<width {
                    let s = y * stride + x * 4, d = (y * width + x) * 3
                    out[d] = data[s + 2]; out[d + 1] = data[s + 1]; out[d + 2] = data[s]
                }
            }
        }
        return RGBTexture(width: width, height: height, pixels: out)
    }

    private static func layout(_ cr: OpaquePointer?, _ s: String, family: String, size: Double, bold: Bool) -> OpaquePointer? {
        let layout = pango_cairo_create_layout(cr)
        let font = pango_font_description_new()
        pango_font_description_set_family(font, family)
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(font, size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        pango_layout_set_text(layout, s, -1)
        return layout
    }

    private static func text(_ cr: OpaquePointer?, _ s: String, x: Double, y: Double, size: Double, bold: Bool) {
        let l = layout(cr, s, family: "DejaVu Sans", size: size, bold: bold)
        cairo_set_source_rgb(cr, 0.15, 0.2, 0.3)
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, l)
        g_object_unref(UnsafeMutableRawPointer(l))
    }

    /// An MRZ line: 30 monospace characters spread over ≈ 800 px.
    private static func mono(_ cr: OpaquePointer?, _ s: String, x: Double, y: Double, family: String, bold: Bool, size: Double) {
        let l = layout(cr, s, family: family, size: size, bold: bold)
        cairo_set_source_rgb(cr, 0.05, 0.05, 0.05)
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, l)
        g_object_unref(UnsafeMutableRawPointer(l))
    }

    /// The QR code's module matrix (true = dark), or nil when zint refuses the payload.
    static func qrModules(_ payload: [UInt8]) -> [[Bool]]? {
        guard let symbol = ZBarcode_Create() else { return nil }
        defer { ZBarcode_Delete(symbol) }
        symbol.pointee.symbology = BARCODE_QRCODE
        symbol.pointee.option_1 = 2   // error correction level M
        symbol.pointee.input_mode = DATA_MODE
        let status = payload.withUnsafeBufferPointer { ZBarcode_Encode(symbol, $0.baseAddress, Int32($0.count)) }
        guard status < ZINT_ERROR else { return nil }
        let rows = Int(symbol.pointee.rows), width = Int(symbol.pointee.width)
        guard rows > 0, rows <= 177, width == rows,
              let offset = MemoryLayout<zint_symbol>.offset(of: \zint_symbol.encoded_data) else { return nil }
        let raw = UnsafeRawPointer(symbol).advanced(by: offset).assumingMemoryBound(to: UInt8.self)
        return (0..<rows).map { r in (0..<width).map { c in raw[r * 144 + c / 8] & (1 << UInt8(c % 8)) != 0 } }
    }
}
