import DTEKitTestSupport
import Foundation
@testable import IDScan
import Testing

/// The `holdout11` part's shape, without the checker (the part stays unseen by it until its one
/// evaluation): 87 images at scale 1 of which 36 good, deterministic, every good photo's card
/// fully inside its (rendered) frame with a long side (the policy's measure: the mean of the near
/// and far edges) of at least 620 px, in a gallery app's screenshot too, each new kind of light
/// and pose present (the phone's low-light look, a 1080 × 2400 screenshot, a thumb over the
/// card's margin, a JPEG stored rotated with an EXIF Orientation tag), the low-light look never
/// clipping the card, the thumb covering at most 4 % of the card and none of its printed
/// elements, the EXIF-rotated files carrying orientation 6 or 8 and decoding (by IDScan's
/// decoder) upright to the rendered image, its own backgrounds only, every low-resolution card
/// well under 600 px, and blur scaled with the card.
@Test func holdout11PartShape() throws {
    let (cases, photos) = try HeldOutPartShape.check(.holdout11, margin: 0.03, blurScaled: true)
    // 3:4 portrait, 16:9, 4:3 and 3:4 frames (the photo; a screenshot shows it on a 1080 × 2400 screen).
    let frames = Set(photos.map { "\($0.scene.width)x\($0.scene.height)" })
    #expect(frames == ["1800x2400", "2560x1440", "2000x1500", "1440x1920"])
    let index = HeldOutPartShape.index
    func quality(_ c: IDScanLabelledCase) -> Int? { if case let .jpeg(q) = c.encoding { return q } else { return nil } }
    func newLook(_ s: IDScanSyntheticScene) -> [Bool] { [s.lowLight != nil, s.screenshot != nil, s.thumb != nil, s.exifOrientation != nil] }
    // Each of the new kinds (and plain photos) at least once, one kind per photo by its index.
    HeldOutPartShape.checkCycle(photos, newLook: newLook)
    #expect(Set(photos.compactMap(\.scene.exifOrientation)) == [6, 8])
    for c in photos {
        let s = c.scene, o = IDScanSyntheticCard.outputSize(s)
        #expect(abs(s.rotationDegrees) <= 15, "\(c.name): rotation \(s.rotationDegrees)")
        #expect(s.perspective <= 0.12, "\(c.name)")
        if let l = s.lowLight {
            #expect(l.exposure >= 0.65 && l.exposure <= 0.75 && l.lumaSigma >= 6 && l.lumaSigma <= 10, "\(c.name): \(l)")
            #expect(l.chromaSigma >= 6 && l.chromaSigma <= 10 && (3...5).contains(l.nrRadius), "\(c.name): \(l)")
        }
        if let sc = s.screenshot {
            // A portrait phone screen, the photo fitted to its width between the bars, the card
            // inside the photo with its margin (and ≥ 620 px: `check`).
            #expect(o.width == 1080 && o.height == 2400 && sc.width == 1080 && sc.height == 2400, "\(c.name)")
            let ph = (Double(s.height) * 1080 / Double(s.width)).rounded()
            let top = Double(sc.statusBar + (sc.height - sc.statusBar - sc.toolbar - Int(ph)) / 2)
            #expect(top >= Double(sc.statusBar) && top + ph <= Double(sc.height - sc.toolbar), "\(c.name)")
            #expect(IDScanSyntheticCard.cardCorners(s).allSatisfy {
                $0.x >= 0.03 * 1080 && $0.x <= 0.97 * 1080 && $0.y >= top + 0.03 * ph && $0.y <= top + 0.97 * ph
            }, "\(c.name): card not inside the photo")
        } else {
            #expect(o.width == s.width && o.height == s.height, "\(c.name)")
        }
        if let t = s.thumb {
            // Over one edge by 3–8 mm, at most 4 % of the card, no printed element; good.
            #expect(t.depth >= 3 && t.depth <= 8, "\(c.name): \(t)")
            let f = IDScanSyntheticCard.holdout11ThumbCardFraction(s)
            #expect(f > 0.003 && f <= 0.04, "\(c.name): the thumb covers \(f) of the card")
            #expect(IDScanSyntheticCard.holdout11ThumbClearOfContent(s), "\(c.name): the thumb covers a printed element")
            #expect(c.expected == nil)
        }
        if let e = s.exifOrientation {
            #expect(e == 6 || e == 8)
            #expect(quality(c) != nil, "\(c.name): not a JPEG")
        }
    }
    // The screenshots really are 1080 × 2400, black around the photo.
    for c in photos where c.scene.screenshot != nil {
        let r = IDScanSyntheticCard.render(c.scene)
        #expect(r.width == 1080 && r.height == 2400, "\(c.name): \(r.width)x\(r.height)")
        let q = IDScanSyntheticCard.cardCorners(c.scene)
        let ph = Int((Double(c.scene.height) * 1080 / Double(c.scene.width)).rounded())
        let top = 110 + (2400 - 110 - 230 - ph) / 2
        if top - 5 > 200 {   // a row of black between the app's top bar and the photo
            let y = top - 5
            let row = (200..<880).map { Int(r.pixels[(y * 1080 + $0) * 3]) }
            #expect(row.max() ?? 255 < 40, "\(c.name): not black above the photo")
        }
        #expect(q.allSatisfy { $0.y > Double(top) }, "\(c.name)")
    }
    // The EXIF-rotated files: stored rotated with the tag, upright through IDScan's decoder.
    for c in photos where c.scene.exifOrientation != nil {
        let data = try c.data(), r = IDScanSyntheticCard.render(c.scene)
        let decoded: (orientation: Int, storedW: Int, storedH: Int, image: GrayImage)? = data.withUnsafeBytes { b in
            guard let h = try? HeaderReader.jpeg(b),
                  let d = try? ImageDecoder.decode(b, format: .jpeg, header: h, maxPixels: 50_000_000, minLongSide: 100_000, scaleDenominator: 1)
            else { return nil }
            return (h.orientation, h.width, h.height, d.image)
        }
        let d = try #require(decoded, "\(c.name): not decoded")
        #expect(d.orientation == c.scene.exifOrientation, "\(c.name): orientation \(d.orientation)")
        #expect(d.storedW == r.height && d.storedH == r.width, "\(c.name): stored \(d.storedW)x\(d.storedH)")
        #expect(d.image.width == r.width && d.image.height == r.height, "\(c.name): decoded \(d.image.width)x\(d.image.height)")
        if d.image.width == r.width, d.image.height == r.height {
            var diff = 0.0, n = 0.0
            for y in stride(from: 3, to: r.height, by: 7) {
                for x in stride(from: 3, to: r.width, by: 7) {
                    let i = (y * r.width + x) * 3
                    let luma = (299 * Double(r.pixels[i]) + 587 * Double(r.pixels[i + 1]) + 114 * Double(r.pixels[i + 2])) / 1000
                    diff += abs(luma - Double(d.image.pixels[y * r.width + x])); n += 1
                }
            }
            #expect(diff / n < 8, "\(c.name): decoded image differs from the upright render by \(diff / n) on average")
        }
    }
    // Older scenes have none of it; the low-light look never clips the card.
    for c in photos where c.scene.lowLight != nil {
        let n = HeldOutPartShape.clippedCardPixels(c.scene) { $0.lowLight = nil }
        #expect(n.with <= n.without, "\(c.name): the low-light look clips the card")
    }
    // Bad images: no low-light look (it would mask their own light), no screenshot of a
    // low-resolution photo (it would enlarge it).
    #expect(cases.filter { $0.expected != nil }.allSatisfy { $0.scene.lowLight == nil })
    #expect(cases.filter { $0.expected == .lowResolution }.allSatisfy { $0.scene.screenshot == nil })
    #expect(cases.filter { $0.expected == .compressionArtifacts }.allSatisfy { (quality($0) ?? 100) <= 15 })
    // The part's own backgrounds only, and none of another part's.
    let own: Set<IDScanSyntheticScene.Background> = [.businessCards, .openBook, .stickyNotes, .sheepskinRug, .legalPad, .cobblestones,
                                                     .carDashboard, .tatamiMat, .autumnLeaves, .lidAjar]
    #expect(cases.allSatisfy { own.contains($0.scene.background) })
    #expect(Set(photos.map(\.scene.background)).count == 9)
    #expect(cases.filter { $0.name.contains("good-scan") }.allSatisfy { $0.scene.background == .lidAjar })
}
