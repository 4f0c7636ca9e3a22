// Hot loops over grayscale buffers. Indices are derived from the image's own dimensions
// (never from file data), and the loops run over unsafe buffer pointers for speed.

extension GrayImage {
    /// Box-averages `factor × factor` blocks (integer downscale, antialiased).
    func boxDownscaled(by factor: Int) -> GrayImage {
        guard factor > 1 else { return self }
        let ow = width / factor, oh = height / factor
        guard ow > 0, oh > 0 else { return self }
        var dst = GrayImage(width: ow, height: oh)
        if factor == 2 {  // the common case, unrolled
            let W = width
            guard pixels.count >= W * height else { return self }
            pixels.withUnsafeBufferPointer { sbuf in
                dst.pixels.withUnsafeMutableBufferPointer { dbuf in
                    guard let s = sbuf.baseAddress, let d = dbuf.baseAddress else { return }
                    for oy in 0..<oh {   // rows 2·oy and 2·oy+1 < height: wrapping index arithmetic
                        let r0 = s + 2 &* oy &* W, r1 = r0 + W, o = d + oy &* ow
                        for ox in 0..<ow {
                            let x = 2 &* ox
                            let sum = UInt16(r0[x]) &+ UInt16(r0[x &+ 1]) &+ UInt16(r1[x]) &+ UInt16(r1[x &+ 1])
                            o[ox] = UInt8(truncatingIfNeeded: (sum &+ 2) >> 2)
                        }
                    }
                }
            }
            return dst
        }
        let area = UInt32(factor * factor)
        let W = width
        pixels.withUnsafeBufferPointer { s in
            dst.pixels.withUnsafeMutableBufferPointer { d in
                var rowSums = [UInt32](repeating: 0, count: ow)
                rowSums.withUnsafeMutableBufferPointer { acc in
                    for oy in 0..<oh {
                        for i in 0..<ow { acc[i] = 0 }
                        for dy in 0..<factor {
                            let row = (oy * factor + dy) * W
                            for ox in 0..<ow {
                                var sum: UInt32 = 0
                                let start = row + ox * factor
                                for dx in 0..<factor { sum &+= UInt32(s[start + dx]) }
                                acc[ox] &+= sum
                            }
                        }
                        for ox in 0..<ow { d[oy * ow + ox] = UInt8(truncatingIfNeeded: (acc[ox] + area / 2) / area) }
                    }
                }
            }
        }
        return dst
    }

    /// Dark pixels by the local mean: darker than the mean of the box of radius `radius`
    /// around them by more than `offset` levels (a light card under a lamp gradient still
    /// reads). Nil for an image too small or inconsistent to judge.
    func darkByLocalMean(radius: Int = 15, offset: Float = 8) -> [Bool]? {
        let n = width * height
        guard width >= 64, height >= 64, pixels.count >= n else { return nil }
        let mean = boxBlurred(radius: radius)
        guard mean.count >= n else { return nil }
        var dark = [Bool](repeating: false, count: n)
        for i in 0..<n { dark[i] = Float(pixels[i]) < mean[i] - offset }
        return dark
    }

    /// Separable box blur of radius `r` (edges clamped), as Float.
    func boxBlurred(radius r: Int) -> [Float] {
        let W = width, H = height
        var tmp = [Float](repeating: 0, count: W * H)
        var out = [Float](repeating: 0, count: W * H)
        guard W > 0, H > 0, r >= 0, pixels.count >= W * H else { return out }
        let norm = 1 / Float(2 * r + 1)
        // Indices below stay inside the W × H buffers checked above: wrapping arithmetic.
        pixels.withUnsafeBufferPointer { sbuf in
            tmp.withUnsafeMutableBufferPointer { tbuf in
                guard let s0 = sbuf.baseAddress, let t0 = tbuf.baseAddress else { return }
                for y in 0..<H {
                    let s = s0 + y &* W, t = t0 + y &* W
                    var sum: Float = 0
                    for k in -r...r { sum += Float(s[min(max(k, 0), W &- 1)]) }
                    for x in 0..<W {
                        t[x] = sum * norm
                        let add = min(x &+ r &+ 1, W &- 1), sub = max(x &- r, 0)
                        sum += Float(s[add]) - Float(s[sub])
                    }
                }
            }
        }
        tmp.withUnsafeBufferPointer { tbuf in
            out.withUnsafeMutableBufferPointer { obuf in
                guard let t = tbuf.baseAddress, let o = obuf.baseAddress else { return }
                let acc = UnsafeMutablePointer<Float>.allocate(capacity: W)
                defer { acc.deallocate() }
                acc.initialize(repeating: 0, count: W)
                for k in -r...r {
                    let row = t + min(max(k, 0), H &- 1) &* W
                    for x in 0..<W { acc[x] += row[x] }
                }
                for y in 0..<H {
                    let add = t + min(y &+ r &+ 1, H &- 1) &* W, sub = t + max(y &- r, 0) &* W
                    let orow = o + y &* W
                    for x in 0..<W {
                        orow[x] = acc[x] * norm
                        acc[x] += add[x] - sub[x]
                    }
                }
            }
        }
        return out
    }
}

/// 256-bin histogram helpers.
struct Histogram {
    var bins = [Int](repeating: 0, count: 256)
    var count = 0

    mutating func add(_ v: UInt8) { bins[Int(v)] += 1; count += 1 }

    init() {}

    /// Histogram of a whole buffer (counts accumulated through a raw buffer).
    init(_ pixels: UnsafeBufferPointer<UInt8>) {
        bins.withUnsafeMutableBufferPointer { b in for v in pixels { b[Int(v)] &+= 1 } }
        count = pixels.count
    }

    /// The smallest value v with at least fraction q of the samples ≤ v.
    func percentile(_ q: Double) -> Int {
        guard count > 0 else { return 0 }
        let target = max(1, Int((Double(count) * q).rounded(.up)))
        var acc = 0
        for (v, n) in bins.enumerated() {
            acc += n
            if acc >= target { return v }
        }
        return 255
    }

    var mean: Double {
        guard count > 0 else { return 0 }
        var s = 0
        for (v, n) in bins.enumerated() { s += v * n }
        return Double(s) / Double(count)
    }
}
