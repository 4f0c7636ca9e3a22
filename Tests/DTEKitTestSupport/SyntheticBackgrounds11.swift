import Foundation
import IDScan

// The `holdout11` part's scene painters and light: nine phone-photo backgrounds, a flatbed scan
// with the lid left ajar, and the new kinds of light and pose (the phone's low-light look: high-ISO
// noise smoothed by the phone's noise reduction; a gallery app's screenshot of the photo; a thumb
// holding the card over its margin; a JPEG stored rotated with an EXIF Orientation tag). Kept apart
// from the older painters (which must keep painting byte-identical images); every new scene field
// defaults to "no effect", and none of the new code draws from the scene's random stream unless the
// scene uses a holdout11 background.

extension IDScanSyntheticCard {
    /// Printed or handwritten-looking lines at (u, v) for the holdout11 painters: a line every
    /// `lineH` (ink `fill` of it tall), characters `charW` wide, line k `len` characters long
    /// (all `maxChars` when `justified`, but a paragraph's last line), spaces between words: the
    /// ink's cover, 0–1.
    static func h11TextInk(_ u: Double, _ v: Double, lineH: Double, charW: Double, maxChars: Int, justified: Bool,
                           fill: Double = 0.55, seed: UInt64) -> Double {
        guard u >= 0, v >= 0 else { return 0 }
        let (line, dv) = cellOf(v, lineH)
        guard dv > lineH * (1 - fill) / 2, dv < lineH * (1 + fill) / 2 else { return 0 }
        let (col, du) = cellOf(u, charW)
        let lastOfParagraph = lattice(line, 11, seed) < 0.14
        let len = justified && !lastOfParagraph ? maxChars : Int(Double(maxChars) * (0.3 + 0.65 * lattice(line, 7, seed)))
        guard col < len, du > charW * 0.1, du < charW * 0.9 else { return 0 }
        if lattice(col, line, seed &+ 1) < 0.16 { return 0 }   // a space between words
        let gy = Int(((dv - lineH * (1 - fill) / 2) / (lineH * fill) * 4).rounded(.down))
        let gx = Int((du / charW * 3).rounded(.down))
        return lattice(col * 3 + gx, line * 4 + gy, seed &+ 2) > 0.38 ? 1 : 0
    }

    /// Handwriting at (u, v): a wavy stroke of width `pen` along a line at `baseline` from `left`
    /// to `right` (words separated by gaps), its height `h`: the ink's cover, 0–1.
    static func h11Handwriting(_ u: Double, _ v: Double, baseline: Double, left: Double, right: Double, h: Double, pen: Double,
                               seed: UInt64) -> Double {
        guard u > left, u < right, abs(v - baseline) < h + pen else { return 0 }
        let (word, du) = cellOf(u - left, h * 4.2)
        if du > h * 3.4 || lattice(word, 3, seed) < 0.15 { return 0 }   // a gap between words
        let ph = lattice(word, 5, seed) * 6.28
        let y = baseline - h * 0.5 * (1 + sin(u / (h * 0.33) + ph)) * (0.6 + 0.4 * sin(u / (h * 1.7) + ph * 2))
        let d = abs(v - y)
        return smooth((pen - d) / max(pen * 0.5, 0.3) + 0.5)
    }

    /// Paints a holdout11 background into the planes (any other background: no effect).
    /// `scale` keeps a texture's look at any image size (1000 / the image's long side); sizes in
    /// mm follow the card (85.6 mm wide).
    static func paintHoldout11Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                         _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        let uMax = Double(W) * scale, vMax = Double(H) * scale
        let mm = max(s.cardWidthFraction * Double(W) * scale / 85.6, 0.5)   // texture units per mm
        // The card's rectangle in texture units (centre, half sizes with a margin, axes).
        let ra = s.rotationDegrees * .pi / 180
        let idC = (s.centerX * uMax, s.centerY * vMax), idAxis = (cos(ra), sin(ra))
        let idHalf = (85.6 / 2 * mm, 53.98 / 2 * mm)
        /// Whether a rotated w × h rectangle at c (angle a) keeps `gap` clear of the card (separating axes).
        func clearOfCard(_ c: (Double, Double), _ a: Double, _ w: Double, _ h: Double, gap: Double) -> Bool {
            let rects = [(idC, idAxis, (idHalf.0 + gap, idHalf.1 + gap)), (c, (cos(a), sin(a)), (w / 2, h / 2))]
            let d = (c.0 - idC.0, c.1 - idC.1)
            for (_, ax, _) in rects {
                for axis in [ax, (-ax.1, ax.0)] {
                    var reach = 0.0
                    for (_, bx, half) in rects {
                        reach += half.0 * abs(bx.0 * axis.0 + bx.1 * axis.1) + half.1 * abs(-bx.1 * axis.0 + bx.0 * axis.1)
                    }
                    if abs(d.0 * axis.0 + d.1 * axis.1) > reach { return true }
                }
            }
            return false
        }
        switch s.background {
        case .businessCards:
            // A pale grey desk with 5–8 white or cream business cards (85 × 55 mm), slightly
            // turned, overlapping one another but never the ID card: a coloured logo blob and 3–5
            // lines of small dark print on each, a soft shadow under each.
            let desk = (200 + 12 * rng.unit(), 201 + 12 * rng.unit(), 203 + 12 * rng.unit())
            struct Card { var cx: Double, cy: Double, ca: Double, sa: Double, paper: (Double, Double, Double), logo: (Double, Double, Double), lines: Int, seed: UInt64, round: Bool }
            let count = 5 + Int(rng.next() % 4)
            let logos: [(Double, Double, Double)] = [(30, 80, 160), (200, 50, 40), (30, 130, 80), (230, 140, 20), (90, 40, 120), (20, 20, 24)]
            var cards: [Card] = []
            var tries = 0
            while cards.count < count, tries < 400 {
                tries += 1
                let a = (rng.unit() - 0.5) * 0.6 + (rng.unit() < 0.3 ? Double.pi / 2 : 0)
                let c = (rng.unit() * uMax, rng.unit() * vMax)
                guard clearOfCard(c, a, 85 * mm, 55 * mm, gap: 4 * mm) else { continue }
                let cream = rng.unit() < 0.4
                cards.append(Card(cx: c.0, cy: c.1, ca: cos(a), sa: sin(a),
                                  paper: cream ? (242, 236, 218) : (246, 246, 244), logo: logos[Int(rng.next() % UInt64(logos.count))],
                                  lines: 3 + Int(rng.next() % 3), seed: rng.next(), round: rng.unit() < 0.5))
            }
            func local(_ c: Card, _ px: Double, _ py: Double) -> (Double, Double) {
                let dx = px - c.cx, dy = py - c.cy
                return (dx * c.ca + dy * c.sa, -dx * c.sa + dy * c.ca)
            }
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var c = times(desk, 0.985 + 0.03 * valueNoise(px, py, cell: 3, seed: bgSeed) + 0.05 * (valueNoise(px, py, cell: 300, seed: bgSeed &+ 1) - 0.5))
                    var top = -1
                    for k in stride(from: cards.count - 1, through: 0, by: -1) {
                        let (a, b) = local(cards[k], px, py)
                        if abs(a) < 42.5 * mm, abs(b) < 27.5 * mm { top = k; break }
                    }
                    for k in (top + 1)..<cards.count {   // the shadow of a card lying above
                        let (a, b) = local(cards[k], px - 1.2 * mm, py - 1.5 * mm)
                        let out = max(abs(a) - 42.5 * mm, abs(b) - 27.5 * mm)
                        if out < 1.2 * mm { c = times(c, 0.86 + 0.1 * smooth(out / (1.2 * mm))); break }
                    }
                    if top >= 0 {
                        let card = cards[top]
                        let (a, b) = local(card, px, py)
                        let u = a + 42.5 * mm, v = b + 27.5 * mm   // from the card's top-left corner
                        var p = times(card.paper, 0.99 + 0.02 * valueNoise(px, py, cell: 2, seed: bgSeed &+ 2))
                        // The logo: a disc or a rounded square in the top-left corner.
                        let lx = u - 16 * mm, ly = v - 15 * mm
                        let logo = card.round ? (lx * lx + ly * ly).squareRoot() - 7 * mm : max(abs(lx), abs(ly)) - 6 * mm
                        if logo < 0 { p = mix(p, card.logo, smooth(-logo / (0.4 * mm))) }
                        // The name (bold) and 3–5 lines of small print under it.
                        if v > 30 * mm, v < 30 * mm + Double(card.lines) * 4 * mm, u > 8 * mm, u < 78 * mm {
                            let ink = h11TextInk(u - 8 * mm, v - 30 * mm, lineH: 4 * mm, charW: 1.7 * mm, maxChars: 24 + Int(lattice(0, 0, card.seed) * 14),
                                                 justified: false, fill: 0.5, seed: card.seed)
                            p = mix(p, (34, 34, 40), ink * 0.9)
                        } else if v > 12 * mm, v < 19 * mm, u > 27 * mm, u < 75 * mm {
                            let ink = h11TextInk(u - 27 * mm, v - 12 * mm, lineH: 7 * mm, charW: 3.2 * mm, maxChars: 9 + Int(lattice(1, 0, card.seed) * 6),
                                                 justified: false, fill: 0.7, seed: card.seed &+ 9)
                            p = mix(p, card.logo, ink)
                        }
                        let edge = min(42.5 * mm - abs(a), 27.5 * mm - abs(b))
                        if edge < 0.3 * mm { p = times(p, 0.93) }   // the cut edge
                        c = p
                    }
                    put(y * W + x, c)
                }
            }
        case .openBook:
            // An open paperback filling the frame: two cream pages of dense justified lines, a
            // darker gutter shadow down the middle, the stacked page edges and the table at one side.
            let vertical = uMax <= vMax * 1.2 ? rng.unit() < 0.5 : true   // the gutter's direction
            let gutter = (vertical ? uMax : vMax) * (0.45 + 0.1 * rng.unit())
            let edgeSideFar = rng.unit() < 0.5
            let paper = (236 + 6 * rng.unit(), 228 + 6 * rng.unit(), 206 + 8 * rng.unit())
            let table = (70 + 30 * rng.unit(), 50 + 20 * rng.unit(), 38 + 12 * rng.unit())
            let lineH = (3.9 + 0.5 * rng.unit()) * mm, charW = 1.55 * mm
            let textSeed = rng.next()
            let across0 = vertical ? uMax : vMax
            let fore = edgeSideFar ? across0 - 9 * mm : 9 * mm   // where the pages end on that side
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let t = vertical ? px : py, l = vertical ? py : px   // across the gutter, along it
                    // Past the fore-edge: the stacked page edges (fine lines), then the table.
                    let beyond = edgeSideFar ? t - fore : fore - t
                    var c: (Double, Double, Double)
                    if beyond > 4 * mm {
                        c = times(table, 0.9 + 0.2 * valueNoise(px, py, cell: 20, seed: bgSeed))
                    } else if beyond > 0 {
                        let stripe = 0.9 + 0.08 * lattice(Int(beyond / (0.25 * mm)), 0, bgSeed)
                        c = times(paper, stripe * (0.92 - 0.1 * beyond / (4 * mm)))
                    } else {
                        let d = t - gutter
                        let shade = 1 - 0.45 * exp(-d * d / (2 * (6 * mm) * (6 * mm))) - 0.1 * exp(-abs(d) / (25 * mm))
                        c = times(paper, shade * (0.985 + 0.03 * valueNoise(px, py, cell: 2, seed: bgSeed &+ 1)))
                        // The text block: from 12 mm off the gutter to 10 mm before the page's outer side.
                        let page = d < 0 ? 0 : 1
                        let inner = abs(d) - 12 * mm
                        let room = page == 0 ? (edgeSideFar ? 95 * mm : gutter - fore - 22 * mm) : (edgeSideFar ? fore - gutter - 22 * mm : 95 * mm)
                        let blockW = min(95 * mm, max(room, 20 * mm))
                        let chars = Int(blockW / charW)
                        if inner > 0, inner < Double(chars) * charW, l > 14 * mm, l < (vertical ? vMax : uMax) - 12 * mm {
                            // Reading direction away from the gutter on the right page, towards it on the left.
                            let uu = page == 1 ? inner : Double(chars) * charW - inner
                            let ink = h11TextInk(uu, l - 14 * mm, lineH: lineH, charW: charW, maxChars: chars, justified: true,
                                                 fill: 0.5, seed: textSeed &+ UInt64(page))
                            c = mix(c, (40, 36, 34), ink * 0.85)
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .stickyNotes:
            // A pale desk with pastel yellow, pink and blue square sticky notes (76 mm), a couple of
            // them overlapping, with handwritten lines on them.
            let desk = (222 + 10 * rng.unit(), 218 + 10 * rng.unit(), 210 + 10 * rng.unit())
            let pastels: [(Double, Double, Double)] = [(250, 236, 130), (247, 192, 206), (170, 212, 240), (252, 242, 160)]
            struct Note { var cx: Double, cy: Double, ca: Double, sa: Double, colour: (Double, Double, Double), seed: UInt64, lines: Int }
            var notes: [Note] = []
            let count = 5 + Int(rng.next() % 4)
            for k in 0..<count {
                let a = (rng.unit() - 0.5) * 0.5
                var c = (rng.unit() * uMax, rng.unit() * vMax)
                if k > 0, k % 3 == 0, let prev = notes.last { c = (prev.cx + 40 * mm * (rng.unit() - 0.3), prev.cy + 35 * mm * (rng.unit() - 0.3)) }   // overlapping
                notes.append(Note(cx: c.0, cy: c.1, ca: cos(a), sa: sin(a), colour: pastels[Int(rng.next() % UInt64(pastels.count))],
                                  seed: rng.next(), lines: 2 + Int(rng.next() % 4)))
            }
            let inks: [(Double, Double, Double)] = [(30, 40, 110), (25, 25, 30), (150, 30, 40)]
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var c = times(desk, 0.985 + 0.03 * valueNoise(px, py, cell: 3, seed: bgSeed) + 0.04 * (valueNoise(px, py, cell: 260, seed: bgSeed &+ 1) - 0.5))
                    var top = -1, ua = 0.0, vb = 0.0
                    for k in stride(from: notes.count - 1, through: 0, by: -1) {
                        let n = notes[k], dx = px - n.cx, dy = py - n.cy
                        let a = dx * n.ca + dy * n.sa, b = -dx * n.sa + dy * n.ca
                        if abs(a) < 38 * mm, abs(b) < 38 * mm { top = k; ua = a; vb = b; break }
                    }
                    for k in (top + 1)..<notes.count {   // the soft shadow of a note above (its free end curls up)
                        let n = notes[k], dx = px - 1.5 * mm - n.cx, dy = py - 2 * mm - n.cy
                        let a = dx * n.ca + dy * n.sa, b = -dx * n.sa + dy * n.ca
                        let out = max(abs(a), abs(b)) - 38 * mm
                        if out < 1.5 * mm { c = times(c, 0.85 + 0.12 * smooth(out / (1.5 * mm))); break }
                    }
                    if top >= 0 {
                        let n = notes[top]
                        let u = ua + 38 * mm, v = vb + 38 * mm
                        // The glued strip at the top is flat; the rest curls slightly (lighter towards the bottom).
                        var p = times(n.colour, (v < 15 * mm ? 0.97 : 0.99 + 0.03 * v / (76 * mm)) * (0.99 + 0.02 * valueNoise(px, py, cell: 2, seed: bgSeed &+ 2)))
                        var ink = 0.0
                        for line in 0..<n.lines {
                            let base = (22 + Double(line) * 12) * mm
                            ink = max(ink, h11Handwriting(u, v, baseline: base, left: 7 * mm, right: (48 + 20 * lattice(line, 1, n.seed)) * mm,
                                                          h: 4.5 * mm, pen: 0.45 * mm, seed: n.seed &+ UInt64(line)))
                        }
                        p = mix(p, inks[Int(n.seed % 3)], ink * 0.9)
                        if min(38 * mm - abs(ua), 38 * mm - abs(vb)) < 0.3 * mm { p = times(p, 0.94) }
                        c = p
                    }
                    put(y * W + x, c)
                }
            }
        case .sheepskinRug:
            // A white/ivory long-pile sheepskin: soft locks of fibre flowing in slowly turning
            // directions, lumpy, low contrast.
            let ivory = (238 + 6 * rng.unit(), 232 + 6 * rng.unit(), 218 + 8 * rng.unit())
            let flow = rng.unit() * 6.28
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let a = flow + 1.4 * (valueNoise(px, py, cell: 45 * mm, seed: bgSeed) - 0.5) + 0.6 * (valueNoise(px, py, cell: 12 * mm, seed: bgSeed &+ 1) - 0.5)
                    let along = px * cos(a) + py * sin(a), across = -px * sin(a) + py * cos(a)
                    // Fibres: fine across the flow, long along it.
                    let fibre = valueNoise(along / 9, across / 0.9, cell: 1, seed: bgSeed &+ 2) * 0.6
                        + valueNoise(along / 20, across / 2.2, cell: 1, seed: bgSeed &+ 3) * 0.4
                    let lump = valueNoise(px, py, cell: 9 * mm, seed: bgSeed &+ 4)
                    let lock = valueNoise(along / (9 * mm), across / (2.2 * mm), cell: 1, seed: bgSeed &+ 5)   // elongated locks along the flow
                    let f = 0.84 + 0.11 * fibre + 0.07 * lock + 0.03 * lump
                    put(y * W + x, times(ivory, f))
                }
            }
        case .legalPad:
            // A yellow ruled legal pad: blue lines every 7.1 mm, a red double margin line, a few
            // handwritten lines; the glued top binding at one end.
            let paper: (Double, Double, Double) = (250, 238 + 8 * rng.unit(), 150 + 20 * rng.unit())
            let lineH = 7.1 * mm, marginX = (30 + 4 * rng.unit()) * mm
            let firstLine = 20 * mm + lineH * 0.5
            let textSeed = rng.next()
            let inkC: (Double, Double, Double) = rng.unit() < 0.5 ? (28, 40, 120) : (30, 30, 36)
            let written = Set((0..<6).map { _ in Int(rng.next() % 18) })
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    var c: (Double, Double, Double) = times(paper, 0.985 + 0.03 * valueNoise(px, py, cell: 2, seed: bgSeed))
                    if py < 14 * mm {
                        c = times((120, 30, 34), 0.9 + 0.1 * valueNoise(px, py, cell: 3, seed: bgSeed &+ 1))   // the binding
                    } else if py < 16 * mm {
                        c = times(paper, 0.85)
                    } else {
                        let (line, dv) = cellOf(py - firstLine, lineH)
                        if line >= 0, dv < 0.3 * mm { c = mix(c, (110, 150, 205), 0.75) }
                        let dm = px - marginX
                        if abs(dm) < 0.25 * mm || abs(dm - 1.6 * mm) < 0.25 * mm { c = mix(c, (220, 70, 80), 0.8) }
                        if line >= 0, written.contains(line) {
                            let ink = h11Handwriting(px, dv, baseline: lineH - 0.8 * mm, left: marginX + 3 * mm,
                                                     right: marginX + (60 + 70 * lattice(line, 2, textSeed)) * mm,
                                                     h: 4.2 * mm, pen: 0.4 * mm, seed: textSeed &+ UInt64(line))
                            c = mix(c, inkC, ink * 0.9)
                        }
                    }
                    put(y * W + x, c)
                }
            }
        case .cobblestones:
            // Grey rounded cobblestones in offset rows, dark joints with grit, outdoor light.
            let stoneW = (85 + 20 * rng.unit()) * mm, stoneH = (62 + 14 * rng.unit()) * mm
            let tilt = (rng.unit() - 0.5) * 0.4
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let qx = px * cos(tilt) + py * sin(tilt), qy = -px * sin(tilt) + py * cos(tilt)
                    let (row, dv) = cellOf(qy, stoneH)
                    let (col, du) = cellOf(qx + (row % 2 == 0 ? 0 : stoneW / 2), stoneW)
                    let jx = (lattice(col, row, bgSeed) - 0.5) * 8 * mm, jy = (lattice(col, row, bgSeed &+ 1) - 0.5) * 6 * mm
                    let hw = stoneW / 2 - 3 * mm, hh = stoneH / 2 - 3 * mm
                    let ex = abs(du - stoneW / 2 - jx * 0.3) / hw, ey = abs(dv - stoneH / 2 - jy * 0.3) / hh
                    let wobble = 0.06 * (valueNoise(px, py, cell: 14 * mm, seed: bgSeed &+ 2) - 0.5)
                    let r = pow(pow(ex, 3) + pow(ey, 3), 1 / 3) + wobble   // a squarish rounded stone, 1 at its rim
                    let grey = 128 + 40 * lattice(col, row, bgSeed &+ 3)
                    let warm = 6 * (lattice(col, row, bgSeed &+ 4) - 0.5)
                    var c: (Double, Double, Double)
                    if r < 1 {
                        let dome = 1 - 0.22 * pow(r, 4)   // darker towards the rounded rim
                        let grain = 0.94 + 0.1 * valueNoise(px, py, cell: 1.2 * mm, seed: bgSeed &+ 5) + 0.04 * lattice(x / 2, y / 2, bgSeed &+ 6)
                        let lit = 1 + 0.06 * ((du - stoneW / 2) / stoneW - (dv - stoneH / 2) / stoneH)   // sky light from one side
                        c = (grey + warm, grey, grey - warm + 3)
                        c = times(c, dome * grain * lit)
                    } else {
                        let grit = 0.7 + 0.6 * lattice(x, y, bgSeed &+ 7)
                        c = times((62, 58, 54), grit * (1 - 0.3 * smooth((r - 1) / 0.05)))
                    }
                    put(y * W + x, c)
                }
            }
        case .carDashboard:
            // Dark grey grained plastic, a vent's slot with slats, a soft sheen across it.
            let base = 44 + 10 * rng.unit()
            let ventH = (14 + 6 * rng.unit()) * mm
            let ventAtTop = rng.unit() < 0.5
            let ventV = ventAtTop ? 6 * mm : vMax - 6 * mm - ventH
            let ventU0 = uMax * (0.05 + 0.2 * rng.unit()), ventU1 = uMax * (0.75 + 0.2 * rng.unit())
            let sheenA = rng.unit() * 6.28, sheenO = (rng.unit() - 0.5) * 0.5 * uMax, sheenW = (30 + 30 * rng.unit()) * mm
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let pebble = valueNoise(px, py, cell: 0.8 * mm, seed: bgSeed), fine = lattice(x, y, bgSeed &+ 1)
                    var v = base * (0.92 + 0.12 * pebble + 0.04 * fine)
                    let d = (px - uMax / 2) * cos(sheenA) + (py - vMax / 2) * sin(sheenA) - sheenO
                    v += 26 * exp(-d * d / (2 * sheenW * sheenW))   // the soft sheen of the windscreen's light
                    // The vent: a dark slot with horizontal slats, a rounded rim.
                    let inU = px > ventU0 && px < ventU1, inV = py > ventV && py < ventV + ventH
                    if inU, inV {
                        let (_, dv) = cellOf(py - ventV, 3.5 * mm)
                        v = dv < 1.2 * mm ? 30 + 20 * (dv / (1.2 * mm)) : 12 + 6 * fine   // a slat's lit top, then the dark gap
                    } else if px > ventU0 - 2 * mm, px < ventU1 + 2 * mm, py > ventV - 2 * mm, py < ventV + ventH + 2 * mm {
                        v *= 0.7   // the rim
                    }
                    put(y * W + x, (v, v, v * 1.03))
                }
            }
        case .tatamiMat:
            // Straw-green woven rush (strands ~3 mm wide along one direction, warp threads across
            // them every ~20 mm) with a dark fabric border strip along one side.
            let straw = (172 + 14 * rng.unit(), 170 + 12 * rng.unit(), 108 + 14 * rng.unit())
            let along = rng.unit() < 0.5
            let borderAtStart = rng.unit() < 0.5
            let borderW = (28 + 6 * rng.unit()) * mm
            let border: (Double, Double, Double) = rng.unit() < 0.5 ? (30, 34, 48) : (28, 26, 24)
            let across = along ? vMax : uMax
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let a = along ? px : py, b = along ? py : px   // along the rushes, across them
                    let fromEdge = borderAtStart ? b : across - b
                    var c: (Double, Double, Double)
                    if fromEdge < borderW {
                        let weave = 0.9 + 0.1 * lattice(Int(a / (0.8 * mm)) + Int(b / (0.8 * mm)), 0, bgSeed)
                        c = times(border, weave * (fromEdge < 1.2 * mm || borderW - fromEdge < 1.2 * mm ? 0.8 : 1))
                    } else {
                        let (strand, db) = cellOf(b, 3 * mm)
                        let round = 1 - 0.18 * pow(abs(db / (3 * mm) - 0.5) * 2, 2)   // each rush strand rounded
                        let tone = 0.92 + 0.1 * lattice(strand, Int(a / (25 * mm)), bgSeed &+ 1)
                        let fibre = 0.96 + 0.06 * valueNoise(a / 6, b, cell: 1, seed: bgSeed &+ 2)
                        c = times(straw, round * tone * fibre)
                        let (_, da) = cellOf(a + 3 * mm * Double(strand % 2), 20 * mm)
                        if da < 0.8 * mm { c = times(c, 0.8) }   // a warp thread across
                    }
                    put(y * W + x, c)
                }
            }
        case .autumnLeaves:
            // Orange, brown and yellow leaves (pointed ovals with a midrib and veins) on dark soil.
            let colours: [(Double, Double, Double)] = [(214, 112, 36), (150, 84, 40), (226, 184, 60), (180, 60, 30), (120, 70, 36)]
            struct Leaf { var cx: Double, cy: Double, ca: Double, sa: Double, len: Double, wid: Double, colour: (Double, Double, Double), seed: UInt64 }
            let count = 14 + Int(rng.next() % 10)
            var leaves: [Leaf] = []
            for _ in 0..<count {
                let a = rng.unit() * 6.28, len = (45 + 45 * rng.unit()) * mm
                leaves.append(Leaf(cx: rng.unit() * uMax, cy: rng.unit() * vMax, ca: cos(a), sa: sin(a), len: len, wid: len * (0.3 + 0.15 * rng.unit()),
                                   colour: colours[Int(rng.next() % UInt64(colours.count))], seed: rng.next()))
            }
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let soil = 0.75 + 0.35 * valueNoise(px, py, cell: 2 * mm, seed: bgSeed) + 0.15 * lattice(x / 2, y / 2, bgSeed &+ 1)
                    var c = times((58, 42, 30), soil)
                    for k in stride(from: leaves.count - 1, through: 0, by: -1) {
                        let l = leaves[k], dx = px - l.cx, dy = py - l.cy
                        let a = dx * l.ca + dy * l.sa, b = -dx * l.sa + dy * l.ca
                        let t = a / (l.len / 2)
                        guard abs(t) < 1 else { continue }
                        let half = l.wid / 2 * (1 - t * t) * (1 + 0.15 * t)   // a pointed oval, wider near the stem
                        guard abs(b) < half else { continue }
                        var p = times(l.colour, 0.88 + 0.18 * valueNoise(px, py, cell: 6 * mm, seed: l.seed))
                        if abs(b) < 0.35 * mm { p = times(p, 0.72) }   // the midrib
                        let vein = abs(cellOf(a - abs(b) * 1.2, 9 * mm).1 - 4.5 * mm)
                        if vein < 0.25 * mm, abs(b) < half * 0.85 { p = times(p, 0.85) }
                        if half - abs(b) < 0.4 * mm { p = times(p, 0.8) }
                        c = p
                        break
                    }
                    put(y * W + x, c)
                }
            }
        case .lidAjar:
            // Flatbed scan with the lid left partly open: the white lid near the hinge side, fading
            // over ~20 % of the bed to a dark grey-brown room on the far side; the fade crosses the
            // card's middle (its outline light-on-light on one side, light-on-dark on the other).
            let white = 238 + 6 * rng.unit()
            let room = (58 + 14 * rng.unit(), 50 + 10 * rng.unit(), 44 + 8 * rng.unit())
            let hinge = Int(rng.next() % 4)   // 0 left, 1 right, 2 top, 3 bottom
            let horizontal = hinge < 2
            let mid = (horizontal ? s.centerX : s.centerY) + (rng.unit() - 0.5) * 0.08
            let band = 0.2
            for y in 0..<H {
                for x in 0..<W {
                    let fx = (Double(x) + 0.5) / Double(W), fy = (Double(y) + 0.5) / Double(H)
                    let t = horizontal ? fx : fy
                    let toFar = (hinge == 0 || hinge == 2) ? t - mid : mid - t   // > 0 towards the open side
                    let w = smooth(toFar / band + 0.5)
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let lid = white * (0.992 + 0.01 * lattice(x / 2, y / 2, bgSeed))
                    let deep = times(room, (1 - 0.25 * smooth(toFar / 0.3)) * (0.9 + 0.2 * valueNoise(px, py, cell: 120, seed: bgSeed &+ 1)))
                    put(y * W + x, mix((lid, lid, lid * 1.002), deep, w))
                }
            }
        default: break
        }
    }

    // MARK: - The thumb

    /// The card faces' printed content (text, photo, QR code, barcode, MRZ, signature), in mm on
    /// the card (85.6 × 53.98, from its top-left corner): what a holdout11 thumb must leave clear.
    public static func holdout11CardContent(_ design: IDScanSyntheticScene.Design, _ side: IDScanSyntheticScene.Side)
        -> [(x0: Double, y0: Double, x1: Double, y1: Double)] {
        switch (design, side) {
        case (.model2013, .front):
            return [(30, 1.8, 55.2, 6), (4, 11, 27, 44), (30, 11, 80, 40), (30, 47, 54, 50.5), (6, 44.5, 25, 50)]
        case (.model2024, .front):
            return [(3.6, 3, 24.6, 6.5), (3.6, 8, 16.8, 10.1), (3.6, 14, 45.6, 43), (57.6, 9, 81.6, 42), (47.6, 43.8, 52.4, 50.2), (60, 44.5, 80, 50)]
        case (.model2013, .back):
            return [(3, 2.6, 23.9, 23.5), (29.2, 3.2, 62.8, 20.8), (30, 23, 70, 32), (4.6, 38.8, 76.6, 51.2)]
        case (.model2024, .back):
            return [(61, 2.6, 81.9, 23.5), (3.2, 3.2, 36.8, 20.8), (4, 23, 44, 32), (4.6, 38.8, 76.6, 51.2)]
        }
    }

    /// A free stretch of each card face's margin for the thumb: the edge (0 top, 1 right,
    /// 2 bottom, 3 left) and the range (mm) of the thumb's centre along it.
    public static func holdout11ThumbEdge(_ design: IDScanSyntheticScene.Design, _ side: IDScanSyntheticScene.Side)
        -> (edge: Int, along: ClosedRange<Double>) {
        switch (design, side) {
        case (.model2013, .front): return (2, 66...72)
        case (.model2024, .front): return (2, 18...30)
        case (.model2013, .back): return (1, 12...24)
        case (.model2024, .back): return (0, 48...50)
        }
    }

    /// The thumb's cover (0–1) at a point of the card's plane, in mm from the card's top-left
    /// corner (outside the card too): a rounded tip `depth` mm over the edge, a shaft widening
    /// into the hand away from the card (so that it runs out of the frame); with the point's
    /// position along the thumb's axis and across it (mm, from the tip circle's centre).
    static func holdout11ThumbShape(_ t: IDScanSyntheticScene.Thumb, _ X: Double, _ Y: Double, soft: Double = 0.35)
        -> (cover: Double, along: Double, across: Double, halfWidth: Double) {
        let cw = 85.6, ch = 53.98
        // The edge's outward normal n, a point E on it at `along`, the tangent.
        let (n, e): ((Double, Double), (Double, Double))
        switch t.edge {
        case 0: n = (0, -1); e = (t.along, 0)
        case 1: n = (1, 0); e = (cw, t.along)
        case 2: n = (0, 1); e = (t.along, ch)
        default: n = (-1, 0); e = (0, t.along)
        }
        let tan = (-n.1, n.0)
        let ax = (n.0 * cos(t.tilt) + tan.0 * sin(t.tilt), n.1 * cos(t.tilt) + tan.1 * sin(t.tilt))   // outwards along the thumb
        let c = (e.0 - n.0 * t.depth + n.0 * t.radius, e.1 - n.1 * t.depth + n.1 * t.radius)   // the tip circle's centre
        let dx = X - c.0, dy = Y - c.1
        let along = dx * ax.0 + dy * ax.1, across = -dx * ax.1 + dy * ax.0
        if along < 0 {
            let d = (dx * dx + dy * dy).squareRoot()
            return (clamp01((t.radius - d) / soft + 0.5), along, across, t.radius)
        }
        let half = t.radius * (1 + 0.06 * min(along / 20, 1)) + max(0, along - 28) * 0.5
        return (clamp01((min(half, 4 * t.radius) - abs(across)) / soft + 0.5), along, across, min(half, 4 * t.radius))
    }

    /// The card-plane point (mm) under an image point, through the card's homography; nil if
    /// the point is behind the plane's horizon.
    static func holdout11CardPlanePoint(_ h: [Double], _ x: Double, _ y: Double) -> (Double, Double)? {
        let den = h[6] * x + h[7] * y + 1
        guard den > 1e-6 else { return nil }
        return ((h[0] * x + h[1] * y + h[2]) / den, (h[3] * x + h[4] * y + h[5]) / den)
    }

    /// The thumb's cover (0–1) at an image point (before any downscale); 0 without a thumb.
    public static func holdout11ThumbCover(_ s: IDScanSyntheticScene, _ x: Double, _ y: Double) -> Double {
        guard let t = s.thumb, s.hasCard,
              let h = homography(from: cardQuad(s), to: [P(x: 0, y: 0), P(x: 85.6, y: 0), P(x: 85.6, y: 53.98), P(x: 0, y: 53.98)]),
              let p = holdout11CardPlanePoint(h, x, y) else { return 0 }
        return holdout11ThumbShape(t, p.0, p.1).cover
    }

    /// Paints a holdout11 thumb holding the card (after the card, before the light): skin with
    /// soft shading across the thumb, a nail near the tip, a soft contact shadow around it. No
    /// effect without a thumb.
    static func paintHoldout11Thumb(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard let t = s.thumb, s.hasCard,
              let h = homography(from: cardQuad(s), to: [P(x: 0, y: 0), P(x: 85.6, y: 0), P(x: 85.6, y: 53.98), P(x: 0, y: 53.98)])
        else { return }
        for y in 0..<H {
            for x in 0..<W {
                guard let p = holdout11CardPlanePoint(h, Double(x) + 0.5, Double(y) + 0.5) else { continue }
                let i = y * W + x
                // The contact shadow: the thumb's shape offset away from the light, softened.
                var wider = t
                wider.radius += 0.6
                let shadow = 0.28 * holdout11ThumbShape(wider, p.0 - 0.8, p.1 - 1.0, soft: 2.4).cover
                let th = holdout11ThumbShape(t, p.0, p.1)
                if th.cover <= 0, shadow <= 0.001 { continue }
                var c = (bg[0][i] * (1 - shadow), bg[1][i] * (1 - shadow), bg[2][i] * (1 - shadow))
                if th.cover > 0 {
                    // Round across the thumb, lighter on its crown, darker at its sides.
                    let r = clamp01(abs(th.across) / max(th.halfWidth, 0.1))
                    let tipR = th.along < 0 ? clamp01((th.along * th.along + th.across * th.across).squareRoot() / t.radius) : r
                    let shade = 0.7 + 0.32 * (1 - tipR * tipR).squareRoot() - 0.04 * clamp01(th.along / 60)
                    var skin = times((t.red, t.green, t.blue), shade)
                    // The nail: a rounded plate from near the tip back along the thumb, a paler free edge.
                    let nu = (th.along + 0.55 * t.radius) / (1.45 * t.radius), nv = th.across / (0.58 * t.radius)
                    if nu > 0, nu < 1 {
                        let q = pow(abs(nv), 3) + pow(abs(2 * nu - 1), 4)
                        if q < 1 {
                            let nail = mix((min(t.red * 1.06, 250), t.green * 1.1, t.blue * 1.16), (246, 238, 228), smooth((0.16 - nu) / 0.08))
                            skin = mix(skin, times(nail, 0.8 + 0.24 * (1 - abs(nv))), smooth((1 - q) / 0.12))
                        }
                    }
                    c = mix(c, skin, th.cover)
                }
                bg[0][i] = c.0; bg[1][i] = c.1; bg[2][i] = c.2
            }
        }
    }

    /// The fraction of the card's area under the thumb, for tests; 0 without one.
    public static func holdout11ThumbCardFraction(_ s: IDScanSyntheticScene) -> Double {
        guard s.thumb != nil else { return 0 }
        return cardCoverFraction(s) { holdout11ThumbCover(s, $0, $1) }
    }

    /// Whether the thumb leaves every printed element of the card's face clear (sampled every
    /// 0.2 mm in the card's plane); true without a thumb.
    public static func holdout11ThumbClearOfContent(_ s: IDScanSyntheticScene) -> Bool {
        guard let t = s.thumb else { return true }
        for r in holdout11CardContent(s.design, s.side) {
            for Y in stride(from: r.y0, through: r.y1, by: 0.2) {
                for X in stride(from: r.x0, through: r.x1, by: 0.2) where holdout11ThumbShape(t, X, Y).cover > 0 { return false }
            }
        }
        return true
    }

    // MARK: - Low light

    /// The phone's low-light look on the quantised planes (after the older noise, before any
    /// downscale): the exposure lowered, luminance noise and blotchy chroma noise of a high ISO
    /// (its own random stream), then the phone's noise reduction: an edge-preserving (bilateral)
    /// smoothing of the luminance over `nrRadius` px and a wider blur of the chroma, which leaves
    /// a slight watercolour look. No effect without it.
    static func applyHoldout11LowLight(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        guard let l = s.lowLight else { return }
        let W = planes.width, H = planes.height, n = W * H
        var rng = SplitMix64(seed: s.seed ^ 0x1011_0000_0000_00A5)
        var table = [Float](repeating: 0, count: 65536)
        for k in 0..<65536 { table[k] = Float(rng.gaussian()) }
        var Y = [Float](repeating: 0, count: n), Cb = Y, Cr = Y
        let ls = Float(l.lumaSigma), cs = Float(l.chromaSigma), e = Float(l.exposure)
        planes.channels[0].withUnsafeBufferPointer { r in
            planes.channels[1].withUnsafeBufferPointer { g in
                planes.channels[2].withUnsafeBufferPointer { b in
                    for i in 0..<n {
                        let z = rng.next()
                        let rr = Float(r[i]) * e, gg = Float(g[i]) * e, bb = Float(b[i]) * e
                        Y[i] = 0.299 * rr + 0.587 * gg + 0.114 * bb + ls * table[Int(z & 0xFFFF)]
                        Cb[i] = (bb - (0.299 * rr + 0.587 * gg + 0.114 * bb)) * 0.564 + cs * table[Int((z >> 16) & 0xFFFF)]
                        Cr[i] = (rr - (0.299 * rr + 0.587 * gg + 0.114 * bb)) * 0.713 + cs * table[Int((z >> 32) & 0xFFFF)]
                    }
                }
            }
        }
        // Chroma noise is blotchy: the chroma noise reduction (a wide box blur, two passes) leaves
        // soft colour blotches rather than removing them.
        func box(_ p: inout [Float], _ r: Int) {
            var tmp = p
            for pass in 0..<2 {
                let horizontal = pass == 0
                let lines = horizontal ? H : W, len = horizontal ? W : H
                let step = horizontal ? 1 : W, lineStep = horizontal ? W : 1
                p.withUnsafeBufferPointer { src in
                    tmp.withUnsafeMutableBufferPointer { dst in
                        for ln in 0..<lines {
                            let base = ln * lineStep
                            var sum: Float = 0
                            for k in -r...r { sum += src[base + min(max(k, 0), len - 1) * step] }
                            let div = Float(2 * r + 1)
                            for i in 0..<len {
                                dst[base + i * step] = sum / div
                                sum += src[base + min(i + r + 1, len - 1) * step] - src[base + max(i - r, 0) * step]
                            }
                        }
                    }
                }
                p = tmp
            }
        }
        box(&Cb, l.nrRadius * 2); box(&Cr, l.nrRadius * 2)
        // Luminance: a separable bilateral filter (range σ 2.5 × the noise's), two passes each way.
        let sr = 2.5 * ls
        var wRange = [Float](repeating: 0, count: 256)
        for k in 0..<256 { wRange[k] = exp(-Float(k * k) / (2 * sr * sr)) }
        let rad = l.nrRadius
        var wSpace = [Float](repeating: 0, count: 2 * rad + 1)
        for k in -rad...rad { wSpace[k + rad] = exp(-Float(k * k) / (2 * Float(rad) * Float(rad) / 2)) }
        var tmp = Y
        for pass in 0..<2 {
            let horizontal = pass == 0
            let lines = horizontal ? H : W, len = horizontal ? W : H
            let step = horizontal ? 1 : W, lineStep = horizontal ? W : 1
            Y.withUnsafeBufferPointer { src in
                tmp.withUnsafeMutableBufferPointer { dst in
                    wRange.withUnsafeBufferPointer { wr in
                        for ln in 0..<lines {
                            let base = ln * lineStep
                            for i in 0..<len {
                                let c = src[base + i * step]
                                var sum: Float = 0, wsum: Float = 0
                                for k in max(-rad, -i)...min(rad, len - 1 - i) {
                                    let v = src[base + (i + k) * step]
                                    let w = wSpace[k + rad] * wr[min(Int(abs(v - c)), 255)]
                                    sum += w * v; wsum += w
                                }
                                dst[base + i * step] = sum / wsum
                            }
                        }
                    }
                }
            }
            Y = tmp
        }
        var r8 = [UInt8](repeating: 0, count: n), g8 = r8, b8 = r8
        for i in 0..<n {
            let y = Y[i], cb = Cb[i] / 0.564, cr = Cr[i] / 0.713
            let r = y + cr, b = y + cb, g = (y - 0.299 * r - 0.114 * b) / 0.587
            r8[i] = UInt8(min(max(r.rounded(), 0), 255))
            g8[i] = UInt8(min(max(g.rounded(), 0), 255))
            b8[i] = UInt8(min(max(b.rounded(), 0), 255))
        }
        planes.channels = [r8, g8, b8]
    }

    // MARK: - The gallery app's screenshot

    /// Where the photo sits in a holdout11 screenshot: its scale (the photo fitted to the
    /// screen's width) and its top (centred between the status bar and the toolbar).
    static func holdout11ScreenshotPlacement(_ sc: IDScanSyntheticScene.Screenshot, photoWidth w: Int, photoHeight h: Int)
        -> (width: Int, height: Int, top: Int) {
        let pw = sc.width, ph = max(1, Int((Double(h) * Double(sc.width) / Double(max(w, 1))).rounded()))
        let room = sc.height - sc.statusBar - sc.toolbar
        return (pw, ph, sc.statusBar + max(0, (room - ph) / 2))
    }

    /// A gallery app's screenshot of the photo (after any downscale and resizing): a portrait
    /// phone screen, black around the photo fitted to its width, the status bar (time, signal,
    /// Wi-Fi and battery icons) at the top, the app's toolbar (share, edit, favourite, delete)
    /// and the home indicator at the bottom. No effect without it.
    static func applyHoldout11Screenshot(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        guard let sc = s.screenshot else { return }
        let W = planes.width, H = planes.height, SW = sc.width, SH = sc.height
        let pl = holdout11ScreenshotPlacement(sc, photoWidth: W, photoHeight: H)
        var out = (0..<3).map { _ in [UInt8](repeating: 0, count: SW * SH) }
        // The photo, resampled by area averaging (a box of the scale's size, bilinear centres).
        let fx = Double(W) / Double(pl.width), fy = Double(H) / Double(pl.height)
        for c in 0..<3 {
            let src = planes.channels[c]
            src.withUnsafeBufferPointer { p in
                for oy in 0..<pl.height {
                    let y0 = Int(Double(oy) * fy), y1 = max(y0 + 1, min(H, Int(Double(oy + 1) * fy)))
                    let ty = pl.top + oy
                    guard ty < SH else { break }
                    for ox in 0..<pl.width {
                        let x0 = Int(Double(ox) * fx), x1 = max(x0 + 1, min(W, Int(Double(ox + 1) * fx)))
                        var sum = 0, k = 0
                        for yy in y0..<min(y1, H) { for xx in x0..<min(x1, W) { sum += Int(p[yy * W + xx]); k += 1 } }
                        out[c][ty * SW + ox] = UInt8(k > 0 ? (sum + k / 2) / k : 0)
                    }
                }
            }
        }
        func set(_ x: Int, _ y: Int, _ v: (Double, Double, Double), _ a: Double = 1) {
            guard x >= 0, y >= 0, x < SW, y < SH, a > 0 else { return }
            let i = y * SW + x
            out[0][i] = UInt8(min(max(Double(out[0][i]) * (1 - a) + v.0 * a, 0), 255).rounded())
            out[1][i] = UInt8(min(max(Double(out[1][i]) * (1 - a) + v.1 * a, 0), 255).rounded())
            out[2][i] = UInt8(min(max(Double(out[2][i]) * (1 - a) + v.2 * a, 0), 255).rounded())
        }
        /// Fills where `inside` (a signed distance, < 0 inside) holds, antialiased, within a box.
        func shape(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ v: (Double, Double, Double), _ d: (Double, Double) -> Double) {
            for y in stride(from: max(0, y0), to: min(SH, y1), by: 1) {
                for x in stride(from: max(0, x0), to: min(SW, x1), by: 1) { set(x, y, v, clamp01(0.5 - d(Double(x) + 0.5, Double(y) + 0.5))) }
            }
        }
        let white: (Double, Double, Double) = (245, 245, 245)
        // The status bar: the time as seven-segment-like digits, then the icons on the right.
        let digits = [sc.minutes / 60 / 10 % 10, sc.minutes / 60 % 10, -1, sc.minutes % 60 / 10, sc.minutes % 10]
        let segs: [[Int]] = [[0, 1, 2, 4, 5, 6], [2, 5], [0, 2, 3, 4, 6], [0, 2, 3, 5, 6], [1, 2, 3, 5], [0, 1, 3, 5, 6], [0, 1, 3, 4, 5, 6],
                             [0, 2, 5], [0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 5, 6]]
        var cx = 70.0
        let dh = 34.0, dw = 20.0, sw = 4.5, top = Double(sc.statusBar) / 2 - dh / 2
        for d in digits {
            if d < 0 {
                for yy in [top + dh * 0.3, top + dh * 0.72] {
                    shape(Int(cx), Int(yy) - 4, Int(cx) + 10, Int(yy) + 5, white) { x, y in ((x - cx - 3) * (x - cx - 3) + (y - yy) * (y - yy)).squareRoot() - 3 }
                }
                cx += 14; continue
            }
            let x0 = cx, y0 = top
            // Segments: 0 top, 1 upper left, 2 upper right, 3 middle, 4 lower left, 5 lower right, 6 bottom.
            let lines: [(Double, Double, Double, Double)] = [(x0, y0, x0 + dw, y0), (x0, y0, x0, y0 + dh / 2), (x0 + dw, y0, x0 + dw, y0 + dh / 2),
                                                             (x0, y0 + dh / 2, x0 + dw, y0 + dh / 2), (x0, y0 + dh / 2, x0, y0 + dh),
                                                             (x0 + dw, y0 + dh / 2, x0 + dw, y0 + dh), (x0, y0 + dh, x0 + dw, y0 + dh)]
            for k in segs[d] {
                let (ax, ay, bx, by) = lines[k]
                shape(Int(min(ax, bx) - sw), Int(min(ay, by) - sw), Int(max(ax, bx) + sw + 1), Int(max(ay, by) + sw + 1), white) { x, y in
                    let tx = bx - ax, ty = by - ay, len2 = max(tx * tx + ty * ty, 1e-9)
                    let u = clamp01(((x - ax) * tx + (y - ay) * ty) / len2)
                    return ((x - ax - u * tx) * (x - ax - u * tx) + (y - ay - u * ty) * (y - ay - u * ty)).squareRoot() - sw / 2
                }
            }
            cx += dw + 12
        }
        let cy = Double(sc.statusBar) / 2
        // Battery: an outline with a fill level and a nub.
        let bx = Double(SW) - 120, bw = 62.0, bhh = 14.0
        shape(Int(bx) - 3, Int(cy - bhh) - 3, Int(bx + bw) + 10, Int(cy + bhh) + 3, white) { x, y in
            let d = max(abs(x - bx - bw / 2) - bw / 2, abs(y - cy) - bhh)
            return abs(d) - 1.8
        }
        shape(Int(bx + bw), Int(cy - 6), Int(bx + bw) + 7, Int(cy + 6), white) { x, _ in x < bx + bw + 5 ? -1 : 1 }
        let level = bx + 5 + (bw - 10) * sc.battery
        shape(Int(bx) + 5, Int(cy - bhh + 5), Int(level), Int(cy + bhh - 5), sc.battery < 0.2 ? (230, 60, 50) : white) { _, _ in -1 }
        // Wi-Fi: three arcs over a dot; signal: four bars.
        let wx = Double(SW) - 190, wy = cy + 14
        shape(Int(wx) - 30, Int(wy) - 34, Int(wx) + 30, Int(wy) + 4, white) { x, y in
            let dx = x - wx, dy = y - wy, r = (dx * dx + dy * dy).squareRoot()
            guard dy < 0, abs(dx) < -dy * 1.0 else { return 1 }
            let ring = min(abs(r - 10), abs(r - 20), abs(r - 30))
            return r < 4 ? -1 : ring - 2.5
        }
        for k in 0..<4 {
            let x0 = Double(SW) - 300 + Double(k) * 16, h = 8 + Double(k) * 7
            shape(Int(x0), Int(cy + 14 - h), Int(x0) + 10, Int(cy + 14), white) { _, _ in -1 }
        }
        // The app's top bar: a back arrow and a "more" menu, just under the status bar.
        let ab = Double(sc.statusBar) + 55
        if pl.top > sc.statusBar + 110 {
            shape(40, Int(ab) - 25, 90, Int(ab) + 25, white) { x, y in
                let d1 = abs((x - 50) * 0.7 - (y - ab) * 0.7), d2 = abs((x - 50) * 0.7 + (y - ab) * 0.7)
                let onA = (x - 50) >= 0 && (x - 50) <= 22
                return onA ? min(d1, d2) - 2.5 : 1
            }
            for k in 0..<3 {
                let dy = ab - 16 + Double(k) * 16
                shape(SW - 60, Int(dy) - 5, SW - 40, Int(dy) + 6, white) { x, y in ((x - Double(SW) + 50) * (x - Double(SW) + 50) + (y - dy) * (y - dy)).squareRoot() - 4 }
            }
        }
        // The toolbar: a dark strip with four icons, and the home indicator under it.
        let tb = SH - sc.toolbar
        shape(0, tb, SW, SH, (22, 22, 24)) { _, _ in -1 }
        let iy = Double(tb) + Double(sc.toolbar) * 0.38
        let grey: (Double, Double, Double) = (225, 225, 228)
        for k in 0..<4 {
            let ix = Double(SW) * (Double(k) + 0.5) / 4
            switch k {
            case 0:   // share: three nodes joined by two lines
                let nodes: [(Double, Double)] = [(ix + 18, iy - 20), (ix - 18, iy), (ix + 18, iy + 20)]
                shape(Int(ix) - 30, Int(iy) - 32, Int(ix) + 30, Int(iy) + 32, grey) { x, y in
                    var d = 1.0
                    for nd in nodes {
                        let ex: Double = x - nd.0, ey: Double = y - nd.1
                        d = min(d, (ex * ex + ey * ey).squareRoot() - 7)
                    }
                    for k in [0, 2] {
                        let a = nodes[1], b = nodes[k]
                        let tx: Double = b.0 - a.0, ty: Double = b.1 - a.1
                        let u: Double = clamp01(((x - a.0) * tx + (y - a.1) * ty) / (tx * tx + ty * ty))
                        let ex: Double = x - a.0 - u * tx, ey: Double = y - a.1 - u * ty
                        d = min(d, (ex * ex + ey * ey).squareRoot() - 2)
                    }
                    return d
                }
            case 1:   // edit: a slanted pencil
                shape(Int(ix) - 30, Int(iy) - 30, Int(ix) + 30, Int(iy) + 30, grey) { x, y in
                    let u = ((x - ix) + (y - iy)) * 0.7071, v = ((x - ix) - (y - iy)) * 0.7071
                    return max(abs(u) - 5, abs(v) - 24)
                }
            case 2:   // favourite: a heart outline
                shape(Int(ix) - 30, Int(iy) - 28, Int(ix) + 30, Int(iy) + 28, grey) { x, y in
                    let dx = abs(x - ix) / 19, dy = -(y - iy) / 19 + 0.2
                    let f = pow(dx * dx + dy * dy - 1, 3) - dx * dx * dy * dy * dy
                    return f < 0 ? -1 : 1
                }
            default:   // delete: a bin with a lid
                shape(Int(ix) - 26, Int(iy) - 30, Int(ix) + 26, Int(iy) + 30, grey) { x, y in
                    let body = abs(max(abs(x - ix) - 16, abs(y - iy - 6) - 20)) - 2
                    let lid = max(abs(x - ix) - 22, abs(y - iy + 19) - 2)
                    return min(body, lid)
                }
            }
        }
        shape(SW / 2 - 150, SH - 30, SW / 2 + 150, SH - 16, (200, 200, 204)) { x, y in
            let dx = max(abs(x - Double(SW) / 2) - 143, 0), dy = y - Double(SH) + 23
            return (dx * dx + dy * dy).squareRoot() - 4.5
        }
        planes = Planes(width: SW, height: SH, channels: out)
    }

    /// The card's corners in a holdout11 screenshot: the photo's, scaled and moved into place.
    static func holdout11ScreenshotCorners(_ s: IDScanSyntheticScene, _ sc: IDScanSyntheticScene.Screenshot) -> [IDScanPoint] {
        var plain = s
        plain.screenshot = nil
        let o = outputSize(plain), pl = holdout11ScreenshotPlacement(sc, photoWidth: o.width, photoHeight: o.height)
        let fx = Double(pl.width) / Double(o.width), fy = Double(pl.height) / Double(o.height)
        return cardCorners(plain).map { IDScanPoint(x: $0.x * fx, y: $0.y * fy + Double(pl.top)) }
    }

    // MARK: - EXIF orientation

    /// The scene as a JPEG whose pixels are stored rotated, with an EXIF APP1 segment carrying
    /// the Orientation tag (6: a viewer turns the stored image 90° clockwise; 8: counter-clockwise)
    /// that turns it back upright: the upright image is what `render` returns.
    public static func holdout11EXIFRotatedJPEG(_ s: IDScanSyntheticScene, quality: Int, orientation: Int) throws(IDScanImageEncoder.EncodeError) -> Data {
        let r = render(s)
        let uw = r.width, uh = r.height
        let W = uh, H = uw   // stored size
        var stored = [UInt8](repeating: 0, count: W * H * 3)
        r.pixels.withUnsafeBufferPointer { u in
            stored.withUnsafeMutableBufferPointer { d in
                for sy in 0..<H {
                    for sx in 0..<W {
                        // Orientation 6 shows stored (sx, sy) at (uw-1-sy, sx); 8 at (sy, uh-1-sx).
                        let (x, y) = orientation == 6 ? (uw - 1 - sy, sx) : (sy, uh - 1 - sx)
                        let si = (y * uw + x) * 3, di = (sy * W + sx) * 3
                        d[di] = u[si]; d[di + 1] = u[si + 1]; d[di + 2] = u[si + 2]
                    }
                }
            }
        }
        let jpeg = try IDScanImageEncoder.jpeg(pixels: stored, width: W, height: H, components: 3, quality: quality)
        // APP1 "Exif\0\0", a big-endian TIFF header and IFD0 with one entry: Orientation (0x0112, SHORT).
        var tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, UInt8(orientation), 0, 0, 0, 0, 0, 0]
        tiff = [0x45, 0x78, 0x69, 0x66, 0, 0] + tiff
        let length = tiff.count + 2
        let app1: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + tiff
        var out = Data(jpeg.prefix(2))   // SOI
        out.append(contentsOf: app1)
        out.append(jpeg.dropFirst(2))
        return out
    }
}

extension IDScanSyntheticScene {
    /// The phone's low-light look: the exposure lowered to `exposure` (≈ 0.7), luminance noise of
    /// σ `lumaSigma` levels and chroma noise of σ `chromaSigma` (6–10), then the phone's noise
    /// reduction over `nrRadius` px (3–5, edge-preserving on the luminance).
    public struct LowLight: Sendable, Hashable {
        public var exposure: Double, lumaSigma: Double, chromaSigma: Double, nrRadius: Int
        public init(exposure: Double, lumaSigma: Double, chromaSigma: Double, nrRadius: Int) {
            self.exposure = exposure; self.lumaSigma = lumaSigma; self.chromaSigma = chromaSigma; self.nrRadius = nrRadius
        }
    }

    /// A gallery app's screenshot of the photo: a `width` × `height` portrait screen, a status bar
    /// `statusBar` px tall (the time, `minutes` after midnight; signal, Wi-Fi, battery at
    /// `battery` 0–1) and a toolbar `toolbar` px tall, the photo fitted to the width between them.
    public struct Screenshot: Sendable, Hashable {
        public var width: Int, height: Int, statusBar: Int, toolbar: Int, minutes: Int, battery: Double
        public init(width: Int = 1080, height: Int = 2400, statusBar: Int = 110, toolbar: Int = 230, minutes: Int, battery: Double) {
            self.width = width; self.height = height; self.statusBar = statusBar; self.toolbar = toolbar
            self.minutes = minutes; self.battery = battery
        }
    }

    /// A thumb holding the card: it comes from outside the card (and the frame) over one edge
    /// (`edge`: 0 top, 1 right, 2 bottom, 3 left of the card's face), its tip `depth` mm over the
    /// card at `along` mm down that edge, `radius` mm its half-width, `tilt` (radians) its turn
    /// from the edge's normal; skin tone (`red`, `green`, `blue`).
    public struct Thumb: Sendable, Hashable {
        public var edge: Int, along: Double, depth: Double, radius: Double, tilt: Double
        public var red: Double, green: Double, blue: Double
        public init(edge: Int, along: Double, depth: Double, radius: Double, tilt: Double, red: Double, green: Double, blue: Double) {
            self.edge = edge; self.along = along; self.depth = depth; self.radius = radius; self.tilt = tilt
            self.red = red; self.green = green; self.blue = blue
        }
    }
}
