import ImageCodec

/// The card by its colour when its brightness does not set it apart: a light, bluish-grey card on
/// a beige damask, a pink lace, a green-lit desk has nearly the background's grey but not its hue.
///
/// The picture's two chroma planes (Cb, Cr) are brought to the detection image's size, and each
/// pixel's distance from the background's colour (the median chroma of the image's outer ring) is
/// stretched to 8 bits: the background comes out dark and the card as a bright plateau, which the
/// flood looks (``CardDetector``) then find like a light card on a dark desk. The grey looks run
/// first; this one costs a second decode (at the smallest DCT scale that keeps the detection
/// image's size) and runs only when all of them have failed.
enum ColourContrast {
    /// The largest PNG decoded in colour (36 MB of RGB).
    static let maxColourPNGPixels = 12_000_000

    /// The chroma-distance image at `width` × `height`, or nil when the file has no usable colour
    /// (a grey JPEG, a format other than JPEG or PNG, a PNG above ``maxColourPNGPixels``, or a
    /// picture with no colour apart from the background's).
    static func image(_ bytes: UnsafeRawBufferPointer, format: SniffedFormat, header: ImageHeader, maxPixels: UInt64,
                      width W: Int, height H: Int, region: Region? = nil) -> GrayImage? {
        guard format == .jpeg || format == .png, W >= 32, H >= 32 else { return nil }
        let size = header.uprightSize
        // A PNG decodes at full size, three bytes a pixel, beside the grey image already held:
        // above 12 MP that would break the check's memory budget, so such a PNG goes without.
        if format == .png, size.width * size.height > maxColourPNGPixels { return nil }
        let r = region ?? Region(x0: 0, y0: 0, x1: 1, y1: 1)
        let long = Int(max(Double(size.width) * (r.x1 - r.x0), Double(size.height) * (r.y1 - r.y0))), target = max(W, H)
        var denominator = 1
        while denominator < 8, long / (denominator * 2) >= target { denominator *= 2 }
        guard let planes = try? RasterCodec.decodeChroma(bytes, format: format, maxPixels: maxPixels, scaleDenominator: denominator) else { return nil }
        let cb = r.crop(RasterCodec.orient(planes.cb, orientation: header.orientation))
        let cr = r.crop(RasterCodec.orient(planes.cr, orientation: header.orientation))
        guard cb.width >= W, cb.height >= H, cr.width == cb.width, cr.height == cb.height else { return nil }
        let u = areaResampled(cb, width: W, height: H), v = areaResampled(cr, width: W, height: H)
        return distanceImage(u: u, v: v, width: W, height: H)
    }

    /// A part of the picture, as fractions of its upright width and height (the photo inside a
    /// screenshot, ``ScreenshotInset``).
    struct Region: Equatable, Sendable {
        var x0: Double, y0: Double, x1: Double, y1: Double

        /// The region's pixels of `plane` (the whole plane for the full region).
        func crop(_ plane: GrayBitmap) -> GrayBitmap {
            guard x0 > 0 || y0 > 0 || x1 < 1 || y1 < 1 else { return plane }
            let W = Double(plane.width), H = Double(plane.height)
            func clamped(_ v: Double, _ n: Int) -> Int { Int(min(max(v.isFinite ? v : 0, 0), Double(n))) }
            let a = clamped((x0 * W).rounded(.up), plane.width), b = max(a, clamped((x1 * W).rounded(.down), plane.width))
            let c = clamped((y0 * H).rounded(.up), plane.height), d = max(c, clamped((y1 * H).rounded(.down), plane.height))
            guard plane.pixels.count >= plane.width * plane.height else { return GrayBitmap(width: 0, height: 0, pixels: []) }
            var out = [UInt8]()
            out.reserveCapacity((b - a) * (d - c))
            for y in c..<d { out += plane.pixels[(y * plane.width + a)..<(y * plane.width + b)] }
            return GrayBitmap(width: b - a, height: d - c, pixels: out)
        }
    }

    /// Each pixel's chroma distance from the outer ring's median colour, box-smoothed (radius 1:
    /// JPEG's chroma noise), stretched so the 99th percentile is about 180 (gain 4…24: a nearly
    /// colourless picture is not stretched into noise). Nil when nothing differs from the ring.
    static func distanceImage(u: [Float], v: [Float], width W: Int, height H: Int) -> GrayImage? {
        let n = W * H
        guard W >= 3, H >= 3, u.count >= n, v.count >= n else { return nil }
        let ring = max(2, min(W, H) / 50)
        var ringU: [Float] = [], ringV: [Float] = []
        for y in 0..<H {
            for x in 0..<W where y < ring || y >= H - ring || x < ring || x >= W - ring {
                ringU.append(u[y * W + x]); ringV.append(v[y * W + x])
            }
        }
        guard let mu = median(ringU), let mv = median(ringV) else { return nil }
        var d = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let a = u[i] - mu, b = v[i] - mv
            d[i] = (a * a + b * b).squareRoot()
        }
        var smooth = d
        for y in 1..<(H - 1) {
            for x in 1..<(W - 1) {
                var sum: Float = 0
                for yy in (y - 1)...(y + 1) { for xx in (x - 1)...(x + 1) { sum += d[yy * W + xx] } }
                smooth[y * W + x] = sum / 9
            }
        }
        var sorted = smooth
        sorted.sort()
        let p99 = sorted[min(n - 1, n * 99 / 100)]
        guard p99 >= 2 else { return nil }
        let gain = min(24, max(4, 180 / p99))
        return GrayImage(width: W, height: H, pixels: smooth.map { UInt8(clamping: Int(($0 * gain).rounded())) })
    }

    /// Whether the region `q` is what this look is for: a card whose colour stands out from the
    /// background's, its median chroma distance at least `margin` above the rest of the picture's.
    /// A region the floods cut out of the background itself (a block of a cutting mat's grid
    /// lines, a pattern's cell) has the background's colour inside and fails.
    static func standsOut(_ q: Quad, in chroma: GrayImage, margin: Int = 24) -> Bool {
        let W = chroma.width, H = chroma.height
        guard q.p.count == 4, chroma.pixels.count >= W * H else { return false }
        var inside = [Int](repeating: 0, count: 256), outside = [Int](repeating: 0, count: 256)
        for y in stride(from: 0, to: H, by: 2) {
            for x in stride(from: 0, to: W, by: 2) {
                let v = Int(chroma.pixels[y * W + x])
                if CardLocator.contains(q, Vec2(x: Double(x) + 0.5, y: Double(y) + 0.5)) { inside[v] += 1 } else { outside[v] += 1 }
            }
        }
        guard let a = histogramMedian(inside), let b = histogramMedian(outside) else { return false }
        return a >= b + margin
    }

    /// Whether the grey picture has print inside `q` (its middle, the quad drawn 20 % towards its
    /// centre): at least `minFraction` of the pixels on a step of ≥ `step` levels across two
    /// pixels. A card carries text, a photo, an MRZ, whose steps a blur softens but keeps (a
    /// blurred card is still found, to be called blurry); a cobblestone, a pebble or a cushion of
    /// another colour than the ground around it is mottled (steps of under 12 levels) with no print.
    static func hasPrint(_ q: Quad, in grey: GrayImage, step: Int = 12, minFraction: Double = 0.01) -> Bool {
        let W = grey.width, H = grey.height
        guard q.p.count == 4, W >= 3, H >= 3, grey.pixels.count >= W * H else { return false }
        let c = q.p.reduce(Vec2(x: 0, y: 0), +) * 0.25
        let inner = Quad(p: q.p.map { $0 + (c - $0) * 0.2 })
        let xs = inner.p.map(\.x), ys = inner.p.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
              minX.isFinite, maxX.isFinite, minY.isFinite, maxY.isFinite else { return false }
        let x0 = max(1, Int(minX)), x1 = min(W - 2, Int(maxX)), y0 = max(1, Int(minY)), y1 = min(H - 2, Int(maxY))
        guard x0 <= x1, y0 <= y1 else { return false }
        var total = 0, steps = 0
        grey.pixels.withUnsafeBufferPointer { p in
            for y in y0...y1 {
                for x in x0...x1 where CardLocator.contains(inner, Vec2(x: Double(x) + 0.5, y: Double(y) + 0.5)) {
                    total += 1
                    let dx = abs(Int(p[y * W + x + 1]) - Int(p[y * W + x - 1]))
                    let dy = abs(Int(p[(y + 1) * W + x]) - Int(p[(y - 1) * W + x]))
                    if max(dx, dy) >= step { steps += 1 }
                }
            }
        }
        return total > 0 && Double(steps) >= minFraction * Double(total)
    }

    private static func histogramMedian(_ h: [Int]) -> Int? {
        let total = h.reduce(0, +)
        guard total > 0 else { return nil }
        var seen = 0
        for (v, c) in h.enumerated() {
            seen += c
            if 2 * seen >= total { return v }
        }
        return nil
    }

    /// `src` averaged down to `width` × `height` (each output pixel the mean of the source pixels
    /// its area covers, by whole pixels).
    static func areaResampled(_ src: GrayBitmap, width W: Int, height H: Int) -> [Float] {
        let sw = src.width, sh = src.height
        var out = [Float](repeating: 128, count: W * H)
        guard sw >= W, sh >= H, src.pixels.count >= sw * sh else { return out }
        for y in 0..<H {
            let y0 = y * sh / H, y1 = max(y0 + 1, (y + 1) * sh / H)
            for x in 0..<W {
                let x0 = x * sw / W, x1 = max(x0 + 1, (x + 1) * sw / W)
                var sum = 0
                for yy in y0..<y1 { for xx in x0..<x1 { sum += Int(src.pixels[yy * sw + xx]) } }
                out[y * W + x] = Float(sum) / Float((y1 - y0) * (x1 - x0))
            }
        }
        return out
    }

    private static func median(_ values: [Float]) -> Float? {
        guard !values.isEmpty else { return nil }
        var s = values
        s.sort()
        return s[s.count / 2]
    }
}
