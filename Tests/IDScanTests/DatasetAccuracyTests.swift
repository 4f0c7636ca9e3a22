import DTEKitTestSupport
import Foundation
import IDScan
import Testing

/// Accuracy of the checker on the split synthetic data set (see `IDScanSyntheticDataset`): the
/// thresholds were tuned on the `tuning` part, the straight-edge look on the `kept-out` part, and
/// the glare solidity and the second look at a too-small card on the `fresh` part, the opening of
/// the tone split on the `holdout2` part, the texture-boundary and plain-margin looks on all of
/// them and `max_blockiness` on `holdout3` (each after its one evaluation). The `holdout4` part
/// (committed before the tuning of 2026-12-01, session 3) was evaluated once after it, at db917b0
/// (docs/idscan.md) and is a tuned-on part from then on (the pairs of plain regions). The
/// `holdout5` part (committed before holdout4 was tuned on) was evaluated once, at d44f304
/// (90.8 %), and is tuned on since 2026-12-01, session 4 (the tight scan's plain frame strip, the
/// seeded look). The `holdout6` part (committed, 190e6c4, before holdout5 was tuned on) was
/// evaluated once (93.7 %) and is a tuned-on part from then on. The `holdout7` part (committed
/// before holdout6 was tuned on) was evaluated once, at b8dbf85 (94.8 %), and is a tuned-on part
/// from 2026-12-01, session 5 (the tight scan's aspect). The `holdout8` part (committed before
/// holdout7 was tuned on) was evaluated once, at 421d2c6 (92.0 %), and is a tuned-on part from
/// 2026-12-01, session 7. The `holdout9` part (committed before holdout8 was tuned on) was
/// evaluated once, at a48a9c0 (96.0 %), and is a tuned-on part from 2026-12-01, session 8. The
/// `holdout10` part (committed before holdout9 was tuned on) was evaluated once, at 5b63d32
/// (96.0 %), and is a tuned-on part from 2026-12-02, session 9. The `holdout11` part (committed
/// before holdout10 was tuned on) was evaluated once, at b2f66af (95.4 %, the first part evaluated
/// with the data set's ICAO MRZ), and is a tuned-on part from 2026-12-02, session 10. The
/// `holdout12` part (committed before holdout11 was tuned on) was evaluated once, at 4317597
/// (92.0 %), and is a tuned-on part from the commit of `holdout13` (committed before holdout12 was
/// evaluated). The `holdout13` part (committed before holdout12 was evaluated) was evaluated once,
/// at e1fdba4 (95.4 %), and is a tuned-on part from the commit of `holdout14` (committed before
/// that evaluation). The `holdout14` part was evaluated once, at 2b08757 (94.8 %), and counts as
/// a tuned-on part from the commit of `holdout15` (committed before that evaluation), which runs
/// only when named: it stays unseen until its one evaluation.
struct DatasetAccuracy {
    struct Summary: CustomStringConvertible {
        var total = 0, correct = 0, goods = 0, falseRejects = 0, bads = 0, falseAccepts = 0
        var perCode: [IDScanProblemCode: (hit: Int, total: Int)] = [:]
        var misses: [String] = []
        var accuracy: Double { Double(correct) / Double(max(total, 1)) }
        var falseRejectRate: Double { Double(falseRejects) / Double(max(goods, 1)) }
        var falseAcceptRate: Double { Double(falseAccepts) / Double(max(bads, 1)) }
        var description: String {
            var s = String(format: "%d images: verdict accuracy %.1f%% (%d/%d), false rejects %d/%d (%.1f%%), false accepts %d/%d (%.1f%%)\n",
                           total, accuracy * 100, correct, total, falseRejects, goods, falseRejectRate * 100,
                           falseAccepts, bads, falseAcceptRate * 100)
            for code in perCode.keys.sorted() {
                let v = perCode[code, default: (0, 0)]
                s += "  recall \(code.rawValue): \(v.hit)/\(v.total)\n"
            }
            for m in misses { s += "  miss: \(m)\n" }
            return s
        }
    }

    /// `parallel` spreads the images over every core; the always-run slice goes one at a time so
    /// the rest of the suite (run in parallel by swift-testing) is not starved of CPU.
    static func evaluate(_ cases: [IDScanLabelledCase], parallel: Bool = true) throws -> Summary {
        let checker = IDScanChecker()
        let outcomes = Outcomes(count: cases.count)
        @Sendable func one(_ k: Int) {
            do { outcomes.set(k, .success(checker.check(try cases[k].data()))) } catch { outcomes.set(k, .failure(error)) }
        }
        if parallel { DispatchQueue.concurrentPerform(iterations: cases.count, execute: one) } else { cases.indices.forEach(one) }
        var s = Summary()
        for (k, c) in cases.enumerated() {
            let report = try outcomes.get(k).get()
            s.total += 1
            if let code = c.expected {
                s.bads += 1
                let hit = report.codes.contains(code)
                s.perCode[code, default: (0, 0)].total += 1
                if hit { s.perCode[code, default: (0, 0)].hit += 1 }
                if report.verdict == .reject { s.correct += 1 } else { s.falseAccepts += 1 }
                if !hit { s.misses.append("\(c.name): expected \(code.rawValue), got \(report.codes.map(\.rawValue))") }
            } else {
                s.goods += 1
                if report.verdict == .accept { s.correct += 1 } else {
                    s.falseRejects += 1
                    s.misses.append("\(c.name): expected accept, got \(report.codes.map(\.rawValue))")
                }
            }
        }
        return s
    }

    /// Every third image of a part's scale-1 set: both sides, photos, scans, tight scans and every
    /// kind of bad image (29 images).
    static func slice(_ part: IDScanSyntheticDataset.Part) -> [IDScanLabelledCase] {
        IDScanSyntheticDataset.cases(part: part, scale: 1).enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
    }

    /// A small deterministic slice of the kept-out part (now a second tuning part: the straight-edge
    /// look was built on its misses), checked on every run.
    @Test(.timeLimit(.minutes(30)))
    func keptOutSubset() throws {
        let cases = Self.slice(.keptOut)
        #expect(cases.count >= 29)
        let s = try Self.evaluate(cases, parallel: false)
        print("kept-out subset: \(s)")
        #expect(s.falseAcceptRate <= 0.05, "\(s)")
        // Regression floors at the measured level (27/29, 2 false rejects of 12: a light card on
        // printed paper and a noisy one, card-not-found).
        #expect(s.accuracy >= 0.93, "\(s)")
        #expect(s.falseRejects <= 2, "\(s)")
        withKnownIssue("issue 11 targets on the kept-out part (accuracy ≥ 97 %, false rejects ≤ 3 %) not met yet", isIntermittent: true) {
            #expect(s.accuracy >= 0.97, "\(s)")
            #expect(s.falseRejectRate <= 0.03, "\(s)")
        }
        #expect(Set(cases.compactMap(\.expected)).count >= 9, "the slice must exercise every image-content code")
    }

    /// The same slice of the fresh part (kept out of tuning until its one evaluation, tuned on
    /// since: glare solidity, the second look at a too-small card; see docs/idscan.md).
    @Test(.timeLimit(.minutes(30)))
    func freshSubset() throws {
        let cases = Self.slice(.fresh)
        #expect(cases.count >= 29)
        let s = try Self.evaluate(cases, parallel: false)
        print("fresh subset: \(s)")
        #expect(s.falseAcceptRate <= 0.05, "\(s)")
        // Regression floors at the measured level (28/29, 1 false reject of 12: a card drawn just
        // under 600 px by perspective; 26/29 with 3 before the margin look of 2026-12-01).
        #expect(s.accuracy >= 0.96, "\(s)")
        #expect(s.falseRejects <= 1, "\(s)")
        withKnownIssue("issue 11 targets on the fresh part (accuracy ≥ 97 %, false rejects ≤ 3 %) not met yet", isIntermittent: true) {
            #expect(s.accuracy >= 0.97, "\(s)")
            #expect(s.falseRejectRate <= 0.03, "\(s)")
        }
        #expect(Set(cases.compactMap(\.expected)).count >= 9, "the slice must exercise every image-content code")
    }

    /// The same slice of holdout2 (never tuned on until its one evaluation, a tuning part since:
    /// docs/idscan.md), checked on every run. Its slice holds none of the part's false rejects
    /// (scale 2): the floor is the measured 29/29.
    @Test(.timeLimit(.minutes(30)))
    func holdout2Subset() throws {
        let cases = Self.slice(.holdout2)
        #expect(cases.count >= 29)
        let s = try Self.evaluate(cases, parallel: false)
        print("holdout2 subset: \(s)")
        #expect(s.falseAcceptRate <= 0.05, "\(s)")
        #expect(s.correct == s.total, "\(s)")
        #expect(Set(cases.compactMap(\.expected)).count >= 9, "the slice must exercise every image-content code")
    }

    /// The documented figures: every part at scale $IDSCAN_ACCURACY (87 images per part per unit);
    /// $IDSCAN_ACCURACY_PARTS (comma-separated raw values, default all but `holdout15`) restricts the
    /// parts, so that a kept-out part can stay unseen while tuning; `holdout15` runs only when named
    /// there (its one evaluation, at the end). Reported as skipped in ordinary runs.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["IDSCAN_ACCURACY"] != nil, "full report: set IDSCAN_ACCURACY=scale"),
          .timeLimit(.minutes(60)))
    func fullSplitReport() throws {
        let env = ProcessInfo.processInfo.environment
        let scale = Int(env["IDSCAN_ACCURACY"] ?? "") ?? 3
        let wanted = env["IDSCAN_ACCURACY_PARTS"].map { $0.split(separator: ",").map(String.init) }
        var table = "part | role | images | verdict accuracy | false rejects | false accepts\n"
        for part in IDScanSyntheticDataset.Part.allCases where wanted?.contains(part.rawValue) ?? (part != .holdout15) {
            let s = try Self.evaluate(IDScanSyntheticDataset.cases(part: part, scale: scale))
            print("\(part.rawValue.uppercased()) (scale \(scale)): \(s)")
            table += String(format: "%@ | %@ | %d | %.1f%% | %d/%d (%.1f%%) | %d/%d (%.1f%%)\n", part.rawValue,
                            part == .holdout15 ? "never tuned on" : "tuned on", s.total, s.accuracy * 100,
                            s.falseRejects, s.goods, s.falseRejectRate * 100, s.falseAccepts, s.bads, s.falseAcceptRate * 100)
            #expect(s.falseAcceptRate <= 0.05, "\(part.rawValue): \(s)")
            switch part {
            case .tuning:
                #expect(s.accuracy >= 0.97, "\(s)")
            case .keptOut, .fresh, .holdout2, .holdout3, .holdout4, .holdout5, .holdout6, .holdout7, .holdout8, .holdout9, .holdout10, .holdout11, .holdout12, .holdout13, .holdout14, .holdout15:
                // Measured against the targets on every part; only the never-tuned part's figure
                // (holdout15) says how the checker generalises.
                let role = part == .holdout15 ? "the never-tuned part" : "a tuned-on part"
                withKnownIssue("issue 11 targets (accuracy ≥ 97 %, false rejects ≤ 3 %) on \(part.rawValue) (\(role)) not met yet", isIntermittent: true) {
                    #expect(s.accuracy >= 0.97, "\(s)")
                    #expect(s.falseRejectRate <= 0.03, "\(s)")
                }
            }
        }
        print("SUMMARY (scale \(scale))\n" + table)
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
