import Foundation
import DTECore

/// How a batch run is set up.
public struct BatchConfiguration: Sendable {
    /// Files or folders (searched recursively for `*.xml`).
    public var inputs: [URL]
    /// Where the PDFs, the manifest and the lock live.
    public var outputDirectory: URL
    /// Render threads; default: every active core.
    public var jobs: Int
    /// Re-render everything, ignoring the manifest.
    public var force: Bool
    /// Render only this shard's documents.
    public var shard: BatchShard?
    /// Write a JSON report of every input's outcome here (atomically, at the end).
    public var reportFile: URL?
    /// Inputs larger than this fail without being read.
    public var maxInputBytes: Int
    /// fsync each PDF before renaming it into place (durability across power loss; a process
    /// kill is safe either way).
    public var syncWrites: Bool

    /// A configuration; `jobs` below 1 becomes 1. Defaults: every active core, incremental, no shard,
    /// no report, inputs up to 20 MiB, PDFs fsynced.
    public init(inputs: [URL], outputDirectory: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                force: Bool = false, shard: BatchShard? = nil, reportFile: URL? = nil,
                maxInputBytes: Int = 20 << 20, syncWrites: Bool = true) {
        self.inputs = inputs; self.outputDirectory = outputDirectory; self.jobs = max(1, jobs)
        self.force = force; self.shard = shard; self.reportFile = reportFile
        self.maxInputBytes = maxInputBytes; self.syncWrites = syncWrites
    }
}

/// The batch re-render engine: streams the inputs, renders on a fixed pool of threads fed by a
/// bounded queue, writes every PDF atomically, skips what the manifest shows unchanged, and
/// reports each input's outcome. Failures of single inputs never stop a run.
///
/// ```swift
/// let engine = BatchEngine(configuration: .init(inputs: [archive], outputDirectory: out),
///                          reader: reader, renderer: renderer)
/// let summary = try await engine.run { event in … }   // cancel the Task to stop
/// ```
public struct BatchEngine: Sendable {
    /// How the run is set up.
    public let configuration: BatchConfiguration
    /// Turns each input file's bytes into documents.
    public let reader: any BatchDocumentReader
    /// Renders each document's outputs.
    public let renderer: any BatchRenderer

    /// An engine; nothing happens until ``run(onEvent:)``.
    public init(configuration: BatchConfiguration, reader: any BatchDocumentReader, renderer: any BatchRenderer) {
        self.configuration = configuration
        self.reader = reader
        self.renderer = renderer
    }

    /// Runs the batch. `onEvent` is called from the render threads, one call at a time (keep
    /// it quick). Cancelling the calling Task stops the run after the documents in flight:
    /// what finished stays in place and in the manifest, and the summary says `cancelled`.
    /// - Throws: ``BatchError`` only for problems that prevent the run (bad INPUT, output
    ///   folder, lock, report file); per-input failures are outcomes.
    public func run(onEvent: @escaping @Sendable (BatchEvent) -> Void = { _ in }) async throws(BatchError) -> BatchSummary {
        let run = BatchRun(engine: self, onEvent: onEvent)
        let result: Result<BatchSummary, BatchError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    do throws(BatchError) { continuation.resume(returning: .success(try run.execute())) }
                    catch { continuation.resume(returning: .failure(error)) }
                }
                thread.name = "dtekit-batch"
                thread.start()
            }
        } onCancel: {
            run.cancel()
        }
        return try result.get()
    }

    /// The run's events as an AsyncSequence; ends after `.finished` (or throws the
    /// ``BatchError`` that prevented the run). Stopping the iteration cancels the run. A
    /// consumer slower than the renderers may miss intermediate `.input` events (the newest
    /// 4,096 are kept), never `.finished`.
    public func events() -> AsyncThrowingStream<BatchEvent, any Error> {
        AsyncThrowingStream(bufferingPolicy: .bufferingNewest(4096)) { continuation in
            let task = Task {
                do {
                    _ = try await self.run { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// One execution: owns the threads, the manifest, the report and the counters.
final class BatchRun: Sendable {
    let config: BatchConfiguration
    let reader: any BatchDocumentReader
    let renderer: any BatchRenderer
    let fingerprint: String
    let onEvent: @Sendable (BatchEvent) -> Void
    let cancelled = AtomicFlag()
    private let queue = Locked<BoundedQueue<BatchInput>?>(nil)
    /// The PDF names given out, so colliding inputs never overwrite each other.
    let claims = OutputClaims()

    /// What the collector accumulates, input after input.
    private struct Collected {
        var progress = BatchProgress(inputsDone: 0, inputsTotal: 0, rendered: 0, skipped: 0, failed: 0,
                                     outputsWritten: 0, elapsed: 0)
        var notInShard = 0
        var report: ReportWriter?
        var reportError: BatchError?
    }
    private let collected = Locked(Collected())
    private let start = Date()

    init(engine: BatchEngine, onEvent: @escaping @Sendable (BatchEvent) -> Void) {
        config = engine.configuration
        reader = engine.reader
        renderer = engine.renderer
        fingerprint = engine.renderer.fingerprint
        self.onEvent = onEvent
    }

    func cancel() {
        cancelled.set()
        queue.current?.abandon()
    }

    /// `--report` must name a file that is neither a folder nor one of the inputs: the report
    /// replaces its target, and an input overwritten by a report is data lost.
    static func checkReportTarget(_ report: URL, inputs: [URL]) throws(BatchError) {
        let target = report.standardizedFileURL.resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .report(report.path, reason: "is a folder; give a file")
        }
        for input in inputs where input.standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw .report(report.path, reason: "is one of the input files; the report would replace it")
        }
    }

    func execute() throws(BatchError) -> BatchSummary {
        let tag = config.shard?.fileTag ?? ""
        let discovery = try InputDiscovery(roots: config.inputs)
        let folder = try OutputFolder(url: config.outputDirectory, shardTag: tag, syncWrites: config.syncWrites)
        try folder.lock()
        defer { folder.unlock() }
        let stale = folder.removeStaleTemporaryFiles()
        let manifest = Manifest(folder: folder.url, shardTag: tag, sync: config.syncWrites)
        if !config.force, manifest.load(onEntry: { [claims] in claims.seed($0.o, owner: $0.k) }) {
            try manifest.openForAppend()
        } else {
            try manifest.compact()       // missing, foreign, torn or --force: start clean
        }
        if let reportFile = config.reportFile {
            try BatchRun.checkReportTarget(reportFile, inputs: config.inputs)
            let writer = try ReportWriter(url: reportFile)
            collected.withLock { $0.report = writer }
        }

        let total = discovery.count()
        collected.withLock { $0.progress.inputsTotal = total }
        onEvent(.started(totalInputs: total))

        runPipeline(discovery, folder: folder, manifest: manifest)

        let wasCancelled = cancelled.isSet
        folder.syncDirectory()
        // Compact only when something changed: an unchanged re-run writes nothing. A
        // cancelled run keeps the entries of inputs it did not reach.
        if manifest.dirty || (!wasCancelled && manifest.hasUnseenEntries) {
            try manifest.compact(dropUnseen: !wasCancelled)
        }
        manifest.finish()

        let (summary, writer, pendingReportError) = collected.withLock { c in
            c.progress.elapsed = Date().timeIntervalSince(start)
            let summary = BatchSummary(inputs: c.progress.inputsDone, rendered: c.progress.rendered, skipped: c.progress.skipped,
                                       failed: c.progress.failed, notInShard: c.notInShard, outputsWritten: c.progress.outputsWritten,
                                       elapsedSeconds: c.progress.elapsed, cancelled: wasCancelled,
                                       staleTemporaryFilesRemoved: stale)
            let writer = c.report
            c.report = nil
            return (summary, writer, c.reportError)
        }
        if let pendingReportError { throw pendingReportError }
        try writer?.finish(summary: summary)
        onEvent(.finished(summary))
        return summary
    }

    /// Render threads (CPU) hand finished PDFs to writer threads (temporary file, fsync,
    /// rename), so disk latency never stalls rendering. Returns when every input taken is
    /// rendered and every rendered PDF written (also when cancelled).
    private func runPipeline(_ discovery: InputDiscovery, folder: OutputFolder, manifest: Manifest) {
        // Both queues are bounded. Writers sleep until a group of PDFs waits (or the first has
        // waited 50 ms: a PDF never sits in memory while rendering pauses), take it whole (up to `writeGroup`) and make it
        // durable with one journal commit: one wake-up and one commit per group, not per PDF,
        // and the slower the disk, the larger the groups.
        let q = BoundedQueue<BatchInput>(capacity: config.jobs * 16)
        let writes = BoundedQueue<WriteJob>(capacity: BatchRun.writeGroup * 2 + config.jobs * 2,
                                            wakeTakersAt: BatchRun.writeGroup / 2, flushAfter: 0.05)
        queue.withLock { $0 = q }
        if cancelled.isSet { q.abandon() }
        let renderers = DispatchGroup(), writers = DispatchGroup()
        for n in 0..<max(2, min(8, config.jobs)) {
            writers.enter()
            let t = Thread { [self] in
                while let group = writes.take(upTo: BatchRun.writeGroup) { write(group, folder: folder, manifest: manifest) }
                writers.leave()
            }
            t.name = "dtekit-batch-write-\(n)"
            t.start()
        }
        for n in 0..<config.jobs {
            renderers.enter()
            let t = Thread { [self] in
                while let input = q.take() {
                    if cancelled.isSet { break }
                    process(input, folder: folder, manifest: manifest, writes: writes)
                }
                renderers.leave()
            }
            t.name = "dtekit-batch-\(n)"
            t.stackSize = 8 << 20
            t.start()
        }
        for input in discovery {
            if cancelled.isSet || !q.put(input) { break }
        }
        q.close()
        renderers.wait()
        writes.close()      // PDFs already rendered are still written, even when cancelled
        writers.wait()

    }

    private func collect(_ outcome: BatchInputOutcome) {
        // The event is sent under the lock, as before: events arrive in the order counted.
        collected.withLock { c in
            c.progress.inputsDone += 1
            c.progress.rendered += outcome.renderedCount
            c.progress.skipped += outcome.skippedCount
            c.progress.failed += outcome.failedCount
            c.progress.outputsWritten += outcome.documents.filter { $0.status == .rendered }.reduce(0) { $0 + $1.outputs.count }
            if outcome.status == .notInShard { c.notInShard += 1 }
            c.progress.elapsed = Date().timeIntervalSince(start)
            if let r = c.report {
                do throws(BatchError) { try r.append(outcome) } catch { c.reportError = c.reportError ?? error }
            }
            onEvent(.input(outcome, c.progress))
        }
    }

    /// Reads, checks the manifest, parses and renders one input file; its PDFs go to the
    /// writer threads, and the outcome is collected when the last one is in place.
    func process(_ input: BatchInput, folder: OutputFolder, manifest: Manifest, writes: BoundedQueue<WriteJob>) {
        let rel = input.relativePath
        var outcome = BatchInputOutcome(input: input.url.path, relativePath: rel, status: .rendered,
                                        outputs: [], documents: [], error: nil)
        func fail(_ reason: String) {
            manifest.forget(rel)
            outcome.status = .failed
            outcome.error = reason
            collect(outcome)
        }
        let data: Data
        do throws(BatchError) { data = try InputFile.read(input.url.path, limit: config.maxInputBytes) }
        catch { return fail(error.description) }
        let shard = config.shard
        if let shard, XMLRootSniffer.isSingleDTE(data), !shard.owns(relativePath: rel, documentIndex: 0) {
            outcome.status = .notInShard
            return collect(outcome)
        }
        let hash = BatchHash.sha256(data)
        manifest.markSeen(rel)
        if !config.force, let entry = manifest.entry(for: rel), entry.h == hash, entry.f == fingerprint,
           entry.o.allSatisfy({ folder.hasOutput($0) }) {
            outcome.outputs = entry.o
            outcome.documents = (0..<entry.n)
                .filter { shard?.owns(relativePath: rel, documentIndex: $0) ?? true }
                .map { BatchDocumentOutcome(index: $0, status: .skipped, tipoDTE: nil, folio: nil, outputs: [], error: nil) }
            outcome.status = outcome.documents.isEmpty ? .notInShard : .skipped
            return collect(outcome)
        }
        let documents: [DTEDocument]
        do {
            let read = try reader.documentsAndWarnings(in: data, source: rel)
            documents = read.documents
            if !read.warnings.isEmpty { outcome.warnings = read.warnings }
        } catch { return fail(String(describing: error)) }
        guard !documents.isEmpty else { return fail("\(rel): no contiene documentos (DTE)") }

        let pending = PendingInput(outcome: outcome, hash: hash, documentCount: documents.count)
        var namesUsed = Set<String>()
        for (index, document) in documents.enumerated() {
            if let shard, !shard.owns(relativePath: rel, documentIndex: index) { continue }
            let slot = pending.addDocument(BatchDocumentOutcome(index: index, status: .rendered, tipoDTE: document.type.code,
                                                                folio: document.folio, outputs: [], error: nil))
            if cancelled.isSet { pending.fail(slot, "cancelado"); continue }
            do {
                var outputs = try renderer.outputs(for: document)
                for o in outputs { try OutputFolder.validate(fileName: o.fileName) }   // refuse before writing anything
                for i in outputs.indices {
                    let plain = outputs[i].fileName
                    // A name this input already used (a document repeated in an envelope) is
                    // claimed for the document; any other for the input (the manifest's key).
                    let owner = namesUsed.contains(plain) ? "\(rel)#\(index)" : rel
                    let final = claims.claim(plain, owner: owner)
                    namesUsed.insert(final)
                    if final != plain {
                        outputs[i].fileName = final
                        pending.warn("\(rel): document \(index + 1): the name \(plain) is taken by another input of this run; written as \(final)")
                    }
                }
                for o in outputs {
                    let pdf = try renderer.render(document, output: o)
                    pending.retain()
                    writes.put(WriteJob(pending: pending, slot: slot, fileName: o.fileName, data: pdf))
                }
            } catch {
                pending.fail(slot, String(describing: error))
            }
        }
        release(pending, manifest: manifest)
    }

    /// Most PDFs one writer makes durable with one journal commit.
    static let writeGroup = 16

    /// Writer thread: a group of PDFs into place.
    func write(_ group: [WriteJob], folder: OutputFolder, manifest: Manifest) {
        let errors = folder.writeAtomically(group.map { ($0.data, $0.fileName) })
        for (job, error) in zip(group, errors) {
            if let error { job.pending.fail(job.slot, error.description) } else { job.pending.written(job.slot, job.fileName) }
            release(job.pending, manifest: manifest)
        }
    }

    /// Drops one reference; the last one records the manifest entry and collects the outcome.
    private func release(_ pending: PendingInput, manifest: Manifest) {
        guard let outcome = pending.release() else { return }
        if outcome.status == .failed {
            manifest.forget(outcome.relativePath)
        } else {
            manifest.record(ManifestEntry(k: outcome.relativePath, h: pending.hash, f: fingerprint,
                                          n: pending.documentCount, o: outcome.outputs))
        }
        collect(outcome)
    }
}

/// A rendered PDF on its way to the output folder.
struct WriteJob: Sendable {
    let pending: PendingInput
    let slot: Int
    let fileName: String
    let data: Data
}

/// An input whose PDFs are being written: counts the writes in flight; the last `release`
/// returns the finished outcome.
final class PendingInput: Sendable {
    private struct State {
        var outcome: BatchInputOutcome
        var references = 1
    }
    private let state: Locked<State>
    let hash: Digest
    let documentCount: Int

    init(outcome: BatchInputOutcome, hash: Digest, documentCount: Int) {
        state = Locked(State(outcome: outcome))
        self.hash = hash
        self.documentCount = documentCount
    }

    func addDocument(_ d: BatchDocumentOutcome) -> Int {
        state.withLock { s in
            s.outcome.documents.append(d)
            return s.outcome.documents.count - 1
        }
    }

    func retain() { state.withLock { $0.references += 1 } }

    func warn(_ message: String) {
        state.withLock { $0.outcome.warnings = ($0.outcome.warnings ?? []) + [message] }
    }

    func written(_ slot: Int, _ name: String) {
        state.withLock { s in
            guard s.outcome.documents.indices.contains(slot) else { return }
            s.outcome.documents[slot].outputs.append(name)
        }
    }

    func fail(_ slot: Int, _ reason: String) {
        state.withLock { s in
            guard s.outcome.documents.indices.contains(slot) else { return }
            s.outcome.documents[slot].status = .failed
            if s.outcome.documents[slot].error == nil { s.outcome.documents[slot].error = reason }
        }
    }

    /// The finished outcome when this was the last reference, else `nil`.
    func release() -> BatchInputOutcome? {
        state.withLock { s in
            s.references -= 1
            guard s.references == 0 else { return nil }
            s.outcome.outputs = s.outcome.documents.flatMap(\.outputs)
            if s.outcome.documents.contains(where: { $0.status == .failed }) { s.outcome.status = .failed }
            else if s.outcome.documents.isEmpty { s.outcome.status = .notInShard }
            else { s.outcome.status = .rendered }
            return s.outcome
        }
    }
}
