import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout4` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, and every low-resolution card's at most 540 px.
@Test func holdout4PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout4, margin: 0, blurScaled: true)
    // Portrait frames as well as landscape ones, and the part's own backgrounds only.
    #expect(photos.contains { $0.scene.height > $0.scene.width })
    #expect(photos.contains { $0.scene.width > $0.scene.height })
    let own: Set<IDScanSyntheticScene.Background> = [.terrazzo, .spreadsheet, .doily, .crumpledPaper, .whiteboard,
                                                     .basketWeave, .birchPly, .cuttingMat, .walnut, .openLid]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
}
