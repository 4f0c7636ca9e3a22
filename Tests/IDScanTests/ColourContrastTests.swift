import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// The card found by its hue (`ColourContrast`): a card of the background's grey but not its
/// colour, which no grey look separates.
struct ColourContrastTests {
    /// The checker's detection image and chroma-distance image of an encoded picture.
    static func images(_ data: Data) -> (grey: GrayImage, colour: GrayImage?)? {
        data.withUnsafeBytes { b -> (grey: GrayImage, colour: GrayImage?)? in
            let format = SniffedFormat.sniff(b)
            guard case let .decoded(decoded, header) = IDScanChecker().decodeUpload(b, format: format, page: 0, maxPixels: 40_000_000) else { return nil }
            let long = max(decoded.image.width, decoded.image.height)
            let f = max(1, (long + IDScanChecker.detectionLongSide - 1) / IDScanChecker.detectionLongSide)
            let det = decoded.image.boxDownscaled(by: f)
            return (det, ColourContrast.image(b, format: format, header: header, maxPixels: 40_000_000, width: det.width, height: det.height))
        }
    }

    /// Largest distance from a true corner to the nearest found corner, over the card's long side.
    static func cornerError(_ found: Quad, truth: [Vec2]) -> Double {
        let long = max((truth[1] - truth[0]).length, (truth[2] - truth[1]).length)
        return truth.map { t in found.p.map { ($0 - t).length }.min() ?? .infinity }.max().map { $0 / long } ?? .infinity
    }

    /// A picture drawn here, not by the data set's generator: a pale blue-grey card with dark
    /// print on a mottled beige desk of the same grey (the two colours' luma within one level).
    static func sameGreyPicture() -> (rgb: [UInt8], width: Int, height: Int, corners: [Vec2]) {
        let W = 1200, H = 900
        let centre = Vec2(x: 610, y: 440), half = Vec2(x: 360, y: 227), angle = 8 * Double.pi / 180
        let c = cos(angle), s = sin(angle)
        func toCard(_ x: Double, _ y: Double) -> (u: Double, v: Double) {
            let dx = x - centre.x, dy = y - centre.y
            return (c * dx + s * dy, -s * dx + c * dy)
        }
        var rgb = [UInt8](repeating: 0, count: W * H * 3)
        for y in 0..<H {
            for x in 0..<W {
                let (u, v) = toCard(Double(x), Double(y))
                // Mottled light: the same ±6 levels on every channel, card and desk alike.
                let light = 6 * sin(Double(x) * 0.05) * cos(Double(y) * 0.043) + 3 * sin(Double(x + 2 * y) * 0.21)
                var colour: (Double, Double, Double)
                if abs(u) <= half.x, abs(v) <= half.y {
                    colour = (180, 192, 205)                                        // luma 189.9
                    let row = Int((v + half.y) / 28), inRow = (v + half.y).truncatingRemainder(dividingBy: 28)
                    let printed = u > -half.x + 40 && u < half.x - 40 && v > -half.y + 60 && v < half.y - 40
                    if printed, row % 2 == 0, inRow < 12, Int((u + half.x) / 9) % 7 != 0 { colour = (60, 60, 72) }
                } else {
                    colour = (200, 190, 170)                                        // luma 190.7
                }
                let i = 3 * (y * W + x)
                rgb[i] = UInt8(clamping: Int((colour.0 + light).rounded()))
                rgb[i + 1] = UInt8(clamping: Int((colour.1 + light).rounded()))
                rgb[i + 2] = UInt8(clamping: Int((colour.2 + light).rounded()))
            }
        }
        let corners = [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)].map { (a, b) -> Vec2 in
            let u = a * half.x, v = b * half.y
            return Vec2(x: centre.x + c * u - s * v, y: centre.y + s * u + c * v)
        }
        return (rgb, W, H, corners)
    }

    @Test(arguments: ["jpeg", "png"])
    func sameGreyOtherHueIsFoundByColour(_ format: String) throws {
        let p = Self.sameGreyPicture()
        let data = format == "jpeg"
            ? try IDScanImageEncoder.jpeg(pixels: p.rgb, width: p.width, height: p.height, components: 3, quality: 90)
            : try IDScanImageEncoder.png(pixels: p.rgb, width: p.width, height: p.height, components: 3)
        let (grey, colour) = try #require(Self.images(data))
        let toFile = Double(p.width) / Double(grey.width)
        let truth = p.corners.map { $0 * (1 / toFile) }
        // The plain grey flood has no edge to stop at.
        if case let .found(q, _) = CardDetector(policy: IDScanPolicy()).detect(grey) {
            #expect(Self.cornerError(q, truth: truth) > 0.1, "the grey flood found the card: the picture does not test colour")
        }
        let chroma = try #require(colour, "no chroma-distance image from a colour \(format)")
        guard case let .found(q, _) = CardDetector(policy: IDScanPolicy()).detect(chroma) else {
            Issue.record("the colour flood found no card"); return
        }
        #expect(Self.cornerError(q, truth: truth) < 0.03, "\(q.p) vs \(truth)")
        #expect(ColourContrast.standsOut(q, in: chroma))
        // And the whole check places the card there.
        let report = IDScanChecker().check(data)
        let corners = try #require(report.corners, "\(report.codes)")
        let found = Quad(p: corners.map { Vec2(x: $0.x, y: $0.y) })
        #expect(Self.cornerError(found, truth: p.corners) < 0.03, "\(corners)")
    }

    /// A region whose inside has the background's colour (a block of a pattern the floods cut
    /// out) is not a card of its own colour; a bright plateau is.
    @Test func onlyARegionOfItsOwnColourStandsOut() {
        var image = GrayImage(width: 300, height: 200, fill: 12)
        for y in 50..<150 { for x in 40..<200 { image.pixels[y * 300 + x] = 150 } }
        let card = Quad(p: [Vec2(x: 40, y: 50), Vec2(x: 200, y: 50), Vec2(x: 200, y: 150), Vec2(x: 40, y: 150)])
        let background = Quad(p: [Vec2(x: 210, y: 20), Vec2(x: 290, y: 20), Vec2(x: 290, y: 70), Vec2(x: 210, y: 70)])
        #expect(ColourContrast.standsOut(card, in: image))
        #expect(!ColourContrast.standsOut(background, in: image))
    }

    /// A grey picture has no colour to go by.
    @Test func greyJPEGHasNoColourImage() throws {
        let p = Self.sameGreyPicture()
        var grey = [UInt8](repeating: 0, count: p.width * p.height)
        for i in grey.indices { grey[i] = p.rgb[3 * i + 1] }
        let data = try IDScanImageEncoder.jpeg(pixels: grey, width: p.width, height: p.height, components: 1, quality: 90)
        let (_, colour) = try #require(Self.images(data))
        #expect(colour == nil)
    }

    /// holdout8's first damask photo (a tuned-on part since 2026-12-01, session 7): a bluish 2024
    /// back on a beige damask of its grey, whose outline no grey look separates (the floods, the
    /// straight edges); by colour, within 3 %. (Its MRZ finds it too since the data set's MRZ
    /// became ICAO's: the colour look is asked directly.)
    @Test func backOnDamaskIsFoundByColour() throws {
        let c = try #require(IDScanSyntheticDataset.cases(part: .holdout8, scale: 2).first { $0.name == "holdout8-good-photo-11" })
        let scene = c.scene, data = try c.data()
        let (grey, colour) = try #require(Self.images(data))
        let toFile = Double(scene.width) / Double(grey.width)
        let truth = IDScanSyntheticCard.cardCorners(scene).map { Vec2(x: $0.x / toFile, y: $0.y / toFile) }
        let policy = IDScanPolicy()
        let strict = CardLocator.strict(policy)
        let outlineLooks = [CardDetector(policy: policy).detect(grey)] + CardLocator.extraFloods(strict).map { $0.detect(grey) }
            + [EdgeQuadFinder(policy: policy).find(grey)].compactMap { $0 }
        for case let .found(q, _) in outlineLooks { #expect(Self.cornerError(q, truth: truth) > 0.1, "a grey outline look found it: \(q.p)") }
        let chroma = try #require(colour)
        var byColour: Quad?
        CardLocator(policy: policy, minLongSide: policy.minCardWidth / toFile).forEachColourCandidate(chroma, grey: grey, strict: strict) { d in
            if case let .found(q, _) = d { byColour = q }
            return true
        }
        let q = try #require(byColour, "not found by colour")
        #expect(Self.cornerError(q, truth: truth) < 0.03, "\(q.p) vs \(truth)")
        #expect(IDScanChecker().check(data).verdict == .accept)
    }

    /// No tuned part's card-less scene (newsprint, cloths, desks…) has a card-shaped colour region
    /// with print (holdout11's cobblestones are card-shaped regions of their own colour, without print).
    @Test func noCardNoColourRegion() throws {
        let cases = TunedParts.noCardCases()
        #expect(cases.count >= 20)
        var withColour = 0
        for c in cases {
            guard let (grey, colour) = Self.images(try c.data()), let chroma = colour else { continue }
            withColour += 1
            let policy = IDScanPolicy()
            CardLocator(policy: policy).forEachColourCandidate(chroma, grey: grey, strict: CardLocator.strict(policy)) { found in
                if case let .found(q, _) = found { Issue.record("\(c.name): a card-shaped colour region \(q.p)") }
                return false
            }
        }
        // Most card-less scenes are coloured enough to give a colour image (36 of 50 today): the
        // look really ran, so the test can fail.
        #expect(withColour * 2 >= cases.count, "only \(withColour) of \(cases.count) card-less scenes gave a colour image")
    }
}
