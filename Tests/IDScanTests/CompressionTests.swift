import DTEKitTestSupport
import Foundation
@testable import IDScan
import Testing

/// `compression-artifacts`: heavy JPEG compression is rejected even though its block edges make the
/// card look sharp; ordinary qualities pass.
struct CompressionTests {
    static let scene: IDScanSyntheticScene = {
        var s = SyntheticDataset.good(5, photo: true)
        s.width = 1000; s.height = 750
        s.cardWidthFraction = 0.72
        return s
    }()

    @Test func quality8IsRejectedAndQuality85Accepted() throws {
        let rgb = IDScanSyntheticCard.render(Self.scene)
        let heavy = try IDScanImageEncoder.jpeg(pixels: rgb.pixels, width: rgb.width, height: rgb.height, components: 3, quality: 8)
        let fine = try IDScanImageEncoder.jpeg(pixels: rgb.pixels, width: rgb.width, height: rgb.height, components: 3, quality: 85)
        let bad = IDScanChecker().check(heavy)
        #expect(bad.verdict == .reject)
        #expect(bad.codes.contains(.compressionArtifacts), "\(bad.codes)")
        let problem = try #require(bad.problems.first { $0.code == .compressionArtifacts })
        #expect(!problem.messageES.isEmpty && !problem.messageEN.isEmpty && problem.messageES != problem.messageEN)
        #expect(abs((bad.metrics.jpegQuality ?? 0) - 8) <= 1)
        let good = IDScanChecker().check(fine)
        #expect(good.verdict == .accept, "\(good.codes)")
        #expect(abs((good.metrics.jpegQuality ?? 0) - 85) <= 1)
        #expect((good.metrics.blockiness ?? 99) < IDScanPolicy.default.maxBlockiness)
    }

    /// A heavily compressed picture saved again at a high quality: the file's tables say 95, the
    /// pixels still carry the 8 × 8 grid, and the grid measure catches it.
    @Test func blockyPictureResavedAtHighQualityIsRejected() throws {
        let rgb = IDScanSyntheticCard.render(Self.scene)
        let heavy = try IDScanImageEncoder.jpeg(pixels: rgb.pixels, width: rgb.width, height: rgb.height, components: 3, quality: 6)
        // Decode the heavy file to gray at full size and save it again at 95.
        let decoded = try heavy.withUnsafeBytes { b throws(DecodeFailure) in
            let header = try HeaderReader.jpeg(b)
            return try ImageDecoder.decode(b, format: .jpeg, header: header, maxPixels: 1 << 30, minLongSide: 0, scaleDenominator: 1)
        }
        let resaved = try IDScanImageEncoder.jpeg(pixels: decoded.image.pixels, width: decoded.image.width,
                                                  height: decoded.image.height, components: 1, quality: 95)
        let report = IDScanChecker().check(resaved)
        #expect((report.metrics.jpegQuality ?? 0) > 90)
        #expect(report.codes.contains(.compressionArtifacts) || report.codes.contains(.cardNotFound), "\(report.codes) \(report.metrics)")
    }

    @Test func qualityIsReadFromTheQuantisationTable() throws {
        let rgb = IDScanSyntheticCard.render(Self.scene)
        for q in [10, 30, 50, 75, 92] {
            let data = try IDScanImageEncoder.jpeg(pixels: rgb.pixels, width: rgb.width, height: rgb.height, components: 3, quality: q)
            let estimate = data.withUnsafeBytes { JPEGQuality.estimate($0) }
            #expect(abs((estimate ?? 0) - Double(q)) <= 1.5, "q \(q) → \(String(describing: estimate))")
        }
        // No table before the scan, truncated, or not a JPEG: no estimate, no crash.
        #expect(Data([0xFF, 0xD8, 0xFF, 0xDB, 0x00]).withUnsafeBytes { JPEGQuality.estimate($0) } == nil)
        #expect(Data([0x89, 0x50]).withUnsafeBytes { JPEGQuality.estimate($0) } == nil)
    }

    /// Blocking is measured on the grid whatever its phase, and not on a clean image.
    @Test func gridMeasureFindsShiftedBlocks() {
        var img = GrayImage(width: 256, height: 256)
        for y in 0..<256 { for x in 0..<256 {
            // Flat 8 × 8 tiles (offset by 3 px) with steps of 10 levels between neighbours.
            img.pixels[y * 256 + x] = UInt8(100 + 10 * (((x + 3) / 8 + (y + 3) / 8) % 3))
        } }
        let blocky = Blockiness.measure(img, grid: 8, x0: 0, y0: 0, x1: 255, y1: 255) ?? 0
        #expect(blocky > 50)
        var smooth = GrayImage(width: 256, height: 256)
        for y in 0..<256 { for x in 0..<256 { smooth.pixels[y * 256 + x] = UInt8((x + y) / 2) } }
        #expect((Blockiness.measure(smooth, grid: 8, x0: 0, y0: 0, x1: 255, y1: 255) ?? 99) < 1)
        #expect(Blockiness.measure(img, grid: 1, x0: 0, y0: 0, x1: 255, y1: 255) == nil)
        #expect(Blockiness.measure(img, grid: 8, x0: 250, y0: 0, x1: 300, y1: 10) == nil)
    }
}
