import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout5` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, and every low-resolution card well under 600 px.
@Test func holdout5PartShape() throws {
    let cases = IDScanSyntheticDataset.cases(part: .holdout5, scale: 1)
    #expect(cases.count == 87)
    #expect(cases.filter { $0.expected == nil }.count == 36)
    #expect(Set(cases.map(\.name)).count == cases.count)
    #expect(cases.allSatisfy { $0.name.hasPrefix("holdout5-") })

    // Deterministic: the same bytes twice (a JPEG photo and a PNG photo).
    for name in ["holdout5-good-photo-0", "holdout5-good-photo-5"] {
        let c = try #require(cases.first { $0.name == name })
        let a = try c.data(), b = try IDScanSyntheticDataset.cases(part: .holdout5, scale: 1).first { $0.name == name }.map { try $0.data() }
        #expect(a == b, "\(name)")
    }

    func length(_ a: IDScanPoint, _ b: IDScanPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
    // Corners: top-left, top-right, bottom-right, bottom-left; the long side is the mean of the
    // far (top) and near (bottom) edges.
    func longSide(_ s: IDScanSyntheticScene) -> Double {
        let c = IDScanSyntheticCard.cardCorners(s)
        return (length(c[0], c[1]) + length(c[3], c[2])) / 2
    }
    let photos = cases.filter { $0.name.hasPrefix("holdout5-good-photo-") }
    #expect(photos.count == 18)
    for c in photos {
        let s = c.scene
        let corners = IDScanSyntheticCard.cardCorners(s)
        let W = Double(s.width), H = Double(s.height)
        #expect(corners.allSatisfy { $0.x >= 0 && $0.x <= W && $0.y >= 0 && $0.y <= H }, "\(c.name): card not fully inside")
        #expect(longSide(s) >= 620, "\(c.name): card long side \(longSide(s)) px")
    }
    // Square, portrait and landscape frames; each of the new kinds of light at least once.
    #expect(photos.contains { $0.scene.height == $0.scene.width })
    #expect(photos.contains { $0.scene.height > $0.scene.width })
    #expect(photos.contains { $0.scene.width > $0.scene.height })
    #expect(photos.contains { $0.scene.twoLamps != nil })
    #expect(photos.contains { $0.scene.sheen != nil })
    #expect(photos.contains { $0.scene.focusFalloff != nil })
    #expect(photos.contains { $0.scene.fluorescentCast > 0 })
    // The part's own backgrounds only, and none of another part's.
    let own: Set<IDScanSyntheticScene.Background> = [.magazinePage, .notebookPage, .oakPlanks, .mosaicTiles, .stripedSheet,
                                                     .quartz, .mousePad, .redLacquer, .sofaFabric, .dottedLid]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)

    // Low resolution: the card, after the downscale, well under the policy's 600 px (≤ 540).
    for c in cases where c.expected == .lowResolution {
        let long = longSide(c.scene)   // cardCorners is already in the downscaled image's pixels
        #expect(long <= 540, "\(c.name): low-resolution card long side \(long) px")
    }
    // Blur scaled with the card's size: σ at least 3.5 px per 620 px of card.
    for c in cases where c.expected == .blurry && c.scene.motionBlur <= 1 {
        #expect(c.scene.gaussianBlur >= 3.5 * max(1, longSide(c.scene) / 620) * 0.95, "\(c.name): σ \(c.scene.gaussianBlur)")
    }
}
