import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout6` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, each new kind of light present (and the fingertip never over the
/// print, the flash never clipping the card), and every low-resolution card well under 600 px.
@Test func holdout6PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout6, margin: 0.03, blurScaled: true)
    // 4:3 (both ways), 16:9 and 1280 × 960 frames; each of the new kinds of light at least once.
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["1600x1200", "1200x1600", "1920x1080", "1280x960"])
    #expect(photos.contains { $0.scene.blindStripes != nil })
    #expect(photos.contains { $0.scene.flashHotspot != nil })
    #expect(photos.contains { $0.scene.fingertip != nil })
    #expect(photos.contains { $0.scene.exposure < 1 })
    for c in photos {
        if let b = c.scene.blindStripes { #expect(b.strength >= 0.2 && b.strength <= 0.35, "\(c.name)") }
        if c.scene.exposure < 1 { #expect(c.scene.exposure >= 0.75 && c.scene.exposure <= 0.85 && c.scene.noise >= 3 && c.scene.noise <= 5, "\(c.name)") }
        // The fingertip over the card's outer margin only (the print starts 6 % in), and over it.
        if c.scene.fingertip != nil {
            let reach = IDScanSyntheticCard.fingertipReach(c.scene)
            #expect(reach > 0.005 && reach <= 0.06, "\(c.name): fingertip reach \(reach)")
        }
    }
    // The flash never clips the card: no more card pixels at 250+ than without it (noise off).
    for c in photos where c.scene.flashHotspot != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.flashHotspot = nil }
        #expect(n.with <= n.without, "\(c.name): the flash clips the card")
    }
    // The part's own backgrounds only, and none of another part's.
    let own: Set<IDScanSyntheticScene.Background> = [.invoicePage, .linenCloth, .kraftEnvelope, .polkaDotCloth, .greyLaminate,
                                                     .navyFelt, .terracottaTiles, .concreteSlab, .burgundyLeather, .streakLid]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
}
