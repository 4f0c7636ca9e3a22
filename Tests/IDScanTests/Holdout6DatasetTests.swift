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
    let cases = IDScanSyntheticDataset.cases(part: .holdout6, scale: 1)
    #expect(cases.count == 87)
    #expect(cases.filter { $0.expected == nil }.count == 36)
    #expect(Set(cases.map(\.name)).count == cases.count)
    #expect(cases.allSatisfy { $0.name.hasPrefix("holdout6-") })

    // Deterministic: the same bytes twice (a JPEG photo and a PNG photo).
    for name in ["holdout6-good-photo-0", "holdout6-good-photo-5"] {
        let c = try #require(cases.first { $0.name == name })
        let a = try c.data(), b = try IDScanSyntheticDataset.cases(part: .holdout6, scale: 1).first { $0.name == name }.map { try $0.data() }
        #expect(a == b, "\(name)")
    }

    func length(_ a: IDScanPoint, _ b: IDScanPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
    // Corners: top-left, top-right, bottom-right, bottom-left; the long side is the mean of the
    // far (top) and near (bottom) edges.
    func longSide(_ s: IDScanSyntheticScene) -> Double {
        let c = IDScanSyntheticCard.cardCorners(s)
        return (length(c[0], c[1]) + length(c[3], c[2])) / 2
    }
    let photos = cases.filter { $0.name.hasPrefix("holdout6-good-photo-") }
    #expect(photos.count == 18)
    for c in photos {
        let s = c.scene
        let corners = IDScanSyntheticCard.cardCorners(s)
        let W = Double(s.width), H = Double(s.height)
        #expect(corners.allSatisfy { $0.x >= 0.03 * W && $0.x <= 0.97 * W && $0.y >= 0.03 * H && $0.y <= 0.97 * H }, "\(c.name): card not fully inside")
        #expect(longSide(s) >= 620, "\(c.name): card long side \(longSide(s)) px")
    }
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
        var s = c.scene; s.noise = 0
        var plain = s; plain.flashHotspot = nil
        func clipped(_ s: IDScanSyntheticScene) -> Int {
            let r = IDScanSyntheticCard.render(s), q = IDScanSyntheticCard.cardCorners(s)
            func inside(_ x: Double, _ y: Double) -> Bool {
                (0..<4).allSatisfy { k in
                    let a = q[k], b = q[(k + 1) % 4]
                    return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) >= 0
                }
            }
            var n = 0
            for y in 0..<r.height {
                for x in 0..<r.width where inside(Double(x) + 0.5, Double(y) + 0.5) {
                    let i = (y * r.width + x) * 3
                    if r.pixels[i] >= 250 || r.pixels[i + 1] >= 250 || r.pixels[i + 2] >= 250 { n += 1 }
                }
            }
            return n
        }
        #expect(clipped(s) <= clipped(plain), "\(c.name): the flash clips the card")
    }
    // The part's own backgrounds only, and none of another part's.
    let own: Set<IDScanSyntheticScene.Background> = [.invoicePage, .linenCloth, .kraftEnvelope, .polkaDotCloth, .greyLaminate,
                                                     .navyFelt, .terracottaTiles, .concreteSlab, .burgundyLeather, .streakLid]
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
