import Benchmark
import DTEKit
import Foundation

// DTEReader on a typical single-document EnvioDTE (33-EnvioDTE-F000005T33.xml, 12.7 KB):
// the batch reads thousands of files, so the reader must stay far below the printout's cost
// (a letter PDF takes ≈ 2–5 ms). This figure used to be a timed unit test; a timing belongs here.

private let siiSamples: URL = {
    if let env = ProcessInfo.processInfo.environment["DTEKIT_SII_DIR"] {
        return URL(fileURLWithPath: env).appendingPathComponent("samples")
    }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("shared/sii/samples")
}()

private let typical: Data = {
    let url = siiSamples.appendingPathComponent("33-EnvioDTE-F000005T33.xml")
    guard let data = FileManager.default.contents(atPath: url.path) else {
        fatalError("SII sample not found at \(url.path): set DTEKIT_SII_DIR to the shared/sii folder")
    }
    return data
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident],
                                           warmupIterations: 20, maxDuration: .seconds(5), maxIterations: 5000)

    Benchmark("DTEReader typical EnvioDTE (12.7 KB)") { benchmark in
        let reader = DTEReader()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try reader.read(typical, source: "F000005T33.xml")) }
    }
}
