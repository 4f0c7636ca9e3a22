import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout5` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, and every low-resolution card well under 600 px.
@Test func holdout5PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout5, margin: 0, blurScaled: true)
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
}
