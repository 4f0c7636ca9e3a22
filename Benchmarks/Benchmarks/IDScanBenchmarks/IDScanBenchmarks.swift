import Benchmark
import DTEKit
import DTEKitTestSupport
import Foundation
#if os(Linux)
/// glibc's malloc_trim (not exported by the Glibc module): returns freed heap pages to the OS.
@_silgen_name("malloc_trim") func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// A 4000 × 3000 phone-style photo of the synthetic card (≈2 MB JPEG), made once per run. It is
/// also written to $TMPDIR/dtekit-idscan-benchmark.jpg so scripts/opencv_baseline.py can time
/// OpenCV on exactly the same file.
let phonePhoto: Data = {
    var s = IDScanSyntheticScene()
    s.width = 4000; s.height = 3000
    s.background = .desk
    s.cardWidthFraction = 0.62
    s.rotationDegrees = 4
    s.perspective = 0.03
    s.shadow = 0.2
    s.noise = 5
    s.seed = 4242
    let data = (try? IDScanSyntheticCard.jpeg(s, quality: 90)) ?? Data()
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dtekit-idscan-benchmark.jpg")
    try? data.write(to: url)
    #if os(Linux)
    _ = glibcMallocTrim(0)   // hand the generator's ~100 MB back, so peak memory is the check's own
    #endif
    return data
}()

/// A 2-page scan as a scanner writes it: two A4 pages at 300 dpi (2480 × 3508 px each), each a
/// JPEG (DCTDecode) of the white scanner bed with one card (front, back) near the top left.
let twoPageScanPDF: Data = {
    func page(_ seed: UInt64) -> IDScanTestPDF.ScanPage? {
        var s = IDScanSyntheticScene()
        s.width = 2480; s.height = 3508
        s.background = .white
        s.cardWidthFraction = 1011.0 / 2480.0   // 85.6 mm of 210 mm
        s.centerX = 0.3; s.centerY = 0.18
        s.rotationDegrees = 0.6
        s.noise = 1
        s.seed = seed
        return try? IDScanTestPDF.page(s, quality: 85)
    }
    let pages = [page(77), page(78)].compactMap { $0 }
    let data = IDScanTestPDF.scan(pages, dpi: 300)
    try? data.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("dtekit-idscan-benchmark-scan.pdf"))
    return data
}()

/// A 4000 × 3000 (12 MP) JPEG of the BACK of a synthetic cédula (real QR code and MRZ), made once
/// per run and written to $TMPDIR/dtekit-idscan-back-benchmark.jpg for `zbarimg` on the same file.
let backPhoto: Data = {
    let data = (try? CedulaBackPainter.photo(CedulaBackSpec(), imageWidth: 4000, imageHeight: 3000, cardWidth: 2480,
                                             rotationDegrees: 4, noise: 4, seed: 4242, quality: 90)) ?? Data()
    try? data.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("dtekit-idscan-back-benchmark.jpg"))
    #if os(Linux)
    _ = glibcMallocTrim(0)
    #endif
    return data
}()

let benchmarks: @Sendable () -> Void = {
    let photo = phonePhoto
    let checker = IDScanChecker()
    // Sanity: the benchmark must measure a full, accepted check.
    let report = checker.check(photo)
    precondition(report.verdict == .accept, "benchmark photo rejected: \(report.codes)")

    Benchmark("IDScan check 4000x3000 JPEG (\(photo.count / 1024) KiB)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                                   maxDuration: .seconds(8), maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(checker.check(photo)) }
    }

    let scan = twoPageScanPDF
    let pageReports = checker.checkPages(scan)
    precondition(pageReports.map(\.verdict) == [.accept, .accept], "benchmark scan rejected: \(pageReports.map(\.codes))")
    Benchmark("IDScan checkPages 2-page A4 300-dpi PDF scan (\(scan.count / 1024) KiB)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                                   maxDuration: .seconds(8), maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(checker.checkPages(scan)) }
    }

    // The document check on the back: legibility + QR (+ MRZ OCR), one image.
    let back = backPhoto
    let reference = CedulaDate(year: 2026, month: 11, day: 30) ?? .today()
    let holder = try? RUT("12345678-5")
    for mode in [CedulaCheck.MRZUse.fallback, .crossCheck] {
        let check = CedulaCheck(expectedRUN: holder, referenceDate: reference, mrz: mode)
        let sanity = check.check([back])
        precondition(sanity.verdict == .accept, "benchmark back rejected: \(sanity.allProblems.map(\.code))")
        let expected: CedulaDocument.Source = mode == .fallback ? .qr : .qrAndMRZ
        precondition(sanity.document?.source == expected, "benchmark back read from \(String(describing: sanity.document?.source))")
        Benchmark("CedulaCheck back 4000x3000 JPEG (\(back.count / 1024) KiB), QR, MRZ \(mode.rawValue)",
                  configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                                       maxDuration: .seconds(8), maxIterations: 200)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(check.check([back])) }
        }
    }
}
