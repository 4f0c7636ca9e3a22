// Small helpers the background painters of the later held-out parts (SyntheticBackgrounds6–10)
// share: each painter had its own copy. Pure arithmetic, so every image stays byte-identical.

extension IDScanSyntheticCard {
    /// `t` clamped to 0…1.
    static func clamp01(_ t: Double) -> Double { min(max(t, 0), 1) }

    /// Smoothstep of `t` clamped to 0…1 (0 below, 1 above, an S-curve between).
    static func smooth(_ t: Double) -> Double { let u = clamp01(t); return u * u * (3 - 2 * u) }

    /// The colour `w` of the way from `a` to `b`.
    static func mix(_ a: (Double, Double, Double), _ b: (Double, Double, Double), _ w: Double) -> (Double, Double, Double) {
        (a.0 + (b.0 - a.0) * w, a.1 + (b.1 - a.1) * w, a.2 + (b.2 - a.2) * w)
    }

    /// Each channel of `a` multiplied by `f`.
    static func times(_ a: (Double, Double, Double), _ f: Double) -> (Double, Double, Double) { (a.0 * f, a.1 * f, a.2 * f) }

    /// Position of `t` in its period `p`: (index, offset in 0..<p).
    static func cellOf(_ t: Double, _ p: Double) -> (Int, Double) {
        let k = (t / p).rounded(.down)
        return (Int(k), t - k * p)
    }
}
