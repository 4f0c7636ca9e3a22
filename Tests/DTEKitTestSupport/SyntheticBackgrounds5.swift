import Foundation

// The `holdout5` part's scene painters and light: nine phone-photo backgrounds, a warm dotted
// scanner lid, and four new kinds of light (two lamps, a specular sheen band, a focus falloff
// towards one end of the card, a fluorescent cast). Kept apart from the older painters (which
// must keep painting byte-identical images); every new scene field defaults to "no effect".

extension IDScanSyntheticCard {
    /// Whether a 3 × 5 "letter" (a digit glyph of `digits3x5`, standing in for print) has a dot at
    /// the fractional position (`fx`, `fy`) in [0, 1) of its cell, which keeps one column of space.
    static func printDot(_ glyph: Int, _ fx: Double, _ fy: Double) -> Bool {
        guard fx >= 0, fx < 1, fy >= 0, fy < 1 else { return false }
        return digitDot(glyph, Int(fx * 4), Int(fy * 5))
    }

    /// Paints a holdout5 background into the planes (any other background: no effect).
    /// `scale` keeps a texture's look at any image size (1000 / the image's long side).
    static func paintHoldout5Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                        _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        switch s.background {
        case .magazinePage:
            // A glossy magazine page filling the frame: a headline in large print, three columns
            // of small body text, a colour photo block in one column, a soft gloss.
            let paper = 244 + 8 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.25, (ca, sa) = (cos(a), sin(a))
            let lineH = (13 + 4 * rng.unit()) / scale, colW = (230 + 70 * rng.unit()) / scale, gutter = 18 / scale
            let shiftU = rng.unit() * colW, headTop = (30 + 60 * rng.unit()) / scale, headH = (55 + 25 * rng.unit()) / scale
            let photoCol = Int(rng.next() % 3), photoTop = headTop + headH + (60 + 200 * rng.unit()) / scale
            let photoH = (220 + 160 * rng.unit()) / scale
            let tones: [(Double, Double, Double)] = [(70, 120, 170), (200, 150, 110), (90, 140, 80), (230, 200, 150), (60, 50, 60)]
            let t0 = tones[Int(rng.next() % 5)], t1 = tones[Int(rng.next() % 5)], t2 = tones[Int(rng.next() % 5)]
            let headInk: (Double, Double, Double) = rng.unit() < 0.5 ? (25, 25, 30) : (170, 30, 40)
            let layout = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + shiftU, v = -px * sa + py * ca + 40 / scale
                    let gloss = 0.985 + 0.03 * valueNoise(fx, fy, cell: 260, seed: bgSeed)
                    var c = (paper * gloss, paper * gloss, paper * 0.985 * gloss)
                    let colIndex = Int((u / (colW + gutter)).rounded(.down)), within = u - Double(colIndex) * (colW + gutter)
                    let col = ((colIndex % 3) + 3) % 3
                    if v >= headTop, v < headTop + headH {
                        // Headline: large blocky letters across the page.
                        let cw = headH * 0.62, k = Int((u / cw).rounded(.down))
                        if lattice(k, 0, layout &+ 1) > 0.15 {
                            let g = Int(lattice(k, 1, layout &+ 2) * 10)
                            if printDot(g, (u - Double(k) * cw) / cw, (v - headTop) / headH) { c = headInk }
                        }
                    } else if within < colW, v > headTop + headH + 20 / scale {
                        if col == photoCol, v >= photoTop, v < photoTop + photoH {
                            // A colour photo: soft regions of three tones and a darker subject.
                            let n1 = valueNoise(within * scale, v * scale, cell: 70, seed: bgSeed &+ 3)
                            let n2 = valueNoise(within * scale, v * scale, cell: 35, seed: bgSeed &+ 4)
                            let m = n1 < 0.5 ? t0 : t1
                            let w = min(1, abs(n1 - 0.5) * 4)
                            c = (m.0 * w + t2.0 * (1 - w), m.1 * w + t2.1 * (1 - w), m.2 * w + t2.2 * (1 - w))
                            let f = 0.8 + 0.4 * n2
                            c = (c.0 * f, c.1 * f, c.2 * f)
                        } else {
                            // Body text: lines of small print; paragraphs end with a short line.
                            let line = Int((v / lineH).rounded(.down)), fyl = (v - Double(line) * lineH) / lineH
                            let lineEnd = lattice(line, colIndex, layout &+ 5) < 0.12 ? colW * (0.3 + 0.5 * lattice(line, colIndex, layout &+ 6)) : colW
                            let cw = lineH * 0.5, ch = Int((within / cw).rounded(.down))
                            if within < lineEnd, fyl > 0.2, fyl < 0.75, lattice(ch &+ colIndex &* 997, line, layout &+ 7) > 0.17 {
                                let g = Int(lattice(ch, line, layout &+ 8) * 10)
                                if printDot(g, (within - Double(ch) * cw) / cw, (fyl - 0.2) / 0.55) { c = (38, 38, 44) }
                            }
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .notebookPage:
            // A ruled notebook page: pale blue rules, a red margin line, lines of blue cursive.
            let paper = 246 + 6 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.3, (ca, sa) = (cos(a), sin(a))
            let pitch = (26 + 8 * rng.unit()) / scale, rule = max(1, 1.3 / scale)
            let marginU = (90 + 160 * rng.unit()) / scale, pen = max(0.8, 1.2 / scale)
            let freq = 2 * Double.pi / (pitch * (0.28 + 0.1 * rng.unit()))
            let layout = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca + 200 / scale
                    let m = 0.985 + 0.02 * valueNoise(fx, fy, cell: 200, seed: bgSeed)
                    var c = (paper * m, paper * m, paper * 0.975 * m)
                    let line = Int((v / pitch).rounded(.down)), fv = v - Double(line) * pitch
                    if fv < rule { c = (168, 190, 222) }
                    if abs(u - marginU) < rule || abs(u - marginU - 3 / scale) < rule * 0.7 { c = (226, 140, 146) }
                    // Handwriting on most lines, right of the margin: words of a wavy cursive stroke.
                    if u > marginU + 8 / scale, lattice(line, 0, layout) < 0.8 {
                        let end = marginU + (0.3 + 0.8 * lattice(line, 1, layout)) * Double(max(W, H))
                        let wordCell = 85 / scale, wk = Int(((u - marginU) / wordCell).rounded(.down))
                        let inWord = (u - marginU) - Double(wk) * wordCell < wordCell * (0.5 + 0.35 * lattice(wk, line, layout &+ 2))
                        if u < end, inWord {
                            let baseline = pitch * 0.82, xh = pitch * 0.34
                            let tall = max(0, valueNoise(u * scale, Double(line) * 40, cell: 9, seed: layout &+ 3) - 0.62) * 4
                            let amp = xh * (1 + 1.2 * tall)
                            let phase = u * freq + 6.283 * lattice(line, 2, layout)
                            let curve = baseline - amp * (0.5 + 0.5 * sin(phase))
                            let slope = amp * 0.5 * freq * cos(phase)
                            if abs(fv - curve) / (1 + slope * slope).squareRoot() < pen { c = (40, 50, 125) }
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .oakPlanks:
            // Pale oak floor planks: staggered planks with thin dark seams, wavy grain and knots.
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let pw = (95 + 45 * rng.unit()) / scale, base = (214 + 10 * rng.unit(), 184 + 8 * rng.unit(), 146 + 8 * rng.unit())
            let seam = max(1, 1.4 / scale)
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let u = px * ca + py * sa + 5000 / scale, v = -px * sa + py * ca + 5000 / scale
                    let row = Int((v / pw).rounded(.down)), fv = v - Double(row) * pw
                    let len = (500 + 500 * lattice(row, 0, bgSeed)) / scale, off = lattice(row, 1, bgSeed) * len
                    let seg = Int(((u + off) / len).rounded(.down)), fu = u + off - Double(seg) * len
                    let tone = 0.9 + 0.14 * lattice(seg, row, bgSeed &+ 2)
                    let us = u * scale, vs = v * scale
                    let grain = 0.5 + 0.5 * sin(vs * 0.55 + 7 * valueNoise(us, vs, cell: 140, seed: bgSeed &+ UInt64(bitPattern: Int64(row))))
                    var f = tone * (0.94 + 0.07 * grain) * (0.985 + 0.03 * lattice(Int(us / 9), Int(vs / 0.8), bgSeed &+ 3))
                    // A knot in some planks: a dark core with rings around it.
                    if lattice(seg, row, bgSeed &+ 4) < 0.4 {
                        let ku = len * (0.15 + 0.7 * lattice(seg, row, bgSeed &+ 5)), kv = pw * (0.3 + 0.4 * lattice(seg, row, bgSeed &+ 6))
                        let rx = (9 + 9 * lattice(seg, row, bgSeed &+ 7)) / scale, ry = rx * 0.6
                        let d = (((fu - ku) / rx) * ((fu - ku) / rx) + ((fv - kv) / ry) * ((fv - kv) / ry)).squareRoot()
                        if d < 1 { f *= 0.5 + 0.25 * d } else if d < 3 { f *= 0.93 + 0.07 * (0.5 + 0.5 * cos(d * 5)) }
                    }
                    var c = (base.0 * f, base.1 * f, base.2 * f)
                    if fv < seam || fu < seam { c = (118, 92, 66) }
                    put(y * W + x, c)
                }
            }
        case .mosaicTiles:
            // Small white mosaic tiles with grey grout, each tile its own off-white, with a glaze.
            let a = (rng.unit() - 0.5) * 0.4, (ca, sa) = (cos(a), sin(a))
            let tile = (20 + 8 * rng.unit()) / scale, grout = (2.4 + 1.2 * rng.unit()) / scale
            let groutC = 160 + 20 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let u = px * ca + py * sa + 3000 / scale, v = -px * sa + py * ca + 3000 / scale
                    let tx = Int((u / tile).rounded(.down)), ty = Int((v / tile).rounded(.down))
                    let fu = u - Double(tx) * tile, fv = v - Double(ty) * tile
                    var c: (Double, Double, Double)
                    if fu < grout || fv < grout {
                        let g = groutC * (0.95 + 0.1 * lattice(Int(px * scale / 2), Int(py * scale / 2), bgSeed))
                        c = (g, g, g * 0.98)
                    } else {
                        let t = 236 + 14 * lattice(tx, ty, bgSeed &+ 1), tint = lattice(tx, ty, bgSeed &+ 2)
                        let glaze = 1 + 0.025 * ((fu - grout) / (tile - grout) - 0.5) - 0.02 * ((fv - grout) / (tile - grout) - 0.5)
                        let bevel = min(fu - grout, fv - grout, tile - fu, tile - fv) < 1.2 / scale ? 0.95 : 1
                        let f = glaze * bevel
                        c = (t * f * (tint < 0.2 ? 0.98 : 1), t * f, t * f * (tint > 0.85 ? 0.97 : 1))
                    }
                    put(y * W + x, c)
                }
            }
        case .stripedSheet:
            // A white bedsheet with fine woven stripes, a thin grey-blue pinstripe, and soft folds.
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let period = (8 + 4 * rng.unit()) / scale, white = 240 + 8 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    let u = px * ca + py * sa + 4000 / scale
                    let k = Int((u / period).rounded(.down)), fu = u - Double(k) * period
                    var t = fu < period * 0.5 ? white : white - 6
                    let pin = k % 7 == 0 && fu < max(1, 1.1 / scale)
                    t *= 0.99 + 0.02 * lattice(Int(fx / 1.3), Int(fy / 1.3), bgSeed)
                    let fold = 1 + 0.06 * (sin(fy * 0.012 + fx * 0.004 + 5 * valueNoise(fx, fy, cell: 260, seed: bgSeed &+ 1)) - 0.3)
                        - 0.05 * valueNoise(fx, fy, cell: 120, seed: bgSeed &+ 2)
                    let c = pin ? (196.0, 204.0, 218.0) : (t, t, t * 1.005)
                    put(y * W + x, (c.0 * fold, c.1 * fold, c.2 * fold))
                }
            }
        case .quartz:
            // Light speckled quartz: a pale, faintly clouded ground with grey, dark and glassy flecks.
            let base = (234 + 8 * rng.unit(), 231 + 8 * rng.unit(), 226 + 8 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    let m = 0.975 + 0.04 * valueNoise(fx, fy, cell: 150, seed: bgSeed)
                    var c = (base.0 * m, base.1 * m, base.2 * m)
                    let big = lattice(Int(fx / 8), Int(fy / 8), bgSeed &+ 1)
                    if big > 0.965 { c = (190, 184, 176) }
                    let fleck = lattice(Int(fx / 2.6), Int(fy / 2.6), bgSeed &+ 2)
                    if fleck > 0.975 { c = (88, 86, 84) } else if fleck > 0.925 { c = (164, 160, 156) }
                    if lattice(Int(fx / 1.5), Int(fy / 1.5), bgSeed &+ 3) > 0.99 { c = (250, 250, 250) }
                    put(y * W + x, c)
                }
            }
        case .mousePad:
            // A black cloth mouse pad filling the frame, with a red ring logo and a grey wordmark.
            let lx = Double(W) * (0.12 + 0.76 * rng.unit()), ly = Double(H) * (0.12 + 0.76 * rng.unit())
            let ringR = Double(min(W, H)) * (0.05 + 0.03 * rng.unit()), ringT = ringR * 0.22
            let letterH = ringR * 0.9, letterW = letterH * 0.7, letters = 5 + Int(rng.next() % 4), wordSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5, fx = px * scale, fy = py * scale
                    var t = 24 + 6 * lattice(x / 2, y / 2, bgSeed) + ((x + y) % 2 == 0 ? 2 : 0)
                    t *= 0.92 + 0.16 * valueNoise(fx, fy, cell: 220, seed: bgSeed &+ 1)
                    var c = (t, t, t * 1.1)
                    let dx = px - lx, dy = py - ly, d = (dx * dx + dy * dy).squareRoot()
                    if abs(d - ringR) < ringT { c = (196, 38, 42) }
                    let wx = px - (lx + ringR * 1.5), wy = py - (ly - letterH / 2)
                    if wx >= 0, wy >= 0, wy < letterH, wx < Double(letters) * letterW {
                        let k = Int(wx / letterW)
                        if printDot(Int(lattice(k, 0, wordSeed) * 10), (wx - Double(k) * letterW) / letterW, wy / letterH) { c = (205, 205, 208) }
                    }
                    put(y * W + x, c)
                }
            }
        case .redLacquer:
            // A red lacquered table: deep glossy red, faint brush marks, a broad soft reflection.
            let base = (138 + 20 * rng.unit(), 16 + 8 * rng.unit(), 20 + 8 * rng.unit())
            let ra = rng.unit() * Double.pi, (rc, rs) = (cos(ra), sin(ra))
            let rOff = (rng.unit() - 0.5) * 0.6, rWidth = 0.12 + 0.1 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let nx = Double(x) / Double(W) - 0.5, ny = Double(y) / Double(H) - 0.5
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    let m = (0.96 + 0.06 * valueNoise(fx, fy, cell: 180, seed: bgSeed)) * (0.99 + 0.02 * lattice(Int(fx / 40), Int(fy / 1.5), bgSeed &+ 1))
                    var c = (base.0 * m, base.1 * m, base.2 * m)
                    let d = (nx * rc + ny * rs - rOff) / rWidth
                    let refl = 0.28 * exp(-d * d)
                    c = (c.0 + (235 - c.0) * refl, c.1 + (200 - c.1) * refl, c.2 + (200 - c.2) * refl)
                    put(y * W + x, c)
                }
            }
        case .sofaFabric:
            // Blue-grey sofa fabric: a soft chenille pile on a fine twill, with a seam between cushions.
            let base = (96 + 12 * rng.unit(), 110 + 10 * rng.unit(), 126 + 10 * rng.unit())
            let vertical = rng.unit() < 0.5, seamAt = 0.2 + 0.6 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) * scale, fy = (Double(y) + 0.5) * scale
                    var f = 0.9 + 0.2 * valueNoise(fx, fy, cell: 3, seed: bgSeed)
                    f *= ((Int(fx / 1.5) + Int(fy / 1.5)) % 4 < 2) ? 1.03 : 0.97
                    f *= 0.95 + 0.1 * valueNoise(fx, fy, cell: 70, seed: bgSeed &+ 1)
                    let t = vertical ? Double(x) / Double(W) : Double(y) / Double(H)
                    let ds = abs(t - seamAt) * Double(vertical ? W : H) * scale
                    if ds < 40 { f *= 0.72 + 0.28 * (ds / 40) }   // the cushions curve down into the seam
                    put(y * W + x, (base.0 * f, base.1 * f, base.2 * f))
                }
            }
        case .dottedLid:
            // An old scanner's lid: warm off-white with a faint regular dot texture, yellowed
            // a little towards one edge.
            let base = (238 + 4 * rng.unit(), 232 + 4 * rng.unit(), 217 + 4 * rng.unit())
            let period = (5 + 1.5 * rng.unit()) / scale, dotR = period * 0.24
            let fromLeft = rng.unit() < 0.5
            for y in 0..<H {
                for x in 0..<W {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let du = px - ((px / period).rounded(.down) + 0.5) * period, dv = py - ((py / period).rounded(.down) + 0.5) * period
                    var f = du * du + dv * dv < dotR * dotR ? 0.972 : 1
                    f *= 1 - 0.035 * (fromLeft ? Double(x) / Double(W) : Double(y) / Double(H))
                    f *= 0.995 + 0.01 * lattice(x / 2, y / 2, bgSeed)
                    put(y * W + x, (base.0 * f, base.1 * f, base.2 * f * (1 - 0.01 * (1 - f))))
                }
            }
        default: break
        }
    }

    /// The holdout5 light on the scene's planes (before quantisation): two lamps, a sheen band,
    /// a fluorescent cast. No effect when the scene has none of them.
    static func applyHoldout5Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard s.twoLamps != nil || s.sheen != nil || s.fluorescentCast != 0 else { return }
        let diagonal = Double(W * W + H * H).squareRoot()
        for y in 0..<H {
            let ny = Double(y) / Double(H) - 0.5
            for x in 0..<W {
                let nx = Double(x) / Double(W) - 0.5, i = y * W + x
                var f = 1.0
                if let l = s.twoLamps {
                    f *= 1 + l.strength1 * (nx * cos(l.angle1) + ny * sin(l.angle1))
                    f *= 1 + l.strength2 * (nx * cos(l.angle2) + ny * sin(l.angle2))
                }
                for c in 0..<3 { bg[c][i] *= f }
                if let sh = s.sheen {
                    // A soft band of specular reflection: lifts towards (not to) white, never clips.
                    let d = ((nx + 0.5 - sh.originX) * Double(W) * cos(sh.angle) + (ny + 0.5 - sh.originY) * Double(H) * sin(sh.angle)) / diagonal
                    let w = sh.strength * exp(-(d / max(sh.width, 1e-6)) * (d / max(sh.width, 1e-6)))
                    for c in 0..<3 { bg[c][i] += max(0, 248 - bg[c][i]) * w }
                }
                if s.fluorescentCast != 0 {
                    bg[0][i] *= 1 - 0.6 * s.fluorescentCast; bg[1][i] *= 1 + 0.15 * s.fluorescentCast; bg[2][i] *= 1 + 0.35 * s.fluorescentCast
                }
            }
        }
    }

    /// The holdout5 focus falloff: sharp up to the scene's sharp point, blurred towards the soft
    /// point (Gaussian σ reached there and beyond), as with a phone focused on one end of a card
    /// held at an angle.
    static func applyFocusFalloff(_ ff: IDScanSyntheticScene.FocusFalloff, _ planes: inout Planes) {
        let W = planes.width, H = planes.height
        let w = (4 * ff.sigma * ff.sigma + 1).squareRoot()
        let r = max(1, Int(((w - 1) / 2).rounded()))
        let ax = ff.sharpX * Double(W), ay = ff.sharpY * Double(H)
        let dx = ff.softX * Double(W) - ax, dy = ff.softY * Double(H) - ay, len2 = max(dx * dx + dy * dy, 1)
        for c in 0..<3 {
            var blurred = planes.channels[c]
            for _ in 0..<3 { blurred = boxPass(blurred, W, H, radius: r, horizontal: true); blurred = boxPass(blurred, W, H, radius: r, horizontal: false) }
            for y in 0..<H {
                for x in 0..<W {
                    let t = min(max(((Double(x) + 0.5 - ax) * dx + (Double(y) + 0.5 - ay) * dy) / len2, 0), 1)
                    let k = t * t * (3 - 2 * t), i = y * W + x
                    planes.channels[c][i] = UInt8(min(max((Double(planes.channels[c][i]) * (1 - k) + Double(blurred[i]) * k).rounded(), 0), 255))
                }
            }
        }
    }
}
