import Foundation

// The `holdout4` part's scene painters: nine phone-photo backgrounds and an open scanner lid.
// Kept apart from the older painters (which must keep painting byte-identical images).

extension IDScanSyntheticCard {
    /// A 3 × 5 pixel font for the digits 0–9 (bit 14 = top-left, row-major).
    static let digits3x5: [UInt16] = [
        0b111_101_101_101_111, 0b010_110_010_010_111, 0b111_001_111_100_111, 0b111_001_111_001_111,
        0b101_101_111_001_001, 0b111_100_111_001_111, 0b111_100_111_101_111, 0b111_001_001_001_001,
        0b111_101_111_101_111, 0b111_101_111_001_111,
    ]

    /// Whether the digit `d`'s 3 × 5 glyph has a dot at column `cx`, row `cy`.
    static func digitDot(_ d: Int, _ cx: Int, _ cy: Int) -> Bool {
        guard cx >= 0, cx < 3, cy >= 0, cy < 5 else { return false }
        let bits = digits3x5[((d % 10) + 10) % 10]
        return (bits >> UInt16(14 - (cy * 3 + cx))) & 1 == 1
    }

    /// Paints a holdout4 background into the planes (any other background: no effect).
    /// `scale` keeps a texture's look at any image size (1000 / the image's long side).
    static func paintHoldout4Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                        _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        switch s.background {
        case .terrazzo:
            // Cream cement with coloured chips on two grids (large and small), and fine dark speckle.
            let base = (232 + 10 * rng.unit(), 225 + 8 * rng.unit(), 208 + 8 * rng.unit())
            let palette: [(Double, Double, Double)] = [(128, 126, 122), (176, 96, 72), (98, 120, 102), (44, 44, 46),
                                                       (250, 248, 242), (200, 164, 98), (150, 152, 166), (210, 196, 178)]
            let big = (45 + 25 * rng.unit()) / scale
            let grids: [(cell: Double, salt: UInt64, density: Double)] = [(big, 10, 0.75), (big * 0.38, 30, 0.55), (big * 0.16, 70, 0.4)]
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let m = 0.97 + 0.05 * valueNoise(fx, fy, cell: 90, seed: bgSeed)
                    var c = (base.0 * m, base.1 * m, base.2 * m)
                    for g in grids {
                        let cx = Int((px / g.cell).rounded(.down)), cy = Int((py / g.cell).rounded(.down))
                        let k = bgSeed &+ g.salt
                        guard lattice(cx, cy, k) < g.density else { continue }
                        let rad = (0.2 + 0.2 * lattice(cx, cy, k &+ 1)) * g.cell
                        let room = max(0, 0.5 - 1.35 * rad / g.cell)
                        let ccx = (Double(cx) + 0.5 + room * (2 * lattice(cx, cy, k &+ 2) - 1)) * g.cell
                        let ccy = (Double(cy) + 0.5 + room * (2 * lattice(cx, cy, k &+ 3) - 1)) * g.cell
                        // An angular chip: a 4–6-sided polygon, stretched along x by 0.75–1.25.
                        let stretch = 0.75 + 0.5 * lattice(cx, cy, k &+ 7)
                        let dx = (px - ccx) * stretch, dy = py - ccy
                        let d2 = dx * dx + dy * dy
                        guard d2 < rad * rad else { continue }
                        let sides = 4 + Int(lattice(cx, cy, k &+ 8) * 3), seg = 6.2832 / Double(sides)
                        let th = atan2(dy, dx) + 6.283 * lattice(cx, cy, k &+ 4) + 10
                        let local = th - (th / seg).rounded(.down) * seg - seg / 2
                        let rr = rad * cos(seg / 2) / cos(local)
                        if d2 < rr * rr {
                            let chip = palette[Int(lattice(cx, cy, k &+ 5) * Double(palette.count)) % palette.count]
                            let t = 0.92 + 0.1 * lattice(Int(fx / 1.5), Int(fy / 1.5), k &+ 6)
                            c = (chip.0 * t, chip.1 * t, chip.2 * t)
                        }
                    }
                    if lattice(Int(fx / 1.2), Int(fy / 1.2), bgSeed &+ 50) > 0.992 { c = (c.0 * 0.55, c.1 * 0.55, c.2 * 0.55) }
                    put(y * W + x, c)
                }
            }
        case .spreadsheet:
            // A printed spreadsheet / invoice page filling the frame: grid lines, zebra rows, a
            // bold header row every few rows and right-aligned small numbers in most cells.
            let paper = 240 + 10 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.3, (ca, sa) = (cos(a), sin(a))
            let colW = (80 + 40 * rng.unit()) / scale, rowH = (17 + 6 * rng.unit()) / scale
            let line = max(1, 1.1 / scale), zebra = rng.unit() < 0.5, headerEvery = 9 + Int(rng.next() % 6)
            let ink = 30 + 35 * rng.unit()
            let dw = rowH * 0.27, dh = rowH * 0.45, adv = dw * 1.45, pad = rowH * 0.35
            let layout = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let u = px * ca + py * sa + 300, v = -px * sa + py * ca + 300
                    let col = Int((u / colW).rounded(.down)), row = Int((v / rowH).rounded(.down))
                    let iu = u - Double(col) * colW, iv = v - Double(row) * rowH
                    let header = row % headerEvery == 0
                    var c = (paper, paper, paper * 0.99)
                    if header { c = (paper * 0.86, paper * 0.89, paper * 0.93) } else if zebra, row % 2 == 1 { c = (paper * 0.95, paper * 0.97, paper * 0.99) }
                    if iu < line || iv < line {
                        let g = col % 4 == 0 ? 120.0 : 165.0
                        c = (g, g, g)
                    } else if lattice(col, row, layout) < (header ? 0.95 : 0.78) {
                        let n = header ? 3 + Int(lattice(col, row, layout &+ 1) * 5) : 2 + Int(lattice(col, row, layout &+ 1) * 6)
                        let start = colW - pad - Double(n) * adv, top = (rowH - dh) / 2
                        if iu >= start, iu < colW - pad, iv >= top, iv < top + dh {
                            let k = Int(((iu - start) / adv).rounded(.down))
                            let fxd = (iu - start - Double(k) * adv) / dw
                            if fxd < 1 {
                                let digit = Int(lattice(col &* 16 &+ k, row, layout &+ 2) * 10)
                                let on = header ? fxd < 0.85 && (iv - top) / dh > 0.1 : digitDot(digit, Int(fxd * 3), Int((iv - top) / dh * 5))
                                if on { let g = header ? ink * 0.8 : ink; c = (g, g, g * 1.05) }
                            }
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .doily:
            // A white crochet doily (rings of round holes, diamond mesh and chain stitch, a
            // scalloped rim) on a pale table that shows through the holes.
            let tables: [(Double, Double, Double)] = [(222, 204, 176), (208, 208, 204), (226, 216, 200), (196, 200, 210)]
            let table = tables[Int(rng.next() % UInt64(tables.count))]
            let thread = 244 + 8 * rng.unit()
            let cx = Double(W) * (0.3 + 0.4 * rng.unit()), cy = Double(H) * (0.3 + 0.4 * rng.unit())
            let radius = Double(max(W, H)) * (0.6 + 0.35 * rng.unit())
            let period = (20 + 8 * rng.unit()) / scale
            let edgeLobes = Double(40 + Int(rng.next() % 30))
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let tg = 0.95 + 0.05 * valueNoise(fx * 0.3, fy * 3, cell: 12, seed: bgSeed)
                    let tableC = (table.0 * tg, table.1 * tg, table.2 * tg)
                    let dx = px - cx, dy = py - cy, r = (dx * dx + dy * dy).squareRoot(), th = atan2(dy, dx)
                    let rim = radius + period * 0.7 * abs(sin(th * edgeLobes / 2))
                    guard r < rim else { put(y * W + x, tableC); continue }
                    let ring = Int((r / period).rounded(.down)), fr = r / period - Double(ring)
                    let n = Double(12 + 6 * ring)
                    let fa0 = (th / 6.2832 + 0.5) * n + Double(ring) * 0.5
                    let fa = fa0 - fa0.rounded(.down)
                    let cellW = 6.2832 * max(r, 1) / n / period   // the angular cell's width in ring widths
                    let du = (fa - 0.5) * cellW, dv = fr - 0.5
                    var hole: Bool
                    if ring < 2 || r > radius - period { hole = false }
                    else {
                        switch ring % 3 {
                        case 0: hole = du * du + dv * dv < 0.42 * 0.42
                        case 1: hole = abs(du) + abs(dv) < 0.46
                        default: hole = abs(dv) < 0.36 && abs(du) < 0.4
                        }
                    }
                    if hole {
                        put(y * W + x, (tableC.0 * 0.9, tableC.1 * 0.9, tableC.2 * 0.9))
                    } else {
                        let stitch = 0.93 + 0.07 * lattice(Int(fx / 1.5), Int(fy / 1.5), bgSeed &+ 1)
                        let g = thread * stitch * (0.95 + 0.05 * sin(3.1416 * fr))
                        put(y * W + x, (g, g, g * 0.98))
                    }
                }
            }
        case .crumpledPaper:
            // A crumpled white sheet: flat facets (Voronoi cells at two sizes), each tilted its own
            // way and lit from one side, meeting at soft straight creases.
            let base = 236 + 12 * rng.unit()
            let la = rng.unit() * 6.283, (lx, ly) = (cos(la), sin(la))
            let sizes: [(cell: Double, weight: Double, salt: UInt64)] = [((150 + 60 * rng.unit()) / scale, 1, 0), ((55 + 20 * rng.unit()) / scale, 0.5, 20)]
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    var shade = 0.0, crease = 0.0
                    for sz in sizes {
                        let cx = Int((px / sz.cell).rounded(.down)), cy = Int((py / sz.cell).rounded(.down))
                        var f1 = Double.infinity, f2 = Double.infinity, tilt = 0.0
                        for oy in -1...1 {
                            for ox in -1...1 {
                                let kx = cx + ox, ky = cy + oy
                                let sx = (Double(kx) + lattice(kx, ky, bgSeed &+ sz.salt)) * sz.cell
                                let sy = (Double(ky) + lattice(kx, ky, bgSeed &+ sz.salt &+ 1)) * sz.cell
                                let d = ((px - sx) * (px - sx) + (py - sy) * (py - sy)).squareRoot()
                                if d < f1 {
                                    f2 = f1; f1 = d
                                    let ta = 6.283 * lattice(kx, ky, bgSeed &+ sz.salt &+ 2), tm = lattice(kx, ky, bgSeed &+ sz.salt &+ 3)
                                    tilt = tm * (cos(ta) * lx + sin(ta) * ly)
                                } else if d < f2 { f2 = d }
                            }
                        }
                        shade += sz.weight * tilt
                        let w = (f2 - f1) / (0.06 * sz.cell)
                        if w < 1 { crease += sz.weight * (1 - w) * (1 - w) }
                    }
                    let amb = 0.98 + 0.04 * valueNoise(Double(x) * scale, Double(y) * scale, cell: 300, seed: bgSeed &+ 9)
                    let g = base * amb * min(max(0.97 + 0.06 * shade - 0.05 * crease, 0.78), 1.04)
                    put(y * W + x, (g, g, g * 0.985))
                }
            }
        case .whiteboard:
            // A glossy whiteboard: faint erased-marker haze, a broad soft reflection, then marker
            // handwriting rows and a few drawn lines, boxes and circles.
            let board = 236 + 10 * rng.unit()
            let ra = rng.unit() * 3.14, (rc, rs) = (cos(ra), sin(ra)), rpos = rng.unit() - 0.5
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) * scale, fy = Double(y) * scale
                    let nx = Double(x) / Double(W) - 0.5, ny = Double(y) / Double(H) - 0.5
                    let haze = 22 * max(0, valueNoise(fx, fy, cell: 70, seed: bgSeed) - 0.68) / 0.32
                    let refl = 9 * exp(-pow((nx * rc + ny * rs - rpos) / 0.12, 2))
                    let g = board * (0.985 + 0.03 * valueNoise(fx, fy, cell: 260, seed: bgSeed &+ 1)) - haze + refl
                    put(y * W + x, (g - haze * 0.1, g, g + 3))
                }
            }
            let inks: [(Double, Double, Double)] = [(30, 60, 170), (35, 35, 40), (190, 40, 44), (30, 130, 70)]
            let pen = 3.0 / scale
            func stamp(_ px: Double, _ py: Double, _ c: (Double, Double, Double)) {
                let r = Int(pen.rounded(.up))
                guard px.isFinite, py.isFinite, abs(px) < 1e6, abs(py) < 1e6 else { return }
                let ix = Int(px), iy = Int(py)
                let x0 = max(0, ix - r), x1 = min(W - 1, ix + r), y0 = max(0, iy - r), y1 = min(H - 1, iy + r)
                guard x0 <= x1, y0 <= y1 else { return }
                for yy in y0...y1 {
                    for xx in x0...x1 {
                        let ddx = Double(xx) + 0.5 - px, ddy = Double(yy) + 0.5 - py
                        if ddx * ddx + ddy * ddy <= pen * pen { let i = yy * W + xx; R[i] = c.0; G[i] = c.1; B[i] = c.2 }
                    }
                }
            }
            let rows = 3 + Int(rng.next() % 5)
            for _ in 0..<rows {
                let ink = inks[Int(rng.next() % UInt64(inks.count))]
                let y0 = Double(H) * rng.unit(), height = (35 + 35 * rng.unit()) / scale
                var x0 = Double(W) * (rng.unit() * 0.6 - 0.1)
                let end = x0 + Double(W) * (0.3 + 0.6 * rng.unit())
                let slope = (rng.unit() - 0.5) * 0.08
                while x0 < end {
                    let letters = 2 + Int(rng.next() % 7), loopW = height * (0.35 + 0.15 * rng.unit()), ph = rng.unit() * 6.283
                    let steps = Int(Double(letters) * loopW * 6.283 / max(pen * 0.6, 0.5))
                    for k in 0..<max(steps, 1) {
                        let t = Double(k) / Double(max(steps, 1)) * Double(letters) * 6.283
                        let px = x0 + t / 6.283 * loopW * 1.1 + 0.45 * loopW * cos(t + ph)
                        let py = y0 + (px - x0) * slope - 0.5 * height * (0.6 + 0.4 * sin(0.7 * t + ph)) * (0.5 + 0.5 * sin(t))
                        stamp(px, py, ink)
                    }
                    x0 += Double(letters) * loopW * 1.1 + height * (0.6 + 0.5 * rng.unit())
                }
                x0 = 0
            }
            let shapes = 2 + Int(rng.next() % 4)
            for _ in 0..<shapes {
                let ink = inks[Int(rng.next() % UInt64(inks.count))]
                let ax = Double(W) * rng.unit(), ay = Double(H) * rng.unit()
                let size = Double(min(W, H)) * (0.1 + 0.3 * rng.unit()), kind = rng.next() % 3
                let n = Int(size * 8 / max(pen, 0.5))
                for k in 0..<n {
                    let t = Double(k) / Double(n)
                    switch kind {
                    case 0: stamp(ax + size * 2 * t, ay + size * 0.3 * t, ink)   // a line (an arrow's shaft)
                    case 1: // a box
                        let e = t * 4, side = Int(e), f = e - Double(side)
                        let p = [(0.0, 0.0), (1.6, 0.0), (1.6, 1.0), (0.0, 1.0), (0.0, 0.0)]
                        let a0 = p[min(side, 3)], a1 = p[min(side, 3) + 1]
                        stamp(ax + size * (a0.0 + (a1.0 - a0.0) * f), ay + size * (a0.1 + (a1.1 - a0.1) * f), ink)
                    default: stamp(ax + size * 0.6 * cos(t * 6.6), ay + size * 0.45 * sin(t * 6.6), ink)   // a circle
                    }
                }
            }
        case .basketWeave:
            // A beige basket-weave placemat: blocks of three flat strands, alternately across and
            // along, with dark gaps and shading where a strand dips under its neighbour.
            let tones: [(Double, Double, Double)] = [(206, 184, 140), (192, 166, 120), (216, 198, 162), (180, 154, 110)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            let block = (26 + 12 * rng.unit()) / scale
            let a = (rng.unit() - 0.5) * 0.5, (ca, sa) = (cos(a), sin(a))
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let u = px * ca + py * sa + 500, v = -px * sa + py * ca + 500
                    let bu = Int((u / block).rounded(.down)), bv = Int((v / block).rounded(.down))
                    let iu = u - Double(bu) * block, iv = v - Double(bv) * block
                    let across = (bu + bv) % 2 == 0
                    let ac = across ? iv : iu, al = across ? iu : iv
                    let sw = block / 3, k = Int((ac / sw).rounded(.down)), f = ac / sw - Double(k)
                    var g = f < 0.07 || f > 0.93 ? 0.5 : 0.72 + 0.3 * pow(sin(3.1416 * f), 0.6)
                    let ends = al / block
                    if ends < 0.07 || ends > 0.93 { g *= 0.78 }
                    let fibre = 0.93 + 0.1 * valueNoise(al * scale * 0.4 + Double(k) * 37, Double(bu * 7 + bv * 13 + k) * 20, cell: 2, seed: bgSeed)
                    g *= fibre
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .birchPly:
            // Light birch plywood: pale, with faint wavy grain and a few small darker flecks.
            let tones: [(Double, Double, Double)] = [(226, 204, 170), (232, 214, 184), (218, 194, 158)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            let freq = 0.03 + 0.03 * rng.unit(), vertical = rng.next() % 2 == 0
            for y in 0..<H {
                for x in 0..<W {
                    let across = (vertical ? Double(x) : Double(y)) * scale, along = (vertical ? Double(y) : Double(x)) * scale
                    let warp = 3 * valueNoise(along, across, cell: 220, seed: bgSeed)
                    let grain = sin((across * freq + warp) * 6.283)
                    let streak = valueNoise(along * 0.05, across * 2, cell: 3, seed: bgSeed &+ 1) - 0.5
                    var g = 0.955 + 0.025 * grain + 0.03 * streak + 0.03 * (valueNoise(Double(x) * scale, Double(y) * scale, cell: 200, seed: bgSeed &+ 2) - 0.5)
                    if lattice(Int(along / 6), Int(across / 1.5), bgSeed &+ 3) > 0.997 { g *= 0.82 }
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .cuttingMat:
            // A green self-healing cutting mat: thin light grid lines, a bolder line every five, and
            // faint knife scratches.
            let greens: [(Double, Double, Double)] = [(42, 110, 84), (30, 96, 70), (56, 122, 92)]
            let t = greens[Int(rng.next() % UInt64(greens.count))]
            let cell = (22 + 8 * rng.unit()) / scale
            let a = (rng.unit() - 0.5) * 0.4, (ca, sa) = (cos(a), sin(a))
            let thin = max(0.9, 1.0 / scale), bold = max(1.6, 2.0 / scale)
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + 400, v = -px * sa + py * ca + 400
                    let cu = Int((u / cell).rounded(.down)), cv = Int((v / cell).rounded(.down))
                    let iu = u - Double(cu) * cell, iv = v - Double(cv) * cell
                    var c = t
                    let m = 0.95 + 0.06 * valueNoise(fx, fy, cell: 3, seed: bgSeed) + 0.04 * (valueNoise(fx, fy, cell: 180, seed: bgSeed &+ 1) - 0.5)
                    c = (c.0 * m, c.1 * m, c.2 * m)
                    let onU = iu < (cu % 5 == 0 ? bold : thin), onV = iv < (cv % 5 == 0 ? bold : thin)
                    if onU || onV { c = (196, 214, 190) }
                    // Scratches: short light streaks along a random direction.
                    let sd = fx * 0.8 + fy * 0.6
                    if abs(valueNoise(sd * 0.02, (fx * 0.6 - fy * 0.8), cell: 2.5, seed: bgSeed &+ 2) - 0.5) < 0.01,
                       valueNoise(fx, fy, cell: 60, seed: bgSeed &+ 3) > 0.7 { c = (c.0 * 1.25, c.1 * 1.2, c.2 * 1.2) }
                    put(y * W + x, c)
                }
            }
        case .walnut:
            // A dark walnut table: flowing darker bands, fine streaks and pores, a faint sheen.
            let tones: [(Double, Double, Double)] = [(80, 54, 38), (64, 42, 30), (96, 64, 44)]
            let t = tones[Int(rng.next() % UInt64(tones.count))]
            let freq = (0.02 + 0.02 * rng.unit()), vertical = rng.next() % 2 == 0
            for y in 0..<H {
                for x in 0..<W {
                    let across = (vertical ? Double(x) : Double(y)) * scale, along = (vertical ? Double(y) : Double(x)) * scale
                    let warp = 2.5 * valueNoise(along, across, cell: 300, seed: bgSeed) + 0.6 * valueNoise(along, across, cell: 70, seed: bgSeed &+ 1)
                    let band = 0.5 + 0.5 * sin((across * freq + warp) * 6.283)
                    let streak = valueNoise(along * 0.04, across * 1.5, cell: 3, seed: bgSeed &+ 2) - 0.5
                    var g = 0.78 + 0.22 * band + 0.18 * streak + 0.08 * (valueNoise(Double(x) * scale, Double(y) * scale, cell: 300, seed: bgSeed &+ 3) - 0.5)
                    if lattice(Int(along / 5), Int(across / 1.2), bgSeed &+ 4) > 0.985 { g *= 0.65 }
                    put(y * W + x, (t.0 * g, t.1 * g, t.2 * g))
                }
            }
        case .openLid:
            // A scan with the lid open: the dark room above the glass, fading to grey on one side.
            let dark = 20 + 20 * rng.unit(), grey = 110 + 40 * rng.unit()
            let a = rng.unit() * 6.283, (ca, sa) = (cos(a), sin(a)), tint = (rng.unit() - 0.5) * 8
            for y in 0..<H {
                for x in 0..<W {
                    let nx = Double(x) / Double(W) - 0.5, ny = Double(y) / Double(H) - 0.5
                    let p = min(max((nx * ca + ny * sa) * 1.2 + 0.5, 0), 1)
                    let ramp = p * p * (3 - 2 * p)
                    let v = dark + (grey - dark) * ramp + 8 * (valueNoise(Double(x) * scale, Double(y) * scale, cell: 220, seed: bgSeed) - 0.5)
                    put(y * W + x, (v + tint, v, v - tint))
                }
            }
        default:
            break
        }
    }
}
