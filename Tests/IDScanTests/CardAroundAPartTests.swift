import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// Two of holdout13's misses, looked at after its one evaluation (2026-12-02, session 11): the
/// straight-edge look stopping at a part of a card on a speckled floor, and a card found around
/// the back's MRZ card on a clipboard's form, clearly larger than the card.
@Suite struct CardAroundAPartTests {
    @Test func fractionInside() {
        let card = quad([(0, 0), (100, 0), (100, 60), (0, 60)])
        #expect(CardLocator.fractionInside(card, card) == 1)
        let rightHalf = quad([(50, -10), (200, -10), (200, 80), (50, 80)])
        #expect(CardLocator.fractionInside(card, rightHalf) == 0.5)
        let elsewhere = quad([(300, 0), (400, 0), (400, 60), (300, 60)])
        #expect(CardLocator.fractionInside(card, elsewhere) == 0)
        #expect(CardLocator.holds(rightHalf, quad([(60, 0), (150, 0), (150, 60), (60, 60)])))
        #expect(!CardLocator.holds(rightHalf, card))
    }

    /// The card on the speckled linoleum: the straight-edge look finds its photo box and the print
    /// beside it; the textured look's card around most of it is taken, within 8 % of the true width.
    @Test func theWholeCardAroundThePartIsTaken() throws {
        let c = try datasetCase(.holdout13, "holdout13-good-photo-16")
        let report = IDScanChecker().check(try c.data())
        #expect(report.verdict == .accept, "\(report.codes)")
        let width = try #require(report.metrics.cardWidth)
        #expect(abs(width / trueLongSide(c) - 1) < 0.08, "card width \(width), true \(trueLongSide(c))")
    }

    /// The small back on the clipboard's form: the straight-edge look's quad runs around the form's
    /// lines, 1.2 × the card; the MRZ's card inside it is taken, and the card is too small.
    @Test func theMRZsCardInsideALargerQuadIsTaken() throws {
        let c = try datasetCase(.holdout13, "holdout13-lowres-9")
        let report = IDScanChecker().check(try c.data())
        #expect(report.codes.contains(.lowResolution), "\(report.codes)")
        let width = try #require(report.metrics.cardWidth)
        #expect(abs(width / trueLongSide(c) - 1) < 0.05, "card width \(width), true \(trueLongSide(c))")
    }
}
