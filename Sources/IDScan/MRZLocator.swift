/// The back of the card located by its machine-readable zone: three lines of 30 evenly spaced
/// OCR-B characters (ICAO 9303, TD1), printed parallel to the card's long side across nearly its
/// whole width, near its bottom edge. On a light card on a light, busy surface the MRZ is often the
/// clearest thing on the card while the card's outline is faint; the MRZ alone then says where the
/// card is, how it is turned and how large it is (the characters' pitch is 2.54 mm on an 85.6 mm card).
///
/// 1. dark/light by the local mean (a 31 px box, less 8 levels), as ``QRFinderLocator``;
/// 2. the dark 8-connected components of character size (4–40 px high, no wider than 1.6 × their
///    height), by their centres;
/// 3. chains of components at an even step: from each component, a neighbour 0.5–2.2 character
///    heights away sets the step; the chain follows components within 30 % of the step of where the
///    next is expected, in both directions; a chain of 20–34 components is a text line of MRZ length;
/// 4. three such lines parallel (within 4°), at the same step (± 15 %), equally spaced (the two gaps
///    within 25 % of each other, 1.2–4 steps), starting and ending together (within 2.5 steps):
///    the MRZ, taken to lie at the bottom of a card that is upright in the image (an upside-down
///    back is then seen as cut or misplaced: rejected, never wrongly accepted).
struct MRZLocator: Sendable {
    /// Where the MRZ found says the card is.
    struct Estimate: Sendable {
        /// The card's outline from the ICAO geometry (not from its edges), in image pixels.
        var card: Quad
        /// The MRZ's three lines' bounding rectangle, in image pixels.
        var zone: Quad
        /// Character pitch in pixels.
        var pitch: Double
    }

    /// ICAO 9303 TD1: the card is 85.6 × 53.98 mm, MRZ characters 2.54 mm apart, the lines
    /// centred across the card; the middle of the bottom line about 5 mm from the bottom edge.
    static let cardLongPitches = 85.6 / 2.54
    static let cardShortPitches = 53.98 / 2.54
    static let bottomLineToEdgePitches = 5.0 / 2.54

    /// Receives the search's counts: a tuning aid for tests.
    var trace: (@Sendable (String) -> Void)? = nil

    private struct Component { var x: Double; var y: Double; var h: Double; var w: Double; var count: Int }
    private struct Line { var origin: Vec2; var u: Vec2; var step: Double; var start: Double; var end: Double; var count: Int; var height: Double }

    func find(_ image: GrayImage) -> Estimate? {
        let W = image.width, H = image.height
        guard let dark = image.darkByLocalMean() else { return nil }
        let comps = components(dark, width: W, height: H)
        trace?("components \(comps.count)")
        guard comps.count >= 60 else { return nil }

        // Spatial grid of the components' centres.
        let cell = 16
        let gw = (W + cell - 1) / cell, gh = (H + cell - 1) / cell
        var grid = [[Int32]](repeating: [], count: gw * gh)
        for (k, c) in comps.enumerated() {
            let gx = min(gw - 1, max(0, Int(c.x) / cell)), gy = min(gh - 1, max(0, Int(c.y) / cell))
            grid[gy * gw + gx].append(Int32(k))
        }
        func near(_ p: Vec2, within r: Double, _ body: (Int) -> Void) {
            let x0 = max(0, Int(p.x - r) / cell), x1 = min(gw - 1, Int(p.x + r) / cell)
            let y0 = max(0, Int(p.y - r) / cell), y1 = min(gh - 1, Int(p.y + r) / cell)
            guard x0 <= x1, y0 <= y1 else { return }
            for gy in y0...y1 { for gx in x0...x1 { for k in grid[gy * gw + gx] { body(Int(k)) } } }
        }
        func closest(to p: Vec2, within r: Double, height h: Double) -> Int? {
            var best: (k: Int, d: Double)?
            near(p, within: r) { k in
                let c = comps[k]
                guard c.h <= 2.2 * h, c.h >= 0.35 * h else { return }
                let d = (Vec2(x: c.x, y: c.y) - p).length
                if d <= r, d < (best?.d ?? .infinity) { best = (k, d) }
            }
            return best?.k
        }

        // Text lines at an even step.
        var lines: [Line] = []
        var spans = [Int](repeating: 0, count: 41), bent = 0
        var seen = Set<Int64>()
        for (a, ca) in comps.enumerated() {
            let pa = Vec2(x: ca.x, y: ca.y)
            var neighbours: [Int] = []
            near(pa, within: 2.2 * ca.h) { b in if b != a { neighbours.append(b) } }
            for b in neighbours {
                let cb = comps[b]
                var v = Vec2(x: cb.x - ca.x, y: cb.y - ca.y)
                let step = v.length
                guard step >= 0.5 * ca.h, step <= 2.2 * ca.h, cb.h <= 2.2 * ca.h, cb.h >= 0.45 * ca.h else { continue }
                guard v.x > 0 || (v.x == 0 && v.y > 0) else { continue }   // each direction once
                // Start only at a line's first component.
                if closest(to: pa - v, within: 0.3 * step, height: ca.h) != nil { continue }
                let key = Int64(a) << 32 | Int64(b)
                guard seen.insert(key).inserted else { continue }
                // Members with their positions in steps (a character printed in pieces or too
                // faint may be missing: up to two in a row, eight in all).
                var members = [pa, Vec2(x: cb.x, y: cb.y)]
                var heights = [ca.h, cb.h]
                var slots = [0, 1]
                var missing = 0, slot = 1
                while slots.count < 40, slot < 44 {
                    v = (members[members.count - 1] - members[0]) * (1 / Double(slots[slots.count - 1]))
                    var hit: Int?
                    for skip in 1...3 {
                        let p = members[members.count - 1] + v * Double(slot + skip - slots[slots.count - 1])
                        if let next = closest(to: p, within: 0.4 * v.length, height: ca.h) { hit = next; slot += skip; missing += skip - 1; break }
                    }
                    guard let next = hit, missing <= 8 else { break }
                    members.append(Vec2(x: comps[next].x, y: comps[next].y))
                    heights.append(comps[next].h)
                    slots.append(slot)
                }
                let span = slots[slots.count - 1]
                spans[min(span, 40)] += 1
                guard span >= 22, span <= 33, members.count >= 16, let fit = Geometry.fitLine(members) else { continue }
                var u = fit.d
                if u.dot(v) < 0 { u = u * -1 }
                let ts = members.map { ($0 - fit.c).dot(u) }
                guard let t0 = ts.min(), let t1 = ts.max() else { continue }
                let meanStep = (t1 - t0) / Double(span)
                // Straight: the members within a quarter of a step of the fitted line (a few, whose
                // ink sits high or low in the character, within 0.6 of a step).
                let off = members.map { abs(($0 - fit.c).cross(u)) }
                guard meanStep > 0, off.allSatisfy({ $0 <= 0.6 * meanStep + 1 }),
                      Double(off.filter { $0 <= 0.25 * meanStep + 1 }.count) >= 0.85 * Double(members.count) else { bent += 1; continue }
                let height = heights.sorted()[heights.count / 2]
                lines.append(Line(origin: fit.c, u: u, step: meanStep, start: t0, end: t1, count: members.count, height: height))
            }
            if lines.count > 150 { break }
        }
        trace?("spans \(spans.enumerated().filter { $0.element > 0 && $0.offset >= 8 }.map { "\($0.offset):\($0.element)" }) bent \(bent)")
        trace?("lines \(lines.count): " + lines.prefix(12).map { "n\($0.count) step \(Int($0.step)) at \(Int($0.origin.x)),\(Int($0.origin.y))" }.joined(separator: "; "))
        guard lines.count >= 3 else { return nil }

        // Three lines that make an MRZ: two long lines found as chains, parallel, at the same
        // step, starting and ending together, and the third where the MRZ puts it (between them,
        // or one gap beyond either) holding at least 10 components along the same extent: a
        // line of digits printed in pieces seldom chains all the way.
        var best: (est: Estimate, score: Double)?
        for i in 0..<lines.count {
            let a = lines[i]
            let nrm = Vec2(x: -a.u.y, y: a.u.x)
            for j in lines.indices where j != i {
                let b = lines[j]
                guard abs(b.u.cross(a.u)) <= 0.07, abs(b.step - a.step) <= 0.15 * a.step else { continue }
                let o = (b.origin - a.origin).dot(nrm), step = (a.step + b.step) / 2
                guard o >= 1.2 * step, o <= 8 * step else { continue }
                let oa = (b.origin - a.origin).dot(a.u)
                let s0 = min(a.start, oa + b.start), s1 = max(a.start, oa + b.start)
                let e0 = min(a.end, oa + b.end), e1 = max(a.end, oa + b.end)
                guard s1 - s0 <= 2.5 * step, e1 - e0 <= 2.5 * step else { continue }
                let length = (e0 + e1) / 2 - (s0 + s1) / 2
                // Whole lines: 30 characters, 29 steps from first to last (a line cut by the frame
                // or by a hand is shorter, and the card around it is not all there).
                guard length >= 27 * step, length <= 31 * step else { trace?("pair \(i),\(j) length \(Int(length / step))"); continue }
                /// Components along the line at offset `off` (from a) over the pair's extent.
                /// The components along the line at offset `off` from a (within a third of a step
                /// of it, from a step before a's start to a step after b's end), with their
                /// positions along it.
                func along(_ off: Double) -> [(t: Double, c: Component)] {
                    var found: [(t: Double, c: Component)] = []
                    for c in comps {
                        let d = Vec2(x: c.x, y: c.y) - a.origin
                        let t = d.dot(a.u), q = d.dot(nrm) - off
                        if abs(q) <= 0.35 * step, t >= s0 - step, t <= e1 + step { found.append((t, c)) }
                    }
                    return found
                }
                func support(_ off: Double) -> Int { along(off).count }
                /// Components along the line at offset `off` that could be a fourth MRZ line:
                /// of the MRZ's character height (± 30 %) and on its character grid (within a
                /// fifth of a step of a character position). A page of text has such a line; the
                /// print of a busy background beside the card (another font, size and pitch) seldom.
                let charHeight = (a.height + b.height) / 2
                func gridSupport(_ off: Double) -> Int {
                    along(off).filter { p in
                        let r = (p.t - s0) / step
                        return p.c.h >= 0.7 * charHeight && p.c.h <= 1.4 * charHeight && abs(r - r.rounded()) <= 0.2
                    }.count
                }
                /// Whether the line at offset `off` holds the MRZ's filler: four or more look-alike
                /// components (`<`) one step apart. Every TD1 MRZ pads its fields with `<`; a page of
                /// text seldom repeats one glyph four times in a row.
                func hasFiller(_ off: Double) -> Bool {
                    var line = along(off)
                    line.sort { $0.t < $1.t }
                    func alike(_ p: Component, _ q: Component) -> Bool {
                        abs(p.h - q.h) <= max(1, 0.12 * p.h) && abs(p.w - q.w) <= max(1, 0.15 * p.w)
                            && abs(Double(p.count - q.count)) <= 0.2 * Double(max(p.count, q.count))
                    }
                    var run = 1
                    for k in line.indices.dropFirst() {
                        let gap = line[k].t - line[k - 1].t
                        run = gap >= 0.75 * step && gap <= 1.25 * step && alike(line[k].c, line[k - 1].c) ? run + 1 : 1
                        if run >= 4 { return true }
                    }
                    return false
                }
                // (first, last) offsets from a of the three lines for each placement of the third.
                var options: [(first: Double, last: Double, third: Double)] = [(0, 2 * o, 2 * o), (-o, o, -o)]
                if o >= 2.4 * step { options.append((0, o, o / 2)) }
                for opt in options {
                    let g = opt.last - opt.first
                    guard g / 2 >= 1.4 * step, g / 2 <= 2.6 * step else { continue }
                    let third = support(opt.third)
                    trace?("pair \(i),\(j) o \(Int(o)) step \(Int(step)) third \(third) before \(support(opt.first - g / 2))/\(gridSupport(opt.first - g / 2)) after \(support(opt.last + g / 2))/\(gridSupport(opt.last + g / 2)) filler \([opt.first, opt.third, opt.last].map(hasFiller))")
                    // Exactly three lines: a page of text has more at the same spacing.
                    guard third >= 10, gridSupport(opt.first - g / 2) < 6, gridSupport(opt.last + g / 2) < 6,
                          [opt.first, opt.third, opt.last].contains(where: hasFiller) else { continue }
                    let score = Double(a.count + b.count + third)
                    guard score > (best?.score ?? 0) else { continue }
                    let pitch = step
                    let at = { (off: Double, t: Double) in a.origin + a.u * t + nrm * off }
                    // Clear of the frame by a pitch: lines that run into the frame are cut.
                    let ends = [at(opt.first, s0), at(opt.first, e1), at(opt.last, s0), at(opt.last, e1)]
                    guard ends.allSatisfy({ $0.x >= 1.5 * step && $0.y >= step && $0.x <= Double(W) - 1.5 * step && $0.y <= Double(H) - step }) else { continue }
                    let zone = Quad.ordered([at(opt.first - g / 4, s0 - 0.5 * pitch), at(opt.first - g / 4, e1 + 0.5 * pitch),
                                             at(opt.last + g / 4, e1 + 0.5 * pitch), at(opt.last + g / 4, s0 - 0.5 * pitch)])
                    let middle = (opt.first + opt.last) / 2
                    guard let card = cardQuad(u: a.u, nrm: nrm, centre: at(middle, 0),
                                              firstOffset: opt.first - middle, lastOffset: opt.last - middle, pitch: pitch,
                                              ends: (s0 + s1) / 2 ... (e0 + e1) / 2) else { continue }
                    best = (Estimate(card: card, zone: zone, pitch: pitch), score)
                }
            }
        }
        return best?.est
    }

    /// The card around an MRZ whose middle line's centre is `centre`, its lines along `u`, the
    /// first and last lines at `firstOffset` and `lastOffset` along `nrm` from the middle one.
    private func cardQuad(u: Vec2, nrm: Vec2, centre: Vec2,
                          firstOffset: Double, lastOffset: Double, pitch: Double, ends: ClosedRange<Double>) -> Quad? {
        let long = Self.cardLongPitches * pitch, short = Self.cardShortPitches * pitch
        let toEdge = Self.bottomLineToEdgePitches * pitch
        /// The card with its top towards `up` (a unit normal): the MRZ's outer line on the far side.
        func quad(up: Vec2) -> Quad {
            let lastLine = up.dot(nrm) > 0 ? firstOffset : lastOffset    // the line farthest from `up`
            // The lines start at the card's left (as read), 2.35 pitches in from its edge: the
            // card's middle is 14.5 pitches on (a line cut short by a faint end changes nothing).
            let reading = Vec2(x: -up.y, y: up.x)
            let start = reading.dot(u) > 0 ? ends.lowerBound : ends.upperBound
            let along = start + (reading.dot(u) > 0 ? 1 : -1) * 14.5 * pitch
            let bottomMid = centre + u * along + nrm * lastLine - up * toEdge
            let topMid = bottomMid + up * short
            let half = u * (long / 2)
            return Quad.ordered([topMid - half, topMid + half, bottomMid + half, bottomMid - half])
        }
        // The card's top upwards in the image: an upload is seldom upside down, and the print
        // on either side of the MRZ (the card's codes, or a busy background) cannot tell.
        let up = nrm.y < 0 ? nrm : nrm * -1
        let q = quad(up: up)
        guard q.p.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return nil }
        return q
    }

    /// Dark 8-connected components of character size, by their centres.
    private func components(_ dark: [Bool], width W: Int, height H: Int) -> [Component] {
        var label = [Bool](repeating: false, count: W * H)
        var out: [Component] = []
        var stack: [Int] = []
        for start in 0..<(W * H) where dark[start] && !label[start] {
            label[start] = true
            stack.append(start)
            var minX = W, maxX = 0, minY = H, maxY = 0, count = 0, sx = 0, sy = 0
            while let i = stack.popLast() {
                let x = i % W, y = i / W
                count += 1; sx += x; sy += y
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                for dy in -1...1 {
                    let yy = y + dy
                    guard yy >= 0, yy < H else { continue }
                    for dx in -1...1 {
                        let xx = x + dx
                        guard xx >= 0, xx < W else { continue }
                        let j = yy * W + xx
                        if dark[j], !label[j] { label[j] = true; stack.append(j) }
                    }
                }
            }
            let w = maxX - minX + 1, h = maxY - minY + 1
            guard h >= 4, h <= 40, w <= Int(1.6 * Double(h)) + 2, count >= 6 else { continue }
            let fill = Double(count) / Double(w * h)
            guard fill >= 0.12, fill <= 0.9 else { continue }
            out.append(Component(x: Double(sx) / Double(count), y: Double(sy) / Double(count), h: Double(h), w: Double(w), count: count))
        }
        return out
    }
}
