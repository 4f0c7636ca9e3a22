import Foundation

// The `holdout10` part's scene painters and light: nine phone-photo backgrounds, the card scanned
// inside a clear plastic sleeve on a flatbed, and the new kinds of light and pose (the phone's HDR
// look: local tone mapping with a soft halo and a mild sharpening overshoot; the barrel distortion
// of a wide phone lens; mixed light, a warm lamp on one side and a cool window on the other, never
// clipping the card; a photo forwarded through a messaging app, scaled down to 1600 px on its long
// side, its JPEG quality set by `cases`). Kept apart from the older painters (which must keep
// painting byte-identical images); every new scene field defaults to "no effect", and none of the
// new code draws from the scene's random stream unless the scene uses a holdout10 background.

extension IDScanSyntheticCard {
    /// Paints a holdout10 background into the planes (any other background: no effect).
    /// `scale` keeps a texture's look at any image size (1000 / the image's long side).
    static func paintHoldout10Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                         _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        /// Printed text on a white ground at (u, v) (a line every `lineH`, characters `charW`
        /// wide, each line `len(line)` characters long from `left`): the ink's cover, 0–1.
        func textInk(_ u: Double, _ v: Double, left: Double, lineH: Double, charW: Double, maxChars: Int, seed: UInt64) -> Double {
            let (line, dv) = cellOf(v, lineH)
            guard line >= 0, dv > lineH * 0.3, dv < lineH * 0.78, u >= left else { return 0 }
            let (col, du) = cellOf(u - left, charW)
            let len = Int(lattice(line, 7, seed) * Double(maxChars))
            guard col < len, du > charW * 0.12, du < charW * 0.88 else { return 0 }
            if lattice(col, line, seed &+ 1) < 0.17 { return 0 }   // a space between words
            let gx = Int((du / charW * 3).rounded(.down)), gy = Int(((dv - lineH * 0.3) / (lineH * 0.48) * 5).rounded(.down))
            return lattice(col * 3 + gx, line * 5 + gy, seed &+ 2) > 0.42 ? 1 : 0
        }
        let uMax = Double(W) * scale, vMax = Double(H) * scale
        switch s.background {
        case .thermalReceipts:
            // Several white thermal-paper till receipts scattered over a pale desk, overlapping:
            // narrow strips (a shadow under each), lines of small grey print, a dashed rule, a
            // bold total line, a torn zig-zag end.
            let desk = (212 + 10 * rng.unit(), 206 + 10 * rng.unit(), 196 + 10 * rng.unit())
            struct Receipt { var cx: Double, cy: Double, ca: Double, sa: Double, w: Double, l: Double, white: Double, seed: UInt64 }
            let count = 5 + Int(rng.next() % 3)
            var receipts: [Receipt] = []
            for _ in 0..<count {
                let a = (rng.unit() - 0.5) * 1.6 + (rng.unit() < 0.5 ? 0 : Double.pi / 2)
                receipts.append(Receipt(cx: rng.unit() * uMax, cy: rng.unit() * vMax, ca: cos(a), sa: sin(a), w: 220 + 60 * rng.unit(),
                                        l: 520 + 380 * rng.unit(), white: 240 + 8 * rng.unit(), seed: rng.next()))
            }
            // Local coordinates (across, along) of a point on receipt k, and whether it is on it
            // (the top end cut straight, the bottom end torn in a zig-zag).
            func local(_ r: Receipt, _ px: Double, _ py: Double) -> (Double, Double) {
                let dx = px - r.cx, dy = py - r.cy
                return (dx * r.ca + dy * r.sa, -dx * r.sa + dy * r.ca)
            }
            func on(_ r: Receipt, _ a: Double, _ b: Double) -> Bool {
                guard abs(a) < r.w / 2, b > -r.l / 2 else { return false }
                let tooth = abs(cellOf(a, 14).1 - 7) / 7   // 0…1 across each tooth
                return b < r.l / 2 - 4 + 7 * tooth
            }
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var c = times(desk, 0.985 + 0.03 * valueNoise(px, py, cell: 4, seed: bgSeed) + 0.04 * (valueNoise(px, py, cell: 350, seed: bgSeed &+ 1) - 0.5))
                    var top = -1
                    for k in stride(from: receipts.count - 1, through: 0, by: -1) {
                        let (a, b) = local(receipts[k], px, py)
                        if on(receipts[k], a, b) { top = k; break }
                    }
                    // A soft shadow of any receipt lying above this point.
                    for k in (top + 1)..<receipts.count {
                        let (a, b) = local(receipts[k], px - 5, py - 6)
                        if on(receipts[k], a, b) { c = times(c, 0.9); break }
                    }
                    if top >= 0 {
                        let r = receipts[top]
                        let (a, b) = local(r, px, py)
                        let t = b + r.l / 2, u = a + r.w / 2   // from the receipt's top-left corner
                        var v = r.white * (0.99 + 0.02 * valueNoise(px, py, cell: 3, seed: bgSeed &+ 2))
                        var ink = 0.0
                        if t > 30, t < 62 {   // the shop's name, large and centred
                            ink = textInk(u, t - 30, left: r.w * 0.2, lineH: 30, charW: 13, maxChars: Int(r.w * 0.6 / 13), seed: r.seed)
                        } else if t > 76, t < 79, cellOf(u, 8).1 < 5, u > 12, u < r.w - 12 {
                            ink = 0.8   // a dashed rule
                        } else if t > 90, t < r.l - 140 {   // items: a name on the left, a price on the right
                            let (line, _) = cellOf(t - 90, 15)
                            if u < r.w * 0.62 {
                                ink = textInk(u, t - 90, left: 14, lineH: 15, charW: 7, maxChars: Int(r.w * 0.55 / 7), seed: r.seed &+ 3)
                            } else if u > r.w - 60, u < r.w - 14, lattice(line, 3, r.seed) > 0.15 {
                                ink = textInk(u - (r.w - 60), Double(line) * 15 + cellOf(t - 90, 15).1, left: 0, lineH: 15, charW: 7,
                                              maxChars: 7, seed: r.seed &+ 4) > 0 ? 1 : 0
                            }
                        } else if t > r.l - 128, t < r.l - 100 {   // TOTAL, bold
                            ink = textInk(u, t - (r.l - 128), left: 14, lineH: 28, charW: 12, maxChars: Int(r.w * 0.9 / 12), seed: r.seed &+ 5)
                        }
                        let grey = 96 + 40 * valueNoise(px, py, cell: 60, seed: r.seed &+ 6)   // faded thermal print
                        v = v + (grey - v) * ink
                        c = (v, v * 0.998, v * 0.992)
                        if abs(a) > r.w / 2 - 1.2 { c = times(c, 0.95) }   // the strip's cut edge
                    }
                    put(y * W + x, c)
                }
            }
        case .terryTowel:
            // A white bath towel: looped pile (fine bright and dark loops), broad soft folds, and a
            // flat woven border band (fine ribs, two thin dobby lines) across it.
            let white = 232 + 8 * rng.unit()
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let bandAt = (0.15 + 0.7 * rng.unit()) * 1000, bandW = 70 + 40 * rng.unit()
            let foldA = rng.unit() * Double.pi, foldP = 160 + 120 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    let pile = lattice(Int((px / 1.7).rounded(.down)), Int((py / 1.7).rounded(.down)), bgSeed)
                    let loops = valueNoise(px, py, cell: 3.2, seed: bgSeed &+ 1)
                    var f = 0.9 + 0.07 * pile + 0.06 * loops
                    let fu = px * cos(foldA) + py * sin(foldA) + 60 * valueNoise(px, py, cell: 260, seed: bgSeed &+ 2)
                    f *= 0.955 + 0.045 * sin(fu / foldP * 2 * Double.pi)
                    let d = v - bandAt
                    if abs(d) < bandW / 2 {   // the woven border: flat, finely ribbed
                        f = 0.95 + 0.04 * sin(u * 2 * Double.pi / 3.2) + 0.02 * lattice(Int(u / 1.5), Int(v / 4), bgSeed &+ 3)
                        if abs(abs(d) - bandW * 0.3) < 2.5 { f *= 0.9 }
                        f *= 0.955 + 0.045 * sin(fu / foldP * 2 * Double.pi)
                    }
                    let w = white * f
                    put(y * W + x, (w, w * 0.995, w * 0.985))
                }
            }
        case .laptopScreen:
            // A bright laptop screen showing a white document: a grey menu bar with items at the
            // top, a dark taskbar with icons at the bottom, the page's heading and lines of text,
            // the faint grid of the screen's pixels and a mild moiré from it.
            let white = 238 + 8 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.08, (ca, sa) = (cos(a), sin(a))
            let pitch = 2.6 + 0.8 * rng.unit()
            let moireA = rng.unit() * Double.pi, moireP = 70 + 60 * rng.unit()
            let menuH = 26 + 8 * rng.unit(), barH = 40 + 10 * rng.unit()
            let pageL = 90 + 120 * rng.unit(), textSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    var c = (white * 0.985, white * 0.99, white)   // a slightly blue white
                    if v < menuH {
                        c = (206, 208, 212)
                        if v > menuH * 0.3, v < menuH * 0.7, cellOf(u, 64).1 < 38 { c = (90, 92, 98) }   // menu items
                    } else if v > vMax - barH {
                        c = (34, 36, 44)
                        let (k, du) = cellOf(u - uMax * 0.3, 46)
                        if k >= 0, k < 8, du < 30, v > vMax - barH * 0.8, v < vMax - barH * 0.2 {
                            c = mix((70, 130, 200), (220, 160, 60), lattice(k, 1, textSeed))   // icons
                        }
                    } else if u > pageL, u < uMax - pageL {
                        let t = v - menuH - 40
                        var ink = 0.0
                        if t > 0, t < 34 {
                            ink = textInk(u, t, left: pageL + 40, lineH: 34, charW: 15, maxChars: 22, seed: textSeed)
                        } else if t > 50 {
                            ink = textInk(u, t - 50, left: pageL + 40, lineH: 19, charW: 8, maxChars: Int((uMax - 2 * pageL - 80) / 8), seed: textSeed &+ 1)
                        }
                        c = mix(c, (40, 42, 48), ink)
                    } else {
                        c = (226, 228, 232)   // the window's grey margin
                    }
                    // The screen's pixel grid (faint dark lines) and a mild moiré.
                    let gu = cellOf(u, pitch).1 / pitch, gv = cellOf(v, pitch).1 / pitch
                    var f = (gu < 0.16 || gv < 0.16) ? 0.965 : 1.0
                    let m = (px * cos(moireA) + py * sin(moireA)) / moireP + 0.6 * valueNoise(px, py, cell: 200, seed: bgSeed)
                    f *= 0.985 + 0.015 * sin(m * 2 * Double.pi)
                    put(y * W + x, times(c, f))
                }
            }
        case .herringboneTweed:
            // A light grey/beige herringbone wool weave: columns of twill ridges slanting one way
            // then the other, heathered yarn (lighter and darker fibres), a fuzzy surface.
            let base = mix((196, 192, 186), (204, 192, 170), rng.unit())
            let a = (rng.unit() - 0.5) * 0.3, (ca, sa) = (cos(a), sin(a))
            let colW = 22 + 10 * rng.unit(), period = 5 + 2 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    let (col, du) = cellOf(u, colW)
                    let t = col % 2 == 0 ? v + du : v - du
                    let ridge = 0.5 + 0.5 * sin(t / period * 2 * Double.pi)
                    var f = 0.88 + 0.14 * ridge
                    if du < 1.2 || du > colW - 1.2 { f *= 0.95 }   // where the twill turns
                    f *= 0.94 + 0.1 * lattice(Int((u / 1.4).rounded(.down)), Int((v / 2.8).rounded(.down)), bgSeed)
                    f *= 0.97 + 0.05 * valueNoise(px, py, cell: 8, seed: bgSeed &+ 1)
                    var c = times(base, f)
                    let fleck = lattice(Int((u / 2).rounded(.down)), Int((v / 5).rounded(.down)), bgSeed &+ 2)
                    if fleck > 0.95 { c = times(c, 0.75) } else if fleck < 0.04 { c = mix(c, (240, 236, 228), 0.6) }
                    put(y * W + x, c)
                }
            }
        case .hexPennyTiles:
            // A floor of small white hexagonal tiles with grey grout: each tile a slightly
            // different white, a soft glaze highlight, a few off-white ones, the grout mottled.
            let rad = 13 + 5 * rng.unit(), grout = 1.8 + 0.8 * rng.unit()
            let groutC = (148 + 20 * rng.unit(), 146 + 20 * rng.unit(), 140 + 20 * rng.unit())
            let a = rng.unit() * Double.pi / 3, (ca, sa) = (cos(a), sin(a))
            let sq3 = 3.0.squareRoot()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    // Pointy-top hexagons of circumradius `rad`: axial coordinates, cube rounding.
                    let q = (sq3 / 3 * u - v / 3) / rad, r = (2.0 / 3 * v) / rad
                    var rx = q.rounded(), rz = r.rounded(), ry = (-q - r).rounded()
                    let dx = abs(rx - q), dz = abs(rz - r), dy = abs(ry + q + r)
                    if dx > dy, dx > dz { rx = -ry - rz } else if dy <= dz { rz = -rx - ry }
                    ry = -rx - rz
                    let cu = rad * sq3 * (rx + rz / 2), cv = rad * 1.5 * rz
                    let hu = abs(u - cu), hv = abs(v - cv)
                    let edge = rad * sq3 / 2 - max(hu, hu * 0.5 + hv * sq3 / 2)   // distance inside the hexagon
                    let ti = Int(rx), tj = Int(rz)
                    var c: (Double, Double, Double)
                    if edge > grout / 2 {
                        let tone = 234 + 12 * lattice(ti, tj, bgSeed)
                        c = (tone, tone * 0.995, tone * 0.985)
                        if lattice(ti, tj, bgSeed &+ 1) > 0.93 { c = times(c, 0.93) }
                        let hl = max(0, 1 - ((u - cu + rad * 0.3) * (u - cu + rad * 0.3) + (v - cv + rad * 0.3) * (v - cv + rad * 0.3)) / (rad * rad * 0.4))
                        c = mix(c, (250, 250, 248), 0.25 * hl)
                        if edge < grout / 2 + 1.2 { c = times(c, 0.95) }   // the tile's rounded rim
                    } else {
                        c = times(groutC, 0.9 + 0.2 * valueNoise(px, py, cell: 6, seed: bgSeed &+ 2))
                    }
                    c = times(c, 0.97 + 0.05 * valueNoise(px, py, cell: 320, seed: bgSeed &+ 3))
                    put(y * W + x, c)
                }
            }
        case .lawnGrass:
            // A lawn: green blades (streaks along a mostly upright direction, in several greens),
            // darker gaps between them, a few dry yellowish patches.
            let a = (rng.unit() - 0.5) * 0.6, (ca, sa) = (cos(a), sin(a))
            let b = a + (rng.unit() - 0.5) * 0.9, (cb, sb) = (cos(b), sin(b))
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u1 = px * ca + py * sa, v1 = -px * sa + py * ca
                    let u2 = px * cb + py * sb, v2 = -px * sb + py * cb
                    let n1 = valueNoise(u1 * 1.0, v1 * 0.12, cell: 2.2, seed: bgSeed)
                    let n2 = valueNoise(u2 * 1.0, v2 * 0.15, cell: 2.6, seed: bgSeed &+ 1)
                    let blade = max(n1, n2)
                    let green = mix((46, 96, 34), (104, 152, 58), valueNoise(u1, v1 * 0.2, cell: 5, seed: bgSeed &+ 2))
                    var c = mix((18, 36, 14), green, smooth((blade - 0.35) / 0.3))
                    let dry = valueNoise(px, py, cell: 240, seed: bgSeed &+ 3)
                    if dry > 0.65 { c = mix(c, (150, 150, 80), 0.5 * smooth((dry - 0.65) / 0.2) * blade) }
                    put(y * W + x, times(c, 0.9 + 0.2 * valueNoise(px, py, cell: 400, seed: bgSeed &+ 4)))
                }
            }
        case .chalkboard:
            // A chalkboard: dark green-black, mottled, with clouds of wiped chalk dust, an eraser's
            // broad swipes, and lines of chalk handwriting (grainy strokes).
            let board = (36 + 8 * rng.unit(), 48 + 8 * rng.unit(), 42 + 6 * rng.unit())
            let lineH = 60 + 20 * rng.unit(), top = 30 + 40 * rng.unit(), left = 30 + 40 * rng.unit()
            let swipeA = rng.unit() * Double.pi, writeSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var c = times(board, 0.92 + 0.16 * valueNoise(px, py, cell: 30, seed: bgSeed))
                    let dust = valueNoise(px, py, cell: 160, seed: bgSeed &+ 1)
                    let sw = 0.5 + 0.5 * sin((px * cos(swipeA) + py * sin(swipeA)) / 45 + 3 * valueNoise(px, py, cell: 200, seed: bgSeed &+ 2))
                    c = mix(c, (120, 128, 124), 0.22 * dust * dust + 0.06 * sw)
                    // Handwriting: per line, a wavy stroke path in words.
                    let (line, dv) = cellOf(py - top, lineH)
                    if line >= 0, px > left {
                        let (word, du) = cellOf(px - left, 90)
                        let wlen = 45 + 40 * lattice(word, line, writeSeed)
                        if du < wlen, lattice(word, line, writeSeed &+ 1) > 0.15, lattice(line, 0, writeSeed &+ 2) > 0.2 {
                            let ph = lattice(word, line, writeSeed &+ 3) * 6.28
                            let yPath = lineH * 0.45 + 11 * sin(du / 5.5 + ph) * (0.6 + 0.4 * sin(du / 13 + ph))
                            let loop = abs(dv - yPath)
                            if loop < 2.2 {
                                let grain = lattice(Int(px * 1.3), Int(py * 1.3), bgSeed &+ 4)
                                c = mix(c, (212, 214, 206), (grain > 0.25 ? 0.85 : 0.35) * (1 - loop / 2.6))
                            }
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .coirDoormat:
            // A coir doormat: coarse brown fibres in tufts (each tuft's fibres at its own angle),
            // dark gaps between the tufts, a little lighter at the tips.
            let pitch = 15 + 5 * rng.unit()
            let light = (168 + 16 * rng.unit(), 118 + 12 * rng.unit(), 66 + 10 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (i, du) = cellOf(px, pitch), (j, dv) = cellOf(py + (i % 2 == 0 ? 0 : pitch / 2), pitch)
                    let cx = du - pitch / 2, cy = dv - pitch / 2
                    let ang = lattice(i, j, bgSeed) * Double.pi
                    let fu = cx * cos(ang) + cy * sin(ang), fv = -cx * sin(ang) + cy * cos(ang)
                    let fibre = valueNoise(fu * 0.12 + Double(i) * 7, fv * 1.4 + Double(j) * 5, cell: 1, seed: bgSeed &+ 1)
                    let rr = (cx * cx + cy * cy).squareRoot() / (pitch * 0.62)
                    let body = smooth(1 - rr) * (0.55 + 0.45 * fibre)
                    let tone = 0.55 + 0.45 * lattice(i, j, bgSeed &+ 2)
                    var c = mix((38, 26, 16), times(light, tone), body)
                    if fibre > 0.8 { c = mix(c, (200, 160, 110), 0.3) }   // light fibre tips
                    put(y * W + x, c)
                }
            }
        case .cardboardBox:
            // The top of a brown corrugated box: kraft paper with the flutes faintly showing, the
            // flaps' seam, clear packing tape over it (glossy, its edges and a few bubbles), and a
            // printed white shipping label (a border, address lines, a barcode).
            let kraft = (172 + 14 * rng.unit(), 128 + 12 * rng.unit(), 84 + 10 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.3, (ca, sa) = (cos(a), sin(a))
            let seam = (0.3 + 0.4 * rng.unit()) * vMax, tapeW = 80 + 30 * rng.unit()
            let labelU = (0.1 + 0.6 * rng.unit()) * uMax, labelV = (0.1 + 0.6 * rng.unit()) * vMax
            let la = (rng.unit() - 0.5) * 0.4, (lc, ls) = (cos(la), sin(la))
            let labelW = 280 + 60 * rng.unit(), labelH = 190 + 40 * rng.unit(), textSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    var f = 0.97 + 0.03 * sin(u / 8 * 2 * Double.pi)   // flutes
                    f *= 0.95 + 0.1 * valueNoise(px, py, cell: 3, seed: bgSeed) * valueNoise(px, py, cell: 90, seed: bgSeed &+ 1)
                    var c = times(kraft, f)
                    let ds = v - seam
                    if abs(ds) < 1.6 { c = times(c, 0.45) }   // the flaps' seam
                    if abs(ds) < tapeW / 2 {   // clear tape: a little lighter and yellower, glossy
                        c = mix(c, (225, 205, 160), 0.15)
                        let gloss = exp(-pow((ds + tapeW * 0.2) / 6, 2)) * (0.6 + 0.4 * valueNoise(u, v, cell: 40, seed: bgSeed &+ 2))
                        c = mix(c, (245, 242, 232), 0.35 * gloss)
                        if valueNoise(u, v, cell: 14, seed: bgSeed &+ 3) > 0.86 { c = times(c, 1.06) }   // bubbles
                        if abs(abs(ds) - tapeW / 2) < 1.2 { c = times(c, 0.88) }
                    }
                    // The label.
                    let lu = (px - labelU) * lc + (py - labelV) * ls, lv = -(px - labelU) * ls + (py - labelV) * lc
                    if lu >= 0, lu < labelW, lv >= 0, lv < labelH {
                        var w = (238.0, 238.0, 234.0)
                        if lu < 6 || lu > labelW - 6 || lv < 6 || lv > labelH - 6 { w = (30, 30, 30) }
                        else if lv > labelH - 60, lv < labelH - 16, lu > 20, lu < labelW - 20 {
                            if lattice(Int(lu / 2.5), 0, textSeed) > 0.45 { w = (25, 25, 25) }   // barcode
                        } else if lv > 16, lv < labelH - 70 {
                            let ink = textInk(lu, lv - 16, left: 16, lineH: 18, charW: 9, maxChars: Int((labelW - 40) / 9), seed: textSeed &+ 1)
                            w = mix(w, (28, 28, 28), ink)
                        }
                        c = w
                    } else if lu > -3, lu < labelW + 3, lv > -1, lv < labelH + 4 {
                        c = times(c, 0.85)   // the label's slight shadow
                    }
                    put(y * W + x, c)
                }
            }
        case .plasticSleeve:
            // Flatbed scan: the white lid (the card lies in a clear plastic sleeve on the glass;
            // the sleeve's haze, edge and streaks are drawn over the card by `applyHoldout10Light`).
            let white = 238 + 6 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let f = 0.992 + 0.01 * lattice(x / 2, y / 2, bgSeed) + 0.008 * valueNoise(px, py, cell: 260, seed: bgSeed &+ 1)
                    put(y * W + x, (white * f, white * f, white * f * 1.003))
                }
            }
        default: break
        }
    }

    /// The holdout10 light on the scene's planes (before quantisation): mixed light (per-channel
    /// gains varying smoothly from a warm lamp's side to a cool window's, each channel's top
    /// compressed softly under 250 so that it never clips the card), and on a flatbed the clear
    /// plastic sleeve around the card (a haze over it, its edge a few mm outside the card, faint
    /// glossy streaks). No effect when the scene has neither.
    static func applyHoldout10Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        if let m = s.mixedLight {
            let ca = cos(m.angle), sa = sin(m.angle)
            for y in 0..<H {
                let ny = (Double(y) + 0.5) / Double(H) - 0.5
                for x in 0..<W {
                    let nx = (Double(x) + 0.5) / Double(W) - 0.5
                    let t = min(max((nx * ca + ny * sa) / 0.9 + 0.5, 0), 1), w = t * t * (3 - 2 * t)
                    let i = y * W + x
                    bg[0][i] = ledChannel(bg[0][i], m.warm.red + (m.cool.red - m.warm.red) * w)
                    bg[1][i] = ledChannel(bg[1][i], m.warm.green + (m.cool.green - m.warm.green) * w)
                    bg[2][i] = ledChannel(bg[2][i], m.warm.blue + (m.cool.blue - m.warm.blue) * w)
                }
            }
        }
        if s.background == .plasticSleeve, s.hasCard {
            let sl = plasticSleeve(s)
            let cw = s.cardWidthFraction * Double(W), ch = cw * 53.98 / 85.60, mm = cw / 85.6
            let a = s.rotationDegrees * .pi / 180, ca = cos(a), sa = sin(a)
            let cx = s.centerX * Double(W), cy = s.centerY * Double(H)
            let hw = cw / 2 + sl.marginMM * mm, hh = ch / 2 + sl.marginMM * mm
            for y in 0..<H {
                for x in 0..<W {
                    let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                    let u = dx * ca + dy * sa, v = -dx * sa + dy * ca
                    let inside = min(hw - abs(u), hh - abs(v))   // distance inside the sleeve's edge
                    guard inside > -2 else { continue }
                    let i = y * W + x
                    var lift = 0.0
                    for (angle, offset, width) in sl.streaks {
                        let d = u * cos(angle) + v * sin(angle) - offset * hw
                        lift = max(lift, 0.09 * exp(-d * d / (width * width)))
                    }
                    for c in 0..<3 {
                        var val = bg[c][i]
                        if inside > 0 { val = val * (1 - sl.haze) + 236 * sl.haze }   // the haze: contrast lowered
                        if abs(inside) < 1.2 { val *= 0.93 }   // the sleeve's edge: a faint line
                        else if inside > 0, inside < 4 { val = val * 0.97 + 250 * 0.03 }   // a lighter welt inside it
                        if inside > 0 { val += (248 - val) * lift }
                        bg[c][i] = min(val, 249)
                    }
                }
            }
        }
    }

    /// The sleeve of a holdout10 flatbed scan, from the scene's seed (not its random stream):
    /// the haze (contrast lowered 8–12 %), the edge's margin outside the card (2–4 mm), and one
    /// or two faint glossy streaks (angle, offset as a fraction of the half-width, width in px).
    static func plasticSleeve(_ s: IDScanSyntheticScene) -> (haze: Double, marginMM: Double, streaks: [(Double, Double, Double)]) {
        var rng = SplitMix64(seed: s.seed ^ 0x51EE_7E00_0000_0010)
        let haze = 0.08 + 0.04 * rng.unit(), margin = 2 + 2 * rng.unit()
        let n = 1 + Int(rng.next() % 2)
        let streaks = (0..<n).map { _ in (0.5 + 0.6 * rng.unit(), (rng.unit() - 0.5) * 1.2, 6 + 10 * rng.unit()) }
        return (haze, margin, streaks)
    }

    /// The phone's HDR look and the wide lens's barrel distortion on the quantised planes (after
    /// the noise, before any downscale). HDR: local tone mapping (each pixel moved by
    /// `compression` of the way from its neighbourhood's brightness, ≈ 40 px, to mid-grey: global
    /// contrast compressed, and a soft halo on the background along the card's edge), then an
    /// unsharp mask (radius ≈ 2 px), the top compressed softly under 250 so that nothing clips.
    /// Barrel: each output pixel samples the image at 1 + k·r² (r: distance from the centre over
    /// the half-diagonal) of its distance, over 1 + k, so that the frame's corners stay put and
    /// straight lines off the centre bow outwards. No effect without either.
    static func applyHoldout10Look(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        let W = planes.width, H = planes.height
        if let h = s.hdrLook {
            var lum = [UInt8](repeating: 0, count: W * H)
            for i in 0..<(W * H) {
                lum[i] = UInt8((Int(planes.channels[0][i]) + Int(planes.channels[1][i]) + Int(planes.channels[2][i])) / 3)
            }
            let r = max(1, Int((h.haloRadius / 3).rounded()))
            for _ in 0..<3 { lum = boxPass(lum, W, H, radius: r, horizontal: true); lum = boxPass(lum, W, H, radius: r, horizontal: false) }
            for c in 0..<3 {
                var toned = [UInt8](repeating: 0, count: W * H)
                for i in 0..<(W * H) {
                    let v = Double(planes.channels[c][i]) + h.compression * (128 - Double(lum[i]))
                    toned[i] = UInt8(min(max(v.rounded(), 0), 255))
                }
                var soft = toned
                let sr = max(1, Int((h.sharpenRadius / 2).rounded()))
                for _ in 0..<2 { soft = boxPass(soft, W, H, radius: sr, horizontal: true); soft = boxPass(soft, W, H, radius: sr, horizontal: false) }
                for i in 0..<(W * H) {
                    let v = Double(toned[i]) + h.sharpenAmount * (Double(toned[i]) - Double(soft[i]))
                    toned[i] = UInt8(min(max(ledChannel(v, 1), 0), 255))
                }
                planes.channels[c] = toned
            }
        }
        if s.barrel != 0 {
            let k = s.barrel, cx = Double(W) / 2, cy = Double(H) / 2
            let r2n = 4 / Double(W * W + H * H)
            for c in 0..<3 {
                let src = planes.channels[c]
                var out = [UInt8](repeating: 0, count: W * H)
                for y in 0..<H {
                    let dy = Double(y) + 0.5 - cy
                    for x in 0..<W {
                        let dx = Double(x) + 0.5 - cx
                        let g = (1 + k * (dx * dx + dy * dy) * r2n) / (1 + k)
                        let sx = min(max(cx + dx * g - 0.5, 0), Double(W - 1)), sy = min(max(cy + dy * g - 0.5, 0), Double(H - 1))
                        let x0 = Int(sx), y0 = Int(sy), x1 = min(x0 + 1, W - 1), y1 = min(y0 + 1, H - 1)
                        let ax = sx - Double(x0), ay = sy - Double(y0)
                        let top = Double(src[y0 * W + x0]) * (1 - ax) + Double(src[y0 * W + x1]) * ax
                        let bottom = Double(src[y1 * W + x0]) * (1 - ax) + Double(src[y1 * W + x1]) * ax
                        out[y * W + x] = UInt8(min(max((top * (1 - ay) + bottom * ay).rounded(), 0), 255))
                    }
                }
                planes.channels[c] = out
            }
        }
    }

    /// Where a point of the undistorted image lands after the scene's barrel distortion (the
    /// inverse of `applyHoldout10Look`'s sampling, by fixed-point iteration).
    static func barrelForward(_ p: P, _ s: IDScanSyntheticScene) -> P {
        guard s.barrel != 0 else { return p }
        let W = Double(min(max(s.width, 8), 16384)), H = Double(min(max(s.height, 8), 16384))
        let k = s.barrel, cx = W / 2, cy = H / 2, r2n = 4 / (W * W + H * H)
        let ux = p.x - cx, uy = p.y - cy
        var dx = ux, dy = uy
        for _ in 0..<30 {
            let g = (1 + k) / (1 + k * (dx * dx + dy * dy) * r2n)
            dx = ux * g; dy = uy * g
        }
        return P(x: cx + dx, y: cy + dy)
    }

    /// The size of the scene's image after `downscale` and a messaging app's resizing
    /// (`resizeLongSide`), or the screen of a holdout11 screenshot, or a holdout12 user's crop: what `render` returns.
    public static func outputSize(_ s: IDScanSyntheticScene) -> (width: Int, height: Int) {
        if let uc = s.userCrop { return (uc.width, uc.height) }
        if let sc = s.screenshot { return (sc.width, sc.height) }
        let W = min(max(s.width, 8), 16384), H = min(max(s.height, 8), 16384)
        let d = s.downscale > 1 ? min(s.downscale, W / 4, H / 4) : 1
        return resizedSize(W / d, H / d, longSide: s.resizeLongSide)
    }

    /// A `W` × `H` image's size scaled down to `longSide` px on its long side (unchanged when it
    /// is no longer, or without `longSide`).
    static func resizedSize(_ W: Int, _ H: Int, longSide: Int?) -> (width: Int, height: Int) {
        guard let L = longSide, L > 0, max(W, H) > L else { return (W, H) }
        let f = Double(L) / Double(max(W, H))
        return (max(1, Int((Double(W) * f).rounded())), max(1, Int((Double(H) * f).rounded())))
    }

    /// A messaging app's resizing (after any downscale): the whole frame scaled down to
    /// `resizeLongSide` px on its long side by area averaging. No effect without it.
    static func applyHoldout10Resize(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        let W = planes.width, H = planes.height
        let (W2, H2) = resizedSize(W, H, longSide: s.resizeLongSide)
        guard W2 != W || H2 != H else { return }
        /// For each output index, the source indices and their weights (area overlap).
        func weights(_ n: Int, _ m: Int) -> [[(Int, Double)]] {
            let f = Double(n) / Double(m)
            return (0..<m).map { o in
                let a = Double(o) * f, b = Double(o + 1) * f
                var w: [(Int, Double)] = []
                var k = Int(a)
                while Double(k) < b, k < n { w.append((k, (min(b, Double(k + 1)) - max(a, Double(k))) / f)); k += 1 }
                return w
            }
        }
        let wx = weights(W, W2), wy = weights(H, H2)
        for c in 0..<3 {
            let src = planes.channels[c]
            var tmp = [Double](repeating: 0, count: W2 * H)
            for y in 0..<H {
                for ox in 0..<W2 {
                    var v = 0.0
                    for (k, w) in wx[ox] { v += Double(src[y * W + k]) * w }
                    tmp[y * W2 + ox] = v
                }
            }
            var out = [UInt8](repeating: 0, count: W2 * H2)
            for oy in 0..<H2 {
                for x in 0..<W2 {
                    var v = 0.0
                    for (k, w) in wy[oy] { v += tmp[k * W2 + x] * w }
                    out[oy * W2 + x] = UInt8(min(max(v.rounded(), 0), 255))
                }
            }
            planes.channels[c] = out
        }
        planes.width = W2; planes.height = H2
    }
}

extension IDScanSyntheticScene {
    /// The phone's HDR look: local tone mapping that moves each pixel by `compression` (≈ 0.15)
    /// of the way from its neighbourhood's brightness (over `haloRadius` px, ≈ 40) to mid-grey,
    /// then an unsharp mask of `sharpenRadius` px (≈ 2) and `sharpenAmount` (≈ 0.5).
    public struct HDRLook: Sendable, Hashable {
        public var compression: Double, haloRadius: Double, sharpenRadius: Double, sharpenAmount: Double
        public init(compression: Double, haloRadius: Double, sharpenRadius: Double, sharpenAmount: Double) {
            self.compression = compression; self.haloRadius = haloRadius
            self.sharpenRadius = sharpenRadius; self.sharpenAmount = sharpenAmount
        }
    }

    /// Mixed light: a warm lamp's per-channel gains (`warm`) on one side of the scene and a cool
    /// window's (`cool`) on the other, blending smoothly along `angle` (radians, from the warm
    /// side towards the cool one).
    public struct MixedLight: Sendable, Hashable {
        public var warm: Tint, cool: Tint, angle: Double
        public init(warm: Tint, cool: Tint, angle: Double) { self.warm = warm; self.cool = cool; self.angle = angle }
    }
}
