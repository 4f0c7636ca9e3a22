import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The `holdout14` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its frame with a long side (the policy's measure: the mean of the near and far
/// edges) of at least 620 px, each new kind of light and pose present (a phone's night mode, a
/// fluorescent green-cyan cast, strong vignetting, a phone's HDR), the night mode's noise present,
/// the vignetting darkening the card by at most 15 % with its mean luma above the policy's dark
/// limit, the scanner app's page (2480 × 3508, the card in its upper third, skew ≤ 2°, the paper
/// whitened, the card's mean under 235), its own backgrounds only, every low-resolution card well
/// under 600 px, and blur scaled with the card.
@Test func holdout14PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout14, margin: 0.03, blurScaled: true)
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["4032x3024", "3024x4032", "2048x1536", "1536x2048"])
    let index = HeldOutPartShape.index
    func newLook(_ s: IDScanSyntheticScene) -> [Bool] { [s.nightMode != nil, s.greenCyanCast != nil, s.strongVignette != nil, s.hdrTone != nil] }
    // Each of the new kinds (and plain photos) at least once, one kind per photo by its index.
    HeldOutPartShape.checkCycle(photos, newLook: newLook)
    let policy = IDScanPolicy()
    for c in photos {
        let s = c.scene, o = IDScanSyntheticCard.outputSize(s)
        #expect(abs(s.rotationDegrees) <= 15, "\(c.name): rotation \(s.rotationDegrees)")
        #expect(s.perspective <= 0.12, "\(c.name)")
        #expect(o.width == s.width && o.height == s.height, "\(c.name)")
        if let n = s.nightMode {
            let frameScale = Double(max(s.width, s.height)) / 2048
            #expect(n.lumaSigma >= 4 && n.lumaSigma <= 7 && n.chroma >= 6 && n.chroma <= 12, "\(c.name): \(n)")
            #expect(n.blotch >= 12 * frameScale && n.blotch <= 30 * frameScale, "\(c.name): \(n)")
        }
        if let g = s.greenCyanCast { #expect(g.strength >= 0.08 && g.strength <= 0.14, "\(c.name): \(g)") }
        if let v = s.strongVignette {
            #expect(v.corner >= 0.4 && v.corner <= 0.6, "\(c.name): \(v)")
            let d = IDScanSyntheticCard.holdout14VignetteCardDarkening(s)
            #expect(d <= 0.15, "\(c.name): the vignetting darkens the card by \(d)")
        }
        if let h = s.hdrTone { #expect(h.halo >= 10 && h.halo <= 30, "\(c.name): \(h)") }
        // Nothing of the night mode or the HDR on a bad image.
    }
    #expect(cases.filter { $0.expected != nil }.allSatisfy { $0.scene.nightMode == nil && $0.scene.hdrTone == nil })
    // Rendered: the vignetted card's mean luma above the policy's dark limit and at most 15 % under
    // the same card without the vignetting (the smallest frames, noise off).
    for c in photos where c.scene.strongVignette != nil && c.scene.width * c.scene.height < 4_000_000 {
        var with = c.scene; with.noise = 0
        var without = with; without.strongVignette = nil
        let a = HeldOutPartShape.cardMeanLuma(with), b = HeldOutPartShape.cardMeanLuma(without)
        #expect(a > policy.minMeanLuma + 10, "\(c.name): vignetted card's mean luma \(a)")
        #expect(a >= 0.85 * b, "\(c.name): vignetted card \(a) against \(b)")
    }
    // Rendered: the night mode's noise is there (the smallest night-mode photo).
    if let c = photos.filter({ $0.scene.nightMode != nil }).min(by: { $0.scene.width * $0.scene.height < $1.scene.width * $1.scene.height }) {
        let noise = IDScanSyntheticCard.holdout14NightModeNoise(c.scene)
        #expect(noise >= 2, "\(c.name): night-mode noise \(noise)")
    }
    // The scanner app on every scan: the page 2480 × 3508, the card in its upper third, skew ≤ 2°;
    // the tight scans its card-sized crop, the same filter.
    for c in cases where c.name.contains("good-scan") || c.name.contains("good-tight") {
        let s = c.scene
        #expect(s.background == .scanAppPage, "\(c.name)")
        let f = try #require(s.scanApp, "\(c.name)")
        #expect(f.contrast >= 1.06 && f.contrast <= 1.12 && f.sharpen >= 0.4 && f.sharpen <= 0.7, "\(c.name): \(f)")
        #expect(f.sharpenSigma >= 0.8 && f.sharpenSigma <= 1.2, "\(c.name): \(f)")
        guard c.name.contains("good-scan") else { continue }
        #expect(s.width == 2480 && s.height == 3508, "\(c.name)")
        #expect(abs(s.rotationDegrees) <= 2, "\(c.name)")
        let q = IDScanSyntheticCard.cardCorners(s)
        #expect(q.allSatisfy { $0.y >= 0.03 * 3508 && $0.y <= 3508.0 / 3 && $0.x >= 0.03 * 2480 && $0.x <= 0.97 * 2480 }, "\(c.name): \(q)")
    }
    // Rendered (good-scan-0): the card's mean under 235, the paper below it at 248–255.
    if let c = cases.first(where: { $0.name == "holdout14-good-scan-0" }) {
        let mean = HeldOutPartShape.cardMeanLuma(c.scene)
        #expect(mean < 235 && mean > policy.minMeanLuma + 10, "\(c.name): card mean \(mean)")
        let r = IDScanSyntheticCard.render(c.scene)
        var low = 0.0, sum = 0.0, n = 0.0
        for y in stride(from: r.height / 2, to: r.height * 19 / 20, by: 16) {
            for x in stride(from: r.width / 20, to: r.width * 19 / 20, by: 16) {
                let i = (y * r.width + x) * 3
                let l = 0.299 * Double(r.pixels[i]) + 0.587 * Double(r.pixels[i + 1]) + 0.114 * Double(r.pixels[i + 2])
                if l < 244 { low += 1 }
                sum += l; n += 1
            }
        }
        #expect(sum / n >= 249 && low <= 0.01 * n, "\(c.name): paper mean \(sum / n), \(low) of \(n) samples under 244")
    }
    // The part's own backgrounds only.
    let own: Set<IDScanSyntheticScene.Background> = [.bankStatement, .leatherWallet, .crayonDrawing, .postageEnvelope, .embroideredCloth,
                                                     .yogaMat, .galvanisedSteel, .beachSand, .checkerFloor, .scanAppPage]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
    // Designs alternating, model2013 first.
    #expect(photos.first { index($0) == 0 }?.scene.design == .model2013)
    #expect(Set(photos.map(\.scene.design)).count == 2)
}
