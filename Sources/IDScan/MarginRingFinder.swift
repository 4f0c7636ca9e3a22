/// The card located by its plain printing margin: a light card on a busy light background
/// (marble veins, a floral print, newsprint) whose outline neither a flood nor a line search
/// separates, but whose margin — a band free of print all round the card, between its outline and
/// its content — shows as one plain region shaped like a frame.
///
/// On a ≈ 400 px copy of the detection image: every pixel within a pixel of an edge (gradient above
/// 1.8 % of the scene's contrast, so the faint outline of a light card counts) is a barrier; the
/// remaining plain pixels are split into 4-connected regions. A region not touching the frame (or
/// two of the largest together: a card split by the edge of a cast shadow), joined by the sizeable
/// regions whose centres lie inside its quad enlarged by 25 % (a margin cut by a header band or a
/// guilloche), whose fitted quadrilateral (hull → minimum-area rectangle → a line per side) has
/// ID-1's shape and at least the policy's smallest card area, is the card when the regions run
/// along the inside of all four sides (a pixel of them within 6 % of the short side inside at
/// ≥ 60 % of each side's middle and ≥ 80 % on average: a photo or a code may come close to one
/// side), its seed fills at most 75 % of the quad (a plain tabletop patch is full; a margin is a frame
/// around print) and the quad holds printed content. The largest such quad wins.
struct MarginRingFinder: Sendable {
    var policy: IDScanPolicy
    /// Receives the working image's size, region labels and barrier: a tuning aid for tests.
    var dump: (@Sendable (Int, Int, [Int32], [Bool]) -> Void)? = nil

    // Longer than the ~80-line rule (issue 14) by a few lines: one pass — barrier, labelling,
    // shape tests — sharing the working image and the label array.
    func find(_ image: GrayImage) -> CardDetection? {
        let long = max(image.width, image.height)
        guard long >= 64 else { return nil }
        let factor = max(1, long / 400)
        let work = factor > 1 ? image.boxDownscaled(by: factor) : image
        let W = work.width, H = work.height, n = W * H
        guard W >= 32, H >= 32, work.pixels.count >= n, n < Int(Int32.max), let w32 = UInt32(exactly: W) else { return nil }
        let smooth = work.boxBlurred(radius: 1)
        guard smooth.count >= n else { return nil }
        let hist = work.pixels.withUnsafeBufferPointer { Histogram($0) }
        let spread = Double(max(hist.percentile(0.99) - hist.percentile(0.01), 16))
        let threshold = Float(max(2, 0.018 * spread))

        // Barrier: edge pixels dilated by one pixel (3 × 3).
        var barrier = [Bool](repeating: false, count: n)
        for y in 1..<(H - 1) {
            for x in 1..<(W - 1) {
                let i = y * W + x
                let sx = ((smooth[i - W + 1] + 2 * smooth[i + 1] + smooth[i + W + 1]) - (smooth[i - W - 1] + 2 * smooth[i - 1] + smooth[i + W - 1])) / 8
                let sy = ((smooth[i + W - 1] + 2 * smooth[i + W] + smooth[i + W + 1]) - (smooth[i - W - 1] + 2 * smooth[i - W] + smooth[i - W + 1])) / 8
                guard sx * sx + sy * sy >= threshold * threshold else { continue }
                for dy in -1...1 { for dx in -1...1 { barrier[i + dy * W + dx] = true } }
            }
        }

        // Plain regions (breadth-first, pixel indices written contiguously per region).
        var label = [Int32](repeating: -1, count: n)
        var order = [Int32](repeating: 0, count: n)
        struct Region { var id: Int32; var start: Int; var count: Int; var centre: Vec2 }
        var regions: [Region] = []
        let minShort = (policy.minCardAreaFraction * Double(n) / 1.75).squareRoot()
        let minCount = max(64, Int(2 * minShort))
        var end = 0
        var next: Int32 = 0
        for s in 0..<n where !barrier[s] && label[s] < 0 {
            let id = next
            next &+= 1
            label[s] = id
            let start = end
            order[end] = Int32(s); end += 1
            var k = start
            var touches = false
            var sx = 0, sy = 0
            while k < end {
                let i = Int(order[k]); k += 1
                let q = UInt32(truncatingIfNeeded: i).quotientAndRemainder(dividingBy: w32)
                let x = Int(q.remainder), y = Int(q.quotient)
                sx += x; sy += y
                if x == 0 || y == 0 || x == W - 1 || y == H - 1 { touches = true }
                for j in [x > 0 ? i - 1 : -1, x < W - 1 ? i + 1 : -1, y > 0 ? i - W : -1, y < H - 1 ? i + W : -1]
                where j >= 0 && !barrier[j] && label[j] < 0 {
                    label[j] = id; order[end] = Int32(j); end += 1
                }
            }
            let count = end - start
            if !touches && count >= 8 {
                regions.append(Region(id: id, start: start, count: count,
                                      centre: Vec2(x: Double(sx) / Double(count), y: Double(sy) / Double(count))))
            } else {
                end = start   // the frame's regions and specks: labelled, their slots reused
            }
        }

        dump?(W, H, label, barrier)
        let detector = CardDetector(policy: policy)
        let content = EdgeQuadFinder(policy: policy)
        let minAspect = max(policy.minCardAspect, 1.45), maxAspect = min(policy.maxCardAspect, 1.75)
        var best: Quad?
        var member = [Bool](repeating: false, count: Int(next))
        // Seeds: the largest regions, and pairs of the six largest (a card split in two by the
        // edge of a cast shadow across it, a barrier line from side to side). A margin is often
        // cut in pieces (a header band, the lines of a guilloche): the regions whose centres lie
        // inside the seed's quad, grown by 25 %, join it, and the quad is fitted again to them all.
        let big = regions.filter { $0.count >= minCount }.sorted { $0.count > $1.count }
        var seeds: [[Region]] = big.prefix(12).map { [$0] }
        let top = Array(big.prefix(6))
        for i in top.indices { for j in top.indices where j > i { seeds.append([top[i], top[j]]) } }
        func pixels(_ rs: [Region]) -> [Int32] {
            var out: [Int32] = []
            out.reserveCapacity(rs.reduce(0) { $0 + $1.count })
            for r in rs { out.append(contentsOf: order[r.start..<(r.start + r.count)]) }
            return out
        }
        for seed in seeds {
            guard var quad = detector.fitQuad(pixels(seed)[...], width: W, height: H) else { continue }
            let seedIDs = Set(seed.map(\.id))
            let seedCount = seed.reduce(0) { $0 + $1.count }
            var members = seed
            for round in 0..<3 {
                if round > 0 {
                    // Grow: the sizeable regions (not the cells of a pattern) whose centres lie
                    // inside the quad enlarged by 25 %.
                    let c = quad.p.reduce(Vec2(x: 0, y: 0), +) * 0.25
                    let grown = Quad(p: quad.p.map { c + ($0 - c) * 1.25 })
                    let minJoin = max(64, seedCount / 50)
                    let joined = regions.filter { seedIDs.contains($0.id) || ($0.count >= minJoin && CardLocator.contains(grown, $0.centre)) }
                    guard joined.count > members.count else { break }
                    members = joined
                    guard let refit = detector.fitQuad(pixels(members)[...], width: W, height: H) else { break }
                    quad = refit
                }
                let area = quad.area
                for m in members { member[Int(m.id)] = true }
                let ok = quad.aspect >= minAspect && quad.aspect <= maxAspect && area >= policy.minCardAreaFraction * Double(n)
                    && Double(seedCount) <= 0.75 * area && area > (best?.area ?? 0)
                    && Self.runsAlongEverySide(quad, label: label, member: member, width: W, height: H)
                    && content.hasContent(work, quad, spread: spread)
                for m in members { member[Int(m.id)] = false }
                if ok { best = quad; break }
            }
        }
        guard let found = best else { return nil }
        // Back to detection-image pixels, pushed out by the barrier's width: the plain region
        // stops a pixel or two inside the outline (the edge itself and the barrier's dilation).
        let s = Double(factor)
        let centre = found.p.reduce(Vec2(x: 0, y: 0), +) * 0.25
        let quad = Quad.ordered(found.p.map { p -> Vec2 in
            let d = p - centre, len = d.length
            let q = len > 0 ? p + d * (2.1 / len) : p
            return Vec2(x: min(max(q.x * s, 0), Double(image.width)), y: min(max(q.y * s, 0), Double(image.height)))
        })
        return .found(quad, areaFraction: quad.area / Double(image.width * image.height))
    }

    /// Whether the `member` regions lie just inside each side of `quad` (middle 80 %, within 6 % of
    /// the short side inward) at ≥ 60 % of each side's points and ≥ 80 % on average.
    static func runsAlongEverySide(_ quad: Quad, label: [Int32], member: [Bool], width W: Int, height H: Int) -> Bool {
        let p = quad.p
        let centre = p.reduce(Vec2(x: 0, y: 0), +) * 0.25
        let depth = max(3, 0.06 * quad.shortSide)
        var sum = 0.0
        for k in 0..<4 {
            let a = p[k], b = p[(k + 1) % 4]
            let d = b - a, len = d.length
            guard len > 8 else { return false }
            let u = d * (1 / len)
            let mid = (a + b) * 0.5, toC = centre - mid
            let inward = toC * (1 / max(toC.length, 1e-9))
            var hits = 0, total = 0
            var t = 0.1 * len
            while t <= 0.9 * len {
                let q = a + u * t
                var hit = false
                var dd = 0.0
                while dd <= depth && !hit {
                    let r = q + inward * dd
                    let xi = EdgeQuadFinder.pixel(r.x), yi = EdgeQuadFinder.pixel(r.y)
                    if xi >= 0, yi >= 0, xi < W, yi < H, let l = Optional(Int(label[yi * W + xi])), l >= 0, l < member.count, member[l] { hit = true }
                    dd += 1
                }
                total += 1
                if hit { hits += 1 }
                t += 1
            }
            guard total > 0 else { return false }
            let f = Double(hits) / Double(total)
            guard f >= 0.6 else { return false }
            sum += f
        }
        guard sum / 4 >= 0.8 else { return false }
        return true
    }
}
