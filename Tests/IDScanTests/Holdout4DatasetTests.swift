import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout4` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, and every low-resolution card's at most 540 px.
@Test func holdout4PartShape() throws {
    let cases = IDScanSyntheticDataset.cases(part: .holdout4, scale: 1)
    #expect(cases.count == 87)
    #expect(cases.filter { $0.expected == nil }.count == 36)
    #expect(Set(cases.map(\.name)).count == cases.count)
    #expect(cases.allSatisfy { $0.name.hasPrefix("holdout4-") })

    // Deterministic: the same bytes twice (a JPEG photo and a PNG photo).
    for name in ["holdout4-good-photo-0", "holdout4-good-photo-5"] {
        let c = try #require(cases.first { $0.name == name })
        let a = try c.data(), b = try IDScanSyntheticDataset.cases(part: .holdout4, scale: 1).first { $0.name == name }.map { try $0.data() }
        #expect(a == b, "\(name)")
    }

    func length(_ a: IDScanPoint, _ b: IDScanPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
    /// The card's long side by the policy's measure: the mean of the far (top) and near (bottom)
    /// edges (corners: top-left, top-right, bottom-right, bottom-left).
    func longSide(_ s: IDScanSyntheticScene) -> Double {
        let c = IDScanSyntheticCard.cardCorners(s)
        return (length(c[0], c[1]) + length(c[3], c[2])) / 2
    }
    // The low-resolution images are clearly so: the card well under the policy's 600 px.
    for c in cases where c.expected == .lowResolution {
        #expect(longSide(c.scene) <= 540, "\(c.name): card long side \(longSide(c.scene)) px")
    }

    let photos = cases.filter { $0.name.hasPrefix("holdout4-good-photo-") }
    #expect(photos.count == 18)
    for c in photos {
        let s = c.scene
        let corners = IDScanSyntheticCard.cardCorners(s)
        let W = Double(s.width), H = Double(s.height)
        #expect(corners.allSatisfy { $0.x >= 0 && $0.x <= W && $0.y >= 0 && $0.y <= H }, "\(c.name): card not fully inside")
        let long = longSide(s)
        #expect(long >= 620, "\(c.name): card long side \(long) px")
    }
    // Portrait frames as well as landscape ones, and the part's own backgrounds only.
    #expect(photos.contains { $0.scene.height > $0.scene.width })
    #expect(photos.contains { $0.scene.width > $0.scene.height })
    let own: Set<IDScanSyntheticScene.Background> = [.terrazzo, .spreadsheet, .doily, .crumpledPaper, .whiteboard,
                                                     .basketWeave, .birchPly, .cuttingMat, .walnut, .openLid]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
}
