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
}
