import DTECore
import DTEKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress, failures and the summary on the terminal. Progress and failures go to stderr,
/// the summary to stdout. On a TTY the progress line is redrawn in place (at most 10×/s);
/// otherwise a plain line is printed every `progressInterval` seconds.
final class Console: Sendable {
    let quiet: Bool
    let isTTY: Bool
    let progressInterval: Double
    /// What the progress line last showed.
    private struct State {
        var lastDraw = Date.distantPast
        var lineShown = false
        var lastProgress: BatchProgress?
    }
    private let state = Locked(State())

    init(quiet: Bool, progressInterval: Double) {
        self.quiet = quiet
        self.isTTY = isatty(STDERR_FILENO) == 1
        self.progressInterval = progressInterval
    }

    func handle(_ event: BatchEvent) {
        switch event {
        case .started(let total):
            let first = isTTY ? Date.distantPast : Date()
            state.withLock { $0.lastDraw = first }
            if !quiet && !isTTY { note("dtekit batch: \(total) input files") }
        case .input(let outcome, let progress):
            for w in outcome.warnings ?? [] { error("dtekit: warning: \(w)") }
            if outcome.status == .failed {
                var reasons: [String] = []
                if var e = outcome.error {
                    // Readers' messages start with the relative path: don't say it twice.
                    if e.hasPrefix(outcome.relativePath + ":") { e = String(e.dropFirst(outcome.relativePath.count + 1)).trimmingCharacters(in: .whitespaces) }
                    reasons.append(e)
                }
                for d in outcome.documents where d.status == .failed {
                    reasons.append("document \(d.index)\(d.folio.map { " (folio \($0))" } ?? ""): \(d.error ?? "?")")
                }
                error("dtekit: \(outcome.input): \(reasons.joined(separator: "; "))")
            }
            guard !quiet else { return }
            let interval = isTTY ? 0.1 : progressInterval
            let due = state.withLock { s in
                s.lastProgress = progress
                let now = Date()
                let due = now.timeIntervalSince(s.lastDraw) >= interval
                if due { s.lastDraw = now }
                return due
            }
            if due { draw(progress) }
        case .finished:
            // The count a log reader wants last, whatever the speed: a run shorter than the
            // interval still ends with one line, and on a terminal the last redraw is final.
            guard !quiet else { return }
            let last = state.withLock { $0.lastProgress }
            if let last { draw(last, final: true) }
        }
    }

    private func draw(_ p: BatchProgress, final: Bool = false) {
        let pct = p.inputsTotal > 0 ? 100 * p.inputsDone / p.inputsTotal : 100
        var line = "\(p.inputsDone)/\(p.inputsTotal) (\(pct) %) · \(Console.number(p.rate)) files/s"
        if let eta = p.eta { line += " · ETA \(Console.duration(eta))" }
        line += " · rendered \(p.rendered) · unchanged \(p.skipped) · failed \(p.failed)"
        let isTTY = isTTY
        state.withLock { s in
            if isTTY {
                // The final redraw stays on screen: the summary goes below it.
                FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)\(final ? "\n" : "")".utf8))
                s.lineShown = !final
            } else {
                FileHandle.standardError.write(Data("dtekit batch: \(line)\n".utf8))
            }
        }
    }

    func note(_ s: String) {
        guard !quiet else { return }
        clearLine()
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    func error(_ s: String) {
        clearLine()
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    private func clearLine() {
        state.withLock { s in
            if s.lineShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)); s.lineShown = false }
        }
    }

    func summary(_ s: BatchSummary) {
        clearLine()
        guard !quiet else { return }
        var text = "Rendered: \(s.rendered) · unchanged: \(s.skipped) · failed: \(s.failed)"
        if s.notInShard > 0 { text += " · in other shards: \(s.notInShard) files" }
        text += " · PDFs written: \(s.outputsWritten) · time: \(Console.duration(s.elapsedSeconds))"
        if s.cancelled { text += " · INTERRUPTED (what was finished is saved)" }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func number(_ x: Double) -> String {
        String(format: "%.1f", x)
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return number(seconds) + " s" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
