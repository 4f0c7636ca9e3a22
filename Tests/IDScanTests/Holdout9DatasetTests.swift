import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout9` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, each new kind of light present (a dim room with sensor noise, the
/// shadow bars of a window frame across the card, a cool blue cast, the phone's default JPEG at
/// quality 72–85), the shadow bars and the blue cast never clipping the card, its own
/// backgrounds only, every low-resolution card well under 600 px, and blur scaled with the card.
@Test func holdout9PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout9, margin: 0.03, blurScaled: true)
    // 9:16 portrait, 16:9, 1:1 and 2048 × 1536 frames.
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["1080x1920", "1920x1080", "1440x1440", "2048x1536"])
    func index(_ c: IDScanLabelledCase) -> Int { Int(c.name.split(separator: "-").last ?? "") ?? -1 }
    func quality(_ c: IDScanLabelledCase) -> Int? { if case let .jpeg(q) = c.encoding { return q } else { return nil } }
    func phoneJPEG(_ c: IDScanLabelledCase) -> Bool { index(c) % 5 == 4 }
    func newLight(_ s: IDScanSyntheticScene) -> [Bool] { [s.sensorNoise != nil, s.shadowBars != nil, s.coolCast != nil] }
    // Each of the new kinds of light (and plain photos) at least once.
    #expect(photos.contains { $0.scene.sensorNoise != nil })
    #expect(photos.contains { $0.scene.shadowBars != nil })
    #expect(photos.contains { $0.scene.coolCast != nil })
    #expect(photos.filter(phoneJPEG).count >= 3)
    #expect(photos.contains { !phoneJPEG($0) && !newLight($0.scene).contains(true) })
    for c in photos {
        let s = c.scene
        // One kind of new light per photo (the phone's JPEG: none of them).
        #expect(newLight(s).filter { $0 }.count <= (phoneJPEG(c) ? 0 : 1), "\(c.name)")
        #expect(abs(s.rotationDegrees) <= 15, "\(c.name): rotation \(s.rotationDegrees)")
        #expect(s.perspective <= 0.12, "\(c.name)")
        // Only the phone's JPEG photos changed their encoding, to quality 72–85: normal phone
        // output that the checker must accept (not the blocking of quality 5–15), otherwise plain.
        if phoneJPEG(c) {
            let q = try #require(quality(c), "\(c.name): not a JPEG")
            #expect(q >= 72 && q <= 85, "\(c.name): quality \(q)")
            #expect(c.expected == nil && s.exposure == 1 && s.contrast == 1, "\(c.name)")
        }
        if let n = s.sensorNoise {
            #expect(s.exposure >= 0.8 && s.exposure <= 0.9 && s.noise == 0, "\(c.name)")
            #expect(n.luma >= 4 && n.luma <= 7 && n.chroma >= 4 && n.chroma <= 7, "\(c.name): \(n)")
        }
        if let b = s.shadowBars {
            #expect(b.count >= 2 && b.count <= 4 && b.strength >= 0.25 && b.strength <= 0.4 && s.shadow == 0, "\(c.name): \(b)")
            // The bars fall across the card (some of it in shadow, not all of it).
            let fraction = IDScanSyntheticCard.shadowBarsCardFraction(s)
            #expect(fraction > 0.1 && fraction < 0.8, "\(c.name): shadow bars over \(fraction) of the card")
        }
        if let t = s.coolCast { #expect(t.red < 1 && t.green <= 1 && t.blue > 1, "\(c.name): not blue \(t)") }
    }
    // The shadow bars and the blue cast never clip the card.
    for c in photos where c.scene.shadowBars != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.shadowBars = nil }
        #expect(n.with <= n.without, "\(c.name): the shadow bars clip the card")
    }
    for c in photos where c.scene.coolCast != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.coolCast = nil }
        #expect(n.with <= n.without, "\(c.name): the blue cast clips the card")
    }
    // The compression-artifacts images are still the blocking of quality 5–15.
    #expect(cases.filter { $0.expected == .compressionArtifacts }.allSatisfy { (quality($0) ?? 100) <= 15 })
    // The part's own backgrounds only, and none of another part's.
    let own: Set<IDScanSyntheticScene.Background> = [.sheetMusic, .wallCalendar, .quiltedBedspread, .pegboard, .encausticTiles,
                                                     .tealVelvet, .asphalt, .cherryTable, .buffaloCheck, .paperOverLid]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
}
