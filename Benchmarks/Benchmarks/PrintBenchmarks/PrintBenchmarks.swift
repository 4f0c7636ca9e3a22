import Benchmark
import DTEKit
import Foundation

// Printout throughput: sample 33-DTE--76354771-K--33--170.xml, 400 × 200 PNG logo, each PDF
// complete in memory. Targets: letter ≥ 250 PDFs/s, 80 mm roll ≥ 200 PDFs/s (single thread),
// PDF ≤ 45 KB, 10,000 documents in one process < 100 MB peak RSS.

private let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
}()

private let siiSamples: URL = {
    if let env = ProcessInfo.processInfo.environment["DTEKIT_SII_DIR"] {
        return URL(fileURLWithPath: env).appendingPathComponent("samples")
    }
    return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/sii/samples")
}()

private func fixture(_ template: String) -> (Printout, DTEDocument) {
    do {
        let t = try PrintTemplate.named(template, in: repositoryRoot.appendingPathComponent("Templates"))
        let logo = try Logo(contentsOf: repositoryRoot.appendingPathComponent("Samples/logo.png"))
        let env = try DTEReader().read(contentsOf: siiSamples.appendingPathComponent("33-DTE--76354771-K--33--170.xml"))
        guard let doc = env.documents.first else { fatalError("sample 170 has no document") }
        return (try Printout(template: t, logo: logo), doc)
    } catch {
        fatalError("benchmark fixture: \(error)")
    }
}

// One Printout per template for the whole run, as the onboarding service and the batch hold one:
// the figures are steady-state throughput, not the first-use cost of a fresh font map and logo.
private let carta = fixture("carta")
private let roll80 = fixture("termica-80mm")

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident],
                                           warmupIterations: 20, maxDuration: .seconds(5), maxIterations: 2000)

    Benchmark("PDF letter (carta) 33-170 + logo") { benchmark in
        let (p, doc) = carta
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try p.pdf(for: doc)) }
    }

    Benchmark("PDF roll-80 (termica-80mm) 33-170 + logo") { benchmark in
        let (p, doc) = roll80
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try p.pdf(for: doc)) }
    }

    Benchmark("PDF letter cedible 33-170 + logo") { benchmark in
        let (p, doc) = carta
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try p.pdf(for: doc, copy: .cedible)) }
    }

    Benchmark("10,000 letter PDFs in one process",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0,
                                   maxDuration: .seconds(300), maxIterations: 1)) { benchmark in
        let (p, doc) = carta
        var bytes = 0
        benchmark.startMeasurement()
        for _ in 0..<10_000 { bytes += try p.pdf(for: doc).count }
        blackHole(bytes)
    }
}
