import ArgumentParser
import DTEKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dtekit batch --template T [--logo L] INPUT… --out DIR`: re-renders an archive of DTEs.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Re-renders folders of DTE XML to PDF: every core, incremental, atomic, resumable, shardable.",
        discussion: """
        INPUT are files or folders (searched recursively for *.xml); EnvioDTE/EnvioBOLETA files give \
        one PDF per document, named <RUTEmisor>_<TipoDTE>_<Folio>[_cedible].pdf. A manifest in --out \
        records what each PDF was made from, so a re-run renders only what changed (inputs, template, \
        logo, renderer version). PDFs are written to a temporary file and renamed into place: a run \
        killed at any moment leaves only complete PDFs and the next run finishes the job. A bad input \
        is reported with its file and reason and the rest goes on; the exit code is 1 when anything \
        failed. --shard K/N renders only shard K of N (stable hash of each input's path relative to \
        its INPUT folder and the document's index), so N machines can split one archive.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Template YAML file (or the name of a bundled template).", valueName: "file"))
    var template: String?

    @Option(name: .long, help: ArgumentHelp("Logo image (PNG or JPEG).", valueName: "file"))
    var logo: String?

    @Argument(help: ArgumentHelp("DTE XML files or folders.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Render threads (default: every core; at most 4 × cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Re-render everything, ignoring the manifest.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Render only shard K of N (0 ≤ K < N), e.g. 3/8.", valueName: "K/N"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp("Write a JSON report of every input's outcome.", valueName: "file"))
    var report: String?

    @Flag(name: .long, help: "No progress line and no summary (failures are still printed).")
    var quiet = false

    @Flag(name: .long, help: "Keep running; re-render when the template, the logo or an input changes.")
    var watch = false

    @Flag(name: .long, help: "With --watch: poll modification times instead of using inotify.")
    var poll = false

    @Option(name: .long, help: ArgumentHelp("Copies to render where the document allows them (default: the template's copies).", valueName: "tributaria,cedible"))
    var copies: String?

    @Flag(name: .long, help: "Do not fsync each PDF (faster; a killed run is still safe, a power cut may not be).")
    var noFsync = false

    @Flag(name: .long, help: "Refuse documents that deviate from the SII schema (default: print them, deviations as warnings).")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("When stderr is not a terminal: seconds between plain progress lines (a final line is always printed).", valueName: "seconds"))
    var progressInterval: Double = 5

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs debe ser al menos 1") }
        // Rendering is CPU-bound: more threads than 4 × cores only add memory and contention,
        // and an unbounded count (one thread per job) can exhaust the machine's threads.
        let limit = 4 * ProcessInfo.processInfo.activeProcessorCount
        guard jobs <= limit else {
            throw ValidationError("--jobs \(jobs): a lo más \(limit) (4 × \(ProcessInfo.processInfo.activeProcessorCount) núcleos); renderizar usa la CPU, más hilos no lo aceleran")
        }
        guard progressInterval > 0, progressInterval.isFinite else { throw ValidationError("--progress-interval debe ser un número de segundos mayor que 0") }
        if let shard { do { _ = try BatchShard(parsing: shard) } catch { throw ValidationError(error.description) } }
        if template == nil && BatchRendererOverride.make == nil { throw ValidationError("falta --template") }
        for c in (copies ?? "").split(separator: ",") where !["tributaria", "cedible"].contains(c) {
            throw ValidationError("--copies: '\(c)' no es tributaria ni cedible")
        }
    }

    func run() async throws {
        let shardValue = try shard.map { s throws(BatchError) in try BatchShard(parsing: s) }
        let console = Console(quiet: quiet, progressInterval: progressInterval)
        let signals = SignalCancellation()
        var anyFailed = false

        // With --watch, the watches go up before the first pass: nothing changed during it is missed.
        var monitor: ChangeMonitor?
        var changes: AsyncStream<[String]>?
        if watch {
            var watched = inputs.map { URL(fileURLWithPath: $0) }
            if let template {
                let file = BatchCommand.resolveTemplate(template)
                if FileManager.default.fileExists(atPath: file.path) { watched.append(file) }
            }
            if let logo { watched.append(URL(fileURLWithPath: logo)) }
            let m = ChangeMonitor(paths: watched, forcePolling: poll)
            monitor = m
            changes = m.changes()
        }

        let first = try await renderOnce(shard: shardValue, console: console, signals: signals)
        anyFailed = first.failed > 0
        if first.cancelled { throw ExitCode(130) }
        guard let monitor, let changes else {
            if anyFailed { throw ExitCode(1) }
            return
        }

        console.note("dtekit batch: vigilando \(monitor.paths.count) rutas (\(monitor.mechanism.rawValue)); Ctrl-C para terminar")
        let watchTask = Task {
            for await changed in changes {
                console.note("dtekit batch: cambios en \(changed.count) archivo(s); renderizando")
                do {
                    let s = try await renderOnce(shard: shardValue, console: console, signals: signals)
                    if s.cancelled { return }
                } catch is ExitCode {
                    console.note("dtekit batch: se sigue vigilando; se reintentará con el próximo cambio")   // the reason was printed
                } catch {
                    console.error("dtekit: \(error)")
                }
            }
        }
        signals.onSignal { watchTask.cancel() }
        await watchTask.value
        throw ExitCode(130)
    }

    /// One incremental pass with a renderer built from the current template and logo.
    private func renderOnce(shard: BatchShard?, console: Console, signals: SignalCancellation) async throws -> BatchSummary {
        let renderer = try makeRenderer()
        let config = BatchConfiguration(
            inputs: inputs.map { URL(fileURLWithPath: $0) }, outputDirectory: URL(fileURLWithPath: out),
            jobs: jobs, force: force, shard: shard, reportFile: report.map { URL(fileURLWithPath: $0) },
            syncWrites: !noFsync)
        let engine = BatchEngine(configuration: config, reader: printingReader(strict: strict), renderer: renderer)
        let task = Task { try await engine.run { console.handle($0) } }
        let previous = signals.onSignal { task.cancel() }
        defer { signals.onSignal(previous) }
        let summary: BatchSummary
        do { summary = try await task.value } catch let e as BatchError {
            console.error("dtekit: \(e.description)")
            throw ExitCode(2)
        }
        console.summary(summary)
        return summary
    }

    private func makeRenderer() throws -> any BatchRenderer {
        func bytes(_ path: String?) throws -> Data {
            guard let path else { return Data() }
            guard let d = FileManager.default.contents(atPath: path) else {
                console_error("dtekit: \(path): no se puede leer")
                throw ExitCode(2)
            }
            return d
        }
        if let make = BatchRendererOverride.make {
            return make(try bytes(template), try bytes(logo), copies?.contains("cedible") ?? false)
        }
        guard let template else { throw ExitCode(2) }
        let file = BatchCommand.resolveTemplate(template)
        let kinds = copies.map { $0.split(separator: ",").compactMap { CopyKind(rawValue: String($0)) } }
        do {
            return try PrintoutBatchRenderer.load(template: file.path, templatesDirectory: nil,
                                                  logo: logo.map { URL(fileURLWithPath: $0) }, copies: kinds)
        } catch {
            console_error("dtekit: \(error)")
            throw ExitCode(2)
        }
    }

    /// `--template` as a file, or a shipped template name (`carta`) in the folder
    /// ``TemplateLocator`` finds, the same lookup `dtekit render` uses.
    static func resolveTemplate(_ name: String) -> URL {
        if FileManager.default.fileExists(atPath: name) || name.contains("/") { return URL(fileURLWithPath: name) }
        let fileName = name.hasSuffix(".yaml") ? name : name + ".yaml"
        return TemplateLocator.directory().appendingPathComponent(fileName)
    }
}

/// Replaces the printout in `dtekit batch` for the test harness (`dtekit-test-harness`), which
/// sets it before running the command line: given the template and logo bytes (empty when not
/// given) and whether cedible copies were asked for, it returns the renderer to use. Package
/// access only: the shipped `dtekit` never sets it and shows no option for it.
package enum BatchRendererOverride {
    package nonisolated(unsafe) static var make: (@Sendable (_ template: Data, _ logo: Data, _ cedible: Bool) -> any BatchRenderer)?
}

private func console_error(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

/// Progress, failures and the summary on the terminal. Progress and failures go to stderr,
/// the summary to stdout. On a TTY the progress line is redrawn in place (at most 10×/s);
/// otherwise a plain line is printed every `progressInterval` seconds.
final class Console: @unchecked Sendable {
    let quiet: Bool
    let isTTY: Bool
    let progressInterval: Double
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var lineShown = false
    private var lastProgress: BatchProgress?

    init(quiet: Bool, progressInterval: Double) {
        self.quiet = quiet
        self.isTTY = isatty(STDERR_FILENO) == 1
        self.progressInterval = progressInterval
    }

    func handle(_ event: BatchEvent) {
        switch event {
        case .started(let total):
            lock.lock(); lastDraw = isTTY ? .distantPast : Date(); lock.unlock()
            if !quiet && !isTTY { note("dtekit batch: \(total) archivos de entrada") }
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
                    reasons.append("documento \(d.index)\(d.folio.map { " (folio \($0))" } ?? ""): \(d.error ?? "?")")
                }
                error("dtekit: \(outcome.input): \(reasons.joined(separator: "; "))")
            }
            guard !quiet else { return }
            lock.lock()
            lastProgress = progress
            let now = Date()
            let due = now.timeIntervalSince(lastDraw) >= (isTTY ? 0.1 : progressInterval)
            if due { lastDraw = now }
            lock.unlock()
            if due { draw(progress) }
        case .finished:
            // The count a log reader wants last, whatever the speed: a run shorter than the
            // interval still ends with one line, and on a terminal the last redraw is final.
            guard !quiet else { return }
            lock.lock(); let last = lastProgress; lock.unlock()
            if let last { draw(last, final: true) }
        }
    }

    private func draw(_ p: BatchProgress, final: Bool = false) {
        let pct = p.inputsTotal > 0 ? 100 * p.inputsDone / p.inputsTotal : 100
        var line = "\(p.inputsDone)/\(p.inputsTotal) (\(pct) %) · \(Console.number(p.rate)) arch/s"
        if let eta = p.eta { line += " · ETA \(Console.duration(eta))" }
        line += " · renderizados \(p.rendered) · sin cambios \(p.skipped) · fallidos \(p.failed)"
        lock.lock(); defer { lock.unlock() }
        if isTTY {
            // The final redraw stays on screen: the summary goes below it.
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)\(final ? "\n" : "")".utf8))
            lineShown = !final
        } else {
            FileHandle.standardError.write(Data("dtekit batch: \(line)\n".utf8))
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
        lock.lock(); defer { lock.unlock() }
        if lineShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)); lineShown = false }
    }

    func summary(_ s: BatchSummary) {
        clearLine()
        guard !quiet else { return }
        var text = "Renderizados: \(s.rendered) · sin cambios: \(s.skipped) · fallidos: \(s.failed)"
        if s.notInShard > 0 { text += " · de otros shards: \(s.notInShard) archivos" }
        text += " · PDFs escritos: \(s.outputsWritten) · tiempo: \(Console.duration(s.elapsedSeconds))"
        if s.cancelled { text += " · INTERRUMPIDO (lo terminado quedó guardado)" }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func number(_ x: Double) -> String {
        String(format: "%.1f", x).replacingOccurrences(of: ".", with: ",")
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return number(seconds) + " s" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// SIGINT/SIGTERM cancel the current run (in-flight documents finish, the manifest is
/// saved); a second signal exits at once (still safe: outputs are atomic).
final class SignalCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var action: (@Sendable () -> Void)?
    private var sources: [DispatchSourceSignal] = []
    private var count = 0

    init() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.fire(sig) }
            source.resume()
            sources.append(source)
        }
    }

    private func fire(_ sig: Int32) {
        lock.lock()
        count += 1
        let n = count
        let a = action
        lock.unlock()
        if n > 1 { _exit(128 + sig) }
        a?()     // cancel first: once the message is out, no new document starts
        FileHandle.standardError.write(Data("\ndtekit batch: interrumpiendo (otra vez para salir de inmediato)…\n".utf8))
    }

    /// Sets what a signal does; returns the previous action.
    @discardableResult
    func onSignal(_ action: (@Sendable () -> Void)?) -> (@Sendable () -> Void)? {
        lock.lock(); defer { lock.unlock() }
        let previous = self.action
        self.action = action
        return previous
    }
}
