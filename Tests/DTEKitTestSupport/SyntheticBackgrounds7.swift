import Foundation

// The `holdout7` part's scene painters and light: nine phone-photo backgrounds, a dusty warm
// off-white scanner lid with a hair on it, and the new kinds of light (a colour tint: warm
// tungsten or cool fluorescent, the soft shadow of the phone over one corner of the card, a
// broad soft reflection band; the fluorescent light's vignette uses the older `vignette` field).
// Kept apart from the older painters (which must keep painting byte-identical images); every new
// scene field defaults to "no effect", and none of the new code draws from the scene's random
// stream unless the scene uses a holdout7 background.

extension IDScanSyntheticCard {
    /// Paints a holdout7 background into the planes (any other background: no effect).
    /// `scale` keeps a texture's look at any image size (1000 / the image's long side).
    static func paintHoldout7Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                        _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        /// Draws an antialiased stroke (a polyline of image-pixel points, half-width `r` px) in
        /// colour `c` with opacity `opacity`, touching only the pixels near it.
        func stroke(_ pts: [P], _ r: Double, _ c: (Double, Double, Double), _ opacity: Double) {
            guard pts.count >= 2 else { return }
            for k in 0..<(pts.count - 1) {
                let a = pts[k], b = pts[k + 1]
                let x0 = max(0, Int(min(a.x, b.x) - r - 2)), x1 = min(W - 1, Int(max(a.x, b.x) + r + 2))
                let y0 = max(0, Int(min(a.y, b.y) - r - 2)), y1 = min(H - 1, Int(max(a.y, b.y) + r + 2))
                guard x0 <= x1, y0 <= y1 else { continue }
                let ex = b.x - a.x, ey = b.y - a.y, len2 = max(ex * ex + ey * ey, 1e-9)
                for y in y0...y1 {
                    for x in x0...x1 {
                        let px = Double(x) + 0.5, py = Double(y) + 0.5
                        let t = min(max(((px - a.x) * ex + (py - a.y) * ey) / len2, 0), 1)
                        let dx = px - a.x - t * ex, dy = py - a.y - t * ey
                        let alpha = min(max(r - (dx * dx + dy * dy).squareRoot() + 0.5, 0), 1) * opacity
                        guard alpha > 0 else { continue }
                        let i = y * W + x
                        // Segments overlap at their joints: keep the darker (never paint twice).
                        R[i] = min(R[i], alpha * c.0 + (1 - alpha) * R[i])
                        G[i] = min(G[i], alpha * c.1 + (1 - alpha) * G[i])
                        B[i] = min(B[i], alpha * c.2 + (1 - alpha) * B[i])
                    }
                }
            }
        }
        /// A wavy polyline from (x, y) (image px) heading `angle`, `length` px long.
        func wavy(_ x: Double, _ y: Double, angle: Double, length: Double, bend: Double, wave: Double, _ rng: inout SplitMix64) -> [P] {
            let n = max(2, Int(length / 4) + 1), phase = rng.unit() * 6.283
            return (0..<n).map { k in
                let t = Double(k) / Double(n - 1), a = angle + bend * (t - 0.5) + wave * sin(t * 6.283 * 1.3 + phase)
                return P(x: x + cos(a) * t * length, y: y + sin(a) * t * length)
            }
        }
        switch s.background {
        case .graphPaper:
            // A graph-paper pad filling the frame: white paper with a fine light-blue 5 mm grid
            // (every other line a touch stronger) and a few short pencil marks.
            let paper = 244 + 8 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.3, (ca, sa) = (cos(a), sin(a))
            let pitch = (29 + 5 * rng.unit()) / scale, line = max(0.7, 1.1 / scale)
            let ou = rng.unit() * pitch, ov = rng.unit() * pitch
            let blue = (150 + 20 * rng.unit(), 190 + 15 * rng.unit(), 232 + 10 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + ou + 9000 / scale, v = -px * sa + py * ca + ov + 9000 / scale
                    let iu = (u / pitch).rounded(), iv = (v / pitch).rounded()
                    let du = abs(u - iu * pitch), dv = abs(v - iv * pitch)
                    let wu = (Int(iu) % 2 == 0 ? 1.0 : 0.7) * min(max(line - du + 0.5, 0), 1)
                    let wv = (Int(iv) % 2 == 0 ? 1.0 : 0.7) * min(max(line - dv + 0.5, 0), 1)
                    let w = max(wu, wv) * 0.8
                    let m = 0.99 + 0.02 * valueNoise(fx, fy, cell: 180, seed: bgSeed)
                    let p = paper * m
                    put(y * W + x, (p + (blue.0 - p) * w, p + (blue.1 - p) * w, p * 0.995 + (blue.2 - p * 0.995) * w))
                }
            }
            // Pencil marks: a few short grey strokes (ticks, a small cross, a scribbled line).
            let marks = 3 + Int(rng.next() % 4)
            for _ in 0..<marks {
                let x = Double(W) * rng.unit(), y = Double(H) * rng.unit(), ang = rng.unit() * 6.283
                let len = (30 + 120 * rng.unit()) / scale, g = 95 + 40 * rng.unit()
                stroke(wavy(x, y, angle: ang, length: len, bend: (rng.unit() - 0.5) * 0.8, wave: 0.05, &rng), max(0.6, 1 / scale), (g, g, g + 4), 0.7)
                if rng.unit() < 0.4 {   // a cross stroke
                    stroke(wavy(x + cos(ang) * len / 2 - cos(ang + 1.4) * len / 4, y + sin(ang) * len / 2 - sin(ang + 1.4) * len / 4,
                                angle: ang + 1.4, length: len / 2, bend: 0.2, wave: 0.03, &rng), max(0.6, 1 / scale), (g, g, g + 4), 0.7)
                }
            }
        case .knitBlanket:
            // A cream knitted wool blanket: columns of V stitches (each stitch two slanted, rounded
            // legs with shaded gaps between them), fuzzy fibres, and soft undulating folds.
            let base = (232 + 8 * rng.unit(), 222 + 8 * rng.unit(), 198 + 8 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.5, (ca, sa) = (cos(a), sin(a))
            let sw = (20 + 6 * rng.unit()) / scale, sh = sw * (0.7 + 0.1 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + 9000 / scale, v = -px * sa + py * ca + 9000 / scale
                    let col = (u / sw).rounded(.down), row = (v / sh).rounded(.down)
                    let cu = u / sw - col, cv = v / sh - row   // 0–1 inside the stitch
                    // The V: the left leg runs from the cell's top-left to its bottom middle, the
                    // right leg mirrored; distance from the nearer leg's centre line.
                    let half = cu < 0.5 ? cu * 2 : (1 - cu) * 2   // 0 at the column's edge, 1 at its middle
                    let d = abs(half - cv) / 0.55
                    var f = 0.74 + 0.3 * max(0, 1 - d * d)
                    f *= cu > 0.47 && cu < 0.53 ? 0.9 : 1   // the gap between the two legs
                    f *= 0.94 + 0.1 * lattice(Int(col), Int(row), bgSeed)
                    f *= 0.96 + 0.08 * valueNoise(fx, fy, cell: 3, seed: bgSeed &+ 1)   // fuzz
                    f *= 1 + 0.06 * sin(fx * 0.008 + fy * 0.005 + 5 * valueNoise(fx, fy, cell: 350, seed: bgSeed &+ 2))
                    put(y * W + x, (base.0 * f, base.1 * f, base.2 * f))
                }
            }
        case .roadMap:
            // A printed road map: a pale ground with pale yellow (built-up) and pale green (park,
            // forest) areas, a blue river, roads as thin coloured lines with grey casings (red and
            // yellow main roads, white minor ones), and small dark labels.
            let ground = (242.0, 239.0, 226.0), yellow = (247.0, 236.0, 176.0), green = (204.0, 228.0, 186.0)
            struct Road { var c: Double; var s: Double; var off: Double; var w: Double; var fill: (Double, Double, Double); var wave: Double; var ph: Double }
            var roads: [Road] = []
            let fills: [(Double, Double, Double)] = [(226, 92, 64), (244, 204, 84), (252, 252, 250), (252, 252, 250), (252, 252, 250)]
            for k in 0..<(12 + Int(rng.next() % 6)) {
                let ang = rng.unit() * Double.pi
                roads.append(Road(c: cos(ang), s: sin(ang), off: (rng.unit() - 0.5) * 1400, w: k < 4 ? 3 + 1.5 * rng.unit() : 1.6 + rng.unit(),
                                  fill: fills[k < 2 ? 0 : (k < 4 ? 1 : 2 + k % 3)], wave: 10 + 40 * rng.unit(), ph: rng.unit() * 6.283))
            }
            let riverA = rng.unit() * Double.pi, riverOff = (rng.unit() - 0.5) * 800
            let labelSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    let cx = fx - 500, cy = fy - 400
                    let n1 = valueNoise(fx, fy, cell: 160, seed: bgSeed), n2 = valueNoise(fx, fy, cell: 210, seed: bgSeed &+ 1)
                    var c = n1 > 0.62 ? yellow : (n2 > 0.68 ? green : ground)
                    // The river: a wide, wavy blue band.
                    let rd = cx * -sin(riverA) + cy * cos(riverA) - riverOff + 30 * sin((cx * cos(riverA) + cy * sin(riverA)) * 0.006)
                    if abs(rd) < 9 { c = (164, 204, 236) } else if abs(rd) < 10.2 { c = (120, 160, 210) }
                    for r in roads {
                        let along = cx * r.c + cy * r.s
                        let d = abs(cx * -r.s + cy * r.c - r.off + r.wave * sin(along * 0.004 + r.ph))
                        if d < r.w { c = r.fill } else if d < r.w + 0.9 { c = (150, 146, 140) }
                    }
                    // Labels: small dark print in some cells of a coarse grid.
                    let gx = Int((fx / 130).rounded(.down)), gy = Int((fy / 90).rounded(.down))
                    if lattice(gx, gy, labelSeed) > 0.55 {
                        let lx = Double(gx) * 130 + 10 + 50 * lattice(gx, gy, labelSeed &+ 1), ly = Double(gy) * 90 + 10 + 60 * lattice(gx, gy, labelSeed &+ 2)
                        let n = 4 + Int(lattice(gx, gy, labelSeed &+ 3) * 6), cw = 5.5, ch = 8.0
                        let lu = fx - lx, lv = fy - ly
                        if lu >= 0, lu < Double(n) * cw, lv >= 0, lv < ch {
                            let k = Int(lu / cw)
                            if printDot(Int(lattice(k, gx &* 31 &+ gy, labelSeed &+ 4) * 10), (lu - Double(k) * cw) / (cw * 0.85), lv / ch) {
                                c = lattice(gx, gy, labelSeed &+ 5) > 0.7 ? (60, 80, 150) : (50, 48, 46)
                            }
                        }
                    }
                    let m = 0.985 + 0.02 * lattice(x / 2, y / 2, bgSeed &+ 2)
                    put(y * W + x, (c.0 * m, c.1 * m, c.2 * m))
                }
            }
        case .giftWrap:
            // White gift-wrap paper with a small repeating pastel pattern (dots, diamonds and
            // little crosses on a staggered grid) and soft creases.
            let pastels: [(Double, Double, Double)] = [(244, 190, 206), (186, 226, 206), (188, 212, 242), (246, 232, 164), (214, 196, 238)]
            let off = Int(rng.next() % 5)
            let a = (rng.unit() - 0.5) * 0.6, (ca, sa) = (cos(a), sin(a))
            let pitch = (30 + 12 * rng.unit()) / scale, size = pitch * (0.16 + 0.06 * rng.unit())
            let white = 246 + 6 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + 7000 / scale, v = -px * sa + py * ca + 7000 / scale
                    let row = (v / pitch).rounded(.down), shift = Int(row) % 2 == 0 ? 0 : pitch / 2
                    let col = ((u - shift) / pitch).rounded(.down)
                    let du = u - shift - col * pitch - pitch / 2, dv = v - row * pitch - pitch / 2
                    let kind = (Int(col) + 2 * Int(row)) % 3, tone = pastels[(Int(col) + Int(row) + off) % pastels.count]
                    let d: Double
                    switch (kind + 3) % 3 {
                    case 0: d = (du * du + dv * dv).squareRoot() - size                              // a dot
                    case 1: d = (abs(du) + abs(dv)) / 1.25 - size                                    // a diamond
                    default: d = min(max(abs(du) - size * 1.2, abs(dv) - size * 0.35),
                                     max(abs(dv) - size * 1.2, abs(du) - size * 0.35))              // a cross
                    }
                    let w = min(max(0.5 - d, 0), 1)
                    var c = (white + (tone.0 - white) * w, white + (tone.1 - white) * w, white * 0.995 + (tone.2 - white * 0.995) * w)
                    let crease = 1 + 0.035 * sin(fx * 0.011 + 4 * valueNoise(fx, fy, cell: 260, seed: bgSeed)) - 0.03 * valueNoise(fx, fy, cell: 120, seed: bgSeed &+ 1)
                    c = (c.0 * crease, c.1 * crease, c.2 * crease)
                    put(y * W + x, c)
                }
            }
        case .bathroomTiles:
            // A light beige bathroom tile wall: large glazed tiles with thin grey grout, a slight
            // tone per tile, and a soft reflection (a window's broad, blurred highlight).
            let base = (230 + 8 * rng.unit(), 218 + 8 * rng.unit(), 196 + 8 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.2, (ca, sa) = (cos(a), sin(a))
            let tile = (230 + 80 * rng.unit()) / scale, grout = (3 + 1.5 * rng.unit()) / scale
            let ou = rng.unit() * tile, ov = rng.unit() * tile
            let rx = Double(W) * (0.2 + 0.6 * rng.unit()), ry = Double(H) * (0.2 + 0.6 * rng.unit())
            let rr = Double(max(W, H)) * (0.18 + 0.12 * rng.unit()), lift = 10 + 8 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + ou + 5000 / scale, v = -px * sa + py * ca + ov + 5000 / scale
                    let tx = Int((u / tile).rounded(.down)), ty = Int((v / tile).rounded(.down))
                    let fu = u - Double(tx) * tile, fv = v - Double(ty) * tile
                    var c: (Double, Double, Double)
                    if fu < grout || fv < grout {
                        let g = 0.97 + 0.05 * lattice(Int(fx / 2), Int(fy / 2), bgSeed)
                        c = (172 * g, 170 * g, 164 * g)
                    } else {
                        let t = 0.975 + 0.04 * lattice(tx, ty, bgSeed &+ 1)
                        let edge = min(fu - grout, fv - grout, tile - fu, tile - fv) < 2.5 / scale ? 0.95 : 1
                        let f = t * edge * (0.995 + 0.01 * valueNoise(fx, fy, cell: 40, seed: bgSeed &+ 2))
                        c = (base.0 * f, base.1 * f, base.2 * f)
                    }
                    let dx = (px - rx) / rr, dy = (py - ry) / (rr * 0.7)
                    let w = lift * exp(-(dx * dx + dy * dy))
                    put(y * W + x, (c.0 + w, c.1 + w, c.2 + w))
                }
            }
        case .glassHob:
            // A black glass hob: near-black glass with a faint grey print of the cooking zones
            // (rings), faint smudges, and reflections (a broad soft light streak and the blurred
            // bright rectangle of a window).
            let base = 16 + 10 * rng.unit()
            var zones: [(Double, Double, Double)] = []
            for _ in 0..<(2 + Int(rng.next() % 3)) { zones.append((100 + 800 * rng.unit(), 100 + 600 * rng.unit(), 90 + 90 * rng.unit())) }
            let sa = rng.unit() * Double.pi, so = (rng.unit() - 0.5) * 500, sWidth = 120 + 120 * rng.unit()
            let wx = 100 + 800 * rng.unit(), wy = 100 + 500 * rng.unit(), ww = 60 + 80 * rng.unit(), wh = 90 + 100 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    var v = base + 3 * (valueNoise(fx, fy, cell: 90, seed: bgSeed) - 0.5)
                    for z in zones {
                        let d = ((fx - z.0) * (fx - z.0) + (fy - z.1) * (fy - z.1)).squareRoot()
                        if abs(d - z.2) < 1.3 || abs(d - z.2 * 0.62) < 1 { v += 26 }
                    }
                    let sd = (fx - 500) * -sin(sa) + (fy - 400) * cos(sa) - so
                    v += 34 * exp(-(sd * sd) / (sWidth * sWidth))
                    let qx = max(abs(fx - wx) - ww, 0), qy = max(abs(fy - wy) - wh, 0)
                    v += 70 * exp(-(qx * qx + qy * qy) / 900)
                    if valueNoise(fx, fy, cell: 45, seed: bgSeed &+ 1) > 0.8 { v += 5 }   // smudges
                    put(y * W + x, (v, v * 1.01, v * 1.05))
                }
            }
        case .bambooMat:
            // A bamboo placemat: narrow slats running down the frame (near vertical), alternating
            // light and darker tones, fibre streaks along each slat, dark gaps between slats, and
            // the weaving thread crossing them at intervals.
            let a = (rng.unit() - 0.5) * 0.25, (ca, sa) = (cos(a), sin(a))
            let slat = (11 + 4 * rng.unit()) / scale, thread = (160 + 80 * rng.unit()) / scale
            let light = (214 + 10 * rng.unit(), 184 + 10 * rng.unit(), 126 + 10 * rng.unit())
            let dark = (178 + 10 * rng.unit(), 140 + 10 * rng.unit(), 86 + 10 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let u = px * ca - py * sa + 9000 / scale, v = px * sa + py * ca + 9000 / scale   // u across the slats
                    let k = Int((u / slat).rounded(.down)), fu = u / slat - Double(k)
                    let t = k % 2 == 0 ? light : dark
                    var f = 0.92 + 0.08 * sin(fu * Double.pi)   // rounded slat
                    f *= 0.95 + 0.08 * valueNoise(fu * 40, v * scale, cell: 6, seed: bgSeed &+ UInt64(k & 0xFF))   // fibres along the slat
                    f *= 0.96 + 0.06 * lattice(k, 0, bgSeed)
                    if fu < 0.07 || fu > 0.93 { f *= 0.62 }   // the gap
                    var c = (t.0 * f, t.1 * f, t.2 * f)
                    let tv = v - (v / thread).rounded(.down) * thread
                    if tv < 2.2 / scale { c = (c.0 * 0.8, c.1 * 0.78, c.2 * 0.75) }   // the thread
                    put(y * W + x, c)
                }
            }
        case .brushedSteel:
            // Brushed stainless steel: mid grey with fine directional streaks (long along the
            // brushing, fine across it) and a soft broad sheen.
            let base = 142 + 20 * rng.unit()
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let sheenA = rng.unit() * 6.283
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    let u = fx * ca + fy * sa + 9000, v = -fx * sa + fy * ca + 9000
                    var f = 0.93 + 0.1 * valueNoise(u, v * 25, cell: 60, seed: bgSeed)   // streaks: long along u
                    f *= 0.97 + 0.06 * lattice(Int(u / 40), Int(v * 1.6), bgSeed &+ 1)
                    f *= 1 + 0.08 * sin((fx - 500) * cos(sheenA) * 0.002 + (fy - 400) * sin(sheenA) * 0.002)
                    put(y * W + x, (base * f * 0.99, base * f, base * f * 1.02))
                }
            }
        case .orangeTray:
            // A bright orange plastic tray: smooth, faintly mottled, with the moulded lip of the
            // tray (a shaded then lit band) along one or two frame edges and a soft highlight.
            let base = (236 + 10 * rng.unit(), 112 + 20 * rng.unit(), 28 + 14 * rng.unit())
            let side1 = Int(rng.next() % 4), side2 = rng.unit() < 0.5 ? (side1 + 1) % 4 : -1
            let lip = (30 + 40 * rng.unit()) / scale
            let hx = Double(W) * rng.unit(), hy = Double(H) * rng.unit(), hr = Double(max(W, H)) * (0.15 + 0.1 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    var f = 0.97 + 0.05 * valueNoise(fx, fy, cell: 140, seed: bgSeed) + 0.01 * (lattice(x / 2, y / 2, bgSeed &+ 1) - 0.5)
                    for side in [side1, side2] where side >= 0 {
                        let d = [py, Double(W) - px, Double(H) - py, px][side]
                        if d < lip { f *= d < lip * 0.5 ? 1.08 : 0.8 + 0.2 * smooth((d - lip * 0.5) / (lip * 0.5)) }
                    }
                    let dx = (px - hx) / hr, dy = (py - hy) / hr
                    let hl = 0.25 * exp(-(dx * dx + dy * dy))
                    let c = (base.0 * f, base.1 * f, base.2 * f)
                    put(y * W + x, (c.0 + (250 - c.0) * hl, c.1 + (236 - c.1) * hl, c.2 + (210 - c.2) * hl))
                }
            }
        case .dustyLid:
            // A flatbed scanner's warm off-white lid with a faint unevenness, a few dust specks and
            // one dark hair (a thin curve; the card lies over the lid, so the hair shows only
            // outside the card).
            let base = (240 + 4 * rng.unit(), 233 + 4 * rng.unit(), 220 + 4 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    let f = 0.99 + 0.015 * valueNoise(fx, fy, cell: 220, seed: bgSeed) + 0.006 * (lattice(x / 2, y / 2, bgSeed &+ 1) - 0.5)
                    put(y * W + x, (base.0 * f, base.1 * f, base.2 * f))
                }
            }
            for _ in 0..<(6 + Int(rng.next() % 10)) {   // dust specks
                let x = Double(W) * rng.unit(), y = Double(H) * rng.unit(), r = (0.6 + 1.2 * rng.unit()) / scale, g = 70 + 70 * rng.unit()
                stroke([P(x: x, y: y), P(x: x + 0.3 / scale, y: y + 0.2 / scale)], r, (g, g, g * 0.97), 0.8)
            }
            let hx = Double(W) * (0.05 + 0.9 * rng.unit()), hy = Double(H) * (0.05 + 0.9 * rng.unit())
            stroke(wavy(hx, hy, angle: rng.unit() * 6.283, length: (150 + 200 * rng.unit()) / scale, bend: 1.5 + 1.5 * rng.unit(), wave: 0.25, &rng),
                   max(0.55, 0.8 / scale), (44, 36, 32), 0.9)
        default: break
        }
    }

    /// The holdout7 light on the scene's planes (before quantisation): the phone's soft shadow
    /// over one corner of the card, a broad soft reflection band, a colour tint. No effect when
    /// the scene has none of them.
    static func applyHoldout7Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard s.phoneShadow != nil || s.reflectionBand != nil || s.tint != nil else { return }
        let diagonal = Double(W * W + H * H).squareRoot()
        for y in 0..<H {
            let py = Double(y) + 0.5
            for x in 0..<W {
                let px = Double(x) + 0.5, i = y * W + x
                if let ps = s.phoneShadow {
                    let f = 1 - ps.strength * phoneShadowCover(ps, px, py, W, H)
                    for c in 0..<3 { bg[c][i] *= f }
                }
                if let rb = s.reflectionBand {
                    // A broad Gaussian band; the lift fades out towards 249 (a soft knee), so that
                    // no pixel is pushed to 250 or over by it.
                    let d = ((px - rb.originX * Double(W)) * cos(rb.angle) + (py - rb.originY * Double(H)) * sin(rb.angle)) / (rb.width * diagonal)
                    let lift = rb.lift * exp(-d * d)
                    for c in 0..<3 { bg[c][i] += lift * min(max((249 - bg[c][i]) / 40, 0), 1) }
                }
                if let t = s.tint {
                    bg[0][i] = min(bg[0][i] * t.red, 255); bg[1][i] = min(bg[1][i] * t.green, 255); bg[2][i] = min(bg[2][i] * t.blue, 255)
                }
            }
        }
    }

    /// How much of the phone's shadow falls on image pixel (px, py): 0–1, a rectangle (the phone)
    /// with soft (blurred) straight edges.
    static func phoneShadowCover(_ ps: IDScanSyntheticScene.PhoneShadow, _ px: Double, _ py: Double, _ W: Int, _ H: Int) -> Double {
        let diagonal = Double(W * W + H * H).squareRoot(), soft = max(ps.softness * diagonal, 1e-6)
        // Inward normal of the straight edge (pointing into the shadow), and its direction.
        let nx = cos(ps.angle), ny = sin(ps.angle)
        let dx = px - ps.edgeX * Double(W), dy = py - ps.edgeY * Double(H)
        let depth = dx * nx + dy * ny, along = -dx * ny + dy * nx
        func ramp(_ d: Double) -> Double { let t = min(max((d / soft + 1) / 2, 0), 1); return t * t * (3 - 2 * t) }
        let len = ps.length * diagonal / 2, deep = ps.depth * diagonal
        return ramp(depth) * ramp(deep - depth) * ramp(len - abs(along))
    }

    /// The fraction of the card's area under the phone's shadow (its cover summed over the card's
    /// pixels), for tests; 0 when the scene has none.
    public static func phoneShadowCardFraction(_ s: IDScanSyntheticScene) -> Double {
        guard let ps = s.phoneShadow else { return 0 }
        return cardCoverFraction(s) { phoneShadowCover(ps, $0, $1, s.width, s.height) }
    }
}
