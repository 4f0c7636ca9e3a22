/// JPEG blocking: whether the picture's steps gather on the 8 × 8 block grid.
///
/// Heavy compression (quality ≈ 5–15) quantises each block to little more than its mean (DC), in
/// steps of several grey levels: smooth parts of the card become flat tiles whose boundaries are
/// clear steps with flat pixels on both sides — which a sharpness measure reads as detail. The
/// measure counts such "isolated steps" (≥ 5 levels between two pixels whose other neighbours
/// differ by ≤ 1) at every position of the grid period; the result is the excess at the strongest
/// position over the mean elsewhere, in percent of the pixel pairs at one position: content
/// (text, QR modules) spreads over all positions, blocking piles up on one. Measured on the decoded image before any resampling: a JPEG decoded
/// with DCT scaling 1/d has its grid every 8/d pixels (measurable down to 2 px). The grid's phase
/// is not assumed (EXIF rotations and flips move it).
enum Blockiness {
    /// Percent ≥ 0 (≈ 0 without blocking), or nil when the region is too small or `grid` < 2.
    static func measure(_ image: GrayImage, grid: Int, x0: Int, y0: Int, x1: Int, y1: Int) -> Double? {
        guard grid >= 2, grid <= 16 else { return nil }
        let W = image.width, H = image.height
        let ax = max(1, min(x0, W - 1)), bx = max(0, min(x1, W - 1))
        let ay = max(1, min(y0, H - 1)), by = max(0, min(y1, H - 1))
        guard bx - ax >= 4 * grid + 2, by - ay >= 4 * grid + 2, image.pixels.count >= W * H else { return nil }
        var col = [Int](repeating: 0, count: grid), row = [Int](repeating: 0, count: grid)
        image.pixels.withUnsafeBufferPointer { buf in
            guard let p = buf.baseAddress else { return }
            // 1 ≤ ax ≤ x − 1 and x + 2 ≤ bx ≤ W − 1 (same for y): every index is inside the image.
            for y in ay..<(by &- 1) {
                let r = p + y &* W, up = r - W, down = r + W, down2 = down + W
                let rowPhase = y % grid
                var rowCount = 0
                var phase = ax % grid
                for x in ax..<(bx &- 1) {
                    let a = Int(r[x &- 1]), b = Int(r[x]), c = Int(r[x &+ 1]), d = Int(r[x &+ 2])
                    if abs(c &- b) >= 5, abs(b &- a) <= 1, abs(d &- c) <= 1 { col[phase] &+= 1 }
                    let u = Int(up[x]), e = Int(down[x]), f = Int(down2[x])
                    if abs(e &- b) >= 5, abs(b &- u) <= 1, abs(f &- e) <= 1 { rowCount &+= 1 }
                    phase &+= 1
                    if phase == grid { phase = 0 }
                }
                row[rowPhase] &+= rowCount
            }
        }
        // Per grid position: (by − 1 − ay) · (bx − 1 − ax) / grid pixel pairs.
        let perPhase = Double((by - 1 - ay) * (bx - 1 - ax)) / Double(grid)
        func excess(_ counts: [Int]) -> Double {
            guard let peak = counts.max() else { return 0 }
            let rest = Double(counts.reduce(0, +) - peak) / Double(counts.count - 1)
            return max(0, Double(peak) - rest) / perPhase * 100
        }
        return (excess(col) + excess(row)) / 2
    }
}

/// The quality a JPEG was saved at, estimated from its luminance quantisation table (DQT, table 0)
/// against the IJG standard table that libjpeg and most cameras and phones scale: quality 50 is
/// the standard table, quality q < 50 multiplies it by 50/q, q > 50 by (100 − q)/50.
enum JPEGQuality {
    static let standardLuminance: [Int] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// Natural (row-major) index of the k-th zig-zag coefficient.
    static let zigzag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63,
    ]

    /// Estimated quality 1–100, or nil when the file has no readable table 0 before its first scan.
    static func estimate(_ bytes: UnsafeRawBufferPointer) -> Double? {
        func u8(_ i: Int) -> Int? { i >= 0 && i < bytes.count ? Int(bytes[i]) : nil }
        guard u8(0) == 0xFF, u8(1) == 0xD8 else { return nil }
        var pos = 2, segments = 0
        while segments < 10_000, let ff = u8(pos), ff == 0xFF, let marker = u8(pos + 1) {
            segments += 1
            if marker == 0xFF { pos += 1; continue }   // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { pos += 2; continue }
            if marker == 0xDA || marker == 0xD9 { return nil }   // scan data before any table 0
            guard let hi = u8(pos + 2), let lo = u8(pos + 3) else { return nil }
            let length = hi << 8 | lo
            guard length >= 2 else { return nil }
            let end = pos + 2 + length
            if marker == 0xDB {
                var t = pos + 4
                while t < end, let pq = u8(t) {
                    let precision16 = (pq >> 4) == 1, id = pq & 0x0F
                    let size = precision16 ? 128 : 64
                    guard t + 1 + size <= end else { return nil }
                    if id == 0 {
                        // Table entries are stored zig-zag; libjpeg builds them as
                        // v = (std·scale + 50) / 100, clamped to 1…255 (baseline): each entry that is
                        // not clamped gives scale ≈ (100·v − 50) / std. The median is the estimate.
                        var scales: [Double] = []
                        for k in 0..<64 {
                            let v = precision16 ? ((u8(t + 1 + 2 * k) ?? 0) << 8 | (u8(t + 2 + 2 * k) ?? 0)) : (u8(t + 1 + k) ?? 0)
                            guard v > 1, v < 255 else { continue }
                            scales.append((100 * Double(v) - 50) / Double(standardLuminance[zigzag[k]]))
                        }
                        let scale: Double
                        if scales.isEmpty { scale = 1 } else { scales.sort(); scale = scales[scales.count / 2] }
                        let q = scale <= 100 ? (200 - scale) / 2 : 5000 / max(scale, 1)
                        return min(max(q, 1), 100)
                    }
                    t += 1 + size
                }
            }
            pos = end
        }
        return nil
    }
}
