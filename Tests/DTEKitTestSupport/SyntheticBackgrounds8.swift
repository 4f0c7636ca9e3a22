import Foundation

// The `holdout8` part's scene painters and light: nine phone-photo backgrounds, a light grey
// scanner lid with the faint grid of a document feeder's pressure pad, and the new kinds of light
// (raking side light: a strong linear falloff across the whole scene; a green or magenta LED cast
// that never clips the card; overcast daylight uses the older `contrast` and `exposure` fields).
// Kept apart from the older painters (which must keep painting byte-identical images); every new
// scene field defaults to "no effect", and none of the new code draws from the scene's random
// stream unless the scene uses a holdout8 background.

extension IDScanSyntheticCard {
    /// Paints a holdout8 background into the planes (any other background: no effect).
    /// `scale` keeps a texture's look at any image size (1000 / the image's long side).
    static func paintHoldout8Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                        _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        switch s.background {
        case .crosswordPage:
            // A newspaper's puzzle page filling the frame: a 15 × 15 crossword grid (black and
            // white squares, symmetric, thin dark rules, small clue numbers in the corner of some
            // white squares) beside columns of clues (bold headings, lines of small print).
            let paper = (230 + 8 * rng.unit(), 227 + 8 * rng.unit(), 214 + 8 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.2, (ca, sa) = (cos(a), sin(a))
            let cell = 27 + 6 * rng.unit(), n = 15
            let gx0 = 40 + 360 * rng.unit(), gy0 = 30 + 200 * rng.unit(), side = cell * Double(n)
            let lineH = 12 + 2 * rng.unit(), colW = 150 + 30 * rng.unit(), gutter = 16.0
            let textSeed = rng.next(), gridSeed = rng.next()
            func black(_ c: Int, _ r: Int) -> Bool {
                // 180° symmetric, about one square in six black.
                let k1 = c * n + r, k2 = (n - 1 - c) * n + (n - 1 - r)
                return lattice(min(k1, k2), 0, gridSeed) < 0.17
            }
            func numbered(_ c: Int, _ r: Int) -> Bool {
                guard !black(c, r) else { return false }
                let acrossStart = (c == 0 || black(c - 1, r)) && c + 1 < n && !black(c + 1, r)
                let downStart = (r == 0 || black(c, r - 1)) && r + 1 < n && !black(c, r + 1)
                return acrossStart || downStart
            }
            let ink = (34.0, 33.0, 36.0)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    var c = paper
                    let m = 0.985 + 0.03 * valueNoise(px, py, cell: 140, seed: bgSeed)
                    let gu = u - gx0, gv = v - gy0
                    if gu >= -1.5, gv >= -1.5, gu < side + 1.5, gv < side + 1.5 {
                        let ci = min(n - 1, max(0, Int(gu / cell))), ri = min(n - 1, max(0, Int(gv / cell)))
                        let fu = gu - Double(ci) * cell, fv = gv - Double(ri) * cell
                        let rule = min(abs(fu), abs(cell - fu), abs(fv), abs(cell - fv))
                        if gu < 0 || gv < 0 || gu >= side || gv >= side || rule < 0.9 || black(ci, ri) { c = ink }
                        else if numbered(ci, ri), fu > 2, fv > 2 {
                            // The clue number: one or two tiny digits in the square's top-left corner.
                            let num = 1 + (ri * n + ci) % 97, dw = 3.6, dh = 5.5
                            let k = Int((fu - 2.5) / dw), digits = num >= 10 ? [num / 10, num % 10] : [num]
                            if k < digits.count, printDot(digits[k], (fu - 2.5 - Double(k) * dw) / dw, (fv - 2.5) / dh) { c = ink }
                        }
                    } else {
                        // Clue columns around the grid: headings (bold), then lines of words.
                        let col = Int(((u + 2000) / (colW + gutter)).rounded(.down)), cu = u + 2000 - Double(col) * (colW + gutter)
                        let row = Int(((v + 2000) / lineH).rounded(.down)), cv = v + 2000 - Double(row) * lineH
                        if cu < colW {
                            let heading = lattice(col, row / 9, textSeed) < 0.3 && row % 9 == 0
                            if heading {
                                if cv < 8, cu < colW * 0.45, lattice(Int(cu / 9), row, textSeed &+ 1) > 0.1 { c = ink }
                            } else if cv < 5.5 {
                                // "12 Small print for a clue (5)": a number, then words of dashes.
                                let word = Int(cu / 7), lineEnd = colW * (0.55 + 0.45 * lattice(col, row, textSeed &+ 2))
                                if cu < 9 { if printDot(Int(lattice(col, row, textSeed &+ 3) * 10), cu / 4.5, cv / 5.5) { c = ink } }
                                else if cu > 12, cu < lineEnd, lattice(word, row &* 31 &+ col, textSeed &+ 4) > 0.2,
                                        lattice(Int(cu), row, textSeed &+ 5) > 0.3 { c = (70, 68, 70) }
                            }
                        }
                    }
                    put(y * W + x, (c.0 * m, c.1 * m, c.2 * m))
                }
            }
        case .damaskWallpaper:
            // A pale damask wallpaper: a repeating ornamental medallion (petals, an inner ring,
            // curls to its sides) tone on tone, a satin sheen on the motif, faint paper seams.
            let ground = (232 + 8 * rng.unit(), 224 + 8 * rng.unit(), 206 + 8 * rng.unit())
            let tone = (rng.unit() < 0.5 ? -1.0 : 1.0) * (9 + 5 * rng.unit())
            let cw = 110 + 30 * rng.unit(), ch = cw * (1.35 + 0.15 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.12, (ca, sa) = (cos(a), sin(a))
            let seam = 520 + 80 * rng.unit(), ou = rng.unit() * seam
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 5000, v = -px * sa + py * ca + 5000
                    let row = (v / (ch / 2)).rounded(.down), shift = Int(row) % 2 == 0 ? 0 : cw / 2
                    let col = ((u - shift) / cw).rounded(.down)
                    // Local motif coordinates, −1…1 across the cell (mirrored left-right).
                    let lu = abs((u - shift - col * cw) / (cw / 2) - 1), lv = (v - row * ch / 2) / (ch / 4) - 1
                    let r = (lu * lu + lv * lv).squareRoot(), th = atan2(lv, lu)
                    var w = 0.0
                    let petal = 0.5 + 0.18 * cos(6 * th) + 0.08 * cos(12 * th)   // the petalled outline
                    if r < petal { w = clamp01((petal - r) * 40) }
                    if abs(r - 0.24) < 0.045 { w = 0 }                            // the inner ring's gap
                    let cx = lu - 0.78, cy = lv + 0.35                            // a curl at the side
                    let cr = (cx * cx + cy * cy).squareRoot()
                    if abs(cr - 0.14) < 0.035 || (lu > 0.62 && abs(lv - 0.55 * (lu - 0.62) * 3 + 0.1) < 0.04 && lu < 0.95) { w = 1 }
                    let sheen = w * (0.6 + 0.4 * sin(lv * 3 + lu * 2))
                    var c = (ground.0 + tone * sheen, ground.1 + tone * sheen, ground.2 + tone * 1.1 * sheen)
                    let f = 0.99 + 0.02 * valueNoise(px, py, cell: 200, seed: bgSeed)
                    let su = (u + ou).truncatingRemainder(dividingBy: seam)
                    let seamF = su < 1.2 ? 0.95 : 1
                    c = (c.0 * f * seamF, c.1 * f * seamF, c.2 * f * seamF)
                    put(y * W + x, c)
                }
            }
        case .bubbleWrap:
            // A sheet of bubble wrap on a white desk: rows of round air cells (a hexagonal
            // packing) with a darker translucent rim, a bright highlight on each, flat film
            // between them; the sheet's straight edge crosses the frame, the white desk beyond.
            let desk = 238 + 8 * rng.unit()
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let pitch = 24 + 6 * rng.unit(), rad = pitch * (0.38 + 0.04 * rng.unit())
            let edgeOff = 300 + 250 * rng.unit()   // the sheet covers one side of the frame
            let ha = rng.unit() * 6.283, hx = cos(ha) * rad * 0.4, hy = sin(ha) * rad * 0.4
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let fDesk = 0.99 + 0.015 * valueNoise(px, py, cell: 250, seed: bgSeed)
                    var c = (desk * fDesk, desk * fDesk, desk * fDesk * 0.99)
                    let u = (px - 500) * ca + (py - 400) * sa + 6000, v = -(px - 500) * sa + (py - 400) * ca + 6000
                    let onSheet = u - 6000 < edgeOff
                    if onSheet {
                        let rowH = pitch * 0.866, row = (v / rowH).rounded(.down), shift = Int(row) % 2 == 0 ? 0 : pitch / 2
                        let col = ((u - shift) / pitch).rounded(.down)
                        let du = u - shift - col * pitch - pitch / 2, dv = v - row * rowH - rowH / 2
                        let d = (du * du + dv * dv).squareRoot()
                        var f = 0.95   // the flat film: slightly greyer, a faint blue
                        if d < rad {
                            let t = d / rad
                            f = 0.99 - 0.12 * pow(t, 6)   // the rim darker
                            let hd = ((du - hx) * (du - hx) + (dv - hy) * (dv - hy)).squareRoot() / (rad * 0.28)
                            f += 0.05 * exp(-hd * hd)
                        } else if d < rad + 1.2 { f = 0.86 }
                        if abs(u - 6000 - edgeOff) < 1.5 { f = 0.88 }
                        c = (c.0 * f * 0.985, c.1 * f * 0.995, c.2 * f * 1.01)
                    } else if u - 6000 - edgeOff < 14 {
                        let t = (u - 6000 - edgeOff) / 14
                        c = (c.0 * (0.93 + 0.07 * t), c.1 * (0.93 + 0.07 * t), c.2 * (0.93 + 0.07 * t))   // the sheet's faint shadow
                    }
                    put(y * W + x, c)
                }
            }
        case .wickerTray:
            // A light wicker tray: round weavers running across, passing over and under upright
            // stakes in turn (a plain weave), each strand shaded as a cylinder with fibres along
            // it, dark gaps where the strands part.
            let cane = (216 + 10 * rng.unit(), 190 + 10 * rng.unit(), 146 + 10 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.6, (ca, sa) = (cos(a), sin(a))
            let rowH = 13 + 4 * rng.unit(), stake = 30 + 8 * rng.unit(), stakeW = 9 + 2 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 8000, v = -px * sa + py * ca + 8000
                    let k = Int((v / rowH).rounded(.down)), fv = v / rowH - Double(k)
                    let j = Int((u / stake).rounded(.down)), fu = u - Double(j) * stake - stake / 2
                    let over = (j + k) % 2 == 0
                    var f: Double
                    if !over, abs(fu) < stakeW / 2 {
                        // The stake shows: a vertical cylinder.
                        let t = fu / (stakeW / 2)
                        f = 0.7 + 0.3 * (1 - t * t).squareRoot()
                        f *= 0.94 + 0.08 * valueNoise(u * 6, v * 0.4, cell: 5, seed: bgSeed &+ 1)
                    } else {
                        // The weaver: a horizontal cylinder, darker where it dives under a stake.
                        f = 0.62 + 0.38 * sin(fv * Double.pi)
                        if !over { let e = (abs(fu) - stakeW / 2) / (stake / 2 - stakeW / 2); f *= 0.8 + 0.2 * clamp01(e * 2) }
                        if fv < 0.06 || fv > 0.94 { f *= 0.55 }   // the gap between weavers
                        f *= 0.94 + 0.08 * valueNoise(u * 0.4, v * 6, cell: 5, seed: bgSeed)
                    }
                    f *= 0.97 + 0.05 * lattice(k, j / 7, bgSeed &+ 2)
                    put(y * W + x, (cane.0 * f, cane.1 * f, cane.2 * f))
                }
            }
        case .laceTablecloth:
            // A white lace tablecloth over a mid-brown table: a fine hexagonal net of white
            // threads (the table showing through its holes) with dense floral motifs (five-petal
            // flowers with a centre ring, two leaves) on a staggered grid.
            let table = (150 + 20 * rng.unit(), 112 + 14 * rng.unit(), 82 + 10 * rng.unit())
            let lace = (238 + 6 * rng.unit(), 236 + 6 * rng.unit(), 228 + 6 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.5, (ca, sa) = (cos(a), sin(a))
            let mesh = 7 + 2 * rng.unit(), motif = 95 + 30 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 7000, v = -px * sa + py * ca + 7000
                    // The net: three families of threads at 60°.
                    func thread(_ t: Double) -> Double { let f = t / mesh - (t / mesh).rounded(); return abs(f) * mesh }
                    let d1 = thread(u), d2 = thread(u * 0.5 + v * 0.866), d3 = thread(u * 0.5 - v * 0.866)
                    var cover = clamp01(1.9 - min(d1, d2, d3))
                    // The floral motifs.
                    let row = (v / motif).rounded(.down), shift = Int(row) % 2 == 0 ? 0 : motif / 2
                    let col = ((u - shift) / motif).rounded(.down)
                    let lu = (u - shift - col * motif) / (motif / 2) - 1, lv = (v - row * motif) / (motif / 2) - 1
                    let r = (lu * lu + lv * lv).squareRoot(), th = atan2(lv, lu)
                    let petal = 0.42 * (0.55 + 0.45 * abs(cos(2.5 * th)))
                    if r < petal, r > 0.12 { cover = max(cover, 0.9 + 0.1 * sin(r * 40)) }   // petals, with their ribbing
                    if abs(r - 0.1) < 0.03 { cover = 1 }                                          // the centre ring
                    let leaf = abs(lv + lu * 0.3) < 0.12 * (1 - abs(lu - 0.7) / 0.25) && abs(lu - 0.7) < 0.25
                    if leaf { cover = max(cover, 0.85) }
                    if abs(r - 0.62) < 0.025 { cover = max(cover, 0.8) }                          // a scalloped ring of thread
                    let sh = 0.97 + 0.04 * valueNoise(px, py, cell: 160, seed: bgSeed)
                    let c = mix(table, lace, cover)
                    put(y * W + x, (c.0 * sh, c.1 * sh, c.2 * sh))
                }
            }
        case .carSeatFabric:
            // Dark grey car-seat fabric: a tight weave with fine light dots on a small regular
            // grid, a stitched seam across the seat and the cushion's soft bulges.
            let base = 52 + 14 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.5, (ca, sa) = (cos(a), sin(a))
            let pitch = 6 + 2 * rng.unit(), seamV = (rng.unit() - 0.5) * 500
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 4000, v = -px * sa + py * ca + 4000
                    var f = 0.9 + 0.2 * lattice(Int(px * 1.3), Int(py * 1.3), bgSeed)   // weave fuzz
                    let du = u / pitch - (u / pitch).rounded(), dv = v / pitch - (v / pitch).rounded()
                    let dot = (du * du + dv * dv).squareRoot() * pitch
                    if dot < 1.3 { f += 0.5 * clamp01(1.3 - dot) }
                    let sv = v - 4000 - 400 - seamV
                    if abs(sv) < 6 { f *= 0.65 + 0.1 * (abs(sv) / 6) }                    // the seam's groove
                    if abs(abs(sv) - 9) < 1, Int(u / 6) % 2 == 0 { f *= 1.35 }            // its stitches
                    f *= 0.88 + 0.2 * valueNoise(px, py, cell: 230, seed: bgSeed &+ 1)   // the cushion's bulges
                    put(y * W + x, (base * f, base * f, base * f * 1.04))
                }
            }
        case .rubberMat:
            // A black rubber mat with a raised diamond pattern: rows of small diamonds, each a
            // flat top and four bevelled faces lit from one side, shadowed on the other.
            let base = 26 + 10 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.4, (ca, sa) = (cos(a), sin(a))
            let pitch = 30 + 10 * rng.unit(), half = pitch * 0.33, top = half * 0.55
            let la = rng.unit() * 6.283, (lc, ls) = (cos(la), sin(la))
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 6000, v = -px * sa + py * ca + 6000
                    let row = (v / (pitch / 2)).rounded(.down), shift = Int(row) % 2 == 0 ? 0 : pitch / 2
                    let col = ((u - shift) / pitch).rounded(.down)
                    let du = u - shift - col * pitch - pitch / 2, dv = (v - row * pitch / 2 - pitch / 4) * 2
                    let d = abs(du) + abs(dv) * 0.6
                    var v0 = base * (0.94 + 0.12 * lattice(Int(px), Int(py), bgSeed))   // the matte rubber's grain
                    if d < top { v0 += 10 }
                    else if d < half {
                        let nxF = du >= 0 ? 1.0 : -1.0, nyF = dv >= 0 ? 1.0 : -1.0
                        v0 += 10 + 26 * ((nxF * lc + nyF * ls) * 0.7)
                    } else if d < half + 2 { v0 *= 0.8 }
                    v0 *= 0.92 + 0.16 * valueNoise(px, py, cell: 260, seed: bgSeed &+ 1)
                    put(y * W + x, (v0, v0, v0 * 1.03))
                }
            }
        case .palletWood:
            // Weathered pallet wood: pale grey-tan planks with grain streaks and cracks, dark
            // gaps between them, and nail heads in pairs where the planks cross the bearers below.
            let wood = (196 + 14 * rng.unit(), 178 + 12 * rng.unit(), 146 + 12 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.3 + (rng.unit() < 0.5 ? 0 : Double.pi / 2), (ca, sa) = (cos(a), sin(a))
            let plank = 110 + 30 * rng.unit(), gap = 12 + 8 * rng.unit(), bearer = 330 + 60 * rng.unit()
            let ou = rng.unit() * bearer, ov = rng.unit() * plank
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 9000 + ou, v = -px * sa + py * ca + 9000 + ov
                    let k = Int((v / (plank + gap)).rounded(.down)), fv = v - Double(k) * (plank + gap)
                    let c: (Double, Double, Double)
                    if fv >= plank {
                        let g = 30 + 14 * valueNoise(u, v, cell: 40, seed: bgSeed &+ 3)   // the gap: dark shade under the planks
                        c = (g, g * 0.9, g * 0.78)
                    } else {
                        let grey = 0.15 + 0.25 * lattice(k, 0, bgSeed)   // weathering: each plank its own greyness
                        let pc = mix(wood, (176, 172, 164), grey)
                        var f = 0.9 + 0.14 * valueNoise(u * 0.05, v * 1.2, cell: 4, seed: bgSeed &+ UInt64(k & 0xFF))   // grain
                        if fv < 3 || fv > plank - 3 { f *= 0.86 }   // the worn edges
                        if valueNoise(u * 0.03, v, cell: 6, seed: bgSeed &+ 7) > 0.86 { f *= 0.7 }   // cracks along the grain
                        // Nail heads: two per plank on each bearer line.
                        let bu = u - (u / bearer).rounded() * bearer
                        for nv in [plank * 0.25, plank * 0.75] {
                            let dd = (bu * bu + (fv - nv) * (fv - nv)).squareRoot()
                            if dd < 4.2 { f = 0.36 + 0.1 * (dd / 4.2) } else if dd < 5.5 { f *= 0.8 }
                        }
                        c = (pc.0 * f, pc.1 * f, pc.2 * f)
                    }
                    put(y * W + x, c)
                }
            }
        case .brushedCopper:
            // A brushed copper sheet: warm orange-brown metal with fine straight brush lines (each
            // line its own brightness), a broad pinkish sheen and a few dull oxidised patches.
            let copper = (184 + 14 * rng.unit(), 112 + 12 * rng.unit(), 72 + 10 * rng.unit())
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let sheenA = rng.unit() * Double.pi, sheenO = (rng.unit() - 0.5) * 600
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 9000, v = -px * sa + py * ca + 9000
                    let line = Int((v * 1.7).rounded(.down)), seg = Int((u / 220).rounded(.down))
                    let t = u / 220 - Double(seg)
                    let b = lattice(line, seg, bgSeed) * (1 - t) + lattice(line, seg + 1, bgSeed) * t
                    var f = 0.9 + 0.14 * b
                    let sd = (px - 500) * -sin(sheenA) + (py - 400) * cos(sheenA) - sheenO
                    let sheen = 0.18 * exp(-sd * sd / (220 * 220))
                    if valueNoise(px, py, cell: 70, seed: bgSeed &+ 1) > 0.78 { f *= 0.93 }   // oxidised patches
                    f *= 0.95 + 0.08 * valueNoise(px, py, cell: 300, seed: bgSeed &+ 2)
                    let c = (copper.0 * f, copper.1 * f, copper.2 * f)
                    put(y * W + x, (c.0 + (246 - c.0) * sheen, c.1 + (196 - c.1) * sheen, c.2 + (170 - c.2) * sheen))
                }
            }
        case .feederPadLid:
            // A document feeder's lid: a light grey pressure pad (fine foam texture) with a faint
            // regular grid pressed into it.
            let base = 206 + 10 * rng.unit(), pitch = 22 + 6 * rng.unit()
            let ou = rng.unit() * pitch, ov = rng.unit() * pitch
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let du = abs((px + ou) / pitch - ((px + ou) / pitch).rounded()) * pitch
                    let dv = abs((py + ov) / pitch - ((py + ov) / pitch).rounded()) * pitch
                    var f = 0.99 + 0.02 * lattice(x / 2, y / 2, bgSeed) + 0.01 * valueNoise(px, py, cell: 240, seed: bgSeed &+ 1)
                    if min(du, dv) < 0.8 { f *= 0.975 }
                    put(y * W + x, (base * f, base * f, base * f * 1.005))
                }
            }
        default: break
        }
    }

    /// The holdout8 light on the scene's planes (before quantisation): raking side light (a
    /// strong linear falloff across the whole scene, card included, from the lit side's full
    /// brightness) and a green or magenta LED cast (per-channel gains, each channel's top
    /// compressed softly under 250 so that the cast never clips the card). No effect when the
    /// scene has neither.
    static func applyHoldout8Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard s.rakingLight != nil || s.ledCast != nil else { return }
        // The raking light's falloff: 0 at the frame's most lit corner, 1 at the opposite one.
        var lo = 0.0, span = 1.0, lc = 1.0, ls = 0.0
        if let rl = s.rakingLight {
            lc = cos(rl.angle); ls = sin(rl.angle)
            let proj = [(0.0, 0.0), (Double(W), 0.0), (0.0, Double(H)), (Double(W), Double(H))].map { $0.0 * lc + $0.1 * ls }
            lo = proj.min() ?? 0; span = max((proj.max() ?? 1) - lo, 1)
        }
        for y in 0..<H {
            let py = Double(y) + 0.5
            for x in 0..<W {
                let px = Double(x) + 0.5, i = y * W + x
                if let rl = s.rakingLight {
                    let f = 1 - rl.strength * ((px * lc + py * ls - lo) / span)
                    for c in 0..<3 { bg[c][i] *= f }
                }
                if let t = s.ledCast {
                    bg[0][i] = ledChannel(bg[0][i], t.red); bg[1][i] = ledChannel(bg[1][i], t.green); bg[2][i] = ledChannel(bg[2][i], t.blue)
                }
            }
        }
    }

    /// One channel under an LED cast: `v` × `gain`, and over 230 compressed softly towards
    /// (never reaching) 249.5, so that no pixel is clipped by the cast.
    static func ledChannel(_ v: Double, _ gain: Double) -> Double {
        let g = v * gain, knee = 230.0, room = 249.5 - knee
        guard g > knee else { return g }
        return knee + room * (1 - exp(-(g - knee) / room))
    }
}
