import Foundation

/// Quality measurements on the card region resampled to a fixed size.
struct CardQuality: Sendable {
    var sharpness: Double
    var tenengrad: Double
    var mean: Double
    var p5: Double
    var p95: Double
    var glareFraction: Double
    /// Fraction of the card at or above the clipping level, glare or not (the card's light areas
    /// burnt out by overexposure clip all over, not in a solid blob).
    var clippedFraction: Double = 0

    var contrast: Double { p95 - p5 }

    /// Smallest solidity (pixels ÷ convex-hull area) of a clipped blob that counts as glare: a
    /// highlight, round or streaked, measures ≈ 0.9–0.96; clipped card paper with the print still
    /// showing through it ≈ 0.3–0.7.
    static let minGlareSolidity = 0.8

    /// Fixed size of the resampled card (ID-1 aspect).
    static let width = 400
    static let height = 252

    /// Resamples the card (quad in `image` pixels) to 400 × 252 and measures it.
    static func measure(_ image: GrayImage, quad: Quad, glareLuma: Double) -> CardQuality? {
        // Antialias: box-downscale first so the card is at most ~2× the target size.
        guard quad.longSide.isFinite, quad.longSide > 1 else { return nil }
        let factor = max(1, min(64, Int(quad.longSide / Double(width))))
        let src = factor > 1 ? image.boxDownscaled(by: factor) : image
        let q = factor > 1 ? quad.scaled(x: 1 / Double(factor), y: 1 / Double(factor)) : quad
        guard let card = warp(src, quad: q) else { return nil }
        return measureCard(card, glareLuma: glareLuma)
    }

    /// The card resampled upright to the metrics' size (the same bilinear warp the document
    /// reader uses).
    static func warp(_ src: GrayImage, quad: Quad) -> GrayImage? {
        DocumentReader.warp(src, quad: quad, width: width, height: height)
    }

    // Longer than the ~80-line rule (issue 14): one pass over the warped card computes sharpness,
    // contrast, exposure and glare together (one read of each pixel); splitting it would read the
    // card once per metric.
    static func measureCard(_ card: GrayImage, glareLuma: Double) -> CardQuality {
        let W = card.width, H = card.height
        // Inner region: 5% margin keeps the outline and rounded corners out.
        let mx = W * 5 / 100, my = H * 5 / 100
        let x0 = mx, x1 = W - mx, y0 = my, y1 = H - my
        let iw = x1 - x0, ih = y1 - y0
        let n = iw * ih
        var hist = Histogram()
        hist.count = n
        guard iw >= 5, ih >= 5, n < Int(Int32.max), card.pixels.count >= W * H else {
            return CardQuality(sharpness: 0, tenengrad: 0, mean: 0, p5: 0, p95: 0, glareFraction: 0)
        }
        let clip = UInt8(clamping: Int(glareLuma.rounded()))
        // Loops below index inside iw × ih (or W × H) buffers checked above: wrapping arithmetic.
        var mask = [UInt8](repeating: 0, count: n)
        var glarePixels = 0
        var norm = [Float](repeating: 0, count: n)
        var sm = [Float](repeating: 0, count: n)
        var sumX = 0.0, sqX = 0.0, sumY = 0.0, sqY = 0.0, ten = 0.0
        var count = 0
        card.pixels.withUnsafeBufferPointer { sbuf in
        hist.bins.withUnsafeMutableBufferPointer { bbuf in
        mask.withUnsafeMutableBufferPointer { mbuf in
            guard let s = sbuf.baseAddress, let b = bbuf.baseAddress, let m = mbuf.baseAddress else { return }
            for y in y0..<y1 {
                let row = s + (y &* W &+ x0), mrow = m + ((y &- y0) &* iw)
                for x in 0..<iw {
                    let v = row[x]
                    b[Int(v)] &+= 1
                    mrow[x] = v >= clip ? 1 : 0
                }
            }
            // Glare: clipped blobs of at least 0.05% of the card (isolated bright pixels are not
            // glare). Each clipped pixel is pushed at most once, so the stack holds at most that many.
            var clipped = 0
            for v in Int(clip)..<256 { clipped &+= b[v] }
            guard clipped > 0 else { return }   // nothing clipped: no stack needed
            let minBlob = max(8, n / 2000)
            let iw32 = UInt32(truncatingIfNeeded: iw)   // iw < n < Int32.max
            let stack = UnsafeMutablePointer<Int32>.allocate(capacity: clipped)   // each clipped pixel pushed at most once
            defer { stack.deallocate() }
            // Per-row extent of the blob being flooded (for its solidity).
            var rowMin = [Int](repeating: Int.max, count: ih), rowMax = [Int](repeating: -1, count: ih)
            for start in 0..<n where m[start] == 1 {
                m[start] = 2
                stack[0] = Int32(truncatingIfNeeded: start)
                var top = 1
                var size = 0
                var yLo = ih, yHi = -1
                while top > 0 {
                    top &-= 1
                    let i = Int(stack[top])
                    size &+= 1
                    let q = UInt32(truncatingIfNeeded: i).quotientAndRemainder(dividingBy: iw32)
                    let x = Int(q.remainder), y = Int(q.quotient)
                    if y >= 0, y < ih {
                        if x < rowMin[y] { rowMin[y] = x }
                        if x > rowMax[y] { rowMax[y] = x }
                        if y < yLo { yLo = y }
                        if y > yHi { yHi = y }
                    }
                    if x > 0, m[i &- 1] == 1 { m[i &- 1] = 2; stack[top] = Int32(truncatingIfNeeded: i &- 1); top &+= 1 }
                    if x < iw &- 1, m[i &+ 1] == 1 { m[i &+ 1] = 2; stack[top] = Int32(truncatingIfNeeded: i &+ 1); top &+= 1 }
                    if i >= iw, m[i &- iw] == 1 { m[i &- iw] = 2; stack[top] = Int32(truncatingIfNeeded: i &- iw); top &+= 1 }
                    if i &+ iw < n, m[i &+ iw] == 1 { m[i &+ iw] = 2; stack[top] = Int32(truncatingIfNeeded: i &+ iw); top &+= 1 }
                }
                // Glare is a solid clipped patch that hides the print under it (a specular
                // highlight, a spot or a streak: convex, no holes). Clipped paper between print
                // that still shows (a near-white card under a bright lamp) is ragged and full
                // of holes: legible, so not glare. Solidity = pixels / convex hull of the rows.
                if size >= minBlob, yLo <= yHi {
                    var pts: [Vec2] = []
                    pts.reserveCapacity(4 * (yHi - yLo + 1))
                    for y in yLo...yHi where rowMax[y] >= 0 {
                        let a = Double(rowMin[y]), b = Double(rowMax[y] + 1)
                        pts.append(Vec2(x: a, y: Double(y))); pts.append(Vec2(x: b, y: Double(y)))
                        pts.append(Vec2(x: a, y: Double(y + 1))); pts.append(Vec2(x: b, y: Double(y + 1)))
                        rowMin[y] = Int.max; rowMax[y] = -1
                    }
                    let hull = Geometry.convexHull(pts)
                    var area = 0.0
                    for k in hull.indices { area += hull[k].cross(hull[(k + 1) % hull.count]) }
                    area = abs(area) / 2
                    if Double(size) >= Self.minGlareSolidity * max(area, 1) { glarePixels &+= size }
                } else if yLo <= yHi {
                    for y in yLo...yHi { rowMin[y] = Int.max; rowMax[y] = -1 }
                }
            }
        }
        }
        }

        // Contrast normalisation (p1…p99 → 0…255), light [1 2 1] smoothing against noise, then
        // variance of the 4-neighbour Laplacian and the Tenengrad (mean squared Sobel magnitude).
        let lo = Double(hist.percentile(0.01)), hi = max(Double(hist.percentile(0.99)), lo + 24)
        let gain = Float(255 / (hi - lo)), flo = Float(lo)
        card.pixels.withUnsafeBufferPointer { sbuf in
        norm.withUnsafeMutableBufferPointer { nbuf in
        sm.withUnsafeMutableBufferPointer { smbuf in
            guard let s = sbuf.baseAddress, let nm = nbuf.baseAddress, let d = smbuf.baseAddress else { return }
            for y in 0..<ih {
                let row = s + ((y &+ y0) &* W &+ x0), out = nm + y &* iw
                for x in 0..<iw { out[x] = (Float(row[x]) - flo) * gain }
            }
            d.update(from: nm, count: n)
            for y in 1..<(ih - 1) {
                let c = nm + y &* iw, u = c - iw, l = c + iw, o = d + y &* iw
                for x in 1..<(iw - 1) {
                    o[x] = (4 * c[x] + 2 * (c[x &- 1] + c[x &+ 1] + u[x] + l[x])
                            + u[x &- 1] + u[x &+ 1] + l[x &- 1] + l[x &+ 1]) / 16
                }
            }
            // Directional second differences: motion blur flattens one direction only, so the
            // sharpness is the weaker of the two (scaled like a Laplacian variance).
            for y in 2..<(ih - 2) {
                let c = UnsafePointer(d + y &* iw), u = c - iw, l = c + iw
                var rsx: Float = 0, rqx: Float = 0, rsy: Float = 0, rqy: Float = 0, rowTen: Float = 0
                for x in 2..<(iw - 2) {
                    let dxx = c[x &- 1] + c[x &+ 1] - 2 * c[x]
                    let dyy = u[x] + l[x] - 2 * c[x]
                    rsx += dxx; rqx += dxx * dxx; rsy += dyy; rqy += dyy * dyy
                    let gx = (u[x &+ 1] + 2 * c[x &+ 1] + l[x &+ 1]) - (u[x &- 1] + 2 * c[x &- 1] + l[x &- 1])
                    let gy = (l[x &- 1] + 2 * l[x] + l[x &+ 1]) - (u[x &- 1] + 2 * u[x] + u[x &+ 1])
                    rowTen += gx * gx + gy * gy
                }
                sumX += Double(rsx); sqX += Double(rqx); sumY += Double(rsy); sqY += Double(rqy); ten += Double(rowTen)
                count &+= iw &- 4
            }
        }
        }
        }
        let c = Double(max(count, 1))
        let varX = sqX / c - (sumX / c) * (sumX / c), varY = sqY / c - (sumY / c) * (sumY / c)
        let clippedPixels = hist.bins[Int(clip)...].reduce(0, +)
        return CardQuality(sharpness: 2 * min(varX, varY), tenengrad: ten / c / 1000,
                           mean: hist.mean, p5: Double(hist.percentile(0.05)), p95: Double(hist.percentile(0.95)),
                           glareFraction: Double(glarePixels) / Double(max(n, 1)),
                           clippedFraction: Double(clippedPixels) / Double(max(n, 1)))
    }
}
