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
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        // Rendering is CPU-bound: more threads than 4 × cores only add memory and contention,
        // and an unbounded count (one thread per job) can exhaust the machine's threads.
        let limit = 4 * ProcessInfo.processInfo.activeProcessorCount
        guard jobs <= limit else {
            throw ValidationError("--jobs \(jobs): at most \(limit) (4 × \(ProcessInfo.processInfo.activeProcessorCount) cores); rendering is CPU-bound, more threads do not make it faster")
        }
        guard progressInterval > 0, progressInterval.isFinite else { throw ValidationError("--progress-interval must be a number of seconds greater than 0") }
        if let shard { do { _ = try BatchShard(parsing: shard) } catch { throw ValidationError(error.description) } }
        if template == nil && BatchRendererOverride.make == nil { throw ValidationError("missing --template") }
        for c in (copies ?? "").split(separator: ",") where !["tributaria", "cedible"].contains(c) {
            throw ValidationError("--copies: '\(c)' is neither tributaria nor cedible")
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

        console.note("dtekit batch: watching \(monitor.paths.count) paths (\(monitor.mechanism.rawValue)); Ctrl-C to stop")
        let watchTask = Task {
            for await changed in changes {
                console.note("dtekit batch: \(changed.count) file(s) changed; rendering")
                do {
                    let s = try await renderOnce(shard: shardValue, console: console, signals: signals)
                    if s.cancelled { return }
                } catch is ExitCode {
                    console.note("dtekit batch: still watching; will retry on the next change")   // the reason was printed
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
                console_error("dtekit: \(path): cannot be read")
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
