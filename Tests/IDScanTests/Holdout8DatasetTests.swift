import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout8` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, each new kind of light present (overcast daylight, raking side
/// light, a green and a magenta LED cast never clipping the card, the card turned portrait-wise
/// and still inside the frame), its own backgrounds only, every low-resolution card well under
/// 600 px, and blur scaled with the card.
@Test func holdout8PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout8, margin: 0.03, blurScaled: true)
    // 3:4 portrait, 4:3, 19.5:9 and 1000 × 750 frames.
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["1200x1600", "1600x1200", "2340x1080", "1000x750"])
    func turned(_ s: IDScanSyntheticScene) -> Bool { abs(s.rotationDegrees) >= 75 && abs(s.rotationDegrees) <= 105 }
    func overcast(_ s: IDScanSyntheticScene) -> Bool { s.contrast == 0.85 }
    // Each of the new kinds of light (and plain photos) at least once.
    #expect(photos.contains { overcast($0.scene) })
    #expect(photos.contains { $0.scene.rakingLight != nil })
    #expect(photos.contains { $0.scene.ledCast.map { $0.green > 1 } ?? false })   // green
    #expect(photos.contains { $0.scene.ledCast.map { $0.green < 1 } ?? false })   // magenta
    #expect(photos.filter { turned($0.scene) }.count >= 3)
    #expect(photos.contains { !overcast($0.scene) && $0.scene.rakingLight == nil && $0.scene.ledCast == nil && !turned($0.scene) })
    for c in photos {
        let s = c.scene
        // One kind of new light or pose per photo.
        #expect([overcast(s), s.rakingLight != nil, s.ledCast != nil, turned(s)].filter { $0 }.count <= 1, "\(c.name)")
        // Every other photo in the ordinary pose: rotation ±15°.
        if !turned(s) { #expect(abs(s.rotationDegrees) <= 15, "\(c.name): rotation \(s.rotationDegrees)") }
        #expect(s.perspective <= 0.12, "\(c.name)")
        if overcast(s) { #expect(s.shadow == 0 && s.exposure >= 0.95 && s.exposure <= 1.05, "\(c.name)") }
        if let rl = s.rakingLight { #expect(rl.strength >= 0.3 && rl.strength <= 0.4 && s.shadow == 0, "\(c.name)") }
        if let t = s.ledCast {
            #expect([t.red, t.green, t.blue].allSatisfy { $0 >= 0.85 && $0 <= 1.1 }, "\(c.name): gains \(t)")
            #expect(t.green > 1 ? (t.red < 1 && t.blue < 1) : (t.red > 1 && t.blue >= 1), "\(c.name): neither green nor magenta")
        }
    }
    // The card turned portrait-wise is inside the frame (3 % margin) in every image that has it,
    // good or bad (the cropped images excepted), and ≥ 620 px in the good ones.
    for c in cases where turned(c.scene) && c.scene.hasCard && c.expected != .cropped {
        let s = c.scene, d = Double(max(s.downscale, 1)), W = Double(s.width) / d, H = Double(s.height) / d
        let inside = IDScanSyntheticCard.cardCorners(s).allSatisfy { $0.x >= 0.03 * W && $0.x <= 0.97 * W && $0.y >= 0.03 * H && $0.y <= 0.97 * H }
        #expect(inside, "\(c.name): the turned card is not inside the frame")
        if c.expected == nil { #expect(HeldOutPartShape.longSide(s) >= 620, "\(c.name)") }
    }
    // The LED cast never clips the card: no more card pixels at 250+ than without it (noise off).
    for c in photos where c.scene.ledCast != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.ledCast = nil }
        #expect(n.with <= n.without, "\(c.name): the LED cast clips the card")
    }
    // The part's own backgrounds only, and none of another part's.
    let own: Set<IDScanSyntheticScene.Background> = [.crosswordPage, .damaskWallpaper, .bubbleWrap, .wickerTray, .laceTablecloth,
                                                     .carSeatFabric, .rubberMat, .palletWood, .brushedCopper, .feederPadLid]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
}
