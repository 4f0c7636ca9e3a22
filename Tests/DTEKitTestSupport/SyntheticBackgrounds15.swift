import Foundation
import IDScan

// The `holdout15` part's scene painters and light: nine phone-photo backgrounds, an office
// multifunction printer's greyscale flatbed scan, and the part's light and pose (a clear plastic
// sleeve round the card on a phone photo: a haze, the sleeve's faint edge and a soft diagonal
// sheen; the part's mixed light, phone's shadow and thumb reuse the holdout13 and holdout11
// effects with their own parameters). Kept apart from the older painters (which must keep
// painting byte-identical images); every new scene field defaults to "no effect", and none of the
// new code draws from the scene's random stream unless the scene uses a holdout15 background.

extension IDScanSyntheticCard {
    /// Paints a holdout15 background into the planes (any other background: no effect). `scale`
    /// keeps a texture's look at any image size (1000 / the image's long side); sizes in mm
    /// follow the card (85.6 mm wide).
    static func paintHoldout15Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                         _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        let uMax = Double(W) * scale, vMax = Double(H) * scale
        let mm = max(s.cardWidthFraction * Double(W) * scale / 85.6, 0.5)   // texture units per mm
        /// (px, py) turned about the frame's centre by the angle with cosine `ca` and sine `sa`.
        func frameTurn(_ px: Double, _ py: Double, _ ca: Double, _ sa: Double) -> (Double, Double) {
            let dx = px - uMax / 2, dy = py - vMax / 2
            return (dx * ca + dy * sa + uMax / 2, -dx * sa + dy * ca + vMax / 2)
        }
        /// Ink cover (0–1) of a line of half-width `hw` at signed distance `d`, anti-aliased over `aa`.
        func line(_ d: Double, _ hw: Double, _ aa: Double) -> Double { clamp01((hw - abs(d)) / aa + 0.5) }
        let aa = max(scale, 0.1)   // one image pixel in texture units
        switch s.background {
        case .sewingPattern:
            // Tissue-paper sewing-pattern sheets on a pale table: translucent beige sheets at small
            // angles, each printed with a pattern piece (a solid cutting line, a dashed seam line
            // inside it, notches), a grain-line arrow, a big piece letter and small print; where
            // sheets overlap the tissue is deeper in colour and the lower sheet's print shows through.
            let table = (214 + 16 * rng.unit(), 204 + 14 * rng.unit(), 190 + 14 * rng.unit())
            let tissue = (0.97, 0.9, 0.74)   // each layer's transmittance
            struct Sheet { var cu: Double, cv: Double, ca: Double, sa: Double, hw: Double, hh: Double, seed: UInt64, ink: (Double, Double, Double) }
            var sheets: [Sheet] = []
            for k in 0..<4 {
                let a = (rng.unit() - 0.5) * 0.7
                let ink: (Double, Double, Double) = k % 2 == 0 ? (40, 36, 34) : (60, 54, 110)
                sheets.append(Sheet(cu: uMax * (0.15 + 0.7 * rng.unit()), cv: vMax * (0.15 + 0.7 * rng.unit()), ca: cos(a), sa: sin(a),
                                    hw: (70 + 40 * rng.unit()) * mm, hh: (55 + 30 * rng.unit()) * mm, seed: bgSeed &+ UInt64(k) &* 977, ink: ink))
            }
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var c = times(table, 0.97 + 0.04 * valueNoise(px, py, cell: 30 * mm, seed: bgSeed))
                    for sh in sheets {
                        let dx = px - sh.cu, dy = py - sh.cv
                        let u = dx * sh.ca + dy * sh.sa, v = -dx * sh.sa + dy * sh.ca
                        guard abs(u) < sh.hw, abs(v) < sh.hh else { continue }
                        // The tissue: a translucent layer with soft crumples.
                        let crumple = valueNoise(u * 0.4 + v, v * 0.4 - u, cell: 14 * mm, seed: sh.seed)
                        let t = 0.97 + 0.05 * crumple
                        c = (c.0 * tissue.0 * t, c.1 * tissue.1 * t, c.2 * tissue.2 * t)
                        c = mix(c, (236, 222, 190), 0.18)   // the tissue's own scatter
                        if min(sh.hw - abs(u), sh.hh - abs(v)) < 0.5 * mm { c = times(c, 0.95) }   // the sheet's edge
                        // The pattern piece: a rounded outline (a superellipse) with a wavy side.
                        let pw = sh.hw * 0.72, ph = sh.hh * 0.7
                        let wu = u + 4 * mm * sin(v / (18 * mm))
                        let q = pow(pow(abs(wu) / pw, 4) + pow(abs(v) / ph, 4), 0.25)
                        let dOut = (q - 1) * min(pw, ph)   // ≈ distance to the cutting line
                        var ink = line(dOut, 0.22 * mm, aa)
                        // The seam line 15 mm inside, dashed.
                        let along = atan2(v / ph, wu / pw) * min(pw, ph)
                        let (_, dash) = cellOf(along, 4.2 * mm)
                        if dash < 2.8 * mm { ink = max(ink, line(dOut + 15 * mm, 0.16 * mm, aa)) }
                        // Notches: small triangles on the cutting line.
                        let (nk, nd) = cellOf(along, 38 * mm)
                        if nk % 2 == 0, abs(nd - 19 * mm) < 2 * mm - max(0, -dOut), dOut < 0, dOut > -3 * mm { ink = max(ink, 0.9) }
                        // The grain-line arrow: a long line with arrowheads at both ends.
                        let gl = ph * 0.75
                        if abs(v) < gl {
                            ink = max(ink, line(u + pw * 0.3, 0.18 * mm, aa))
                            let e = gl - abs(v)
                            if e < 6 * mm, abs(u + pw * 0.3) < e * 0.45 { ink = max(ink, 0.85) }
                        }
                        // The piece's big letter and its small print.
                        let lu = u - pw * 0.05, lv = v + ph * 0.35
                        if lu > 0, lu < 16 * mm, lv > 0, lv < 14 * mm {
                            ink = max(ink, h11TextInk(lu, lv, lineH: 14 * mm, charW: 8 * mm, maxChars: 2, justified: true, fill: 0.75, seed: sh.seed &+ 1))
                        }
                        let tu = u - pw * 0.05, tv = v - ph * 0.05
                        if tu > 0, tu < 42 * mm, tv > 0, tv < 18 * mm {
                            ink = max(ink, 0.8 * h11TextInk(tu, tv, lineH: 3 * mm, charW: 1.3 * mm, maxChars: 32, justified: false, fill: 0.5, seed: sh.seed &+ 2))
                        }
                        c = mix(c, sh.ink, 0.85 * ink)
                    }
                    put(y * W + x, c)
                }
            }
        case .medicineLeaflet:
            // A pharmacy's package insert unfolded on a grey table: very thin white paper folded
            // into panels (crease lines, the panels alternately a little lighter and darker),
            // dense tiny print in two columns per panel with bold headings, the reverse side's
            // print faintly showing through.
            let paper = (246 - 4 * rng.unit(), 246 - 4 * rng.unit(), 243 - 4 * rng.unit())
            let table = (150 + 20 * rng.unit(), 150 + 20 * rng.unit(), 156 + 20 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.3, ca = cos(a), sa = sin(a)
            let panelW = (42 + 10 * rng.unit()) * mm, panelH = (60 + 15 * rng.unit()) * mm
            let left = -rng.unit() * panelW - 10 * mm, top = -rng.unit() * panelH - 10 * mm
            let right = uMax + (20 + 40 * rng.unit()) * mm * (rng.unit() < 0.5 ? 1 : -1), bottom = vMax + 40 * mm
            let doc = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (u0, v0) = frameTurn(px, py, ca, sa)
                    let u = u0 - left, v = v0 - top
                    var c = times(table, 0.95 + 0.06 * valueNoise(px, py, cell: 12 * mm, seed: bgSeed))
                    if u >= 0, v >= 0, u0 < right, v0 < bottom {
                        let (pi, pu) = cellOf(u, panelW), (pj, pv) = cellOf(v, panelH)
                        c = times(paper, (pi + pj) % 2 == 0 ? 1.0 : 0.965)
                        // The creases: a soft dark line and its lit side.
                        let du = min(pu, panelW - pu), dv = min(pv, panelH - pv)
                        if du < 1.2 * mm { c = times(c, 0.9 + 0.1 * du / (1.2 * mm)) }
                        if dv < 1.0 * mm { c = times(c, 0.92 + 0.08 * dv / (1.0 * mm)) }
                        // Show-through of the reverse side (mirrored lines, faint).
                        let back = h11TextInk(panelW - pu - 3 * mm, pv - 5 * mm, lineH: 1.7 * mm, charW: 0.85 * mm, maxChars: 40, justified: true, fill: 0.5,
                                              seed: doc &+ UInt64(pi &* 31 &+ pj) &+ 7)
                        c = mix(c, (200, 200, 204), 0.25 * back)
                        // Two columns of tiny print, a bold heading now and then.
                        let colW = (panelW - 7 * mm) / 2
                        let cu = pu - 2.5 * mm, cv = pv - 4 * mm
                        if cu > 0, cv > 0, cv < panelH - 8 * mm {
                            let (col, u2) = cellOf(cu, colW + 2 * mm)
                            if col < 2, u2 < colW {
                                let blockSeed = doc &+ UInt64((pi &* 7 &+ pj) &* 13 &+ col)
                                let (blk, bv) = cellOf(cv, 14 * mm)
                                let heading = lattice(blk, col, blockSeed) < 0.35
                                let ink: Double
                                if heading, bv < 2.4 * mm {
                                    ink = h11TextInk(u2, bv, lineH: 2.4 * mm, charW: 1.25 * mm, maxChars: Int(colW / (1.25 * mm)) / 2, justified: true, fill: 0.75, seed: blockSeed &+ 1)
                                } else {
                                    ink = h11TextInk(u2, cv, lineH: 1.7 * mm, charW: 0.85 * mm, maxChars: Int(colW / (0.85 * mm)), justified: false, fill: 0.5, seed: blockSeed)
                                }
                                c = mix(c, (34, 34, 40), ink * (heading && bv < 2.4 * mm ? 0.95 : 0.8))
                            }
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .jigsawPuzzle:
            // A half-done jigsaw puzzle of a light landscape (a pale sky with clouds, distant hills,
            // a meadow) on a pale wooden table: interlocking pieces with knobs, thin dark gaps
            // between them, some pieces not yet placed (the table shows).
            let table = (208 + 14 * rng.unit(), 184 + 12 * rng.unit(), 150 + 12 * rng.unit())
            let pitch = (17 + 5 * rng.unit()) * mm
            let a = (rng.unit() - 0.5) * 0.25, ca = cos(a), sa = sin(a)
            let offU = rng.unit() * pitch, offV = rng.unit() * pitch
            let horizon = vMax * (0.45 + 0.2 * rng.unit())
            let holeU = uMax * rng.unit(), holeV = vMax * rng.unit(), holeR = (60 + 40 * rng.unit()) * mm
            /// The piece a point belongs to (its cell, or a neighbour's whose knob it lies in) and its
            /// distance to the piece's outline: each side of a cell is straight but for a knob
            /// (a circle through a narrow neck) growing into one of the two cells, by the side's hash.
            func piece(_ u: Double, _ v: Double) -> (i: Int, j: Int, edge: Double) {
                let (i, fu) = cellOf(u, pitch), (j, fv) = cellOf(v, pitch)
                let kr = 0.19 * pitch, off = 0.17 * pitch, nh = (kr * kr - off * off).squareRoot()
                // Per side: the distance in from it, the position along it from its middle, whether
                // its knob grows into this cell, and the neighbour across it.
                let sides: [(perp: Double, t: Double, into: Bool, ni: Int, nj: Int)] = [
                    (pitch - fu, fv - pitch / 2, lattice(i &* 2, j, bgSeed &+ 11) >= 0.5, i + 1, j),
                    (fu, fv - pitch / 2, lattice((i - 1) &* 2, j, bgSeed &+ 11) < 0.5, i - 1, j),
                    (pitch - fv, fu - pitch / 2, lattice(i &* 2 &+ 1, j, bgSeed &+ 11) >= 0.5, i, j + 1),
                    (fv, fu - pitch / 2, lattice(i &* 2 &+ 1, j - 1, bgSeed &+ 11) < 0.5, i, j - 1),
                ]
                var edge = Double.infinity
                for sd in sides {
                    let at = abs(sd.t)
                    edge = min(edge, at > nh ? sd.perp : (sd.perp * sd.perp + (nh - at) * (nh - at)).squareRoot())
                    if sd.into {
                        let d = ((sd.perp - off) * (sd.perp - off) + sd.t * sd.t).squareRoot()
                        if d < kr { return (sd.ni, sd.nj, kr - d) }   // in the neighbour's knob
                        edge = min(edge, d - kr)
                    }
                }
                return (i, j, edge)
            }
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (u0, v0) = frameTurn(px, py, ca, sa)
                    var c = times(table, 0.94 + 0.06 * sin((py + 8 * valueNoise(px, py, cell: 30 * mm, seed: bgSeed)) / (1.6 * mm)) * 0.5
                                  + 0.05 * valueNoise(px * 0.2, py, cell: 5 * mm, seed: bgSeed &+ 1))
                    let p = piece(u0 + offU, v0 + offV)
                    // Pieces in a ragged hole (not placed yet) are missing.
                    let pc = (Double(p.i) + 0.5) * pitch - offU, pv = (Double(p.j) + 0.5) * pitch - offV
                    let hd = ((pc - holeU) * (pc - holeU) + (pv - holeV) * (pv - holeV)).squareRoot()
                    let missing = hd < holeR * (0.7 + 0.5 * lattice(p.i, p.j, bgSeed &+ 3))
                    if !missing {
                        // The picture, at the piece's place.
                        let sky = mix((176, 206, 236), (226, 236, 246), clamp01(v0 / max(horizon, 1)))
                        let cloud = smooth((valueNoise(u0 * 0.6, v0 * 1.4, cell: 30 * mm, seed: bgSeed &+ 4) - 0.55) / 0.2)
                        let hill = horizon - 20 * mm * (0.5 + 0.5 * sin(u0 / (60 * mm))) - 10 * mm * valueNoise(u0, 0, cell: 25 * mm, seed: bgSeed &+ 5)
                        var pic: (Double, Double, Double)
                        if v0 < hill { pic = mix(sky, (250, 250, 252), 0.8 * cloud) }
                        else if v0 < horizon + 4 * mm { pic = (150, 170, 176) }
                        else { pic = times((170, 200, 120), 0.92 + 0.16 * valueNoise(u0, v0, cell: 3 * mm, seed: bgSeed &+ 6)) }
                        // Flowers in the meadow.
                        if v0 > horizon + 4 * mm, lattice(Int(u0 / (2 * mm)), Int(v0 / (2 * mm)), bgSeed &+ 7) < 0.07 { pic = (236, 210, 90) }
                        let bevel = 1 - 0.12 * (1 - smooth(p.edge / (0.9 * mm)))
                        c = times(pic, bevel * (0.98 + 0.04 * lattice(p.i, p.j, bgSeed &+ 8)))
                        if p.edge < 0.22 * mm { c = times(c, 0.45) }   // the gap between pieces
                    }
                    put(y * W + x, c)
                }
            }
        case .comicPage:
            // An open comic book's white page: panels in rows (thick black borders, white
            // gutters), flat pastel fills with halftone dots, simple round shapes, speech balloons
            // (white ovals with a black outline, a tail and lettering) and pale yellow captions.
            let paper = (244 - 4 * rng.unit(), 242 - 4 * rng.unit(), 234 - 6 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.2, ca = cos(a), sa = sin(a)
            let rowH = (55 + 12 * rng.unit()) * mm, gutter = 3.5 * mm
            let offV = rng.unit() * rowH, margin = 8 * mm
            let pageSeed = rng.next()
            let fills: [(Double, Double, Double)] = [(250, 214, 196), (196, 222, 246), (250, 236, 170), (206, 236, 200), (236, 206, 236)]
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (u, v0) = frameTurn(px, py, ca, sa)
                    let v = v0 + offV
                    var c = paper
                    let (row, rv) = cellOf(v, rowH)
                    // Each row split into 2–3 panels at its own places.
                    let n = 2 + Int(lattice(row, 0, pageSeed) * 2)
                    let inner = uMax - 2 * margin
                    var cuts: [Double] = [0]
                    for k in 1..<n { cuts.append(inner * (Double(k) / Double(n) + 0.12 * (lattice(row, k, pageSeed) - 0.5))) }
                    cuts.append(inner)
                    let uu = u - margin
                    if uu > 0, uu < inner, rv > gutter / 2, rv < rowH - gutter / 2 {
                        var k = 0
                        while k + 1 < cuts.count, uu >= cuts[k + 1] { k += 1 }
                        let l = cuts[k] + (k > 0 ? gutter / 2 : 0), r = cuts[k + 1] - (k + 1 < n ? gutter / 2 : 0)
                        if uu > l, uu < r {
                            let lu = uu - l, lv = rv - gutter / 2, pw = r - l, ph = rowH - gutter
                            let border = min(min(lu, pw - lu), min(lv, ph - lv))
                            let ps = pageSeed &+ UInt64(row &* 5 &+ k)
                            let fill = fills[Int(lattice(row, k, pageSeed &+ 1) * 5) % 5]
                            // Halftone dots over the fill.
                            let (_, du) = cellOf(lu + lv * 0.5, 1.1 * mm), (_, dv) = cellOf(lv - lu * 0.5, 1.1 * mm)
                            let dd = ((du - 0.55 * mm) * (du - 0.55 * mm) + (dv - 0.55 * mm) * (dv - 0.55 * mm)).squareRoot()
                            c = dd < 0.3 * mm ? times(fill, 0.85) : fill
                            // A figure: a round head and a body, outlined.
                            let fx = pw * (0.25 + 0.5 * lattice(row, k, pageSeed &+ 2)), fy = ph * 0.55
                            let hr = min(pw, ph) * 0.16
                            let hd = ((lu - fx) * (lu - fx) + (lv - fy) * (lv - fy)).squareRoot()
                            let bodyU = abs(lu - fx), bodyV = lv - (fy + hr)
                            if hd < hr { c = (246, 214, 186) }
                            if bodyV > 0, bodyU < hr * 1.3 - bodyV * 0.2 { c = times(fill, 0.6) }
                            if abs(hd - hr) < 0.35 * mm || (bodyV > 0 && abs(bodyU - (hr * 1.3 - bodyV * 0.2)) < 0.35 * mm) { c = (20, 20, 24) }
                            // A speech balloon near the top with lettering, and a tail.
                            let bx = pw * (0.3 + 0.4 * lattice(row, k, pageSeed &+ 3)), by = ph * 0.2
                            let brx = min(pw * 0.3, 28 * mm), bry = min(ph * 0.15, 9 * mm)
                            let be = pow((lu - bx) / brx, 2) + pow((lv - by) / bry, 2)
                            let tail = lv > by + bry * 0.7 && lv < by + bry * 1.8 && abs(lu - (bx - brx * 0.3) + (lv - by - bry) * 0.6) < 2.2 * mm * (by + bry * 1.8 - lv) / (bry * 1.1)
                            if be < 1 || tail {
                                c = (252, 252, 250)
                                if be < 0.55 { c = mix(c, (20, 20, 24), h11TextInk(lu - (bx - brx * 0.6), lv - (by - bry * 0.45), lineH: 2.8 * mm, charW: 1.5 * mm,
                                                                                   maxChars: Int(brx * 1.2 / (1.5 * mm)), justified: true, fill: 0.6, seed: ps)) }
                            }
                            if abs(be - 1) < 0.05 * 12 * mm / max(brx, 1), !tail { c = (20, 20, 24) }
                            // A caption box in the top-left corner.
                            if lu < min(pw * 0.45, 38 * mm), lv < 7 * mm {
                                c = (250, 236, 150)
                                c = mix(c, (20, 20, 24), h11TextInk(lu - 1.5 * mm, lv - 1.5 * mm, lineH: 2.6 * mm, charW: 1.4 * mm, maxChars: 22, justified: false, fill: 0.55, seed: ps &+ 1))
                                if abs(lv - 7 * mm) < 0.3 * mm || abs(lu - min(pw * 0.45, 38 * mm)) < 0.3 * mm { c = (20, 20, 24) }
                            }
                            if border < 0.6 * mm { c = (18, 18, 22) }   // the panel's border
                        }
                    }
                    put(y * W + x, times(c, 0.98 + 0.03 * valueNoise(px, py, cell: 40 * mm, seed: bgSeed)))
                }
            }
        case .paintSwatches:
            // Paint-colour swatch cards fanned out on a white table: long white cards, each with
            // five chips of one hue from pale to deep, thin white lines between them, a small
            // printed name under each chip; a soft shadow under each card.
            let table = (238 + 8 * rng.unit(), 236 + 8 * rng.unit(), 232 + 8 * rng.unit())
            let pivotU = uMax * (0.3 + 0.4 * rng.unit()), pivotV = vMax * (0.85 + 0.4 * rng.unit())
            let start = -1.1 + 0.3 * rng.unit(), step = 0.19 + 0.06 * rng.unit()
            let cardW = 48 * mm, cardL = max(uMax, vMax) * 1.1
            let hues: [(Double, Double, Double)] = [(96, 140, 190), (200, 120, 90), (120, 170, 110), (210, 180, 70), (150, 110, 170), (90, 160, 160),
                                                    (200, 110, 140), (160, 140, 110), (110, 120, 190), (220, 150, 60), (120, 150, 90), (190, 90, 90)]
            let hueOff = Int(rng.next() % 12)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var c = times(table, 0.98 + 0.02 * valueNoise(px, py, cell: 50 * mm, seed: bgSeed))
                    let dx = px - pivotU, dy = py - pivotV
                    for k in 0..<12 {
                        let ang = start + Double(k) * step
                        let ux = sin(ang), uy = -cos(ang)   // along the card, away from the pivot
                        let along = dx * ux + dy * uy, across = dx * (-uy) + dy * ux
                        // The shadow of this card on what lies under it.
                        let sd = max(abs(across - 1.2 * mm) - cardW / 2, -along, along - cardL)
                        if sd > 0, sd < 3 * mm { c = times(c, 1 - 0.12 * (1 - sd / (3 * mm))) }
                        guard abs(across) < cardW / 2, along > 0, along < cardL else { continue }
                        c = (248, 248, 246)
                        let hue = hues[(k + hueOff) % 12]
                        let chipL = 30 * mm, chipU = along - 14 * mm
                        if chipU > 0, abs(across) < cardW / 2 - 3 * mm {
                            let (ci, cu) = cellOf(chipU, chipL)
                            let tint = clamp01(0.18 + 0.17 * Double(ci % 6))
                            if cu < chipL - 7 * mm {
                                c = mix((246, 244, 238), hue, tint)
                            } else if cu > chipL - 5.5 * mm, cu < chipL - 2.5 * mm {
                                c = mix(c, (80, 80, 84), 0.85 * h11TextInk(across + cardW / 2 - 3 * mm, cu - (chipL - 5.5 * mm), lineH: 3 * mm, charW: 1.2 * mm,
                                                                          maxChars: 14, justified: false, fill: 0.5, seed: bgSeed &+ UInt64(k &* 40 &+ ci)))
                            }
                        }
                        if abs(abs(across) - cardW / 2) < 0.25 * mm { c = times(c, 0.9) }   // the card's cut edge
                    }
                    put(y * W + x, c)
                }
            }
        case .orientedStrandBoard:
            // Oriented strand board (OSB): large flat wood strands pressed together, mostly along
            // one direction, pale straw to honey brown, each its own tone and grain, dark gaps and
            // pits between them.
            let a = rng.unit() * 3.1416
            let base = (206 + 14 * rng.unit(), 170 + 12 * rng.unit(), 118 + 12 * rng.unit())
            let cell = 30 * mm, reach = 28 * mm
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let gx = Int((px / cell).rounded(.down)), gy = Int((py / cell).rounded(.down))
                    var best = -1.0, tone = 0.0, grain = 0.0, edgeD = 0.0
                    // Four strands start in each cell; the highest one over the point shows.
                    for j in (gy - 1)...(gy + 1) {
                        for i in (gx - 1)...(gx + 1) {
                            for k in 0..<4 {
                                let sd = bgSeed &+ UInt64(k) &* 101, jk = j &* 4 &+ k
                                let z = lattice(i &* 4 &+ k, j, sd)   // the strand's height in the stack
                                guard z > best else { continue }
                                let cx = (Double(i) + lattice(i, jk, sd &+ 1)) * cell, cy = (Double(j) + lattice(i, jk, sd &+ 2)) * cell
                                let dx = px - cx, dy = py - cy
                                guard abs(dx) < reach, abs(dy) < reach else { continue }
                                let sa = a + (lattice(i, jk, sd &+ 3) - 0.5) * 0.9
                                let hl = (10 + 16 * lattice(i, jk, sd &+ 4)) * mm, hw = (3 + 6 * lattice(i, jk, sd &+ 5)) * mm
                                let along = dx * cos(sa) + dy * sin(sa), acr = -dx * sin(sa) + dy * cos(sa)
                                guard abs(along) < hl, abs(acr) < hw else { continue }
                                // Ragged ends and sides.
                                let rag = 1.5 * mm * valueNoise(along, acr, cell: 2 * mm, seed: sd &+ 6)
                                let e = min(hl - abs(along) - rag, hw - abs(acr) - rag * 0.5)
                                if e > 0 { best = z; tone = lattice(i, jk, sd &+ 7); grain = sin((acr + 0.6 * mm * sin(along / (6 * mm))) / (0.35 * mm)); edgeD = e }
                            }
                        }
                    }
                    var c: (Double, Double, Double)
                    if best < 0 {
                        c = times(base, 0.45)   // a pit between strands
                    } else {
                        c = times(mix(base, (170, 120, 70), tone * 0.7), 0.93 + 0.05 * grain + 0.04 * lattice(x, y, bgSeed))
                        if edgeD < 0.4 * mm { c = times(c, 0.75) }   // the strand's edge casting a thin shadow
                    }
                    put(y * W + x, c)
                }
            }
        case .carbonFibre:
            // Carbon fibre (a phone case or a car's trim): a dark 2 × 2 twill weave of flat tows,
            // each tow's fibres catching the light by its direction, under a glossy clear coat with
            // a broad soft reflection.
            let a = rng.unit() * 3.1416, ca = cos(a), sa = sin(a)
            let tow = (2.6 + 1.2 * rng.unit()) * mm
            let sheenA = rng.unit() * 6.28, sheenP = rng.unit() - 0.5
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    let (i, fu) = cellOf(u, tow), (j, fv) = cellOf(v, tow)
                    let horizontal = ((i + j) % 4 + 4) % 4 < 2
                    let acr = horizontal ? fv / tow : fu / tow
                    let along = horizontal ? u : v
                    let round = 1 - 4 * (acr - 0.5) * (acr - 0.5)   // the tow's crown
                    let fibres = 0.5 + 0.5 * sin((horizontal ? v : u) / (0.12 * mm) + 3 * lattice(horizontal ? j : i, 0, bgSeed))
                    var l = horizontal ? 58.0 : 34.0
                    l *= 0.8 + 0.3 * round + 0.06 * fibres
                    l *= 0.96 + 0.04 * sin(along / (tow * 2) * .pi)
                    if min(acr, 1 - acr) < 0.06 { l *= 0.6 }   // between tows
                    // The clear coat's broad reflection.
                    let t = (px / uMax - 0.5) * cos(sheenA) + (py / vMax - 0.5) * sin(sheenA) - sheenP * 0.5
                    l += 40 * exp(-t * t / 0.03)
                    put(y * W + x, (l * 0.98, l, l * 1.05))
                }
            }
        case .hessianSack:
            // A hessian (jute) sack: a coarse, open plain weave of hairy, uneven brown threads, the
            // dark inside showing through the gaps, stray fibres, and a seam sewn with thick twine
            // where two pieces meet.
            let jute = (156 + 16 * rng.unit(), 122 + 12 * rng.unit(), 78 + 10 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.5, ca = cos(a), sa = sin(a)
            let pitch = (1.8 + 0.6 * rng.unit()) * mm
            let seamV = vMax * (0.2 + 0.6 * rng.unit())
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (u, v) = frameTurn(px, py, ca, sa)
                    // Threads wander a little and vary in thickness.
                    let wu = u + 0.35 * pitch * (valueNoise(u, v, cell: 9 * mm, seed: bgSeed) - 0.5)
                    let wv = v + 0.35 * pitch * (valueNoise(u, v, cell: 9 * mm, seed: bgSeed &+ 1) - 0.5)
                    let (i, fu) = cellOf(wu, pitch), (j, fv) = cellOf(wv, pitch)
                    let warpW = pitch * (0.62 + 0.25 * lattice(i, 0, bgSeed &+ 2)), weftW = pitch * (0.6 + 0.25 * lattice(0, j, bgSeed &+ 3))
                    let inWarp = abs(fu - pitch / 2) < warpW / 2, inWeft = abs(fv - pitch / 2) < weftW / 2
                    var c = times(jute, 0.22)   // the dark inside through the gaps
                    let warpOnTop = (i + j) % 2 == 0
                    if inWarp || inWeft {
                        let onWarp = inWarp && (!inWeft || warpOnTop)
                        let acr = onWarp ? (fu - pitch / 2) / (warpW / 2) : (fv - pitch / 2) / (weftW / 2)
                        let alongT = onWarp ? fv / pitch : fu / pitch
                        let dip = 0.85 + 0.15 * sin(alongT * .pi)   // the thread dives under its crossing one
                        let hair = 0.9 + 0.2 * valueNoise(onWarp ? u * 4 : u, onWarp ? v : v * 4, cell: 0.5 * mm, seed: bgSeed &+ 4)
                        c = times(jute, (0.75 + 0.3 * (1 - acr * acr)) * dip * hair * (0.9 + 0.2 * lattice(onWarp ? i : j, onWarp ? 1 : 2, bgSeed &+ 5)))
                    }
                    // Stray fibres: thin pale curves.
                    let fib = valueNoise(u * 0.2, v * 0.2, cell: 3 * mm, seed: bgSeed &+ 6)
                    if abs(fib - 0.5) < 0.006 { c = mix(c, (200, 170, 120), 0.6) }
                    // The seam: a raised ridge with thick twine stitches across it.
                    let sv = v - seamV
                    if abs(sv) < 5 * mm {
                        c = times(c, 0.8 + 0.3 * (1 - abs(sv) / (5 * mm)))
                        let (_, su) = cellOf(u + sv * 0.4, 7 * mm)
                        if abs(sv) < 3.5 * mm, abs(su - 3.5 * mm) < 0.9 * mm { c = times((214, 196, 150), 0.85 + 0.2 * (1 - abs(su - 3.5 * mm) / (0.9 * mm))) }
                    }
                    put(y * W + x, c)
                }
            }
        case .courtFloor:
            // A sports hall's floor: light varnished maple strips (57 mm wide, staggered end
            // joints, fine grain) with broad painted court lines — straight, in two or three
            // colours, at angles of their own, and one arc — and the varnish's soft sheen.
            let maple = (222 + 10 * rng.unit(), 186 + 12 * rng.unit(), 136 + 12 * rng.unit())
            let a = rng.unit() * 3.1416, ca = cos(a), sa = sin(a)
            let strip = 57 * mm
            let paints: [(Double, Double, Double)] = [(196, 48, 44), (40, 90, 170), (236, 196, 40), (245, 245, 240), (40, 140, 80)]
            var lines: [(nx: Double, ny: Double, d: Double, w: Double, c: (Double, Double, Double))] = []
            for k in 0..<3 {
                let la = rng.unit() * 3.1416
                lines.append((cos(la), sin(la), (0.2 + 0.6 * rng.unit()) * max(uMax, vMax) * (k == 0 ? 0.8 : 1), 50 * mm, paints[Int(rng.next() % 5)]))
            }
            let arcU = uMax * rng.unit(), arcV = vMax * rng.unit(), arcR = (150 + 150 * rng.unit()) * mm, arcC = paints[Int(rng.next() % 5)]
            let sheenA = rng.unit() * 6.28
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    let (j, fv) = cellOf(v, strip)
                    let (i, fu) = cellOf(u + lattice(j, 0, bgSeed) * 900 * mm, (400 + 500 * lattice(j, 1, bgSeed)) * mm)
                    var c = times(maple, 0.9 + 0.12 * lattice(i, j, bgSeed &+ 1))
                    c = times(c, 0.96 + 0.05 * sin((fv + 2 * mm * sin(u / (40 * mm) + Double(i))) / (0.9 * mm)) * valueNoise(u, v, cell: 8 * mm, seed: bgSeed &+ 2))
                    if fv < 0.3 * mm || fu < 0.3 * mm { c = times(c, 0.75) }   // the joints
                    for l in lines {
                        let d = px * l.nx + py * l.ny - l.d
                        let cover = clamp01((l.w / 2 - abs(d)) / aa + 0.5)
                        if cover > 0 { c = mix(c, times(l.c, 0.94 + 0.06 * lattice(x / 3, y / 3, bgSeed &+ 3)), 0.92 * cover) }
                    }
                    let rd = ((px - arcU) * (px - arcU) + (py - arcV) * (py - arcV)).squareRoot() - arcR
                    let ac = clamp01((25 * mm - abs(rd)) / aa + 0.5)
                    if ac > 0 { c = mix(c, arcC, 0.92 * ac) }
                    let t = (px / uMax - 0.5) * cos(sheenA) + (py / vMax - 0.5) * sin(sheenA)
                    c = mix(c, (252, 250, 244), 0.12 * exp(-t * t / 0.05))
                    put(y * W + x, c)
                }
            }
        case .greyscaleFlatbed:
            // An office multifunction printer's lid: light grey foam with a faint open-cell texture
            // (the scan's tone curve, `greyscaleScan`, lifts it to luma 205–225 and makes the
            // whole image grey afterwards).
            let grey = 196 + 12 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let pores = valueNoise(px, py, cell: 1.2, seed: bgSeed)
                    let v = grey * (0.99 + 0.02 * valueNoise(px, py, cell: 120, seed: bgSeed &+ 1)) - 5 * smooth((0.3 - pores) / 0.15)
                        + 1.5 * (lattice(x / 2, y / 2, bgSeed &+ 2) - 0.5)
                    put(y * W + x, (v, v, v))
                }
            }
        default: break
        }
    }

    // MARK: - Light: the plastic sleeve, the greyscale scan

    /// The sleeve's diagonal sheen (0–1) at image point (x, y): a soft band across the frame.
    static func h15SheenBand(_ sl: IDScanSyntheticScene.PhotoSleeve, _ s: IDScanSyntheticScene, _ x: Double, _ y: Double) -> Double {
        let cw = s.cardWidthFraction * Double(s.width)
        let dx = x - s.centerX * Double(s.width), dy = y - s.centerY * Double(s.height)
        let t = (dx * cos(sl.sheenAngle) + dy * sin(sl.sheenAngle)) / cw - sl.sheenOffset
        return exp(-t * t / (2 * sl.sheenWidth * sl.sheenWidth))
    }

    /// A soft knee keeping the sleeve's sheen under 245: values over 226 compressed towards 244.
    static func h15SheenKnee(_ v: Double) -> Double { v <= 226 ? v : 226 + 18 * (1 - exp(-(v - 226) / 18)) }

    /// The greyscale scan's tone curve: the scanner's gamma lift, then a soft shoulder keeping the
    /// light areas under 235.
    static func h15ScanCurve(_ v: Double, _ gamma: Double) -> Double {
        let lifted = 255 * pow(clamp01(v / 255), gamma)
        return lifted <= 214 ? lifted : 214 + 20 * (1 - exp(-(lifted - 214) / 20))
    }

    /// The holdout15 light, after the card is drawn: a clear plastic sleeve round the card (inside
    /// it a haze — contrast × (1 − `haze`), black lifted to `black` — its edge `marginMM` outside
    /// the card a faint line, and a soft diagonal sheen band of `sheen` levels kept under 245),
    /// and the greyscale scan's tone curve (gamma lift and shoulder). No effect without them.
    static func applyHoldout15Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        if let sl = s.photoSleeve, s.hasCard {
            let q = cardQuad(s)
            let pxPerMM = s.cardWidthFraction * Double(W) / 85.6
            let margin = sl.marginMM * pxPerMM
            for y in 0..<H {
                for x in 0..<W {
                    let fx = Double(x) + 0.5, fy = Double(y) + 0.5
                    let d = h13Outside(q, fx, fy).d - margin   // < 0 inside the sleeve
                    guard d < 2 else { continue }
                    let i = y * W + x
                    let inside = clamp01(0.5 - d)
                    let band = h15SheenBand(sl, s, fx, fy)
                    for c in 0..<3 {
                        let v = bg[c][i]
                        var h = sl.black + v * (1 - sl.haze)
                        h += sl.sheen * band
                        h = h15SheenKnee(h)
                        if abs(d + 1) < 1.3 { h *= 0.9 }   // the sleeve's welded edge: a faint darker line
                        bg[c][i] = v + (h - v) * inside
                    }
                }
            }
        }
        if let g = s.greyscaleScan {
            for c in 0..<3 { bg[c] = bg[c].map { h15ScanCurve($0, g.gamma) } }
        }
    }

    /// The greyscale scan, after the noise: every pixel's luma in all three channels. No effect without it.
    static func applyHoldout15Greyscale(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        guard s.greyscaleScan != nil else { return }
        let n = planes.width * planes.height
        for i in 0..<n {
            let l = (299 * Int(planes.channels[0][i]) + 587 * Int(planes.channels[1][i]) + 114 * Int(planes.channels[2][i]) + 500) / 1000
            let v = UInt8(min(max(l, 0), 255))
            planes.channels[0][i] = v; planes.channels[1][i] = v; planes.channels[2][i] = v
        }
    }

    // MARK: - The thumb over a short edge

    /// The holdout15 thumb's reach over the card (the fraction of the card's width its tip covers
    /// from the edge it is on), whether it is on a short edge (1 right, 3 left), whether the card's
    /// other three edges and its four corners are free of it (sampled every 0.25 mm along them), and
    /// whether it leaves the printed content clear; for tests.
    public static func holdout15ThumbCheck(_ s: IDScanSyntheticScene) -> (reach: Double, shortEdge: Bool, othersFree: Bool, clear: Bool) {
        guard let t = s.thumb else { return (0, false, true, true) }
        let cw = 85.6, ch = 53.98
        var reach = 0.0
        for Y in stride(from: 0.0, through: ch, by: 0.25) {
            for X in stride(from: 0.0, through: cw / 2, by: 0.05) {
                let x = t.edge == 1 ? cw - X : X
                if holdout11ThumbShape(t, x, Y).cover > 0.5 { reach = max(reach, X) }
            }
        }
        var free = true
        let others: [[(Double, Double)]] = [
            stride(from: 0.0, through: cw, by: 0.25).map { ($0, 0) }, stride(from: 0.0, through: cw, by: 0.25).map { ($0, ch) },
            stride(from: 0.0, through: ch, by: 0.25).map { (t.edge == 1 ? 0 : cw, $0) },
            [(0, 0), (cw, 0), (cw, ch), (0, ch)],
        ]
        for edge in others { for (X, Y) in edge where holdout11ThumbShape(t, X, Y).cover > 0 { free = false } }
        return (reach / cw, t.edge == 1 || t.edge == 3, free, holdout11ThumbClearOfContent(s))
    }
}

extension IDScanSyntheticScene {
    /// A clear plastic sleeve round the card on a phone photo: a haze (contrast × (1 − `haze`),
    /// black lifted to `black`), its edge `marginMM` mm outside the card's, and a soft diagonal
    /// sheen band (`sheen` levels at its middle, kept under 245) across the frame at `sheenAngle`,
    /// `sheenOffset` card widths from the card's centre, `sheenWidth` card widths wide (σ).
    public struct PhotoSleeve: Sendable, Hashable {
        public var haze: Double, black: Double, marginMM: Double, sheen: Double, sheenAngle: Double, sheenOffset: Double, sheenWidth: Double
        public init(haze: Double, black: Double, marginMM: Double, sheen: Double, sheenAngle: Double, sheenOffset: Double, sheenWidth: Double) {
            self.haze = haze; self.black = black; self.marginMM = marginMM; self.sheen = sheen
            self.sheenAngle = sheenAngle; self.sheenOffset = sheenOffset; self.sheenWidth = sheenWidth
        }
    }

    /// An office multifunction printer's greyscale scan: the scanner's gamma lift (`gamma` < 1)
    /// under a shoulder keeping light areas under 235, then every pixel grey (R = G = B).
    public struct GreyscaleScan: Sendable, Hashable {
        public var gamma: Double
        public init(gamma: Double) { self.gamma = gamma }
    }
}
