import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// The same good card at 1200, 2000 and 3000 px wide, rotated 0–5°, as JPEG and PNG: accepted
/// every time, with the card found where the generator put it.
@Test(.timeLimit(.minutes(30)))
func invarianceAcrossSizeRotationAndFormat() throws {
    struct Variant: Sendable { let width: Int; let rotation: Double; let png: Bool }
    let variants = [
        Variant(width: 1200, rotation: 0, png: false), Variant(width: 1200, rotation: 5, png: true),
        Variant(width: 2000, rotation: 2.5, png: false), Variant(width: 2000, rotation: 0, png: true),
        Variant(width: 3000, rotation: 5, png: false), Variant(width: 3000, rotation: 1.5, png: true),
        Variant(width: 1200, rotation: -4, png: false), Variant(width: 2000, rotation: -5, png: false),
    ]
    let outcomes = Outcomes(count: variants.count)
    let scenes = Scenes(count: variants.count)
    DispatchQueue.concurrentPerform(iterations: variants.count) { k in
        let v = variants[k]
        var s = SyntheticDataset.good(3, photo: true)
        s.width = v.width; s.height = v.width * 3 / 4
        s.rotationDegrees = v.rotation
        s.perspective = 0.03
        scenes.set(k, s)
        do {
            let data = v.png ? try IDScanSyntheticCard.png(s) : try IDScanSyntheticCard.jpeg(s, quality: 88)
            outcomes.set(k, .success(IDScanChecker().check(data)))
        } catch { outcomes.set(k, .failure(error)) }
    }
    var sharpness: [Double] = []
    for (k, v) in variants.enumerated() {
        let report = try outcomes.get(k).get()
        #expect(report.verdict == .accept, "\(v.width) px, \(v.rotation)°, \(v.png ? "PNG" : "JPEG"): \(report.codes)")
        #expect(report.imageSize == IDScanSize(width: v.width, height: v.width * 3 / 4))
        // Corners within 1.5% of the card width of the generator's truth.
        let truth = IDScanSyntheticCard.cardCorners(scenes.get(k))
        let corners = try #require(report.corners)
        let cardWidth = try #require(report.metrics.cardWidth)
        for t in truth {
            let nearest = corners.map { (($0.x - t.x) * ($0.x - t.x) + ($0.y - t.y) * ($0.y - t.y)).squareRoot() }.min() ?? .infinity
            #expect(nearest < cardWidth * 0.015, "corner off by \(nearest) px at \(v.width) px")
        }
        #expect(abs((report.metrics.tiltDegrees ?? 99) - v.rotation) < 1.5)
        sharpness.append(report.metrics.sharpness ?? 0)
    }
    // Resolution independence: the normalised sharpness stays within a factor 2.
    if let lo = sharpness.min(), let hi = sharpness.max() { #expect(hi / lo < 2, "sharpness \(sharpness)") }
}

final class Scenes: @unchecked Sendable {
    private var items: [IDScanSyntheticScene]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: IDScanSyntheticScene(), count: count) }
    func set(_ i: Int, _ s: IDScanSyntheticScene) { lock.lock(); items[i] = s; lock.unlock() }
    func get(_ i: Int) -> IDScanSyntheticScene { lock.lock(); defer { lock.unlock() }; return items[i] }
}
