import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout12` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its (rendered) frame with a long side (the policy's measure: the mean of the near
/// and far edges) of at least 620 px, each new kind of light and pose present (a dirty lens's
/// haze, the card held in a hand against a dark sweater, a low angle's strong perspective, a PNG
/// of the photo cropped by the user), the haze never clipping the card, the fingers covering at
/// most 3 % of the card and none of its print, the low angle's far edge 18–22 % shorter than the
/// near one, the user's crops PNG files with a 4–8 % margin around the card, the book scanner's
/// keystone ≤ 4 %, its own backgrounds only, every low-resolution card well under 600 px, and
/// blur scaled with the card.
@Test func holdout12PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout12, margin: 0.03, blurScaled: true)
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["2000x1500", "1500x2000", "2400x1350", "1350x2400"])
    let index = HeldOutPartShape.index
    func newLook(_ s: IDScanSyntheticScene) -> [Bool] { [s.haze != nil, s.hand != nil, s.perspective >= 0.18, s.userCrop != nil] }
    // Each of the new kinds (and plain photos) at least once, one kind per photo by its index.
    HeldOutPartShape.checkCycle(photos, newLook: newLook)
    for c in photos {
        let s = c.scene, o = IDScanSyntheticCard.outputSize(s)
        #expect(abs(s.rotationDegrees) <= 15, "\(c.name): rotation \(s.rotationDegrees)")
        if index(c) % 5 == 3 {
            // A low angle: the far (top) edge 18–22 % shorter than the near (bottom) one.
            let q = IDScanSyntheticCard.cardCorners(s)
            func length(_ a: IDScanPoint, _ b: IDScanPoint) -> Double {
                let dx = a.x - b.x, dy = a.y - b.y
                return (dx * dx + dy * dy).squareRoot()
            }
            let shorter = 1 - length(q[0], q[1]) / length(q[3], q[2])
            #expect(shorter >= 0.18 && shorter <= 0.22, "\(c.name): far edge \(shorter) shorter")
        } else {
            #expect(s.perspective <= 0.12, "\(c.name)")
        }
        if let h = s.haze {
            #expect(h.contrast == 0.85 && h.lift >= 18 && h.lift <= 28, "\(c.name): \(h)")
        }
        if s.hand != nil {
            let f = IDScanSyntheticCard.holdout12HandCardFraction(s)
            #expect(f > 0.003 && f <= 0.03, "\(c.name): the fingers cover \(f) of the card")
            #expect(IDScanSyntheticCard.holdout12HandClearOfContent(s), "\(c.name): the fingers cover the card's print")
        }
        if let uc = s.userCrop {
            // A PNG, the frame cut tightly around the card: 4–8 % of the crop on each side.
            #expect(c.encoding == .png, "\(c.name): not a PNG")
            #expect(o.width == uc.width && o.height == uc.height, "\(c.name)")
            let q = IDScanSyntheticCard.cardCorners(s), W = Double(uc.width), H = Double(uc.height)
            let xs = q.map(\.x), ys = q.map(\.y)
            let left: Double = (xs.min() ?? 0) / W, right: Double = 1 - (xs.max() ?? 0) / W
            let top: Double = (ys.min() ?? 0) / H, bottom: Double = 1 - (ys.max() ?? 0) / H
            let margins = [left, right, top, bottom]
            #expect(margins.allSatisfy { $0 >= 0.04 && $0 <= 0.08 }, "\(c.name): margins \(margins)")
            let data = try c.data()
            #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(c.name): not PNG bytes")
            let r = IDScanSyntheticCard.render(s)
            #expect(r.width == uc.width && r.height == uc.height, "\(c.name): \(r.width)x\(r.height)")
        } else {
            #expect(o.width == s.width && o.height == s.height, "\(c.name)")
        }
    }
    // The haze never clips the card.
    for c in photos where c.scene.haze != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.haze = nil }
        #expect(n.with <= n.without, "\(c.name): the haze clips the card")
    }
    // Bad images: no haze (it would mask their own light); the user's crop only on good photos.
    #expect(cases.filter { $0.expected != nil }.allSatisfy { $0.scene.haze == nil })
    #expect(cases.filter { !$0.name.hasPrefix("holdout12-good-photo-") }.allSatisfy { $0.scene.userCrop == nil })
    // The book scanner: two lamps, a keystone of at most 4 % (none on the tight scans).
    for c in cases where c.name.contains("good-scan") || c.name.contains("good-tight") {
        #expect(c.scene.background == .bookScanner, "\(c.name)")
        #expect(c.scene.bookLamps?.brighter == 0.15, "\(c.name)")
        #expect(c.scene.perspective <= 0.04, "\(c.name)")
    }
    // The part's own backgrounds only.
    let own: Set<IDScanSyntheticScene.Background> = [.pillPacks, .receiptBook, .linenNapkins, .cashNotes, .printerTray, .oliveWoodBoard,
                                                     .slateRoofTiles, .redBrickPavers, .jeansPocket, .bookScanner]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
    // Designs alternating, model2024 first.
    #expect(photos.first { index($0) == 0 }?.scene.design == .model2024)
    #expect(Set(photos.map(\.scene.design)).count == 2)
}
