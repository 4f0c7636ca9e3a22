import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout7` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, each new kind of light present (the phone's shadow over one corner
/// of the card and at most 35 % of it, the reflection band never clipping the card), its own
/// backgrounds only, every low-resolution card well under 600 px, and blur scaled with the card.
@Test func holdout7PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout7, margin: 0.03, blurScaled: true)
    // 4:3 portrait, 2:1, 3:2 and 1440 × 1080 frames; each of the new kinds of light at least once.
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["1500x2000", "2160x1080", "1800x1200", "1440x1080"])
    let tungsten = IDScanSyntheticScene.Tint(red: 1.0, green: 0.88, blue: 0.65)
    #expect(photos.contains { $0.scene.tint == tungsten })
    #expect(photos.contains { $0.scene.tint.map { $0.blue > 1 } ?? false })
    #expect(photos.contains { $0.scene.phoneShadow != nil })
    #expect(photos.contains { $0.scene.reflectionBand != nil })
    #expect(photos.contains { $0.scene.tint == nil && $0.scene.phoneShadow == nil && $0.scene.reflectionBand == nil })
    for c in photos {
        let s = c.scene
        // One kind of new light per photo.
        #expect([s.tint != nil, s.phoneShadow != nil, s.reflectionBand != nil].filter { $0 }.count <= 1, "\(c.name)")
        if let t = s.tint, t != tungsten {
            // Cool fluorescent: bluish, with corners 25–35 % darker.
            #expect(t.blue > 1 && t.red < 1 && s.vignette >= 0.25 && s.vignette <= 0.35, "\(c.name)")
        }
        if let p = s.phoneShadow {
            #expect(p.strength >= 0.15 && p.strength <= 0.3, "\(c.name)")
            // Over one corner of the card (that corner shaded), at most 35 % of the card's area.
            let fraction = IDScanSyntheticCard.phoneShadowCardFraction(s)
            #expect(fraction > 0.03 && fraction <= 0.35, "\(c.name): phone shadow over \(fraction) of the card")
            var shadowed = s; shadowed.noise = 0
            var plain = shadowed; plain.phoneShadow = nil
            let a = IDScanSyntheticCard.render(shadowed), b = IDScanSyntheticCard.render(plain)
            let q = IDScanSyntheticCard.cardCorners(s)
            let darkCorners = q.filter { p in
                // A point a little inside the card from the corner, towards the centre.
                let mx = q.map(\.x).reduce(0, +) / 4, my = q.map(\.y).reduce(0, +) / 4
                let x = Int(p.x + (mx - p.x) * 0.06), y = Int(p.y + (my - p.y) * 0.06), i = (y * a.width + x) * 3
                let la = Double(a.pixels[i]) + Double(a.pixels[i + 1]) + Double(a.pixels[i + 2])
                let lb = Double(b.pixels[i]) + Double(b.pixels[i + 1]) + Double(b.pixels[i + 2])
                return la < lb * 0.9
            }
            #expect(darkCorners.count == 1, "\(c.name): \(darkCorners.count) corners under the phone's shadow")
        }
        if let r = s.reflectionBand { #expect(r.lift >= 15 && r.lift <= 25, "\(c.name)") }
    }
    // The reflection band never clips the card: no more card pixels at 250+ than without it (noise off).
    for c in photos where c.scene.reflectionBand != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.reflectionBand = nil }
        #expect(n.with <= n.without, "\(c.name): the reflection band clips the card")
    }
    // The part's own backgrounds only, and none of another part's.
    let own: Set<IDScanSyntheticScene.Background> = [.graphPaper, .knitBlanket, .roadMap, .giftWrap, .bathroomTiles,
                                                     .glassHob, .bambooMat, .brushedSteel, .orangeTray, .dustyLid]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
}
