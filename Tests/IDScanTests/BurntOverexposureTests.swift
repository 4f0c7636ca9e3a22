import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// Overexposure judged by what it destroys, not only by the mean: light areas burnt out (clipped)
/// and black print lifted to grey together are `overexposed` even at a moderate mean; a card
/// whose light areas clip while its print stays black is not.
struct BurntOverexposureTests {
    /// The mean rule switched off, so only the burnt-and-washed rule can say `overexposed`.
    static var meanOff: IDScanPolicy {
        var p = IDScanPolicy()
        p.maxMeanLuma = 255
        return p
    }

    static func scene(exposure: Double, contrast: Double) -> IDScanSyntheticScene {
        var s = CheckerTests.scene
        s.exposure = exposure
        s.contrast = contrast
        return s
    }

    @Test func burntAndWashedIsOverexposed() throws {
        // The data set's overexposure: ×1.5 with the contrast flattened to 0.8.
        let report = IDScanChecker(policy: Self.meanOff).check(try IDScanSyntheticCard.jpeg(Self.scene(exposure: 1.5, contrast: 0.8), quality: 90))
        let clipped = try #require(report.metrics.clippedFraction)
        let p5 = try #require(report.metrics.p5Luma)
        #expect(clipped > 0.12 && p5 >= 80, "the scene must burn out and wash out: clipped \(clipped), p5 \(p5)")
        #expect(report.codes.contains(.overexposed))
        let problem = try #require(report.problems.first { $0.code == .overexposed })
        #expect(problem.threshold == 0.12)
        #expect(problem.measured == clipped)
    }

    @Test func clippedPaperWithBlackPrintIsNotOverexposed() throws {
        // Brighter but with full contrast: the card's light areas clip, its black print stays black.
        let report = IDScanChecker(policy: Self.meanOff).check(try IDScanSyntheticCard.jpeg(Self.scene(exposure: 1.35, contrast: 1.0), quality: 90))
        let clipped = try #require(report.metrics.clippedFraction)
        let p5 = try #require(report.metrics.p5Luma)
        #expect(clipped > 0.12, "the scene must clip its light areas: clipped \(clipped)")
        #expect(p5 < 80)
        #expect(!report.codes.contains(.overexposed))
    }

    @Test func thresholdsComeFromThePolicy() throws {
        let data = try IDScanSyntheticCard.jpeg(Self.scene(exposure: 1.5, contrast: 0.8), quality: 90)
        var lenient = Self.meanOff
        lenient.maxBurntFraction = 1
        #expect(!IDScanChecker(policy: lenient).check(data).codes.contains(.overexposed))
        lenient = Self.meanOff
        lenient.minWashedP5Luma = 256
        #expect(!IDScanChecker(policy: lenient).check(data).codes.contains(.overexposed))
        let decoded = try JSONDecoder().decode(IDScanPolicy.self, from: Data(#"{"max_burnt_fraction": 0.5, "min_washed_p5_luma": 90}"#.utf8))
        #expect(decoded.maxBurntFraction == 0.5 && decoded.minWashedP5Luma == 90)
    }
}
