import DTECore
import Foundation
import Testing
import IDScan
import DTEKitTestSupport

/// Reading rates of the QR and the MRZ over varied generated backs (run with
/// DTEKIT_MEASURE_CEDULA=N; prints a table for docs/idscan.md). Not part of the normal run.
struct CedulaMeasureTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DTEKIT_MEASURE_CEDULA"] != nil, "a measuring aid: set DTEKIT_MEASURE_CEDULA=N"))
    func measureReadingRates() throws {
        guard let n = ProcessInfo.processInfo.environment["DTEKIT_MEASURE_CEDULA"].flatMap(Int.init) else { return }
        let reference = CedulaDate(year: 2026, month: 11, day: 30)!
        var rng = SplitMix(seed: 2026)
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(rng.next() % 1_000_000) / 1_000_000 }
        for (label, font, bold, size) in [("DejaVu Sans Mono 43px", "DejaVu Sans Mono", false, 43.0),
                                          ("held out: DejaVu Sans Mono Bold 36px", "DejaVu Sans Mono", true, 36.0)] {
            var qrOK = 0, mrzOK = 0, mrzWrong = 0, ms: [Double] = []
            for i in 0..<n {
                var spec = CedulaBackSpec()
                spec.mrzFont = font; spec.mrzBold = bold; spec.mrzSize = size
                spec.runNumber = 5_000_000 + Int(rng.next() % 20_000_000)
                spec.documentNumber = String(100_000_000 + Int(rng.next() % 800_000_000))
                if i % 3 == 0 { spec.documentNumber = "A" + String(spec.documentNumber.dropFirst()); spec.urlStyle = .nuevo2024 }
                spec.birth = .init(1940 + Int(rng.next() % 65), 1 + Int(rng.next() % 12), 1 + Int(rng.next() % 28))
                spec.expiry = .init(2025 + Int(rng.next() % 10), 1 + Int(rng.next() % 12), 1 + Int(rng.next() % 28))
                let cardWidth = uniform(650, 1500)
                let data = try CedulaBackPainter.photo(spec, imageWidth: Int(cardWidth * 1.45), imageHeight: Int(cardWidth * 1.1),
                                                       cardWidth: cardWidth, rotationDegrees: uniform(-10, 10) + (i % 7 == 0 ? 180 : 0),
                                                       noise: uniform(0, 8), seed: UInt64(i + 1), quality: Int(uniform(60, 95)))
                let qr = CedulaCheck(referenceDate: reference, mrz: .off).check([data])
                if qr.document?.run.number == spec.runNumber { qrOK += 1 }
                var damaged = spec
                damaged.damageQR = true
                let data2 = try CedulaBackPainter.photo(damaged, imageWidth: Int(cardWidth * 1.45), imageHeight: Int(cardWidth * 1.1),
                                                        cardWidth: cardWidth, rotationDegrees: uniform(-10, 10) + (i % 7 == 0 ? 180 : 0),
                                                        noise: uniform(0, 8), seed: UInt64(i + 1000), quality: Int(uniform(60, 95)))
                let start = ContinuousClock.now
                let m = CedulaCheck(referenceDate: reference, mrz: .fallback).check([data2])
                let e = ContinuousClock.now - start
                ms.append(Double(e.components.attoseconds) / 1e15 + Double(e.components.seconds) * 1000)
                if let d = m.document {
                    if d.run.number == spec.runNumber && d.documentNumber == spec.documentNumber { mrzOK += 1 } else { mrzWrong += 1 }
                }
            }
            ms.sort()
            print("MEASURE \(label): n=\(n) QR read \(qrOK)/\(n); MRZ-only read \(mrzOK)/\(n), wrong \(mrzWrong); MRZ-path check median \(ms[ms.count / 2]) ms")
        }
    }

    /// Writes sample backs for the README (DTEKIT_WRITE_CEDULA_SAMPLES=DIR).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DTEKIT_WRITE_CEDULA_SAMPLES"] != nil, "a docs aid: set DTEKIT_WRITE_CEDULA_SAMPLES=DIR"))
    func writeSamples() throws {
        guard let dir = ProcessInfo.processInfo.environment["DTEKIT_WRITE_CEDULA_SAMPLES"] else { return }
        let url = URL(fileURLWithPath: dir)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try CedulaBackPainter.photo(CedulaBackSpec()).write(to: url.appendingPathComponent("reverso-vigente.jpg"))
        var expired = CedulaBackSpec()
        expired.expiry = .init(2024, 10, 2)
        try CedulaBackPainter.photo(expired).write(to: url.appendingPathComponent("reverso-vencida.jpg"))
        try CedulaBackPainter.png(CedulaBackPainter.texture(CedulaBackSpec())).write(to: url.appendingPathComponent("textura-reverso.png"))
        // The benchmark's 12 MP back (same parameters as Benchmarks/…/IDScanBenchmarks.swift).
        try CedulaBackPainter.photo(CedulaBackSpec(), imageWidth: 4000, imageHeight: 3000, cardWidth: 2480,
                                    rotationDegrees: 4, noise: 4, seed: 4242, quality: 90)
            .write(to: url.appendingPathComponent("reverso-12mp.jpg"))
    }
}
