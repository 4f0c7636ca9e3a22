import CZint

/// A PDF417 symbol as a module matrix: what the printout draws as a 1-bit image mask, one pixel
/// per module, each row ``rowHeight`` modules tall.
///
/// Encoded by libzint with `BARCODE_PDF417`, byte compaction (`DATA_MODE`, no ECI), security
/// (error correction) level 5, as the SII requires for the Timbre Electrónico.
struct PDF417Symbol: Sendable, Hashable {
    /// Width in modules (17 × columns + 69, quiet zones excluded).
    let width: Int
    /// Number of rows.
    let rows: Int
    /// Data columns.
    let columns: Int
    /// Row height in modules (the SII: 3).
    let rowHeight: Int
    /// Row-major bits, `true` = dark, `rows × width` entries packed 8 per byte, LSB first.
    let bits: [UInt8]

    static let securityLevel: Int32 = 5

    /// Whether module (row, column) is dark.
    func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < rows, column >= 0, column < width else { return false }
        let i: Int = row * width + column
        let byte: UInt8 = bits[i / 8]
        let mask: UInt8 = UInt8(1) << UInt8(i % 8)
        return (byte & mask) != 0
    }

    /// Encodes `bytes` (the TED, ISO-8859-1) with `columns` data columns (1…30).
    static func encode(_ bytes: [UInt8], columns: Int) throws(PrintError) -> PDF417Symbol {
        guard !bytes.isEmpty else { throw .barcode("the TED is empty") }
        guard bytes.count <= 1800 else { throw .barcode("the TED has \(bytes.count) bytes; a PDF417 at level 5 holds at most 1800 here") }
        guard let symbol = ZBarcode_Create() else { throw .barcode("zint could not allocate a symbol") }
        defer { ZBarcode_Delete(symbol) }
        symbol.pointee.symbology = BARCODE_PDF417
        symbol.pointee.option_1 = securityLevel
        symbol.pointee.option_2 = Int32(max(1, min(30, columns)))
        symbol.pointee.input_mode = DATA_MODE
        symbol.pointee.show_hrt = 0
        let status = bytes.withUnsafeBufferPointer { buf in
            ZBarcode_Encode(symbol, buf.baseAddress, Int32(buf.count))
        }
        if status >= ZINT_ERROR {
            let message: String
            if let off = MemoryLayout<zint_symbol>.offset(of: \zint_symbol.errtxt) {
                let p = UnsafeRawPointer(symbol).advanced(by: off).assumingMemoryBound(to: CChar.self)
                message = String(validatingCString: p) ?? "error \(status)"
            } else {
                message = "error \(status)"
            }
            throw .barcode("zint: \(message)")
        }
        let rows = Int(symbol.pointee.rows), width = Int(symbol.pointee.width)
        guard rows > 0, rows <= 200, width > 0, width <= 1152 else { throw .barcode("zint returned a \(width)×\(rows) symbol") }
        var bits = [UInt8](repeating: 0, count: (rows * width + 7) / 8)
        // encoded_data is unsigned char[200][144]; Swift imports it as a 28,800-element tuple, so it
        // is read through a raw pointer at its offset (never copied as a value).
        guard let offset = MemoryLayout<zint_symbol>.offset(of: \zint_symbol.encoded_data) else {
            throw .barcode("cannot locate zint's module matrix")
        }
        let raw = UnsafeRawPointer(symbol).advanced(by: offset).assumingMemoryBound(to: UInt8.self)
        for r in 0..<rows {
            let rowBase: Int = r * 144
            for c in 0..<width {
                let source: UInt8 = raw[rowBase + c / 8]
                let bit: UInt8 = UInt8(1) << UInt8(c % 8)
                guard (source & bit) != 0 else { continue }
                let i: Int = r * width + c
                let target: UInt8 = UInt8(1) << UInt8(i % 8)
                bits[i / 8] |= target
            }
        }
        return PDF417Symbol(width: width, rows: rows, columns: (width - 69) / 17, rowHeight: 3, bits: bits)
    }

    /// Data columns that give a symbol roughly `aspect` times wider than tall for a payload of
    /// `byteCount` bytes (byte compaction: 5 codewords per 6 bytes, plus 64 EC codewords at level 5).
    static func preferredColumns(byteCount: Int, aspect: Double) -> Int {
        let codewords = Double(byteCount) * 5 / 6 + 72
        // width/height = (17c + 69) / (3 · codewords / c) = aspect  ⇒  17c² + 69c − 3·aspect·codewords = 0
        let a = 17.0, b = 69.0, cc = -3 * aspect * codewords
        let c = (-b + (b * b - 4 * a * cc).squareRoot()) / (2 * a)
        return max(1, min(30, Int(c.rounded())))
    }
}
