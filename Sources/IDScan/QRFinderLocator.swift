/// The QR code on a cédula's back, located by its three finder patterns (the 7 × 7-module
/// squares in three of its corners: dark, light, dark core, in the proportions 1 : 1 : 3 : 1 : 1
/// along any line through their centre), without decoding it. A QR is printed square to the card,
/// so its square gives the card's orientation and a part of the card to grow from
/// (``EdgeQuadFinder/seed``) when the card's outline is faint on a light, busy surface.
///
/// 1. dark/light by the local mean (a 31 px box, less 8 levels: a light card under a lamp
///    gradient still reads);
/// 2. every row scanned for runs dark, light, dark, light, dark at 1 : 1 : 3 : 1 : 1 (the inner
///    light runs within half a module, the core within one, the outer dark runs at least half a
///    module: data modules may touch the finder), confirmed by the same pattern along the column
///    through its centre;
/// 3. confirmed centres clustered (within half a finder), a cluster needing two rows;
/// 4. three clusters of similar finder size (± 30 %) at the corners of an isosceles right
///    triangle (legs within 15 % of each other, the right angle within 12°), legs at least 2.5
///    finder sizes long (a QR has ≥ 21 modules): the QR's square, its fourth corner completing
///    the parallelogram, widened by half a finder on every side.
struct QRFinderLocator: Sendable {
    /// The QR's square in `image`'s pixels, or nil.
    func find(_ image: GrayImage) -> Quad? {
        let W = image.width, H = image.height
        guard let dark = image.darkByLocalMean() else { return nil }

        /// Whether runs r[0…4] (dark, light, dark, light, dark) are 1 : 1 : 3 : 1 : 1.
        /// The module is measured on the inner three runs; the outer dark runs need only be at least
        /// half a module (a QR's data modules may touch a finder where a printer drops the
        /// separator). Returns the finder's size (7 modules) or nil.
        func finderRatio(_ r: [Int]) -> Int? {
            let inner = r[1] + r[2] + r[3]
            guard inner >= 5 else { return nil }
            let m = Double(inner) / 5
            guard abs(Double(r[1]) - m) <= m * 0.5, abs(Double(r[2]) - 3 * m) <= m, abs(Double(r[3]) - m) <= m * 0.5,
                  Double(r[0]) >= 0.5 * m, Double(r[4]) >= 0.5 * m else { return nil }
            return Int((7 * m).rounded())
        }
        /// The pattern along the column through (x, y): its centre row and size, or nil.
        func vertical(_ x: Int, _ y: Int, _ size: Int) -> (y: Double, size: Int)? {
            guard x >= 0, x < W, y >= 0, y < H, dark[y * W + x] else { return nil }
            let limit = 2 * size
            var up = y, down = y
            while up > 0, y - up < limit, dark[(up - 1) * W + x] { up -= 1 }
            while down < H - 1, down - y < limit, dark[(down + 1) * W + x] { down += 1 }
            // Core = [up, down]; then light, dark outwards on each side.
            func runs(from start: Int, step: Int) -> (light: Int, dark: Int)? {
                var p = start, light = 0, d = 0
                while p >= 0, p < H, !dark[p * W + x], light < limit { light += 1; p += step }
                while p >= 0, p < H, dark[p * W + x], d < limit { d += 1; p += step }
                return light > 0 && d > 0 ? (light, d) : nil
            }
            guard let a = runs(from: up - 1, step: -1), let b = runs(from: down + 1, step: 1) else { return nil }
            let r = [a.dark, a.light, down - up + 1, b.light, b.dark]
            guard let total = finderRatio(r), Double(abs(total - size)) <= 0.4 * Double(size) else { return nil }
            return (Double(up + down) / 2, total)
        }
        var hits: [(x: Double, y: Double, size: Double)] = []
        // At most 2,000 confirmed hits (a QR gives a few dozen): a picture made of finder-like
        // patterns costs a bounded time.
        rows: for y in 0..<H {
            var runs: [(start: Int, length: Int, dark: Bool)] = []
            var x = 0
            while x < W {
                let d = dark[y * W + x]
                var e = x
                while e < W, dark[y * W + e] == d { e += 1 }
                runs.append((x, e - x, d))
                x = e
            }
            guard runs.count >= 5 else { continue }
            for k in 0...(runs.count - 5) where runs[k].dark {
                let r = (0..<5).map { runs[k + $0].length }
                guard let total = finderRatio(r) else { continue }
                let cx = runs[k + 2].start + runs[k + 2].length / 2
                guard let v = vertical(cx, y, total) else { continue }
                hits.append((Double(cx), v.y, Double(total + v.size) / 2))
                if hits.count >= 2000 { break rows }
            }
        }
        guard hits.count >= 6 else { return nil }
        // Clusters of confirmed centres.
        var clusters: [(x: Double, y: Double, size: Double, count: Int)] = []
        for h in hits {
            if let k = clusters.firstIndex(where: { abs($0.x - h.x) <= $0.size / 2 && abs($0.y - h.y) <= $0.size / 2 }) {
                let c = clusters[k], m = Double(c.count)
                clusters[k] = ((c.x * m + h.x) / (m + 1), (c.y * m + h.y) / (m + 1), (c.size * m + h.size) / (m + 1), c.count + 1)
            } else {
                clusters.append((h.x, h.y, h.size, 1))
            }
        }
        let finders = clusters.filter { $0.count >= 2 }.sorted { $0.count > $1.count }.prefix(12)
        guard finders.count >= 3 else { return nil }
        let f = Array(finders)
        var best: (quad: Quad, score: Int)?
        for a in 0..<f.count {
            for b in 0..<f.count where b != a {
                for c in (b + 1)..<f.count where c != a {
                    let sizes = [f[a].size, f[b].size, f[c].size]
                    guard let lo = sizes.min(), let hi = sizes.max(), hi <= 1.3 * lo else { continue }
                    let size = (sizes[0] + sizes[1] + sizes[2]) / 3
                    let A = Vec2(x: f[a].x, y: f[a].y), B = Vec2(x: f[b].x, y: f[b].y), C = Vec2(x: f[c].x, y: f[c].y)
                    let ab = B - A, ac = C - A
                    let lab = ab.length, lac = ac.length
                    guard lab >= 2.5 * size, lac >= 2.5 * size, max(lab, lac) <= 1.15 * min(lab, lac) else { continue }
                    let cosAngle = ab.dot(ac) / (lab * lac)
                    guard abs(cosAngle) <= 0.21 else { continue }   // 90° ± 12°
                    let D = B + C - A
                    let centre = (A + D) * 0.5
                    // Widen by half a finder: the finder centres are 3.5 modules in from the QR's edge.
                    let corners = [A, B, D, C].map { p -> Vec2 in
                        let d = p - centre, l = max(d.length, 1e-9)
                        return p + d * (0.5 * size * 1.414 / l)
                    }
                    guard corners.allSatisfy({ $0.x >= 0 && $0.y >= 0 && $0.x <= Double(W) && $0.y <= Double(H) }) else { continue }
                    let score = f[a].count + f[b].count + f[c].count
                    if score > (best?.score ?? 0) { best = (Quad.ordered(corners), score) }
                }
            }
        }
        return best?.quad
    }
}
