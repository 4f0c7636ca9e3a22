import Foundation

// The `holdout9` part's scene painters and light: nine phone-photo backgrounds, a sheet of white
// printer paper laid over the card on a flatbed (instead of the lid), and the new kinds of light
// (dim-room sensor noise: luminance and blotchy chroma noise; the hard shadow bars of a window
// frame or blind across the scene and the card; a cool blue daylight/monitor cast that never
// clips the card; the phone's default JPEG needs no scene field). Kept apart from the older
// painters (which must keep painting byte-identical images); every new scene field defaults to
// "no effect", and none of the new code draws from the scene's random stream unless the scene
// uses a holdout9 background.

extension IDScanSyntheticCard {
    /// Paints a holdout9 background into the planes (any other background: no effect).
    /// `scale` keeps a texture's look at any image size (1000 / the image's long side).
    static func paintHoldout9Background(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, scale: Double, bgSeed: UInt64,
                                        _ rng: inout SplitMix64, _ R: inout [Double], _ G: inout [Double], _ B: inout [Double]) {
        func put(_ i: Int, _ c: (Double, Double, Double)) { R[i] = c.0; G[i] = c.1; B[i] = c.2 }
        let uMax = Double(W) * scale
        switch s.background {
        case .sheetMusic:
            // A page of printed sheet music filling the frame: a bold title line and a composer's
            // name, then systems of five-line staves with note heads, stems, beams between pairs
            // of quavers, bar lines, and a clef-like mark at each staff's start.
            let paper = (236 + 8 * rng.unit(), 232 + 8 * rng.unit(), 218 + 8 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.16, (ca, sa) = (cos(a), sin(a))
            let ls = 6 + 1.5 * rng.unit(), sysH = 4 * ls + 44 + 14 * rng.unit()
            let titleTop = 20 + 30 * rng.unit(), firstStaff = titleTop + 60
            let left = 40 + 20 * rng.unit(), right = uMax - 40 - 20 * rng.unit()
            let noteSp = 24 + 8 * rng.unit(), notesStart = left + 42
            let musicSeed = rng.next(), textSeed = rng.next()
            let ink = (28.0, 26.0, 30.0)
            func pitch(_ n: Int, _ sys: Int) -> Int { Int(lattice(n, sys, musicSeed) * 11) - 1 }   // −1…9: half-steps above the bottom line
            func headY(_ n: Int, _ sys: Int) -> Double { 4 * ls - Double(pitch(n, sys)) * ls / 2 }
            func isBar(_ n: Int) -> Bool { n % 5 == 4 }
            func beamed(_ n: Int, _ sys: Int) -> Bool {   // n is the first of a beamed pair
                n % 5 < 3 && n % 2 == 0 && lattice(n, sys, musicSeed &+ 7) < 0.55
            }
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    var dark = false, grey = false
                    if v >= titleTop, v < titleTop + 18 {
                        // The title: bold block letters centred on the page.
                        let cu = u - uMax / 2
                        if abs(cu) < 170 {
                            let (letter, fu) = cellOf(cu + 170, 14)
                            if fu < 11, lattice(letter, 0, textSeed) > 0.12, (letter + 1) % 7 != 0 { dark = true }
                        }
                    } else if v >= titleTop + 28, v < titleTop + 35, u > right - 150, u < right {
                        let (letter, fu) = cellOf(u, 6)
                        if fu < 4.5, lattice(letter, 1, textSeed) > 0.2 { grey = true }   // the composer, small print at the right
                    } else if v >= firstStaff - 4 * ls {
                        let (sys, fv) = cellOf(v - firstStaff + 4 * ls, sysH)
                        let sv = fv - 4 * ls   // 0 = the top staff line
                        if u >= left, u <= right {
                            for k in 0..<5 where abs(sv - Double(k) * ls) < 0.55 { dark = true }
                            if abs(u - left) < 0.8 || abs(u - right) < 1.4, sv >= 0, sv <= 4 * ls { dark = true }
                            // The clef: a tall loop over the staff's start.
                            let cu = u - left - 16, cv = sv - 2.4 * ls
                            let rr = (cu * cu / 30 + cv * cv / (ls * ls * 2.2)).squareRoot()
                            if abs(rr - 1.6) < 0.32, cv > -3.2 * ls { dark = true }
                            if abs(cu - 1.5) < 0.9, sv > -1.2 * ls, sv < 5.2 * ls { dark = true }
                        }
                        if u >= notesStart, u < right - noteSp / 2, sv > -4 * ls, sv < 8 * ls {
                            let (n, fu) = cellOf(u - notesStart, noteSp)
                            if isBar(n) {
                                if abs(fu - noteSp / 2) < 0.7, sv >= 0, sv <= 4 * ls { dark = true }
                            } else {
                                let cy = headY(n, sys), cx = noteSp / 2
                                // The head: a tilted filled ellipse.
                                let dx = fu - cx, dy = sv - cy, t = -0.35
                                let ex = dx * cos(t) + dy * sin(t), ey = -dx * sin(t) + dy * cos(t)
                                if (ex * ex) / (ls * ls * 0.42) + (ey * ey) / (ls * ls * 0.2) < 1 { dark = true }
                                // Ledger lines above/below the staff.
                                if abs(dx) < ls * 1.1, (cy < -0.2 * ls || cy > 4.2 * ls) {
                                    for k in [-1, 5] where abs(sv - Double(k) * ls) < 0.55 && (k < 0 ? cy <= -ls + 0.1 : cy >= 5 * ls - 0.1) { dark = true }
                                }
                                // The stem and, for a beamed pair, the beam to the partner's stem.
                                let first = beamed(n, sys), second = n > 0 && beamed(n - 1, sys)
                                let stemX = cx + ls * 0.62
                                if first || second {
                                    let other = first ? n + 1 : n - 1
                                    let beamY = min(cy, headY(other, sys)) - 3.3 * ls
                                    if abs(fu - stemX) < 0.6, sv <= cy, sv >= beamY { dark = true }
                                    let bx0 = first ? stemX : stemX - noteSp, bx1 = first ? stemX + noteSp : stemX
                                    if fu >= bx0 - 0.3, fu <= bx1 + 0.3, sv >= beamY, sv <= beamY + ls * 0.55 { dark = true }
                                } else if cy > 2 * ls {
                                    if abs(fu - stemX) < 0.6, sv <= cy, sv >= cy - 3.3 * ls { dark = true }
                                } else {
                                    let sx = cx - ls * 0.62
                                    if abs(fu - sx) < 0.6, sv >= cy, sv <= cy + 3.3 * ls { dark = true }
                                }
                            }
                        }
                    }
                    var c = paper
                    if dark { c = ink } else if grey { c = (90, 88, 92) }
                    let m = 0.985 + 0.03 * valueNoise(px, py, cell: 160, seed: bgSeed)
                    put(y * W + x, (c.0 * m, c.1 * m, c.2 * m))
                }
            }
        case .wallCalendar:
            // A wall calendar's month page filling the frame: a bold month name in a dark red
            // header band, a row of weekday initials, then a 7-column grid of day boxes (thin grey
            // rules) with the day's number in each box's top-left corner (Sundays in red) and a few
            // handwritten blue notes.
            let paper = (242 + 6 * rng.unit(), 240 + 6 * rng.unit(), 234 + 6 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.14, (ca, sa) = (cos(a), sin(a))
            let left = 24 + 20 * rng.unit(), right = uMax - 24 - 20 * rng.unit()
            let bw = (right - left) / 7, bh = bw * (0.62 + 0.2 * rng.unit())
            let headTop = 18 + 24 * rng.unit(), headH = 44 + 10 * rng.unit()
            let daysTop = headTop + headH + 8, gridTop = daysTop + 22
            let firstDay = Int(rng.next() % 7), monthDays = 28 + Int(rng.next() % 4)
            let red = (168.0, 32.0, 38.0), ink = (35.0, 34.0, 38.0), blue = (40.0, 70.0, 160.0)
            let noteSeed = rng.next(), headSeed = rng.next()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa, v = -px * sa + py * ca
                    var c = paper
                    if u >= left, u <= right {
                        if v >= headTop, v < headTop + headH {
                            // The header band: bold white letters of the month centred on red.
                            c = red
                            let cu = u - (left + right) / 2, cv = v - headTop - headH * 0.2
                            if abs(cu) < 130, cv >= 0, cv < headH * 0.6 {
                                let (letter, fu) = cellOf(cu + 130, 26)
                                if fu < 20, lattice(letter, 0, headSeed) > 0.08, letter != 4 {
                                    // Block letters with a counter (a hole) in some.
                                    let hole = lattice(letter, 1, headSeed) < 0.5 && fu > 7 && fu < 13 && cv > headH * 0.18 && cv < headH * 0.42
                                    if !hole { c = (246, 240, 236) }
                                }
                            }
                        } else if v >= daysTop, v < daysTop + 12 {
                            let (col, fu) = cellOf(u - left, bw)
                            if fu > bw / 2 - 5, fu < bw / 2 + 5, printDot(col % 10, (fu - bw / 2 + 5) / 10, (v - daysTop) / 12) {
                                c = col == 6 ? red : ink
                            }
                        } else if v >= gridTop, v <= gridTop + 6 * bh {
                            let (col, fu) = cellOf(u - left, bw), (row, fv) = cellOf(v - gridTop, bh)
                            if fu < 1.1 || fv < 1.1 || abs(u - right) < 1.1 || abs(v - gridTop - 6 * bh) < 1.1 { c = (150, 150, 154) }
                            else {
                                let day = row * 7 + col - firstDay + 1
                                if day >= 1, day <= monthDays {
                                    // The day's number, top-left: one or two digits 9 × 13.
                                    let digits = day >= 10 ? [day / 10, day % 10] : [day]
                                    let du = fu - 6, dv = fv - 6
                                    let k = Int((du / 9).rounded(.down))
                                    if du >= 0, k < digits.count, printDot(digits[k], (du - Double(k) * 9) / 9, dv / 13) { c = col == 6 ? red : ink }
                                    // A few handwritten notes: a wavy blue line or two.
                                    if lattice(day, 0, noteSeed) < 0.18, fu > 8, fu < bw - 10 {
                                        let wy = bh * 0.55 + 3 * sin(fu * 0.45 + Double(day)) + 2 * sin(fu * 1.3)
                                        if abs(fv - wy) < 1.1, lattice(Int(fu / 9), day, noteSeed &+ 1) > 0.15 { c = blue }
                                        let wy2 = wy + 11
                                        if lattice(day, 1, noteSeed) < 0.5, fu < bw * 0.6, abs(fv - wy2) < 1.1 { c = blue }
                                    }
                                }
                            }
                        }
                    }
                    let m = 0.985 + 0.03 * valueNoise(px, py, cell: 200, seed: bgSeed)
                    put(y * W + x, (c.0 * m, c.1 * m, c.2 * m))
                }
            }
        case .quiltedBedspread:
            // A white quilted bedspread: diamond stitching (two sets of stitched lines crossing at
            // about 70°, thin slightly darker thread in short stitches) with each diamond softly
            // puffed up (lit on one side, shaded on the other, sunk along the seams), a fine
            // cotton weave and a broad fold.
            let white = 214 + 8 * rng.unit()
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let half = 0.6 + 0.1 * rng.unit(), (ch, sh) = (cos(half), sin(half))
            let pitch = 50 + 22 * rng.unit(), lightA = rng.unit() * 2 * Double.pi
            let (lx, ly) = (cos(lightA), sin(lightA)), foldA = rng.unit() * Double.pi, foldO = (rng.unit() - 0.5) * 400
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 5000, v = -px * sa + py * ca + 5000
                    let d1 = u * sh + v * ch, d2 = -u * sh + v * ch   // distances across the two sets of seams
                    let (_, f1) = cellOf(d1, pitch), (_, f2) = cellOf(d2, pitch)
                    let t1 = f1 / pitch, t2 = f2 / pitch
                    // The puff: a dome sin·sin; its slope lit from (lx, ly).
                    let h1 = cos(Double.pi * t1) * sin(Double.pi * t2), h2 = sin(Double.pi * t1) * cos(Double.pi * t2)
                    var f = 1 + 0.09 * (h1 * lx + h2 * ly)
                    let edge = min(f1, pitch - f1, f2, pitch - f2)
                    f *= 0.84 + 0.16 * smooth(edge / 9)
                    if edge < 0.9 {
                        let along = f1 < 1 || pitch - f1 < 1 ? d2 : d1
                        f *= cellOf(along, 6).1 < 4 ? 0.88 : 0.95   // the stitches
                    }
                    f *= 0.99 + 0.02 * lattice(Int(px * 1.5), Int(py * 1.5), bgSeed)   // cotton weave
                    let fd = (px - 500) * -sin(foldA) + (py - 400) * cos(foldA) - foldO
                    f *= 1 - 0.06 * exp(-fd * fd / (90 * 90))
                    put(y * W + x, (white * f, white * f * 0.995, white * f * 0.985))
                }
            }
        case .pegboard:
            // A white pegboard: a painted hardboard panel with a regular grid of small round dark
            // holes (a lit lower rim on each), a faint painted texture.
            let white = 230 + 10 * rng.unit()
            let a = (rng.unit() - 0.5) * 0.2, (ca, sa) = (cos(a), sin(a))
            let pitch = 24 + 8 * rng.unit(), radius = 2.8 + 1.2 * rng.unit()
            let ou = rng.unit() * pitch, ov = rng.unit() * pitch
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + ou, v = -px * sa + py * ca + ov
                    let du = cellOf(u, pitch).1 - pitch / 2, dv = cellOf(v, pitch).1 - pitch / 2
                    let r = (du * du + dv * dv).squareRoot()
                    var f = 0.985 + 0.03 * valueNoise(px, py, cell: 9, seed: bgSeed) + 0.015 * (valueNoise(px, py, cell: 300, seed: bgSeed &+ 1) - 0.5)
                    var c = (white * f, white * f * 0.99, white * f * 0.97)
                    if r < radius + 0.8 {
                        let w = smooth((radius + 0.8 - r) / 1.4)
                        let inner = (46.0 + 14 * max(0, dv / radius), 42.0 + 12 * max(0, dv / radius), 40.0 + 10 * max(0, dv / radius))
                        c = mix(c, inner, w)
                    } else if r < radius + 2.5, dv > 0 {
                        f = 0.93; c = (c.0 * f, c.1 * f, c.2 * f)   // a thin shaded rim below each hole
                    }
                    put(y * W + x, c)
                }
            }
        case .encausticTiles:
            // A pale encaustic cement-tile floor: square tiles with grout lines, each tile a
            // four-fold ornament (a central star in a ring, a diamond, quarter-circle arcs at the
            // corners, a border band) in muted blue, grey and beige on cream, worn and mottled.
            let cream = (228 + 8 * rng.unit(), 222 + 8 * rng.unit(), 206 + 8 * rng.unit())
            let blue = (112 + 16 * rng.unit(), 134 + 14 * rng.unit(), 160 + 12 * rng.unit())
            let grey = (150 + 10 * rng.unit(), 152 + 10 * rng.unit(), 154 + 10 * rng.unit())
            let beige = (206 + 10 * rng.unit(), 188 + 10 * rng.unit(), 160 + 10 * rng.unit())
            let grout = (196.0, 192.0, 184.0)
            let a = (rng.unit() - 0.5) * 0.5, (ca, sa) = (cos(a), sin(a))
            let tile = 105 + 35 * rng.unit(), groutW = 1.5 + 1.5 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 7000, v = -px * sa + py * ca + 7000
                    let (tu, fu) = cellOf(u, tile), (tv, fv) = cellOf(v, tile)
                    var c: (Double, Double, Double)
                    if fu < groutW || fv < groutW { c = grout }
                    else {
                        let lx = abs((fu - groutW / 2) / (tile / 2) - 1), ly = abs((fv - groutW / 2) / (tile / 2) - 1)
                        let r = (lx * lx + ly * ly).squareRoot(), th = atan2(ly, lx)
                        let cr = ((1 - lx) * (1 - lx) + (1 - ly) * (1 - ly)).squareRoot()
                        c = cream
                        if max(lx, ly) > 0.9 { c = grey }                                   // the border band
                        else if abs(lx + ly - 0.95) < 0.07 { c = blue }                     // the diamond
                        else if cr > 0.34, cr < 0.46 { c = beige }                          // corner arcs (four tiles make a circle)
                        else if cr <= 0.22 { c = blue }                                     // quarter discs in the corners
                        else if r < 0.2 + 0.09 * cos(8 * th) { c = blue }                   // the star
                        else if abs(r - 0.42) < 0.05 { c = grey }                           // the ring
                        else if r > 0.5, r < 0.62, abs(lx - ly) < 0.05 { c = beige }       // diagonal petals
                        let tone = 0.97 + 0.04 * lattice(tu, tv, bgSeed)
                        let wear = 0.98 + 0.04 * valueNoise(px, py, cell: 35, seed: bgSeed &+ 1)
                        c = (c.0 * tone * wear, c.1 * tone * wear, c.2 * tone * wear)
                    }
                    put(y * W + x, c)
                }
            }
        case .tealVelvet:
            // A dark teal velvet cushion: soft sheen gradients where the pile catches the light
            // (broad, smooth, brighter where it is brushed one way), a fine pile, a piped seam.
            let teal = (18 + 10 * rng.unit(), 68 + 14 * rng.unit(), 76 + 14 * rng.unit())
            let sheenC = (70.0, 150.0, 152.0)
            let seamA = rng.unit() * Double.pi, seamO = (rng.unit() - 0.5) * 500
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let n1 = valueNoise(px, py, cell: 260, seed: bgSeed), n2 = valueNoise(px, py, cell: 120, seed: bgSeed &+ 1)
                    let sheen = pow(clamp01(n1 * 0.8 + n2 * 0.35 - 0.25), 2.2)
                    let pile = 0.96 + 0.08 * lattice(Int(px * 2), Int(py * 2), bgSeed &+ 2)
                    var c = mix(teal, sheenC, sheen * 0.85)
                    c = (c.0 * pile, c.1 * pile, c.2 * pile)
                    let sd = (px - 500) * -sin(seamA) + (py - 400) * cos(seamA) - seamO
                    if abs(sd) < 7 {   // the piping: a round cord, lit along its middle
                        let k = 0.55 + 0.7 * cos(sd / 7 * Double.pi / 2)
                        c = (teal.0 * k, teal.1 * k, teal.2 * k)
                    } else if abs(sd) < 11 { c = (c.0 * 0.6, c.1 * 0.6, c.2 * 0.6) }
                    put(y * W + x, c)
                }
            }
        case .asphalt:
            // Grey asphalt: speckled aggregate (light and dark stones in a dark binder, finely
            // mottled), a few darker tar patches, and a faded, worn painted line crossing it.
            let binder = 78 + 16 * rng.unit()
            let a = rng.unit() * Double.pi, (ca, sa) = (cos(a), sin(a))
            let lineO = (rng.unit() - 0.5) * 500, lineW = 45 + 25 * rng.unit()
            let paint: (Double, Double, Double) = rng.unit() < 0.5 ? (214, 210, 198) : (214, 186, 92)
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let gx = Int((px / 2.2).rounded(.down)), gy = Int((py / 2.2).rounded(.down))
                    let stone = lattice(gx, gy, bgSeed)
                    var v = binder * (0.9 + 0.2 * valueNoise(px, py, cell: 5, seed: bgSeed &+ 1))
                    if stone > 0.9 { v = 150 + 60 * lattice(gx, gy, bgSeed &+ 2) }
                    else if stone < 0.1 { v = 38 + 20 * lattice(gx, gy, bgSeed &+ 3) }
                    v *= 0.9 + 0.15 * valueNoise(px, py, cell: 220, seed: bgSeed &+ 4)
                    if valueNoise(px, py, cell: 90, seed: bgSeed &+ 5) > 0.8 { v *= 0.8 }   // tar patches
                    var c = (v * 1.0, v * 0.99, v * 0.97)
                    let d = (px - 500) * -sa + (py - 400) * ca - lineO
                    if abs(d) < lineW / 2 {
                        let worn = clamp01(valueNoise(px, py, cell: 12, seed: bgSeed &+ 6) * 1.3 - 0.15)
                        let w = 0.65 * worn * smooth((lineW / 2 - abs(d)) / 2) * (stone < 0.1 ? 0.3 : 1)
                        c = mix(c, paint, w)
                    }
                    put(y * W + x, c)
                }
            }
        case .cherryTable:
            // A dark cherry-wood table: reddish-brown boards with flowing grain and fine pores, a
            // thin seam between boards, and a soft reflection of a window (four panes, the frame
            // bars dark) in the varnish.
            let wood = (96 + 14 * rng.unit(), 40 + 8 * rng.unit(), 28 + 6 * rng.unit())
            let a = (rng.unit() - 0.5) * 0.6, (ca, sa) = (cos(a), sin(a))
            let board = 170 + 60 * rng.unit(), ov = rng.unit() * board
            let wx = 150 + 600 * rng.unit(), wy = 100 + 400 * rng.unit(), ww = 230 + 80 * rng.unit(), wh = 170 + 60 * rng.unit()
            let lift = 0.22 + 0.1 * rng.unit(), soft = 28 + 14 * rng.unit()
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 4000, v = -px * sa + py * ca + 4000 + ov
                    let (bi, bv) = cellOf(v, board)
                    let wave = 9 * valueNoise(u, Double(bi) * 50, cell: 140, seed: bgSeed)
                    let g = sin((bv + wave) * 0.55 + Double(bi) * 2.1) * 0.5 + 0.5
                    var f = 0.86 + 0.16 * g * g + 0.06 * (lattice(bi, 0, bgSeed &+ 1) - 0.5)
                    f *= 0.97 + 0.05 * lattice(Int(u / 3), Int(v), bgSeed &+ 2)   // pores
                    if bv < 1.2 { f *= 0.55 }
                    var c = (wood.0 * f, wood.1 * f, wood.2 * f)
                    // The window's reflection: a soft-edged rectangle with a cross of frame bars.
                    let dx = abs(px - wx) - ww / 2, dy = abs(py - wy) - wh / 2
                    let inside = smooth(-dx / soft + 0.5) * smooth(-dy / soft + 0.5)
                    if inside > 0 {
                        let bar = min(abs(px - wx), abs(py - wy))
                        let w = lift * inside * (1 - 0.75 * smooth((10 - bar) / 8))
                        c = mix(c, (205, 200, 205), w)
                    }
                    put(y * W + x, c)
                }
            }
        case .buffaloCheck:
            // Red-and-black buffalo-check flannel: equal red and black stripes in both directions
            // (red over red, black over black, dark red where they cross), a fine twill and a
            // brushed, fuzzy surface.
            let red = (164 + 20 * rng.unit(), 26 + 10 * rng.unit(), 32 + 10 * rng.unit()), black = (26.0, 22.0, 24.0)
            let a = (rng.unit() - 0.5) * 0.5, (ca, sa) = (cos(a), sin(a))
            let w = 42 + 18 * rng.unit(), ou = rng.unit() * w * 2, ov = rng.unit() * w * 2
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let u = px * ca + py * sa + 6000 + ou, v = -px * sa + py * ca + 6000 + ov
                    let fuzz = 2.5 * (valueNoise(px, py, cell: 3, seed: bgSeed) - 0.5)
                    let warpRed = cellOf(u + fuzz, 2 * w).1 < w, weftRed = cellOf(v - fuzz, 2 * w).1 < w
                    // The twill: alternate threads show warp or weft along a diagonal.
                    let twill = cellOf(u + v, 3).1 < 1.5
                    let thread = twill ? warpRed : weftRed
                    var c = thread ? red : black
                    if warpRed != weftRed { c = mix(c, warpRed ? red : black, 0.35) }
                    let f = 0.92 + 0.12 * valueNoise(px, py, cell: 6, seed: bgSeed &+ 1)
                    put(y * W + x, (c.0 * f, c.1 * f, c.2 * f))
                }
            }
        case .paperOverLid:
            // Flatbed scan with a sheet of white printer paper laid over the card instead of the
            // lid: very light, a fine fibre texture (short fibres along the sheet), broad soft
            // shading and a few soft wrinkles and creases (a lit ridge beside a shaded trough).
            let white = 236 + 6 * rng.unit()
            let fa = rng.unit() * Double.pi, (fc, fs) = (cos(fa), sin(fa))
            let creases = 2 + Int(rng.next() % 3)
            let cr: [(Double, Double, Double, Double)] = (0..<creases).map { _ in
                (rng.unit() * Double.pi, (rng.unit() - 0.5) * 700, 8 + 14 * rng.unit(), 0.5 + 0.5 * rng.unit())
            }
            for y in 0..<H {
                for x in 0..<W {
                    let px = (Double(x) + 0.5) * scale, py = (Double(y) + 0.5) * scale
                    let fu = px * fc + py * fs, fv = -px * fs + py * fc
                    var v = white * (0.992 + 0.008 * lattice(Int(px * 1.4), Int(py * 1.4), bgSeed))
                    v += 1.6 * (valueNoise(fu * 0.25, fv * 2.5, cell: 2, seed: bgSeed &+ 1) - 0.5)   // fibres
                    v += 3 * (valueNoise(px, py, cell: 260, seed: bgSeed &+ 2) - 0.5)
                    for (ang, off, width, depth) in cr {
                        let d = (px - 500) * -sin(ang) + (py - 400) * cos(ang) - off
                        guard abs(d) < width * 3 else { continue }
                        // A crease: a shaded trough on one side, a lit ridge on the other.
                        v += depth * (3 * exp(-(d - width * 0.6) * (d - width * 0.6) / (width * width * 0.3))
                                      - 7 * exp(-(d + width * 0.4) * (d + width * 0.4) / (width * width * 0.5)))
                    }
                    v = min(v, 247)
                    put(y * W + x, (v, v * 0.998, v * 1.002))
                }
            }
        default: break
        }
    }

    /// The holdout9 light on the scene's planes (before quantisation): the hard shadow bars of
    /// a window frame or blind (2–4 parallel soft-edged bars across the scene and the card) and a
    /// cool blue daylight/monitor cast (per-channel gains, each channel's top compressed softly
    /// under 250 so that the cast never clips the card). No effect when the scene has neither.
    static func applyHoldout9Light(_ s: IDScanSyntheticScene, _ W: Int, _ H: Int, _ bg: inout [[Double]]) {
        guard s.shadowBars != nil || s.coolCast != nil else { return }
        for y in 0..<H {
            let py = Double(y) + 0.5
            for x in 0..<W {
                let px = Double(x) + 0.5, i = y * W + x
                if let sb = s.shadowBars {
                    let f = 1 - sb.strength * shadowBarCover(sb, px, py, W, H)
                    for c in 0..<3 { bg[c][i] *= f }
                }
                if let t = s.coolCast {
                    bg[0][i] = ledChannel(bg[0][i], t.red); bg[1][i] = ledChannel(bg[1][i], t.green); bg[2][i] = ledChannel(bg[2][i], t.blue)
                }
            }
        }
    }

    /// How much of the shadow bars falls on image pixel (px, py): 0–1; `count` bars of width
    /// `width` (a fraction of the diagonal), `period` apart, centred on (originX, originY),
    /// running across the whole frame at `angle`, with a `softness`-wide penumbra.
    static func shadowBarCover(_ sb: IDScanSyntheticScene.ShadowBars, _ px: Double, _ py: Double, _ W: Int, _ H: Int) -> Double {
        let diagonal = Double(W * W + H * H).squareRoot()
        let d = ((px - sb.originX * Double(W)) * cos(sb.angle) + (py - sb.originY * Double(H)) * sin(sb.angle)) / diagonal
        var cover = 0.0
        for k in 0..<max(sb.count, 0) {
            let centre = (Double(k) - Double(sb.count - 1) / 2) * sb.period
            let t = min(max(((sb.width / 2 - abs(d - centre)) / max(sb.softness, 1e-6) + 1) / 2, 0), 1)
            cover = max(cover, t * t * (3 - 2 * t))
        }
        return cover
    }

    /// The fraction of the card's area under the shadow bars (their cover summed over the
    /// card's pixels), for tests; 0 when the scene has none.
    public static func shadowBarsCardFraction(_ s: IDScanSyntheticScene) -> Double {
        guard let sb = s.shadowBars else { return 0 }
        return cardCoverFraction(s) { shadowBarCover(sb, $0, $1, s.width, s.height) }
    }

    /// Dim-room sensor noise on the quantised planes (after the older noise, before any
    /// downscale): luminance noise (one Gaussian sample added to all three channels) and blotchy
    /// chroma noise (red and blue moved apart in 2 × 2 blocks, green the other way), from its own
    /// random stream so that nothing else in the scene changes. No effect without `sensorNoise`.
    static func applyHoldout9Noise(_ s: IDScanSyntheticScene, _ planes: inout Planes) {
        guard let sn = s.sensorNoise else { return }
        var rng = SplitMix64(seed: s.seed ^ 0x5EB5_0A11_CE90_0009)
        let W = planes.width, H = planes.height, bw = (W + 1) / 2
        var chroma = [(Double, Double)](repeating: (0, 0), count: bw * ((H + 1) / 2))
        for k in chroma.indices { chroma[k] = (rng.gaussian() * sn.chroma, rng.gaussian() * sn.chroma) }
        for y in 0..<H {
            for x in 0..<W {
                let i = y * W + x, l = rng.gaussian() * sn.luma, (cr, cb) = chroma[(y / 2) * bw + x / 2]
                func add(_ v: UInt8, _ d: Double) -> UInt8 { UInt8(min(max((Double(v) + d).rounded(), 0), 255)) }
                planes.channels[0][i] = add(planes.channels[0][i], l + cr)
                planes.channels[1][i] = add(planes.channels[1][i], l - 0.5 * (cr + cb))
                planes.channels[2][i] = add(planes.channels[2][i], l + cb)
            }
        }
    }
}

extension IDScanSyntheticScene {
    /// The hard shadow bars of a window frame or blind across the scene (card included):
    /// `count` parallel bars, each `width` wide (a fraction of the image's diagonal), `period`
    /// apart, centred on (`originX`, `originY`) (fractions of the frame), across the frame at
    /// `angle` (radians, the bars' normal), edges softened over `softness` (of the diagonal),
    /// darkening by `strength` (0–1) inside a bar.
    public struct ShadowBars: Sendable, Hashable {
        public var strength: Double, angle: Double, originX: Double, originY: Double
        public var count: Int, period: Double, width: Double, softness: Double
        public init(strength: Double, angle: Double, originX: Double, originY: Double, count: Int, period: Double, width: Double, softness: Double) {
            self.strength = strength; self.angle = angle; self.originX = originX; self.originY = originY
            self.count = count; self.period = period; self.width = width; self.softness = softness
        }
    }

    /// Dim-room sensor noise: σ (levels) of the luminance noise and of the blotchy chroma noise.
    public struct SensorNoise: Sendable, Hashable {
        public var luma: Double, chroma: Double
        public init(luma: Double, chroma: Double) { self.luma = luma; self.chroma = chroma }
    }
}
