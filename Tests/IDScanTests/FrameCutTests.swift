import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// holdout10's misses, looked at after holdout11 was committed (2026-12-02, session 9): a card
/// whose MRZ sits above the print of a laptop screen, a card beside a shipping label cut by the
/// frame, and a cut card whose text block a look took for the card.
@Suite struct FrameCutTests {
    /// A side along the frame with the opposite side well inside: the frame cuts the card. A
    /// card filling the frame, or merely near one edge, is not cut.
    @Test func sideAlongTheFrame() {
        // 800 × 600: 2.5 % of 600 = 15 px, 10 % = 60 px.
        #expect(CardLocator.sideAlongFrame(quad([(100, 300), (500, 280), (510, 592), (110, 592)]), width: 800, height: 600))
        #expect(!CardLocator.sideAlongFrame(quad([(8, 6), (792, 8), (790, 594), (6, 592)]), width: 800, height: 600), "a tight scan")
        #expect(!CardLocator.sideAlongFrame(quad([(100, 300), (500, 280), (510, 570), (110, 570)]), width: 800, height: 600), "5 % clear")
        #expect(!CardLocator.sideAlongFrame(quad([(100, 40), (500, 40), (510, 592), (110, 592)]), width: 800, height: 600), "top near too")
    }

    /// The back on a laptop screen's document: the lines of print below the card (another font,
    /// pitch and size) are not a fourth MRZ line, so the MRZ places the card, within 8 %.
    @Test func mrzAbovePrintedText() throws {
        let c = try datasetCase(.holdout10, "holdout10-good-photo-31")
        let (det, toFile) = try #require(try detectionImage(c))
        let est = try #require(MRZLocator().find(det), "no MRZ found")
        let ratio = est.card.longSide * toFile / trueLongSide(c)
        #expect(ratio > 0.92 && ratio < 1.08, "card estimated at \(ratio) × its size")
        #expect(IDScanChecker().check(try c.data()).verdict == .accept)
    }

    /// A shipping label cut by the frame overlaps the card: the first look sees a large region cut
    /// by the frame, yet the MRZ's whole lines place the card inside it, and the check accepts.
    @Test func mrzOverridesARegionCutByTheFrame() throws {
        let c = try datasetCase(.holdout10, "holdout10-good-photo-7")
        let report = IDScanChecker().check(try c.data())
        #expect(report.verdict == .accept, "\(report.codes)")
    }

    /// A card cut by the bottom of the frame whose text block (up to the photo) one look took for
    /// the card: its bottom side is the frame's, so the card is cut.
    @Test func aCutCardsTextBlockIsNotTheCard() throws {
        let report = IDScanChecker().check(try datasetCase(.holdout10, "holdout10-cropped-2").data())
        #expect(report.codes == [.cropped], "\(report.codes)")
    }
}
