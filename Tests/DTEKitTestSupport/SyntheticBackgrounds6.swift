import Foundation

// The `holdout6` part's scene painters and light: nine phone-photo backgrounds, a streaky
// blue-grey scanner lid, and the new kinds of light (window-blind stripes, a soft flash hotspot
// on the card, a fingertip over the card's outer margin; dim evening light uses the older
// exposure and noise fields). Kept apart from the older painters (which must keep painting
// byte-identical images); every new scene field defaults to "no effect", and none of the new
// code draws from the scene's random stream unless the scene uses a holdout6 background.

extension IDScanSyntheticCard {
    /// Paints a holdout6 background into the planes (any other background: no effect).
    /// `scale` keeps a texture's look at any image size (1000 / the image's long side).
    static func paintHoldout6Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                        _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        switch s.background {
        case .invoicePage:
            // A printed invoice filling the frame: a letterhead (a coloured logo block and lines of
            // bold print), address lines, a table with a shaded header row, ruled rows and column
            // rules, small text and right-aligned figures in the cells, a totals box; a soft fold.
            let paper = 243 + 9 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.3, (ca, sa) = (cos(a), sin(a))
            let lineH = (15 + 4 * rng.unit()) / scale, rowH = lineH * (1.5 + 0.3 * rng.unit())
            let left = (40 + 50 * rng.unit()) / scale, pageW = (900 + 200 * rng.unit()) / scale
            let headTop = (-120 + 100 * rng.unit()) / scale, tableTop = headTop + (230 + 60 * rng.unit()) / scale
            let rows = 26 + Int(rng.next() % 14)
            let colFr: [Double] = [0, 0.12, 0.58, 0.72, 0.86, 1]
            let logo: (Double, Double, Double) = [(30, 90, 160), (200, 60, 40), (40, 130, 90), (90, 60, 140)][Int(rng.next() % 4)]
            let foldV = Double(max(W, H)) * (0.2 + 0.6 * rng.unit()), foldA = (rng.unit() - 0.5) * 0.2
            let layout = rng.next()
            let grid = (150.0, 150.0, 156.0), ink = (40.0, 40.0, 46.0)
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa - left, v = -px * sa + py * ca - headTop
                    let m = 0.985 + 0.02 * valueNoise(fx, fy, cell: 220, seed: bgSeed)
                    var c = (paper * m, paper * m, paper * 0.98 * m)
                    let tableBottom = tableTop - headTop + Double(rows + 1) * rowH
                    let rule = max(1, 1.2 / scale)
                    if u >= 0, u < pageW {
                        let tu = u / pageW
                        if v >= 0, v < tableTop - headTop - 20 / scale {
                            // Letterhead and addresses.
                            if tu < 0.14, v < 70 / scale { c = logo }
                            else {
                                let line = Int((v / lineH).rounded(.down)), fyl = (v - Double(line) * lineH) / lineH
                                let bold = line < 3, cw = lineH * (bold ? 0.62 : 0.5)
                                let start = (bold ? 0.17 : (line % 5 < 3 ? 0 : 0.6)) * pageW
                                let end = start + pageW * (0.18 + 0.2 * lattice(line, 0, layout))
                                let k = Int(((u - start) / cw).rounded(.down))
                                if u >= start, u < end, fyl > 0.15, fyl < 0.8, lattice(k, line, layout &+ 1) > 0.16,
                                   printDot(Int(lattice(k, line, layout &+ 2) * 10), (u - start - Double(k) * cw) / cw, (fyl - 0.15) / 0.65) {
                                    c = ink
                                }
                            }
                        } else if v >= tableTop - headTop, v < tableBottom {
                            let tv = v - (tableTop - headTop), row = Int((tv / rowH).rounded(.down)), fr = tv - Double(row) * rowH
                            if row == 0 { c = (c.0 * 0.86, c.1 * 0.86, c.2 * 0.88) }   // shaded header row
                            var col = 0
                            while col < 4, tu >= colFr[col + 1] { col += 1 }
                            let cellL = colFr[col] * pageW, cellR = colFr[col + 1] * pageW
                            let cw = lineH * 0.5
                            // Text in the cell: the description left-aligned, figures right-aligned.
                            let textW = col == 1 ? (cellR - cellL) * (0.3 + 0.6 * lattice(row, col, layout &+ 3)) : cw * Double(3 + Int(lattice(row, col, layout &+ 4) * 4))
                            let t0 = col == 1 || col == 0 ? cellL + 6 / scale : cellR - 6 / scale - textW
                            let fyl = (fr - (rowH - lineH) / 2) / lineH
                            if u >= t0, u < t0 + textW, fyl > 0.2, fyl < 0.8 {
                                let k = Int(((u - t0) / cw).rounded(.down))
                                if lattice(k, row &* 7 &+ col, layout &+ 5) > 0.12,
                                   printDot(Int(lattice(k, row &* 7 &+ col, layout &+ 6) * 10), (u - t0 - Double(k) * cw) / cw, (fyl - 0.2) / 0.6) {
                                    c = ink
                                }
                            }
                            if fr < rule { c = grid }
                            if colFr.contains(where: { abs(u - $0 * pageW) < rule * 0.6 }) { c = grid }
                        } else if v >= tableBottom + 20 / scale, v < tableBottom + 20 / scale + 2.2 * rowH, tu > 0.72 {
                            // The totals box.
                            let bv = v - tableBottom - 20 / scale
                            if bv < rule || bv > 2.2 * rowH - rule || abs(tu - 0.72) * pageW < rule * 1.5 || abs(tu - 1) * pageW < rule * 1.5 { c = ink }
                        }
                    }
                    // A soft fold across the page: a light and a shaded side.
                    let fd = (px * sin(foldA) + py * cos(foldA) - foldV) * scale
                    if abs(fd) < 14 { let f = fd < 0 ? 1 + 0.03 * (1 - abs(fd) / 14) : 1 - 0.07 * (1 - fd / 14); c = (c.0 * f, c.1 * f, c.2 * f) }
                    put(y * W + x, c)
                }
            }
        case .linenCloth:
            // A light linen cloth: an oatmeal plain weave with slubs (thicker, lighter or darker
            // threads) and soft wrinkles (long ridges, lit on one side and shaded on the other).
            let base = (226 + 10 * rng.unit(), 218 + 8 * rng.unit(), 200 + 8 * rng.unit())
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let thread = (2.6 + 0.8 * rng.unit()) / scale
            let wa = rng.unit() * Double.pi, (wc, ws) = (cos(wa), sin(wa))
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + 9000 / scale, v = -px * sa + py * ca + 9000 / scale
                    let iu = Int((u / thread).rounded(.down)), iv = Int((v / thread).rounded(.down))
                    let over = (iu + iv) % 2 == 0
                    var f = over ? 1.02 : 0.96
                    f *= 0.97 + 0.06 * lattice(over ? iv : iu, Int((over ? u : v) / (60 / scale)), bgSeed)   // slubs
                    f *= 0.99 + 0.02 * lattice(x, y, bgSeed &+ 1)
                    // Wrinkles: a warped sine along one direction, its slope lit.
                    let w = fx * wc + fy * ws + 60 * valueNoise(fx, fy, cell: 240, seed: bgSeed &+ 2)
                    let ridge = sin(w * 0.035 + 4 * valueNoise(fx, fy, cell: 400, seed: bgSeed &+ 3))
                    let amount = max(0, valueNoise(fx, fy, cell: 300, seed: bgSeed &+ 4) - 0.3) * 1.4
                    f *= 1 + 0.07 * ridge * amount
                    put(y * W + x, (base.0 * f, base.1 * f, base.2 * f))
                }
            }
        case .kraftEnvelope:
            // A light-brown kraft-paper envelope filling the frame: mottled, with short light and
            // dark fibres and a fold line (a lit and a shaded side of a crease).
            let base = (206 + 12 * rng.unit(), 170 + 10 * rng.unit(), 124 + 10 * rng.unit())
            let fa = rng.unit() * Double.pi, (fc, fs) = (cos(fa), sin(fa))
            let foldAt = (rng.unit() - 0.5) * 0.5 * Double(min(W, H))
            let cx = Double(W) / 2, cy = Double(H) / 2
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    var f = 0.95 + 0.08 * valueNoise(fx, fy, cell: 45, seed: bgSeed) + 0.03 * (valueNoise(fx, fy, cell: 8, seed: bgSeed &+ 1) - 0.5)
                    // Fibres: short strokes, mostly along one direction.
                    let fu = fx * 0.96 + fy * 0.28, fv = -fx * 0.28 + fy * 0.96
                    let cellU = Int((fu / 14).rounded(.down)), cellV = Int((fv / 2.2).rounded(.down))
                    let h = lattice(cellU, cellV, bgSeed &+ 2)
                    if h > 0.965 { f *= 0.86 } else if h < 0.03 { f *= 1.08 }
                    var c = (base.0 * f, base.1 * f, base.2 * f)
                    let d = ((px - cx) * fc + (py - cy) * fs - foldAt) * scale
                    if abs(d) < 10 {
                        let g = d < 0 ? 1 + 0.06 * smooth(1 + d / 10) : 1 - 0.12 * smooth(1 - d / 10)
                        c = (c.0 * g, c.1 * g, c.2 * g)
                    }
                    put(y * W + x, c)
                }
            }
        case .polkaDotCloth:
            // A white tablecloth with a grey polka-dot print on a staggered grid, a faint weave and
            // soft folds.
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let pitch = (34 + 14 * rng.unit()) / scale, dotR = pitch * (0.2 + 0.08 * rng.unit())
            let white = 238 + 10 * rng.unit(), dot = 140 + 30 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + 7000 / scale, v = -px * sa + py * ca + 7000 / scale
                    let row = (v / pitch).rounded(.down), shift = Int(row) % 2 == 0 ? 0 : pitch / 2
                    let du = u - shift - ((u - shift) / pitch).rounded(.down) * pitch - pitch / 2, dv = v - row * pitch - pitch / 2
                    let d = (du * du + dv * dv).squareRoot()
                    let inDot = min(max(dotR - d + 0.5, 0), 1)
                    var t = white * (1 - inDot) + dot * inDot
                    t *= ((x + y) % 2 == 0 ? 1.006 : 0.994) * (0.99 + 0.02 * lattice(Int(fx / 1.6), Int(fy / 1.6), bgSeed))
                    let fold = 1 + 0.05 * sin(fx * 0.006 - fy * 0.01 + 5 * valueNoise(fx, fy, cell: 300, seed: bgSeed &+ 1))
                        - 0.04 * valueNoise(fx, fy, cell: 140, seed: bgSeed &+ 2)
                    put(y * W + x, (t * fold, t * fold, t * 1.004 * fold))
                }
            }
        case .greyLaminate:
            // A mid-grey laminate desk with a faint printed wood grain (long, slightly wavy streaks).
            let base = 118 + 22 * rng.unit(), warm = 0.97 + 0.04 * rng.unit()
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let u = (px * ca + py * sa) * scale, v = (-px * sa + py * ca) * scale
                    let grain = sin(v * 0.18 + 6 * valueNoise(u, v, cell: 220, seed: bgSeed)) * 0.5 + 0.5
                    let fine = lattice(Int(u / 30), Int(v / 1.2), bgSeed &+ 1)
                    let f = 0.96 + 0.05 * grain + 0.02 * (fine - 0.5) + 0.03 * (valueNoise(u, v, cell: 500, seed: bgSeed &+ 2) - 0.5)
                    put(y * W + x, (base * f * warm, base * f, base * f / warm))
                }
            }
        case .navyFelt:
            // A navy blue felt desk mat: matted fibres (fine random fuzz at two scales), no weave.
            let base = (34 + 8 * rng.unit(), 44 + 8 * rng.unit(), 84 + 14 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    var f = 0.9 + 0.2 * valueNoise(fx, fy, cell: 2.5, seed: bgSeed)
                    f *= 0.94 + 0.12 * valueNoise(fx, fy, cell: 16, seed: bgSeed &+ 1)
                    f *= 0.97 + 0.06 * valueNoise(fx, fy, cell: 260, seed: bgSeed &+ 2)
                    if lattice(Int(fx / 1.5), Int(fy / 4), bgSeed &+ 3) > 0.992 { f *= 1.35 }   // a stray light fibre
                    put(y * W + x, (base.0 * f, base.1 * f, base.2 * f))
                }
            }
        case .terracottaTiles:
            // A terracotta tile floor: square tiles, each its own orange-brown with mottling, with
            // pale grout lines between them.
            let a = (rng.unit() - 0.5) * 0.6, (ca, sa) = (cos(a), sin(a))
            let tile = (150 + 60 * rng.unit()) / scale, grout = (5 + 3 * rng.unit()) / scale
            let base = (178 + 14 * rng.unit(), 96 + 10 * rng.unit(), 62 + 8 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + 5000 / scale, v = -px * sa + py * ca + 5000 / scale
                    let tx = Int((u / tile).rounded(.down)), ty = Int((v / tile).rounded(.down))
                    let fu = u - Double(tx) * tile, fv = v - Double(ty) * tile
                    let c: (Double, Double, Double)
                    if fu < grout || fv < grout {
                        let g = 0.95 + 0.1 * lattice(Int(fx / 2), Int(fy / 2), bgSeed)
                        c = (196 * g, 186 * g, 170 * g)
                    } else {
                        let t = 0.86 + 0.22 * lattice(tx, ty, bgSeed &+ 1)
                        let mottle = 0.93 + 0.12 * valueNoise(fx, fy, cell: 30, seed: bgSeed &+ 2) + 0.03 * (lattice(x, y, bgSeed &+ 3) - 0.5)
                        let edge = min(fu - grout, fv - grout, tile - fu, tile - fv) < 3 / scale ? 0.93 : 1
                        let f = t * mottle * edge
                        c = (base.0 * f, base.1 * f * (0.97 + 0.06 * lattice(tx, ty, bgSeed &+ 4)), base.2 * f)
                    }
                    put(y * W + x, c)
                }
            }
        case .concreteSlab:
            // A light-grey concrete slab: cloudy mottling, fine grit and small dark pores.
            let base = 178 + 18 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    var f = 0.92 + 0.12 * valueNoise(fx, fy, cell: 120, seed: bgSeed) + 0.05 * (valueNoise(fx, fy, cell: 18, seed: bgSeed &+ 1) - 0.5)
                    f *= 0.975 + 0.05 * lattice(Int(fx / 1.2), Int(fy / 1.2), bgSeed &+ 2)
                    // Pores: small dark pits with a soft rim, at random lattice cells.
                    let cx = Int((fx / 14).rounded(.down)), cy = Int((fy / 14).rounded(.down))
                    if lattice(cx, cy, bgSeed &+ 3) > 0.8 {
                        let ox = (Double(cx) + 0.2 + 0.6 * lattice(cx, cy, bgSeed &+ 4)) * 14, oy = (Double(cy) + 0.2 + 0.6 * lattice(cx, cy, bgSeed &+ 5)) * 14
                        let r = 1.2 + 2.2 * lattice(cx, cy, bgSeed &+ 6)
                        let d = ((fx - ox) * (fx - ox) + (fy - oy) * (fy - oy)).squareRoot()
                        if d < r { f *= 0.55 + 0.2 * d / r } else if d < r + 1 { f *= 0.9 }
                    }
                    put(y * W + x, (base * f, base * f, base * f * 0.985))
                }
            }
        case .burgundyLeather:
            // A burgundy leather notebook cover: pebble grain (cells with darker creases between
            // them), a soft sheen, and a line of stitching a little in from one edge.
            let base = (112 + 16 * rng.unit(), 26 + 8 * rng.unit(), 42 + 8 * rng.unit())
            let side = Int(rng.next() % 4), inset = (40 + 50 * rng.unit()) / scale
            let stitch = 9 / scale
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    // Pebble grain: distance to the nearest of jittered cell points.
                    let gx = Int((fx / 7).rounded(.down)), gy = Int((fy / 7).rounded(.down))
                    var d1 = 1e9, d2 = 1e9
                    for j in -1...1 {
                        for k in -1...1 {
                            let qx = (Double(gx + k) + lattice(gx + k, gy + j, bgSeed)) * 7, qy = (Double(gy + j) + lattice(gx + k, gy + j, bgSeed &+ 1)) * 7
                            let d = (fx - qx) * (fx - qx) + (fy - qy) * (fy - qy)
                            if d < d1 { d2 = d1; d1 = d } else if d < d2 { d2 = d }
                        }
                    }
                    let crease = d2.squareRoot() - d1.squareRoot()
                    var f = crease < 1.2 ? 0.8 + 0.15 * crease / 1.2 : 1.0
                    f *= 0.92 + 0.16 * valueNoise(fx, fy, cell: 200, seed: bgSeed &+ 2)
                    var c = (base.0 * f, base.1 * f, base.2 * f)
                    // Stitching: short light dashes on a line parallel to one frame edge.
                    let along = side % 2 == 0 ? px : py
                    let across = [py, px, Double(H) - py, Double(W) - px][side]
                    if abs(across - inset) < max(1, 1.6 / scale), along.truncatingRemainder(dividingBy: stitch) < stitch * 0.6 { c = (196, 170, 150) }
                    if abs(across - inset + 3 / scale) < max(0.8, 1 / scale) { c = (c.0 * 0.75, c.1 * 0.75, c.2 * 0.75) }   // the stitch groove
                    put(y * W + x, c)
                }
            }
        case .streakLid:
            // A scanner lid: pale blue-grey with faint streaks along the lamp's travel (each column,
            // or row, its own slight offset; a few stronger lines) and a slightly brighter band
            // where the lamp started.
            let base = (206 + 8 * rng.unit(), 214 + 8 * rng.unit(), 224 + 8 * rng.unit())
            let alongRows = rng.unit() < 0.5
            for y in 0..<H {
                for x in 0..<W {
                    let across = alongRows ? y : x, along = alongRows ? Double(x) / Double(W) : Double(y) / Double(H)
                    let k = Int(Double(across) * scale)
                    var f = 0.992 + 0.016 * lattice(k, 0, bgSeed)
                    if lattice(k / 3, 1, bgSeed) > 0.97 { f *= 0.975 }   // a stronger streak
                    f *= 0.985 + 0.02 * valueNoise(Double(k), 0, cell: 40, seed: bgSeed &+ 1)
                    f *= 1 + 0.015 * max(0, 1 - along * 8)
                    f *= 0.996 + 0.008 * lattice(x / 2, y / 2, bgSeed &+ 2)
                    put(y * W + x, (base.0 * f, base.1 * f, base.2 * f))
                }
            }
        default: break
        }
    }

    /// The holdout6 fingertip, painted over the card and the table before the light (so that the
    /// light falls on it too): a skin-toned rounded finger coming from outside one short edge of
    /// the card, its tip over the card's outer margin only. No effect when the scene has none.
    static func paintFingertip(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard let g = fingertipGeometry(s) else { return }
        let (tone, r) = (g.tone, g.radius)
        let x0 = max(0, Int(min(g.a.x, g.b.x) - r - 2)), x1 = min(W - 1, Int(max(g.a.x, g.b.x) + r + 2))
        let y0 = max(0, Int(min(g.a.y, g.b.y) - r - 2)), y1 = min(H - 1, Int(max(g.a.y, g.b.y) + r + 2))
        guard x0 <= x1, y0 <= y1 else { return }
        let ex = g.b.x - g.a.x, ey = g.b.y - g.a.y, len2 = max(ex * ex + ey * ey, 1e-9)
        for y in y0...y1 {
            for x in x0...x1 {
                let px = Double(x) + 0.5, py = Double(y) + 0.5
                let t = min(max(((px - g.a.x) * ex + (py - g.a.y) * ey) / len2, 0), 1)
                let qx = g.a.x + t * ex, qy = g.a.y + t * ey
                let d = ((px - qx) * (px - qx) + (py - qy) * (py - qy)).squareRoot()
                let alpha = min(max(r - d + 0.5, 0), 1)
                guard alpha > 0 else { continue }
                // Rounded shading: lighter along the middle, darker towards the rim.
                let rr = min(d / r, 1), shade = 0.72 + 0.33 * (1 - rr * rr).squareRoot()
                var c = (tone.0 * shade, tone.1 * shade, tone.2 * shade)
                // The nail near the tip: a paler, pinker oval.
                let along = ((px - g.a.x) * ex + (py - g.a.y) * ey) / len2.squareRoot()
                let side = ((px - g.a.x) * ey - (py - g.a.y) * ex) / len2.squareRoot()
                let nu = (along - r * 0.55) / (r * 0.75), nv = side / (r * 0.55)
                let nail = min(max((1 - (nu * nu + nv * nv)) * 3, 0), 1)   // soft-edged
                c = (c.0 + (min(250, c.0 * 1.08 + 10) - c.0) * nail, c.1 + 6 * nail + c.1 * 0.02 * nail, c.2 + (c.2 * 0.05 + 10) * nail)
                let i = y * W + x
                bg[0][i] = alpha * c.0 + (1 - alpha) * bg[0][i]
                bg[1][i] = alpha * c.1 + (1 - alpha) * bg[1][i]
                bg[2][i] = alpha * c.2 + (1 - alpha) * bg[2][i]
            }
        }
    }

    /// The fingertip as a capsule in image pixels: a round tip centred at `a`, the finger running
    /// to `b` (off the card, away from it), of radius `radius`; nil when the scene has none.
    /// The capsule's reach past the short edge's line, towards the card's centre, is `depth` × the
    /// shorter of the card's long edges.
    static func fingertipGeometry(_ s: IDScanSyntheticScene) -> (a: P, b: P, radius: Double, tone: (Double, Double, Double))? {
        guard let ft = s.fingertip, s.hasCard else { return nil }
        let q = cardQuad(s)   // top-left, top-right, bottom-right, bottom-left
        func len(_ p: P, _ r: P) -> Double { ((p.x - r.x) * (p.x - r.x) + (p.y - r.y) * (p.y - r.y)).squareRoot() }
        let cardW = min(len(q[0], q[1]), len(q[3], q[2]))
        // The short edge (left: q[0]–q[3], right: q[1]–q[2]) and its inward unit normal.
        let (e0, e1) = ft.rightEdge ? (q[1], q[2]) : (q[0], q[3])
        let mx = (q[0].x + q[1].x + q[2].x + q[3].x) / 4, my = (q[0].y + q[1].y + q[2].y + q[3].y) / 4
        let tx = e1.x - e0.x, ty = e1.y - e0.y, tl = max((tx * tx + ty * ty).squareRoot(), 1e-9)
        var nx = -ty / tl, ny = tx / tl
        if (mx - e0.x) * nx + (my - e0.y) * ny < 0 { nx = -nx; ny = -ny }
        let e = P(x: e0.x + tx * ft.along, y: e0.y + ty * ft.along)
        let radius = ft.radius * cardW, depth = ft.depth * cardW
        // The tip's centre: `depth` inwards of the edge line at the rim of the tip.
        let a = P(x: e.x + (depth - radius) * nx, y: e.y + (depth - radius) * ny)
        // The finger runs outwards, turned by `tilt` radians.
        let ox = -nx * cos(ft.tilt) + ny * sin(ft.tilt), oy = -ny * cos(ft.tilt) - nx * sin(ft.tilt)
        let b = P(x: a.x + ox * cardW * 2.5, y: a.y + oy * cardW * 2.5)
        return (a, b, radius, (ft.red, ft.green, ft.blue))
    }

    /// How far the fingertip reaches over the card, as a fraction of the card's width (from the
    /// nearer short edge, in the card's own coordinates; 0 = none), sampled over the finger's
    /// pixels that fall on the card. For tests: the print starts 6 % in.
    public static func fingertipReach(_ s: IDScanSyntheticScene) -> Double {
        guard let g = fingertipGeometry(s) else { return 0 }
        let q = cardQuad(s), tw = 856.0, th = 540.0
        guard let h = homography(from: q, to: [P(x: 0, y: 0), P(x: tw, y: 0), P(x: tw, y: th), P(x: 0, y: th)]) else { return 0 }
        let r = g.radius, ex = g.b.x - g.a.x, ey = g.b.y - g.a.y, len2 = max(ex * ex + ey * ey, 1e-9)
        var reach = 0.0
        let x0 = Int(min(g.a.x, g.b.x) - r - 2), x1 = Int(max(g.a.x, g.b.x) + r + 2)
        let y0 = Int(min(g.a.y, g.b.y) - r - 2), y1 = Int(max(g.a.y, g.b.y) + r + 2)
        for y in y0...y1 {
            for x in x0...x1 {
                let px = Double(x) + 0.5, py = Double(y) + 0.5
                let t = min(max(((px - g.a.x) * ex + (py - g.a.y) * ey) / len2, 0), 1)
                let dx = px - g.a.x - t * ex, dy = py - g.a.y - t * ey
                guard dx * dx + dy * dy < (r + 0.5) * (r + 0.5) else { continue }
                let den = h[6] * px + h[7] * py + 1
                let u = (h[0] * px + h[1] * py + h[2]) / den, v = (h[3] * px + h[4] * py + h[5]) / den
                guard u >= 0, u <= tw, v >= 0, v <= th else { continue }
                reach = max(reach, min(u, tw - u) / tw)
            }
        }
        return reach
    }

    /// The holdout6 light on the scene's planes (before quantisation): window-blind stripes over
    /// the whole scene, a soft flash hotspot. No effect when the scene has neither.
    static func applyHoldout6Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard s.blindStripes != nil || s.flashHotspot != nil else { return }
        let diagonal = Double(W * W + H * H).squareRoot()
        for y in 0..<H {
            let py = Double(y) + 0.5
            for x in 0..<W {
                let px = Double(x) + 0.5, i = y * W + x
                if let b = s.blindStripes {
                    // Soft parallel bands: cos shaped through a tanh, so that each band has a flat
                    // middle and soft edges; darkening `strength` in the bands' middles.
                    let d = (px * cos(b.angle) + py * sin(b.angle)) / (b.period * diagonal) + b.phase
                    let band = 0.5 + 0.5 * tanh(2.5 * cos(2 * Double.pi * d)) / tanh(2.5)
                    let f = 1 - b.strength * band
                    for c in 0..<3 { bg[c][i] *= f }
                }
                if let fl = s.flashHotspot {
                    // A broad ellipse lifting towards (never past) 240: no clipping from it.
                    let dx = (px - fl.centerX * Double(W)) / (fl.radiusX * Double(W)), dy = (py - fl.centerY * Double(H)) / (fl.radiusY * Double(H))
                    let w = fl.strength * exp(-(dx * dx + dy * dy))
                    for c in 0..<3 { bg[c][i] += max(0, 240 - bg[c][i]) * w }
                }
            }
        }
    }
}
