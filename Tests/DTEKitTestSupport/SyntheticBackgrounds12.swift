import Foundation
import IDScan

// The `holdout12` part's scene painters and light: nine phone-photo backgrounds, an overhead book
// scanner, and the new kinds of light and pose (a dirty lens's haze; the card held in a hand
// against a dark sweater; strong perspective from a low angle, set in the part's geometry; a PNG
// screenshot of the photo cropped by the user in a phone editor). Kept apart from the older
// painters (which must keep painting byte-identical images); every new scene field defaults to
// "no effect", and none of the new code draws from the scene's random stream unless the scene
// uses a holdout12 background.

extension IDScanSyntheticCard {
    /// Whether (u, v) (in a w × h box, from its top-left corner) is inked by a seven-segment
    /// digit `d` (stroke `t`): the banknotes' big numerals.
    static func h12SevenSegment(_ d: Int, _ u: Double, _ v: Double, _ w: Double, _ h: Double, _ t: Double) -> Bool {
        guard u >= 0, v >= 0, u <= w, v <= h else { return false }
        let on: [[Int]] = [[0, 1, 2, 3, 4, 5], [1, 2], [0, 1, 6, 4, 3], [0, 1, 6, 2, 3], [5, 6, 1, 2], [0, 5, 6, 2, 3], [0, 5, 6, 4, 3, 2],
                           [0, 1, 2], [0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 5, 6]]
        let m = h / 2
        for k in on[max(0, min(9, d))] {
            let hit: Bool
            switch k {
            case 0: hit = v < t
            case 1: hit = u > w - t && v < m
            case 2: hit = u > w - t && v >= m
            case 3: hit = v > h - t
            case 4: hit = u < t && v >= m
            case 5: hit = u < t && v < m
            default: hit = abs(v - m) < t / 2
            }
            if hit { return true }
        }
        return false
    }

    /// Paints a holdout12 background into the planes (any other background: no effect); a scene
    /// with a `hand` gets the dark sweater instead. `scale` keeps a texture's look at any image
    /// size (1000 / the image's long side); sizes in mm follow the card (85.6 mm wide).
    static func paintHoldout12Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                         _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        let uMax = Double(W) * scale, vMax = Double(H) * scale
        let mm = max(s.cardWidthFraction * Double(W) * scale / 85.6, 0.5)   // texture units per mm
        /// A rotated rectangle lying on the scene (a pack, a note, a napkin): centre, axis, size.
        struct Sheet { var cx: Double, cy: Double, ca: Double, sa: Double, w: Double, h: Double, seed: UInt64, tone: Int }
        func local(_ k: Sheet, _ px: Double, _ py: Double) -> (Double, Double) {
            let dx = px - k.cx, dy = py - k.cy
            return (dx * k.ca + dy * k.sa + k.w / 2, -dx * k.sa + dy * k.ca + k.h / 2)   // from the sheet's top-left corner
        }
        func scatter(_ n: Int, w: Double, h: Double, turn: Double) -> [Sheet] {
            (0..<n).map { _ in
                let a = (rng.unit() - 0.5) * turn
                return Sheet(cx: rng.unit() * uMax, cy: rng.unit() * vMax, ca: cos(a), sa: sin(a), w: w * (0.94 + 0.12 * rng.unit()),
                             h: h * (0.94 + 0.12 * rng.unit()), seed: rng.next(), tone: Int(rng.next() % 5))
            }
        }
        /// The topmost sheet under (px, py), and the shadow (0–1) cast on it (or on the ground) by the sheets above.
        func topSheet(_ sheets: [Sheet], _ px: Double, _ py: Double, shadow: Double) -> (Int, Double) {
            var top = -1
            for k in stride(from: sheets.count - 1, through: 0, by: -1) {
                let (u, v) = local(sheets[k], px, py)
                if u >= 0, v >= 0, u < sheets[k].w, v < sheets[k].h { top = k; break }
            }
            for k in (top + 1)..<sheets.count {
                let (u, v) = local(sheets[k], px - 1.2 * mm, py - 1.6 * mm)
                let out = max(max(-u, u - sheets[k].w), max(-v, v - sheets[k].h))
                if out < shadow { return (top, 1 - smooth(out / shadow)) }
            }
            return (top, 0)
        }
        if s.hand != nil {
            // A dark knitted sweater: columns of V-shaped stitches, fibre fuzz, soft folds.
            let tones: [(Double, Double, Double)] = [(38, 40, 54), (36, 36, 38), (60, 30, 36), (30, 44, 40)]
            let knit = tones[Int(rng.next() % UInt64(tones.count))]
            let colW = (3.8 + 0.8 * rng.unit()) * mm, rowH = (3.2 + 0.6 * rng.unit()) * mm
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (_, du) = cellOf(px, colW)
                    let a = du / colW - 0.5   // -0.5…0.5 across the column
                    let (_, dv) = cellOf(py - abs(a) * rowH * 1.1, rowH)
                    let loop = sin(Double.pi * dv / rowH)   // each arm of the V rounded
                    let gap = smooth(abs(abs(a) - 0.25) * 4)   // dark between the arms and the columns
                    let fold = 0.82 + 0.3 * valueNoise(px, py, cell: 45 * mm, seed: bgSeed)
                    let fuzz = 0.9 + 0.2 * lattice(x, y, bgSeed &+ 1)
                    put(y * W + x, times(knit, (0.7 + 0.45 * loop * (1 - 0.6 * gap)) * fold * fuzz))
                }
            }
            return
        }
        switch s.background {
        case .pillPacks:
            // A white bathroom shelf, 4–6 blister packs: silver foil (crinkled, small print), 2 × 5
            // clear domes with a pill each (white, pink or yellow; a few pushed out and torn).
            let shelf = (234 + 8 * rng.unit(), 236 + 8 * rng.unit(), 239 + 8 * rng.unit())
            let packs = scatter(4 + Int(rng.next() % 3), w: 96 * mm, h: 48 * mm, turn: 1.2)
            let pills: [(Double, Double, Double)] = [(248, 248, 244), (236, 160, 176), (238, 214, 96), (250, 250, 250), (170, 200, 236)]
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (top, sh) = topSheet(packs, px, py, shadow: 2.5 * mm)
                    var c = times(shelf, (0.985 + 0.02 * valueNoise(px, py, cell: 250, seed: bgSeed)) * (1 - 0.18 * sh))
                    if top >= 0 {
                        let k = packs[top], (u, v) = local(k, px, py)
                        let crinkle = valueNoise(px, py, cell: 5 * mm, seed: k.seed), fine = lattice(x, y, k.seed &+ 1)
                        var f = 186 + 46 * crinkle + 8 * fine   // the foil's metallic sheen
                        let pitchX = k.w / 5, pitchY = k.h / 2
                        let (col, cu) = cellOf(u, pitchX), (row, cv) = cellOf(v, pitchY)
                        let dx = cu - pitchX / 2, dy = cv - pitchY / 2
                        let rad = 0.36 * min(pitchX, pitchY), d = (dx * dx + dy * dy).squareRoot()
                        var p = (f, f, f * 1.02)
                        if d >= rad + 0.8 * mm {
                            // Small print on the foil between the domes, perforations between the cells.
                            let ink = h11TextInk(cu, cv, lineH: 1.6 * mm, charW: 0.9 * mm, maxChars: 9, justified: false, fill: 0.5, seed: k.seed &+ UInt64(col * 7 + row))
                            if cv > pitchY - 3.4 * mm { p = mix(p, (50, 62, 120), 0.7 * ink) }
                            if cu < 0.25 * mm || cv < 0.25 * mm, Int(u / (1.1 * mm) + v / (1.1 * mm)) % 2 == 0 { p = times(p, 0.72) }
                        } else if d >= rad {
                            p = times(p, 0.78)   // the dome's welded rim
                        } else if lattice(col, row, k.seed &+ 2) < 0.14 {
                            // Pushed out: torn foil, a dark hole with ragged silver edges.
                            let rag = 0.7 + 0.3 * lattice(Int(atan2(dy, dx) * 6), 0, k.seed &+ 3)
                            f = d < rad * rag ? 96 + 20 * fine : f
                            p = (f, f, f * 1.03)
                        } else {
                            let pill = pills[Int(lattice(col, row, k.seed &+ 4) * Double(pills.count)) % pills.count]
                            let e = (dx * dx / (0.78 * 0.78) + dy * dy / (0.56 * 0.56)).squareRoot() / rad   // an oval pill
                            var q = e < 1 ? times(pill, 0.9 + 0.1 * (1 - e * e)) : times((f, f, f), 0.9)
                            let hx = dx + 0.35 * rad, hy = dy + 0.35 * rad   // the clear dome's highlight
                            let hl = exp(-(hx * hx + hy * hy) / (2 * 0.14 * rad * 0.14 * rad))
                            q = mix(q, (255, 255, 255), 0.75 * hl)
                            p = times(q, 1 - 0.16 * smooth((d - 0.8 * rad) / (0.2 * rad)))
                        }
                        if min(min(u, k.w - u), min(v, k.h - v)) < 0.7 * mm { p = times(p, 0.86) }   // the crimped edge
                        c = p
                    }
                    put(y * W + x, c)
                }
            }
        case .receiptBook:
            // A receipt book open on a wooden desk: a pale blue copy (left) and a pale pink
            // original (right), printed boxes, a heading, a red serial number, blue handwriting.
            let wood = (140 + 16 * rng.unit(), 100 + 12 * rng.unit(), 66 + 10 * rng.unit())
            let pageW = 105 * mm, pageH = 148 * mm
            let a = (rng.unit() - 0.5) * 0.2, ca = cos(a), sa = sin(a)
            let bc = (uMax * (0.45 + 0.1 * rng.unit()), vMax * (0.45 + 0.1 * rng.unit()))
            let pages: [(Double, Double, Double)] = [(214, 228, 244), (246, 218, 226)]
            let lines = 1 + Int(rng.next() % 3), serial = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let dx = px - bc.0, dy = py - bc.1
                    let bu = dx * ca + dy * sa, bv = -dx * sa + dy * ca + pageH / 2   // from the binding's top
                    let grain = 0.88 + 0.08 * sin((py / (2.2 * mm) + 3 * valueNoise(px, py, cell: 30 * mm, seed: bgSeed)) * 6.283)
                    var c = times(wood, grain * (0.95 + 0.1 * lattice(x / 2, y / 2, bgSeed &+ 1)))
                    let out = max(abs(bu) - pageW, max(-bv, bv - pageH))
                    if out < 2 * mm, out >= 0 {
                        // The stacked forms' edges under the top sheet, then its shadow.
                        c = out < 1.4 * mm ? (Int(out / (0.35 * mm)) % 2 == 0 ? (236, 226, 230) : (214, 222, 236)) : times(c, 0.8)
                    } else if out < 0 {
                        let right = bu >= 0, u = right ? bu : bu + pageW, v = bv
                        var p = times(pages[right ? 1 : 0], 0.985 + 0.02 * valueNoise(px, py, cell: 2 * mm, seed: bgSeed &+ 2))
                        let print = right ? (40.0, 60.0, 130.0) : (60.0, 80.0, 150.0)
                        let seedP = serial &+ (right ? 1 : 0)
                        // The heading and the serial number.
                        if v > 8 * mm, v < 16 * mm, u > 10 * mm, u < 50 * mm {
                            p = mix(p, print, h11TextInk(u - 10 * mm, v - 8 * mm, lineH: 8 * mm, charW: 3.6 * mm, maxChars: 7, justified: true, fill: 0.8, seed: 5))
                        } else if v > 9 * mm, v < 15 * mm, u > 68 * mm, u < 96 * mm {
                            p = mix(p, (200, 40, 44), h11TextInk(u - 68 * mm, v - 9 * mm, lineH: 6 * mm, charW: 2.8 * mm, maxChars: 8, justified: true, fill: 0.8, seed: serial))
                        }
                        // The form's boxes: an outer frame, rows every 9 mm, a table's columns.
                        let inBox = u > 6 * mm && u < pageW - 6 * mm && v > 22 * mm && v < 136 * mm
                        if inBox {
                            let (row, rv) = cellOf(v - 22 * mm, 9 * mm)
                            let rule = rv < 0.3 * mm || abs(u - 6 * mm) < 0.3 * mm || abs(u - (pageW - 6 * mm)) < 0.3 * mm
                                || (row >= 5 && (abs(u - 66 * mm) < 0.25 * mm || abs(u - 84 * mm) < 0.25 * mm))
                            if rule { p = mix(p, print, 0.85) }
                            if u < 26 * mm, u > 8 * mm, rv > 2 * mm {
                                p = mix(p, print, 0.8 * h11TextInk(u - 8 * mm, rv - 2 * mm, lineH: 5 * mm, charW: 1.5 * mm, maxChars: 9, justified: false, fill: 0.45, seed: UInt64(row)))
                            }
                            if row < 4 + lines {
                                // Ballpoint handwriting (fuzzier and paler on the carbon copy).
                                let pen = (right ? 0.25 : 0.4) * mm
                                let ink = h11Handwriting(u, rv, baseline: 6.8 * mm, left: 28 * mm, right: (40 + 50 * lattice(row, 1, seedP)) * mm,
                                                         h: 2.6 * mm, pen: pen, seed: seedP &+ UInt64(row))
                                p = mix(p, right ? (28, 44, 150) : (70, 70, 156), ink * (right ? 0.95 : 0.75))
                            }
                        }
                        p = times(p, 1 - 0.25 * (1 - smooth(abs(bu) / (7 * mm))))   // the binding's shadow
                        c = p
                    }
                    put(y * W + x, c)
                }
            }
        case .linenNapkins:
            // Folded white linen napkins on a pale table: slubby weave, soft fold creases, a wide
            // hem with a hemstitch border (a row of small openings), soft shadows.
            let table = (214 + 10 * rng.unit(), 206 + 10 * rng.unit(), 196 + 10 * rng.unit())
            let napkins = scatter(2 + Int(rng.next() % 2), w: 125 * mm, h: 125 * mm, turn: 1.4)
            let linen = (243.0, 241.0, 235.0)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (top, sh) = topSheet(napkins, px, py, shadow: 4 * mm)
                    var c = times(table, (0.96 + 0.06 * valueNoise(px, py, cell: 90, seed: bgSeed)) * (1 - 0.22 * sh))
                    if top >= 0 {
                        let k = napkins[top], (u, v) = local(k, px, py)
                        let weave = 0.968 + 0.03 * lattice(Int(u / (0.45 * mm)), Int(v / (0.45 * mm)), k.seed)
                            + 0.025 * (valueNoise(u / 6, v, cell: 1.2 * mm, seed: k.seed &+ 1) - 0.5)
                        let fold = 1 - 0.09 * exp(-pow((v - k.h * 0.5) / (5 * mm), 2)) + 0.04 * sin((u * 0.8 + v * 0.4) / (14 * mm) + Double(k.tone))
                        var p = times(linen, weave * fold * (1 - 0.04 * sh))
                        let edge = min(min(u, k.w - u), min(v, k.h - v))
                        if edge < 0.6 * mm { p = times(p, 0.9) }   // the folded edge
                        if abs(edge - 11 * mm) < 0.15 * mm { p = times(p, 0.93) }   // the hem's inner fold
                        if edge > 12 * mm, edge < 13.6 * mm {
                            // Hemstitch: small openings every 1.4 mm along the edge, the table through them.
                            let along = edge == u || edge == k.w - u ? v : u
                            if cellOf(along, 1.4 * mm).1 < 0.7 * mm { p = mix(p, times(table, 0.8), 0.65) }
                        }
                        c = p
                    }
                    put(y * W + x, c)
                }
            }
        case .cashNotes:
            // Scattered peso-like banknotes (obviously fake): pastel paper, guilloche rosette and
            // wave lines, a plain silhouette in a portrait oval, big numerals, a security thread.
            let desk = (76 + 14 * rng.unit(), 68 + 10 * rng.unit(), 62 + 8 * rng.unit())
            let notes = scatter(6 + Int(rng.next() % 4), w: 140 * mm, h: 70 * mm, turn: 2.4)
            let papers: [(Double, Double, Double)] = [(238, 200, 204), (200, 216, 238), (222, 206, 238), (206, 230, 202), (242, 216, 182)]
            let values = [1000, 2000, 5000, 10000, 20000]
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let (top, sh) = topSheet(notes, px, py, shadow: 2.2 * mm)
                    var c = times(desk, (0.9 + 0.15 * valueNoise(px, py, cell: 3 * mm, seed: bgSeed)) * (1 - 0.3 * sh))
                    if top >= 0 {
                        let k = notes[top], (u, v) = local(k, px, py)
                        let paper = papers[k.tone], ink = times(paper, 0.5)
                        var p = times(paper, (0.97 + 0.04 * valueNoise(px, py, cell: 8 * mm, seed: k.seed)) * (1 - 0.12 * sh))
                        // Wave lines over the whole note, a rosette right of the centre.
                        let wave = sin((v + 3 * mm * sin(u / (7 * mm))) / (0.55 * mm))
                        if wave > 0.9 { p = mix(p, ink, 0.18) }
                        let rx = u - 0.64 * k.w, ry = v - 0.5 * k.h, r = (rx * rx + ry * ry).squareRoot(), th = atan2(ry, rx)
                        if r < 24 * mm, sin(r / (0.7 * mm) + 3 * sin(6 * th + r / (6 * mm))) > 0.82 { p = mix(p, ink, 0.45) }
                        // A guilloche border band.
                        let edge = min(min(u, k.w - u), min(v, k.h - v))
                        if edge > 2 * mm, edge < 6 * mm, sin((u + v) / (0.8 * mm) + 2.5 * sin(edge / (0.9 * mm))) > 0.6 { p = mix(p, ink, 0.5) }
                        // The portrait oval with a plain silhouette.
                        let ox = (u - 0.24 * k.w) / (16 * mm), oy = (v - 0.5 * k.h) / (22 * mm), o = (ox * ox + oy * oy).squareRoot()
                        if o < 1 {
                            p = times(paper, 1.04)
                            let hx = ox * 16, hy = oy * 22 + 6, head = (hx * hx + hy * hy).squareRoot() < 7.5
                            let sx = ox * 16 / 14, sy = (oy * 22 - 15) / 9, shoulders = (sx * sx + sy * sy) < 1
                            if head || shoulders { p = mix(p, ink, 0.55) }
                        } else if o < 1.06 { p = mix(p, ink, 0.8) }
                        // The security thread, big numerals top right, small print bottom left.
                        if abs(u - 0.44 * k.w) < 0.9 * mm, Int(v / (2.5 * mm)) % 2 == 0 { p = (150, 150, 156) }
                        let digits = String(values[k.tone]).compactMap { $0.wholeNumberValue }
                        let dw = 7 * mm, x0 = k.w - 8 * mm - Double(digits.count) * (dw + 1.6 * mm), y0 = 6 * mm
                        if v > y0, v < y0 + 12 * mm, u > x0 {
                            let (n, du) = cellOf(u - x0, dw + 1.6 * mm)
                            if n < digits.count, h12SevenSegment(digits[n], du, v - y0, dw, 12 * mm, 1.6 * mm) { p = times(ink, 0.8) }
                        }
                        if v > k.h - 14 * mm, v < k.h - 7 * mm, u > 10 * mm, u < 60 * mm {
                            p = mix(p, ink, 0.8 * h11TextInk(u - 10 * mm, v - k.h + 14 * mm, lineH: 3.5 * mm, charW: 1.6 * mm, maxChars: 24, justified: false, seed: k.seed))
                        }
                        c = p
                    }
                    put(y * W + x, c)
                }
            }
        case .printerTray:
            // A stack of printed A4 pages on a grey plastic output tray, the tray's raised edge at
            // one side: a heading, justified text, a table with a shaded header row.
            let plastic = 146 + 14 * rng.unit()
            let pageW = 210 * mm, pageH = 297 * mm
            let left = uMax * (0.1 + 0.12 * rng.unit()), topV = vMax * (0.06 + 0.12 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.06, ca = cos(a), sa = sin(a)
            let lipW = 9 * mm, textSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    // The tray: textured plastic, its raised edge (a lit bevel, then a dark step) at the left.
                    var g = plastic * (0.96 + 0.05 * valueNoise(px, py, cell: 0.7 * mm, seed: bgSeed) + 0.03 * (valueNoise(px, py, cell: 200, seed: bgSeed &+ 1) - 0.5))
                    if px < lipW { g = px < lipW - 2 * mm ? plastic * (0.8 + 0.25 * px / lipW) : plastic * 1.18 }
                    var c = (g, g, g * 1.02)
                    let dx = px - left, dy = py - topV
                    let u = dx * ca + dy * sa, v = -dx * sa + dy * ca
                    if u > -1.6 * mm, v > -1.6 * mm, u < pageW, v < pageH {
                        if u < 0 || v < 0 {
                            // The stack's offset edges under the top sheet.
                            let e = min(u, v)
                            c = Int(-e / (0.4 * mm)) % 2 == 0 ? (226, 226, 224) : (204, 204, 204)
                        } else {
                            var p = 246 * (0.99 + 0.015 * valueNoise(px, py, cell: 2 * mm, seed: bgSeed &+ 2))
                            if u > 20 * mm, u < 150 * mm, v > 20 * mm, v < 27 * mm {
                                p -= 200 * h11TextInk(u - 20 * mm, v - 20 * mm, lineH: 7 * mm, charW: 3.2 * mm, maxChars: 18, justified: false, fill: 0.75, seed: textSeed)
                            } else if u > 20 * mm, u < 190 * mm, (v > 34 * mm && v < 92 * mm) || (v > 158 * mm && v < 280 * mm) {
                                p -= 200 * h11TextInk(u - 20 * mm, v - 34 * mm, lineH: 4.4 * mm, charW: 1.85 * mm, maxChars: 91, justified: true, seed: textSeed &+ 1)
                            } else if u > 20 * mm, u < 190 * mm, v > 98 * mm, v < 152 * mm {
                                let (row, rv) = cellOf(v - 98 * mm, 6 * mm), (col, cu) = cellOf(u - 20 * mm, 34 * mm)
                                if row == 0 { p = 222 }
                                if rv < 0.3 * mm || cu < 0.3 * mm || abs(u - 190 * mm) < 0.3 * mm || abs(v - 152 * mm) < 0.3 * mm { p = 70 }
                                else if cu > 2 * mm {
                                    p -= 190 * h11TextInk(cu - 2 * mm, rv - 1.2 * mm, lineH: 6 * mm, charW: 1.85 * mm, maxChars: 12, justified: false, fill: 0.45,
                                                          seed: textSeed &+ UInt64(2 + row * 7 + col))
                                }
                            }
                            c = (p, p, p * 1.01)
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .oliveWoodBoard:
            // Olive wood: cream-yellow with swirling, warped dark-brown grain.
            let light = (212 + 12 * rng.unit(), 184 + 12 * rng.unit(), 134 + 12 * rng.unit())
            let dark = (112 + 16 * rng.unit(), 76 + 10 * rng.unit(), 44 + 8 * rng.unit())
            let ga = rng.unit() * 3.14, gc = cos(ga), gs = sin(ga)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let wx = px + 30 * mm * (valueNoise(px, py, cell: 45 * mm, seed: bgSeed) - 0.5)
                    let wy = py + 30 * mm * (valueNoise(px, py, cell: 45 * mm, seed: bgSeed &+ 1) - 0.5)
                    let t = sin((wx * gc + wy * gs) / (3.2 * mm) + 7 * valueNoise(wx, wy, cell: 60 * mm, seed: bgSeed &+ 2))
                    let streak = smooth((t - 0.45) / 0.4) * (0.45 + 0.55 * valueNoise(wx, wy, cell: 18 * mm, seed: bgSeed &+ 3))
                    let fibre = 0.96 + 0.06 * valueNoise((wx * gc + wy * gs) / 8, -wx * gs + wy * gc, cell: 0.6 * mm, seed: bgSeed &+ 4)
                    put(y * W + x, times(mix(light, dark, streak), fibre))
                }
            }
        case .slateRoofTiles:
            // Overlapping blue-grey slates in offset rows: layered grain, chipped light lower
            // edges, the shadow of the row above, dark gaps between neighbours.
            let sw = (60 + 12 * rng.unit()) * mm, sh = (28 + 6 * rng.unit()) * mm
            let tilt = (rng.unit() - 0.5) * 0.3
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let qx = px * cos(tilt) + py * sin(tilt), qy = -px * sin(tilt) + py * cos(tilt)
                    let (row, dv) = cellOf(qy, sh)
                    let (col, du) = cellOf(qx + (row % 2 == 0 ? 0 : sw / 2), sw)
                    let tone = 0.82 + 0.3 * lattice(col, row, bgSeed)
                    let layers = 0.93 + 0.1 * valueNoise(qx / 10, qy, cell: 0.7 * mm, seed: bgSeed &+ 1) + 0.04 * lattice(x, y, bgSeed &+ 2)
                    var c = times((60, 65, 74), tone * layers)
                    if du < 1.1 * mm { c = (20, 22, 26) }   // the gap between two slates
                    else if dv > sh - 1.1 * mm - 0.6 * mm * lattice(Int(qx / (2 * mm)), row, bgSeed &+ 3) { c = times(c, 1.3) }   // the chipped lower edge
                    else if dv < 3 * mm { c = times(c, 0.55 + 0.45 * dv / (3 * mm)) }   // under the row above
                    put(y * W + x, c)
                }
            }
        case .redBrickPavers:
            // Red clay pavers (64 × 32 mm) in a herringbone turned 45°, sandy joints.
            let w = 32 * mm, joint = 1.6 * mm
            let a = Double.pi / 4 + (rng.unit() - 0.5) * 0.3, ca = cos(a), sa = sin(a)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let qx = (px * ca + py * sa) / w, qy = (-px * sa + py * ca) / w
                    // One staircase strip of horizontal and vertical bricks every 4 units along x.
                    let n = Int(qy.rounded(.down)), fy = qy - Double(n)
                    let (m, lx) = cellOf(qx - Double(n), 4)
                    let id: (Int, Int), bu: Double, bv: Double, bw: Double, bh: Double
                    if lx < 2 { id = (n * 3, m); bu = lx; bv = fy; bw = 2; bh = 1 }
                    else if lx < 3 { id = (n * 3 + 1, m); bu = lx - 2; bv = fy + 1; bw = 1; bh = 2 }
                    else { id = (n * 3 + 4, m); bu = lx - 3; bv = fy; bw = 1; bh = 2 }
                    let e = min(min(bu, bw - bu), min(bv, bh - bv)) * w
                    let tone = 0.82 + 0.3 * lattice(id.0, id.1, bgSeed)
                    var c = times((162, 66, 46), tone * (0.93 + 0.1 * valueNoise(px, py, cell: 1.5 * mm, seed: bgSeed &+ 1) + 0.05 * lattice(x, y, bgSeed &+ 2)))
                    if e < joint / 2 { c = times((168, 156, 134), 0.8 + 0.3 * lattice(x, y, bgSeed &+ 3)) }
                    else if e < joint / 2 + 1 * mm { c = times(c, 0.85 + 0.15 * (e - joint / 2) / mm) }   // rounded arrises
                    put(y * W + x, c)
                }
            }
        case .jeansPocket:
            // A denim jeans' back pocket filling the frame: indigo twill, the pocket's edge with a
            // double row of orange stitching, two decorative stitched arcs.
            let a = 1.1 + 0.2 * rng.unit()
            let cx = uMax * (0.45 + 0.1 * rng.unit()), cy = vMax * (0.45 + 0.1 * rng.unit())
            let pts = [(cx - 70 * mm, cy - 78 * mm), (cx + 70 * mm, cy - 78 * mm), (cx + 64 * mm, cy + 44 * mm), (cx, cy + 68 * mm), (cx - 64 * mm, cy + 44 * mm)]
            let thread = (222.0, 138.0, 50.0)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    // The signed distance inside the pocket (> 0 inside) and the nearest edge's direction.
                    var d = Double.infinity, along = 0.0
                    for k in 0..<5 {
                        let p0 = pts[k], p1 = pts[(k + 1) % 5]
                        let ex = p1.0 - p0.0, ey = p1.1 - p0.1, len = (ex * ex + ey * ey).squareRoot()
                        let dk = ((px - p0.0) * ey - (py - p0.1) * ex) / len   // inside: positive (clockwise polygon in image coordinates)
                        if dk < d { d = dk; along = ((px - p0.0) * ex + (py - p0.1) * ey) / len }
                    }
                    let inside = d > 0
                    let t = (px * cos(a) + py * sin(a)) / (0.6 * mm) + (inside ? 0.5 : 0)
                    let twill = 0.5 + 0.5 * sin(t * 6.283)
                    let wear = valueNoise(px, py, cell: 30 * mm, seed: bgSeed)
                    var c = mix((40, 60, 104), (176, 186, 204), 0.16 * twill + 0.06 * lattice(x, y, bgSeed &+ 1))
                    c = mix(c, (112, 134, 170), 0.35 * smooth((wear - 0.45) / 0.4))
                    if inside {
                        if d < 1.2 * mm { c = times(c, 0.8 + 0.3 * d / (1.2 * mm)) }   // the folded edge
                        let stitch = (abs(d - 2.4 * mm) < 0.35 * mm || abs(d - 5 * mm) < 0.35 * mm) && cellOf(along, 2.6 * mm).1 < 1.9 * mm
                        let ar = ((px - cx) * (px - cx) + (py - cy - 70 * mm) * (py - cy - 70 * mm)).squareRoot()
                        let arc = abs(px - cx) < 52 * mm && (abs(ar - 72 * mm) < 0.35 * mm || abs(ar - 76 * mm) < 0.35 * mm)
                            && cellOf(atan2(py - cy - 70 * mm, px - cx) * 72 * mm, 2.6 * mm).1 < 1.9 * mm
                        if stitch || arc { c = times(thread, 0.9 + 0.15 * lattice(x / 2, y / 2, bgSeed &+ 2)) }
                    } else if d > -1.8 * mm {
                        c = times(c, 0.7 + 0.3 * smooth(-d / (1.8 * mm)))   // the pocket's shadow on the jeans
                    }
                    put(y * W + x, c)
                }
            }
        case .bookScanner:
            // An overhead book scanner's dark grey felt base (fibrous, a few light fibres); its
            // lamps are `bookLamps`.
            let felt = 60 + 12 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var v = felt * (0.93 + 0.08 * valueNoise(px, py, cell: 1.6, seed: bgSeed) + 0.05 * lattice(x, y, bgSeed &+ 1))
                    if lattice(x / 2, y / 3, bgSeed &+ 2) > 0.992 { v += 22 }
                    put(y * W + x, (v, v, v * 1.02))
                }
            }
        default: break
        }
    }

    // MARK: - The hand

    /// The holdout12 hand's fingertips as holdout11 thumbs over the card's bottom edge (edge 2).
    static func holdout12Fingers(_ s: IDScanSyntheticScene) -> [IDScanSyntheticScene] {
        guard let h = s.hand else { return [] }
        return h.along.indices.map { k in
            var f = s
            f.hand = nil
            f.thumb = .init(edge: 2, along: h.along[k], depth: h.depth, radius: h.radius, tilt: h.tilts[k], red: h.red, green: h.green, blue: h.blue)
            return f
        }
    }

    /// Paints the holdout12 hand's fingertips over the card's bottom edge (after the card, before
    /// the light), each a holdout11 thumb (skin, nail, contact shadow) running out of the frame.
    /// No effect without a hand.
    static func paintHoldout12Fingers(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        for f in holdout12Fingers(s) { paintHoldout11Thumb(f, W, H, &bg) }
    }

    /// The fraction of the card's area under the fingers, for tests; 0 without a hand.
    public static func holdout12HandCardFraction(_ s: IDScanSyntheticScene) -> Double {
        let fingers = holdout12Fingers(s)
        guard !fingers.isEmpty else { return 0 }
        return cardCoverFraction(s) { x, y in fingers.map { holdout11ThumbCover($0, x, y) }.max() ?? 0 }
    }

    /// Whether the fingers leave every printed element of the card's face clear; true without a hand.
    public static func holdout12HandClearOfContent(_ s: IDScanSyntheticScene) -> Bool {
        holdout12Fingers(s).allSatisfy { holdout11ThumbClearOfContent($0) }
    }

    // MARK: - Light

    /// An overhead book scanner's two lamps on the planes: one side `brighter` (0.15) brighter
    /// than the other, a slight dip between the lamps. No effect without them.
    static func applyHoldout12Lamps(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard let l = s.bookLamps else { return }
        for x in 0..<W {
            let t0 = (Double(x) + 0.5) / Double(W), t = l.brightRight ? t0 : 1 - t0
            let f = (1 + l.brighter * t) * (1 - 0.03 * sin(Double.pi * t))
            for y in 0..<H {
                let i = y * W + x
                bg[0][i] *= f; bg[1][i] *= f; bg[2][i] *= f
            }
        }
    }

    /// A dirty lens's veiling glare over the whole frame (after the noise, before any
    /// downscale): each channel times `contrast` (0.85) plus a lift of the blacks, `lift` levels
    /// at the frame's centre, 15 % more towards the light's corner, 15 % less away from it; the
    /// brightest white stays under 250, so it never clips the card. No effect without it.
    static func applyHoldout12Haze(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        guard let h = s.haze else { return }
        let W = planes.width, H = planes.height
        let cx = cos(h.angle), cy = sin(h.angle)
        for y in 0..<H {
            for x in 0..<W {
                let nx = (Double(x) + 0.5) / Double(W) - 0.5, ny = (Double(y) + 0.5) / Double(H) - 0.5
                let lift = h.lift * (1 + 0.15 * (nx * cx + ny * cy) / 0.7072)
                let i = y * W + x
                for c in 0..<3 {
                    planes.channels[c][i] = UInt8(min(max((Double(planes.channels[c][i]) * h.contrast + lift).rounded(), 0), 255))
                }
            }
        }
    }

    // MARK: - The user's crop

    /// The photo cropped by the user in a phone editor (after any downscale and resizing): the
    /// planes cut to the crop's rectangle. No effect without it.
    static func applyHoldout12Crop(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        guard let uc = s.userCrop else { return }
        let W = planes.width, H = planes.height
        let x0 = min(max(uc.x, 0), W - 1), y0 = min(max(uc.y, 0), H - 1)
        let w = max(1, min(uc.width, W - x0)), h = max(1, min(uc.height, H - y0))
        planes.channels = planes.channels.map { p in
            var out = [UInt8](repeating: 0, count: w * h)
            for y in 0..<h { for x in 0..<w { out[y * w + x] = p[(y + y0) * W + x + x0] } }
            return out
        }
        planes.width = w; planes.height = h
    }

    /// The card's corners in a user's crop: the photo's, moved by the crop's origin.
    static func holdout12CropCorners(_ s: IDScanSyntheticScene, _ uc: IDScanSyntheticScene.UserCrop) -> [IDScanPoint] {
        var plain = s
        plain.userCrop = nil
        return cardCorners(plain).map { IDScanPoint(x: $0.x - Double(uc.x), y: $0.y - Double(uc.y)) }
    }
}

extension IDScanSyntheticScene {
    /// A dirty lens's veiling glare: every channel times `contrast` (0.85) plus `lift` levels
    /// (the blacks lifted; 15 % more towards `angle`, the light's side, and 15 % less opposite).
    public struct Haze: Sendable, Hashable {
        public var contrast: Double, lift: Double, angle: Double
        public init(contrast: Double = 0.85, lift: Double, angle: Double) { self.contrast = contrast; self.lift = lift; self.angle = angle }
    }

    /// The card held in a hand against a dark sweater: fingertips over the card's bottom edge
    /// (their centres `along` mm from its left end, `depth` mm over it, `radius` mm their
    /// half-width, `tilts` radians), skin tone (`red`, `green`, `blue`); the sweater replaces the
    /// scene's background.
    public struct Hand: Sendable, Hashable {
        public var along: [Double], depth: Double, radius: Double, tilts: [Double]
        public var red: Double, green: Double, blue: Double
        public init(along: [Double], depth: Double, radius: Double, tilts: [Double], red: Double, green: Double, blue: Double) {
            self.along = along; self.depth = depth; self.radius = radius; self.tilts = tilts
            self.red = red; self.green = green; self.blue = blue
        }
    }

    /// A user's crop in a phone editor: the rendered frame's `width` × `height` rectangle at (`x`, `y`).
    public struct UserCrop: Sendable, Hashable {
        public var x: Int, y: Int, width: Int, height: Int
        public init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = width; self.height = height }
    }

    /// An overhead book scanner's two lamps: the right (or left) side `brighter` (0.15) brighter.
    public struct BookLamps: Sendable, Hashable {
        public var brighter: Double, brightRight: Bool
        public init(brighter: Double, brightRight: Bool) { self.brighter = brighter; self.brightRight = brightRight }
    }
}
