import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// Hostile inputs: the right code, no crash, no hang (the suite's time limit; speed is the
/// benchmarks' business).
@Suite(.timeLimit(.minutes(30))) struct HostileFileTests {
    static let good: Data = {
        var s = SyntheticDataset.good(7, photo: true)
        s.width = 640; s.height = 480
        return (try? IDScanSyntheticCard.jpeg(s, quality: 85)) ?? Data()
    }()
    static let goodPNG: Data = {
        var s = SyntheticDataset.good(8, photo: false)
        s.width = 320; s.height = 240
        return (try? IDScanSyntheticCard.png(s)) ?? Data()
    }()

    func expectCode(_ data: Data, _ code: IDScanProblemCode, sourceLocation: SourceLocation = #_sourceLocation) {
        let report = IDScanChecker().check(data)
        #expect(report.verdict == .reject, sourceLocation: sourceLocation)
        #expect(report.codes == [code], "got \(report.codes)", sourceLocation: sourceLocation)
    }

    @Test func truncatedJPEG() {
        #expect(Self.good.count > 1000)
        expectCode(Self.good.prefix(Self.good.count * 6 / 10), .corrupt)
        expectCode(Self.good.prefix(400), .corrupt)      // headers only
        expectCode(Self.good.prefix(3), .corrupt)        // just the magic
    }

    @Test func truncatedPNG() {
        #expect(Self.goodPNG.count > 1000)
        expectCode(Self.goodPNG.prefix(Self.goodPNG.count / 2), .corrupt)
        expectCode(Self.goodPNG.prefix(20), .corrupt)    // inside IHDR
    }

    @Test func pngWithBadCRC() {
        var bytes = [UInt8](Self.goodPNG)
        bytes[29] ^= 0xFF                                 // IHDR CRC
        expectCode(Data(bytes), .corrupt)
        var idat = [UInt8](Self.goodPNG)
        idat[idat.count / 2] ^= 0x55                      // inside IDAT: its CRC no longer matches
        expectCode(Data(idat), .corrupt)
    }

    @Test func zeroBytes() { expectCode(Data(), .corrupt) }

    @Test func pngBomb60000() {
        expectCode(PNGBuilder.claiming(width: 60000, height: 60000), .imageTooLarge)
        let report = IDScanChecker().check(PNGBuilder.claiming(width: 60000, height: 60000))
        #expect(report.imageSize == IDScanSize(width: 60000, height: 60000))
        #expect(report.problems.first?.measured == 3600)
    }

    @Test func jpegClaimingHugeFrame() {
        // Rewrite the SOF0 dimensions of a real JPEG to 65000 × 65000.
        var bytes = [UInt8](Self.good)
        guard let sof = (2..<(bytes.count - 9)).first(where: { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 }) else {
            Issue.record("no SOF0"); return
        }
        bytes[sof + 5] = 0xFD; bytes[sof + 6] = 0xE8; bytes[sof + 7] = 0xFD; bytes[sof + 8] = 0xE8
        expectCode(Data(bytes), .imageTooLarge)
    }

    @Test func gifPdfAndOthers() {
        expectCode(Data("GIF89a\u{01}\u{00}\u{01}\u{00}\u{80}\u{00}\u{00};".utf8), .unsupportedFormat)
        // PDFs are read now: a stub without pages or cross-reference table is damaged.
        expectCode(Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8), .corrupt)
        expectCode(Data("RIFF\u{10}\u{00}\u{00}\u{00}WEBPVP8 ".utf8), .unsupportedFormat)
        expectCode(Data([0x42, 0x4D, 0, 0, 0, 0]), .unsupportedFormat)   // BMP
    }

    @Test func randomBytes() {
        var rng = SplitMix64(seed: 42)
        for length in [1, 17, 4096, 100_000] {
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if bytes.first == 0xFF || bytes.first == 0x89 { bytes[0] = 0x00 }
            expectCode(Data(bytes), .unsupportedFormat)
        }
        // Random bytes behind a JPEG or PNG signature are corrupt, not a crash.
        for prefix in [[UInt8]([0xFF, 0xD8, 0xFF, 0xE0]), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]] {
            let bytes = prefix + (0..<5000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            expectCode(Data(bytes), .corrupt)
        }
    }

    @Test func fileTooLarge() {
        var policy = IDScanPolicy()
        policy.maxFileBytes = 1000
        let report = IDScanChecker(policy: policy).check(Self.good)
        #expect(report.codes == [.fileTooLarge])
        #expect(report.problems.first?.threshold == 1000)
    }
}

/// Builds PNG files by hand (for header-only hostile cases).
enum PNGBuilder {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? (0xEDB8_8320 ^ (c >> 1)) : (c >> 1) }
        }
        return c ^ 0xFFFF_FFFF
    }
    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let t = Array(type.utf8)
        return be32(UInt32(body.count)) + t + body + be32(crc32(t + body))
    }
    /// A PNG whose IHDR claims the size; its IDAT holds a few bytes only.
    static func claiming(width: UInt32, height: UInt32) -> Data {
        let sig: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let ihdr = be32(width) + be32(height) + [8, 2, 0, 0, 0]
        let idat: [UInt8] = [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]
        return Data(sig + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", []))
    }
}
