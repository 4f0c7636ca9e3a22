import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

struct CheckerTests {
    static let scene: IDScanSyntheticScene = {
        var s = SyntheticDataset.good(11, photo: true)
        s.width = 1000; s.height = 750
        s.cardWidthFraction = 0.72
        return s
    }()

    /// An EXIF orientation 6 photo (stored sideways) is checked upright.
    @Test func exifOrientationIsHonoured() throws {
        let r = IDScanSyntheticCard.render(Self.scene)
        // Store the picture rotated 90° counter-clockwise; orientation 6 says "rotate CW to view".
        var rotated = [UInt8](repeating: 0, count: r.pixels.count)
        let W = r.width, H = r.height
        for y in 0..<H { for x in 0..<W { for c in 0..<3 {
            // stored (sx, sy) with stored width H: upright(x, y) = stored(y, H-1-x)… inverse below
            let sx = y, sy = W - 1 - x
            rotated[(sy * H + sx) * 3 + c] = r.pixels[(y * W + x) * 3 + c]
        } } }
        let jpeg = try IDScanImageEncoder.jpeg(pixels: rotated, width: H, height: W, components: 3, quality: 90)
        let withExif = JPEGExif.insertOrientation(6, into: jpeg)
        let report = IDScanChecker().check(withExif)
        #expect(report.metrics.exifOrientation == 6)
        #expect(report.imageSize == IDScanSize(width: W, height: H))
        #expect(report.verdict == .accept, "\(report.codes)")
        #expect(abs((report.metrics.tiltDegrees ?? 99) - Self.scene.rotationDegrees) < 1.5)
        // Without the tag the card is standing on its side: still found, reported as stored.
        let plain = IDScanChecker().check(jpeg)
        #expect(plain.imageSize == IDScanSize(width: H, height: W))
    }

    @Test func orientationMapsAllEight() {
        // 3×2 image with distinct pixels; check each orientation against its definition.
        let src = GrayImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6])
        #expect(ImageDecoder.orient(src, orientation: 1).pixels == [1, 2, 3, 4, 5, 6])
        #expect(ImageDecoder.orient(src, orientation: 2).pixels == [3, 2, 1, 6, 5, 4])
        #expect(ImageDecoder.orient(src, orientation: 3).pixels == [6, 5, 4, 3, 2, 1])
        #expect(ImageDecoder.orient(src, orientation: 4).pixels == [4, 5, 6, 1, 2, 3])
        #expect(ImageDecoder.orient(src, orientation: 5).pixels == [1, 4, 2, 5, 3, 6])
        #expect(ImageDecoder.orient(src, orientation: 6).pixels == [4, 1, 5, 2, 6, 3])
        #expect(ImageDecoder.orient(src, orientation: 7).pixels == [6, 3, 5, 2, 4, 1])
        #expect(ImageDecoder.orient(src, orientation: 8).pixels == [3, 6, 2, 5, 1, 4])
    }

    @Test func dctScalingPicksTheWorkingSize() throws {
        var s = Self.scene
        s.width = 2400; s.height = 1800
        let report = IDScanChecker().check(try IDScanSyntheticCard.jpeg(s, quality: 85))
        #expect(report.metrics.scaleDenominator == 2)
        #expect(report.metrics.decodedWidth == 1200)
        #expect(report.verdict == .accept, "\(report.codes)")
        let cardWidth = try #require(report.metrics.cardWidth)
        #expect(abs(cardWidth - 2400 * s.cardWidthFraction) < 2400 * s.cardWidthFraction * 0.03)
    }

    @Test func concurrentChecksAgree() throws {
        let data = try IDScanSyntheticCard.jpeg(Self.scene, quality: 90)
        let checker = IDScanChecker()
        let outcomes = Outcomes(count: 6)
        DispatchQueue.concurrentPerform(iterations: 6) { k in outcomes.set(k, .success(checker.check(data))) }
        var first = try outcomes.get(0).get()
        first.elapsedMilliseconds = 0
        for k in 1..<6 {
            var r = try outcomes.get(k).get()
            r.elapsedMilliseconds = 0
            #expect(r == first)
        }
    }

    @Test func policyOverridesAreHonoured() throws {
        let data = try IDScanSyntheticCard.jpeg(Self.scene, quality: 90)
        var strict = IDScanPolicy()
        strict.minCardWidth = 5000
        strict.minSharpness = 1e9
        let report = IDScanChecker(policy: strict).check(data)
        #expect(report.codes == [.lowResolution, .blurry])
        #expect(report.problems[0].threshold == 5000)
        #expect(report.problems[1].measured == report.metrics.sharpness)
    }

    @Test func policyFileAndJSONReport() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("idscan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("policy.json")
        try Data(#"{"min_card_width": 700, "max_glare_fraction": 0.05}"#.utf8).write(to: file)
        let p = try IDScanPolicy.load(contentsOf: file)
        #expect(p.minCardWidth == 700 && p.maxGlareFraction == 0.05 && p.minSharpness == IDScanPolicy().minSharpness)
        try Data(#"{"min_card_widht": 700}"#.utf8).write(to: file)
        #expect(throws: IDScanPolicy.LoadError.self) { try IDScanPolicy.load(contentsOf: file) }

        let report = IDScanChecker().check(Data("GIF89a".utf8))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        #expect(json?["verdict"] as? String == "reject")
        let problem = (json?["problems"] as? [[String: Any]])?.first
        #expect(problem?["code"] as? String == "unsupported-format")
        #expect((problem?["message_es"] as? String)?.contains("JPEG") == true)
        #expect(problem?["message_en"] != nil)
        #expect(json?["elapsed_ms"] != nil && json?["format"] as? String == "gif")
    }

    @Test func everyCodeHasBothMessages() {
        for code in IDScanProblemCode.allCases {
            let t = IDScanMessages.text(for: code)
            #expect(!t.es.isEmpty && !t.en.isEmpty && t.es != t.en)
        }
        #expect(IDScanProblemCode.allCases.map(\.rawValue) == [
            "unsupported-format", "corrupt", "file-too-large", "image-too-large", "low-resolution", "blurry",
            "too-dark", "overexposed", "low-contrast", "glare", "card-not-found", "cropped", "compression-artifacts",
            "expired", "run-mismatch", "document-unreadable", "inconsistent-document"])
    }
}

/// Inserts an APP1 Exif segment carrying only the orientation tag right after SOI.
enum JPEGExif {
    static func insertOrientation(_ value: UInt16, into jpeg: Data) -> Data {
        var tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]       // big-endian, IFD0 at 8
        tiff += [0, 1]                                                 // one entry
        tiff += [0x01, 0x12, 0, 3, 0, 0, 0, 1, UInt8(value >> 8), UInt8(value & 0xFF), 0, 0]
        tiff += [0, 0, 0, 0]                                           // no next IFD
        let body: [UInt8] = Array("Exif".utf8) + [0, 0] + tiff
        let length = body.count + 2
        let segment: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + body
        var bytes = [UInt8](jpeg)
        bytes.insert(contentsOf: segment, at: 2)
        return Data(bytes)
    }
}
