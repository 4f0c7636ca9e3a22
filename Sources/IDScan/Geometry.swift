import Foundation

struct Vec2: Sendable, Equatable {
    var x: Double
    var y: Double
    static func + (a: Vec2, b: Vec2) -> Vec2 { Vec2(x: a.x + b.x, y: a.y + b.y) }
    static func - (a: Vec2, b: Vec2) -> Vec2 { Vec2(x: a.x - b.x, y: a.y - b.y) }
    static func * (a: Vec2, s: Double) -> Vec2 { Vec2(x: a.x * s, y: a.y * s) }
    func dot(_ b: Vec2) -> Double { x * b.x + y * b.y }
    func cross(_ b: Vec2) -> Double { x * b.y - y * b.x }
    var length: Double { (x * x + y * y).squareRoot() }
}

/// A card quadrilateral: corners in order top-left, top-right, bottom-right, bottom-left of the
/// card as read (p0→p1 is a long side), clockwise in image coordinates (y down).
struct Quad: Sendable, Equatable {
    var p: [Vec2]

    var area: Double {
        var a = 0.0
        for i in 0..<4 { a += p[i].cross(p[(i + 1) % 4]) }
        return abs(a) / 2
    }
    /// Mean of the two long sides and of the two short sides.
    var longSide: Double { (( p[1] - p[0]).length + (p[2] - p[3]).length) / 2 }
    var shortSide: Double { ((p[3] - p[0]).length + (p[2] - p[1]).length) / 2 }
    var aspect: Double { shortSide > 0 ? longSide / shortSide : 0 }
    /// Whether the card's shape is ID-1's within `range`: its aspect, or, when its long sides
    /// differ by more than 10 % (a keystone: one of them farther from the camera), the near side
    /// over the short sides. A keystone's mean width understates the card; its near side does not.
    func hasAspect(in range: ClosedRange<Double>) -> Bool {
        if range.contains(aspect) { return true }
        let a = (p[1] - p[0]).length, b = (p[2] - p[3]).length
        guard shortSide > 0, min(a, b) < 0.9 * max(a, b) else { return false }
        return range.contains(max(a, b) / shortSide)
    }
    /// Angle of the top long side to the horizontal, degrees (−90…90).
    var tiltDegrees: Double {
        let d = p[1] - p[0]
        return atan2(d.y, d.x) * 180 / .pi
    }
    func scaled(x sx: Double, y sy: Double) -> Quad { Quad(p: p.map { Vec2(x: $0.x * sx, y: $0.y * sy) }) }
    func translated(x dx: Double, y dy: Double) -> Quad { Quad(p: p.map { Vec2(x: $0.x + dx, y: $0.y + dy) }) }

    /// Orders four points clockwise (y down), starting so that p0→p1 is a long side and p0 is the
    /// upper-left of the two candidates.
    static func ordered(_ pts: [Vec2]) -> Quad {
        let c = pts.reduce(Vec2(x: 0, y: 0), +) * 0.25
        var sorted = pts.sorted { atan2($0.y - c.y, $0.x - c.x) < atan2($1.y - c.y, $1.x - c.x) }  // clockwise with y down
        let e0 = (sorted[1] - sorted[0]).length + (sorted[3] - sorted[2]).length
        let e1 = (sorted[2] - sorted[1]).length + (sorted[0] - sorted[3]).length
        if e1 > e0 { sorted = Array(sorted[1...]) + [sorted[0]] }
        // Two rotations keep p0→p1 long: pick the one whose p0 is more top-left.
        let alt = Array(sorted[2...]) + Array(sorted[..<2])
        if alt[0].x + alt[0].y < sorted[0].x + sorted[0].y { sorted = alt }
        return Quad(p: sorted)
    }
}

enum Geometry {
    /// Andrew's monotone chain; returns the hull counter-clockwise in math orientation.
    static func convexHull(_ points: [Vec2]) -> [Vec2] {
        let pts = points.sorted { $0.x == $1.x ? $0.y < $1.y : $0.x < $1.x }
        guard pts.count >= 3 else { return pts }
        var lower: [Vec2] = [], upper: [Vec2] = []
        for p in pts {
            while lower.count >= 2, (lower[lower.count - 1] - lower[lower.count - 2]).cross(p - lower[lower.count - 2]) <= 0 { lower.removeLast() }
            lower.append(p)
        }
        for p in pts.reversed() {
            while upper.count >= 2, (upper[upper.count - 1] - upper[upper.count - 2]).cross(p - upper[upper.count - 2]) <= 0 { upper.removeLast() }
            upper.append(p)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }

    /// Minimum-area enclosing rectangle of a convex hull: (unit direction u, ranges along u and its normal).
    static func minAreaRect(_ hull: [Vec2]) -> (u: Vec2, minU: Double, maxU: Double, minV: Double, maxV: Double)? {
        guard hull.count >= 3 else { return nil }
        var best: (u: Vec2, minU: Double, maxU: Double, minV: Double, maxV: Double)?
        var bestArea = Double.infinity
        for i in 0..<hull.count {
            let e = hull[(i + 1) % hull.count] - hull[i]
            let len = e.length
            guard len > 1e-9 else { continue }
            let u = e * (1 / len), v = Vec2(x: -u.y, y: u.x)
            var minU = Double.infinity, maxU = -Double.infinity, minV = Double.infinity, maxV = -Double.infinity
            for p in hull {
                let a = p.dot(u), b = p.dot(v)
                minU = min(minU, a); maxU = max(maxU, a); minV = min(minV, b); maxV = max(maxV, b)
            }
            let area = (maxU - minU) * (maxV - minV)
            if area < bestArea { bestArea = area; best = (u, minU, maxU, minV, maxV) }
        }
        return best
    }

    /// Total-least-squares line through points: (centroid, unit direction).
    static func fitLine(_ pts: [Vec2]) -> (c: Vec2, d: Vec2)? {
        guard pts.count >= 5 else { return nil }
        let n = Double(pts.count)
        let c = pts.reduce(Vec2(x: 0, y: 0), +) * (1 / n)
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for p in pts { let q = p - c; sxx += q.x * q.x; sxy += q.x * q.y; syy += q.y * q.y }
        let angle = 0.5 * atan2(2 * sxy, sxx - syy)
        return (c, Vec2(x: cos(angle), y: sin(angle)))
    }

    static func intersect(_ a: (c: Vec2, d: Vec2), _ b: (c: Vec2, d: Vec2)) -> Vec2? {
        let den = a.d.cross(b.d)
        guard abs(den) > 1e-6 else { return nil }
        let t = (b.c - a.c).cross(b.d) / den
        return a.c + a.d * t
    }

    /// The homography mapping (0,0),(w,0),(w,h),(0,h) onto the quad's corners, as 8 coefficients
    /// (h33 = 1), or nil when degenerate.
    static func homography(width w: Double, height h: Double, to q: Quad) -> [Double]? {
        homography(from: [Vec2(x: 0, y: 0), Vec2(x: w, y: 0), Vec2(x: w, y: h), Vec2(x: 0, y: h)], to: q.p)
    }

    /// The homography mapping four points onto four points (8 coefficients, h33 = 1).
    static func homography(from src: [Vec2], to dst: [Vec2]) -> [Double]? {
        guard src.count == 4, dst.count == 4 else { return nil }
        var m = [[Double]](repeating: [Double](repeating: 0, count: 9), count: 8)
        for i in 0..<4 {
            let (x, y) = (src[i].x, src[i].y)
            let (X, Y) = (dst[i].x, dst[i].y)
            m[2 * i] = [x, y, 1, 0, 0, 0, -x * X, -y * X, X]
            m[2 * i + 1] = [0, 0, 0, x, y, 1, -x * Y, -y * Y, Y]
        }
        // Gaussian elimination with partial pivoting.
        for col in 0..<8 {
            var pivot = col
            for r in col..<8 where abs(m[r][col]) > abs(m[pivot][col]) { pivot = r }
            guard abs(m[pivot][col]) > 1e-12 else { return nil }
            m.swapAt(col, pivot)
            for r in 0..<8 where r != col {
                let f = m[r][col] / m[col][col]
                if f != 0 { for k in col..<9 { m[r][k] -= f * m[col][k] } }
            }
        }
        return (0..<8).map { m[$0][8] / m[$0][$0] }
    }
}
