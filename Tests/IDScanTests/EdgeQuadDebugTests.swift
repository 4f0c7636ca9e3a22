import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// Traces the straight-edge look on data-set images named in $IDSCAN_EDGE_DEBUG (comma-separated
/// case names) into $IDSCAN_EXPLORE: a tuning aid, reported as skipped in ordinary runs.
@Test(.enabled(if: ProcessInfo.processInfo.environment["IDSCAN_EDGE_DEBUG"] != nil, "tuning aid: set IDSCAN_EDGE_DEBUG=names"))
func edgeQuadDebug() throws {
    let env = ProcessInfo.processInfo.environment
    let names = Set((env["IDSCAN_EDGE_DEBUG"] ?? "").split(separator: ",").map(String.init))
    let dir = env["IDSCAN_EXPLORE"] ?? "/tmp/edge-debug"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let scale = Int(env["IDSCAN_EXPLORE_SCALE"] ?? "") ?? 1
    let cases = IDScanSyntheticDataset.Part.allCases.filter { $0 != .holdout15 }   // holdout15: never looked at while tuning (holdout14 tuned on after its one evaluation, 2026-12-02, session 12)
        .flatMap { IDScanSyntheticDataset.cases(part: $0, scale: scale) }.filter { names.contains($0.name) }
    for c in cases {
        let r = IDScanSyntheticCard.render(c.scene)
        var g = GrayImage(width: r.width, height: r.height)
        for i in 0..<(r.width * r.height) {
            let v = 0.299 * Double(r.pixels[3 * i]) + 0.587 * Double(r.pixels[3 * i + 1]) + 0.114 * Double(r.pixels[3 * i + 2])
            g.pixels[i] = UInt8(clamping: Int(v.rounded()))
        }
        let lines = LockedLines()
        var det = g.boxDownscaled(by: 2)
        var minLong = 300.0
        // IDSCAN_EDGE_REAL: the checker's own detection image (the encoded file decoded as the
        // checker does) and its smallest card in that image's pixels.
        if env["IDSCAN_EDGE_REAL"] != nil {
            let data = try c.data()
            let checker = IDScanChecker()
            let stage = data.withUnsafeBytes { b in checker.decodeUpload(b, format: SniffedFormat.sniff(b), page: 0, maxPixels: 40_000_000) }
            if case let .decoded(decoded, _) = stage {
                let long = max(decoded.image.width, decoded.image.height)
                let f = max(1, (long + IDScanChecker.detectionLongSide - 1) / IDScanChecker.detectionLongSide)
                det = decoded.image.boxDownscaled(by: f)
                minLong = 600 / (decoded.scaleX * Double(decoded.image.width) / Double(det.width))
                lines.add("REAL det \(det.width)x\(det.height) minLong \(minLong)")
            }
        }
        // The detection image as PGM, for timing the look outside the debug build.
        var pgm = Data("P5 \(det.width) \(det.height) 255\n".utf8)
        pgm.append(contentsOf: det.pixels)
        try pgm.write(to: URL(fileURLWithPath: "\(dir)/\(c.name).pgm"))
        var finder = EdgeQuadFinder(policy: IDScanPolicy(), trace: { lines.add($0) }, plainSided: env["IDSCAN_EDGE_PLAIN"] != nil, textureVotes: env["IDSCAN_EDGE_PLAIN"] != nil)
        // IDSCAN_EDGE_SEED: trace the look grown from the small quad the other looks found.
        if env["IDSCAN_EDGE_PHOTOSEED"] != nil {
            // The 2013 front's photo box (from the generator's layout) as the seed.
            finder.seed = SeededLookTests.photoBox(c.scene)
            lines.add("SEED photo box \(EdgeQuadFinder.describe(SeededLookTests.photoBox(c.scene).p))")
        } else if env["IDSCAN_EDGE_QRSEED"] != nil, let qr = QRFinderLocator().find(det) {
            // IDSCAN_EDGE_QRSEED: trace the look grown from the back's QR code, as CardLocator does.
            lines.add("QRSEED \(EdgeQuadFinder.describe(qr.p))")
            finder.seed = qr
            finder.seedReach = 4.5
        } else if env["IDSCAN_EDGE_SEED"] != nil, case let .found(small, _) = CardLocator(policy: IDScanPolicy(), minLongSide: minLong).locate(det) {
            lines.add("SEED \(EdgeQuadFinder.describe(small.p))")
            finder.seed = small
        }
        let result = finder.find(det)
        if env["IDSCAN_RING_DEBUG"] != nil {
            let ring = MarginRingFinder(policy: IDScanPolicy(), dump: { w, h, label, barrier in
                var rgb = [UInt8](repeating: 0, count: w * h * 3)
                var counts: [Int32: Int] = [:]
                for l in label where l >= 0 { counts[l, default: 0] += 1 }
                for i in 0..<(w * h) where !barrier[i] {
                    let l = Int(label[i]), big = counts[label[i], default: 0] >= 200
                    rgb[3 * i] = big ? UInt8(truncatingIfNeeded: 60 + (l * 97) % 196) : 40
                    rgb[3 * i + 1] = big ? UInt8(truncatingIfNeeded: 60 + (l * 57) % 196) : 40
                    rgb[3 * i + 2] = big ? UInt8(truncatingIfNeeded: 60 + (l * 31) % 196) : 40
                }
                try? IDScanImageEncoder.png(pixels: rgb, width: w, height: h, components: 3).write(to: URL(fileURLWithPath: "\(dir)/\(c.name)-ring.png"))
            }).find(det)
            lines.add("RING \(String(describing: ring))")
        }
        var text = "TRUE " + IDScanSyntheticCard.cardCorners(c.scene).map { String(format: "(%.0f,%.0f)", $0.x / 2, $0.y / 2) }.joined() + "\n"
        text += lines.all.joined(separator: "\n")
        var rgb = [UInt8](repeating: 0, count: det.width * det.height * 3)
        for i in 0..<(det.width * det.height) { rgb[3 * i] = det.pixels[i]; rgb[3 * i + 1] = det.pixels[i]; rgb[3 * i + 2] = det.pixels[i] }
        if case let .found(q, _) = result {
            text += "\nFOUND \(q.p)"
            for k in 0..<4 {
                let a = q.p[k], b = q.p[(k + 1) % 4]
                for t in stride(from: 0.0, through: 1.0, by: 0.002) {
                    let x = Int(a.x + (b.x - a.x) * t), y = Int(a.y + (b.y - a.y) * t)
                    if x >= 0, y >= 0, x < det.width, y < det.height { rgb[3 * (y * det.width + x)] = 255; rgb[3 * (y * det.width + x) + 1] = 0; rgb[3 * (y * det.width + x) + 2] = 0 }
                }
            }
        } else { text += "\nNOT FOUND" }
        try text.write(toFile: "\(dir)/\(c.name)-edge.txt", atomically: true, encoding: .utf8)
        try IDScanImageEncoder.png(pixels: rgb, width: det.width, height: det.height, components: 3).write(to: URL(fileURLWithPath: "\(dir)/\(c.name)-edge.png"))
    }
}

final class LockedLines: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
