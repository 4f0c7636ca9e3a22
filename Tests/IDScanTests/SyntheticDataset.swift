import Foundation
import IDScan
import DTEKitTestSupport

/// Single good scenes for the checker, invariance, hostile-file and CLI tests (the labelled,
/// split data set is `IDScanSyntheticDataset` in DTEKitTestSupport).
enum SyntheticDataset {
    typealias Rand = IDScanSyntheticDataset.Rand

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
}
