/// Finds the card with several looks, cheapest first, so a picture the plain border flood cannot
/// read (a weak outline, a textured background, a scan cropped to the card) still gets its card:
///
/// 1. ``CardDetector`` as tuned for phone photos on a desk (most pictures stop here: no extra cost);
/// 2. the same flood on a 3× smoother image: fine background texture (fabric, stone, grain) no
///    longer stops the flood, the card's outline still does;
/// 3. a flood through tone (the border's side of an Otsu split): a light card on strong wood
///    grain or stone, whose texture stops any gradient flood;
/// 4. the flood with half the gradient threshold: a light card on a light scanner lid;
/// 5. a tight scan: the image itself has the ID-1 aspect and content all over it — the image is the card.
///
/// `cropped` is reported only when no look finds a whole card and the first look saw a large
/// region cut by the frame (the other looks split textured backgrounds into regions that touch
/// the frame, so their "cut region" means nothing).
struct CardLocator: Sendable {
    var policy: IDScanPolicy

    func locate(_ image: GrayImage) -> CardDetection {
        let first = CardDetector(policy: policy).detect(image)
        if case .found = first { return first }
        // The extra looks are less specific than the first: they must also see ID-1's shape
        // (1.586, ≥ 1.45 with perspective), not just any rectangle such as an A4 sheet (1.414).
        var strict = policy
        strict.minCardAspect = max(policy.minCardAspect, 1.45)
        strict.maxCardAspect = min(policy.maxCardAspect, 1.75)
        var looks = [CardDetector(policy: strict, smoothing: 3), CardDetector(policy: strict, toneSplit: true),
                     CardDetector(policy: strict, thresholdScale: 0.5)]
        var cropped: CardDetection? = nil
        if case .cropped = first { cropped = first }
        while !looks.isEmpty {
            let result = looks.removeFirst().detect(image)
            if case .found = result { return result }
        }
        if let tight = tightScan(image) { return tight }
        return cropped ?? first
    }

    /// Marks, in `barrier`, 0 for pixels on the border's side of the Otsu split of `smooth` and
    /// 1000 for the others (a flood through values < 0.5 then crosses the background only).
    static func toneBarrier(_ smooth: [Float], width W: Int, height H: Int, into barrier: inout [Float]) {
        let n = W * H
        guard n > 0, smooth.count >= n, barrier.count >= n else { return }
        var hist = [Double](repeating: 0, count: 256)
        for v in smooth.prefix(n) { hist[Int(min(max(v, 0), 255))] += 1 }
        // Otsu: the split maximising the between-class variance.
        let total = Double(n)
        let sumAll = hist.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
        var wB = 0.0, sumB = 0.0, best = -1.0, split = 128
        for t in 0..<256 {
            wB += hist[t]
            guard wB > 0 else { continue }
            let wF = total - wB
            if wF <= 0 { break }
            sumB += Double(t) * hist[t]
            let mB = sumB / wB, mF = (sumAll - sumB) / wF
            let between = wB * wF * (mB - mF) * (mB - mF)
            if between > best { best = between; split = t }
        }
        let cut = Float(split) + 0.5
        var above = 0, border = 0
        func count(_ i: Int) { border += 1; if smooth[i] > cut { above += 1 } }
        for x in 0..<W { count(x); count((H - 1) * W + x) }
        for y in 0..<H { count(y * W); count(y * W + W - 1) }
        let backgroundAbove = above * 2 > border
        for i in 0..<n { barrier[i] = (smooth[i] > cut) == backgroundAbove ? 0 : 1000 }
    }

    /// The whole image as the card, when its aspect is ID-1-like and content covers it (≥ 10 of
    /// 16 tiles with a luminance spread of at least 40 levels).
    func tightScan(_ image: GrayImage) -> CardDetection? {
        let W = image.width, H = image.height
        guard W >= 64, H >= 64, image.pixels.count >= W * H else { return nil }
        let aspect = Double(max(W, H)) / Double(min(W, H))
        guard aspect >= 1.45, aspect <= 1.75 else { return nil }
        var busy = 0
        image.pixels.withUnsafeBufferPointer { p in
            for ty in 0..<4 {
                for tx in 0..<4 {
                    var hist = Histogram()
                    let xa = tx * W / 4, xb = (tx + 1) * W / 4, ya = ty * H / 4, yb = (ty + 1) * H / 4
                    var y = ya
                    while y < yb {
                        var x = xa
                        while x < xb { hist.add(p[y * W + x]); x += 2 }
                        y += 2
                    }
                    if hist.percentile(0.95) - hist.percentile(0.05) >= 40 { busy += 1 }
                }
            }
        }
        guard busy >= 10 else { return nil }
        let inset = 0.005 * Double(max(W, H))
        let w = Double(W), h = Double(H)
        let quad = Quad.ordered([Vec2(x: inset, y: inset), Vec2(x: w - inset, y: inset),
                                 Vec2(x: w - inset, y: h - inset), Vec2(x: inset, y: h - inset)])
        return .found(quad, areaFraction: 1)
    }
}
