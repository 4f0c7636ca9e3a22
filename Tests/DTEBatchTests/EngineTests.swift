import Foundation
import Testing
import DTECore
@testable import DTEBatch
import DTEKitTestSupport

private func engine(_ inputs: [URL], _ out: URL, renderer: any BatchRenderer = StubRenderer(),
                    jobs: Int = 2, force: Bool = false, shard: BatchShard? = nil, report: URL? = nil) -> BatchEngine {
    BatchEngine(configuration: BatchConfiguration(inputs: inputs, outputDirectory: out, jobs: jobs, force: force,
                                                  shard: shard, reportFile: report, syncWrites: false),
                reader: DTEReader(), renderer: renderer)
}

private func modificationDates(_ dir: URL) throws -> [String: Date] {
    var out: [String: Date] = [:]
    for url in try Fixtures.pdfs(in: dir) {
        out[url.lastPathComponent] = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }
    return out
}

@Suite("Batch engine") struct EngineTests {
    @Test("300 inputs + 5 broken: 300 complete PDFs, 5 failures in the report naming file and reason")
    func threeHundredAndFiveBroken() async throws {
        let root = try TestSupport.temporaryDirectory("batch-300")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(300, in: input)
        try Fixtures.generateBroken(in: input)
        let reportURL = root.appendingPathComponent("report.json")
        let log = EventLog()
        let summary = try await engine([input], out, report: reportURL).run { log.record($0) }

        #expect(summary.inputs == 305)
        #expect(summary.rendered == 300)
        #expect(summary.failed == 5)
        #expect(summary.outputsWritten == 300)
        #expect(log.started == 305)
        let pdfs = try Fixtures.pdfs(in: out)
        #expect(pdfs.count == 300)
        for url in pdfs { #expect(Fixtures.isCompletePDF(try Data(contentsOf: url)), "\(url.lastPathComponent)") }
        // A sample of them through poppler.
        for url in pdfs.enumerated().filter({ $0.offset % 25 == 0 }).map(\.element) {
            let info = try TestSupport.run(tool: "pdfinfo", [url.path])
            #expect(info.status == 0, "\(url.lastPathComponent): \(info.stderrText)")
            #expect(info.stdoutText.contains("Pages:") )
        }
        let text = try TestSupport.run(tool: "pdftotext", [pdfs[0].path, "-"]).stdoutText
        #expect(text.contains("R.U.T."))

        let report = try Fixtures.readJSON(reportURL)
        let inputs = report["inputs"] as? [[String: Any]] ?? []
        #expect(inputs.count == 305)
        let failed = inputs.filter { $0["status"] as? String == "failed" }
        #expect(failed.count == 5)
        let failedNames = Set(failed.compactMap { ($0["relativePath"] as? String)?.split(separator: "/").last.map(String.init) })
        #expect(failedNames == ["no-es-xml.xml", "truncado.xml", "vacio.xml", "tipo-99.xml", "folio-hostil.xml"])
        for f in failed {
            let reason = f["error"] as? String ?? ""
            #expect(!reason.isEmpty)
            #expect(reason.contains((f["relativePath"] as? String) ?? "\u{0}"), "reason names the file: \(reason)")
        }
        #expect((report["summary"] as? [String: Any])?["failed"] as? Int == 5)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pwned"))
        // Nothing but PDFs and the engine's own dot-files in the output folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.allSatisfy { $0.hasSuffix(".pdf") || $0.hasPrefix(".dtekit-") })
        #expect(!names.contains { $0.contains(".dtekit-tmp") })
    }

    @Test("Incremental: unchanged renders 0, template change all, new files only them, lost manifest all with identical bytes")
    func incremental() async throws {
        let root = try TestSupport.temporaryDirectory("batch-incr")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(40, in: input)

        let first = try await engine([input], out).run()
        #expect(first.rendered == 40)
        let before = try modificationDates(out)
        let bytesBefore = try Fixtures.pdfs(in: out).map { try Data(contentsOf: $0) }

        let again = try await engine([input], out).run()
        #expect(again.rendered == 0)
        #expect(again.skipped == 40)
        #expect(try modificationDates(out) == before)

        // The template (here: the renderer's fingerprint) changes: everything re-renders.
        let recolored = try await engine([input], out, renderer: StubRenderer(seed: "color: #0055aa")).run()
        #expect(recolored.rendered == 40)
        #expect(recolored.skipped == 0)

        // Ten new inputs: only those render.
        try Fixtures.generate(10, in: input.appendingPathComponent("nuevos"), firstFolio: 50_000, prefix: "nuevo")
        let added = try await engine([input], out, renderer: StubRenderer(seed: "color: #0055aa")).run()
        #expect(added.rendered == 10)
        #expect(added.skipped == 40)

        // Manifest deleted: full re-render, identical outputs.
        let back = try await engine([input], out).run()   // original seed again
        #expect(back.rendered == 50)
        let manifest = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".dtekit-manifest") }
        #expect(manifest.count == 1)
        let firstNames = Set(before.keys)
        let snapshot = try Fixtures.pdfs(in: out).filter { firstNames.contains($0.lastPathComponent) }.map { try Data(contentsOf: $0) }
        for name in manifest { try FileManager.default.removeItem(at: out.appendingPathComponent(name)) }
        let full = try await engine([input], out).run()
        #expect(full.rendered == 50)
        #expect(full.skipped == 0)
        let after = try Fixtures.pdfs(in: out).filter { firstNames.contains($0.lastPathComponent) }.map { try Data(contentsOf: $0) }
        #expect(after == snapshot)
        #expect(after == bytesBefore)

        // --force re-renders everything even with a good manifest.
        let forced = try await engine([input], out, force: true).run()
        #expect(forced.rendered == 50)
    }

    @Test("An input edited in place re-renders alone; a deleted output re-renders")
    func editedInputAndDeletedOutput() async throws {
        let root = try TestSupport.temporaryDirectory("batch-edit")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        let files = try Fixtures.generate(12, in: input)
        _ = try await engine([input], out).run()
        let data = try Data(contentsOf: files[3])
        try (data + Data("\n<!-- editado -->\n".utf8)).write(to: files[3])
        let r1 = try await engine([input], out).run()
        #expect(r1.rendered == 1 && r1.skipped == 11)
        try FileManager.default.removeItem(at: try Fixtures.pdfs(in: out)[5])
        let r2 = try await engine([input], out).run()
        #expect(r2.rendered == 1 && r2.skipped == 11)
        #expect(try Fixtures.pdfs(in: out).count == 12)
        // An input that disappears leaves the manifest at the end of the next run.
        let manifest = out.appendingPathComponent(".dtekit-manifest.tsv")
        #expect(try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").count == 13)
        try FileManager.default.removeItem(at: files[0])
        let r3 = try await engine([input], out).run()
        #expect(r3.skipped == 11 && r3.rendered == 0)
        #expect(try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").count == 12)
    }

    @Test("A corrupt manifest costs a full re-render, never a wrong skip; torn last line ignored")
    func corruptManifest() async throws {
        let root = try TestSupport.temporaryDirectory("batch-corrupt")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(8, in: input)
        _ = try await engine([input], out).run()
        let manifest = out.appendingPathComponent(".dtekit-manifest.tsv")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        // Torn line appended (as a kill mid-write would leave): ignored, the rest trusted.
        text += "lote-1/x.xml\tab"
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        #expect(try await engine([input], out).run().skipped == 8)
        // A line whose content was altered (an output name dropped) fails its checksum: that
        // input re-renders, the rest is trusted.
        var lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: ".pdf", with: ".pdX")
        try (lines.joined(separator: "\n") + "\n").write(to: manifest, atomically: true, encoding: .utf8)
        let tampered = try await engine([input], out).run()
        #expect(tampered.rendered == 1 && tampered.skipped == 7)
        // Garbage: full re-render.
        try Data([0xff, 0x00, 0x42, 0x0a, 0x7b]).write(to: manifest)
        let r = try await engine([input], out).run()
        #expect(r.rendered == 8 && r.skipped == 0 && r.failed == 0)
    }

    @Test("Shards 0..3 of 4 are disjoint and together render every document exactly once")
    func shards() async throws {
        let root = try TestSupport.temporaryDirectory("batch-shard")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(60, in: input)
        // An EnvioDTE with several documents: its documents may land in different shards.
        let envio = try TestSupport.siiSamples().appendingPathComponent("33-56-61-EnvioDTE-BASICO_762352915.xml")
        try FileManager.default.copyItem(at: envio, to: input.appendingPathComponent("envio.xml"))
        let envioDocs = try DTEReader().documents(in: Data(contentsOf: envio), source: "envio").count
        #expect(envioDocs == 8)

        var seen: [String: Int] = [:]
        var total = 0
        for k in 0..<4 {
            let log = EventLog()
            let shard = try BatchShard(index: k, count: 4)
            let s = try await engine([input], out, shard: shard).run { log.record($0) }
            #expect(s.failed == 0)
            total += s.rendered
            for o in log.all { for d in o.documents where d.status == .rendered { for name in d.outputs { seen[name, default: 0] += 1 } } }
            #expect(s.rendered > 0, "shard \(k) got work")
            // Each shard has its own manifest.
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".dtekit-manifest.shard-\(k)-of-4.tsv").path))
        }
        #expect(total == 60 + envioDocs)
        #expect(seen.count == 60 + envioDocs)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(try Fixtures.pdfs(in: out).count == 60 + envioDocs)
        // Unsharded run over the same folder agrees on the set.
        let all = root.appendingPathComponent("all")
        _ = try await engine([input], all).run()
        #expect(try Fixtures.pdfs(in: all).map(\.lastPathComponent) == Fixtures.pdfs(in: out).map(\.lastPathComponent))
        // Re-running a shard skips everything it did.
        let again = try await engine([input], out, shard: try BatchShard(index: 2, count: 4)).run()
        #expect(again.rendered == 0)
        // The shard function is stable (FNV-1a), independent of the process.
        #expect(BatchHash.fnv1a64("") == 0xcbf29ce484222325)
        #expect(BatchHash.fnv1a64("a") == 0xaf63dc4c8601ec8c)
        #expect(throws: BatchError.self) { try BatchShard(parsing: "4/4") }
        #expect(throws: BatchError.self) { try BatchShard(parsing: "../4") }
        #expect(try BatchShard(parsing: "3/4") == BatchShard(index: 3, count: 4))
    }

    @Test("EnvioDTE expands to one output per document (plus cedible copies where allowed)")
    func envelopeExpansion() async throws {
        let root = try TestSupport.temporaryDirectory("batch-envio")
        defer { try? FileManager.default.removeItem(at: root) }
        let envio = try TestSupport.siiSamples().appendingPathComponent("33-56-61-EnvioDTE-BASICO_762352915.xml")
        let out = root.appendingPathComponent("out")
        let log = EventLog()
        let s = try await engine([envio], out, renderer: StubRenderer(cedible: true)).run { log.record($0) }
        let docs = try DTEReader().documents(in: Data(contentsOf: envio), source: "e")
        let cedibles = docs.filter(\.allowsCedibleCopy).count
        #expect(s.rendered == docs.count)
        #expect(s.outputsWritten == docs.count + cedibles)
        #expect(try Fixtures.pdfs(in: out).count == docs.count + cedibles)
        #expect(try Fixtures.pdfs(in: out).filter { $0.lastPathComponent.hasSuffix("_cedible.pdf") }.count == cedibles)
        #expect(log.all.first?.relativePath == envio.lastPathComponent)
    }

    @Test("Hostile output names (../, /, leading dot) are refused, nothing escapes the output folder")
    func hostileNames() async throws {
        struct Hostile: BatchRenderer {
            let fingerprint = "hostile"
            func outputs(for document: DTEDocument) throws -> [BatchOutput] {
                let names = ["../escape-\(document.folio).pdf", "/tmp/abs-\(document.folio).pdf", "sub/dir-\(document.folio).pdf",
                             ".hidden-\(document.folio).pdf", "..", "ok-\(document.folio)\u{0}.pdf"]
                return [BatchOutput(fileName: names[Int(document.folio % Int64(names.count))], variant: "x")]
            }
            func render(_ document: DTEDocument, output: BatchOutput) throws -> Data { StubRenderer.pdf(lines: ["x"]) }
        }
        let root = try TestSupport.temporaryDirectory("batch-hostile")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("deep/out")
        try Fixtures.generate(12, in: input)
        let log = EventLog()
        let s = try await engine([input], out, renderer: Hostile()).run { log.record($0) }
        #expect(s.failed == 12)
        #expect(s.rendered == 0)
        #expect(log.all.allSatisfy { $0.documents.first?.error?.contains("output name refused") == true })
        // Nothing written anywhere around.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).allSatisfy { $0.hasPrefix(".dtekit-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("deep").path) == ["out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/tmp").allSatisfy { !$0.hasPrefix("abs-") })
        for bad in ["../x.pdf", "a/b.pdf", "/x.pdf", "..", ".", "", ".x.pdf", "a\\b.pdf"] {
            #expect(throws: BatchError.self) { try OutputFolder.validate(fileName: bad) }
        }
        try OutputFolder.validate(fileName: "76354771-K_33_170_cedible.pdf")
    }

    @Test("Stale temporary files of a killed run are removed at start; a second run of the same shard is locked out")
    func staleTempsAndLock() async throws {
        let root = try TestSupport.temporaryDirectory("batch-stale")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(3, in: input)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("%PDF-1.4 half".utf8).write(to: out.appendingPathComponent(".dtekit-tmp-4242.7.part"))
        try Data("other shard's".utf8).write(to: out.appendingPathComponent(".dtekit-tmp.shard-1-of-2.99.1.part"))
        let s = try await engine([input], out).run()
        #expect(s.staleTemporaryFilesRemoved == 1)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".dtekit-tmp.shard-1-of-2.99.1.part").path))

        let folder = try OutputFolder(url: out, shardTag: "", syncWrites: false)
        try folder.lock()
        await #expect(throws: BatchError.outputLocked(out.standardizedFileURL.path)) { _ = try await engine([input], out).run() }
        folder.unlock()
        #expect(try await engine([input], out).run().skipped == 3)
    }

    /// Renders `free` documents, then holds every render until `open()`.
    final class GateRenderer: BatchRenderer, @unchecked Sendable {
        let fingerprint = StubRenderer().fingerprint
        let stub = StubRenderer()
        let free: Int
        private let condition = NSCondition()
        private var started = 0
        private var isOpen = false
        init(free: Int) { self.free = free }
        func open() { condition.lock(); isOpen = true; condition.broadcast(); condition.unlock() }
        /// How many renders have begun (the free ones and those held at the gate).
        var startedCount: Int { condition.lock(); defer { condition.unlock() }; return started }
        func outputs(for document: DTEDocument) throws -> [BatchOutput] { try stub.outputs(for: document) }
        func render(_ document: DTEDocument, output: BatchOutput) throws -> Data {
            condition.lock()
            started += 1
            if started > free { while !isOpen { condition.wait() } }
            condition.unlock()
            return try stub.render(document, output: output)
        }
    }

    @Test("Cancelling the task stops the run; what finished is kept and a re-run completes the rest")
    func cancellationAndResume() async throws {
        let root = try TestSupport.temporaryDirectory("batch-cancel")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(80, in: input)
        let gate = GateRenderer(free: 10)
        let e = engine([input], out, renderer: gate)
        let task = Task { try await e.run() }
        // 10 render freely; writers commit groups of ≥ 8, so 8 reach the disk before the gate. All
        // 10 free renders must also have begun before the cancel: cancelled, no new document starts,
        // so a 10th not yet begun would never be rendered (done = 9, seen about once in six runs).
        #expect(await TestSupport.waitUntil { gate.startedCount >= 10 && ((try? Fixtures.pdfs(in: out).count) ?? 0) >= 8 })
        task.cancel()  // the engine's cancellation handler runs inside cancel(): no new document starts
        gate.open()    // the (at most 2) documents in flight finish
        let partial = try await task.value
        let done = try Fixtures.pdfs(in: out).count
        #expect(partial.cancelled)
        #expect(done >= 10 && done <= 12, "\(done)")
        #expect(partial.rendered == done)
        for url in try Fixtures.pdfs(in: out) { #expect(Fixtures.isCompletePDF(try Data(contentsOf: url))) }
        let rest = try await engine([input], out).run()
        #expect(!rest.cancelled)
        #expect(rest.rendered == 80 - partial.rendered)
        #expect(rest.skipped == partial.rendered)
        #expect(try Fixtures.pdfs(in: out).count == 80)
    }

    @Test("events() streams started, one event per input, finished")
    func asyncSequence() async throws {
        let root = try TestSupport.temporaryDirectory("batch-events")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(15, in: input)
        var started = 0, inputs = 0, finished: BatchSummary?
        var lastProgress: BatchProgress?
        for try await event in engine([input], out).events() {
            switch event {
            case .started(let n): started = n
            case .input(_, let p): inputs += 1; lastProgress = p
            case .finished(let s): finished = s
            }
        }
        #expect(started == 15 && inputs == 15)
        #expect(finished?.rendered == 15)
        #expect(lastProgress?.inputsDone == 15 && lastProgress?.inputsTotal == 15)
        #expect(lastProgress?.eta == 0)
        await #expect(throws: BatchError.self) {
            for try await _ in engine([root.appendingPathComponent("no-existe")], out).events() {}
        }
    }

    @Test("Root sniffing: a plain DTE is single, envelopes and DOCTYPEs are parsed")
    func sniffer() {
        #expect(XMLRootSniffer.isSingleDTE(Data("<?xml version=\"1.0\"?>\n<!-- c -> --><DTE version=\"1.0\">".utf8)))
        #expect(XMLRootSniffer.isSingleDTE(Data("<sii:DTE xmlns:sii=\"x\">".utf8)))
        #expect(!XMLRootSniffer.isSingleDTE(Data("<?xml version=\"1.0\"?><EnvioDTE><SetDTE><DTE>".utf8)))
        #expect(!XMLRootSniffer.isSingleDTE(Data("<!DOCTYPE DTE [<!ENTITY a \"b\">]><DTE>".utf8)))
        #expect(!XMLRootSniffer.isSingleDTE(Data()))
    }

    /// Issue 13, case 6: two inputs mapping to the same PDF name both reached the same file
    /// ("PDFs escritos: 4" with 2 on disk). Now both are kept, the collision is reported, the
    /// counts are what is on disk, and later runs keep each input's name.
    @Test("Output-name collisions: both inputs kept under distinct names, reported, stable across runs")
    func outputNameCollisions() async throws {
        let root = try TestSupport.temporaryDirectory("batch-collide")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        let sample = try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml"))
        let a = input.appendingPathComponent("a/doc.xml"), b = input.appendingPathComponent("b/doc.xml")
        for u in [a, b] { try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true) }
        try sample.write(to: a)
        try Fixtures.replacingElementText(sample, tag: "MntTotal", with: "777").write(to: b)   // same type, emisor, folio
        let reportURL = root.appendingPathComponent("report.json")

        func pdfTotals() throws -> [String: String] {
            var out: [String: String] = [:]
            for url in try Fixtures.pdfs(in: out_) {
                let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
                out[url.lastPathComponent] = text.contains("(Total 777)") ? "b" : text.contains("(Total 778)") ? "b2" : "a"
            }
            return out
        }
        let out_ = out

        let first = try await engine([input], out, jobs: 2, report: reportURL).run()
        #expect(first.rendered == 2 && first.failed == 0)
        #expect(first.outputsWritten == 2)
        let files = try pdfTotals()
        #expect(files.count == 2, "\(files)")
        #expect(Set(files.values) == ["a", "b"], "both inputs' PDFs are on disk: \(files)")
        let plain = try #require(files.keys.first { !$0.contains("~") })
        let tagged = try #require(files.keys.first { $0.contains("~") })
        #expect(tagged.hasPrefix(String(plain.dropLast(4)) + "~") && tagged.hasSuffix(".pdf"))
        let report = try Fixtures.readJSON(reportURL)
        let warned = (report["inputs"] as? [[String: Any]] ?? []).filter { ($0["warnings"] as? [String] ?? []).contains { $0.contains(tagged) } }
        #expect(warned.count == 1, "the collision is reported once, naming the new file")

        // Unchanged: nothing written. The tagged input changed: it keeps its tagged name and
        // the other input's PDF is untouched.
        let again = try await engine([input], out, jobs: 2).run()
        #expect(again.rendered == 0 && again.skipped == 2)
        let owner = files[tagged] == "b" ? b : a
        let plainBytes = try Data(contentsOf: out.appendingPathComponent(plain))
        if owner == b {
            try Fixtures.replacingElementText(sample, tag: "MntTotal", with: "778").write(to: b)
        } else {
            try Fixtures.replacingElementText(sample, tag: "RznSocRecep", with: "OTRO").write(to: a)
        }
        let third = try await engine([input], out, jobs: 2).run()
        #expect(third.rendered == 1 && third.skipped == 1)
        #expect(try Fixtures.pdfs(in: out).count == 2)
        #expect(try Data(contentsOf: out.appendingPathComponent(plain)) == plainBytes, "the other input's PDF kept")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(tagged).path))
    }
}
