import Foundation
import IDScan

/// The labelled synthetic data set: fake cards in photo-like and scan-like scenes, degraded in
/// controlled ways. Labels are the one problem code each image must be rejected with (nil = accept).
struct LabelledCase: Sendable {
    enum Encoding: Sendable { case jpeg(Int), png }
    var name: String
    var scene: IDScanSyntheticScene
    var encoding: Encoding
    var expected: IDScanProblemCode?

    func data() throws -> Data {
        switch encoding {
        case let .jpeg(q): return try IDScanSyntheticCard.jpeg(scene, quality: q)
        case .png: return try IDScanSyntheticCard.png(scene)
        }
    }
}

enum SyntheticDataset {
    /// Deterministic pseudo-random numbers for scene parameters.
    struct Rand {
        var s: UInt64
        mutating func unit() -> Double {
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return Double(s >> 11) / Double(UInt64(1) << 53)
        }
        mutating func range(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }
    }

    /// A good capture: photo on a desk (slight rotation, perspective, shadow) or flatbed scan.
    static func good(_ i: Int, photo: Bool) -> IDScanSyntheticScene {
        var r = Rand(s: UInt64(i) &* 0x9E3779B97F4A7C15 &+ (photo ? 1 : 2))
        var s = IDScanSyntheticScene()
        s.seed = UInt64(i) + (photo ? 1000 : 2000)
        s.width = 1000; s.height = 750
        s.background = photo ? .desk : .white
        s.cardWidthFraction = photo ? r.range(0.66, 0.8) : r.range(0.66, 0.76)
        s.centerX = 0.5 + r.range(-0.04, 0.04)
        s.centerY = 0.5 + r.range(-0.04, 0.04)
        s.rotationDegrees = photo ? r.range(-8, 8) : r.range(-1, 1)
        s.perspective = photo ? r.range(0, 0.06) : 0
        s.shadow = photo ? r.range(0, 0.35) : 0
        s.noise = photo ? r.range(1, 3) : r.range(0, 1.5)
        return s
    }

    static func quality(_ i: Int) -> Int { 75 + (i * 7) % 21 }

    static func cases() -> [LabelledCase] {
        var out: [LabelledCase] = []
        func add(_ name: String, _ s: IDScanSyntheticScene, _ e: LabelledCase.Encoding, _ code: IDScanProblemCode?) {
            out.append(LabelledCase(name: name, scene: s, encoding: e, expected: code))
        }
        for i in 0..<36 { add("good-photo-\(i)", good(i, photo: true), i % 6 == 5 ? .png : .jpeg(quality(i)), nil) }
        for i in 0..<14 { add("good-scan-\(i)", good(i, photo: false), i % 4 == 3 ? .png : .jpeg(quality(i)), nil) }
        for i in 0..<10 {  // mild degradations that must still pass
            var s = good(100 + i, photo: i % 3 != 0)
            s.gaussianBlur = 0.6; s.noise = 5
            add("mild-\(i)", s, .jpeg(50 + i * 2), nil)
        }
        for i in 0..<14 {
            var s = good(200 + i, photo: i % 3 != 0)
            s.gaussianBlur = 3.5 + Double(i % 5) * 0.9
            add("blur-gauss-\(i)", s, .jpeg(quality(i)), .blurry)
        }
        for i in 0..<8 {
            var s = good(300 + i, photo: true)
            s.motionBlur = 14 + (i % 4) * 5; s.motionVertical = i % 2 == 1
            add("blur-motion-\(i)", s, .jpeg(quality(i)), .blurry)
        }
        for i in 0..<12 {
            var s = good(400 + i, photo: i % 3 != 0)
            if i % 2 == 0 { s.downscale = 2 } else { s.width = 700; s.height = 525; s.cardWidthFraction = 0.72 }
            add("lowres-\(i)", s, .jpeg(quality(i)), .lowResolution)
        }
        for i in 0..<10 {
            var s = good(500 + i, photo: i % 3 != 0)
            s.exposure = 0.2 + Double(i % 4) * 0.03
            add("dark-\(i)", s, .jpeg(quality(i)), .tooDark)
        }
        for i in 0..<10 {
            var s = good(600 + i, photo: i % 3 != 0)
            s.exposure = 1.45 + Double(i % 4) * 0.12; s.contrast = 0.8
            add("bright-\(i)", s, .jpeg(quality(i)), .overexposed)
        }
        for i in 0..<10 {
            var s = good(700 + i, photo: i % 3 != 0)
            s.contrast = 0.22 + Double(i % 4) * 0.03
            add("flat-\(i)", s, .jpeg(quality(i)), .lowContrast)
        }
        for i in 0..<12 {
            var s = good(800 + i, photo: i % 3 != 0)
            s.glareSpots = 1 + i % 3; s.glareAreaFraction = 0.025 + Double(i % 4) * 0.015
            add("glare-\(i)", s, .jpeg(quality(i)), .glare)
        }
        for i in 0..<12 {
            var s = good(900 + i, photo: i % 3 != 0)
            // 10–35% of the card outside the frame, on each side in turn.
            let halfW = 0.5 * s.cardWidthFraction
            let halfH = 0.5 * s.cardWidthFraction * Double(s.width) * 0.6306 / Double(s.height)
            let outside = 0.1 + 0.05 * Double(i % 6)      // fraction of the card beyond the edge
            switch i % 4 {
            case 0: s.centerX = 1 - halfW * (1 - 2 * outside)
            case 1: s.centerX = halfW * (1 - 2 * outside)
            case 2: s.centerY = 1 - halfH * (1 - 2 * outside)
            default: s.centerY = halfH * (1 - 2 * outside)
            }
            add("cropped-\(i)", s, .jpeg(quality(i)), .cropped)
        }
        for i in 0..<12 {
            var s = good(1000 + i, photo: i % 2 == 0)
            s.hasCard = false
            s.distractor = i % 3 == 0 ? .none : (i % 3 == 1 ? .disc : .pen)
            add("no-card-\(i)", s, .jpeg(quality(i)), .cardNotFound)
        }
        return out
    }
}
