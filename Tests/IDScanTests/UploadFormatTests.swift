import DTEKitTestSupport
import Foundation
import Testing
@testable import IDScan

/// PDF and HEIC uploads: scanner-style PDFs (the card image embedded at 300 dpi), multi-page
/// documents, every refusal with its code, and hostile PDFs that must cost nothing. Serialized:
/// the scenes are large, and the suite should not starve time-limited tests running beside it.
@Suite(.serialized) struct UploadFormatTests {
    /// An A6-landscape scan at 300 dpi (148 × 105 mm = 1748 × 1240 px): the card, 85.6 mm wide, is
    /// ≈ 1011 px across, 58% of the page width.
    static func scanScene(seed: Int, hasCard: Bool = true) -> IDScanSyntheticScene {
        var s = SyntheticDataset.good(seed, photo: false)
        s.width = 1748; s.height = 1240
        s.cardWidthFraction = 1011.0 / 1748.0
        s.hasCard = hasCard
        return s
    }

    static func scanPDF(_ scenes: [IDScanSyntheticScene], mediaBox: String? = nil) throws -> Data {
        IDScanTestPDF.scan(try scenes.map { try IDScanTestPDF.page($0) }, dpi: 300, mediaBox: mediaBox)
    }

    /// Issue 13: a 16-bit PNG copy of an accepted 8-bit image was rejected as overexposed
    /// (libpng read the 16-bit samples as linear light and gamma-encoded them).
    @Test func sixteenBitPNGCopyReadsLikeTheEightBitOriginal() throws {
        let scene = SyntheticDataset.good(4, photo: false)
        let image = IDScanSyntheticCard.render(scene)
        let channels = image.pixels.count / (image.width * image.height)   // the generator paints RGB
        let png8 = try IDScanImageEncoder.png(pixels: image.pixels, width: image.width, height: image.height, components: channels)
        let png16 = PNG16.encode(samples: image.pixels.map { UInt16($0) * 257 }, width: image.width, height: image.height, channels: channels)
        let r8 = IDScanChecker().check(png8), r16 = IDScanChecker().check(png16)
        #expect(r8.verdict == .accept, "\(r8.codes)")
        #expect(r16.verdict == .accept, "\(r16.codes)")
        #expect(!r16.codes.contains(.overexposed))
        #expect(abs((r16.metrics.meanLuma ?? 0) - (r8.metrics.meanLuma ?? 0)) < 1, "mean luma \(String(describing: r16.metrics.meanLuma)) vs \(String(describing: r8.metrics.meanLuma))")
    }

    /// CMYK JPEGs (what print shops and designers export) used to be refused; they are decoded,
    /// Adobe's inverted convention included.
    @Test func cmykJPEGIsDecoded() throws {
        let url = TestSupport.repositoryRoot.appendingPathComponent("Tests/DTEPrintTests/Resources/logo-cmyk-adobe.jpg")
        let report = IDScanChecker().check(try Data(contentsOf: url))
        #expect(report.format == "jpeg")
        #expect(!report.codes.contains(.unsupportedFormat) && !report.codes.contains(.corrupt), "\(report.codes)")
        #expect(report.imageSize == IDScanSize(width: 160, height: 80))
    }

    @Test func onePagePDFScanIsCheckedLikeTheImage() throws {
        let scene = Self.scanScene(seed: 3)
        let pdf = try Self.scanPDF([scene])
        let report = IDScanChecker().check(pdf)
        #expect(report.format == "pdf")
        #expect(report.verdict == .accept, "\(report.codes)")
        // Sizes in pixels of the 300-dpi scan, whatever resolution the page was rendered at.
        #expect(report.imageSize == IDScanSize(width: 1748, height: 1240))
        let jpegReport = IDScanChecker().check(try IDScanSyntheticCard.jpeg(scene))
        #expect(jpegReport.verdict == .accept)
        let pdfCard = try #require(report.metrics.cardWidth), jpegCard = try #require(jpegReport.metrics.cardWidth)
        #expect(abs(pdfCard - jpegCard) / jpegCard < 0.02, "card \(pdfCard) px in the PDF, \(jpegCard) px in the JPEG")
        #expect(abs(pdfCard - 1011) / 1011 < 0.03)
        // Rendering (≈ 1:1 here) keeps the card's sharpness and exposure as in the JPEG.
        let pdfSharp = try #require(report.metrics.sharpness), jpegSharp = try #require(jpegReport.metrics.sharpness)
        #expect(abs(pdfSharp - jpegSharp) / jpegSharp < 0.15, "sharpness \(pdfSharp) in the PDF, \(jpegSharp) in the JPEG")
        #expect(abs((report.metrics.meanLuma ?? 0) - (jpegReport.metrics.meanLuma ?? 0)) < 3)
        // One page: checkPages is the same single report.
        #expect(IDScanChecker().checkPages(pdf).map(\.verdict) == [.accept])
    }

    /// An A4 page at 300 dpi is rendered at ≈ 170 dpi: the verdicts are those of the same scans as
    /// JPEG files (sharp → accepted, blurred → `blurry`).
    @Test func a4ScanRenderedBelowItsResolutionKeepsTheVerdicts() throws {
        var sharp = SyntheticDataset.good(9, photo: false)
        sharp.width = 2480; sharp.height = 3508
        sharp.cardWidthFraction = 1011.0 / 2480.0
        sharp.centerX = 0.3; sharp.centerY = 0.18
        var blurred = sharp
        blurred.gaussianBlur = 6
        let reports = IDScanChecker().checkPages(try Self.scanPDF([sharp, blurred]))
        let jpegReports = try [sharp, blurred].map { IDScanChecker().check(try IDScanSyntheticCard.jpeg($0)) }
        #expect(reports.map(\.codes) == [[], [.blurry]], "\(reports.map(\.codes)) \(reports.map(\.metrics.sharpness))")
        #expect(reports.map(\.codes) == jpegReports.map(\.codes), "JPEG sharpness \(jpegReports.map(\.metrics.sharpness))")
        #expect(reports.first?.imageSize == IDScanSize(width: 2480, height: 3508))
        #expect(abs((reports.first?.metrics.cardWidth ?? 0) - 1011) / 1011 < 0.03)
    }

    @Test func frontAndBackInOnePDFGiveOneReportPerPage() throws {
        let front = Self.scanScene(seed: 5), back = Self.scanScene(seed: 6)
        let blank = Self.scanScene(seed: 7, hasCard: false)
        let pdf = try Self.scanPDF([front, back, blank])
        let reports = IDScanChecker().checkPages(pdf)
        #expect(reports.count == 3)
        #expect(reports.map(\.verdict) == [.accept, .accept, .reject], "\(reports.map(\.codes))")
        #expect(reports.last?.codes.first == .cardNotFound, "\(reports.map(\.codes))")
        #expect(reports.allSatisfy { $0.format == "pdf" })
        // check() reads the first page.
        #expect(IDScanChecker().check(pdf).verdict == .accept)
        // Front alone, two pages (front + back) both accepted.
        #expect(IDScanChecker().checkPages(try Self.scanPDF([front, back])).map(\.verdict) == [.accept, .accept])
    }

    /// Several threads checking PDFs at once (poppler's first-use set-up included) agree with one.
    @Test func concurrentPDFChecksAgree() throws {
        let pdf = try Self.scanPDF([Self.scanScene(seed: 5), Self.scanScene(seed: 6)])
        let checker = IDScanChecker()
        let outcomes = Outcomes(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            let reports = checker.checkPages(pdf)
            outcomes.set(k, .success(reports.count == 2 ? reports[k % 2] : checker.check(Data())))
        }
        let serial = checker.checkPages(pdf).map { r -> IDScanReport in var r = r; r.elapsedMilliseconds = 0; return r }
        for k in 0..<4 {
            var r = try outcomes.get(k).get()
            r.elapsedMilliseconds = 0
            #expect(r == serial[k % 2])
        }
    }

    @Test func moreThanFourPagesIsRefusedByCount() throws {
        for count in [5, 10_000] {
            let pdf = IDScanTestPDF.blankPages(count)
            let report = IDScanChecker().check(pdf)
            #expect(report.codes == [.unsupportedFormat])
            let problem = try #require(report.problems.first)
            #expect(problem.measured == Double(count))
            #expect(problem.threshold == 4)
            #expect(problem.messageES.contains("\(count) páginas"))
            #expect(problem.messageEN.contains("\(count) pages"))
            #expect(IDScanChecker().checkPages(pdf).map(\.codes) == [[.unsupportedFormat]])
        }
        // Four blank pages are read: four reports, no card on any (and a white page is overexposed).
        let four = IDScanChecker().checkPages(IDScanTestPDF.blankPages(4))
        #expect(four.map(\.codes) == Array(repeating: [.cardNotFound, .overexposed], count: 4))
    }

    @Test func passwordProtectedPDFIsUnsupportedWithItsOwnMessage() throws {
        let dir = try TestSupport.temporaryDirectory("idscan-pdf")
        let plain = dir.appendingPathComponent("plain.pdf")
        try Self.scanPDF([Self.scanScene(seed: 3)]).write(to: plain)
        let locked = dir.appendingPathComponent("locked.pdf"), ownerOnly = dir.appendingPathComponent("owner.pdf")
        let a = try TestSupport.run(tool: "qpdf", ["--encrypt", "secret", "owner", "256", "--", plain.path, locked.path])
        let b = try TestSupport.run(tool: "qpdf", ["--encrypt", "", "owner", "256", "--", plain.path, ownerOnly.path])
        #expect(a.status == 0 && b.status == 0)
        let report = IDScanChecker().check(try Data(contentsOf: locked))
        #expect(report.codes == [.unsupportedFormat])
        #expect(report.problems.first?.messageEN.contains("password-protected") == true)
        #expect(report.problems.first?.messageES.contains("contraseña") == true)
        // Only an owner password (permissions, no password to open): read as usual.
        #expect(IDScanChecker().check(try Data(contentsOf: ownerOnly)).verdict == .accept)
    }

    @Test func truncatedAndBrokenPDFsAreCorrupt() throws {
        let pdf = try Self.scanPDF([Self.scanScene(seed: 3)])
        for fraction in [0.1, 0.5, 0.9, 0.999] {
            let cut = pdf.prefix(Int(Double(pdf.count) * fraction))
            #expect(IDScanChecker().check(Data(cut)).codes == [.corrupt], "cut at \(fraction)")
        }
        #expect(IDScanChecker().check(Data("%PDF-1.7\n%%EOF\n".utf8)).codes == [.corrupt])
        // No pages at all.
        let empty = IDScanTestPDF.document([Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
                                            Data("<< /Type /Pages /Kids [] /Count 0 >>".utf8)])
        #expect(IDScanChecker().check(empty).codes == [.corrupt])
    }

    @Test func hugeMediaBoxRendersWithinTheMegapixelCap() throws {
        let scene = Self.scanScene(seed: 3)
        for box in ["[0 0 14400 14400]", "[0 0 1000000 1000000]", "[0 0 14400 1]"] {
            let pdf = try Self.scanPDF([scene], mediaBox: box)
            let report = IDScanChecker().check(pdf)
            // Whatever the outcome, nothing near the page's nominal size was allocated.
            let decoded = (report.metrics.decodedWidth ?? 0) * (report.metrics.decodedHeight ?? 0)
            #expect(decoded <= IDScanChecker.pdfRenderLongSide * IDScanChecker.pdfRenderLongSide, "\(box)")
            if let size = report.imageSize {
                #expect(Double(size.width) * Double(size.height) <= IDScanPolicy.default.maxMegapixels * 1_000_000 * 1.001, "\(box)")
            }
            #expect(report.verdict == .reject || report.problems.isEmpty)
        }
        // A tighter cap lowers the assumed resolution too.
        var policy = IDScanPolicy(); policy.maxMegapixels = 1
        let small = IDScanChecker(policy: policy).check(try Self.scanPDF([scene], mediaBox: "[0 0 14400 14400]"))
        let size = try #require(small.imageSize)
        #expect(Double(size.width) * Double(size.height) <= 1_001_000)
    }

    @Test func deeplyNestedObjectsDoNotCrash() {
        for depth in [1_000, 100_000] {
            let report = IDScanChecker().check(IDScanTestPDF.deepNesting(depth: depth))
            #expect(report.verdict == .reject, "depth \(depth)")
            #expect(report.codes.first == .cardNotFound || report.codes == [.corrupt], "depth \(depth): \(report.codes)")
        }
    }

    @Test func heicPhotoIsDecodedWithLibheif() throws {
        var scene = SyntheticDataset.good(11, photo: true)
        scene.width = 1200; scene.height = 900
        let dir = try TestSupport.temporaryDirectory("idscan-heic")
        let png = dir.appendingPathComponent("card.png"), heic = dir.appendingPathComponent("card.heic")
        try IDScanSyntheticCard.png(scene).write(to: png)
        let enc = try TestSupport.run(tool: "heif-enc", ["-q", "90", "-o", heic.path, png.path])
        #expect(enc.status == 0)
        let data = try Data(contentsOf: heic)
        let report = IDScanChecker().check(data)
        #expect(report.format == "heif")
        #expect(report.imageSize == IDScanSize(width: 1200, height: 900))
        #expect(report.verdict == .accept, "\(report.codes)")
        let jpegReport = IDScanChecker().check(try IDScanSyntheticCard.jpeg(scene))
        if let a = report.metrics.cardWidth, let b = jpegReport.metrics.cardWidth {
            #expect(abs(a - b) / b < 0.02)
        } else { Issue.record("card not measured") }
        // The megapixel cap applies from the container's header, before decoding.
        var policy = IDScanPolicy(); policy.maxMegapixels = 0.5
        let capped = IDScanChecker(policy: policy).check(data)
        #expect(capped.codes == [.imageTooLarge])
        #expect(capped.problems.first?.measured == 1.08)
        // Truncated: damaged, not a crash.
        #expect(IDScanChecker().check(data.prefix(data.count / 2)).codes == [.corrupt])
        #expect(IDScanChecker().check(data.prefix(40)).codes == [.corrupt])
    }

    @Test func checkIDCommandReadsPDFs() throws {
        let dir = try TestSupport.temporaryDirectory("check-id-pdf")
        let scan = dir.appendingPathComponent("escaneo.pdf"), long = dir.appendingPathComponent("largo.pdf")
        try Self.scanPDF([Self.scanScene(seed: 3)]).write(to: scan)
        try IDScanTestPDF.blankPages(5).write(to: long)
        let ok = try TestSupport.dtekit(["check-id", scan.path, "--json"])
        #expect(ok.status == 0, "\(ok.stdoutText)\(ok.stderrText)")
        let object = try JSONSerialization.jsonObject(with: ok.stdout) as? [String: Any]
        #expect(object?["format"] as? String == "pdf")
        #expect(object?["verdict"] as? String == "accept")
        let bad = try TestSupport.dtekit(["check-id", long.path])
        #expect(bad.status == 1)
        #expect(bad.stdoutText.contains("[unsupported-format] El PDF tiene 5 páginas"), "\(bad.stdoutText)")
    }

    /// Garbage behind an ISO-BMFF `ftyp` box (HEIC brand or a video's) is refused, never decoded.
    @Test func hostileHEIFContainers() {
        var rng = SplitMix64(seed: 7)
        for brand in ["heic", "mif1", "isom"] {
            for length in [0, 16, 5000] {
                let head: [UInt8] = [0, 0, 0, 24] + Array("ftyp\(brand)".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)
                let body = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                let report = IDScanChecker().check(Data(head + body))
                #expect(report.format == "heif")
                #expect(report.codes == [.corrupt] || report.codes == [.unsupportedFormat], "\(brand) \(length): \(report.codes)")
            }
        }
    }

    @Test func heicFallbackMessageTellsHowToExportJPEG() {
        let p = IDScanProblem.heicWithoutDecoder
        #expect(p.code == .unsupportedFormat)
        #expect(p.messageES.contains("Más compatible") && p.messageES.contains("JPEG"))
        #expect(p.messageEN.contains("Most Compatible") && p.messageEN.contains("JPEG"))
    }

    /// Every input the PDF fuzz pass kept (Resources/fuzz-corpus-pdf) through the whole check.
    @Test func pdfFuzzCorpusRegression() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/fuzz-corpus-pdf")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
        #expect(files.count >= 10, "the PDF fuzz corpus is missing at \(dir.path)")
        var policy = IDScanPolicy(); policy.maxMegapixels = 4   // as in the harness
        for file in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            var data = try Data(contentsOf: file)
            if !data.starts(with: Array("%PDF".utf8)) { data = Data("%PDF-1.4\n".utf8) + data }   // as the harness does
            let reports = IDScanChecker(policy: policy).checkPages(data)
            #expect((1...IDScanChecker.maxPDFPages).contains(reports.count), "\(file.lastPathComponent)")
            for r in reports { #expect((r.verdict == .accept) == r.problems.isEmpty, "\(file.lastPathComponent)") }
        }
    }
}
