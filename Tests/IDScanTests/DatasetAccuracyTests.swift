import Foundation
import Testing
@testable import IDScan

/// Generates the labelled synthetic data set (≥150 images), checks every image and asserts the
/// accuracy figures of the issue: verdict accuracy ≥ 97%, recall ≥ 90% for every problem code
/// the set exercises, false rejects of good images ≤ 3%.
@Test(.timeLimit(.minutes(10)))
func syntheticDatasetAccuracy() throws {
    let cases = SyntheticDataset.cases()
    #expect(cases.count >= 150)
    let checker = IDScanChecker()
    let outcomes = Outcomes(count: cases.count)
    DispatchQueue.concurrentPerform(iterations: cases.count) { k in
        do {
            let report = checker.check(try cases[k].data())
            outcomes.set(k, .success(report))
        } catch {
            outcomes.set(k, .failure(error))
        }
    }
    var correct = 0, goods = 0, falseRejects = 0
    var perCode: [IDScanProblemCode: (hit: Int, total: Int)] = [:]
    var misses: [String] = []
    for (k, c) in cases.enumerated() {
        let report = try #require(try outcomes.get(k).get())
        if let code = c.expected {
            let hit = report.codes.contains(code)
            perCode[code, default: (0, 0)].total += 1
            if hit { perCode[code, default: (0, 0)].hit += 1 }
            if report.verdict == .reject { correct += 1 }
            if !hit { misses.append("\(c.name): expected \(code.rawValue), got \(report.codes.map(\.rawValue))") }
        } else {
            goods += 1
            if report.verdict == .accept { correct += 1 } else {
                falseRejects += 1
                misses.append("\(c.name): expected accept, got \(report.codes.map(\.rawValue))")
            }
        }
    }
    let accuracy = Double(correct) / Double(cases.count)
    let falseRejectRate = Double(falseRejects) / Double(max(goods, 1))
    var summary = "synthetic data set: \(cases.count) images, verdict accuracy \(String(format: "%.1f", accuracy * 100))%, false rejects \(falseRejects)/\(goods)\n"
    for code in perCode.keys.sorted() {
        let v = perCode[code, default: (0, 0)]
        summary += "  recall \(code.rawValue): \(v.hit)/\(v.total)\n"
    }
    for m in misses { summary += "  miss: \(m)\n" }
    print(summary)
    #expect(accuracy >= 0.97, "\(summary)")
    #expect(falseRejectRate <= 0.03, "\(summary)")
    for (code, v) in perCode {
        #expect(Double(v.hit) / Double(v.total) >= 0.9, "recall of \(code.rawValue) \(v.hit)/\(v.total)\n\(summary)")
    }
    // Every image-content code is exercised by the set.
    let exercised = Set(perCode.keys)
    for code in [IDScanProblemCode.lowResolution, .blurry, .tooDark, .overexposed, .lowContrast, .glare, .cardNotFound, .cropped] {
        #expect(exercised.contains(code), "no image labelled \(code.rawValue)")
    }
}

/// Results written from concurrent workers.
final class Outcomes: @unchecked Sendable {
    private var items: [Result<IDScanReport, any Error>?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<IDScanReport, any Error>) { lock.lock(); items[i] = r; lock.unlock() }
    func get(_ i: Int) throws -> Result<IDScanReport, any Error> {
        lock.lock(); defer { lock.unlock() }
        guard let r = items[i] else { throw OutcomeMissing(index: i) }
        return r
    }
    struct OutcomeMissing: Error, CustomStringConvertible { let index: Int; var description: String { "no outcome for case \(index)" } }
}
