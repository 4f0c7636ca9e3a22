import Foundation

/// Quality measurements on the card region resampled to a fixed size.
struct CardQuality: Sendable {
    var sharpness: Double
    var tenengrad: Double
    var mean: Double
    var p5: Double
    var p95: Double
    var glareFraction: Double

    var contrast: Double { p95 - p5 }

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

    static func warp(_ src: GrayImage, quad: Quad) -> GrayImage? {
        let W = width, H = height
        guard let h = Geometry.homography(width: Double(W), height: Double(H), to: quad) else { return nil }
        var out = GrayImage(width: W, height: H)
        let sw = src.width, sh = src.height
        // Homogeneous source coordinates are affine along a row: step them incrementally.
        let h0 = Float(h[0]), h1 = Float(h[1]), h2 = Float(h[2]), h3 = Float(h[3])
        let h4 = Float(h[4]), h5 = Float(h[5]), h6 = Float(h[6]), h7 = Float(h[7])
        let maxX = Float(sw - 1), maxY = Float(sh - 1)
        src.pixels.withUnsafeBufferPointer { s in
            out.pixels.withUnsafeMutableBufferPointer { d in
                for y in 0..<H {
                    let fy = Float(y) + 0.5
                    var nx = h0 * 0.5 + h1 * fy + h2, ny = h3 * 0.5 + h4 * fy + h5, dn = h6 * 0.5 + h7 * fy + 1
                    for x in 0..<W {
                        defer { nx += h0; ny += h3; dn += h6 }
                        guard abs(dn) > 1e-6 else { continue }
                        let inv = 1 / dn
                        let sx = nx * inv - 0.5, sy = ny * inv - 0.5
                        guard sx.isFinite, sy.isFinite else { continue }
                        let cx = min(max(sx, 0), maxX), cy = min(max(sy, 0), maxY)
                        let x0 = Int(cx), y0 = Int(cy)
                        let x1 = min(x0 + 1, sw - 1), y1 = min(y0 + 1, sh - 1)
                        let ax = cx - Float(x0), ay = cy - Float(y0)
                        let top = Float(s[y0 * sw + x0]) * (1 - ax) + Float(s[y0 * sw + x1]) * ax
                        let bottom = Float(s[y1 * sw + x0]) * (1 - ax) + Float(s[y1 * sw + x1]) * ax
                        d[y * W + x] = UInt8(min(max(top * (1 - ay) + bottom * ay + 0.5, 0), 255))
                    }
                }
            }
        }
        return out
    }

    static func measureCard(_ card: GrayImage, glareLuma: Double) -> CardQuality {
        let W = card.width, H = card.height
        // Inner region: 5% margin keeps the outline and rounded corners out.
        let mx = W * 5 / 100, my = H * 5 / 100
        let x0 = mx, x1 = W - mx, y0 = my, y1 = H - my
        let iw = x1 - x0, ih = y1 - y0
        var hist = Histogram()
        let clip = UInt8(clamping: Int(glareLuma.rounded()))
        var mask = [UInt8](repeating: 0, count: iw * ih)
        card.pixels.withUnsafeBufferPointer { s in
            hist.bins.withUnsafeMutableBufferPointer { b in
                mask.withUnsafeMutableBufferPointer { m in
                    for y in y0..<y1 {
                        for x in x0..<x1 {
                            let v = s[y * W + x]
                            b[Int(v)] &+= 1
                            if v >= clip { m[(y - y0) * iw + (x - x0)] = 1 }
                        }
                    }
                }
            }
        }
        hist.count = iw * ih
        // Glare: clipped blobs of at least 0.05% of the card (isolated bright pixels are not glare).
        let minBlob = max(8, iw * ih / 2000)
        var glarePixels = 0
        var stack: [Int] = []
        for start in 0..<(iw * ih) where mask[start] == 1 {
            mask[start] = 2
            stack.append(start)
            var size = 0
            while let i = stack.popLast() {
                size += 1
                let x = i % iw
                if x > 0, mask[i - 1] == 1 { mask[i - 1] = 2; stack.append(i - 1) }
                if x < iw - 1, mask[i + 1] == 1 { mask[i + 1] = 2; stack.append(i + 1) }
                if i >= iw, mask[i - iw] == 1 { mask[i - iw] = 2; stack.append(i - iw) }
                if i + iw < iw * ih, mask[i + iw] == 1 { mask[i + iw] = 2; stack.append(i + iw) }
            }
            if size >= minBlob { glarePixels += size }
        }

        // Contrast normalisation (p1…p99 → 0…255), light [1 2 1] smoothing against noise, then
        // variance of the 4-neighbour Laplacian and the Tenengrad (mean squared Sobel magnitude).
        let lo = Double(hist.percentile(0.01)), hi = max(Double(hist.percentile(0.99)), lo + 24)
        let gain = Float(255 / (hi - lo))
        var norm = [Float](repeating: 0, count: iw * ih)
        card.pixels.withUnsafeBufferPointer { s in
            norm.withUnsafeMutableBufferPointer { d in
                for y in 0..<ih {
                    for x in 0..<iw { d[y * iw + x] = (Float(s[(y + y0) * W + x + x0]) - Float(lo)) * gain }
                }
            }
        }
        var sm = norm
        norm.withUnsafeBufferPointer { s in
            sm.withUnsafeMutableBufferPointer { d in
                for y in 1..<(ih - 1) {
                    for x in 1..<(iw - 1) {
                        let i = y * iw + x
                        d[i] = (4 * s[i] + 2 * (s[i - 1] + s[i + 1] + s[i - iw] + s[i + iw])
                                + s[i - iw - 1] + s[i - iw + 1] + s[i + iw - 1] + s[i + iw + 1]) / 16
                    }
                }
            }
        }
        // Directional second differences: motion blur flattens one direction only, so the
        // sharpness is the weaker of the two (scaled like a Laplacian variance).
        var sumX = 0.0, sqX = 0.0, sumY = 0.0, sqY = 0.0, ten = 0.0
        var count = 0
        sm.withUnsafeBufferPointer { s in
            for y in 2..<(ih - 2) {
                var rsx: Float = 0, rqx: Float = 0, rsy: Float = 0, rqy: Float = 0, rowTen: Float = 0
                for x in 2..<(iw - 2) {
                    let i = y * iw + x
                    let dxx = s[i - 1] + s[i + 1] - 2 * s[i]
                    let dyy = s[i - iw] + s[i + iw] - 2 * s[i]
                    rsx += dxx; rqx += dxx * dxx; rsy += dyy; rqy += dyy * dyy
                    let gx = (s[i - iw + 1] + 2 * s[i + 1] + s[i + iw + 1]) - (s[i - iw - 1] + 2 * s[i - 1] + s[i + iw - 1])
                    let gy = (s[i + iw - 1] + 2 * s[i + iw] + s[i + iw + 1]) - (s[i - iw - 1] + 2 * s[i - iw] + s[i - iw + 1])
                    rowTen += gx * gx + gy * gy
                }
                sumX += Double(rsx); sqX += Double(rqx); sumY += Double(rsy); sqY += Double(rqy); ten += Double(rowTen)
                count += iw - 4
            }
        }
        let c = Double(max(count, 1))
        let varX = sqX / c - (sumX / c) * (sumX / c), varY = sqY / c - (sumY / c) * (sumY / c)
        return CardQuality(sharpness: 2 * min(varX, varY), tenengrad: ten / c / 1000,
                           mean: hist.mean, p5: Double(hist.percentile(0.05)), p95: Double(hist.percentile(0.95)),
                           glareFraction: Double(glarePixels) / Double(max(iw * ih, 1)))
    }
}
