import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// The checks every held-out part's shape test makes, without the checker (a part stays unseen by
/// it until its one evaluation): 87 images at scale 1 of which 36 good, unique names with the
/// part's prefix, the same bytes twice (a JPEG and a PNG photo), 18 good photos whose card is
/// inside the frame (by `margin` of its size) with a long side of at least 620 px, every
/// low-resolution card at most 540 px, and blurry images blurred in proportion to the card.
enum HeldOutPartShape {
    /// The card's long side by the policy's measure: the mean of the far (top) and near (bottom)
    /// edges (corners: top-left, top-right, bottom-right, bottom-left), in the (downscaled) image's pixels.
    static func longSide(_ s: IDScanSyntheticScene) -> Double {
        let c = IDScanSyntheticCard.cardCorners(s)
        func length(_ a: IDScanPoint, _ b: IDScanPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
        return (length(c[0], c[1]) + length(c[3], c[2])) / 2
    }

    /// A photo's index in its part (the number its name ends with).
    static func index(_ c: IDScanLabelledCase) -> Int { Int(c.name.split(separator: "-").last ?? "") ?? -1 }

    /// The part's cycle of light and pose: each of its new kinds (`newLook`'s flags) on some photo,
    /// plain photos too, at most one kind per photo, and every photo that is not a fifth (index
    /// 0, 5, …) with one.
    static func checkCycle(_ photos: [IDScanLabelledCase], newLook: (IDScanSyntheticScene) -> [Bool]) {
        let kinds = photos.first.map { newLook($0.scene).count } ?? 0
        for k in 0..<kinds { #expect(photos.contains { newLook($0.scene)[k] }, "kind \(k) missing") }
        #expect(photos.contains { !newLook($0.scene).contains(true) })
        for c in photos {
            #expect(newLook(c.scene).filter { $0 }.count <= 1, "\(c.name)")
            #expect(newLook(c.scene).contains(true) || index(c) % 5 == 0, "\(c.name)")
        }
    }

    /// Runs the common checks; returns the part's cases and its good photos for the part's own.
    static func check(_ part: IDScanSyntheticDataset.Part, margin: Double, blurScaled: Bool) throws
        -> (cases: [IDScanLabelledCase], photos: [IDScanLabelledCase]) {
        let p = part.rawValue
        let cases = IDScanSyntheticDataset.cases(part: part, scale: 1)
        #expect(cases.count == 87)
        #expect(cases.filter { $0.expected == nil }.count == 36)
        #expect(Set(cases.map(\.name)).count == cases.count)
        #expect(cases.allSatisfy { $0.name.hasPrefix("\(p)-") })
        for name in ["\(p)-good-photo-0", "\(p)-good-photo-5"] {
            let c = try #require(cases.first { $0.name == name })
            let again = try IDScanSyntheticDataset.cases(part: part, scale: 1).first { $0.name == name }.map { try $0.data() }
            #expect(try c.data() == again, "\(name)")
        }
        let photos = cases.filter { $0.name.hasPrefix("\(p)-good-photo-") }
        #expect(photos.count == 18)
        for c in photos {
            // The rendered image's size (holdout10: after a messaging app's resizing; holdout11: a screenshot's screen; holdout12: a user's crop).
            let s = c.scene, o = IDScanSyntheticCard.outputSize(s), W = Double(o.width), H = Double(o.height)
            let inside = IDScanSyntheticCard.cardCorners(s).allSatisfy {
                $0.x >= margin * W && $0.x <= (1 - margin) * W && $0.y >= margin * H && $0.y <= (1 - margin) * H
            }
            #expect(inside, "\(c.name): card not fully inside")
            #expect(longSide(s) >= 620, "\(c.name): card long side \(longSide(s)) px")
        }
        for c in cases where c.expected == .lowResolution {
            #expect(longSide(c.scene) <= 540, "\(c.name): low-resolution card long side \(longSide(c.scene)) px")
        }
        if blurScaled {
            // σ at least 3.5 px per 620 px of card.
            for c in cases where c.expected == .blurry && c.scene.motionBlur <= 1 {
                #expect(c.scene.gaussianBlur >= 3.5 * max(1, longSide(c.scene) / 620) * 0.95, "\(c.name): σ \(c.scene.gaussianBlur)")
            }
        }
        return (cases, photos)
    }

    /// The card's pixels at 250 or over in any channel, rendered with the older noise off, with
    /// the scene's light effect and without it (`remove` takes it off): a light that never clips
    /// the card leaves `with` ≤ `without`.
    static func clippedCardPixels(_ scene: IDScanSyntheticScene, removing remove: (inout IDScanSyntheticScene) -> Void)
        -> (with: Int, without: Int) {
        var s = scene; s.noise = 0
        var plain = s; remove(&plain)
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
        return (clipped(s), clipped(plain))
    }

    /// The card's mean luma (BT.601) in the rendered scene, over its pixels 2 px or more inside
    /// its outline (every second pixel each way).
    static func cardMeanLuma(_ s: IDScanSyntheticScene) -> Double {
        let r = IDScanSyntheticCard.render(s), q = IDScanSyntheticCard.cardCorners(s)
        func inside(_ x: Double, _ y: Double) -> Bool {
            (0..<4).allSatisfy { k in
                let a = q[k], b = q[(k + 1) % 4]
                let ex = b.x - a.x, ey = b.y - a.y, len = (ex * ex + ey * ey).squareRoot()
                return (ex * (y - a.y) - ey * (x - a.x)) / len >= 2
            }
        }
        var sum = 0.0, n = 0.0
        for y in stride(from: 0, to: r.height, by: 2) {
            for x in stride(from: 0, to: r.width, by: 2) where inside(Double(x) + 0.5, Double(y) + 0.5) {
                let i = (y * r.width + x) * 3
                sum += 0.299 * Double(r.pixels[i]) + 0.587 * Double(r.pixels[i + 1]) + 0.114 * Double(r.pixels[i + 2]); n += 1
            }
        }
        return n > 0 ? sum / n : 0
    }
}

/// The parts the checker has been tuned on: all but the never-seen holdout15.
enum TunedParts {
    static let all = IDScanSyntheticDataset.Part.allCases.filter { $0 != .holdout15 }

    /// Every tuned part's card-less scenes (newsprint, magazine pages, spreadsheets, invoices,
    /// cloths, desks…): what no look may take for a card.
    static func noCardCases(scale: Int = 1) -> [IDScanLabelledCase] {
        all.flatMap { IDScanSyntheticDataset.cases(part: $0, scale: scale) }.filter { $0.expected == .cardNotFound }
    }
}
