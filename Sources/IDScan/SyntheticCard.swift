import Foundation

/// A scene for ``IDScanSyntheticCard``: where an obviously fake ID-1 card lies and how the
/// picture is degraded. Used by the test data set and the benchmarks; contains no real data.
public struct IDScanSyntheticScene: Sendable, Hashable {
    public enum Background: String, Sendable, Hashable { case desk, white }
    /// Non-card objects for "no card" scenes.
    public enum Distractor: String, Sendable, Hashable { case none, disc, pen }

    public var width = 1100
    public var height = 825
    public var background: Background = .desk
    public var hasCard = true
    public var distractor: Distractor = .none
    /// Card long side as a fraction of the image width.
    public var cardWidthFraction = 0.7
    /// Card centre as fractions of the image size.
    public var centerX = 0.5
    public var centerY = 0.5
    public var rotationDegrees = 0.0
    /// Perspective: the card's far (top) edge is shorter by this fraction.
    public var perspective = 0.0
    /// Strength (0–1) of a soft shadow darkening one side of the scene.
    public var shadow = 0.0
    /// Multiplies luminance (under/over exposure).
    public var exposure = 1.0
    /// Scales contrast around mid-gray.
    public var contrast = 1.0
    /// Number of clipped specular spots on the card and the card fraction they cover together.
    public var glareSpots = 0
    public var glareAreaFraction = 0.0
    /// Gaussian blur sigma, output pixels.
    public var gaussianBlur = 0.0
    /// Motion blur length in output pixels; vertical when `motionVertical`.
    public var motionBlur = 0
    public var motionVertical = false
    /// Gaussian noise sigma (0–255 scale).
    public var noise = 0.0
    /// Integer box downscale applied last (a low-resolution capture).
    public var downscale = 1
    public var seed: UInt64 = 1

    public init() {}
}

/// A procedural, obviously-not-real ID-1 card ("MUESTRA", "SPECIMEN", a blank face oval and
/// text-like blocks) rendered into photo-like or scan-like scenes. Deterministic for a seed.
public enum IDScanSyntheticCard {
    /// Card texture size (ID-1 aspect 85.60 × 53.98 mm at 10 px/mm).
    static let textureWidth = 856
    static let textureHeight = 540

    /// Renders the scene as interleaved RGB.
    public static func render(_ scene: IDScanSyntheticScene) -> (pixels: [UInt8], width: Int, height: Int) {
        var planes = renderPlanes(scene)
        let W = planes.width, H = planes.height
        var out = [UInt8](repeating: 0, count: W * H * 3)
        out.withUnsafeMutableBufferPointer { o in
            for c in 0..<3 {
                planes.channels[c].withUnsafeBufferPointer { p in
                    for i in 0..<(W * H) { o[i * 3 + c] = p[i] }
                }
            }
        }
        planes.channels = []
        return (out, W, H)
    }

    /// The scene as JPEG bytes.
    public static func jpeg(_ scene: IDScanSyntheticScene, quality: Int = 90) throws(IDScanImageEncoder.EncodeError) -> Data {
        let r = render(scene)
        return try IDScanImageEncoder.jpeg(pixels: r.pixels, width: r.width, height: r.height, components: 3, quality: quality)
    }

    /// The scene as PNG bytes.
    public static func png(_ scene: IDScanSyntheticScene) throws(IDScanImageEncoder.EncodeError) -> Data {
        let r = render(scene)
        return try IDScanImageEncoder.png(pixels: r.pixels, width: r.width, height: r.height, components: 3)
    }

    /// Where the card's corners fall in the rendered image (after `downscale`).
    public static func cardCorners(_ scene: IDScanSyntheticScene) -> [IDScanPoint] {
        let d = Double(max(scene.downscale, 1))
        return cardQuad(scene).map { IDScanPoint(x: $0.x / d, y: $0.y / d) }
    }

    // MARK: - Rendering

    struct Planes { var width: Int; var height: Int; var channels: [[UInt8]] }

    static func cardQuad(_ s: IDScanSyntheticScene) -> [Vec2] {
        let W = Double(s.width), H = Double(s.height)
        let cw = s.cardWidthFraction * W, ch = cw * 53.98 / 85.60
        let top = cw * (1 - s.perspective) / 2, bottom = cw / 2
        let local = [Vec2(x: -top, y: -ch / 2), Vec2(x: top, y: -ch / 2), Vec2(x: bottom, y: ch / 2), Vec2(x: -bottom, y: ch / 2)]
        let a = s.rotationDegrees * .pi / 180
        let c = Vec2(x: s.centerX * W, y: s.centerY * H)
        return local.map { p in Vec2(x: c.x + p.x * cos(a) - p.y * sin(a), y: c.y + p.x * sin(a) + p.y * cos(a)) }
    }

    @_optimize(speed)
    static func renderPlanes(_ s: IDScanSyntheticScene) -> Planes {
        // Sizes are clamped to 8…16384 px: this is a test-data generator, not an input path.
        let W = min(max(s.width, 8), 16384), H = min(max(s.height, 8), 16384)
        var rng = SplitMix64(seed: s.seed)
        var planes = Planes(width: W, height: H, channels: [[UInt8]](repeating: [UInt8](repeating: 0, count: W * H), count: 3))

        // Scene colours.
        let deskTones: [(Double, Double, Double)] = [(128, 88, 56), (96, 70, 50), (150, 118, 84), (84, 84, 90), (60, 64, 72), (140, 130, 118)]
        let desk = deskTones[Int(rng.next() % UInt64(deskTones.count))]
        let phase = rng.unit() * 6.28
        let grainFreq = (0.045 + rng.unit() * 0.03) * 1000 / Double(max(W, H))
        let waveFreq = (0.004 + rng.unit() * 0.004) * 1000 / Double(max(W, H))
        let shadowAngle = rng.unit() * 6.28

        // Card: texture, and the inverse homography image → texture.
        let card = s.hasCard ? cardTexture(seed: s.seed) : nil
        let quad = cardQuad(s)
        let tw = Double(textureWidth), th = Double(textureHeight)
        let inverse = s.hasCard ? Geometry.homography(from: quad, to: [Vec2(x: 0, y: 0), Vec2(x: tw, y: 0), Vec2(x: tw, y: th), Vec2(x: 0, y: th)]) : nil
        // Antialias a card much smaller than its texture: pick a box-downscaled texture level.
        let cardPixels = s.cardWidthFraction * Double(W)
        let level = max(1, Int(tw / max(cardPixels, 1) / 1.5))
        let tex = card.map { t in (0..<3).map { c in GrayImage(width: textureWidth, height: textureHeight, pixels: t[c]).boxDownscaled(by: level) } }
        let corner = 31.8  // rounded corner radius, texture px

        var sinTable = [Float](repeating: 0, count: 1024)
        for k in 0..<1024 { sinTable[k] = Float(sin(Double(k) * 2 * .pi / 1024)) }
        let discC = Vec2(x: Double(W) * (0.35 + 0.3 * rng.unit()), y: Double(H) * (0.35 + 0.3 * rng.unit()))
        let discR = Double(min(W, H)) * 0.22
        let penA = rng.unit() * 3.14, penLen = Double(W) * 0.3, penWidth = Double(W) * 0.018
        let (pc, ps) = (cos(penA), sin(penA))
        let (sc, ss) = (cos(shadowAngle), sin(shadowAngle))
        let h = inverse ?? [0, 0, 0, 0, 0, 0, 0, 0]
        let texPlanes = tex ?? [GrayImage(width: 1, height: 1), GrayImage(width: 1, height: 1), GrayImage(width: 1, height: 1)]
        let tlw = texPlanes[0].width, tlh = texPlanes[0].height
        let invLevel = 1 / Double(level)
        let tau = 1024 / (2 * Double.pi)
        let isDesk = s.background == .desk
        var R = [UInt8](repeating: 0, count: W * H), G = R, B = R
        R.withUnsafeMutableBufferPointer { rp in
        G.withUnsafeMutableBufferPointer { gp in
        B.withUnsafeMutableBufferPointer { bp in
        sinTable.withUnsafeBufferPointer { st in
        texPlanes[0].pixels.withUnsafeBufferPointer { t0 in
        texPlanes[1].pixels.withUnsafeBufferPointer { t1 in
        texPlanes[2].pixels.withUnsafeBufferPointer { t2 in
            for y in 0..<H {
                let fy = Double(y) + 0.5
                for x in 0..<W {
                    let fx = Double(x) + 0.5
                    var r: Double, g: Double, b: Double
                    if isDesk {
                        let wave = Double(st[Int(((fx * waveFreq + phase) * tau).rounded(.down)) & 1023])
                        let grain = 0.86 + 0.1 * Double(st[Int(((fy * grainFreq + 5 * wave) * tau).rounded(.down)) & 1023])
                            + 0.04 * Double(st[Int(((fx * 0.9 + fy * 0.31) * tau).rounded(.down)) & 1023])
                        r = desk.0 * grain; g = desk.1 * grain; b = desk.2 * grain
                    } else {
                        r = 246; g = 246; b = 244
                    }
                    if s.distractor != .none {
                        let dx = fx - discC.x, dy = fy - discC.y
                        if s.distractor == .disc, dx * dx + dy * dy < discR * discR { r = 190; g = 60; b = 55 }
                        if s.distractor == .pen {
                            let along = dx * pc + dy * ps, across = -dx * ps + dy * pc
                            if abs(along) < penLen / 2, abs(across) < penWidth / 2 { r = 30; g = 40; b = 120 }
                        }
                    }
                    if inverse != nil {
                        let den = h[6] * fx + h[7] * fy + 1
                        let u = (h[0] * fx + h[1] * fy + h[2]) / den, v = (h[3] * fx + h[4] * fy + h[5]) / den
                        if u >= 0, v >= 0, u < tw, v < th, insideRounded(u, v, tw, th, corner) {
                            let lu = min(max(u * invLevel - 0.5, 0), Double(tlw - 1)), lv = min(max(v * invLevel - 0.5, 0), Double(tlh - 1))
                            let x0 = Int(lu), y0 = Int(lv)
                            let x1 = min(x0 + 1, tlw - 1), y1 = min(y0 + 1, tlh - 1)
                            let ax = lu - Double(x0), ay = lv - Double(y0)
                            let i00 = y0 * tlw + x0, i01 = y0 * tlw + x1, i10 = y1 * tlw + x0, i11 = y1 * tlw + x1
                            let w00 = (1 - ax) * (1 - ay), w01 = ax * (1 - ay), w10 = (1 - ax) * ay, w11 = ax * ay
                            r = Double(t0[i00]) * w00 + Double(t0[i01]) * w01 + Double(t0[i10]) * w10 + Double(t0[i11]) * w11
                            g = Double(t1[i00]) * w00 + Double(t1[i01]) * w01 + Double(t1[i10]) * w10 + Double(t1[i11]) * w11
                            b = Double(t2[i00]) * w00 + Double(t2[i01]) * w01 + Double(t2[i10]) * w10 + Double(t2[i11]) * w11
                        }
                    }
                    if s.shadow > 0 {
                        let t = ((fx / Double(W) - 0.5) * sc + (fy / Double(H) - 0.5) * ss) + 0.5
                        let f = 1 - s.shadow * min(max(t, 0), 1)
                        r *= f; g *= f; b *= f
                    }
                    let i = y * W + x
                    rp[i] = UInt8(min(max(r, 0), 255))
                    gp[i] = UInt8(min(max(g, 0), 255))
                    bp[i] = UInt8(min(max(b, 0), 255))
                }
            }
        }}}}}}}
        planes.channels = [R, G, B]

        // Exposure and contrast.
        if s.exposure != 1 || s.contrast != 1 {
            let lut = (0..<256).map { v in UInt8(clamping: Int((((Double(v) - 128) * s.contrast + 128) * s.exposure).rounded())) }
            for c in 0..<3 { planes.channels[c] = planes.channels[c].map { lut[Int($0)] } }
        }
        // Glare: flat clipped discs with a soft rim, on the card.
        if s.hasCard, s.glareSpots > 0, s.glareAreaFraction > 0 {
            let cardArea = polygonArea(quad)
            let radius = (s.glareAreaFraction * cardArea / (Double(s.glareSpots) * .pi)).squareRoot()
            for _ in 0..<s.glareSpots {
                let a = 0.25 + 0.5 * rng.unit(), bb = 0.25 + 0.5 * rng.unit()
                let top = quad[0] + (quad[1] - quad[0]) * a, bottom = quad[3] + (quad[2] - quad[3]) * a
                let centre = top + (bottom - top) * bb
                let rim = radius * 1.5
                let x0 = max(0, Int(centre.x - rim)), x1 = min(W - 1, Int(centre.x + rim))
                let y0 = max(0, Int(centre.y - rim)), y1 = min(H - 1, Int(centre.y + rim))
                guard x0 <= x1, y0 <= y1 else { continue }
                for y in y0...y1 {
                    for x in x0...x1 {
                        let d = (Vec2(x: Double(x) + 0.5, y: Double(y) + 0.5) - centre).length
                        guard d < rim else { continue }
                        let w = d <= radius ? 1.0 : 1 - (d - radius) / (rim - radius)
                        for c in 0..<3 {
                            let i = y * W + x
                            let v = Double(planes.channels[c][i])
                            planes.channels[c][i] = UInt8(clamping: Int(v + (255 - v) * w))
                        }
                    }
                }
            }
        }
        // Blur.
        if s.gaussianBlur > 0.3 {
            // Three box passes ≈ Gaussian: box width w with 3(w²−1)/12 = σ².
            let w = (4 * s.gaussianBlur * s.gaussianBlur + 1).squareRoot()
            let r = max(1, Int(((w - 1) / 2).rounded()))
            for c in 0..<3 {
                var img = GrayImage(width: W, height: H, pixels: planes.channels[c])
                for _ in 0..<3 { img = boxPass(img, radius: r, horizontal: true); img = boxPass(img, radius: r, horizontal: false) }
                planes.channels[c] = img.pixels
            }
        }
        if s.motionBlur > 1 {
            for c in 0..<3 {
                let img = GrayImage(width: W, height: H, pixels: planes.channels[c])
                planes.channels[c] = boxPass(img, radius: s.motionBlur / 2, horizontal: !s.motionVertical).pixels
            }
        }
        // Sensor noise (Gaussian samples from a table, three 16-bit indices per random draw).
        if s.noise > 0 {
            var table = [Double](repeating: 0, count: 65536)
            for k in 0..<65536 { table[k] = rng.gaussian() * s.noise }
            var R = planes.channels[0], G = planes.channels[1], B = planes.channels[2]
            let n = W * H
            table.withUnsafeBufferPointer { t in
            R.withUnsafeMutableBufferPointer { rp in
            G.withUnsafeMutableBufferPointer { gp in
            B.withUnsafeMutableBufferPointer { bp in
                for i in 0..<n {
                    let z = rng.next()
                    rp[i] = UInt8(min(max(Double(rp[i]) + t[Int(z & 0xFFFF)], 0), 255))
                    gp[i] = UInt8(min(max(Double(gp[i]) + t[Int((z >> 16) & 0xFFFF)], 0), 255))
                    bp[i] = UInt8(min(max(Double(bp[i]) + t[Int((z >> 32) & 0xFFFF)], 0), 255))
                }
            }}}}
            planes.channels = [R, G, B]
        }
        if s.downscale > 1 {
            let d = min(s.downscale, W / 4, H / 4)
            for c in 0..<3 { planes.channels[c] = GrayImage(width: W, height: H, pixels: planes.channels[c]).boxDownscaled(by: d).pixels }
            planes.width = W / d; planes.height = H / d
        }
        return planes
    }

    static func polygonArea(_ p: [Vec2]) -> Double {
        var a = 0.0
        for i in 0..<p.count { a += p[i].cross(p[(i + 1) % p.count]) }
        return abs(a) / 2
    }

    static func insideRounded(_ u: Double, _ v: Double, _ w: Double, _ h: Double, _ r: Double) -> Bool {
        let cx = u < r ? r : (u > w - r ? w - r : u)
        let cy = v < r ? r : (v > h - r ? h - r : v)
        let dx = u - cx, dy = v - cy
        return dx * dx + dy * dy <= r * r
    }

    static func bilinear(_ img: GrayImage, _ x: Double, _ y: Double) -> Double {
        let cx = min(max(x, 0), Double(img.width - 1)), cy = min(max(y, 0), Double(img.height - 1))
        let x0 = Int(cx), y0 = Int(cy)
        let x1 = min(x0 + 1, img.width - 1), y1 = min(y0 + 1, img.height - 1)
        let ax = cx - Double(x0), ay = cy - Double(y0)
        let w = img.width
        return img.pixels.withUnsafeBufferPointer { p in
            let top = Double(p[y0 * w + x0]) * (1 - ax) + Double(p[y0 * w + x1]) * ax
            let bottom = Double(p[y1 * w + x0]) * (1 - ax) + Double(p[y1 * w + x1]) * ax
            return top * (1 - ay) + bottom * ay
        }
    }

    /// One running-sum box pass (edges clamped).
    @_optimize(speed)
    static func boxPass(_ src: GrayImage, radius r: Int, horizontal: Bool) -> GrayImage {
        let W = src.width, H = src.height
        var dst = GrayImage(width: W, height: H)
        let n = horizontal ? W : H, lines = horizontal ? H : W
        let step = horizontal ? 1 : W, lineStep = horizontal ? W : 1
        let div = 2 * r + 1
        src.pixels.withUnsafeBufferPointer { s in
            dst.pixels.withUnsafeMutableBufferPointer { d in
                for l in 0..<lines {
                    let base = l * lineStep
                    var sum = 0
                    for k in -r...r { sum += Int(s[base + min(max(k, 0), n - 1) * step]) }
                    for i in 0..<n {
                        d[base + i * step] = UInt8(truncatingIfNeeded: (sum + div / 2) / div)
                        sum += Int(s[base + min(i + r + 1, n - 1) * step]) - Int(s[base + max(i - r, 0) * step])
                    }
                }
            }
        }
        return dst
    }

    // MARK: - The fake card

    /// 856 × 540 RGB planes of an obviously fake card.
    @_optimize(speed)
    static func cardTexture(seed: UInt64) -> [[UInt8]] {
        let W = textureWidth, H = textureHeight
        var rng = SplitMix64(seed: seed &* 7919 &+ 17)
        var t = [[UInt8]](repeating: [UInt8](repeating: 0, count: W * H), count: 3)
        func fill(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ c: (Int, Int, Int)) {
            for y in max(0, y0)..<min(H, y1) {
                for x in max(0, x0)..<min(W, x1) {
                    let i = y * W + x
                    t[0][i] = UInt8(clamping: c.0); t[1][i] = UInt8(clamping: c.1); t[2][i] = UInt8(clamping: c.2)
                }
            }
        }
        // Pale gradient background.
        for y in 0..<H {
            for x in 0..<W {
                let i = y * W + x
                let g = Double(x) / Double(W) * 14
                t[0][i] = UInt8(clamping: Int(198 + g)); t[1][i] = UInt8(clamping: Int(212 + g / 2)); t[2][i] = UInt8(clamping: Int(228 - g / 3))
            }
        }
        // Guilloche: thin wavy lines.
        for k in 0..<9 {
            let amp = 12 + Double(k) * 2, per = 38 + Double(k) * 5, base = 110 + Double(k) * 44
            for x in 0..<W {
                let y = Int(base + amp * sin(Double(x) / per + Double(k)))
                if y >= 0, y + 1 < H { fill(x, y, x + 1, y + 2, (170, 188, 215)) }
            }
        }
        // Header band and the word MUESTRA in it.
        fill(0, 0, W, 78, (150, 182, 222))
        drawText("MUESTRA", x: 300, y: 18, scale: 6, into: &t, color: (26, 52, 120))
        // Face placeholder: a blank oval and shoulders on a gray panel.
        fill(40, 110, 270, 420, (176, 182, 192))
        fillEllipse(155, 225, 62, 80, (120, 126, 138), into: &t)
        fillEllipse(155, 420, 105, 70, (120, 126, 138), into: &t)
        fill(40, 420, 270, 440, (198, 212, 228))
        // Text-like lines: small gray labels, dark values made of glyph-like blocks.
        var y = 110
        while y < 400 {
            var x = 300
            while x < 300 + 90 + Int(rng.next() % 80) { let w = 5 + Int(rng.next() % 6); fill(x, y, x + w, y + 9, (110, 118, 135)); x += w + 3 }
            y += 16
            x = 300
            let end = 560 + Int(rng.next() % 250)
            while x < end {
                let w = 7 + Int(rng.next() % 9)
                fill(x, y, x + w, y + 17, (22, 24, 30))
                x += w + (rng.next() % 5 == 0 ? 14 : 4)
            }
            y += 44
        }
        // Red diagonal-free stamp: SPECIMEN, and a signature-like scribble.
        drawText("SPECIMEN", x: 300, y: 470, scale: 5, into: &t, color: (196, 30, 36))
        for x in 60..<250 {
            let yy = 470 + Int(18 * sin(Double(x) / 9) + 6 * sin(Double(x) / 3.3))
            fill(x, yy, x + 2, yy + 3, (30, 40, 90))
        }
        return t
    }

    static func fillEllipse(_ cx: Int, _ cy: Int, _ rx: Int, _ ry: Int, _ c: (Int, Int, Int), into t: inout [[UInt8]]) {
        let W = textureWidth, H = textureHeight
        for y in max(0, cy - ry)..<min(H, cy + ry) {
            let dy = Double(y - cy) / Double(ry)
            let half = Int(Double(rx) * max(0, 1 - dy * dy).squareRoot())
            for x in max(0, cx - half)..<min(W, cx + half) {
                let i = y * W + x
                t[0][i] = UInt8(clamping: c.0); t[1][i] = UInt8(clamping: c.1); t[2][i] = UInt8(clamping: c.2)
            }
        }
    }

    static let glyphs: [Character: [String]] = [
        "S": [" ####", "#    ", "#    ", " ### ", "    #", "    #", "#### "],
        "P": ["#### ", "#   #", "#   #", "#### ", "#    ", "#    ", "#    "],
        "E": ["#####", "#    ", "#    ", "#### ", "#    ", "#    ", "#####"],
        "C": [" ####", "#    ", "#    ", "#    ", "#    ", "#    ", " ####"],
        "I": ["#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "#####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #", "#   #", "#   #"],
        "N": ["#   #", "##  #", "# # #", "#  ##", "#   #", "#   #", "#   #"],
        "U": ["#   #", "#   #", "#   #", "#   #", "#   #", "#   #", " ### "],
        "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  "],
        "R": ["#### ", "#   #", "#   #", "#### ", "# #  ", "#  # ", "#   #"],
        "A": [" ### ", "#   #", "#   #", "#####", "#   #", "#   #", "#   #"],
    ]

    static func drawText(_ text: String, x: Int, y: Int, scale: Int, into t: inout [[UInt8]], color: (Int, Int, Int)) {
        let W = textureWidth, H = textureHeight
        var cx = x
        for ch in text {
            if let rows = glyphs[ch] {
                for (ry, row) in rows.enumerated() {
                    for (rx, bit) in row.enumerated() where bit == "#" {
                        for yy in 0..<scale {
                            for xx in 0..<scale {
                                let px = cx + rx * scale + xx, py = y + ry * scale + yy
                                guard px >= 0, py >= 0, px < W, py < H else { continue }
                                let i = py * W + px
                                t[0][i] = UInt8(clamping: color.0); t[1][i] = UInt8(clamping: color.1); t[2][i] = UInt8(clamping: color.2)
                            }
                        }
                    }
                }
            }
            cx += 6 * scale
        }
    }
}

/// Small deterministic PRNG (SplitMix64).
struct SplitMix64: Sendable {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Standard normal (Box–Muller).
    mutating func gaussian() -> Double {
        let u1 = max(unit(), 1e-12), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
