import Foundation
import Testing
@testable import IDScan
import DTEKitTestSupport

/// Writes the data set and the reports to $IDSCAN_EXPLORE (a folder) when set: a tuning aid,
/// reported as skipped (not as passed) in ordinary runs.
@Test(.enabled(if: ProcessInfo.processInfo.environment["IDSCAN_EXPLORE"] != nil, "tuning aid: set IDSCAN_EXPLORE=DIR"))
func exploreDataset() throws {
    let dir = try #require(ProcessInfo.processInfo.environment["IDSCAN_EXPLORE"])
    let filter = ProcessInfo.processInfo.environment["IDSCAN_EXPLORE_FILTER"] ?? ""
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let checker = IDScanChecker()
    let prefixes = filter.split(separator: ",").map(String.init)
    let part = ProcessInfo.processInfo.environment["IDSCAN_EXPLORE_PART"] ?? "tuning"
    let scale = Int(ProcessInfo.processInfo.environment["IDSCAN_EXPLORE_SCALE"] ?? "") ?? 1
    let all = IDScanSyntheticDataset.Part.allCases.filter { (part == "all" && $0 != .holdout15) || $0.rawValue == part }   // holdout15 only when named
        .flatMap { IDScanSyntheticDataset.cases(part: $0, scale: scale) }
    let cases = all.filter { c in prefixes.isEmpty || prefixes.contains { c.name.hasPrefix($0) } }
    let lines = Results(count: cases.count)
    // IDSCAN_EXPLORE_RENDER_ONLY: only the scenes (to look at the generator without the checker's results).
    if ProcessInfo.processInfo.environment["IDSCAN_EXPLORE_RENDER_ONLY"] != nil {
        DispatchQueue.concurrentPerform(iterations: cases.count) { k in
            if let png = try? IDScanSyntheticCard.png(cases[k].scene) { try? png.write(to: URL(fileURLWithPath: "\(dir)/\(cases[k].name)-view.png")) }
        }
        return
    }
    DispatchQueue.concurrentPerform(iterations: cases.count) { k in
        let c = cases[k]
        let t0 = Date()
        guard let data = try? c.data() else { return }
        let t1 = Date()
        let r = checker.check(data)
        try? data.write(to: URL(fileURLWithPath: "\(dir)/\(c.name).\(data.first == 0x89 ? "png" : "jpg")"))
        let m = r.metrics
        let ok = (c.expected == nil && r.verdict == .accept) || (c.expected.map { r.codes.contains($0) } ?? false)
        // The card's true long side (mean of the two long edges) and both outlines, to tell an inner quad from a small card.
        let t = IDScanSyntheticCard.cardCorners(c.scene)
        func dist(_ a: IDScanPoint, _ b: IDScanPoint) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
        let trueLong = t.count == 4 ? Int(max(dist(t[0], t[1]) + dist(t[2], t[3]), dist(t[1], t[2]) + dist(t[3], t[0])) / 2) : -1
        let fmt = { (q: [IDScanPoint]) in q.map { "\(Int($0.x)),\(Int($0.y))" }.joined(separator: " ") }
        let line = "\(ok ? "OK  " : "BAD ")\(c.name) true=\(trueLong) [\(fmt(t))] found=[\(fmt(r.corners ?? []))] exp=\(c.expected?.rawValue ?? "accept") got=\(r.codes.map(\.rawValue)) w=\(m.cardWidth ?? -1) asp=\(m.cardAspect ?? -1) sharp=\(m.sharpness ?? -1) ten=\(m.tenengrad ?? -1) mean=\(m.meanLuma ?? -1) con=\(m.contrast ?? -1) block=\(m.blockiness ?? -1) glare=\(m.glareFraction ?? -1) clip=\(m.clippedFraction ?? -1) p5=\(m.p5Luma ?? -1) gen=\(Int(t1.timeIntervalSince(t0) * 1000))ms check=\(Int(r.elapsedMilliseconds))ms"
        if !ok, let png = try? IDScanSyntheticCard.png(c.scene) {
            try? png.write(to: URL(fileURLWithPath: "\(dir)/\(c.name)-view.png"))
        }
        lines.set(k, line)
    }
    try lines.all.joined(separator: "\n").write(toFile: "\(dir)/report.txt", atomically: true, encoding: .utf8)
}

final class Results: @unchecked Sendable {
    private var items: [String]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: "", count: count) }
    func set(_ i: Int, _ s: String) { lock.lock(); items[i] = s; lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
