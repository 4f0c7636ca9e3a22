import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout10` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its (rendered) frame with a long side (the policy's measure: the mean of the near
/// and far edges) of at least 620 px, after a messaging app's resizing too, each new kind of light
/// and pose present (the phone's HDR look, a wide lens's barrel distortion with the card
/// off-centre, mixed warm and cool light, a photo forwarded through a messaging app: 1600 px on
/// its long side at JPEG quality 70–80), the HDR look and the mixed light never clipping the card,
/// its own backgrounds only, every low-resolution card well under 600 px, and blur scaled with the
/// card.
@Test func holdout10PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout10, margin: 0.03, blurScaled: true)
    // 3:4 portrait, 20:9, 4:3 and 3:4 frames (before a messaging app's resizing).
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["1536x2048", "2400x1080", "1600x1200", "1200x1600"])
    func index(_ c: IDScanLabelledCase) -> Int { Int(c.name.split(separator: "-").last ?? "") ?? -1 }
    func quality(_ c: IDScanLabelledCase) -> Int? { if case let .jpeg(q) = c.encoding { return q } else { return nil } }
    func newLook(_ s: IDScanSyntheticScene) -> [Bool] { [s.hdrLook != nil, s.barrel != 0, s.mixedLight != nil, s.resizeLongSide != nil] }
    // Each of the new kinds (and plain photos) at least once.
    for k in 0..<4 { #expect(photos.contains { newLook($0.scene)[k] }, "kind \(k) missing") }
    #expect(photos.filter { $0.scene.resizeLongSide != nil }.count >= 3)
    #expect(photos.contains { !newLook($0.scene).contains(true) })
    for c in photos {
        let s = c.scene, o = IDScanSyntheticCard.outputSize(s)
        // One new kind per photo, by the photo's index.
        #expect(newLook(s).filter { $0 }.count <= 1, "\(c.name)")
        #expect(s.hdrLook != nil || s.barrel != 0 || s.mixedLight != nil || s.resizeLongSide != nil || index(c) % 5 == 0, "\(c.name)")
        #expect(abs(s.rotationDegrees) <= 15, "\(c.name): rotation \(s.rotationDegrees)")
        #expect(s.perspective <= 0.12, "\(c.name)")
        if let h = s.hdrLook {
            #expect(h.compression >= 0.12 && h.compression <= 0.18 && h.haloRadius == 40, "\(c.name): \(h)")
            #expect(h.sharpenRadius == 2 && h.sharpenAmount >= 0.4 && h.sharpenAmount <= 0.6, "\(c.name): \(h)")
        }
        if s.barrel != 0 {
            #expect(s.barrel >= 0.02 && s.barrel <= 0.05, "\(c.name): k1 \(s.barrel)")
            // Off-centre, so that the card's straight edges bow.
            let q = IDScanSyntheticCard.cardCorners(s)
            let mx = q.map(\.x).reduce(0, +) / 4 - Double(s.width) / 2, my = q.map(\.y).reduce(0, +) / 4 - Double(s.height) / 2
            #expect((mx * mx + my * my).squareRoot() >= 0.03 * Double(min(s.width, s.height)), "\(c.name): card at the centre")
        }
        if let m = s.mixedLight {
            #expect(m.warm.red > 1 && m.warm.blue < 1 && m.cool.red < 1 && m.cool.blue > 1, "\(c.name): \(m)")
        }
        // Only the forwarded photos changed their encoding, to quality 70–80 (the app's normal
        // output, to accept: not the blocking of quality 5–15), at 1600 px on the long side.
        if index(c) % 5 == 4 {
            let q = try #require(quality(c), "\(c.name): not a JPEG")
            #expect(q >= 70 && q <= 80, "\(c.name): quality \(q)")
            #expect(s.resizeLongSide == 1600 && max(s.width, s.height) > 1600 && max(o.width, o.height) == 1600, "\(c.name): \(o)")
            #expect(c.expected == nil && s.exposure == 1 && s.contrast == 1, "\(c.name)")
        } else {
            #expect(s.resizeLongSide == nil && o.width == s.width && o.height == s.height, "\(c.name)")
        }
    }
    // The forwarded photos really are 1600 px on their long side.
    for c in photos where c.scene.resizeLongSide != nil {
        let r = IDScanSyntheticCard.render(c.scene), o = IDScanSyntheticCard.outputSize(c.scene)
        #expect(r.width == o.width && r.height == o.height && max(r.width, r.height) == 1600, "\(c.name): \(r.width)x\(r.height)")
    }
    // The HDR look and the mixed light never clip the card.
    for c in photos where c.scene.hdrLook != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.hdrLook = nil }
        #expect(n.with <= n.without, "\(c.name): the HDR look clips the card")
    }
    for c in photos where c.scene.mixedLight != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.mixedLight = nil }
        #expect(n.with <= n.without, "\(c.name): the mixed light clips the card")
    }
    // The compression-artifacts images are still the blocking of quality 5–15.
    #expect(cases.filter { $0.expected == .compressionArtifacts }.allSatisfy { (quality($0) ?? 100) <= 15 })
    // The part's own backgrounds only, and none of another part's.
    let own: Set<IDScanSyntheticScene.Background> = [.thermalReceipts, .terryTowel, .laptopScreen, .herringboneTweed, .hexPennyTiles,
                                                     .lawnGrass, .chalkboard, .coirDoormat, .cardboardBox, .plasticSleeve]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
}
