import Foundation
import IDScan

// The `holdout14` part's scene painters and light: nine phone-photo backgrounds, a phone
// document-scanner app's page, and the new kinds of light and pose (a phone's night mode, luma
// noise and coarse chroma blotches then the phone's denoise; a fluorescent tube's green-cyan cast
// with the luma kept; strong vignetting with the middle nearly untouched; a phone's HDR, local
// tone mapping with a soft halo along the card's outline). Kept apart from the older painters
// (which must keep painting byte-identical images); every new scene field defaults to "no
// effect", and none of the new code draws from the scene's random stream unless the scene uses
// a holdout14 background.

extension IDScanSyntheticCard {
    /// Paints a holdout14 background into the planes (any other background: no effect). `scale`
    /// keeps a texture's look at any image size (1000 / the image's long side); sizes in mm
    /// follow the card (85.6 mm wide).
    static func paintHoldout14Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                         _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        let uMax = Double(W) * scale, vMax = Double(H) * scale
        let mm = max(s.cardWidthFraction * Double(W) * scale / 85.6, 0.5)   // texture units per mm
        /// (px, py) turned about the frame's centre by the angle with cosine `ca` and sine `sa`,
        /// back in frame units (0…uMax, 0…vMax when unturned).
        func frameTurn(_ px: Double, _ py: Double, _ ca: Double, _ sa: Double) -> (Double, Double) {
            let dx = px - uMax / 2, dy = py - vMax / 2
            return (dx * ca + dy * sa + uMax / 2, -dx * sa + dy * ca + vMax / 2)
        }
        switch s.background {
        case .bankStatement:
            // A white statement page: the bank's logo block and name, a grey header row, rows of
            // date, description and amount under thin rules, a boxed total near the bottom.
            let brands: [(Double, Double, Double)] = [(0, 84, 166), (196, 28, 44), (0, 122, 84), (226, 112, 0)]
            let brand = brands[Int(rng.next() % 4)]
            let paper = (247 - 4 * rng.unit(), 247 - 4 * rng.unit(), 245 - 5 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.1, ca = cos(a), sa = sin(a)
            let left = (5 + 5 * rng.unit()) * mm, top = (4 + 6 * rng.unit()) * mm
            let rowH = 5.2 * mm, headerV = 24 * mm
            let tableW = uMax - left - 6 * mm
            let totalV = max(headerV + 8 * rowH, vMax - top - 20 * mm)
            let rows = Int(((totalV - headerV) / rowH).rounded(.down)) - 1
            let tableEnd = headerV + rowH * Double(rows + 1)
            let doc = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let (tu, tv) = frameTurn((Double(x) + 0.5) * scale, (Double(y) + 0.5) * scale, ca, sa)
                    let u = tu - left, v = tv - top
                    var c = times(paper, 0.99 + 0.015 * lattice(x / 2, y / 2, bgSeed))
                    let ink = (36.0, 38.0, 44.0)
                    if u >= 0, u < 16 * mm, v >= 0, v < 12 * mm {
                        // The logo block: the brand's colour, a white ring mark.
                        c = brand
                        let dx = u - 8 * mm, dy = v - 6 * mm, r = (dx * dx + dy * dy).squareRoot()
                        if abs(r - 3.4 * mm) < 0.8 * mm { c = (250, 250, 250) }
                    } else if v >= 0, v < 12 * mm, u > 19 * mm {
                        c = mix(c, brand, h11TextInk(u - 19 * mm, v - 1 * mm, lineH: 10 * mm, charW: 3.6 * mm, maxChars: 9, justified: true, fill: 0.6, seed: doc))
                        if u > tableW - 48 * mm, u < tableW {
                            c = mix(c, (110, 110, 118), h11TextInk(u - (tableW - 48 * mm), v, lineH: 3.6 * mm, charW: 1.4 * mm, maxChars: 30, justified: false, fill: 0.55, seed: doc &+ 1))
                        }
                    } else if u >= 0, u < tableW, v >= headerV, v < tableEnd {
                        let (row, rv) = cellOf(v - headerV, rowH)
                        let descU = 21 * mm, amountU = tableW - 24 * mm
                        let seedR = doc &+ UInt64(row) &* 31
                        if row == 0 {
                            c = (226, 228, 232)
                            if u < 16 * mm { c = mix(c, brand, h11TextInk(u, rv, lineH: rowH, charW: 1.6 * mm, maxChars: 5, justified: true, fill: 0.5, seed: seedR)) }
                            if u > descU, u < descU + 40 * mm { c = mix(c, brand, h11TextInk(u - descU, rv, lineH: rowH, charW: 1.6 * mm, maxChars: 11, justified: true, fill: 0.5, seed: seedR &+ 1)) }
                            if u > amountU { c = mix(c, brand, h11TextInk(u - amountU, rv, lineH: rowH, charW: 1.6 * mm, maxChars: 6, justified: true, fill: 0.5, seed: seedR &+ 2)) }
                        } else {
                            if u < 16 * mm { c = mix(c, ink, h11TextInk(u, rv, lineH: rowH, charW: 1.5 * mm, maxChars: 10, justified: true, fill: 0.45, seed: seedR)) }
                            if u > descU, u < amountU - 6 * mm {
                                c = mix(c, ink, h11TextInk(u - descU, rv, lineH: rowH, charW: 1.5 * mm, maxChars: Int((amountU - 6 * mm - descU) / (1.5 * mm)), justified: false, fill: 0.45, seed: seedR &+ 1))
                            }
                            // The amount, right-aligned: 5 to 9 characters ending at the table's edge.
                            let len = 5 + Int(lattice(row, 2, doc) * 5)
                            let start = tableW - 2 * mm - Double(len) * 1.5 * mm
                            if u > start, u < tableW - 2 * mm { c = mix(c, ink, h11TextInk(u - start, rv, lineH: rowH, charW: 1.5 * mm, maxChars: len, justified: true, fill: 0.45, seed: seedR &+ 2)) }
                        }
                        if rv > rowH - 0.18 * mm { c = (178, 180, 186) }   // the thin rule under each row
                    } else if u > tableW - 60 * mm, u < tableW, v > totalV, v < totalV + 12 * mm {
                        // The total box: a dark border, "TOTAL" and the sum in bold.
                        let bu = u - (tableW - 60 * mm), bv = v - totalV
                        if bu < 0.5 * mm || bu > 59.5 * mm || bv < 0.5 * mm || bv > 11.5 * mm { c = ink } else {
                            c = (238, 240, 244)
                            if bu > 3 * mm, bu < 22 * mm { c = mix(c, ink, h11TextInk(bu - 3 * mm, bv - 2 * mm, lineH: 8 * mm, charW: 2.6 * mm, maxChars: 5, justified: true, fill: 0.6, seed: doc &+ 3)) }
                            if bu > 30 * mm, bu < 57 * mm { c = mix(c, ink, h11TextInk(bu - 30 * mm, bv - 2 * mm, lineH: 8 * mm, charW: 2.6 * mm, maxChars: 10, justified: true, fill: 0.6, seed: doc &+ 4)) }
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .leatherWallet:
            // An open tan wallet from above: grained leather, the central fold, on each half rows of
            // stitched slots, each showing the top strip of a plastic card; a dark table round it.
            let tan = (178 + 16 * rng.unit(), 118 + 12 * rng.unit(), 70 + 10 * rng.unit())
            let table = (46 + 10 * rng.unit(), 40 + 8 * rng.unit(), 38 + 8 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.12, ca = cos(a), sa = sin(a)
            let halfW = 100 * mm, wallH = 92 * mm
            let foldU = uMax / 2 + (rng.unit() - 0.5) * 20 * mm
            let topV = vMax / 2 - wallH / 2 + (rng.unit() - 0.5) * 10 * mm
            let cards: [(Double, Double, Double)] = [(170, 200, 232), (244, 244, 240), (214, 180, 90), (150, 184, 220), (236, 236, 230)]
            let slotPitch = 13 * mm, cardStrip = 5.5 * mm, firstSlot = 18 * mm
            let thread = (226, 204, 160) as (Double, Double, Double)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (u, v0) = frameTurn(px, py, ca, sa)
                    let v = v0 - topV, du = u - foldU
                    var c = times(table, 0.92 + 0.1 * valueNoise(px, py, cell: 6 * mm, seed: bgSeed &+ 9))
                    if abs(du) < halfW, v >= 0, v < wallH {
                        // The leather: grain (fine pores and creases), darker towards the fold.
                        let grain = 0.93 + 0.07 * valueNoise(px, py, cell: 0.7 * mm, seed: bgSeed) - 0.05 * (lattice(x / 2, y / 2, bgSeed &+ 1) < 0.08 ? 1 : 0)
                        c = times(tan, grain * (0.86 + 0.14 * smooth(abs(du) / (8 * mm))))
                        let side = du < 0 ? 0 : 1
                        let su = abs(du) - 6 * mm   // from the fold's side of the slots
                        let slotEnd = halfW - 7 * mm
                        if su > 0, su < slotEnd - 6 * mm, v > firstSlot - cardStrip {
                            let k = Int(((v - firstSlot + cardStrip) / slotPitch).rounded(.down)), kv = v - firstSlot - Double(k) * slotPitch
                            if k >= 0, k < 5 {
                                // kv < 0: the top strip of the card in slot k; kv ≥ 0: slot k's front leather.
                                if kv < 0 {
                                    let cc = cards[(k + side * 2 + Int(bgSeed % 3)) % cards.count]
                                    let inset = 2.5 * mm, cu = su - inset, cw = slotEnd - 6 * mm - 2 * inset
                                    let rounded = min(cu, cw - cu) < 1.5 * mm ? (1.5 * mm - min(cu, cw - cu)) : 0
                                    if cu > 0, cu < cw, -kv - rounded * 0.6 < cardStrip - 0.3 * mm {
                                        c = times(cc, 0.96 + 0.05 * valueNoise(px, py, cell: 4 * mm, seed: bgSeed &+ UInt64(k)))
                                        if -kv > cardStrip - 1.1 * mm { c = times(cc, 1.02) }   // the card's lit top edge
                                        if kv > -0.6 * mm { c = times(c, 0.75) }                // the slot's shadow on the card
                                    } else {
                                        c = times(c, 0.7)   // the pocket's dark inside
                                    }
                                } else {
                                    if kv < 0.7 * mm { c = times(c, 1.12) }   // the slot's turned, lighter edge
                                    // Stitching 1.6 mm under the slot's edge.
                                    let (_, sd) = cellOf(su, 2.6 * mm)
                                    if abs(kv - 1.6 * mm) < 0.32 * mm, sd < 1.7 * mm { c = thread }
                                }
                            }
                        }
                        // Stitching round each half's outer edge and the leather's cut edge.
                        let edge = min(halfW - abs(du), v, wallH - v)
                        let along = abs(du) < halfW - 3 * mm ? u : v
                        let (_, ed) = cellOf(along, 2.6 * mm)
                        if abs(edge - 2.2 * mm) < 0.32 * mm, ed < 1.7 * mm { c = thread }
                        if edge < 0.6 * mm { c = times(tan, 0.55) }
                        if abs(du) < 0.5 * mm { c = times(tan, 0.5) }   // the fold's crease
                    } else {
                        // The wallet's soft shadow on the table.
                        let out = max(abs(du) - halfW, max(-v, v - wallH))
                        if out < 4 * mm { c = times(c, 0.7 + 0.3 * smooth(out / (4 * mm))) }
                    }
                    put(y * W + x, c)
                }
            }
        case .crayonDrawing:
            // A child's crayon drawing: waxy strokes whose colour catches only the paper's tooth
            // (streaky, along the stroke), a sun with rays, a house, grass, scribbles; blank paper.
            let paper = (248 - 4 * rng.unit(), 247 - 4 * rng.unit(), 242 - 6 * rng.unit())
            let flip = rng.unit() < 0.5
            let a = (rng.unit() - 0.5) * 0.1, ca = cos(a), sa = sin(a)
            let houseC = (0.74 + 0.1 * rng.unit(), 0.62 + 0.1 * rng.unit()), sunC = (0.13 + 0.05 * rng.unit(), 0.14 + 0.05 * rng.unit())
            let scribbleC = (0.2 + 0.15 * rng.unit(), 0.82 + 0.06 * rng.unit())
            let red = (214.0, 40.0, 36.0), yellow = (246.0, 196.0, 20.0), blue = (36.0, 70.0, 200.0), green = (40.0, 150.0, 50.0)
            let brown = (130.0, 70.0, 30.0), purple = (130.0, 50.0, 170.0), orange = (246.0, 120.0, 20.0)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var (u, v) = frameTurn(px, py, ca, sa)
                    if flip { u = uMax - u }
                    var c = times(paper, 0.99 + 0.015 * lattice(x / 2, y / 2, bgSeed))
                    // The paper's tooth: wax sticks to its peaks (fine noise), streaks along a stroke.
                    let tooth = lattice(x, y, bgSeed &+ 1)
                    func wax(_ col: (Double, Double, Double), _ cover: Double, _ dir: Double) {
                        guard cover > 0 else { return }
                        let streak = valueNoise(u * cos(dir) + v * sin(dir), (-u * sin(dir) + v * cos(dir)) * 8, cell: 0.9 * mm, seed: bgSeed &+ 2)
                        let t = cover * (0.45 + 0.55 * streak)
                        if tooth < 0.25 + 0.7 * t { c = mix(c, col, 0.88) }
                    }
                    // The sun: a filled disc of hatching, an orange outline, rays.
                    let sx = u - sunC.0 * uMax, sy = v - sunC.1 * vMax, sr = (sx * sx + sy * sy).squareRoot(), rad = 13 * mm
                    if sr < rad { wax(yellow, 0.35 + 0.35 * (sin((sx + sy) / (1.1 * mm)) > -0.2 ? 1 : 0), 0.8) }
                    if abs(sr - rad) < 1.1 * mm { wax(orange, 0.9, atan2(sy, sx) + 1.57) }
                    let ang = atan2(sy, sx), rayK = (ang / (2 * .pi) * 10).rounded(), rayA = rayK * 2 * .pi / 10
                    let across = abs(-sx * sin(rayA) + sy * cos(rayA))
                    if sr > rad + 3 * mm, sr < rad + 12 * mm, across < 0.9 * mm { wax(yellow, 0.95, rayA) }
                    // The house: a red wall of hatching with a dark outline, a brown roof, a blue door and window.
                    let hx = u - houseC.0 * uMax, hy = v - houseC.1 * vMax, hw = 44 * mm, hh = 34 * mm
                    if abs(hx) < hw / 2, hy > 0, hy < hh {
                        wax(red, 0.55 + 0.3 * (sin((hx - hy) / (1.3 * mm)) > 0 ? 1 : 0), -0.7)
                        if abs(hx - 8 * mm) < 5 * mm, hy > hh - 18 * mm { wax(blue, 0.95, 1.57) }
                        if abs(hx + 10 * mm) < 5 * mm, abs(hy - 11 * mm) < 5 * mm { wax(blue, 0.8, 0) }
                    }
                    if (abs(abs(hx) - hw / 2) < 1 * mm && hy > 0 && hy < hh) || (abs(hy - hh) < 1 * mm && abs(hx) < hw / 2) { wax(purple, 0.95, 0) }
                    let roofY = -(hw / 2 + 4 * mm - abs(hx)) * 0.75
                    if hy < 0, hy > roofY { wax(brown, 0.7, 0.4) }
                    if hy < 0, abs(hy - roofY) < 1.2 * mm, abs(hx) < hw / 2 + 4 * mm { wax(brown, 1, 0.6) }
                    // Grass: a green zigzag band along the bottom.
                    let gy = vMax * 0.94 - v
                    if gy > -3 * mm, gy < 6 * mm + 3 * mm * abs(sin(u / (2.5 * mm))) { wax(green, 0.7, 1.4) }
                    // Scribbles: a looping pen path (a trochoid) in purple and red.
                    let qx = u - scribbleC.0 * uMax, qy = v - scribbleC.1 * vMax
                    if abs(qx) < 30 * mm, abs(qy) < 14 * mm {
                        let t = qx / (4 * mm)
                        let yy = 9 * mm * sin(t * 1.3) * cos(t * 0.37)
                        if abs(qy - yy) < 0.9 * mm { wax(t.truncatingRemainder(dividingBy: 4) < 2 ? purple : red, 0.95, 0.3) }
                    }
                    put(y * W + x, c)
                }
            }
        case .postageEnvelope:
            // An envelope covered with stamps (perforated white edges, little pictures, a value),
            // wavy and round postmarks over them, a typed address label.
            let manila = rng.unit() < 0.5
            let paper = manila ? (222 + 8 * rng.unit(), 196 + 8 * rng.unit(), 140 + 10 * rng.unit()) : (244 - 4 * rng.unit(), 242 - 4 * rng.unit(), 236 - 4 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.12, ca = cos(a), sa = sin(a)
            let stampW = 22 * mm, stampH = 26 * mm, gap = 1.2 * mm
            let offU = rng.unit() * (stampW + gap)
            let stampRows = 1 + Int(rng.next() % 2)
            let labelV = vMax * (0.62 + 0.08 * rng.unit())
            let pics: [(Double, Double, Double)] = [(40, 90, 170), (190, 40, 60), (40, 130, 70), (120, 60, 150), (220, 140, 40)]
            let markPh = rng.unit() * 6.28, markV = 6 * mm + 10 * mm * rng.unit()
            let ink = (46.0, 44.0, 60.0)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (u, v) = frameTurn(px, py, ca, sa)
                    var c = times(paper, 0.98 + 0.03 * valueNoise(px, py, cell: 1.5 * mm, seed: bgSeed) + 0.015 * lattice(x / 2, y / 2, bgSeed &+ 1))
                    // The stamps: rows along the top, edge to edge.
                    let (col, cu) = cellOf(u + offU, stampW + gap), (row, cv) = cellOf(v - 4 * mm, stampH + gap)
                    if row >= 0, row < stampRows, cu < stampW, cv < stampH {
                        let sseed = bgSeed &+ UInt64(bitPattern: Int64(col &* 131 &+ row))
                        // Perforations: round bites out of the white edge every 1.8 mm.
                        let (_, pu) = cellOf(cu, 1.8 * mm), (_, pv) = cellOf(cv, 1.8 * mm)
                        let du = pu - 0.9 * mm, dv = pv - 0.9 * mm
                        let bite = (cv < 0.6 * mm || cv > stampH - 0.6 * mm) && du * du + min(cv, stampH - cv) * min(cv, stampH - cv) < 0.5 * mm * mm * 0.8
                            || (cu < 0.6 * mm || cu > stampW - 0.6 * mm) && dv * dv + min(cu, stampW - cu) * min(cu, stampW - cu) < 0.5 * mm * mm * 0.8
                        if !bite {
                            c = (246, 245, 240)
                            let iu = cu - 2 * mm, iv = cv - 2 * mm, iw = stampW - 4 * mm, ih = stampH - 4 * mm
                            if iu > 0, iv > 0, iu < iw, iv < ih {
                                // A little picture: a tinted sky, a hill or a flower, the value in a corner.
                                let pc = pics[Int(lattice(col, row, sseed) * 5) % 5]
                                c = mix((250, 246, 236), pc, 0.3)
                                let hill = ih * (0.62 + 0.12 * sin(iu / (3 * mm) + lattice(col, 1, sseed) * 6))
                                if iv > hill { c = times(pc, 0.8) }
                                let fx = iu - iw * 0.5, fy = iv - ih * 0.38
                                if fx * fx + fy * fy < 16 * mm * mm { c = mix(pc, (250, 240, 200), 0.35) }
                                c = mix(c, (30, 30, 36), h11TextInk(iu - 1 * mm, iv - 0.5 * mm, lineH: 4 * mm, charW: 1.5 * mm, maxChars: 3, justified: true, fill: 0.7, seed: sseed &+ 1) * (iv < 4 * mm ? 1 : 0))
                            }
                        }
                    }
                    // The address label: white, four typed lines.
                    let lu = u - 10 * mm, lv = v - labelV
                    if lu > 0, lu < 62 * mm, lv > 0, lv < 26 * mm {
                        c = (250, 250, 248)
                        c = mix(c, (28, 28, 32), h11TextInk(lu - 4 * mm, lv - 3 * mm, lineH: 5 * mm, charW: 1.9 * mm, maxChars: 26, justified: false, fill: 0.5, seed: bgSeed &+ 5) * (lv < 23 * mm ? 1 : 0))
                    } else if lu > -0.8 * mm, lu < 63 * mm, lv > -0.8 * mm, lv < 27 * mm {
                        c = times(c, 0.85)   // the label's edge
                    }
                    // Postmarks: five wavy lines and a round mark, inked over stamps and paper.
                    let wv = v - markV
                    if wv > 0, wv < 16 * mm, u > uMax * 0.25 {
                        let (_, lvv) = cellOf(wv + 1.6 * mm * sin(u / (4 * mm) + markPh), 3.2 * mm)
                        if abs(lvv - 1.6 * mm) < 0.3 * mm, lattice(Int(u / (0.7 * mm)), 0, bgSeed &+ 6) > 0.15 { c = mix(c, ink, 0.75) }
                    }
                    let rx = u - uMax * 0.18, ry = v - (markV + 8 * mm), rr = (rx * rx + ry * ry).squareRoot()
                    if abs(rr - 11 * mm) < 0.35 * mm || abs(rr - 7.5 * mm) < 0.3 * mm { c = mix(c, ink, 0.75) }
                    if rr < 6.5 * mm { c = mix(c, ink, 0.75 * h11TextInk(rx + 6 * mm, ry + 2.5 * mm, lineH: 5 * mm, charW: 1.7 * mm, maxChars: 7, justified: true, fill: 0.6, seed: bgSeed &+ 7)) }
                    put(y * W + x, c)
                }
            }
        case .embroideredCloth:
            // A white tablecloth: a fine weave, flowers embroidered in satin stitch (petals of parallel
            // threads catching the light), green leaves, knotted centres, a hem with running stitches.
            let cloth = (242 - 4 * rng.unit(), 240 - 4 * rng.unit(), 234 - 4 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.2, ca = cos(a), sa = sin(a)
            let pitch = 46 * mm, offU = rng.unit() * pitch, offV = rng.unit() * pitch
            let hemV = vMax * (0.06 + 0.05 * rng.unit())
            let petals: [(Double, Double, Double)] = [(214, 40, 90), (40, 90, 200), (240, 150, 20), (150, 50, 170), (220, 50, 40)]
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (u, v) = frameTurn(px, py, ca, sa)
                    let weave = 0.97 + 0.02 * sin(u / (0.18 * mm)) * sin(v / (0.18 * mm)) + 0.02 * valueNoise(px, py, cell: 10 * mm, seed: bgSeed)
                    var c = times(cloth, weave)
                    // The hem: a fold line with its shadow, a row of running stitches, a narrow band.
                    let hv = v - hemV
                    if hv < 0 { c = times(cloth, 0.95 * weave) }
                    if abs(hv) < 0.5 * mm { c = times(cloth, 0.8) }
                    let (_, st) = cellOf(u, 3 * mm)
                    if abs(hv - 4 * mm) < 0.3 * mm, st < 1.8 * mm { c = (120, 130, 170) }
                    // The flowers, one per cell of a jittered grid.
                    let (col, cu) = cellOf(u + offU, pitch), (row, cv) = cellOf(v + offV - hemV, pitch)
                    let fx = cu - pitch * (0.35 + 0.3 * lattice(col, row, bgSeed &+ 1)), fy = cv - pitch * (0.35 + 0.3 * lattice(col, row, bgSeed &+ 2))
                    let fr = (fx * fx + fy * fy).squareRoot(), fa = atan2(fy, fx)
                    let petal = petals[Int(lattice(col, row, bgSeed &+ 3) * 5) % 5]
                    let rot = lattice(col, row, bgSeed &+ 4) * 6.28
                    // Five petals: a lobed outline, satin threads running from the centre outwards.
                    let lobe = 7 * mm * (0.55 + 0.45 * abs(cos(2.5 * (fa + rot))))
                    if fr < 2.2 * mm {
                        let knot = lattice(Int(fx / (0.7 * mm)), Int(fy / (0.7 * mm)), bgSeed &+ 5)
                        c = times((240, 200, 40), 0.8 + 0.25 * knot)   // French knots
                    } else if fr < lobe {
                        let thread = 0.82 + 0.22 * abs(sin(fa * 38 + rot))   // satin stitches catching the light
                        c = times(petal, thread)
                    } else {
                        // Two leaves on a stem, satin-stitched across.
                        for k in 0..<2 {
                            let la = rot + 2.2 + Double(k) * 1.8, lx = fx - cos(la) * 11 * mm, ly = fy - sin(la) * 11 * mm
                            let along = lx * cos(la) + ly * sin(la), acr = -lx * sin(la) + ly * cos(la)
                            let e = along * along / (25 * mm * mm) + acr * acr / (4 * mm * mm)
                            if e < 1 { c = times((50, 130, 60), 0.82 + 0.2 * abs(sin(along / (0.25 * mm)))) }
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .yogaMat:
            // Purple foam with ribs across it (soft ridges every 3 mm), fine pores.
            let foam = (104 + 16 * rng.unit(), 62 + 12 * rng.unit(), 140 + 20 * rng.unit())
            let a = rng.unit() * 3.1416, ca = cos(a), sa = sin(a)
            let ribPitch = (2.6 + 0.8 * rng.unit()) * mm
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let across = px * ca + py * sa
                    let rib = 0.5 + 0.5 * sin(across / ribPitch * 2 * .pi)
                    var f = 0.84 + 0.16 * rib * rib + 0.04 * (valueNoise(px, py, cell: 25 * mm, seed: bgSeed) - 0.5)
                    if lattice(x, y, bgSeed &+ 1) < 0.06 { f *= 0.9 }   // pores
                    f += 0.03 * (lattice(x / 2, y / 2, bgSeed &+ 2) - 0.5)
                    put(y * W + x, times(foam, f))
                }
            }
        case .galvanisedSteel:
            // Galvanised sheet: zinc spangles (irregular crystal grains 6–20 mm across, each its own
            // brightness and a feathery grain in its own direction), mid grey.
            let base = 142 + 18 * rng.unit()
            let cell = (9 + 5 * rng.unit()) * mm
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let gx = Int((px / cell).rounded(.down)), gy = Int((py / cell).rounded(.down))
                    var best = Double.infinity, second = Double.infinity, bi = 0, bj = 0
                    for j in (gy - 1)...(gy + 1) {
                        for i in (gx - 1)...(gx + 1) {
                            let cx = (Double(i) + lattice(i, j, bgSeed)) * cell, cy = (Double(j) + lattice(i, j, bgSeed &+ 1)) * cell
                            let d = (px - cx) * (px - cx) + (py - cy) * (py - cy)
                            if d < best { second = best; best = d; bi = i; bj = j } else if d < second { second = d }
                        }
                    }
                    let tone = 0.82 + 0.3 * lattice(bi, bj, bgSeed &+ 2)
                    let ga = lattice(bi, bj, bgSeed &+ 3) * 3.1416
                    let feather = valueNoise((px * cos(ga) + py * sin(ga)) * 6, -px * sin(ga) + py * cos(ga), cell: 0.8 * mm, seed: bgSeed &+ 4)
                    var v = base * (tone + 0.08 * (feather - 0.5)) + 4 * (lattice(x, y, bgSeed &+ 5) - 0.5)
                    if second.squareRoot() - best.squareRoot() < 0.25 * mm { v *= 0.9 }   // the grain boundary
                    put(y * W + x, (v, v * 1.005, v * 1.025))
                }
            }
        case .beachSand:
            // Fine sand: many-coloured grains, faint wind ripples, a few pebbles and shell bits.
            let sand = (208 + 14 * rng.unit(), 184 + 12 * rng.unit(), 142 + 12 * rng.unit())
            let ra = rng.unit() * 3.1416, rca = cos(ra), rsa = sin(ra)
            let grains: [(Double, Double, Double)] = [(120, 100, 80), (240, 232, 216), (90, 80, 76), (200, 150, 100)]
            let pCell = 16 * mm
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let across = px * rca + py * rsa
                    let ripple = sin(across / (7 * mm) * 2 * .pi + 2 * valueNoise(px, py, cell: 20 * mm, seed: bgSeed))
                    var c = times(sand, 0.95 + 0.02 * ripple + 0.07 * (lattice(x, y, bgSeed &+ 1) - 0.5))
                    let g = lattice(x, y, bgSeed &+ 2)
                    if g < 0.08 { c = mix(c, grains[Int(g / 0.02) % 4], 0.6) }
                    // Pebbles and shell bits: at most one in a cell, in a few cells.
                    let (ci, cu) = cellOf(px, pCell), (cj, cv) = cellOf(py, pCell)
                    let l = lattice(ci, cj, bgSeed &+ 3)
                    if l < 0.16 {
                        let dx = cu - pCell * (0.3 + 0.4 * lattice(ci, cj, bgSeed &+ 4)), dy = cv - pCell * (0.3 + 0.4 * lattice(ci, cj, bgSeed &+ 5))
                        let rr = (1.8 + 4.2 * lattice(ci, cj, bgSeed &+ 6)) * mm, pa = lattice(ci, cj, bgSeed &+ 7) * 3.1416
                        let eu = (dx * cos(pa) + dy * sin(pa)) / rr, ev = (-dx * sin(pa) + dy * cos(pa)) / (rr * 0.7)
                        let e = eu * eu + ev * ev
                        if e < 1 {
                            let shell = l < 0.06
                            let col: (Double, Double, Double) = shell ? (244, 226, 214) : mix((110, 106, 100), (170, 150, 120), lattice(ci, cj, bgSeed &+ 8))
                            // Shaded: lit from the top left; a shell's ridges.
                            var f = 1.05 - 0.25 * ((eu + ev) * 0.5 + 0.5) * e
                            if shell { f *= 0.9 + 0.1 * sin(atan2(ev, eu) * 9) }
                            c = times(col, f)
                        } else if e < 1.6 {
                            c = times(c, 0.8 + 0.2 * (e - 1) / 0.6)   // its shadow in the sand
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .checkerFloor:
            // Black and white vinyl tiles in a checkerboard (40–55 mm squares), dark joints, scuffs,
            // a faint sheen.
            let tile = (40 + 15 * rng.unit()) * mm
            let a = rng.unit() * 1.5708, ca = cos(a), sa = sin(a)
            let offU = rng.unit() * tile, offV = rng.unit() * tile
            let sheenA = rng.unit() * 6.28
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + offU, v = -px * sa + py * ca + offV
                    let (i, tu) = cellOf(u, tile), (j, tv) = cellOf(v, tile)
                    let white = (i + j) % 2 == 0
                    let n = valueNoise(px, py, cell: 3 * mm, seed: bgSeed)
                    var c: (Double, Double, Double) = white ? times((232, 230, 222), 0.97 + 0.04 * n) : times((30, 30, 32), 0.92 + 0.16 * n)
                    // Scuffs: short curved marks, dark on white, pale on black.
                    let sc = valueNoise(px * 0.3, py * 3, cell: 2 * mm, seed: bgSeed &+ UInt64((i &* 7 &+ j) & 0xFFF))
                    if sc > 0.86, lattice(i, j, bgSeed &+ 1) < 0.6 { c = white ? times(c, 0.85) : mix(c, (110, 110, 110), 0.3) }
                    let joint = min(min(tu, tile - tu), min(tv, tile - tv))
                    if joint < 0.35 * mm { c = (70, 66, 60) }
                    // A faint sheen from a window.
                    let t = (px / uMax - 0.5) * cos(sheenA) + (py / vMax - 0.5) * sin(sheenA)
                    c = mix(c, (250, 250, 250), 0.08 * exp(-t * t / 0.04))
                    put(y * W + x, c)
                }
            }
        case .scanAppPage:
            // The white A4 sheet as the phone photographed it (greyish, a little uneven light); the
            // app's filter (`scanApp`) whitens it afterwards.
            let grey = 222 + 10 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let v = grey * (0.985 + 0.03 * valueNoise(px, py, cell: 300, seed: bgSeed) + 0.01 * lattice(x / 2, y / 2, bgSeed &+ 1))
                    put(y * W + x, (v, v, v * 0.99))
                }
            }
        default: break
        }
    }

    // MARK: - Light and the phone's processing

    /// The strong vignetting's darkening (0–1) at image point (x, y): 0 inside `inner` of the
    /// half-diagonal, rising smoothly to `corner` at the frame's corners.
    static func h14VignetteDarkening(_ v: IDScanSyntheticScene.StrongVignette, _ W: Int, _ H: Int, _ x: Double, _ y: Double) -> Double {
        let nx = x / Double(W) - 0.5, ny = y / Double(H) - 0.5
        let rho = ((nx * nx + ny * ny) * 2).squareRoot()
        return v.corner * smooth((rho - v.inner) / max(1 - v.inner, 1e-6))
    }

    /// The card's mean darkening under the strong vignetting, for tests; 0 without it.
    public static func holdout14VignetteCardDarkening(_ s: IDScanSyntheticScene) -> Double {
        guard let v = s.strongVignette else { return 0 }
        return cardCoverFraction(s) { h14VignetteDarkening(v, s.width, s.height, $0, $1) }
    }

    /// The same, coarsely (about 80 × 50 samples over the card): for placing the vignetting.
    static func holdout14VignetteCardDarkeningQuick(_ s: IDScanSyntheticScene) -> Double {
        guard let vg = s.strongVignette, s.hasCard else { return 0 }
        let q = cardQuad(s), xs = q.map(\.x), ys = q.map(\.y)
        let step = max(1, s.cardWidthFraction * Double(s.width) / 80)
        var n = 0.0, total = 0.0
        var y = (ys.min() ?? 0) + step / 2
        while y < (ys.max() ?? 0) {
            var x = (xs.min() ?? 0) + step / 2
            while x < (xs.max() ?? 0) {
                if h13Outside(q, x, y).d < 0 { n += 1; total += h14VignetteDarkening(vg, s.width, s.height, x, y) }
                x += step
            }
            y += step
        }
        return n > 0 ? total / n : 0
    }

    /// A soft knee: values over 235 compressed to stay under 250.
    static func h14Knee(_ v: Double) -> Double { v <= 235 ? v : 235 + 14.5 * (1 - exp(-(v - 235) / 14.5)) }

    /// The scanner app's tone curve for the card: contrast `k` about mid grey up to 190, then a
    /// shoulder reaching 233 at 245 (the card's light areas kept under 235).
    static func h14CardCurve(_ v: Double, _ k: Double) -> Double {
        let at190 = 128 + 62 * k
        if v <= 190 { return 128 + (v - 128) * k }
        return at190 + (v - 190) * (233 - at190) / 55
    }

    /// The holdout14 light, after the card is drawn: a fluorescent green-cyan cast (luma kept, the
    /// top compressed softly under 250), strong vignetting, a phone's HDR (local tone mapping: the
    /// shadows lifted, local contrast boosted round a base blurred with σ = halo / 2, so that a
    /// soft halo of about `halo` px forms where the background meets the card's outline), and a
    /// scanner app's filter (the paper whitened to 248–255, the card's tones curved, an unsharp
    /// mask). No effect without them.
    static func applyHoldout14Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard s.greenCyanCast != nil || s.strongVignette != nil || s.hdrTone != nil || s.scanApp != nil else { return }
        let n = W * H
        if s.greenCyanCast != nil || s.strongVignette != nil {
            for y in 0..<H {
                for x in 0..<W {
                    let i = y * W + x
                    var r = bg[0][i], g = bg[1][i], b = bg[2][i]
                    if let gc = s.greenCyanCast {
                        let k = gc.strength
                        let y0 = 0.299 * r + 0.587 * g + 0.114 * b
                        r *= 1 - k; g *= 1 + 0.3 * k; b *= 1 + 0.15 * k
                        let y1 = 0.299 * r + 0.587 * g + 0.114 * b
                        if y1 > 0 { let f = y0 / y1; r *= f; g *= f; b *= f }
                        r = h14Knee(r); g = h14Knee(g); b = h14Knee(b)
                    }
                    if let vg = s.strongVignette {
                        let f = 1 - h14VignetteDarkening(vg, W, H, Double(x) + 0.5, Double(y) + 0.5)
                        r *= f; g *= f; b *= f
                    }
                    bg[0][i] = r; bg[1][i] = g; bg[2][i] = b
                }
            }
        }
        if let h = s.hdrTone {
            var Y = [Double](repeating: 0, count: n)
            for i in 0..<n { Y[i] = 0.299 * bg[0][i] + 0.587 * bg[1][i] + 0.114 * bg[2][i] }
            var base = Y
            h13Blur(&base, W, H, sigma: h.halo / 2)
            let gamma = 1 - h.lift
            for i in 0..<n {
                let b = min(max(base[i], 0), 255)
                let mapped = 255 * pow(b / 255, gamma) + (1 + h.localContrast) * (Y[i] - b)
                let gain = mapped / max(Y[i], 1)
                for c in 0..<3 { bg[c][i] = h14Knee(max(0, bg[c][i] * gain)) }
            }
        }
        if let f = s.scanApp {
            let q = cardQuad(s)
            for y in 0..<H {
                for x in 0..<W {
                    let i = y * W + x
                    let d = s.hasCard ? h13Outside(q, Double(x) + 0.5, Double(y) + 0.5).d : 10
                    let t = clamp01(d + 0.5)   // 0 on the card, 1 on the paper
                    for c in 0..<3 {
                        let v = bg[c][i]
                        let paper = 255 - (255 - v) * 0.1
                        bg[c][i] = t >= 1 ? paper : (t <= 0 ? h14CardCurve(v, f.contrast) : h14CardCurve(v, f.contrast) * (1 - t) + paper * t)
                    }
                }
            }
            for c in 0..<3 {
                var blurred = bg[c]
                h13Blur(&blurred, W, H, sigma: f.sharpenSigma)
                for i in 0..<n { bg[c][i] += f.sharpen * (bg[c][i] - blurred[i]) }
            }
        }
    }

    /// A phone's night mode, after the sensor noise: luma noise (σ `lumaSigma`) and coarse chroma
    /// blotches (`chroma` levels, cells of `blotch` px), then the phone's denoise: the luma
    /// smoothed where it is flat or finely textured (its local deviation within a few σ of the
    /// noise), kept where there are edges and print; fine chroma noise smoothed away, the blotches
    /// left. Its own random stream. No effect without it.
    static func applyHoldout14NightMode(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        guard let nm = s.nightMode else { return }
        let W = planes.width, H = planes.height, n = W * H
        var rng = SplitMix64(seed: s.seed ^ 0x1014_0000_0000_00B7)
        var table = [Double](repeating: 0, count: 65536)
        for k in 0..<65536 { table[k] = rng.gaussian() }
        var Y = [Double](repeating: 0, count: n), Cb = Y, Cr = Y
        let chromaSeed = rng.next()
        for y in 0..<H {
            for x in 0..<W {
                let i = y * W + x
                let r = Double(planes.channels[0][i]), g = Double(planes.channels[1][i]), b = Double(planes.channels[2][i])
                let l = 0.299 * r + 0.587 * g + 0.114 * b
                let z = rng.next()
                Y[i] = l + nm.lumaSigma * table[Int(z & 0xFFFF)]
                let fx = Double(x), fy = Double(y)
                Cb[i] = (b - l) * 0.564 + nm.chroma * 2 * (valueNoise(fx, fy, cell: nm.blotch, seed: chromaSeed) - 0.5) + 3 * table[Int((z >> 16) & 0xFFFF)]
                Cr[i] = (r - l) * 0.713 + nm.chroma * 2 * (valueNoise(fx, fy, cell: nm.blotch, seed: chromaSeed &+ 1) - 0.5) + 3 * table[Int((z >> 32) & 0xFFFF)]
            }
        }
        // The denoise.
        var smoothY = Y
        h13Blur(&smoothY, W, H, sigma: 1.5)
        h13Blur(&Cb, W, H, sigma: 2.5); h13Blur(&Cr, W, H, sigma: 2.5)
        let sigma = max(nm.lumaSigma, 1)
        for i in 0..<n {
            let dev = abs(Y[i] - smoothY[i])
            let w = nm.denoise * (1 - smooth((dev - 2 * sigma) / (3 * sigma)))
            let l = Y[i] + w * (smoothY[i] - Y[i])
            let r = l + 1.402 * Cr[i], b = l + 1.772 * Cb[i]
            let g = (l - 0.299 * r - 0.114 * b) / 0.587
            planes.channels[0][i] = UInt8(min(max(r.rounded(), 0), 255))
            planes.channels[1][i] = UInt8(min(max(g.rounded(), 0), 255))
            planes.channels[2][i] = UInt8(min(max(b.rounded(), 0), 255))
        }
    }

    /// The night mode's noise, for tests: the mean absolute difference (levels, all channels) of
    /// the rendered scene from the same scene without it, over every fourth pixel.
    public static func holdout14NightModeNoise(_ s: IDScanSyntheticScene) -> Double {
        var plain = s; plain.nightMode = nil
        let a = render(s), b = render(plain)
        guard a.pixels.count == b.pixels.count, !a.pixels.isEmpty else { return 0 }
        var sum = 0.0, k = 0.0
        for i in stride(from: 0, to: a.pixels.count, by: 4) { sum += abs(Double(a.pixels[i]) - Double(b.pixels[i])); k += 1 }
        return sum / k
    }
}

extension IDScanSyntheticScene {
    /// A phone's night mode: luma noise `lumaSigma` (4–7 levels), chroma blotches ±`chroma`
    /// (6–12 levels) in cells of `blotch` px (coarse: 12–30 px, with the frame), then a denoise of
    /// `denoise` (0–1) strength.
    public struct NightMode: Sendable, Hashable {
        public var lumaSigma: Double, chroma: Double, blotch: Double, denoise: Double
        public init(lumaSigma: Double, chroma: Double, blotch: Double, denoise: Double) {
            self.lumaSigma = lumaSigma; self.chroma = chroma; self.blotch = blotch; self.denoise = denoise
        }
    }

    /// A fluorescent tube's green-cyan cast: red lowered by `strength` (0.08–0.14), green and a
    /// little blue raised, each pixel's luma kept (the top compressed softly under 250).
    public struct GreenCyanCast: Sendable, Hashable {
        public var strength: Double
        public init(strength: Double) { self.strength = strength }
    }

    /// Strong vignetting: the frame's corners `corner` (0.4–0.6) darker, nothing inside `inner`
    /// of the half-diagonal (about the middle, where the card is).
    public struct StrongVignette: Sendable, Hashable {
        public var corner: Double, inner: Double
        public init(corner: Double, inner: Double) { self.corner = corner; self.inner = inner }
    }

    /// A phone's HDR: local tone mapping round a base blurred over `halo` px (10–30: the soft halo
    /// along strong outlines), shadows lifted by `lift` (a gamma of 1 − lift on the base), local
    /// contrast boosted by `localContrast`.
    public struct HDRTone: Sendable, Hashable {
        public var halo: Double, lift: Double, localContrast: Double
        public init(halo: Double, lift: Double, localContrast: Double) { self.halo = halo; self.lift = lift; self.localContrast = localContrast }
    }

    /// A document-scanner app's "enhanced" filter: the paper whitened (to 248–255), the card's
    /// tones with contrast `contrast` (1.06–1.12) under a shoulder that keeps its light areas under
    /// 235, an unsharp mask of `sharpen` (0.4–0.7) over σ = `sharpenSigma` px (a 1–2 px halo).
    public struct ScanAppFilter: Sendable, Hashable {
        public var contrast: Double, sharpen: Double, sharpenSigma: Double
        public init(contrast: Double, sharpen: Double, sharpenSigma: Double) {
            self.contrast = contrast; self.sharpen = sharpen; self.sharpenSigma = sharpenSigma
        }
    }
}
