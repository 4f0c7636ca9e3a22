import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout13` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, each new kind of light and pose present (mixed tungsten and
/// daylight, a phone's portrait mode, the phone's soft shadow, a glossy surface's reflection),
/// the shadow covering 20–35 % of the card with the shadowed card's mean luma above the policy's
/// dark limit, the reflection staying outside the card's outline, the sheet-fed scanner's
/// streak and stretch, its own backgrounds only, every low-resolution card well under 600 px,
/// and blur scaled with the card.
@Test func holdout13PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout13, margin: 0.03, blurScaled: true)
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["4000x3000", "3000x4000", "1600x1200", "1200x1600"])
    let index = HeldOutPartShape.index
    func newLook(_ s: IDScanSyntheticScene) -> [Bool] { [s.tungstenDaylight != nil, s.portrait != nil, s.phoneShade != nil, s.reflection != nil] }
    // Each of the new kinds (and plain photos) at least once, one kind per photo by its index.
    HeldOutPartShape.checkCycle(photos, newLook: newLook)
    let policy = IDScanPolicy()
    for c in photos {
        let s = c.scene, o = IDScanSyntheticCard.outputSize(s)
        #expect(abs(s.rotationDegrees) <= 15, "\(c.name): rotation \(s.rotationDegrees)")
        #expect(s.perspective <= 0.12, "\(c.name)")
        #expect(o.width == s.width && o.height == s.height, "\(c.name)")
        if let m = s.tungstenDaylight { #expect(m.strength >= 0.08 && m.strength <= 0.14, "\(c.name): \(m)") }
        if let p = s.portrait {
            #expect(p.blur >= 0.008 && p.blur <= 0.012, "\(c.name): \(p)")
            #expect(p.halo >= 3 && p.halo <= 6 * max(1, Double(max(s.width, s.height)) / 2000), "\(c.name): \(p)")
        }
        if let ps = s.phoneShade {
            let f = IDScanSyntheticCard.holdout13PhoneShadeCardFraction(s)
            #expect(f >= 0.2 && f <= 0.35, "\(c.name): the phone's shadow covers \(f) of the card")
            #expect(ps.strength >= 0.25 && ps.strength <= 0.4, "\(c.name): \(ps)")
        }
        if let rf = s.reflection {
            #expect(rf.opacity >= 0.15 && rf.opacity <= 0.25, "\(c.name): \(rf)")
            // Nothing of the reflection on the card; some of it just below the near edge's middle.
            let onCard = IDScanSyntheticCard.cardCoverFraction(s) { IDScanSyntheticCard.holdout13ReflectionAlpha(s, $0, $1) }
            #expect(onCard == 0, "\(c.name): the reflection covers \(onCard) of the card")
            let q = IDScanSyntheticCard.cardCorners(s)
            let mx = (q[2].x + q[3].x) / 2, my = (q[2].y + q[3].y) / 2
            let ex = q[3].x - q[2].x, ey = q[3].y - q[2].y, len = (ex * ex + ey * ey).squareRoot()
            let a = IDScanSyntheticCard.holdout13ReflectionAlpha(s, mx + 3 * ey / len, my - 3 * ex / len)
            #expect(a > 0.1 && a <= 0.25, "\(c.name): reflection \(a) below the near edge")
        }
    }
    // The shadowed card stays legible: its mean luma above the policy's dark limit (rendered).
    for c in photos where c.scene.phoneShade != nil {
        let mean = cardMeanLuma(c.scene)
        #expect(mean > policy.minMeanLuma + 10, "\(c.name): shadowed card's mean luma \(mean)")
    }
    // Rendered: the reflection leaves the card's pixels untouched (the smallest frame, noise off).
    if let c = photos.filter({ $0.scene.reflection != nil }).min(by: { $0.scene.width * $0.scene.height < $1.scene.width * $1.scene.height }) {
        var with = c.scene; with.noise = 0
        var without = with; without.reflection = nil
        let a = IDScanSyntheticCard.render(with), b = IDScanSyntheticCard.render(without)
        let q = IDScanSyntheticCard.cardCorners(with)
        var changedOn = 0, changedBelow = 0
        for y in 0..<a.height {
            for x in 0..<a.width {
                let i = (y * a.width + x) * 3
                guard a.pixels[i] != b.pixels[i] || a.pixels[i + 1] != b.pixels[i + 1] || a.pixels[i + 2] != b.pixels[i + 2] else { continue }
                if inside(q, Double(x) + 0.5, Double(y) + 0.5, by: 1) { changedOn += 1 } else { changedBelow += 1 }
            }
        }
        #expect(changedOn == 0, "\(c.name): the reflection changed \(changedOn) card pixels")
        #expect(changedBelow > 1000, "\(c.name): the reflection changed only \(changedBelow) pixels")
    }
    // The sheet-fed scanner on every scan: a dark grey backing, skew ≤ 3°, a 1–2 % vertical
    // stretch, a streak of 1–3 px through the whole image.
    for c in cases where c.name.contains("good-scan") || c.name.contains("good-tight") {
        let s = c.scene
        #expect(s.background == .sheetFedScanner, "\(c.name)")
        #expect(abs(s.rotationDegrees) <= 3, "\(c.name)")
        let f = try #require(s.sheetFeed, "\(c.name)")
        #expect(f.stretch >= 0.01 && f.stretch <= 0.02, "\(c.name): \(f)")
        #expect(f.streakWidth >= 1 && f.streakWidth <= 3 && abs(f.streakDelta) >= 10, "\(c.name): \(f)")
        let q = IDScanSyntheticCard.cardCorners(s)
        let h = (hypot(q[3].x - q[0].x, q[3].y - q[0].y) + hypot(q[2].x - q[1].x, q[2].y - q[1].y)) / 2
        let w = (hypot(q[1].x - q[0].x, q[1].y - q[0].y) + hypot(q[2].x - q[3].x, q[2].y - q[3].y)) / 2
        let stretch = h / w / (53.98 / 85.60) - 1
        #expect(stretch >= 0.005 && stretch <= 0.025, "\(c.name): stretched \(stretch)")
        if c.name.hasSuffix("-0") {
            // Rendered: the streak's columns differ from the same scene without it in every row.
            var plain = s; plain.sheetFeed?.streakDelta = 0
            let a = IDScanSyntheticCard.render(s), b = IDScanSyntheticCard.render(plain)
            let x0 = Int(f.streakX * Double(a.width))
            var rows = 0
            for y in 0..<a.height where a.pixels[(y * a.width + x0) * 3 + 1] != b.pixels[(y * a.width + x0) * 3 + 1] { rows += 1 }
            #expect(Double(rows) >= 0.95 * Double(a.height), "\(c.name): the streak in \(rows) of \(a.height) rows")
            var elsewhere = 0
            for y in stride(from: 0, to: a.height, by: 7) {
                for x in 0..<a.width where (x < x0 || x >= x0 + f.streakWidth) && a.pixels[(y * a.width + x) * 3] != b.pixels[(y * a.width + x) * 3] {
                    elsewhere += 1
                }
            }
            #expect(elsewhere == 0, "\(c.name): \(elsewhere) pixels off the streak changed")
        }
    }
    // The part's own backgrounds only.
    let own: Set<IDScanSyntheticScene.Background> = [.photoAlbum, .restaurantMenu, .clipboardForm, .openPassport, .ironingBoard, .greenBaize,
                                                     .knottyPine, .blueEnamel, .speckledLinoleum, .sheetFedScanner]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
    // Designs alternating, model2013 first.
    #expect(photos.first { index($0) == 0 }?.scene.design == .model2013)
    #expect(Set(photos.map(\.scene.design)).count == 2)
}

/// Whether (x, y) is inside the quad (corners clockwise in image coordinates) by at least `by` px.
private func inside(_ q: [IDScanPoint], _ x: Double, _ y: Double, by margin: Double) -> Bool {
    (0..<4).allSatisfy { k in
        let a = q[k], b = q[(k + 1) % 4]
        let ex = b.x - a.x, ey = b.y - a.y, len = (ex * ex + ey * ey).squareRoot()
        return (ex * (y - a.y) - ey * (x - a.x)) / len >= margin
    }
}

/// The card's mean luma (BT.601) in the rendered scene, over its pixels 2 px or more inside its outline.
private func cardMeanLuma(_ s: IDScanSyntheticScene) -> Double {
    let r = IDScanSyntheticCard.render(s), q = IDScanSyntheticCard.cardCorners(s)
    var sum = 0.0, n = 0.0
    for y in stride(from: 0, to: r.height, by: 2) {
        for x in stride(from: 0, to: r.width, by: 2) where inside(q, Double(x) + 0.5, Double(y) + 0.5, by: 2) {
            let i = (y * r.width + x) * 3
            sum += 0.299 * Double(r.pixels[i]) + 0.587 * Double(r.pixels[i + 1]) + 0.114 * Double(r.pixels[i + 2]); n += 1
        }
    }
    return n > 0 ? sum / n : 0
}
