import Foundation

/// What the card search found on the detection image.
enum CardDetection: Sendable {
    /// No card-shaped region; `aspect` is the best candidate's, when there was one.
    case notFound(aspect: Double?)
    /// A large region that touches the image border: the card is cut or has no margin.
    case cropped(areaFraction: Double)
    /// The card quadrilateral, in detection-image pixels.
    case found(Quad, areaFraction: Double)
}

/// Finds the card as the largest region enclosed by strong edges.
///
/// 1. contrast-stretch and box-blur the (≈800 px) grayscale image; gradient magnitude;
/// 2. flood the background from the image border through low-gradient pixels (threshold adapted
///    to the texture seen along the border), so shadows and desk grain are crossed but the card's
///    outline is not;
/// 3. connected components of what was not flooded (an enclosed region keeps its holes filled);
/// 4. for each large component not touching the border: convex hull → minimum-area rectangle →
///    a line fitted to each side's boundary pixels → corners at the line intersections
///    (perspective-tolerant, ignores the rounded corners); accept when the aspect is ID-1-like and
///    the region fills its quadrilateral;
/// 5. otherwise, a large component touching the border means the card is cropped.
struct CardDetector: Sendable {
    var policy: IDScanPolicy
    /// Multiplies the smoothing radius (a coarser look crosses fine background texture).
    var smoothing = 1
    /// Multiplies the flood's gradient threshold (below 1: weak outlines stop it).
    var thresholdScale: Float = 1
    /// Flood through tone instead of gradient: the background is whatever lies on the border's
    /// side of the Otsu split of the smoothed image (a light card on wood grain or stone, whose
    /// texture stops a gradient flood).
    var toneSplit = false
    /// Flood through tone close to the border's: pixels within a tolerance (from the border's own
    /// spread) of its median tone (a light card on a slightly darker scanner lid).
    var toneDistance = false

    // Longer than the ~80-line rule (issue 14): the ordered list of looks (outline, tone, content,
    // tight scan, straight edges) with the rule for which one wins, kept in one place so the
    // order is read top to bottom; each look is its own function. To be cut with the finder above.
    func detect(_ image: GrayImage) -> CardDetection {
        let W = image.width, H = image.height
        guard W >= 16, H >= 16 else { return .notFound(aspect: nil) }
        let n = W * H

        // Contrast stretch p1…p99 so thresholds mean the same at any exposure.
        let hist = image.pixels.withUnsafeBufferPointer { Histogram($0) }
        let lo = hist.percentile(0.01), hi = max(hist.percentile(0.99), lo + 16)
        var lut = [UInt8](repeating: 0, count: 256)
        for v in 0..<256 { lut[v] = UInt8(clamping: Int((Double(v - lo) * 255 / Double(hi - lo)).rounded())) }
        var stretched = image
        stretched.pixels.withUnsafeMutableBufferPointer { p in
            lut.withUnsafeBufferPointer { l in
                guard let l0 = l.baseAddress, l.count == 256 else { return }
                for i in p.indices { p[i] = l0[Int(p[i])] }   // a UInt8 indexes a 256-entry table
            }
        }
        let radius = max(1, min(W, H) / 250) * max(1, smoothing)
        let smooth = stretched.boxBlurred(radius: radius)

        // Gradient magnitude |gx| + |gy| (differences over a 4-pixel baseline, which responds to
        // soft, blurred card edges better than to fine texture). The outer frame copies its inner
        // neighbour so the flood cannot run along the image border into a cut card.
        var grad = [Float](repeating: 0, count: n)
        smooth.withUnsafeBufferPointer { sbuf in
            grad.withUnsafeMutableBufferPointer { gbuf in
                guard let s0 = sbuf.baseAddress, let g0 = gbuf.baseAddress, sbuf.count >= n, gbuf.count >= n else { return }
                // W, H ≥ 16: every index below is inside the n-element buffers (wrapping arithmetic).
                for y in 2..<(H - 2) {
                    let s = s0 + y &* W, g = g0 + y &* W
                    let up = s - 2 &* W, down = s + 2 &* W
                    for x in 2..<(W &- 2) {
                        g[x] = 0.5 * (abs(s[x &+ 2] - s[x &- 2]) + abs(down[x] - up[x]))
                    }
                    g[0] = g[2]; g[1] = g[2]
                    g[W &- 1] = g[W &- 3]; g[W &- 2] = g[W &- 3]
                }
                for x in 0..<W {
                    g0[x] = g0[2 &* W &+ x]; g0[W &+ x] = g0[2 &* W &+ x]
                    g0[(H &- 1) &* W &+ x] = g0[(H &- 3) &* W &+ x]; g0[(H &- 2) &* W &+ x] = g0[(H &- 3) &* W &+ x]
                }
            }
        }
        // Texture level along the border (a frame 3% deep).
        let band = max(2, min(W, H) * 3 / 100)
        var gradHist = [Int](repeating: 0, count: 1024)
        var gradCount = 0
        grad.withUnsafeBufferPointer { g in
            gradHist.withUnsafeMutableBufferPointer { hist in
                for y in 1..<(H - 1) {
                    let inBand = y < band || y >= H - band
                    var x = 1
                    while x < W - 1 {
                        hist[min(1023, Int(g[y * W + x] * 2))] += 1
                        gradCount += 1
                        x = (inBand || x >= W - band || x + 1 < band) ? x + 1 : W - band
                    }
                }
            }
        }
        var p90: Float = 0
        var seen = 0
        for (bin, count) in gradHist.enumerated() {
            seen += count
            if seen * 10 >= gradCount * 9 { p90 = Float(bin) / 2; break }
        }
        var threshold = max(10 * min(thresholdScale, 1), 2.5 * p90 * thresholdScale)
        if toneSplit {
            // Thin lines of the card's tone (joints, grout, pattern lines) are opened away: up to
            // a twentieth of the smallest card's short side (3 px at 800 × 600, 2 px at 500 × 375).
            let minShort = (policy.minCardAreaFraction * Double(n) / 1.75).squareRoot()
            let openRadius = minShort.isFinite ? max(1, min(8, Int(minShort / 20))) : 1
            CardLocator.toneBarrier(smooth, width: W, height: H, into: &grad, openRadius: openRadius)
            threshold = 0.5
        }

        // Seeds: border pixels that look like the dominant border tone (so a card cut by the
        // border is not entered from its cut side), then flood through low-gradient pixels.
        var borderHist = Histogram()
        for x in 0..<W { borderHist.add(UInt8(clamping: Int(smooth[x]))); borderHist.add(UInt8(clamping: Int(smooth[(H - 1) * W + x]))) }
        for y in 0..<H { borderHist.add(UInt8(clamping: Int(smooth[y * W]))); borderHist.add(UInt8(clamping: Int(smooth[y * W + W - 1]))) }
        let median = Float(borderHist.percentile(0.5))
        var deviation = Histogram()
        for (v, count) in borderHist.bins.enumerated() where count > 0 {
            deviation.bins[min(255, abs(v - Int(median)))] += count
            deviation.count += count
        }
        let seedTolerance = max(30, 2.5 * 1.4826 * Float(deviation.percentile(0.5)))
        if toneDistance {
            let tolerance = min(60, max(6, 2.5 * 1.4826 * Float(deviation.percentile(0.5))))
            for i in 0..<min(n, grad.count, smooth.count) { grad[i] = abs(smooth[i] - median) <= tolerance ? 0 : 1000 }
            threshold = 0.5
        }
        // One preallocated Int32 buffer serves as the flood stack, then holds every kept
        // component's pixels contiguously (no per-component allocation).
        var state = [UInt8](repeating: 0, count: n)  // 0 unvisited, 1 background, 2 labelled
        var order = [Int32](repeating: 0, count: n)
        var borderIndices: [Int] = []
        borderIndices.reserveCapacity(2 * (W + H))
        for x in 0..<W { borderIndices.append(x); borderIndices.append((H - 1) * W + x) }
        for y in 0..<H { borderIndices.append(y * W); borderIndices.append(y * W + W - 1) }
        struct Component { var start: Int; var count: Int; var touchesBorder: Bool }
        var components: [Component] = []
        let minArea = max(64, Int(policy.minCardAreaFraction * Double(n)))
        // Pixel indices fit in 32 bits (the decoder caps images far below 4 G pixels): 32-bit
        // division is several times cheaper than 64-bit.
        guard n < Int(Int32.max), let w32 = UInt32(exactly: W) else { return .notFound(aspect: nil) }
        grad.withUnsafeBufferPointer { g in
        smooth.withUnsafeBufferPointer { sm in
        state.withUnsafeMutableBufferPointer { st in
        order.withUnsafeMutableBufferPointer { buf in
            var top = 0
            for i in borderIndices where st[i] == 0 && g[i] < threshold && abs(sm[i] - median) <= seedTolerance {
                st[i] = 1; buf[top] = Int32(i); top += 1
            }
            while top > 0 {
                top -= 1
                let i = Int(buf[top]), x = Int(UInt32(truncatingIfNeeded: i) % w32)
                if x > 0 { let j = i - 1; if st[j] == 0 && g[j] < threshold { st[j] = 1; buf[top] = Int32(j); top += 1 } }
                if x < W - 1 { let j = i + 1; if st[j] == 0 && g[j] < threshold { st[j] = 1; buf[top] = Int32(j); top += 1 } }
                if i >= W { let j = i - W; if st[j] == 0 && g[j] < threshold { st[j] = 1; buf[top] = Int32(j); top += 1 } }
                if i < n - W { let j = i + W; if st[j] == 0 && g[j] < threshold { st[j] = 1; buf[top] = Int32(j); top += 1 } }
            }
            // Components of the rest (breadth-first, written into the same buffer).
            var end = 0
            for s in 0..<n where st[s] == 0 {
                st[s] = 2
                let start = end
                buf[end] = Int32(s); end += 1
                var k = start
                var touches = false
                while k < end {
                    let i = Int(buf[k]); k += 1
                    let q = UInt32(truncatingIfNeeded: i).quotientAndRemainder(dividingBy: w32)
                    let x = Int(q.remainder), y = Int(q.quotient)
                    if x == 0 || y == 0 || x == W - 1 || y == H - 1 { touches = true }
                    if x > 0, st[i - 1] == 0 { st[i - 1] = 2; buf[end] = Int32(i - 1); end += 1 }
                    if x < W - 1, st[i + 1] == 0 { st[i + 1] = 2; buf[end] = Int32(i + 1); end += 1 }
                    if y > 0, st[i - W] == 0 { st[i - W] = 2; buf[end] = Int32(i - W); end += 1 }
                    if y < H - 1, st[i + W] == 0 { st[i + W] = 2; buf[end] = Int32(i + W); end += 1 }
                }
                if end - start >= minArea {
                    components.append(Component(start: start, count: end - start, touchesBorder: touches))
                } else {
                    end = start   // small: labelled, but its slots are reused
                }
            }
        }
        }
        }
        }
        components.sort { $0.count > $1.count }

        // The card: the largest card-shaped component clear of the border, unless a larger region
        // touches the border (then the card is cut off or has no margin).
        var bestAspect: Double?
        let touching = components.first(where: \.touchesBorder)
        for c in components where !c.touchesBorder {
            if let t = touching, t.count > c.count { break }
            guard let quad = fitQuad(order[c.start..<(c.start + c.count)], width: W, height: H) else { continue }
            let area = quad.area
            guard area > 0 else { continue }
            let fill = Double(c.count) / area
            let aspect = quad.aspect
            if bestAspect == nil { bestAspect = aspect }
            if policy.minCardAspect <= policy.maxCardAspect, quad.hasAspect(in: policy.minCardAspect...policy.maxCardAspect),
               fill > 0.88, fill < 1.15 {
                // The region includes the blurred outline: pull the corners in by the blur radius.
                let centre = quad.p.reduce(Vec2(x: 0, y: 0), +) * 0.25
                let shrunk = quad.p.map { p -> Vec2 in
                    let d = centre - p
                    let len = d.length
                    return len > 0 ? p + d * (Double(radius) * 1.41 / len) : p
                }
                return .found(Quad(p: shrunk), areaFraction: area / Double(n))
            }
        }
        if let t = touching {
            return .cropped(areaFraction: Double(t.count) / Double(n))
        }
        return .notFound(aspect: bestAspect)
    }

    /// Hull → min-area rectangle → per-side line fit → corners.
    func fitQuad(_ pixels: ArraySlice<Int32>, width W: Int, height H: Int) -> Quad? {
        // Boundary samples: per-row and per-column extremes.
        var rowMin = [Int](repeating: Int.max, count: H), rowMax = [Int](repeating: -1, count: H)
        var colMin = [Int](repeating: Int.max, count: W), colMax = [Int](repeating: -1, count: W)
        guard let w32 = UInt32(exactly: W) else { return nil }
        for p in pixels {
            // Indices come from the component labelling: 0 ≤ i < W·H < Int32.max.
            let q = UInt32(truncatingIfNeeded: p).quotientAndRemainder(dividingBy: w32)
            let x = Int(q.remainder), y = Int(q.quotient)
            if x < rowMin[y] { rowMin[y] = x }
            if x > rowMax[y] { rowMax[y] = x }
            if y < colMin[x] { colMin[x] = y }
            if y > colMax[x] { colMax[x] = y }
        }
        var samples: [Vec2] = []
        for y in 0..<H where rowMax[y] >= 0 {
            samples.append(Vec2(x: Double(rowMin[y]), y: Double(y)))
            samples.append(Vec2(x: Double(rowMax[y]) + 1, y: Double(y)))
        }
        for x in 0..<W where colMax[x] >= 0 {
            samples.append(Vec2(x: Double(x), y: Double(colMin[x])))
            samples.append(Vec2(x: Double(x), y: Double(colMax[x]) + 1))
        }
        let hull = Geometry.convexHull(samples)
        guard let rect = Geometry.minAreaRect(hull) else { return nil }
        let u = rect.u, v = Vec2(x: -u.y, y: u.x)
        let lenU = rect.maxU - rect.minU, lenV = rect.maxV - rect.minV
        guard lenU > 4, lenV > 4 else { return nil }
        let tol = 0.08 * min(lenU, lenV)
        // Sides: 0 = minV, 1 = maxU, 2 = maxV, 3 = minU.
        var sides: [[Vec2]] = [[], [], [], []]
        for s in samples {
            let a = s.dot(u), b = s.dot(v)
            let d = [abs(b - rect.minV), abs(a - rect.maxU), abs(b - rect.maxV), abs(a - rect.minU)]
            guard let k = d.indices.min(by: { d[$0] < d[$1] }), d[k] < tol else { continue }
            let along = (k % 2 == 0) ? (a - rect.minU) / lenU : (b - rect.minV) / lenV
            if along > 0.12 && along < 0.88 { sides[k].append(s) }
        }
        func corner(_ a: Double, _ b: Double) -> Vec2 { u * a + v * b }
        let rectCorners = [corner(rect.minU, rect.minV), corner(rect.maxU, rect.minV),
                           corner(rect.maxU, rect.maxV), corner(rect.minU, rect.maxV)]
        let lines = sides.map { Geometry.fitLine($0) }
        var corners: [Vec2] = []
        for k in 0..<4 {
            // Corner k is between side (k+3)%4 and side k.
            if let l1 = lines[(k + 3) % 4], let l2 = lines[k], let p = Geometry.intersect(l1, l2),
               (p - rectCorners[k]).length < 0.25 * min(lenU, lenV) {
                corners.append(p)
            } else {
                corners.append(rectCorners[k])
            }
        }
        return Quad.ordered(corners)
    }
}
