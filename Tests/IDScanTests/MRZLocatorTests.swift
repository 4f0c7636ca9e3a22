import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// The checker's own detection image of a labelled case (the encoded file decoded as the checker
/// does it) and the factor from its pixels to the file's.
func detectionImage(_ c: IDScanLabelledCase) throws -> (image: GrayImage, toFile: Double)? {
    detectionImage(try c.data())
}

/// The checker's own detection image of an encoded file and the factor from its pixels to the file's.
func detectionImage(_ data: Data) -> (image: GrayImage, toFile: Double)? {
    let stage = data.withUnsafeBytes { b in IDScanChecker().decodeUpload(b, format: SniffedFormat.sniff(b), page: 0, maxPixels: 40_000_000) }
    guard case let .decoded(decoded, _) = stage else { return nil }
    let frame = SearchFrame(decoded.image)
    return (frame.detectionImage, decoded.scaleX * frame.toDecodedX)
}

/// The true card's long side (mean of the two long edges) in file pixels.
func trueLongSide(_ c: IDScanLabelledCase) -> Double {
    let t = IDScanSyntheticCard.cardCorners(c.scene)
    guard t.count == 4 else { return 0 }
    func d(_ a: IDScanPoint, _ b: IDScanPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
    return max(d(t[0], t[1]) + d(t[2], t[3]), d(t[1], t[2]) + d(t[3], t[0])) / 2
}

/// Tuning aid ($IDSCAN_MRZ_PROBE = comma-separated parts): for every good back, whether the MRZ
/// is found and how far the card estimated from it is from the true card.
@Test(.enabled(if: ProcessInfo.processInfo.environment["IDSCAN_MRZ_PROBE"] != nil, "tuning aid: set IDSCAN_MRZ_PROBE=parts"))
func mrzProbe() throws {
    let parts = (ProcessInfo.processInfo.environment["IDSCAN_MRZ_PROBE"] ?? "").split(separator: ",").compactMap { IDScanSyntheticDataset.Part(rawValue: String($0)) }
    for part in parts {
        let cases = IDScanSyntheticDataset.cases(part: part, scale: 2).filter { $0.expected == nil && $0.scene.side == .back }
        var found = 0
        for c in cases {
            guard let (det, toFile) = try detectionImage(c) else { continue }
            if let dir = ProcessInfo.processInfo.environment["IDSCAN_MRZ_DUMP"] {
                var pgm = Data("P5 \(det.width) \(det.height) 255\n".utf8)
                pgm.append(contentsOf: det.pixels)
                try pgm.write(to: URL(fileURLWithPath: "\(dir)/\(c.name).pgm"))
            }
            let t0 = Date()
            let est = MRZLocator(trace: { print("  \(c.name) \($0)") }).find(det)
            let ms = Int(Date().timeIntervalSince(t0) * 1000)
            let truth = trueLongSide(c)
            if let est {
                found += 1
                print("MRZ \(c.name): est \(Int(est.card.longSide * toFile)) true \(Int(truth)) ratio \(String(format: "%.3f", est.card.longSide * toFile / truth)) pitch \(String(format: "%.1f", est.pitch)) \(ms) ms")
            } else {
                print("MRZ \(c.name): none (true \(Int(truth))) \(ms) ms")
            }
        }
        print("MRZ \(part.rawValue): \(found)/\(cases.count) backs")
    }
}

/// The MRZ look (``MRZLocator``): the card's place and size from its machine-readable zone.
@Suite struct MRZLocatorTests {
    /// A back drawn with a real monospace font and a real QR code (a design the locator was not
    /// tuned on): its MRZ is found and the card estimated within 8 % of its size, turned or not.
    @Test(arguments: [3.0, -12.0])
    func realFontBack(rotation: Double) throws {
        let data = try CedulaBackPainter.photo(CedulaBackSpec(), rotationDegrees: rotation)
        let (det, toFile) = try #require(detectionImage(data))
        let est = try #require(MRZLocator().find(det), "no MRZ found on the real-font back at \(rotation)°")
        let ratio = est.card.longSide * toFile / 1100
        #expect(ratio > 0.92 && ratio < 1.08, "card estimated at \(est.card.longSide * toFile) px, drawn at 1100")
        #expect(abs(est.card.tiltDegrees - rotation) < 2 || abs(abs(est.card.tiltDegrees - rotation) - 180) < 2, "tilt \(est.card.tiltDegrees)°")
    }

    /// Where the tuning part's good backs have their MRZ found (at least 10 of 36: a floor that a
    /// broken locator falls under), the card estimated from it is within −10 … +6 % of the true card.
    @Test func generatedBacks() throws {
        let cases = IDScanSyntheticDataset.cases(part: .tuning, scale: 2).filter { $0.expected == nil && $0.scene.side == .back }
        var found = 0
        for c in cases {
            guard let (det, toFile) = try detectionImage(c), let est = MRZLocator().find(det) else { continue }
            found += 1
            let ratio = est.card.longSide * toFile / trueLongSide(c)
            #expect(ratio > 0.90 && ratio < 1.06, "\(c.name): card estimated at \(ratio) × its size")
        }
        #expect(found >= 10, "MRZ found on \(found) of \(cases.count) good backs")
    }

    /// No MRZ where there is none: the no-card scenes of every tuned-on part (newsprint, magazine
    /// pages, spreadsheets, invoices among them) and the fronts of two parts.
    @Test func noMRZWithoutOne() throws {
        var cases = TunedParts.noCardCases(scale: 2)
        cases += [IDScanSyntheticDataset.Part.tuning, .holdout6].flatMap { part in
            IDScanSyntheticDataset.cases(part: part, scale: 1).filter { $0.expected == nil && $0.scene.side == .front }
        }
        for c in cases {
            guard let (det, _) = try detectionImage(c) else { continue }
            #expect(MRZLocator().find(det) == nil, "\(c.name): an MRZ found where there is none")
        }
    }
}
