import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout15` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, each kind of light and pose present (mixed light, the phone's soft
/// shadow, a thumb over a short edge, a clear plastic sleeve), the shadow's card above the
/// policy's dark limit, the thumb over one short edge only (3–7 % of the card's width, the print,
/// the other edges and the corners clear), the sleeve's sheen under 245, the greyscale scan
/// (2480 × 3508, the card anywhere inside, R = G = B, the lid at luma 205–225, the card's mean
/// under 235), its own backgrounds only, every low-resolution card well under 600 px, and blur
/// scaled with the card.
@Test func holdout15PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout15, margin: 0.03, blurScaled: true)
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["4000x3000", "3000x4000", "1600x1200", "1200x1600"])
    let index = HeldOutPartShape.index
    func newLook(_ s: IDScanSyntheticScene) -> [Bool] { [s.tungstenDaylight != nil, s.phoneShade != nil, s.thumb != nil, s.photoSleeve != nil] }
    // Each of the kinds (and plain photos) at least once, one kind per photo by its index.
    HeldOutPartShape.checkCycle(photos, newLook: newLook)
    let policy = IDScanPolicy()
    for c in photos {
        let s = c.scene, o = IDScanSyntheticCard.outputSize(s)
        #expect(abs(s.rotationDegrees) <= 15, "\(c.name): rotation \(s.rotationDegrees)")
        #expect(s.perspective <= 0.12, "\(c.name)")
        #expect(o.width == s.width && o.height == s.height, "\(c.name)")
        #expect(s.greyscaleScan == nil, "\(c.name)")
        if let m = s.tungstenDaylight { #expect(m.strength >= 0.08 && m.strength <= 0.14, "\(c.name): \(m)") }
        if let ps = s.phoneShade {
            #expect(ps.strength >= 0.25 && ps.strength <= 0.4, "\(c.name): \(ps)")
            let f = IDScanSyntheticCard.holdout13PhoneShadeCardFraction(s)
            #expect(f >= 0.15 && f <= 0.35, "\(c.name): the shadow covers \(f) of the card")
        }
        if s.thumb != nil {
            let t = IDScanSyntheticCard.holdout15ThumbCheck(s)
            #expect(t.shortEdge && t.othersFree && t.clear, "\(c.name): \(t)")
            #expect(t.reach >= 0.03 && t.reach <= 0.07, "\(c.name): the thumb reaches \(t.reach) of the card's width")
        }
        if let sl = s.photoSleeve {
            #expect(sl.haze >= 0.08 && sl.haze <= 0.12 && sl.black >= 20 && sl.black <= 30, "\(c.name): \(sl)")
            #expect(sl.sheen >= 15 && sl.sheen <= 25 && sl.marginMM >= 2 && sl.marginMM <= 4, "\(c.name): \(sl)")
        }
    }
    // Rendered (the smallest frames, the older noise off): the shadowed card's mean luma above the
    // policy's dark limit; the sleeve's card under 245 everywhere, its sheen there (lighter than
    // the same card without the sleeve somewhere along the band).
    for c in photos where c.scene.width * c.scene.height < 4_000_000 {
        var s = c.scene; s.noise = 0
        if s.phoneShade != nil {
            let mean = HeldOutPartShape.cardMeanLuma(s)
            #expect(mean > policy.minMeanLuma + 10, "\(c.name): shadowed card's mean luma \(mean)")
        }
        if s.photoSleeve != nil {
            let r = IDScanSyntheticCard.render(s), q = IDScanSyntheticCard.cardCorners(s)
            var without = s; without.photoSleeve = nil
            let r0 = IDScanSyntheticCard.render(without)
            var top = 0, lifted = 0
            for y in 0..<r.height {
                for x in 0..<r.width {
                    let inside = (0..<4).allSatisfy { k in
                        let a = q[k], b = q[(k + 1) % 4]
                        return (b.x - a.x) * (Double(y) + 0.5 - a.y) - (b.y - a.y) * (Double(x) + 0.5 - a.x) >= 0
                    }
                    guard inside else { continue }
                    let i = (y * r.width + x) * 3
                    top = max(top, Int(r.pixels[i]), Int(r.pixels[i + 1]), Int(r.pixels[i + 2]))
                    if Int(r.pixels[i + 1]) - Int(r0.pixels[i + 1]) >= 12 { lifted += 1 }
                }
            }
            #expect(top < 245, "\(c.name): the sleeve's card reaches \(top)")
            #expect(lifted > 500, "\(c.name): \(lifted) card pixels lifted by the sheen")
        }
    }
    // The greyscale scan on every scan and tight scan; a scan the A4 glass at 300 dpi with the
    // card fully inside (3 % margin), turned ≤ 4°.
    for c in cases where c.name.contains("good-scan") || c.name.contains("good-tight") {
        let s = c.scene
        #expect(s.background == .greyscaleFlatbed, "\(c.name)")
        let g = try #require(s.greyscaleScan, "\(c.name)")
        #expect(g.gamma >= 0.86 && g.gamma <= 0.92, "\(c.name): \(g)")
        guard c.name.contains("good-scan") else { continue }
        #expect(s.width == 2480 && s.height == 3508, "\(c.name)")
        #expect(abs(s.rotationDegrees) <= 4, "\(c.name)")
        let q = IDScanSyntheticCard.cardCorners(s)
        #expect(q.allSatisfy { $0.x >= 0.03 * 2480 && $0.x <= 0.97 * 2480 && $0.y >= 0.03 * 3508 && $0.y <= 0.97 * 3508 }, "\(c.name): \(q)")
    }
    // Rendered (good-scan-0 and good-tight-0): grey (R = G = B), the card's mean under 235, the
    // lid at luma 205–225.
    for name in ["holdout15-good-scan-0", "holdout15-good-tight-0"] {
        let c = try #require(cases.first { $0.name == name })
        let r = IDScanSyntheticCard.render(c.scene)
        var grey = true
        for i in stride(from: 0, to: r.pixels.count, by: 3) where r.pixels[i] != r.pixels[i + 1] || r.pixels[i] != r.pixels[i + 2] { grey = false; break }
        #expect(grey, "\(name): not greyscale")
        let mean = HeldOutPartShape.cardMeanLuma(c.scene)
        #expect(mean < 235 && mean > policy.minMeanLuma + 10, "\(name): card mean \(mean)")
        guard name.contains("good-scan") else { continue }
        let q = IDScanSyntheticCard.cardCorners(c.scene)
        let xs = q.map(\.x), ys = q.map(\.y)
        var sum = 0.0, n = 0.0
        for y in stride(from: 20, to: r.height - 20, by: 16) {
            for x in stride(from: 20, to: r.width - 20, by: 16)
            where Double(x) < (xs.min() ?? 0) - 40 || Double(x) > (xs.max() ?? 0) + 40 || Double(y) < (ys.min() ?? 0) - 40 || Double(y) > (ys.max() ?? 0) + 40 {
                sum += Double(r.pixels[(y * r.width + x) * 3]); n += 1
            }
        }
        #expect(sum / n >= 205 && sum / n <= 225, "\(name): lid mean \(sum / n)")
    }
    // The part's own backgrounds only.
    let own: Set<IDScanSyntheticScene.Background> = [.sewingPattern, .medicineLeaflet, .jigsawPuzzle, .comicPage, .paintSwatches,
                                                     .orientedStrandBoard, .carbonFibre, .hessianSack, .courtFloor, .greyscaleFlatbed]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
    // Designs alternating, model2024 first.
    #expect(photos.first { index($0) == 0 }?.scene.design == .model2024)
    #expect(Set(photos.map(\.scene.design)).count == 2)
}
