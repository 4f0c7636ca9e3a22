import Foundation

/// The card located by its outline as four straight edges (a light card on light stone or on
/// printed paper, whose outline is there but which no flood separates from the background):
///
/// 1. a ≈400 px copy of the detection image, lightly smoothed; Sobel gradient, thinned to its
///    ridges (non-maximum suppression along the gradient);
/// 2. a Hough transform in which each edge pixel votes only for lines close to perpendicular to
///    its own gradient (texture votes spread thin, straight edges pile up); the strongest separated
///    peaks, each refined by a least-squares fit to the edge pixels along it;
/// 3. candidate quadrilaterals from two pairs of roughly parallel lines at roughly right angles
///    (any rotation, mild perspective): the corners inside the image, ID-1's aspect, at least the
///    policy's smallest card area;
/// 4. each candidate scored by edge support along its four sides (edge pixels oriented like the
///    side within 2 px of it), and kept only when the lines stop at the corners (a card's sides
///    end there; the stripes of a tablecloth, the rows of a keyboard or the edges of a sheet of
///    paper run on) and its inside carries printed content all over (a plain tabletop
///    rectangle has none). The candidate with the most supported outline wins.
struct EdgeQuadFinder: Sendable {
    var policy: IDScanPolicy
    /// Receives the search's intermediate steps (lines, scored candidates): a tuning aid for tests.
    var trace: (@Sendable (String) -> Void)? = nil
    /// Only edges with a plain side vote: an edge pixel votes when, on one side of it along its
    /// gradient, nothing strong lies 3–6 px away. A card's outline has its printing margin on one
    /// side; the strokes of newsprint, a patterned cloth or dense texture are busy on both sides,
    /// so on such a background the card's sides become the strongest lines instead of drowning in
    /// the text rows. A second pass, run only when the ordinary one finds nothing.
    var plainSided = false
    /// Texture boundaries vote too: where the density of strong edges steps (busy newsprint or
    /// cloth outside, the card's plain printing margin inside), the card's side shows as a line
    /// even when its outline has no tone step of its own.
    var textureVotes = false
    /// A card-shaped part of the card already found (its photo box, a block of print), in
    /// detection-image pixels: instead of Hough lines, each of its sides is moved outwards (and
    /// tilted −4…4°) to the few positions with the most evidence for a side, and the quads so
    /// formed are scored like any other (one side may show less: the part vouches for the card). The card's sides run parallel to its print, so the card around
    /// such a part is found even when its sides are too faint to be line peaks of the whole image.
    var seed: Quad? = nil
    /// How far out the seed's sides are moved at most, × the seed's long side (3: a photo box is
    /// a quarter of the card's length; a QR code, a fifth of it, needs more).
    var seedReach = 3.0

    /// Ridge pixels of the gradient of the strong-edge density (a 5 × 5 box mean of the strong-edge
    /// mask), with their gradient directions: the outlines of busy areas.
    static func textureBoundaryVotes(mag: [Float], strong: Float, width W: Int, height H: Int) -> [(i: Int, phi: Double)] {
        let n = W * H
        guard mag.count >= n, W >= 8, H >= 8 else { return [] }
        var mask = GrayImage(width: W, height: H)
        for i in 0..<n where mag[i] >= strong { mask.pixels[i] = 255 }
        let d = mask.boxBlurred(radius: 2)
        guard d.count >= n else { return [] }
        var gx = [Float](repeating: 0, count: n), gy = gx, m = gx
        for y in 1..<(H - 1) {
            for x in 1..<(W - 1) {
                let i = y * W + x
                let sx = ((d[i - W + 1] + 2 * d[i + 1] + d[i + W + 1]) - (d[i - W - 1] + 2 * d[i - 1] + d[i + W - 1])) / 8
                let sy = ((d[i + W - 1] + 2 * d[i + W] + d[i + W + 1]) - (d[i - W - 1] + 2 * d[i - W] + d[i - W + 1])) / 8
                gx[i] = sx; gy[i] = sy; m[i] = (sx * sx + sy * sy).squareRoot()
            }
        }
        var out: [(i: Int, phi: Double)] = []
        for y in 2..<(H - 2) {
            for x in 2..<(W - 2) {
                let i = y * W + x
                let v = m[i]
                guard v >= 12 else { continue }
                let ax = abs(gx[i]), ay = abs(gy[i])
                let step: Int
                if ay < 0.414 * ax { step = 1 } else if ax < 0.414 * ay { step = W } else { step = (gx[i] * gy[i] > 0) ? W + 1 : W - 1 }
                guard v >= m[i - step], v > m[i + step] else { continue }
                let phi = atan2(Double(gy[i]), Double(gx[i])) * 180 / .pi
                out.append((i, phi < 0 ? phi + 180 : phi))
            }
        }
        return out
    }

    /// A line `n · p = c` (unit normal n) in working-image pixels.
    struct Line { var n: Vec2; var c: Double; var votes: Int
        var angle: Double { atan2(n.y, n.x) }
    }

    // Longer than the ~80-line rule (issue 14): one pass of the straight-edge look — edge map,
    // voting, peak picking, quadrilateral assembly and scoring — sharing the working image, its
    // gradients and the vote arrays, with the steps as nested functions over that state. It is
    // the code the cédula accuracy work changes most; splitting it into a type per step is
    // planned once that work settles (the closing note).
    func find(_ image: GrayImage) -> CardDetection? {
        let long = max(image.width, image.height)
        guard long >= 64, image.pixels.count >= image.width * image.height else { return nil }
        let factor = max(1, long / 400)
        let work = factor > 1 ? image.boxDownscaled(by: factor) : image
        let W = work.width, H = work.height, n = W * H
        guard W >= 32, H >= 32, work.pixels.count >= n else { return nil }
        let smooth = work.boxBlurred(radius: 1)
        guard smooth.count >= n else { return nil }

        // Contrast of the scene (p1…p99), so the edge threshold means the same at any exposure.
        let hist = work.pixels.withUnsafeBufferPointer { Histogram($0) }
        let spread = Double(max(hist.percentile(0.99) - hist.percentile(0.01), 16))
        let edgeThreshold = Float(max(1.5, 0.012 * spread))

        // Sobel gradient (÷8: levels per pixel), magnitude and direction.
        var gx = [Float](repeating: 0, count: n), gy = gx, mag = gx
        for y in 1..<(H - 1) {
            for x in 1..<(W - 1) {
                let i = y * W + x
                let a = smooth[i - W - 1], b = smooth[i - W], c = smooth[i - W + 1]
                let d = smooth[i - 1], f = smooth[i + 1]
                let g = smooth[i + W - 1], h = smooth[i + W], k = smooth[i + W + 1]
                let sx = ((c + 2 * f + k) - (a + 2 * d + g)) / 8
                let sy = ((g + 2 * h + k) - (a + 2 * b + c)) / 8
                gx[i] = sx; gy[i] = sy; mag[i] = (sx * sx + sy * sy).squareRoot()
            }
        }
        // Non-maximum suppression along the gradient (4 directions): thin ridges.
        var edge = [Bool](repeating: false, count: n)
        var edgeList: [Int] = []
        edgeList.reserveCapacity(n / 6)
        for y in 2..<(H - 2) {
            for x in 2..<(W - 2) {
                let i = y * W + x
                let m = mag[i]
                guard m >= edgeThreshold else { continue }
                let ax = abs(gx[i]), ay = abs(gy[i])
                let step: Int
                if ay < 0.414 * ax { step = 1 } else if ax < 0.414 * ay { step = W } else { step = (gx[i] * gy[i] > 0) ? W + 1 : W - 1 }
                if m >= mag[i - step], m > mag[i + step] { edge[i] = true; edgeList.append(i) }
            }
        }
        let strong = max(4, 3 * edgeThreshold)
        if plainSided {
            edgeList = edgeList.filter { i in
                let m = max(Double(mag[i]), 1e-6)
                let nx = Double(gx[i]) / m, ny = Double(gy[i]) / m
                let x = Double(i % W), y = Double(i / W)
                func plain(_ sign: Double) -> Bool {
                    for depth in 3...6 {
                        let xi = Self.pixel(x + sign * nx * Double(depth)), yi = Self.pixel(y + sign * ny * Double(depth))
                        guard xi >= 0, yi >= 0, xi < W, yi < H else { return false }
                        if mag[yi * W + xi] >= strong { return false }
                    }
                    return true
                }
                return plain(1) || plain(-1)
            }
        }
        guard edgeList.count >= 40 else { return nil }
        // Votes: (pixel, gradient direction in degrees, 0…180).
        var votes: [(i: Int, phi: Double)] = edgeList.map { i in
            let phi = atan2(Double(gy[i]), Double(gx[i])) * 180 / .pi
            return (i, phi < 0 ? phi + 180 : phi)
        }
        if textureVotes { votes += Self.textureBoundaryVotes(mag: mag, strong: strong, width: W, height: H) }

        // Hough: θ in 1° bins over [0°, 180°), ρ = x cos θ + y sin θ − ρ0 in 1 px bins (origin at
        // the centre); each edge pixel votes for θ within ±2° of its gradient direction.
        let thetaBins = 180
        let rhoMax = Int((Double(W * W + H * H)).squareRoot() / 2) + 2
        let rhoBins = 2 * rhoMax + 1
        var acc = [Int32](repeating: 0, count: thetaBins * rhoBins)
        var cosT = [Double](repeating: 0, count: thetaBins), sinT = cosT
        for t in 0..<thetaBins { cosT[t] = cos(Double(t) * .pi / 180); sinT[t] = sin(Double(t) * .pi / 180) }
        let cx = Double(W) / 2, cy = Double(H) / 2
        for (i, phi) in votes {
            let x = Double(i % W) - cx, y = Double(i / W) - cy
            let t0 = Int(phi.rounded())
            for dt in -2...2 {
                let t = ((t0 + dt) % thetaBins + thetaBins) % thetaBins
                let r = Self.pixel(x * cosT[t] + y * sinT[t] + Double(rhoMax))   // ≥ 0: |ρ| ≤ half the diagonal
                if r >= 0, r < rhoBins { acc[t * rhoBins + r] &+= 1 }
            }
        }
        // Peaks: the strongest bins, greedily kept when clear of stronger ones (±4°, ±5 px).
        let minShort = (policy.minCardAreaFraction * Double(n) / 1.75).squareRoot()
        let minVotes = Int32(max(15, 0.5 * minShort))
        var bins: [(v: Int32, t: Int, r: Int)] = []
        for t in 0..<thetaBins {
            for r in 0..<rhoBins where acc[t * rhoBins + r] >= minVotes { bins.append((acc[t * rhoBins + r], t, r - rhoMax)) }
        }
        bins.sort { $0.v > $1.v }
        var peaks: [(t: Int, r: Int, v: Int32)] = []
        // At most `perDirection` peaks within ±6° of one another: the rows of a printed page, the
        // stripes of a cloth or the courses of a brick wall must not take every slot from the
        // card's fainter sides across them.
        let perDirection = 12
        for b in bins {
            if peaks.count >= 40 { break }
            let near = peaks.reduce(0) { n, p in
                let d = abs(p.t - b.t)
                return n + (min(d, thetaBins - d) <= 6 ? 1 : 0)
            }
            if near >= perDirection { continue }
            let clear = peaks.allSatisfy { p in
                let d = abs(p.t - b.t)
                if d <= 4 { return abs(p.r - b.r) > 5 }
                if thetaBins - d <= 4 { return abs(p.r + b.r) > 5 }   // θ wraps at 180° with ρ negated
                return true
            }
            if clear { peaks.append((b.t, b.r, b.v)) }
        }
        // Refine each peak: total-least-squares fit of the edge pixels within 2 px and ±6° of it.
        var lines: [Line] = []
        for p in peaks {
            let nx = cosT[p.t], ny = sinT[p.t]
            var pts: [Vec2] = []
            // Walk along the line, looking at the pixels across it.
            let dir = Vec2(x: -ny, y: nx)
            let base = Vec2(x: nx * Double(p.r) + cx, y: ny * Double(p.r) + cy)
            var s = -Double(rhoMax)
            while s <= Double(rhoMax) {
                let q = base + dir * s
                for off in -2...2 {
                    let xi = Self.pixel(q.x + nx * Double(off)), yi = Self.pixel(q.y + ny * Double(off))
                    guard xi >= 0, yi >= 0, xi < W, yi < H else { continue }
                    let i = yi * W + xi
                    guard edge[i] else { continue }
                    let cosAngle = abs(Double(gx[i]) * nx + Double(gy[i]) * ny) / max(Double(mag[i]), 1e-6)
                    if cosAngle >= 0.9945 { pts.append(Vec2(x: Double(xi), y: Double(yi))) }   // within 6°
                }
                s += 1
            }
            if let fit = Geometry.fitLine(pts) {
                let normal = Vec2(x: -fit.d.y, y: fit.d.x)
                lines.append(Line(n: normal, c: normal.dot(fit.c), votes: Int(p.v)))
            } else {
                lines.append(Line(n: Vec2(x: nx, y: ny), c: Double(p.r) + nx * cx + ny * cy, votes: Int(p.v)))
            }
        }
        if let trace { for l in lines { trace(String(format: "line angle %.1f° c %.1f votes %d", l.angle * 180 / .pi, l.c, l.votes)) } }
        guard lines.count >= 4 || seed != nil else { return nil }

        // Pairs of roughly parallel lines (≤ 12° apart) far enough apart for a card side.
        struct Pair { var a: Int; var b: Int; var dir: Double }
        var pairs: [Pair] = []
        for a in 0..<lines.count {
            for b in (a + 1)..<lines.count {
                let cosAB = lines[a].n.dot(lines[b].n)
                guard abs(cosAB) >= cos(12 * Double.pi / 180) else { continue }
                // Distance between them at the image centre.
                let sign = cosAB < 0 ? -1.0 : 1.0
                let da = lines[a].c - lines[a].n.dot(Vec2(x: cx, y: cy))
                let db = (lines[b].c - lines[b].n.dot(Vec2(x: cx, y: cy))) * sign
                guard abs(da - db) >= minShort * 0.9 else { continue }
                var m = lines[a].angle
                if m < 0 { m += .pi }
                pairs.append(Pair(a: a, b: b, dir: m.truncatingRemainder(dividingBy: .pi)))
            }
        }
        guard pairs.count >= 2 || seed != nil else { return nil }
        let minAspect = max(policy.minCardAspect, 1.45), maxAspect = min(policy.maxCardAspect, 1.75)

        func isEdge(_ q: Vec2, normal: Vec2) -> Bool {
            for off in -2...2 {
                let xi = Self.pixel(q.x + normal.x * Double(off)), yi = Self.pixel(q.y + normal.y * Double(off))
                guard xi >= 0, yi >= 0, xi < W, yi < H else { continue }
                let i = yi * W + xi
                guard edge[i] else { continue }
                if abs(Double(gx[i]) * normal.x + Double(gy[i]) * normal.y) >= 0.96 * Double(mag[i]) { return true }  // within 16°
            }
            return false
        }
        /// Edge points among the samples between t0 and t1 (fractions of a→b), 1 px apart.
        func support(_ a: Vec2, _ b: Vec2, _ t0: Double, _ t1: Double, stride: Double = 1) -> (hits: Int, total: Int) {
            let d = b - a, len = d.length
            guard len > 1 else { return (0, 0) }
            let u = d * (1 / len), normal = Vec2(x: -u.y, y: u.x)
            var hits = 0, total = 0
            var t = t0 * len
            while t <= t1 * len {
                let q = a + u * t
                if q.x >= 0, q.y >= 0, q.x < Double(W), q.y < Double(H) {
                    total += 1
                    if isEdge(q, normal: normal) { hits += 1 }
                }
                t += stride
            }
            return (hits, total)
        }
        func fraction(_ s: (hits: Int, total: Int)) -> Double { s.total > 0 ? Double(s.hits) / Double(s.total) : 0 }
        /// The tone step across a→b (middle 84 %): its median (levels, signed) and the fraction of
        /// points stepping the same way. A faint outline (a light card on white paper) steps one
        /// way all along; text and texture step both ways.
        func step(_ a: Vec2, _ b: Vec2, stride: Double = 1) -> (mean: Double, agree: Double) {
            let d = b - a, len = d.length
            guard len > 1 else { return (0, 0) }
            let u = d * (1 / len), normal = Vec2(x: -u.y, y: u.x)
            var steps: [Double] = []
            steps.reserveCapacity(Int(len / stride) + 1)
            var t = 0.08 * len
            while t <= 0.92 * len {
                let q = a + u * t
                let p1 = q + normal * 2, p0 = q - normal * 2
                let x1 = Self.pixel(p1.x), y1 = Self.pixel(p1.y), x0 = Self.pixel(p0.x), y0 = Self.pixel(p0.y)
                if x0 >= 0, y0 >= 0, x1 >= 0, y1 >= 0, x0 < W, x1 < W, y0 < H, y1 < H {
                    steps.append(Double(smooth[y1 * W + x1] - smooth[y0 * W + x0]))
                }
                t += stride
            }
            guard steps.count >= 8 else { return (0, 0) }
            // The median: robust to the text and texture the side crosses.
            steps.sort()
            let mean = steps[steps.count / 2]
            let agree = Double(steps.filter { ($0 > 0.5 && mean > 0) || ($0 < -0.5 && mean < 0) }.count) / Double(steps.count)
            return (mean, agree)
        }

        /// Texture on either side of a→b (middle 84 %): the fraction of points whose strip 2–6 px
        /// inside, and 2–6 px outside, crosses a strong edge. A light card on printed paper shows
        /// no outline, only the text stopping at it: plain inside, busy outside.
        func texture(_ a: Vec2, _ b: Vec2, inward: Vec2, stride: Double = 1) -> (inside: Double, outside: Double) {
            let d = b - a, len = d.length
            guard len > 1 else { return (1, 0) }
            let u = d * (1 / len)
            var inside = 0, outside = 0, total = 0
            var t = 0.08 * len
            while t <= 0.92 * len {
                let q = a + u * t
                var hitIn = false, hitOut = false
                for depth in 2...6 {
                    let r1 = q + inward * Double(depth), r0 = q - inward * Double(depth)
                    let x1 = Self.pixel(r1.x), y1 = Self.pixel(r1.y), x0 = Self.pixel(r0.x), y0 = Self.pixel(r0.y)
                    if x1 >= 0, y1 >= 0, x1 < W, y1 < H, mag[y1 * W + x1] >= strong { hitIn = true }
                    if x0 >= 0, y0 >= 0, x0 < W, y0 < H, mag[y0 * W + x0] >= strong { hitOut = true }
                }
                total += 1
                if hitIn { inside += 1 }
                if hitOut { outside += 1 }
                t += stride
            }
            guard total > 0 else { return (1, 0) }
            return (Double(inside) / Double(total), Double(outside) / Double(total))
        }

        /// Fraction of points along a→b (middle 80 %) whose strip inside the card (2.5–5 % of the
        /// short side in from it) crosses a strong edge: a card's printing margin is plain, a block
        /// of text on a sheet of paper is textured right up to its outline.
        func innerBusy(_ a: Vec2, _ b: Vec2, inward: Vec2, short: Double) -> Double {
            let d = b - a, len = d.length
            guard len > 1 else { return 1 }
            let u = d * (1 / len)
            let d0 = max(3, 0.025 * short), d1 = max(5, 0.05 * short)
            var busy = 0, total = 0
            var t = 0.1 * len
            while t <= 0.9 * len {
                let q = a + u * t
                var hit = false
                var depth = d0
                while depth <= d1 && !hit {
                    let r = q + inward * depth
                    let xi = Self.pixel(r.x), yi = Self.pixel(r.y)
                    if xi >= 0, yi >= 0, xi < W, yi < H, mag[yi * W + xi] >= strong { hit = true }
                    depth += 1
                }
                total += 1
                if hit { busy += 1 }
                t += 1
            }
            return total > 0 ? Double(busy) / Double(total) : 1
        }

        /// Corners of four lines taken in order around the quad (corner k = side k ∩ side k+1),
        /// when they make a plausible card: inside the image, convex, ID-1's aspect, large enough,
        /// opposite sides of similar length.
        func corners(_ sides: [Line]) -> [Vec2]? {
            var c: [Vec2] = []
            for k in 0..<4 {
                guard let p = Self.intersect(sides[k], sides[(k + 1) % 4]) else { return nil }
                // Inside the image (2 px of slack: the sharp corner of a rounded card).
                guard p.x >= -2, p.y >= -2, p.x <= Double(W) + 2, p.y <= Double(H) + 2 else { return nil }
                c.append(p)
            }
            let quad = Quad(p: c)
            guard Self.isConvex(quad) else { return nil }
            let l = (0..<4).map { (c[($0 + 1) % 4] - c[$0]).length }
            let long = (l[0] + l[2]) / 2, short = (l[1] + l[3]) / 2
            let aspect = max(long, short) / max(min(long, short), 1e-9)
            guard aspect >= minAspect, aspect <= maxAspect,
                  quad.area >= policy.minCardAreaFraction * Double(n), quad.area <= 0.95 * Double(n),
                  // Perspective ≤ ~10 % plus slack.
                  min(l[0], l[2]) >= 0.8 * max(l[0], l[2]), min(l[1], l[3]) >= 0.8 * max(l[1], l[3]) else { return nil }
            return c
        }

        // Candidates: corners in side order (segment k runs c[k] → c[k+1], on sides[k+1]) and
        // which side, if any, was inferred rather than seen.
        struct Candidate { var c: [Vec2]; var inferred: Int? }
        var candidates: [Candidate] = []
        if let seed {
            candidates = seededCandidates(seed.scaled(x: 1 / Double(factor), y: 1 / Double(factor)), width: W, height: H,
                                          support: { fraction(support($0, $1, 0.08, 0.92, stride: 2)) },
                                          step: { min(1, abs(step($0, $1, stride: 2).mean) / 8) },
                                          texture: { let t = texture($0, $1, inward: $2, stride: 2); return t.outside - t.inside },
                                          corners: corners).map { Candidate(c: $0.c, inferred: $0.inferred) }
            trace?("seeded candidates \(candidates.count)")
            if let trace { for c in candidates { trace("gen " + Self.describe(c.c)) } }
        }
        // Four seen sides: two pairs at roughly right angles.
        for i in 0..<pairs.count where seed == nil {
            for j in (i + 1)..<pairs.count {
                let p = pairs[i], q = pairs[j]
                guard p.a != q.a, p.a != q.b, p.b != q.a, p.b != q.b else { continue }
                var d = abs(p.dir - q.dir).truncatingRemainder(dividingBy: .pi)
                if d > .pi / 2 { d = .pi - d }
                guard abs(d - .pi / 2) <= 15 * Double.pi / 180 else { continue }
                if let c = corners([lines[p.a], lines[q.a], lines[p.b], lines[q.b]]) { candidates.append(Candidate(c: c, inferred: nil)) }
            }
        }
        // Three seen sides (a light card lying partly on light paper shows no edge there): a pair
        // and a line across it; the fourth side parallel to that line at ID-1's proportion
        // (either way round), then moved to the position, within ±10 %, with the most edge support.
        let id1 = 85.60 / 53.98
        // Hypotheses first (cheap: the seen sides' edge support at the nominal far side), then the
        // far side is searched for only the best-supported few.
        struct Hypothesis { var cross: Line; var la: Line; var lb: Line; var c1: Vec2; var c2: Vec2; var sign: Double; var nominal: Double; var prescore: Double }
        var hypotheses: [Hypothesis] = []
        for pair in pairs where seed == nil {
            let la = lines[pair.a], lb = lines[pair.b]
            for (k, cross) in lines.enumerated() where k != pair.a && k != pair.b {
                guard abs(cross.n.dot(la.n)) <= sin(15 * Double.pi / 180) else { continue }
                guard let c1 = Self.intersect(cross, la), let c2 = Self.intersect(cross, lb) else { continue }
                let seen = (c2 - c1).length
                // The line across must be seen along the pair's span.
                guard seen >= minShort * 0.9 else { continue }
                let fc = fraction(support(c1, c2, 0.08, 0.92, stride: 2))
                guard fc >= 0.5 else { continue }
                for ratio in [id1, 1 / id1] {
                    for sign in [-1.0, 1.0] {
                        let nominal = seen * ratio
                        let far = Line(n: cross.n, c: cross.c + sign * nominal, votes: 0)
                        guard nominal >= minShort * 0.9, corners([cross, la, far, lb]) != nil,
                              let d1 = Self.intersect(far, la), let d2 = Self.intersect(far, lb) else { continue }
                        // At least one of the pair seen as edges along most of the span.
                        let fa = fraction(support(c1, d1, 0.08, 0.8, stride: 2)), fb = fraction(support(c2, d2, 0.08, 0.8, stride: 2))
                        guard max(fa, fb) >= 0.5 else { continue }
                        hypotheses.append(Hypothesis(cross: cross, la: la, lb: lb, c1: c1, c2: c2, sign: sign, nominal: nominal,
                                                     prescore: (fa + fb + fc) * (seen + nominal)))
                    }
                }
            }
        }
        hypotheses.sort { $0.prescore > $1.prescore }
        for h in hypotheses.prefix(30) {
            let (cross, la, lb, sign, nominal) = (h.cross, h.la, h.lb, h.sign, h.nominal)
            // Evidence for the far side: a tone step, or text stopping at it; searched over ±12 %
            // (3 px steps, every fourth point), then ±1 px and tilts of ±3° about the middle of
            // the span (perspective).
            let inward = cross.n * -sign
            let mid = (h.c1 + h.c2) * 0.5
            var bestFar: (off: Double, tilt: Double, line: Line, step: Double)?
            func tryOffset(_ off: Double, tilt: Double, stride: Double) {
                let r = tilt * Double.pi / 180
                let nt = Vec2(x: cross.n.x * cos(r) - cross.n.y * sin(r), y: cross.n.x * sin(r) + cross.n.y * cos(r))
                let centre = mid + cross.n * (sign * off)
                let far = Line(n: nt, c: nt.dot(centre), votes: 0)
                if let a = Self.intersect(far, la), let b = Self.intersect(far, lb) {
                    let tex = texture(a, b, inward: inward, stride: stride)
                    let e = max(abs(step(a, b, stride: stride).mean) / 20, tex.outside - tex.inside)
                    if e > (bestFar?.step ?? 0) { bestFar = (off, tilt, far, e) }
                }
            }
            var off = 0.88 * nominal
            while off <= 1.12 * nominal { tryOffset(off, tilt: 0, stride: 4); off += 3 }
            guard let coarse = bestFar else { continue }
            for d in [-1.0, 0, 1] { for dt in [-3.0, -1.5, 0, 1.5, 3] { tryOffset(coarse.off + d, tilt: dt, stride: 2) } }
            guard let far = bestFar?.line else { continue }
            if let c = corners([cross, la, far, lb]) { candidates.append(Candidate(c: c, inferred: 2)) }
        }
        guard !candidates.isEmpty else { return nil }
        // Larger outlines first; a bounded number is scored.
        candidates.sort { Quad(p: $0.c).area > Quad(p: $1.c).area }

        var best: (quad: Quad, score: Double)?
        for cand in candidates.prefix(300) {
            let p = cand.c
            // Each side is seen as edges (≥ 50 % of it), or as a faint, consistent step in tone (a
            // light card on white paper); at least two sides as edges.
            var score = 0.0, sum = 0.0, runsOn = 0, allSides = true, relaxed = false
            let centroid = p.reduce(Vec2(x: 0, y: 0), +) * 0.25
            var detail = ""
            // Edge support first (cheap; most candidates end here).
            var sides: [(hits: Int, total: Int)] = []
            for k in 0..<4 {
                // Rounded corners: the side's middle 84 %.
                let s = support(p[k], p[(k + 1) % 4], 0.08, 0.92)
                guard s.total > 8 else { break }
                sides.append(s)
            }
            guard sides.count == 4 else { continue }
            let edgeSides = sides.filter { fraction($0) >= 0.5 }.count
            let bound = sides.reduce(0.0) { $0 + (fraction($1) >= 0.5 ? fraction($1) : 1) }
            guard edgeSides >= 2, bound / 4 >= 0.7 else {
                if let trace, seed != nil { trace("seeded cand " + Self.describe(p) + " edge fractions " + sides.map { String(format: "%.2f", fraction($0)) }.joined(separator: "/")) }
                continue
            }
            for k in 0..<4 {
                let a = p[k], b = p[(k + 1) % 4]
                let s = sides[k]
                let f = fraction(s)
                var seen = f
                if f >= 0.5 {
                    // The line beyond each corner (a fifth of the side's length): a card's side stops.
                    let before = support(a, b, -0.2, -0.04), after = support(a, b, 1.04, 1.2)
                    for e in [before, after] where e.total >= 6 && fraction(e) > 0.5 { runsOn += 1 }
                } else {
                    let st = step(a, b)
                    let mid = (a + b) * 0.5, toC = centroid - mid
                    let tex = texture(a, b, inward: toC * (1 / max(toC.length, 1e-9)))
                    if abs(st.mean) >= 2.5 && st.agree >= 0.7 {
                        seen = st.agree
                    } else if tex.outside >= 0.6, tex.outside - tex.inside >= 0.5 {
                        seen = tex.outside - tex.inside
                    } else if seed != nil, !relaxed,
                              f >= 0.35 || (abs(st.mean) >= 1.5 && st.agree >= 0.6) || tex.outside - tex.inside >= 0.3 {
                        // Around a seed (a card-shaped part of the card, print inside it) one
                        // side may show less: a faint edge, a slight step, text thinning out.
                        seen = 0.5; relaxed = true
                    } else {
                        seen = 0; allSides = false
                    }
                    if trace != nil { detail += String(format: "[%.1f,%.2f,e%.2f,t%.2f-%.2f]", st.mean, st.agree, f, tex.inside, tex.outside) }
                }
                if trace != nil { detail += String(format: "%.2f/", seen) }
                sum += seen
                score += seen * Double(s.total)
                if runsOn > 1 || !allSides { break }
            }
            guard allSides, edgeSides >= 2, sum / 4 >= (seed == nil ? 0.7 : 0.6), runsOn <= 1 else {
                if let trace, sum > 1.5 || seed != nil { trace("cand " + Self.describe(p) + " sides " + detail + " runsOn \(runsOn) edgeSides \(edgeSides)") }
                continue
            }
            let ordered = Quad.ordered(p)
            let content = hasContent(work, ordered, spread: spread)
            let centre = p.reduce(Vec2(x: 0, y: 0), +) * 0.25
            var margins: [Double] = []
            for k in 0..<4 {
                let a = p[k], b = p[(k + 1) % 4], mid = (a + b) * 0.5
                let toC = centre - mid, l = toC.length
                margins.append(innerBusy(a, b, inward: toC * (1 / max(l, 1e-9)), short: ordered.shortSide))
            }
            let marginBusy = margins.max() ?? 1
            if let trace {
                trace("cand " + Self.describe(p) + " sides " + detail + " runsOn \(runsOn) edgeSides \(edgeSides)"
                      + " content \(content) margins " + margins.map { String(format: "%.2f", $0) }.joined(separator: "/") + String(format: " score %.0f", score))
            }
            guard content, marginBusy <= 0.5 else { continue }
            if let b = best, b.score >= score { continue }
            best = (Quad.ordered(p), score)
        }
        guard let found = best else { return nil }
        // Back to detection-image pixels, pulled in by a pixel (the edge is the outline's middle).
        let s = Double(factor)
        let centre = found.quad.p.reduce(Vec2(x: 0, y: 0), +) * 0.25
        let corners = found.quad.p.map { p -> Vec2 in
            let d = centre - p, len = d.length
            let q = len > 0 ? p + d * (1.41 / len) : p
            return Vec2(x: min(max(q.x * s, 0), Double(image.width)), y: min(max(q.y * s, 0), Double(image.height)))
        }
        let quad = Quad.ordered(corners)
        return .found(quad, areaFraction: quad.area / Double(image.width * image.height))
    }

    /// Quads around `seed` (working-image pixels): each side moved outwards by 0 up to `seedReach` ×
    /// the seed's long side and tilted by −4° to 4°
    /// (perspective: the card's sides and its print's are not quite parallel), scored by its
    /// evidence as a side (edges along it, a tone step across it, text stopping at it); per side
    /// the two outermost strong positions and the best others, 8 in all, refined, are combined,
    /// those with a plausible card's shape (`corners`) and clearly larger than the seed kept, and
    /// the 40 best-supported snapped to the outline.
    func seededCandidates(_ seed: Quad, width: Int, height: Int, support: (Vec2, Vec2) -> Double, step: (Vec2, Vec2) -> Double,
                          texture: (Vec2, Vec2, Vec2) -> Double, corners: ([Line]) -> [Vec2]?) -> [(c: [Vec2], inferred: Int?)] {
        guard seed.p.count == 4 else { return [] }
        let centre = seed.p.reduce(Vec2(x: 0, y: 0), +) * 0.25
        let reach = seedReach * seed.longSide
        var perSide: [[Line]] = []
        for k in 0..<4 {
            let a = seed.p[k], b = seed.p[(k + 1) % 4]
            let d = b - a, len = d.length
            guard len > 4 else { return [] }
            var out = Vec2(x: -d.y / len, y: d.x / len)
            if out.dot((a + b) * 0.5 - centre) < 0 { out = out * -1 }
            let mid = (a + b) * 0.5
            /// Evidence for a side at `off` px out, tilted by `tilt`° (the side's segment moved
            /// out, lengthened with the distance: the card's side is longer than the seed's).
            func evidence(_ off: Double, _ tilt: Double) -> Double {
                let r = tilt * Double.pi / 180
                let n = Vec2(x: out.x * cos(r) - out.y * sin(r), y: out.x * sin(r) + out.y * cos(r))
                let u = Vec2(x: -n.y, y: n.x)
                let m = mid + out * off, half = len / 2 + off * 0.6
                let p0 = m - u * half, p1 = m + u * half
                return support(p0, p1) + step(p0, p1) + max(0, texture(p0, p1, n * -1))
            }
            var scored: [(off: Double, tilt: Double, e: Double)] = []
            for tilt in [-4.0, -2, 0, 2, 4] {
                var off = 0.0
                while off <= reach {
                    scored.append((off, tilt, evidence(off, tilt)))
                    off += 1
                }
            }
            // The best positions at least 4 px apart, each refined (±1 px, ±1° in half degrees).
            // The card's outline is the outermost of the strong lines (its print lies inside): the
            // two outermost positions with strong evidence (≥ 0.8) join the candidates.
            let outermost = scored.filter { $0.e >= 0.8 }.sorted { $0.off > $1.off }
            var ordered = Array(outermost.prefix(1))
            if let far = outermost.first, let next = outermost.first(where: { abs($0.off - far.off) >= 4 }) { ordered.append(next) }
            ordered += scored.sorted(by: { $0.e > $1.e })
            var best: [(off: Double, tilt: Double, e: Double)] = []
            for s in ordered where s.e >= 0.3 {
                if best.count >= 8 { break }
                if best.contains(where: { abs($0.off - s.off) < 4 }) { continue }
                var refined = s
                for dOff in [-1.0, 0, 1] {
                    for dTilt in [-1.0, -0.5, 0, 0.5, 1] where dOff != 0 || dTilt != 0 {
                        let e = evidence(max(0, s.off + dOff), s.tilt + dTilt)
                        if e > refined.e { refined = (max(0, s.off + dOff), s.tilt + dTilt, e) }
                    }
                }
                best.append(refined)
            }
            if let trace { trace("seed side \(k): " + best.map { String(format: "%.0f@%.0f°=%.2f", $0.off, $0.tilt, $0.e) }.joined(separator: " ")) }
            perSide.append(best.map { s in
                let r = s.tilt * Double.pi / 180
                let n = Vec2(x: out.x * cos(r) - out.y * sin(r), y: out.x * sin(r) + out.y * cos(r))
                return Line(n: n, c: n.dot(mid + out * s.off), votes: Int(s.e * 1000))
            })
        }
        guard perSide.allSatisfy({ !$0.isEmpty }) else { return [] }
        // Grown up to the frame, a "card" may be a card cut by it (`cropped`): corners 4 px clear.
        func clearOfFrame(_ c: [Vec2]) -> Bool { c.allSatisfy { $0.x >= 4 && $0.y >= 4 && $0.x <= Double(width) - 4 && $0.y <= Double(height) - 4 } }
        var combos: [(lines: [Line], prescore: Int)] = []
        for l0 in perSide[0] { for l1 in perSide[1] { for l2 in perSide[2] { for l3 in perSide[3] {
            // corners(): corner k = side k ∩ side k+1, so the lines go round the quad in order.
            let lines = [l3, l0, l1, l2]
            guard let c = corners(lines), Quad.ordered(c).longSide >= 1.3 * seed.longSide, clearOfFrame(c) else { continue }
            combos.append((lines, l0.votes + l1.votes + l2.votes + l3.votes))
        } } } }
        combos.sort { $0.prescore > $1.prescore }
        // The best-supported 40 snapped to the outline: each side's two ends moved across it by
        // up to ±10 px independently (perspective tilts a card's side against its print's), to
        // the most edge support along it.
        var out: [(c: [Vec2], inferred: Int?)] = []
        for combo in combos.prefix(40) {
            guard let c = corners(combo.lines) else { continue }
            var snapped: [Line] = []
            for k in 0..<4 {
                let a = c[(k + 3) % 4], b = c[k]   // side k runs from corner k−1 to corner k
                let n = combo.lines[k].n
                var bestLine = combo.lines[k], bestE = -1.0
                var da = -10.0
                while da <= 10 {
                    var db = -10.0
                    while db <= 10 {
                        let a1 = a + n * da, b1 = b + n * db
                        let e = support(a1, b1)
                        if e > bestE {
                            let d = b1 - a1, len = max(d.length, 1e-9)
                            let normal = Vec2(x: -d.y / len, y: d.x / len)
                            bestE = e; bestLine = Line(n: normal, c: normal.dot(a1), votes: 0)
                        }
                        db += 2
                    }
                    da += 2
                }
                snapped.append(bestLine)
            }
            if let s = corners(snapped), Quad.ordered(s).longSide >= 1.3 * seed.longSide, clearOfFrame(s) { out.append((s, nil)) }
            out.append((c, nil))
        }
        return out
    }

    /// Printed content inside: at least 40 % of an 8 × 5 grid of cells (in the card's own
    /// coordinates) show a luminance spread of a fifth of the scene's contrast.
    func hasContent(_ img: GrayImage, _ quad: Quad, spread: Double) -> Bool {
        let W = img.width, H = img.height
        let p = quad.p
        func at(_ u: Double, _ v: Double) -> Vec2 {
            let top = p[0] + (p[1] - p[0]) * u, bottom = p[3] + (p[2] - p[3]) * u
            return top + (bottom - top) * v
        }
        let need = max(12.0, 0.2 * spread)
        var busy = 0
        for cy in 0..<5 {
            for cxi in 0..<8 {
                var lo = 255, hi = 0
                var values: [Int] = []
                for sy in 0..<6 {
                    for sx in 0..<6 {
                        // Inset 6 % from the outline so the outline itself does not count.
                        let u = 0.06 + 0.88 * (Double(cxi) + (Double(sx) + 0.5) / 6) / 8
                        let v = 0.06 + 0.88 * (Double(cy) + (Double(sy) + 0.5) / 6) / 5
                        let q = at(u, v)
                        let xi = Int(q.x), yi = Int(q.y)
                        guard xi >= 0, yi >= 0, xi < W, yi < H else { continue }
                        values.append(Int(img.pixels[yi * W + xi]))
                    }
                }
                guard values.count >= 8 else { continue }
                values.sort()
                lo = values[1]; hi = values[values.count - 2]
                if Double(hi - lo) >= need { busy += 1 }
            }
        }
        return busy >= 16
    }

    /// Nearest pixel coordinate (−1 for anything left of −0.5: outside every image).
    @inline(__always) static func pixel(_ v: Double) -> Int { v >= -0.5 && v < 1e9 ? Int(v + 0.5) : -1 }

    static func describe(_ p: [Vec2]) -> String { p.map { "(\(Int($0.x)),\(Int($0.y)))" }.joined() }

    static func intersect(_ a: Line, _ b: Line) -> Vec2? {
        let det = a.n.x * b.n.y - a.n.y * b.n.x
        guard abs(det) > 1e-6 else { return nil }
        return Vec2(x: (a.c * b.n.y - a.n.y * b.c) / det, y: (a.n.x * b.c - a.c * b.n.x) / det)
    }

    static func isConvex(_ q: Quad) -> Bool {
        var sign = 0.0
        for k in 0..<4 {
            let a = q.p[k], b = q.p[(k + 1) % 4], c = q.p[(k + 2) % 4]
            let z = (b - a).cross(c - b)
            if abs(z) < 1e-9 { return false }
            if sign == 0 { sign = z } else if (z > 0) != (sign > 0) { return false }
        }
        return true
    }
}
