import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// The photo inside a gallery app's screenshot (holdout11's misses, looked at after holdout12 was
/// committed, 2026-12-02, session 10), and two other misses of that part: a tight scan whose
/// card has a coloured header stripe along its top edge, and a glare splitting a back's outline.
@Suite struct ScreenshotInsetTests {
    /// A 360 × 800 screenshot: a black status bar with a clock and icons (rows 0–59), the photo
    /// (rows 130–669: a textured page), black below it, a dark grey toolbar with icons (720–799).
    static func screenshot(photo: (Int, Int) -> UInt8 = { x, y in UInt8(150 + (x * 7 + y * 13) % 60) }) -> GrayImage {
        var img = GrayImage(width: 360, height: 800)
        for y in 0..<800 {
            for x in 0..<360 {
                var v: UInt8 = 0
                if y >= 130 && y < 670 { v = photo(x, y) }
                if y >= 720 { v = 22 }
                // The clock and the icons: white glyph blocks in a few rows of the bars.
                if (y >= 20 && y < 34 && (x % 40 < 6) && (x < 60 || x > 280)) || (y >= 745 && y < 775 && x % 90 > 30 && x % 90 < 50) { v = 230 }
                img.pixels[y * 360 + x] = v
            }
        }
        return img
    }

    @Test func findsThePhotoBetweenTheBars() throws {
        let r = try #require(ScreenshotInset.find(Self.screenshot()))
        #expect(r == ScreenshotInset.Rect(x0: 0, y0: 130, x1: 360, y1: 670))
    }

    /// A landscape screenshot: the bars left and right.
    @Test func findsThePhotoBetweenSideBars() throws {
        let tall = Self.screenshot()
        var wide = GrayImage(width: 800, height: 360)
        for y in 0..<360 { for x in 0..<800 { wide.pixels[y * 800 + x] = tall.pixels[x * 360 + y] } }
        #expect(ScreenshotInset.find(wide) == ScreenshotInset.Rect(x0: 130, y0: 0, x1: 670, y1: 360))
    }

    /// Not a screenshot: a card (rounded corners, 90 % of the width) on a scanner's flat white
    /// glass; a photo whose top is a dark, noisy desk; a photo with nothing flat at all.
    @Test func noInsetWithoutAScreensBars() {
        var scan = GrayImage(width: 500, height: 400)
        for y in 0..<400 {
            for x in 0..<500 {
                let inCard = x >= 25 && x < 475 && y >= 60 && y < 340
                let cx = min(x - 25, 474 - x), cy = min(y - 60, 339 - y)
                let corner = cx < 14 && cy < 14 && (14 - cx) * (14 - cx) + (14 - cy) * (14 - cy) > 196
                scan.pixels[y * 500 + x] = inCard && !corner ? UInt8(190 + (x * 3 + y) % 40) : 255
            }
        }
        #expect(ScreenshotInset.find(scan) == nil, "a card on a flatbed")
        let desk = Self.screenshot { x, y in UInt8(120 + (x * 7 + y * 13) % 60) }
        var noisy = desk
        var seed: UInt64 = 7
        for i in 0..<(360 * 130) {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            noisy.pixels[i] = UInt8(10 + Int(seed >> 61))   // 10…17: a dark desk, not a screen
        }
        #expect(ScreenshotInset.find(noisy) == nil, "a dark desk at the top")
        #expect(ScreenshotInset.find(GrayImage(width: 300, height: 300, pixels: (0..<90_000).map { UInt8(($0 * 37) % 251) })) == nil)
    }

    /// The gallery screenshots of a photo: the card is found in the photo (corners within 5 % of
    /// its long side of the true ones, in the screenshot's pixels) and accepted.
    @Test(arguments: ["holdout11-good-photo-2", "holdout11-good-photo-7", "holdout11-good-photo-17", "holdout11-mild-7"])
    func aCardInAScreenshotIsFound(_ name: String) throws {
        let c = try datasetCase(.holdout11, name)
        let report = IDScanChecker().check(try c.data())
        #expect(report.verdict == .accept, "\(report.codes)")
        let truth = IDScanSyntheticCard.cardCorners(c.scene)
        let found = try #require(report.corners)
        let limit = 0.05 * trueLongSide(c)
        for t in truth {
            let nearest = found.map { (($0.x - t.x) * ($0.x - t.x) + ($0.y - t.y) * ($0.y - t.y)).squareRoot() }.min() ?? .infinity
            #expect(nearest <= limit, "\(name): corner \(t) is \(nearest) px from the nearest found corner")
        }
    }

    /// A tight scan of a card with a coloured stripe along its top edge: the stripe's edge runs
    /// parallel to the frame, at one depth, which is the card's print, not a scene cut by the frame.
    @Test func aHeaderStripeAlongATightScanIsPrint() throws {
        let c = try datasetCase(.holdout11, "holdout11-good-tight-2")
        let (det, _) = try #require(try detectionImage(c))
        #expect(CardLocator.plainFrameStrip(det))
        #expect(IDScanChecker().check(try c.data()).verdict == .accept)
    }

    /// A glare splitting a back's outline: the straight-edge look finds the card's left part, and
    /// the MRZ places the whole card around it, where the glare is seen.
    @Test func theMRZPlacesTheWholeCardAroundAPart() throws {
        let c = try datasetCase(.holdout11, "holdout11-glare-9")
        let report = IDScanChecker().check(try c.data())
        #expect(report.codes.contains(.glare), "\(report.codes)")
        let width = try #require(report.metrics.cardWidth)
        #expect(abs(width / trueLongSide(c) - 1) < 0.05, "card width \(width), true \(trueLongSide(c))")
    }
}
