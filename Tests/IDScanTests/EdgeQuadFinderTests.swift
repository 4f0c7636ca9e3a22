import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// The straight-edge look (`EdgeQuadFinder`) on its own: a light card whose outline no flood
/// separates is found where it is, at any rotation; scenes without a card give nothing.
struct EdgeQuadFinderTests {
    /// The scene as the checker's ≈500 px detection image (luma, 2× box downscale).
    static func detectionImage(_ s: IDScanSyntheticScene) -> GrayImage {
        let r = IDScanSyntheticCard.render(s)
        var g = GrayImage(width: r.width, height: r.height)
        for i in 0..<(r.width * r.height) {
            let v = 0.299 * Double(r.pixels[3 * i]) + 0.587 * Double(r.pixels[3 * i + 1]) + 0.114 * Double(r.pixels[3 * i + 2])
            g.pixels[i] = UInt8(clamping: Int(v.rounded()))
        }
        return g.boxDownscaled(by: 2)
    }

    /// Largest distance from each true corner to the nearest found corner, as a fraction of the card's width.
    static func cornerError(_ found: Quad, _ s: IDScanSyntheticScene) -> Double {
        let truth = IDScanSyntheticCard.cardCorners(s).map { Vec2(x: $0.x / 2, y: $0.y / 2) }
        let width = s.cardWidthFraction * Double(s.width) / 2
        return truth.map { t in found.p.map { ($0 - t).length }.min() ?? .infinity }.max().map { $0 / width } ?? .infinity
    }

    @Test func lightCardOnPrintedPaperIsFound() throws {
        // The kept-out part's first phone photo: the 2024 card lying partly on printed sheets,
        // one side showing only where the text stops (no flood look finds it).
        let scene = IDScanSyntheticDataset.good(0, part: .keptOut, capture: .photo)
        #expect(scene.background == .clutter)
        guard case let .found(quad, _) = EdgeQuadFinder(policy: IDScanPolicy()).find(Self.detectionImage(scene)) else {
            Issue.record("card not found"); return
        }
        #expect(Self.cornerError(quad, scene) < 0.03, "\(quad.p)")
    }

    @Test(arguments: [35.0, 90.0, -60.0])
    func anyRotation(_ degrees: Double) throws {
        var s = IDScanSyntheticScene()
        s.width = 1000; s.height = 750
        s.background = .stone
        s.design = .model2024
        s.cardWidthFraction = 0.5
        s.rotationDegrees = degrees
        s.perspective = 0.04
        s.noise = 2
        s.seed = 777
        guard case let .found(quad, _) = EdgeQuadFinder(policy: IDScanPolicy()).find(Self.detectionImage(s)) else {
            Issue.record("card not found at \(degrees)°"); return
        }
        #expect(Self.cornerError(quad, s) < 0.03, "\(degrees)°: \(quad.p)")
    }

    @Test(arguments: [IDScanSyntheticScene.Background.clutter, .stone, .slate, .wood, .desk])
    func noCardNoQuad(_ background: IDScanSyntheticScene.Background) throws {
        for seed in 0..<3 {
            var s = IDScanSyntheticScene()
            s.width = 1000; s.height = 750
            s.background = background
            s.hasCard = false
            s.noise = 2
            s.seed = 31_000 + UInt64(seed)
            let result = EdgeQuadFinder(policy: IDScanPolicy()).find(Self.detectionImage(s))
            if case let .found(q, _)? = result { Issue.record("\(background) seed \(seed): a quad without a card at \(q.p)") }
        }
    }
}
