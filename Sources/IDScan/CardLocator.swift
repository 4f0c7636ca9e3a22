/// Finds the card with several looks, cheapest first, so a picture the plain border flood cannot
/// read (a weak outline, a textured background, a scan cropped to the card) still gets its card:
///
/// 1. ``CardDetector`` as tuned for phone photos on a desk (most pictures stop here: no extra cost);
/// 2. the same flood on a 3× smoother image: fine background texture (fabric, stone, grain) no
///    longer stops the flood, the card's outline still does;
/// 3. a flood through tone (the border's side of an Otsu split): a light card on strong wood
///    grain or stone, whose texture stops any gradient flood;
/// 4. a flood through tones near the border's median (tolerance from the border's own spread):
///    a light card on a slightly darker lid or on blotchy stone;
/// 5. the flood with half the gradient threshold: a light card on a light scanner lid;
/// 6. a tight scan: the image itself has the ID-1 aspect and content all over it — the image is the card;
///    then the card by its colour (``ColourContrast``): the floods and the straight-edge look on the
///    picture's chroma distance from the background's colour, for a card of the background's grey
///    but not its hue;
/// 7. the card's outline as four straight edges (``EdgeQuadFinder``: a Hough line search, quads
///    from two pairs of parallel lines, edge support, sides that stop at the corners, content
///    inside): a light card on light stone or on printed paper, whose outline no flood separates;
/// 8. the card's content (text, photo, MRZ, codes) on a plain background: the cloud of edges clear
///    of the frame, closed into one region, whose minimum-area rectangle plus the card's printing
///    margin has the ID-1 shape (a light card on a light lid whose outline barely shows);
/// 9. then, when all of those failed: the straight-edge look with texture boundaries voting, the
///    card's plain printing margin (``MarginRingFinder``), the back's MRZ (``MRZLocator``, the
///    card placed around it by the ICAO TD1 geometry), and last a card grown from a too-small
///    quad or from the back's QR code (``QRFinderLocator``).
///
/// `cropped` is reported when no look finds a whole card and the first look saw a large region
/// cut by the frame (the other looks split textured backgrounds into regions that touch the
/// frame, so their "cut region" means nothing), or when the MRZ places the card partly beyond
/// the frame, or when a look's card has a side lying along the frame (the frame cutting a card:
/// its text block, a sleeve around it, is not the card). A region cut by the frame silences the
/// colour and QR looks, not the MRZ's.
///
/// A card found narrower than `minLongSide` (it would be rejected as `low-resolution`) may be a
/// card-shaped part of the card — its photo box, a block of print — whose own outline stopped a
/// look while the card's faint one did not: the later looks then run too, and a card they find
/// around it (all four corners inside, with 3 % slack; clearly larger) is taken instead. A card
/// found just under the limit (within 10 %) may be the card measured a little small: a later
/// look's card on the same corners, at or above the limit, is taken instead.
struct CardLocator: Sendable {
    var policy: IDScanPolicy
    /// The policy's smallest card long side in detection-image pixels (0: no second chance).
    var minLongSide: Double = 0

    /// - Parameter colour: the picture's chroma-distance image at `image`'s size
    ///   (``ColourContrast``), asked for only when the grey flood looks and the tight scan failed.
    func locate(_ image: GrayImage, colour: () -> GrayImage? = { nil }) -> CardDetection {
        var small: Quad?
        var smallResult: CardDetection?
        /// The result to return now, or nil to keep looking.
        var cutBySide: CardDetection? = nil
        // The back's MRZ, looked for at most once (see below).
        var mrzOnce: MRZLocator.Estimate?? = nil
        func settle(_ result: CardDetection, frameSide: Bool = false, provisional: Bool = false) -> CardDetection? {
            guard case let .found(q, fraction) = result else { return nil }
            // A side lying along the frame (both its ends within 2.5 % of the same edge) while the
            // opposite side lies well inside is the frame cutting a card, not the card's own edge: a part
            // of a cut card (its text block up to the photo, a sleeve around it) is not the card.
            // (A tight scan's sides are the frame by definition: `frameSide`.)
            // So is a corner on the frame (within 1 % of its short side): a card cut by the frame
            // merged with the background beside it into a card-shaped quad ends where the frame cuts it.
            if !frameSide, Self.sideAlongFrame(q, width: image.width, height: image.height)
                || Self.cornerOnFrame(q, width: image.width, height: image.height) {
                if cutBySide == nil { cutBySide = .cropped(areaFraction: fraction) }
                return nil
            }
            // A small quad elsewhere (another object, no part of this card) says nothing about it.
            if let inner = small, Self.fractionInside(inner, q) > 0 {
                // Inside with a little slack: the small quad may share a side with the card (the
                // card's left part, up to its photo), so its corners are pulled 3 % towards its centre.
                if q.longSide >= 1.3 * inner.longSide && Self.holds(q, inner) { return result }
                // A small quad just under the limit (within 10 %) may be the card itself, its outline
                // fitted a little inside (a corner cut off, a side tilted): another look's quad on the
                // same corners (each within 10 % of the long side) at or above the limit is the same
                // card measured better.
                // Unless the back's MRZ, when already read, places a clearly larger card around
                // both: then they are the same part of it (the card's side up to its QR code).
                if inner.longSide >= 0.9 * minLongSide, q.longSide >= minLongSide, Self.agree(q, inner, within: 0.1) {
                    if case let .some(.some(m)) = mrzOnce, m.card.longSide >= 1.3 * q.longSide, Self.fractionInside(q, m.card) >= 0.75 { return nil }
                    return result
                }
                return nil
            }
            if q.longSide >= minLongSide, !provisional { return result }
            if small == nil { small = q; smallResult = result }
            return nil
        }
        // The extra looks are less specific than the first: they must also see ID-1's shape
        // (1.586, ≥ 1.45 with perspective), not just any rectangle such as an A4 sheet (1.414).
        let strict = Self.strict(policy)
        let first = CardDetector(policy: policy).detect(image)
        // The first look accepts a wider range of shapes (a strong perspective). A quad outside
        // ID-1's own range may be a part of the card (its photo box, 1.3–1.45) whose outline the
        // flood stopped at: it is kept while the later looks run, and a card they find around it
        // (clearly larger) is taken instead; if none, it stands.
        var provisional = false
        if case let .found(q, _) = first { provisional = !q.hasAspect(in: strict.minCardAspect...strict.maxCardAspect) }
        if let done = settle(first, provisional: provisional) { return done }
        var looks = Self.extraFloods(strict)
        var cropped: CardDetection? = nil
        if case .cropped = first { cropped = first }
        while !looks.isEmpty {
            if let done = settle(looks.removeFirst().detect(image)) { return done }
        }
        if let tight = tightScan(image), let done = settle(tight, frameSide: true) { return done }
        // The card by its hue: the floods and the straight-edge look on the chroma-distance image.
        // A colour region is less specific than a grey outline (a block of a cutting mat's grid,
        // the part of a cut card beside its QR code): skipped when the first look saw a large
        // region cut by the frame, as for the QR and the MRZ; ID-1-shaped and of its own colour.
        if cropped == nil, let chroma = colour() {
            var done: CardDetection?
            forEachColourCandidate(chroma, grey: image, strict: strict) { done = settle($0); return done != nil }
            if let done { return done }
        }
        func mrz() -> MRZLocator.Estimate? {
            if let once = mrzOnce { return once }
            let found = MRZLocator().find(image)
            mrzOnce = .some(found)
            return found
        }
        // A card found by its outline or its content may be a part of the card — a glare or a
        // fold splitting its outline: a card placed by the back's MRZ that holds it (3 % slack)
        // and is clearly larger is the whole card.
        // Conversely, a card found around the MRZ's card and clearly larger (a sheet, a clipboard's
        // form the card lies on) is not the card: the MRZ's card is.
        func whole(_ result: CardDetection) -> CardDetection {
            guard case let .found(q, _) = result, let m = mrz() else { return result }
            let byMRZ = Self.detection(m.card, width: image.width, height: image.height)
            guard case let .found(card, _) = byMRZ else { return result }
            if card.longSide >= 1.3 * q.longSide {
                return Self.holds(card, q) ? byMRZ : result
            }
            return q.longSide >= 1.15 * card.longSide && Self.fractionInside(card, q) >= 0.85 ? byMRZ : result
        }
        // The straight-edge look with texture boundaries voting, run at most once.
        var texturedOnce: CardDetection?? = nil
        func textured() -> CardDetection? {
            if let once = texturedOnce { return once }
            let found = EdgeQuadFinder(policy: policy, plainSided: true, textureVotes: true).find(image)
            texturedOnce = .some(found)
            return found
        }
        if let edges = EdgeQuadFinder(policy: policy).find(image) {
            var card = whole(edges)
            // The straight-edge look may stop at a part's outline (the photo box and the print
            // beside it on a speckled floor): a card the textured look finds around most of it
            // (three quarters), clearly larger, is the whole card.
            if case let .found(q, _) = card, case let .found(e, _) = edges, q == e,
               let around = textured(), case let .found(t, _) = around, t.longSide >= 1.3 * q.longSide, Self.fractionInside(q, t) >= 0.75 {
                card = around
            }
            if let done = settle(card) { return done }
        }
        if let content = contentRegion(image), let done = settle(whole(content)) { return done }
        if let edges = textured(), let done = settle(whole(edges)) { return done }
        if let ring = MarginRingFinder(policy: policy).find(image), let done = settle(whole(ring)) { return done }
        // The card grown from the back's QR code (its finder patterns) by its edges, found at most
        // once: the MRZ look checks against it, and it is a look of its own after that.
        var qrGrownOnce: CardDetection?? = nil
        func qrGrown() -> CardDetection? {
            if let once = qrGrownOnce { return once }
            let grown = QRFinderLocator().find(image).flatMap { EdgeQuadFinder(policy: policy, seed: $0, seedReach: 4.5).find(image) }
            qrGrownOnce = .some(grown)
            return grown
        }
        // The back's MRZ: the card around it by the ICAO geometry (a corner beyond the frame: the
        // card is cut), before the looks that grow a card from a part of it (three lines of 30
        // characters are more specific than a grown outline). Unlike the colour and QR looks, it
        // runs even when the first look saw a large region cut by the frame (a shipping label, a
        // shadow, a card cut by the frame): the whole lines place the card by their own pitch, so
        // a cut card is still seen as cut — its MRZ lines are cut too (left, right, bottom), or
        // its top lies beyond the frame.
        if let mrz = mrz() {
            let byMRZ = Self.detection(mrz.card, width: image.width, height: image.height)
            // The ICAO geometry places the card within a few percent; the outline grown from the
            // back's QR code, when it agrees with it (every corner within 6 % of the card's long
            // side), is the card's own edge and is taken instead.
            if cropped == nil, case .found = byMRZ, let grown = qrGrown(), case let .found(g, _) = grown,
               Self.agree(g, mrz.card, within: 0.06), let done = settle(grown) { return done }
            if let done = settle(byMRZ) { return done }
            if case .cropped = byMRZ, small == nil { return byMRZ }
        }
        // A part of the card found, not the card: its sides moved outwards, parallel, to the card's.
        if let inner = small, let grown = EdgeQuadFinder(policy: policy, seed: inner).find(image), let done = settle(grown) { return done }
        // The back's QR code, by its finder patterns, grown to the card around it. When the first
        // look saw a large region cut by the frame (a cropped card's QR is there too), only a card
        // grown clear of the frame (every corner 3 % of the short side inside it) counts: the
        // region seen cut is then the floor's tiles or the sheet around it, not the card.
        if let grown = qrGrown(), cropped == nil || Self.clearOfFrame(grown, width: image.width, height: image.height),
           let done = settle(grown) { return done }
        return smallResult ?? cropped ?? cutBySide ?? first
    }

    /// Whether `outer` holds `inner`: each of `inner`'s corners, pulled 3 % towards its centre, inside `outer`.
    static func holds(_ outer: Quad, _ inner: Quad) -> Bool {
        let c = inner.p.reduce(Vec2(x: 0, y: 0), +) * 0.25
        return inner.p.allSatisfy { contains(outer, $0 + (c - $0) * 0.03) }
    }

    /// The fraction of `inner` lying inside `outer`, sampled on a 10 × 10 grid of `inner`'s own coordinates.
    static func fractionInside(_ inner: Quad, _ outer: Quad) -> Double {
        guard inner.p.count == 4 else { return 0 }
        var inside = 0
        for j in 0..<10 {
            for i in 0..<10 {
                let u = (Double(i) + 0.5) / 10, v = (Double(j) + 0.5) / 10
                let top = inner.p[0] + (inner.p[1] - inner.p[0]) * u, bottom = inner.p[3] + (inner.p[2] - inner.p[3]) * u
                if contains(outer, top + (bottom - top) * v) { inside += 1 }
            }
        }
        return Double(inside) / 100
    }

    /// Whether a found card's corners all lie at least 3 % of the image's shorter side inside the frame.
    static func clearOfFrame(_ result: CardDetection, width W: Int, height H: Int) -> Bool {
        guard case let .found(q, _) = result, q.p.count == 4 else { return false }
        let d = 0.03 * Double(min(W, H)), w = Double(W), h = Double(H)
        return q.p.allSatisfy { min($0.x, $0.y, w - $0.x, h - $0.y) >= d }
    }

    /// Whether a corner of `q` lies on the frame: within 1 % of the image's shorter side of an edge.
    static func cornerOnFrame(_ q: Quad, width W: Int, height H: Int) -> Bool {
        let d = 0.01 * Double(min(W, H)), w = Double(W), h = Double(H)
        return q.p.contains { min($0.x, $0.y, w - $0.x, h - $0.y) <= d }
    }

    /// Whether a side of `q` lies along the frame (both its ends within 2.5 % of the image's
    /// shorter side from the same edge) while the opposite side lies well inside (both its ends
    /// farther than 10 % from every edge): the frame cuts the card there. A card filling the
    /// frame (a tight scan, a close-up) is near the frame on the opposite side too.
    static func sideAlongFrame(_ q: Quad, width W: Int, height H: Int) -> Bool {
        guard q.p.count == 4 else { return false }
        let short = Double(min(W, H)), d = 0.025 * short, w = Double(W), h = Double(H)
        func along(_ k: Int) -> Bool {
            let a = q.p[k % 4], b = q.p[(k + 1) % 4]
            return (a.x <= d && b.x <= d) || (a.y <= d && b.y <= d) || (a.x >= w - d && b.x >= w - d) || (a.y >= h - d && b.y >= h - d)
        }
        func inside(_ k: Int) -> Bool {
            [q.p[k % 4], q.p[(k + 1) % 4]].allSatisfy { min($0.x, $0.y, w - $0.x, h - $0.y) > 0.1 * short }
        }
        return (0..<4).contains { along($0) && inside($0 + 2) }
    }

    /// Calls `body` with each card the colour look finds on the chroma-distance image, in order
    /// (the floods, then the straight-edge look), until `body` returns true. A card is passed on
    /// only when it has ID-1's shape within the policy's perspective (1.586 ± 8 %), its inside
    /// stands out from the background by colour, and the grey picture shows print inside it.
    func forEachColourCandidate(_ chroma: GrayImage, grey: GrayImage, strict: IDScanPolicy, _ body: (CardDetection) -> Bool) {
        var shaped = strict
        shaped.minCardAspect = max(strict.minCardAspect, 1.46)
        shaped.maxCardAspect = min(strict.maxCardAspect, 1.71)
        func ofItsOwnColour(_ result: CardDetection?) -> CardDetection? {
            guard let result, case let .found(q, _) = result, ColourContrast.standsOut(q, in: chroma),
                  ColourContrast.hasPrint(q, in: grey) else { return nil }
            return result
        }
        for look in [CardDetector(policy: shaped)] + Self.extraFloods(shaped) {
            if let found = ofItsOwnColour(look.detect(chroma)), body(found) { return }
        }
        if let found = ofItsOwnColour(EdgeQuadFinder(policy: shaped).find(chroma)) { _ = body(found) }
    }

    /// The policy the looks after the first use: ID-1's shape (≥ 1.45 with perspective, ≤ 1.75),
    /// not just any rectangle such as an A4 sheet (1.414).
    static func strict(_ policy: IDScanPolicy) -> IDScanPolicy {
        var strict = policy
        strict.minCardAspect = max(policy.minCardAspect, 1.45)
        strict.maxCardAspect = min(policy.maxCardAspect, 1.75)
        return strict
    }

    /// The floods after the first, in order: on a 3× smoother image, through tone, through tones
    /// near the border's median, with half the gradient threshold.
    static func extraFloods(_ strict: IDScanPolicy) -> [CardDetector] {
        [CardDetector(policy: strict, smoothing: 3), CardDetector(policy: strict, toneSplit: true),
         CardDetector(policy: strict, smoothing: 2, toneDistance: true),
         CardDetector(policy: strict, thresholdScale: 0.5)]
    }

    /// A quad estimated from the card's content: found when inside the frame (a corner at most 2 %
    /// of the short side beyond it), else cropped.
    static func detection(_ q: Quad, width W: Int, height H: Int) -> CardDetection {
        let slack = 0.02 * q.shortSide
        let inside = q.p.allSatisfy { $0.x >= -slack && $0.y >= -slack && $0.x <= Double(W) + slack && $0.y <= Double(H) + slack }
        let fraction = q.area / Double(max(W * H, 1))
        return inside ? .found(q, areaFraction: fraction) : .cropped(areaFraction: fraction)
    }

    /// Whether two quads are the same card: each corner of `a` within `fraction` of `b`'s long
    /// side of the nearest corner of `b`.
    static func agree(_ a: Quad, _ b: Quad, within fraction: Double) -> Bool {
        let limit = fraction * b.longSide
        return a.p.allSatisfy { p in b.p.contains { ($0 - p).length <= limit } }
    }

    /// Whether `p` lies inside the convex quad `q` (on its outline counts as inside).
    static func contains(_ q: Quad, _ p: Vec2) -> Bool {
        guard q.p.count == 4 else { return false }
        var sign = 0.0
        for k in 0..<4 {
            let a = q.p[k], b = q.p[(k + 1) % 4]
            let z = (b - a).cross(p - a)
            if z == 0 { continue }
            if sign == 0 { sign = z } else if (z > 0) != (sign > 0) { return false }
        }
        return true
    }

    /// Marks, in `barrier`, 0 for pixels on the border's side of the Otsu split of `smooth` and
    /// 1000 for the others (a flood through values < 0.5 then crosses the background only).
    ///
    /// `openRadius` > 0 opens the card's side of the split (erosion then dilation by a square of
    /// that radius): thin structures of the card's tone — the mortar joints of a brick wall, the
    /// gaps between floor boards, the lines of a pattern — then no longer join the card to the
    /// frame, while the card (hundreds of pixels across) keeps its outline.
    static func toneBarrier(_ smooth: [Float], width W: Int, height H: Int, into barrier: inout [Float], openRadius: Int = 0) {
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
        if openRadius > 0 { open(&barrier, width: W, height: H, radius: openRadius) }
    }

    /// Morphological opening of the pixels ≥ 0.5 in `mask` (set to 1000 / 0), by a square of
    /// `radius`, with two integral images (linear time whatever the radius).
    static func open(_ mask: inout [Float], width W: Int, height H: Int, radius r: Int) {
        let n = W * H
        guard r > 0, W > 2 * r + 1, H > 2 * r + 1, mask.count >= n else { return }
        let stride = W + 1
        /// Count of set pixels in the clamped square around each pixel, compared with `full`
        /// (erosion: all set) or with 0 (dilation: any set).
        func filter(_ set: [Bool], all: Bool) -> [Bool] {
            var integral = [Int32](repeating: 0, count: (W + 1) * (H + 1))
            for y in 0..<H {
                var row: Int32 = 0
                for x in 0..<W {
                    if set[y * W + x] { row += 1 }
                    integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + row
                }
            }
            var out = [Bool](repeating: false, count: n)
            for y in 0..<H {
                let y0 = max(0, y - r), y1 = min(H, y + r + 1)
                for x in 0..<W {
                    let x0 = max(0, x - r), x1 = min(W, x + r + 1)
                    let count = integral[y1 * stride + x1] - integral[y0 * stride + x1] - integral[y1 * stride + x0] + integral[y0 * stride + x0]
                    out[y * W + x] = all ? Int(count) == (y1 - y0) * (x1 - x0) : count > 0
                }
            }
            return out
        }
        let set = (0..<n).map { mask[$0] >= 0.5 }
        let opened = filter(filter(set, all: true), all: false)
        for i in 0..<n { mask[i] = opened[i] ? 1000 : 0 }
    }

    /// The whole image as the card, when its aspect is ID-1's (1.53–1.65), content covers it (≥ 10 of 16
    /// tiles with a luminance spread of at least 40 levels) and a plain printing margin runs
    /// along the frame (``plainFrameStrip(_:)``).
    func tightScan(_ image: GrayImage) -> CardDetection? {
        let W = image.width, H = image.height
        guard W >= 64, H >= 64, image.pixels.count >= W * H else { return nil }
        // Cropped to the card, the image has the card's own aspect (ID-1: 1.586; a flatbed or a
        // scanning app leaves no perspective): a 3:2 photo frame (1.5) is not a card.
        let aspect = Double(max(W, H)) / Double(min(W, H))
        guard aspect >= 1.53, aspect <= 1.65 else { return nil }
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
        guard busy >= 10, Self.plainFrameStrip(image) else { return nil }
        let inset = 0.005 * Double(max(W, H))
        let w = Double(W), h = Double(H)
        let quad = Quad.ordered([Vec2(x: inset, y: inset), Vec2(x: w - inset, y: inset),
                                 Vec2(x: w - inset, y: h - inset), Vec2(x: inset, y: h - inset)])
        return .found(quad, areaFraction: 1)
    }

    /// Whether a card's plain printing margin runs along the frame: along each side (its middle
    /// 80 %), the strip 2.5–4.5 % of the short side in from the edge (clear of a scan's lid margin and the card's rim) has no strong step (a quarter
    /// of the image's p5–p95 spread, at least 24 levels) at ≥ 60 % of the points. A card's print
    /// stops a few millimetres from its edge; a photo of a page, a cloth or a wall cut out by the
    /// frame runs on to it (a busy 3:2 picture is not a tight scan of a card). A side whose steps
    /// all lie at one depth is a printed band's edge parallel to it (a header stripe), and plain.
    static func plainFrameStrip(_ image: GrayImage) -> Bool {
        let W = image.width, H = image.height
        guard W >= 64, H >= 64, image.pixels.count >= W * H else { return false }
        let hist = image.pixels.withUnsafeBufferPointer { Histogram($0) }
        let strong = max(24, (hist.percentile(0.95) - hist.percentile(0.05)) / 4)
        let short = Double(min(W, H))
        let d0 = max(1, Int(0.025 * short)), d1 = max(d0 + 2, Int(0.045 * short))
        return image.pixels.withUnsafeBufferPointer { p -> Bool in
            // side 0 top, 1 bottom (walk x, depth in y); 2 left, 3 right (walk y, depth in x).
            for side in 0..<4 {
                let length = side < 2 ? W : H
                var plain = 0, total = 0
                var stepDepths = [Int](repeating: 0, count: d1 - d0 + 1)
                var t = length / 10
                while t < length - length / 10 {
                    var lo = 255, hi = 0
                    var previous: Int? = nil, stepAt = 0, step = -1
                    for d in d0...d1 {
                        let x: Int, y: Int
                        switch side {
                        case 0: x = t; y = d
                        case 1: x = t; y = H - 1 - d
                        case 2: x = d; y = t
                        default: x = W - 1 - d; y = t
                        }
                        guard x >= 0, y >= 0, x < W, y < H else { continue }
                        let v = Int(p[y * W + x])
                        lo = min(lo, v); hi = max(hi, v)
                        if let previous, abs(v - previous) > step { step = abs(v - previous); stepAt = d - d0 }
                        previous = v
                    }
                    total += 1
                    if hi - lo < strong { plain += 1 } else { stepDepths[stepAt] += 1 }
                    t += 2
                }
                guard total > 0 else { return false }
                // A printed band's edge parallel to the side (the card's coloured header stripe) is
                // the card's print, not a scene cut by the frame: the steps at one depth (± 1).
                var banded = 0
                for k in 0..<stepDepths.count {
                    let window = stepDepths[max(k - 1, 0)...min(k + 1, stepDepths.count - 1)]
                    banded = max(banded, window.reduce(0, +))
                }
                let nonPlain = total - plain
                let parallel = nonPlain > 0 && Double(banded) >= 0.85 * Double(nonPlain)
                guard Double(plain) >= 0.6 * Double(total) || parallel else { return false }
            }
            return true
        }
    }

    /// Look 8: the card located by its printed content on a plain background.
    // Longer than the ~80-line rule (issue 14) by a few lines: one pass building the content mask
    // and its bounding region; kept whole for the same reason as the other looks.
    func contentRegion(_ image: GrayImage) -> CardDetection? {
        let W = image.width, H = image.height
        guard W >= 64, H >= 64, image.pixels.count >= W * H else { return nil }
        // Edge strength: max of |∂x|, |∂y| over 2 px, on 4 × 4 cells (the cell's strongest edge).
        let cell = 4
        let cw = W / cell, ch = H / cell
        guard cw >= 16, ch >= 16 else { return nil }
        var strength = [Int](repeating: 0, count: cw * ch)
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<(ch * cell - 2) {
                let row = y * W
                for x in 0..<(cw * cell - 2) {
                    let v = Int(p[row + x])
                    let g = max(abs(Int(p[row + x + 2]) - v), abs(Int(p[row + 2 * W + x]) - v))
                    let k = (y / cell) * cw + x / cell
                    if g > strength[k] { strength[k] = g }
                }
            }
        }
        // The background must be plain: its frame of cells (4 deep) nearly free of edges.
        var frame: [Int] = []
        for cy in 0..<ch { for cx in 0..<cw where cx < 4 || cy < 4 || cx >= cw - 4 || cy >= ch - 4 { frame.append(strength[cy * cw + cx]) } }
        frame.sort()
        let frameP90 = frame.isEmpty ? 0 : frame[frame.count * 9 / 10]
        let threshold = max(12, 3 * frameP90)
        guard frameP90 <= 8 else { return nil }
        var active = strength.map { $0 >= threshold ? UInt8(1) : 0 }
        // Close gaps between words and lines: dilate 3 cells (12 px at ≈ 800 px).
        let r = 3
        for _ in 0..<2 {   // separable: rows then columns
            var out = active
            for cy in 0..<ch { for cx in 0..<cw where active[cy * cw + cx] == 0 {
                for d in -r...r where cx + d >= 0 && cx + d < cw && active[cy * cw + cx + d] == 1 { out[cy * cw + cx] = 1; break }
            } }
            active = out
            out = active
            for cy in 0..<ch { for cx in 0..<cw where active[cy * cw + cx] == 0 {
                for d in -r...r where cy + d >= 0 && cy + d < ch && active[(cy + d) * cw + cx] == 1 { out[cy * cw + cx] = 1; break }
            } }
            active = out
        }
        // Largest connected region of active cells not touching the frame.
        var label = [Int32](repeating: 0, count: cw * ch)
        var best: [Int] = []
        var stack: [Int] = []
        var next: Int32 = 0
        for s0 in 0..<(cw * ch) where active[s0] == 1 && label[s0] == 0 {
            next += 1
            label[s0] = next
            stack = [s0]
            var members: [Int] = []
            var touches = false
            while let i = stack.popLast() {
                members.append(i)
                let x = i % cw, y = i / cw
                if x == 0 || y == 0 || x == cw - 1 || y == ch - 1 { touches = true }
                for j in [x > 0 ? i - 1 : -1, x < cw - 1 ? i + 1 : -1, y > 0 ? i - cw : -1, y < ch - 1 ? i + cw : -1]
                where j >= 0 && active[j] == 1 && label[j] == 0 {
                    label[j] = next; stack.append(j)
                }
            }
            if !touches, members.count > best.count { best = members }
        }
        guard Double(best.count) >= policy.minCardAreaFraction * Double(cw * ch) else { return nil }
        var points: [Vec2] = []
        for i in best {
            let x = Double(i % cw * cell), y = Double(i / cw * cell)
            points.append(Vec2(x: x, y: y)); points.append(Vec2(x: x + Double(cell), y: y + Double(cell)))
            points.append(Vec2(x: x + Double(cell), y: y)); points.append(Vec2(x: x, y: y + Double(cell)))
        }
        let hull = Geometry.convexHull(points)
        guard let rect = Geometry.minAreaRect(hull) else { return nil }
        let u = rect.u, v = Vec2(x: -u.y, y: u.x)
        let lenU = rect.maxU - rect.minU, lenV = rect.maxV - rect.minV
        guard lenU > 8, lenV > 8 else { return nil }
        // The dilation added r cells on every side; part of the printing margin (≈ 4% of the sides) is
        // added back, part of it is often the faint outline itself, already in the region.
        let grow = -Double(r * cell) + 0.015 * max(lenU, lenV)
        let quad = Quad.ordered([u * (rect.minU - grow) + v * (rect.minV - grow), u * (rect.maxU + grow) + v * (rect.minV - grow),
                                 u * (rect.maxU + grow) + v * (rect.maxV + grow), u * (rect.minU - grow) + v * (rect.maxV + grow)])
        let aspect = quad.aspect
        guard aspect >= max(policy.minCardAspect, 1.45), aspect <= min(policy.maxCardAspect, 1.75) else { return nil }
        // The region must fill its rectangle (a card is printed all over, scattered objects are not).
        let fill = Double(best.count * cell * cell) / max(quad.area, 1)
        guard fill > 0.7 else { return nil }
        for p in quad.p where p.x < 0 || p.y < 0 || p.x > Double(W) || p.y > Double(H) { return nil }
        return .found(quad, areaFraction: quad.area / Double(W * H))
    }
}
