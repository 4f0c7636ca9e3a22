import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// A card found a little under the resolution limit by one look (its outline fitted inside: a
/// corner cut off, a side tilted) is measured again by the later looks: a quad on the same
/// corners at or above the limit is the same card measured better (session 12). A part of the
/// card found near the limit stays a part when the back's MRZ places a larger card around it.
@Suite struct NearLimitCardTests {
    /// Two good photos of cards 620 and 621 px long, which the colour look and the straight-edge
    /// look with texture votes measured as 597 and 581 px (`low-resolution`): accepted, with the
    /// width within 3 % of the true one.
    @Test(arguments: ["holdout5-good-photo-2", "holdout5-good-photo-25"])
    func aCardJustAtTheLimitIsAccepted(_ name: String) throws {
        let c = try datasetCase(.holdout5, name)
        let report = IDScanChecker().check(try c.data())
        #expect(report.verdict == .accept, "\(report.codes)")
        let width = try #require(report.metrics.cardWidth)
        #expect(width >= 600 && abs(width / trueLongSide(c) - 1) < 0.03, "card width \(width), true \(trueLongSide(c))")
    }

    /// The left part of a 1224 px back (up to its QR code), found at 592 px and again, grown
    /// from the QR code, at 604 px, is not taken for the card: the MRZ places a card twice as
    /// large around both. (The glare on that card is then not measured; the upload is rejected.)
    @Test func aPartOfTheBackStaysAPart() throws {
        let c = try datasetCase(.holdout10, "holdout10-glare-5")
        let report = IDScanChecker().check(try c.data())
        #expect(report.verdict == .reject, "\(report.codes)")
    }
}
