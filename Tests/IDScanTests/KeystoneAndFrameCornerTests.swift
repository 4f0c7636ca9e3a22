import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// Two of holdout12's misses, looked at after holdout13 was committed (2026-12-02, session 11):
/// a card at a low angle whose mean width understates it (a keystone), and a card cut by the
/// frame merged with the napkin beside it into a card-shaped quad whose corner is on the frame.
@Suite struct KeystoneAndFrameCornerTests {
    /// A keystone (the far long side 21 % shorter, the short sides a card's height): its mean
    /// aspect is under ID-1's range, its near side over the short sides is in it.
    @Test func aKeystoneHasTheCardsShapeByItsNearSide() {
        let keystone = quad([(425, 848), (1014, 1000), (968, 1499), (223, 1306)])
        #expect(keystone.aspect < 1.46)
        #expect(keystone.hasAspect(in: 1.46...1.71))
    }

    /// Not a card: a rectangle of 1.3 (an album print, a form's box), and a shape whose long
    /// sides differ by less than 10 % (no keystone to explain its low aspect).
    @Test func aShortShapeIsNotACard() {
        let rectangle = quad([(0, 0), (650, 0), (650, 500), (0, 500)])
        #expect(!rectangle.hasAspect(in: 1.46...1.71))
        let slight = quad([(15, 0), (635, 0), (650, 470), (0, 470)])
        #expect(slight.aspect < 1.46)
        #expect(!slight.hasAspect(in: 1.46...1.71))
    }

    /// A corner within 1 % of the short side of the frame's edge is on the frame; a card with a
    /// 3 % margin is not.
    @Test func aCornerOnTheFrame() {
        let onFrame = quad([(181, 78), (498, 95), (481, 285), (171, 252)])
        #expect(CardLocator.cornerOnFrame(onFrame, width: 500, height: 375))
        let inside = quad([(40, 40), (440, 40), (440, 290), (40, 290)])
        #expect(!CardLocator.cornerOnFrame(inside, width: 500, height: 375))
    }

    /// The low angle's card on the olive-wood board is accepted, its width within 8 % of the
    /// true one (the keystone's far side is shorter, so the mean width is under it).
    @Test func theLowAngleCardIsAccepted() throws {
        let c = try datasetCase(.holdout12, "holdout12-good-photo-28")
        let report = IDScanChecker().check(try c.data())
        #expect(report.verdict == .accept, "\(report.codes)")
        let width = try #require(report.metrics.cardWidth)
        #expect(abs(width / trueLongSide(c) - 1) < 0.08, "card width \(width), true \(trueLongSide(c))")
    }

    /// The card cut by the frame beside the napkins is reported cropped, not accepted.
    @Test func theCutCardBesideTheNapkinIsCropped() throws {
        let c = try datasetCase(.holdout12, "holdout12-cropped-4")
        let report = IDScanChecker().check(try c.data())
        #expect(report.codes.contains(.cropped), "\(report.codes)")
    }
}
