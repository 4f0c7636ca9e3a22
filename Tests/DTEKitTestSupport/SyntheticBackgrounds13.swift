import Foundation
import IDScan

// The `holdout13` part's scene painters and light: nine phone-photo backgrounds, a sheet-fed
// (ADF) scanner, and the new kinds of light and pose (mixed tungsten and daylight with the luma
// kept; a phone's portrait mode, the background blurred and a halo along the card's outline; the
// phone's own soft shadow over part of the card; a glossy surface's faint mirrored reflection of
// the card). Kept apart from the older painters (which must keep painting byte-identical
// images); every new scene field defaults to "no effect", and none of the new code draws from
// the scene's random stream unless the scene uses a holdout13 background.

extension IDScanSyntheticCard {
    /// Paints a holdout13 background into the planes (any other background: no effect). `scale`
    /// keeps a texture's look at any image size (1000 / the image's long side); sizes in mm
    /// follow the card (85.6 mm wide).
    static func paintHoldout13Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                         _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        let uMax = Double(W) * scale, vMax = Double(H) * scale
        let mm = max(s.cardWidthFraction * Double(W) * scale / 85.6, 0.5)   // texture units per mm
        /// Turned coordinates: (px, py) about (cx, cy) by the angle with cosine `ca` and sine `sa`.
        func turn(_ px: Double, _ py: Double, _ cx: Double, _ cy: Double, _ ca: Double, _ sa: Double) -> (Double, Double) {
            let dx = px - cx, dy = py - cy
            return (dx * ca + dy * sa, -dx * sa + dy * ca)
        }
        switch s.background {
        case .photoAlbum:
            // A cream album page, a grid of small printed photos (89 × 64 mm, a 3 mm white border,
            // a simple scene of colour blobs), black paper photo corners, a soft shadow under each.
            let page = (232 + 8 * rng.unit(), 222 + 8 * rng.unit(), 196 + 10 * rng.unit())
            let pitchU = 100 * mm, pitchV = 76 * mm, offU = rng.unit() * pitchU, offV = rng.unit() * pitchV
            let a = (rng.unit() - 0.5) * 0.1, ca = cos(a), sa = sin(a)
            let pw = 89 * mm, ph = 64 * mm
            let skies: [(Double, Double, Double)] = [(120, 170, 225), (236, 170, 120), (150, 190, 220), (200, 205, 215)]
            let grounds: [(Double, Double, Double)] = [(80, 140, 70), (196, 170, 120), (60, 100, 150), (120, 110, 96)]
            let blobs: [(Double, Double, Double)] = [(200, 60, 50), (240, 210, 60), (40, 70, 140), (230, 130, 170), (60, 120, 60), (250, 250, 240)]
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (tu, tv) = turn(px, py, uMax / 2, vMax / 2, ca, sa)
                    var c = times(page, 0.975 + 0.04 * valueNoise(px, py, cell: 1.2 * mm, seed: bgSeed) + 0.02 * lattice(x / 2, y / 2, bgSeed &+ 1))
                    let (col, cu0) = cellOf(tu + offU, pitchU), (row, cv0) = cellOf(tv + offV, pitchV)
                    let cellSeed = UInt64(bitPattern: Int64(col &* 7919 &+ row &* 104_729)) ^ bgSeed
                    let empty = lattice(col, row, bgSeed &+ 2) < 0.1
                    // Each print jittered and turned a little inside its cell.
                    let ja = (lattice(col, row, bgSeed &+ 3) - 0.5) * 0.08, jca = cos(ja), jsa = sin(ja)
                    let (u, v) = turn(cu0, cv0, pitchU / 2 + (lattice(col, row, bgSeed &+ 4) - 0.5) * 4 * mm,
                                      pitchV / 2 + (lattice(col, row, bgSeed &+ 5) - 0.5) * 3 * mm, jca, jsa)
                    let du = abs(u) - pw / 2, dv = abs(v) - ph / 2
                    if !empty {
                        let out = max(du, dv)
                        // The soft shadow, down and right of the print.
                        let su = abs(u - 0.8 * mm) - pw / 2, sv = abs(v - 1.1 * mm) - ph / 2
                        let sOut = max(su, sv)
                        if out >= 0, sOut < 2 * mm { c = times(c, 1 - 0.22 * (1 - smooth(sOut / (2 * mm)))) }
                        if out < 0 {
                            var p = (246.0, 246.0, 242.0)   // the white border (a slightly glossy print)
                            let iu = u + pw / 2 - 3 * mm, iv = v + ph / 2 - 3 * mm, iw = pw - 6 * mm, ih = ph - 6 * mm
                            if iu >= 0, iv >= 0, iu < iw, iv < ih {
                                let sky = skies[Int(lattice(col, row, cellSeed &+ 6) * 4) % 4], ground = grounds[Int(lattice(col, row, cellSeed &+ 7) * 4) % 4]
                                let horizon = ih * (0.5 + 0.2 * lattice(col, row, cellSeed &+ 8)) + 3 * mm * sin(iu / (14 * mm) + lattice(col, row, cellSeed))
                                p = iv < horizon ? mix(sky, (250, 250, 250), 0.35 * iv / max(horizon, 1)) : times(ground, 0.85 + 0.2 * valueNoise(iu, iv, cell: 4 * mm, seed: cellSeed))
                                // A sun and two or three blobs (people, trees, a ball).
                                let sx = iw * (0.15 + 0.7 * lattice(col, row, cellSeed &+ 9)), sy = ih * 0.2
                                if (iu - sx) * (iu - sx) + (iv - sy) * (iv - sy) < 16 * mm * mm { p = (250, 226, 120) }
                                for k in 0..<3 {
                                    let bx = iw * (0.15 + 0.7 * lattice(k, 1, cellSeed)), by = horizon + ih * 0.05 * lattice(k, 2, cellSeed)
                                    let br = (3 + 5 * lattice(k, 3, cellSeed)) * mm
                                    let ex = (iu - bx) / (br * 0.7), ey = (iv - by + br) / br
                                    if ex * ex + ey * ey < 1 { p = blobs[Int(lattice(k, 4, cellSeed) * 6) % 6]; break }
                                }
                            }
                            // The black paper corners over the print's corners.
                            let cu = pw / 2 - abs(u), cv = ph / 2 - abs(v)
                            if cu + cv < 7 * mm, cu > -1 * mm, cv > -1 * mm { p = (30, 28, 30) }
                            c = p
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .restaurantMenu:
            // A laminated menu: a coloured header band with a title, two columns of dishes (the
            // name, a dotted leader, the price), section headings, a glossy sheen band.
            let bands: [(Double, Double, Double)] = [(120, 30, 40), (30, 80, 60), (30, 50, 100), (160, 80, 30)]
            let band = bands[Int(rng.next() % 4)]
            let paper = (246 - 6 * rng.unit(), 238 - 4 * rng.unit(), 220 - 8 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.12, ca = cos(a), sa = sin(a)
            let top = (8 + 10 * rng.unit()) * mm, bandH = 24 * mm, lineH = 7.5 * mm
            let colW = (uMax - 20 * mm) / 2
            let sheenA = rng.unit() * 3.1416, sheenC = 0.3 + 0.4 * rng.unit(), sheenW = 0.06 + 0.05 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (tu0, tv0) = turn(px, py, uMax / 2, vMax / 2, ca, sa)
                    let u = tu0 + uMax / 2, v = tv0 + vMax / 2 - top
                    var c = times(paper, 0.985 + 0.02 * lattice(x / 2, y / 2, bgSeed))
                    if v < 0 {
                        c = times(band, 0.92)
                    } else if v < bandH {
                        c = band
                        // The title: large light capitals, a thin rule under it.
                        let ink = h11TextInk(u - 14 * mm, v - 5 * mm, lineH: 14 * mm, charW: 7 * mm, maxChars: 10, justified: true, fill: 0.7, seed: bgSeed &+ 1)
                        if u > 14 * mm, u < uMax - 14 * mm { c = mix(c, (250, 236, 200), ink) }
                        if abs(v - (bandH - 3 * mm)) < 0.35 * mm { c = (236, 210, 150) }
                    } else {
                        let (colK, cu) = cellOf(u - 8 * mm, colW + 4 * mm)
                        let (line, lv) = cellOf(v - bandH - 6 * mm, lineH)
                        if colK >= 0, cu < colW, v > bandH + 6 * mm {
                            let seedL = bgSeed &+ UInt64(bitPattern: Int64(colK * 1000 + line))
                            if line % 8 == 0 {
                                // A section heading in the band's colour, a rule under it.
                                let ink = h11TextInk(cu, lv, lineH: lineH, charW: 3.4 * mm, maxChars: 9, justified: false, fill: 0.7, seed: seedL)
                                c = mix(c, band, ink)
                                if abs(lv - lineH * 0.92) < 0.25 * mm, cu < colW * 0.9 { c = mix(c, band, 0.8) }
                            } else {
                                let nameW = colW * (0.45 + 0.2 * lattice(line, colK, bgSeed &+ 2))
                                if cu < nameW {
                                    c = mix(c, (40, 34, 30), h11TextInk(cu, lv, lineH: lineH, charW: 2.2 * mm, maxChars: 40, justified: true, fill: 0.5, seed: seedL) * (cu < nameW - 2 * mm ? 1 : 0))
                                } else if cu < colW - 15 * mm {
                                    let (_, dd) = cellOf(cu, 1.6 * mm)
                                    if dd < 0.45 * mm, abs(lv - lineH * 0.72) < 0.25 * mm { c = mix(c, (60, 54, 50), 0.8) }
                                } else if cu > colW - 13 * mm {
                                    c = mix(c, (40, 34, 30), h11TextInk(cu - (colW - 13 * mm), lv, lineH: lineH, charW: 2.4 * mm, maxChars: 5, justified: true, fill: 0.5, seed: seedL &+ 9))
                                }
                            }
                        }
                    }
                    // The lamination's gloss: a broad soft bright band and a faint wide one.
                    let t = ((px / uMax - 0.5) * cos(sheenA) + (py / vMax - 0.5) * sin(sheenA)) - (sheenC - 0.5)
                    let g = 0.32 * exp(-t * t / (sheenW * sheenW)) + 0.08 * exp(-t * t / (9 * sheenW * sheenW))
                    put(y * W + x, mix(c, (252, 252, 252), g))
                }
            }
        case .clipboardForm:
            // A brown hardboard clipboard, a white form on it (printed labels, ruled lines,
            // checkboxes, some ticked, blue handwriting), the metal clip at the top.
            let board = (150 + 20 * rng.unit(), 100 + 14 * rng.unit(), 60 + 10 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.1, ca = cos(a), sa = sin(a)
            let sheetL = uMax * (0.05 + 0.04 * rng.unit()), sheetR = uMax * (0.95 - 0.04 * rng.unit()), sheetT = vMax * (0.1 + 0.05 * rng.unit())
            let clipW = min(110 * mm, uMax * 0.5), clipH = vMax * 0.1 + 12 * mm
            let form = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (tu0, tv0) = turn(px, py, uMax / 2, vMax / 2, ca, sa)
                    let u = tu0 + uMax / 2, v = tv0 + vMax / 2
                    var c = times(board, 0.9 + 0.08 * valueNoise(px, py, cell: 0.8 * mm, seed: bgSeed) + 0.05 * lattice(x, y, bgSeed &+ 1))
                    let inSheet = u > sheetL && u < sheetR && v > sheetT
                    if inSheet {
                        var p = times((248, 248, 246), 0.99 + 0.015 * lattice(x / 2, y / 2, bgSeed &+ 2))
                        let fu = u - sheetL - 10 * mm, fv = v - sheetT - 10 * mm, fw = sheetR - sheetL - 20 * mm
                        if fu > 0, fu < fw, fv > 0 {
                            let (row, rv) = cellOf(fv, 9 * mm)
                            if row == 0 {
                                p = mix(p, (30, 30, 34), h11TextInk(fu, rv, lineH: 9 * mm, charW: 3.2 * mm, maxChars: 14, justified: true, fill: 0.6, seed: form))
                            } else if row % 6 == 5 {
                                // A row of checkboxes, some ticked.
                                let (box, bu) = cellOf(fu, 26 * mm)
                                let bx = bu - 1 * mm, by = rv - 3 * mm
                                if bx >= 0, by >= 0, bx < 4 * mm, by < 4 * mm, bx < 0.3 * mm || by < 0.3 * mm || bx > 3.7 * mm || by > 3.7 * mm {
                                    p = (40, 40, 44)
                                } else if bu > 6 * mm, bu < 20 * mm {
                                    p = mix(p, (50, 50, 56), h11TextInk(bu - 6 * mm, rv - 2.5 * mm, lineH: 5 * mm, charW: 1.6 * mm, maxChars: 8, justified: false, fill: 0.5, seed: form &+ UInt64(box)))
                                }
                                if lattice(box, row, form) < 0.5, bx > -0.5 * mm, bx < 5 * mm, by > -1.5 * mm, by < 4.5 * mm {
                                    // A ballpoint tick: two strokes.
                                    let d1 = abs((by - 2.2 * mm) - (bx - 0.5 * mm)) / 1.41, d2 = abs((by - 3.6 * mm) + (bx - 1.4 * mm) * 1.8) / 2.06
                                    let onTick = (bx < 1.6 * mm && d1 < 0.35 * mm) || (bx >= 1.2 * mm && d2 < 0.35 * mm && by < 3.8 * mm)
                                    if onTick { p = (30, 50, 160) }
                                }
                            } else {
                                if rv < 0.25 * mm { p = mix(p, (150, 170, 200), 0.8) }   // the ruled line
                                if fu < 24 * mm {
                                    p = mix(p, (50, 50, 56), h11TextInk(fu, rv - 4.5 * mm, lineH: 4.5 * mm, charW: 1.6 * mm, maxChars: 12, justified: false, fill: 0.55, seed: form &+ 17 &+ UInt64(row)))
                                } else if lattice(row, 3, form) < 0.8 {
                                    let ink = h11Handwriting(fu, rv, baseline: 7.6 * mm, left: 27 * mm, right: (40 + 0.7 * (fw / mm - 40) * lattice(row, 4, form)) * mm,
                                                             h: 2.8 * mm, pen: 0.32 * mm, seed: form &+ UInt64(row))
                                    p = mix(p, (28, 46, 150), 0.92 * ink)
                                }
                            }
                        }
                        c = p
                    } else {
                        // The sheet's shadow on the board.
                        let out = max(max(sheetL - u, u - sheetR), sheetT - v)
                        if out < 2.5 * mm { c = times(c, 0.78 + 0.22 * smooth(out / (2.5 * mm))) }
                    }
                    // The metal clip: a brushed steel plate with a rolled edge, a lever, two rivets.
                    let cu = u - uMax / 2
                    if abs(cu) < clipW / 2, v < clipH {
                        let edge = min(clipW / 2 - abs(cu), clipH - v)
                        var m = 170 + 40 * sin(v / (2 * mm)) * 0.3 + 25 * valueNoise(cu * 0.1, v * 3, cell: 2 * mm, seed: bgSeed &+ 4)
                        if edge < 2.5 * mm { m *= 0.75 + 0.25 * sin(Double.pi * edge / (5 * mm)) }
                        for rx in [-clipW * 0.3, clipW * 0.3] {
                            let d = ((cu - rx) * (cu - rx) + (v - clipH * 0.55) * (v - clipH * 0.55)).squareRoot()
                            if d < 2.5 * mm { m = d < 2 * mm ? 205 - 30 * d / (2 * mm) : 110 }
                        }
                        c = (m, m * 1.01, m * 1.04)
                    } else if abs(cu) < clipW * 0.18, v < clipH + 14 * mm, v >= clipH {
                        c = times((120, 122, 128), 0.85 + 0.3 * smooth(1 - abs(cu) / (clipW * 0.18)))   // the lever's wire loop
                    } else if abs(cu) < clipW / 2 + 1.5 * mm, v < clipH + 2.5 * mm {
                        c = times(c, 0.7)   // the clip's shadow
                    }
                    put(y * W + x, c)
                }
            }
        case .openPassport:
            // An open fake passport-like booklet: a dark cover round two pale guilloche pages;
            // on the right, a photo box with a plain silhouette, printed fields and two rows of
            // machine-readable-looking characters, mostly `<`; on the left, two stamps.
            let table = (90 + 40 * rng.unit(), 80 + 30 * rng.unit(), 70 + 20 * rng.unit())
            let covers: [(Double, Double, Double)] = [(40, 40, 90), (100, 26, 34), (30, 70, 50)]
            let cover = covers[Int(rng.next() % 3)]
            let tint: (Double, Double, Double) = rng.unit() < 0.5 ? (232, 236, 226) : (238, 228, 232)
            let pageW = 88 * mm, pageH = 125 * mm
            let a = (rng.unit() - 0.5) * 0.3, ca = cos(a), sa = sin(a)
            let bc = (uMax * (0.45 + 0.1 * rng.unit()), vMax * (0.45 + 0.1 * rng.unit()))
            let stampC: (Double, Double, Double) = rng.unit() < 0.5 ? (120, 60, 150) : (190, 50, 60)
            let mrzSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (bu, bv0) = turn(px, py, bc.0, bc.1, ca, sa)
                    let bv = bv0 + pageH / 2
                    var c = times(table, 0.9 + 0.1 * valueNoise(px, py, cell: 12 * mm, seed: bgSeed) + 0.04 * lattice(x / 2, y / 2, bgSeed &+ 1))
                    let coverOut = max(abs(bu) - pageW - 3 * mm, max(-bv - 3 * mm, bv - pageH - 3 * mm))
                    if coverOut >= 0, coverOut < 3 * mm { c = times(c, 0.7 + 0.3 * smooth(coverOut / (3 * mm))) }
                    if coverOut < 0 { c = times(cover, 0.9 + 0.1 * lattice(x / 2, y / 2, bgSeed &+ 2)) }
                    let pageOut = max(abs(bu) - pageW, max(-bv, bv - pageH))
                    if pageOut < 0 {
                        let right = bu >= 0, u = right ? bu : bu + pageW, v = bv
                        // Guilloche: fine interleaved wave lines and a rosette.
                        let w1 = sin(u / (0.9 * mm) + 2.2 * sin(v / (6 * mm))), w2 = sin(v / (0.9 * mm) + 2.2 * sin(u / (7 * mm)))
                        let rx = u - pageW / 2, ry = v - pageH * 0.45, rr = (rx * rx + ry * ry).squareRoot(), th = atan2(ry, rx)
                        let ros = rr < 30 * mm ? sin(rr / (1.1 * mm) + 3 * sin(8 * th)) : -1
                        var p = tint
                        if w1 > 0.93 || w2 > 0.93 { p = mix(p, (170, 200, 190), 0.5) }
                        if ros > 0.9 { p = mix(p, (210, 170, 190), 0.6) }
                        if right {
                            // The photo box and its plain silhouette.
                            let fu = u - 6 * mm, fv = v - 26 * mm
                            if fu > 0, fu < 32 * mm, fv > 0, fv < 40 * mm {
                                p = (196, 206, 216)
                                let hx = fu - 16 * mm, hy = fv - 15 * mm
                                if hx * hx / (7 * 7) + hy * hy / (9 * 9) < mm * mm { p = (110, 116, 126) }
                                let sx = fu - 16 * mm, sy = fv - 44 * mm
                                if sx * sx / (15 * 15) + sy * sy / (18 * 18) < mm * mm { p = (110, 116, 126) }
                                if fu < 0.4 * mm || fv < 0.4 * mm || fu > 31.6 * mm || fv > 39.6 * mm { p = (90, 90, 100) }
                            } else if u > 42 * mm, u < pageW - 5 * mm, v > 24 * mm, v < 84 * mm {
                                // Printed fields: a small label, a value.
                                let (row, rv) = cellOf(v - 24 * mm, 10 * mm)
                                if rv < 3 * mm {
                                    p = mix(p, (90, 96, 110), h11TextInk(u - 42 * mm, rv, lineH: 3 * mm, charW: 1.3 * mm, maxChars: 14, justified: false, fill: 0.6, seed: bgSeed &+ UInt64(row)))
                                } else if rv < 8 * mm {
                                    p = mix(p, (30, 30, 40), h11TextInk(u - 42 * mm, rv - 3 * mm, lineH: 5 * mm, charW: 2.2 * mm, maxChars: 16, justified: false, fill: 0.6, seed: mrzSeed &+ UInt64(row)))
                                }
                            } else if u > 6 * mm, u < pageW - 5 * mm, v > 8 * mm, v < 16 * mm {
                                p = mix(p, (60, 70, 110), h11TextInk(u - 6 * mm, v - 8 * mm, lineH: 8 * mm, charW: 3 * mm, maxChars: 20, justified: false, fill: 0.7, seed: bgSeed &+ 40))
                            } else if v > pageH - 22 * mm, v < pageH - 6 * mm, u > 4 * mm, u < pageW - 4 * mm {
                                // Two rows of 44 machine-readable-looking characters, mostly `<`.
                                p = (248, 248, 244)
                                let cw = (pageW - 8 * mm) / 44, lh = 8 * mm
                                let (row, rv) = cellOf(v - (pageH - 22 * mm), lh)
                                let (col, cu) = cellOf(u - 4 * mm, cw)
                                let gh = 3.2 * mm, gy = rv - (lh - gh) / 2, stroke = 0.32 * mm
                                if gy > 0, gy < gh, cu > 0.1 * cw, cu < 0.9 * cw {
                                    let letters = row == 0 ? (col < 2 || (col >= 5 && col < 17) || (col >= 19 && col < 26)) : (col < 28 || col == 43)
                                    if letters {
                                        // A block letter or digit.
                                        let gx = Int((cu / cw * 3).rounded(.down)), gyy = Int((gy / gh * 5).rounded(.down))
                                        if lattice(col * 3 + gx, row * 5 + gyy, mrzSeed) > 0.42 { p = (24, 24, 28) }
                                    } else {
                                        // `<`: two strokes meeting at the left middle.
                                        let lx = cu - 0.2 * cw, span = 0.6 * cw, half = gh / 2
                                        let target = half * (1 - min(max(lx / span, 0), 1))
                                        if lx > -stroke, lx < span + stroke, abs(abs(gy - half) - (half - target)) < stroke * 1.2 { p = (24, 24, 28) }
                                    }
                                }
                            }
                        } else {
                            // Stamps: a round one (two rings, text between) and a rectangular one.
                            let sx = u - pageW * 0.45, sy = v - pageH * 0.3, sr = (sx * sx + sy * sy).squareRoot()
                            let ring = abs(sr - 16 * mm) < 0.6 * mm || abs(sr - 10 * mm) < 0.5 * mm
                            let txt = sr > 11.5 * mm && sr < 14.5 * mm && lattice(Int(atan2(sy, sx) * 14), Int(sr / (1.2 * mm)), bgSeed &+ 6) > 0.5
                            let mottle = 0.55 + 0.45 * valueNoise(u, v, cell: 1.5 * mm, seed: bgSeed &+ 7)
                            if ring || txt { p = mix(p, stampC, 0.85 * mottle) }
                            let qu = u - pageW * 0.2, qv = v - pageH * 0.62
                            if qu > 0, qu < 48 * mm, qv > 0, qv < 24 * mm {
                                let frame = qu < 0.7 * mm || qv < 0.7 * mm || qu > 47.3 * mm || qv > 23.3 * mm
                                let t2 = h11TextInk(qu - 3 * mm, qv - 3 * mm, lineH: 6 * mm, charW: 2.4 * mm, maxChars: 17, justified: false, fill: 0.6, seed: bgSeed &+ 8)
                                if frame || t2 > 0 { p = mix(p, (40, 80, 150), 0.8 * mottle) }
                            }
                        }
                        // The gutter's shadow and the page's own slight curl.
                        p = times(p, 1 - 0.3 * (1 - smooth(abs(bu) / (6 * mm))))
                        c = times(p, 0.985 + 0.02 * lattice(x / 2, y / 2, bgSeed &+ 3))
                    }
                    put(y * W + x, c)
                }
            }
        case .ironingBoard:
            // The board's light grey cover (a small printed pattern of tiny flowers and dots, a
            // darker drawstring hem at its edge), its rounded end; a floor beyond, the board's shadow.
            let floors: [(Double, Double, Double)] = [(176, 140, 100), (150, 150, 146), (196, 176, 150)]
            let floor = floors[Int(rng.next() % 3)]
            let cover = (212 + 12 * rng.unit(), 214 + 12 * rng.unit(), 218 + 12 * rng.unit())
            let flower: (Double, Double, Double) = rng.unit() < 0.5 ? (120, 150, 200) : (210, 130, 150)
            let a = (rng.unit() - 0.5) * 0.4, ca = cos(a), sa = sin(a)
            let half = vMax * (0.38 + 0.06 * rng.unit()), noseStart = uMax * (0.5 + 0.1 * rng.unit()), noseLen = uMax * 0.35
            let flip = rng.unit() < 0.5
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (u0, v) = turn(px, py, uMax / 2, vMax / 2, ca, sa)
                    let u = (flip ? -u0 : u0) + uMax / 2
                    // The board's half-width at u: straight, then an elliptical rounded end.
                    let t = (u - noseStart) / noseLen
                    let w = t <= 0 ? half : (t < 1 ? half * (1 - t * t).squareRoot() : -1)
                    let out = abs(v) - w
                    var c = times(floor, 0.9 + 0.1 * valueNoise(px, py, cell: 20 * mm, seed: bgSeed) + 0.05 * lattice(x / 2, y / 2, bgSeed &+ 1))
                    if out >= 0 {
                        let sh = out - 3 * mm
                        if sh < 6 * mm { c = times(c, 0.62 + 0.38 * smooth(max(sh, 0) / (6 * mm))) }   // the board's shadow on the floor
                    } else {
                        var p = times(cover, 0.97 + 0.05 * valueNoise(u, v, cell: 0.5 * mm, seed: bgSeed &+ 2))
                        // The printed pattern: tiny five-petal flowers in a staggered grid, dots between.
                        let (row, rv) = cellOf(v + 100 * mm, 9 * mm)
                        let (_, cu) = cellOf(u + (row % 2 == 0 ? 0 : 4.5 * mm), 9 * mm)
                        let fx = cu - 4.5 * mm, fy = rv - 4.5 * mm, fr = (fx * fx + fy * fy).squareRoot(), fth = atan2(fy, fx)
                        if fr < 1.6 * mm * (0.55 + 0.45 * abs(cos(2.5 * fth))) { p = fr < 0.45 * mm ? (236, 200, 90) : flower }
                        let dx = cu - 0.5 * mm, dy = rv - 0.5 * mm
                        if dx * dx + dy * dy < 0.36 * mm * mm { p = mix(p, flower, 0.7) }
                        // The padded edge rounding away, the hem's drawstring.
                        let e = -out
                        if e < 6 * mm { p = times(p, 0.72 + 0.28 * sin(Double.pi / 2 * e / (6 * mm))) }
                        if e < 1.2 * mm { p = times((150, 150, 156), 0.9) }
                        c = p
                    }
                    put(y * W + x, c)
                }
            }
        case .greenBaize:
            // Billiard-table green felt: a faint nap (fibre streaks along one direction), fuzz.
            let felt = (30 + 16 * rng.unit(), 108 + 24 * rng.unit(), 58 + 16 * rng.unit())
            let a = rng.unit() * 3.1416, ca = cos(a), sa = sin(a)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let along = px * ca + py * sa, across = -px * sa + py * ca
                    let nap = valueNoise(along * 0.12, across, cell: 0.35 * mm, seed: bgSeed)   // streaks along the nap
                    let f = 0.9 + 0.1 * nap + 0.05 * (lattice(x, y, bgSeed &+ 1) - 0.5)
                        + 0.05 * (valueNoise(px, py, cell: 40 * mm, seed: bgSeed &+ 2) - 0.5)
                    put(y * W + x, times(felt, f))
                }
            }
        case .knottyPine:
            // Pine boards (pale yellow, straight grain bending round dark knots, dark joints).
            let pine = (222 + 14 * rng.unit(), 184 + 14 * rng.unit(), 124 + 14 * rng.unit())
            let vertical = rng.unit() < 0.5
            let a = (rng.unit() - 0.5) * 0.1 + (vertical ? 1.5708 : 0), ca = cos(a), sa = sin(a)
            let boardW = (70 + 24 * rng.unit()) * mm, knotPitch = (90 + 40 * rng.unit()) * mm
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let along = px * ca + py * sa, across = -px * sa + py * ca + 1000
                    let (board, bv) = cellOf(across, boardW)
                    let tone = 0.92 + 0.12 * lattice(board, 0, bgSeed)
                    // The knots of this board: one per `knotPitch` along it, at a random place.
                    let (seg, _) = cellOf(along + lattice(board, 1, bgSeed) * knotPitch, knotPitch)
                    var bend = 0.0, knot = 0.0
                    for k in (seg - 1)...(seg + 1) {
                        let ka = (Double(k) + 0.5) * knotPitch - lattice(board, 1, bgSeed) * knotPitch + (lattice(board, k, bgSeed &+ 2) - 0.5) * 0.5 * knotPitch
                        let kv = boardW * (0.25 + 0.5 * lattice(board, k, bgSeed &+ 3)), kr = (5 + 7 * lattice(board, k, bgSeed &+ 4)) * mm
                        let dx = (along - ka) / 1.4, dy = bv - kv, d2 = dx * dx + dy * dy
                        bend += (dy >= 0 ? 1 : -1) * 2.2 * kr * exp(-d2 / (4.5 * kr * kr))
                        let r = d2.squareRoot() / kr
                        if r < 1.25 { knot = max(knot, r < 1 ? 1 - 0.35 * r * r + 0.1 * sin(r * 14) : (1.25 - r) * 2.4) }
                    }
                    let g = sin((bv - bend) / (1.4 * mm) + 2 * valueNoise(along, bv, cell: 60 * mm, seed: bgSeed &+ 5))
                    var c = times(pine, tone * (0.9 + 0.07 * g + 0.04 * lattice(x / 2, y / 2, bgSeed &+ 6)))
                    if g > 0.86 { c = times(c, 0.86) }   // the darker latewood lines
                    if knot > 0 { c = mix(c, (96, 56, 28), min(1, knot)) }
                    if bv < 0.7 * mm { c = times(c, 0.5 + 0.5 * bv / (0.7 * mm)) }   // the joint
                    put(y * W + x, c)
                }
            }
        case .blueEnamel:
            // A chipped blue enamel table top: glossy blue, a black rolled rim along one side,
            // chips showing black iron with a rust ring and the white ground coat.
            let blue = (34 + 20 * rng.unit(), 84 + 24 * rng.unit(), 160 + 30 * rng.unit())
            let side = Int(rng.next() % 4), rimAt = 0.08 + 0.08 * rng.unit()
            let glossA = rng.unit() * 3.1416
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let nx = px / uMax, ny = py / vMax
                    let toRim = (side == 0 ? nx : (side == 1 ? 1 - nx : (side == 2 ? ny : 1 - ny))) - rimAt   // < 0 beyond the rim
                    let t = (nx - 0.5) * cos(glossA) + (ny - 0.5) * sin(glossA)
                    var c = times(blue, 0.92 + 0.06 * valueNoise(px, py, cell: 25 * mm, seed: bgSeed) + 0.02 * lattice(x / 2, y / 2, bgSeed &+ 1))
                    c = mix(c, (240, 244, 250), 0.22 * exp(-(t - 0.1) * (t - 0.1) / 0.01))   // the glossy reflection
                    // Chips: irregular blobs, more of them near the rim.
                    let pitch = 18 * mm
                    let (ci, cu) = cellOf(px, pitch), (cj, cv) = cellOf(py, pitch)
                    let nearRim = toRim < 0.12
                    if lattice(ci, cj, bgSeed &+ 2) < (nearRim ? 0.55 : 0.2) {
                        let ccx = pitch * (0.3 + 0.4 * lattice(ci, cj, bgSeed &+ 3)), ccy = pitch * (0.3 + 0.4 * lattice(ci, cj, bgSeed &+ 4))
                        let dx = cu - ccx, dy = cv - ccy, th = atan2(dy, dx)
                        let rad = (1.2 + 3.5 * lattice(ci, cj, bgSeed &+ 5)) * mm * (0.7 + 0.3 * sin(3 * th + 6 * lattice(ci, cj, bgSeed)) + 0.15 * sin(7 * th))
                        let d = (dx * dx + dy * dy).squareRoot()
                        if d < rad * 0.7 { c = mix((28, 26, 28), (120, 60, 30), 0.3 * lattice(x / 2, y / 2, bgSeed &+ 6)) }
                        else if d < rad * 0.85 { c = (140, 74, 36) }   // rust
                        else if d < rad { c = (236, 236, 230) }   // the white ground coat
                    }
                    if toRim < 0 { c = times((30, 30, 34), 0.8 + 0.4 * smooth((toRim + 0.05) / 0.05)) }
                    else if toRim < 0.015 { c = times(c, 0.75) }
                    put(y * W + x, c)
                }
            }
        case .speckledLinoleum:
            // A 1970s speckled beige linoleum floor: a mottled ground with brown, grey, white and
            // dark flecks (0.4–1.5 mm).
            let ground = (204 + 12 * rng.unit(), 186 + 12 * rng.unit(), 152 + 12 * rng.unit())
            let flecks: [(Double, Double, Double)] = [(126, 92, 60), (140, 136, 130), (246, 240, 228), (170, 140, 100), (80, 64, 50)]
            let pitch = 1.6 * mm
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var c = times(ground, 0.93 + 0.1 * valueNoise(px, py, cell: 14 * mm, seed: bgSeed))
                    let (ci, cu) = cellOf(px, pitch), (cj, cv) = cellOf(py, pitch)
                    let l = lattice(ci, cj, bgSeed &+ 1)
                    if l < 0.55 {
                        let fx = cu - pitch * (0.3 + 0.4 * lattice(ci, cj, bgSeed &+ 2)), fy = cv - pitch * (0.3 + 0.4 * lattice(ci, cj, bgSeed &+ 3))
                        let r = (0.2 + 0.55 * lattice(ci, cj, bgSeed &+ 4)) * mm
                        if fx * fx + fy * fy < r * r { c = flecks[Int(l / 0.55 * 5) % 5] }
                    }
                    put(y * W + x, times(c, 0.97 + 0.04 * lattice(x / 2, y / 2, bgSeed &+ 5)))
                }
            }
        case .sheetFedScanner:
            // A sheet-fed scanner's dark grey backing (a fine horizontal texture from the rollers);
            // its streak and feed stretch are `sheetFeed`.
            let grey = 52 + 14 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let v = grey * (0.95 + 0.05 * valueNoise(px * 0.1, py, cell: 1.5, seed: bgSeed) + 0.04 * lattice(x, y, bgSeed &+ 1))
                    put(y * W + x, (v, v, v * 1.03))
                }
            }
        default: break
        }
    }

    // MARK: - Portrait mode, reflection

    /// Three running-sum box passes each way over a Double plane (≈ a Gaussian of `sigma` px).
    static func h13Blur(_ p: inout [Double], _ W: Int, _ H: Int, sigma: Double) {
        let w = (4 * sigma * sigma + 1).squareRoot()
        let r = max(1, Int(((w - 1) / 2).rounded()))
        let div = Double(2 * r + 1)
        var tmp = [Double](repeating: 0, count: max(W, H))
        p.withUnsafeMutableBufferPointer { a in
            tmp.withUnsafeMutableBufferPointer { t in
                for _ in 0..<3 {
                    for horizontal in [true, false] {
                        let n = horizontal ? W : H, lines = horizontal ? H : W
                        let step = horizontal ? 1 : W, lineStep = horizontal ? W : 1
                        for l in 0..<lines {
                            let base = l * lineStep
                            var sum = 0.0
                            for k in -r...r { sum += a[base + min(max(k, 0), n - 1) * step] }
                            for i in 0..<n {
                                t[i] = sum / div
                                sum += a[base + min(i + r + 1, n - 1) * step] - a[base + max(i - r, 0) * step]
                            }
                            for i in 0..<n { a[base + i * step] = t[i] }
                        }
                    }
                }
            }
        }
    }

    /// A phone's portrait mode, before the card is drawn: the whole background blurred (σ =
    /// `blur` of the frame's long side). No effect without it.
    static func applyHoldout13PortraitBlur(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard let p = s.portrait else { return }
        let sigma = p.blur * Double(max(W, H))
        for c in 0..<3 { h13Blur(&bg[c], W, H, sigma: sigma) }
    }

    /// The card's outline (corners clockwise in image coordinates): for a point, the largest
    /// signed distance to its four edges (> 0 outside), the edge it is for, and that edge's outward normal.
    static func h13Outside(_ q: [P], _ x: Double, _ y: Double) -> (d: Double, edge: Int, nx: Double, ny: Double) {
        var best = (d: -Double.infinity, edge: 0, nx: 0.0, ny: 0.0)
        for k in 0..<4 {
            let a = q[k], b = q[(k + 1) % 4]
            let ex = b.x - a.x, ey = b.y - a.y, len = max((ex * ex + ey * ey).squareRoot(), 1e-9)
            let nx = ey / len, ny = -ex / len   // outward for a clockwise quad (y down)
            let d = (x - a.x) * nx + (y - a.y) * ny
            if d > best.d { best = (d, k, nx, ny) }
        }
        return best
    }

    /// The glossy surface's reflection at image point (x, y) (before any downscale): its opacity
    /// (0 inside the card's outline and away from its near edge) and the card point it mirrors.
    static func h13Reflection(_ s: IDScanSyntheticScene, _ q: [P], _ x: Double, _ y: Double) -> (alpha: Double, sx: Double, sy: Double) {
        guard let r = s.reflection, s.hasCard else { return (0, 0, 0) }
        let o = h13Outside(q, x, y)
        guard o.d > 0 else { return (0, 0, 0) }
        // The near (bottom) edge: corners 2 → 3.
        let a = q[2], b = q[3]
        let ex = b.x - a.x, ey = b.y - a.y, len = max((ex * ex + ey * ey).squareRoot(), 1e-9)
        let nx = ey / len, ny = -ex / len
        let d = (x - a.x) * nx + (y - a.y) * ny, t = ((x - a.x) * ex + (y - a.y) * ey) / len
        let cardH = (((q[3].x - q[0].x) * (q[3].x - q[0].x) + (q[3].y - q[0].y) * (q[3].y - q[0].y)).squareRoot())
        let fade = r.fade * cardH
        guard d > 0, d < fade, t >= 0, t <= len else { return (0, 0, 0) }
        let sx = x - 2 * d * nx, sy = y - 2 * d * ny
        guard h13Outside(q, sx, sy).d < -1 else { return (0, 0, 0) }
        let f = 1 - d / fade
        return (r.opacity * f * f, sx, sy)
    }

    /// The reflection's opacity at (x, y), for tests: 0 everywhere on the card.
    public static func holdout13ReflectionAlpha(_ s: IDScanSyntheticScene, _ x: Double, _ y: Double) -> Double {
        h13Reflection(s, cardQuad(s), x, y).alpha
    }

    /// After the card is drawn: a portrait mode's soft halo along the card's outline (the card's
    /// colours bleeding `halo` px out, where the phone's segmentation is imperfect) and a glossy
    /// surface's mirrored reflection of the card below its near edge. No effect without them.
    static func paintHoldout13Edges(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard s.hasCard, s.portrait != nil || s.reflection != nil else { return }
        let q = cardQuad(s)
        let xs = q.map(\.x), ys = q.map(\.y)
        let cardH = (((q[3].x - q[0].x) * (q[3].x - q[0].x) + (q[3].y - q[0].y) * (q[3].y - q[0].y)).squareRoot())
        let reach = max(s.portrait.map { $0.halo + 2 } ?? 0, s.reflection.map { $0.fade * cardH + 2 } ?? 0)
        let x0 = max(0, Int((xs.min() ?? 0) - reach)), x1 = min(W - 1, Int((xs.max() ?? 0) + reach))
        let y0 = max(0, Int((ys.min() ?? 0) - reach)), y1 = min(H - 1, Int((ys.max() ?? 0) + reach))
        guard x0 <= x1, y0 <= y1 else { return }
        func sample(_ c: Int, _ sx: Double, _ sy: Double) -> Double {
            let ix = min(max(Int(sx), 0), W - 1), iy = min(max(Int(sy), 0), H - 1)
            return bg[c][iy * W + ix]
        }
        for y in y0...y1 {
            for x in x0...x1 {
                let fx = Double(x) + 0.5, fy = Double(y) + 0.5, i = y * W + x
                if let p = s.portrait {
                    let o = h13Outside(q, fx, fy)
                    if o.d > 0, o.d < p.halo {
                        let sx = fx - (2 * o.d + 1) * o.nx, sy = fy - (2 * o.d + 1) * o.ny
                        if h13Outside(q, sx, sy).d < 0 {
                            let w = p.strength * (1 - o.d / p.halo) * (1 - o.d / p.halo)
                            for c in 0..<3 { bg[c][i] += (sample(c, sx, sy) - bg[c][i]) * w }
                        }
                    }
                }
                if s.reflection != nil {
                    let r = h13Reflection(s, q, fx, fy)
                    if r.alpha > 0 {
                        for c in 0..<3 {
                            // A slightly soft mirror image: the card point and its neighbours along the edge.
                            let v = (sample(c, r.sx, r.sy) * 2 + sample(c, r.sx - 1.5, r.sy) + sample(c, r.sx + 1.5, r.sy)) / 4
                            bg[c][i] += (v - bg[c][i]) * r.alpha
                        }
                    }
                }
            }
        }
    }

    // MARK: - Light

    /// The phone's shade at image point (x, y) (before any downscale), 0–1: the phone's rounded
    /// outline, its centre and size in card widths from the card's centre, a soft penumbra.
    static func h13PhoneShadeCover(_ s: IDScanSyntheticScene, _ ps: IDScanSyntheticScene.PhoneShade, _ x: Double, _ y: Double) -> Double {
        let cw = s.cardWidthFraction * Double(s.width)
        let cx = s.centerX * Double(s.width) + ps.offsetX * cw, cy = s.centerY * Double(s.height) + ps.offsetY * cw
        let dx = x - cx, dy = y - cy, ca = cos(ps.angle), sa = sin(ps.angle)
        let u = (dx * ca + dy * sa) / cw, v = (-dx * sa + dy * ca) / cw
        let r = 0.1
        let qx = abs(u) - (ps.halfLength - r), qy = abs(v) - (ps.halfWidth - r)
        let d = (max(qx, 0) * max(qx, 0) + max(qy, 0) * max(qy, 0)).squareRoot() + min(max(qx, qy), 0) - r
        return 1 - smooth(d / ps.softness + 0.5)
    }

    /// The fraction of the card's area under the phone's shade, for tests; 0 without it.
    public static func holdout13PhoneShadeCardFraction(_ s: IDScanSyntheticScene) -> Double {
        guard let ps = s.phoneShade else { return 0 }
        return cardCoverFraction(s) { h13PhoneShadeCover(s, ps, $0, $1) }
    }

    /// The same fraction, coarsely (about 80 × 50 samples over the card): for placing the shade.
    static func holdout13PhoneShadeCardFractionQuick(_ s: IDScanSyntheticScene) -> Double {
        guard let ps = s.phoneShade, s.hasCard else { return 0 }
        let q = cardQuad(s), xs = q.map(\.x), ys = q.map(\.y)
        let step = max(1, s.cardWidthFraction * Double(s.width) / 80)
        var n = 0.0, total = 0.0
        var y = (ys.min() ?? 0) + step / 2
        while y < (ys.max() ?? 0) {
            var x = (xs.min() ?? 0) + step / 2
            while x < (xs.max() ?? 0) {
                if h13Outside(q, x, y).d < 0 { n += 1; total += h13PhoneShadeCover(s, ps, x, y) }
                x += step
            }
            y += step
        }
        return n > 0 ? total / n : 0
    }

    /// Mixed tungsten and daylight (warm gains on one side of the frame, cool on the other,
    /// blending smoothly along `angle`; each pixel's luma kept) and the phone's soft shade
    /// (darkening by `strength` under it). No effect without them.
    static func applyHoldout13Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard s.tungstenDaylight != nil || s.phoneShade != nil else { return }
        for y in 0..<H {
            for x in 0..<W {
                let i = y * W + x
                var r = bg[0][i], g = bg[1][i], b = bg[2][i]
                if let m = s.tungstenDaylight {
                    let nx = (Double(x) + 0.5) / Double(W) - 0.5, ny = (Double(y) + 0.5) / Double(H) - 0.5
                    let w = smooth(nx * cos(m.angle) + ny * sin(m.angle) + 0.5)   // 0: the warm side, 1: the cool one
                    let k = m.strength * (1 - 2 * w)   // > 0 warm, < 0 cool
                    let y0 = 0.299 * r + 0.587 * g + 0.114 * b
                    r *= 1 + k; b *= 1 - 1.2 * k; g *= 1 + 0.1 * k
                    let y1 = 0.299 * r + 0.587 * g + 0.114 * b
                    if y1 > 0 { let f = y0 / y1; r *= f; g *= f; b *= f }
                }
                if let ps = s.phoneShade {
                    let f = 1 - ps.strength * h13PhoneShadeCover(s, ps, Double(x) + 0.5, Double(y) + 0.5)
                    r *= f; g *= f; b *= f
                }
                bg[0][i] = r; bg[1][i] = g; bg[2][i] = b
            }
        }
    }

    // MARK: - The sheet-fed scanner

    /// The dust streak on a sheet-fed scanner's sensor: a vertical line `streakWidth` px wide at
    /// `streakX` of the width, `streakDelta` levels lighter (or darker), through the whole image
    /// (after the noise, before any downscale). No effect without it.
    static func applyHoldout13Streak(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        guard let f = s.sheetFeed else { return }
        let W = planes.width, H = planes.height
        let x0 = min(max(Int(f.streakX * Double(W)), 0), W - 1)
        for x in x0..<min(W, x0 + max(1, f.streakWidth)) {
            for y in 0..<H {
                let i = y * W + x
                for c in 0..<3 { planes.channels[c][i] = UInt8(min(max(Double(planes.channels[c][i]) + f.streakDelta, 0), 255)) }
            }
        }
    }
}

extension IDScanSyntheticScene {
    /// Mixed light: warm tungsten light from one side, cool daylight from the other, blending
    /// along `angle` (radians, from the warm side to the cool one); `strength` (0.08–0.14) the
    /// red/blue gain's change at either side; each pixel's luma is kept.
    public struct TungstenDaylight: Sendable, Hashable {
        public var angle: Double, strength: Double
        public init(angle: Double, strength: Double) { self.angle = angle; self.strength = strength }
    }

    /// A phone's portrait mode: the background blurred with σ = `blur` of the frame's long side,
    /// the card sharp, its colours bleeding `halo` px out of its outline with `strength` (0–1).
    public struct Portrait: Sendable, Hashable {
        public var blur: Double, halo: Double, strength: Double
        public init(blur: Double, halo: Double, strength: Double) { self.blur = blur; self.halo = halo; self.strength = strength }
    }

    /// The phone's own soft shade: a rounded rectangle `halfLength` × `halfWidth` (card widths),
    /// turned by `angle`, its centre `offsetX`, `offsetY` card widths from the card's centre, a
    /// penumbra `softness` card widths wide, darkening by `strength` (0.25–0.4).
    public struct PhoneShade: Sendable, Hashable {
        public var offsetX: Double, offsetY: Double, angle: Double, halfLength: Double, halfWidth: Double, softness: Double, strength: Double
        public init(offsetX: Double, offsetY: Double, angle: Double, halfLength: Double, halfWidth: Double, softness: Double, strength: Double) {
            self.offsetX = offsetX; self.offsetY = offsetY; self.angle = angle; self.halfLength = halfLength; self.halfWidth = halfWidth
            self.softness = softness; self.strength = strength
        }
    }

    /// A glossy surface's mirrored reflection of the card below its near edge: `opacity`
    /// (0.15–0.25) at the edge, fading to nothing over `fade` of the card's height.
    public struct Reflection: Sendable, Hashable {
        public var opacity: Double, fade: Double
        public init(opacity: Double, fade: Double) { self.opacity = opacity; self.fade = fade }
    }

    /// A sheet-fed scanner's feed: the image stretched vertically by `stretch` (0.01–0.02), a
    /// dust streak `streakWidth` px wide (1–3) at `streakX` of the width, `streakDelta` levels.
    public struct SheetFeed: Sendable, Hashable {
        public var stretch: Double, streakX: Double, streakWidth: Int, streakDelta: Double
        public init(stretch: Double, streakX: Double, streakWidth: Int, streakDelta: Double) {
            self.stretch = stretch; self.streakX = streakX; self.streakWidth = streakWidth; self.streakDelta = streakDelta
        }
    }
}
