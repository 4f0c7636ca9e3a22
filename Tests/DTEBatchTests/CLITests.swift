import Foundation
import Testing
import DTECore
import DTEBatch
import DTEKitTestSupport

/// Starts `dtekit` without waiting (for kill and watch tests); output goes to files.
private final class Running: @unchecked Sendable {
    let process = Process()
    let stdoutURL: URL, stderrURL: URL
    init(_ arguments: [String], in dir: URL, environment: [String: String] = [:]) throws {
        stdoutURL = dir.appendingPathComponent("stdout.txt"); stderrURL = dir.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = TestSupport.harnessBinary()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }
    /// Waits for the process to end; `false` (and the process killed) only if it hung.
    func waitForExit() -> Bool {
        let ended = TestSupport.waitUntil { !process.isRunning }
        if !ended { process.terminate() }
        return ended
    }
}

/// Waits (up to the hang deadline) for an event the test cannot be called back for.
private func waitUntil(_ condition: () throws -> Bool) rethrows -> Bool {
    try TestSupport.waitUntil(condition)
}

private func inode(_ url: URL) -> UInt64? {
    (try? FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value
}

@Suite("dtekit batch (CLI)", .serialized) struct BatchCLITests {
    @Test("300 inputs + 5 broken: 300 PDFs, 5 failures in --report, exit code 1, failures name file and reason")
    func threeHundred() throws {
        let root = try TestSupport.temporaryDirectory("cli-300")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(300, in: input)
        try Fixtures.generateBroken(in: input)
        let reportURL = root.appendingPathComponent("report.json")
        let r = try TestSupport.harness(["batch", input.path, "--out", out.path,
                                         "--report", reportURL.path, "--jobs", "2", "--progress-interval", "0.2"])
        #expect(r.status == 1, "\(r.stderrText)")
        #expect(try Fixtures.pdfs(in: out).count == 300)
        let report = try Fixtures.readJSON(reportURL)
        let inputs = report["inputs"] as? [[String: Any]] ?? []
        #expect(inputs.count == 305)
        #expect(inputs.filter { $0["status"] as? String == "failed" }.count == 5)
        #expect(inputs.filter { $0["status"] as? String == "rendered" }.count == 300)
        for name in ["no-es-xml.xml", "truncado.xml", "vacio.xml", "tipo-99.xml", "folio-hostil.xml"] {
            #expect(r.stderrText.contains("rotos/\(name):"), "stderr names \(name)")
        }
        #expect(r.stdoutText.contains("Rendered: 300"))
        #expect(r.stdoutText.contains("failed: 5"))
        // Not a TTY: plain progress lines, the last one with the final count (however fast the run).
        #expect(r.stderrText.contains("dtekit batch: 305/305 (100 %)"), "\(r.stderrText)")
        // Unchanged re-run: nothing rendered, still exit 1 because of the 5 broken inputs.
        let again = try TestSupport.harness(["batch", input.path, "--out", out.path, "--quiet"])
        #expect(again.status == 1)
        #expect(again.stdoutText.isEmpty)
        // Without the broken ones: exit 0.
        try FileManager.default.removeItem(at: input.appendingPathComponent("rotos"))
        let clean = try TestSupport.harness(["batch", input.path, "--out", out.path])
        #expect(clean.status == 0, "\(clean.stderrText)")
        #expect(clean.stdoutText.contains("Rendered: 0 · unchanged: 300 · failed: 0"))
    }

    @Test("SIGKILL mid-run leaves only complete PDFs; the re-run finishes without re-rendering finished ones")
    func sigkill() throws {
        let root = try TestSupport.temporaryDirectory("cli-kill")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(300, in: input)
        // After 40 renders the others wait for a gate that never opens: the kill lands at a
        // known point, not wherever a race against the machine's speed put it.
        let run = try Running(["batch", input.path, "--out", out.path, "--jobs", "2", "--quiet"], in: root,
                              environment: ["DTEKIT_HARNESS_PAUSE_AFTER": "40",
                                            "DTEKIT_HARNESS_GATE": root.appendingPathComponent("never").path])
        // Writers commit in groups of at least 8, so ≥ 32 of the 40 reach the disk.
        let started = try waitUntil { try Fixtures.pdfs(in: out).count >= 32 }
        #expect(started, "outputs appeared: \(run.stderr)")
        run.signal(SIGKILL)
        _ = run.waitForExit()
        #expect(run.process.terminationReason == .uncaughtSignal)

        let present = try Fixtures.pdfs(in: out)
        #expect(present.count >= 32 && present.count <= 40, "killed mid-run: \(present.count)")
        for url in present {
            let data = try Data(contentsOf: url)
            #expect(data.count > 0 && Fixtures.isCompletePDF(data), "\(url.lastPathComponent)")
        }
        for url in present.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            #expect(try TestSupport.run(tool: "pdfinfo", [url.path]).status == 0, "\(url.lastPathComponent)")
        }
        let inodes = Dictionary(uniqueKeysWithValues: present.map { ($0.lastPathComponent, inode($0)) })

        let reportURL = root.appendingPathComponent("report.json")
        let rerun = try TestSupport.harness(["batch", input.path, "--out", out.path,
                                            "--jobs", "2", "--report", reportURL.path])
        #expect(rerun.status == 0, "\(rerun.stderrText)")
        let summary = try #require(Fixtures.readJSON(reportURL)["summary"] as? [String: Any])
        let rendered = summary["rendered"] as? Int ?? -1
        let skipped = summary["skipped"] as? Int ?? -1
        // Finished before the kill ⇒ skipped. At most one document per render thread may have
        // been renamed into place without its manifest line: those re-render (identically).
        #expect(rendered + skipped == 300)
        #expect(rendered >= 300 - present.count && rendered <= 300 - present.count + 2, "rendered \(rendered), present \(present.count)")
        let after = try Fixtures.pdfs(in: out)
        #expect(after.count == 300)
        let replaced = inodes.filter { inode(out.appendingPathComponent($0.key)) != $0.value }.count
        #expect(replaced <= 2, "finished PDFs re-rendered: \(replaced)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".dtekit-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("SIGTERM stops gracefully: manifest saved, exit non-zero, re-run completes")
    func sigterm() throws {
        let root = try TestSupport.temporaryDirectory("cli-term")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(150, in: input)
        let gate = root.appendingPathComponent("gate")
        let run = try Running(["batch", input.path, "--out", out.path, "--jobs", "2"], in: root,
                              environment: ["DTEKIT_HARNESS_PAUSE_AFTER": "20", "DTEKIT_HARNESS_GATE": gate.path])
        #expect(try waitUntil { try Fixtures.pdfs(in: out).count >= 16 })
        run.signal(SIGTERM)
        // The run is cancelled before the message is printed; only then may the (at most 2)
        // renders held at the gate finish, and nothing new starts.
        #expect(waitUntil { run.stderr.contains("interrumpiendo") }, "\(run.stderr)")
        FileManager.default.createFile(atPath: gate.path, contents: nil)
        #expect(run.waitForExit())
        #expect(run.process.terminationStatus == 130)
        #expect(run.stdout.contains("INTERRUPTED"))
        #expect(try Fixtures.pdfs(in: out).count <= 22)
        let present = try Fixtures.pdfs(in: out).count
        let rerun = try TestSupport.harness(["batch", input.path, "--out", out.path])
        #expect(rerun.status == 0)
        #expect(rerun.stdoutText.contains("Rendered: \(150 - present) · unchanged: \(present)"), "\(rerun.stdoutText)")
    }

    @Test("--watch re-renders on template change and on new inputs (inotify and polling)", arguments: [false, true])
    func watch(polling: Bool) throws {
        let root = try TestSupport.temporaryDirectory("cli-watch")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(6, in: input)
        let template = root.appendingPathComponent("plantilla.yaml")
        try Data("color: '#000000'\n".utf8).write(to: template)
        var args = ["batch", "--template", template.path, input.path, "--out", out.path, "--watch"]
        if polling { args.append("--poll") }
        let run = try Running(args, in: root)
        defer { if run.process.isRunning { run.signal(SIGKILL) } }
        #expect(try waitUntil { try Fixtures.pdfs(in: out).count == 6 }, "\(run.stderr)")
        #expect(try waitUntil { run.stderr.contains("watching") })
        let first = Dictionary(uniqueKeysWithValues: try Fixtures.pdfs(in: out).map { ($0.lastPathComponent, inode($0)) })

        // Template change: every PDF is replaced.
        try Data("color: '#0055aa'\n".utf8).write(to: template)
        let rerendered = try waitUntil {
            try Fixtures.pdfs(in: out).allSatisfy { inode($0) != first[$0.lastPathComponent] }
        }
        #expect(rerendered, "\(run.stderr)")
        #expect(try waitUntil { run.stdout.contains("Rendered: 6 · unchanged: 0") }, "\(run.stdout)")

        // A new input: only it renders.
        try Fixtures.generate(1, in: input.appendingPathComponent("nuevo"), firstFolio: 90_000, prefix: "nuevo")
        #expect(try waitUntil { try Fixtures.pdfs(in: out).count == 7 }, "\(run.stderr)")
        #expect(try waitUntil { run.stdout.contains("Rendered: 1 · unchanged: 6") }, "\(run.stdout)")

        run.signal(SIGINT)
        #expect(run.waitForExit())
        #expect(run.process.terminationStatus != 0)
    }

    @Test("Not a terminal: a run shorter than --progress-interval still ends with the final count")
    func finalProgressLine() throws {
        let root = try TestSupport.temporaryDirectory("cli-final")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        // An untouched stamped sample: its timbre certifies it, so stderr holds progress only.
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml"),
                                         to: input.appendingPathComponent("doc.xml"))
        let r = try TestSupport.harness(["batch", input.path, "--out", out.path, "--progress-interval", "3600"])
        #expect(r.status == 0, "\(r.stderrText)")
        let lines = r.stderrText.split(separator: "\n").map(String.init)
        #expect(lines.first == "dtekit batch: 1 input files", "\(lines)")
        // The interval never elapsed, yet the last line is the final count.
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.last?.hasPrefix("dtekit batch: 1/1 (100 %)") == true, "\(lines)")
        #expect(lines.last?.contains("rendered 1 · unchanged 0 · failed 0") == true, "\(lines)")
        // --quiet: no progress at all, not even the final line.
        let quiet = try TestSupport.harness(["batch", input.path, "--out", out.path, "--force", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderrText.isEmpty && quiet.stdoutText.isEmpty, "\(quiet.stderrText)")
    }

    @Test("The shipped dtekit has no test options: --help lists none, --renderer is refused")
    func noTestHooks() throws {
        let help = try TestSupport.dtekit(["batch", "--help"])
        #expect(help.status == 0)
        for hidden in ["--renderer", "--stub-work"] { #expect(!help.stdoutText.contains(hidden)) }
        #expect(help.stdoutText.contains("--progress-interval"))
        let root = try TestSupport.temporaryDirectory("cli-hooks")
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try TestSupport.dtekit(["batch", "--renderer", "stub", root.path, "--out", root.path + "/o"])
        #expect(r.status == 2, "\(r.stderrText)")
    }

    @Test("Bad arguments: shard out of range, unknown copy, missing template")
    func badArguments() throws {
        let root = try TestSupport.temporaryDirectory("cli-args")
        defer { try? FileManager.default.removeItem(at: root) }
        let r1 = try TestSupport.harness(["batch", root.path, "--out", root.path + "/o", "--shard", "4/4"])
        #expect(r1.status != 0 && r1.stderrText.contains("shard"))
        let r2 = try TestSupport.harness(["batch", root.path, "--out", root.path + "/o", "--copies", "original"])
        #expect(r2.status != 0 && r2.stderrText.contains("original"))
        let r3 = try TestSupport.dtekit(["batch", root.path, "--out", root.path + "/o"])
        #expect(r3.status != 0 && r3.stderrText.contains("--template"))
        let r4 = try TestSupport.harness(["batch", root.path + "/no-existe", "--out", root.path + "/o"])
        #expect(r4.status == 2 && r4.stderrText.contains("no-existe"))
        // --report at an input or a folder: refused before anything is written, input intact.
        try Fixtures.generate(1, in: root.appendingPathComponent("in"))
        let input = try #require(try FileManager.default.subpathsOfDirectory(atPath: root.path + "/in").first { $0.hasSuffix(".xml") })
        let inputURL = root.appendingPathComponent("in/" + input)
        let before = try Data(contentsOf: inputURL)
        let r6 = try TestSupport.harness(["batch", inputURL.path, "--out", root.path + "/o2", "--report", inputURL.path])
        #expect(r6.status == 2 && r6.stderrText.contains("input files"), "\(r6.stderrText)")
        #expect(try Data(contentsOf: inputURL) == before)
        let r7 = try TestSupport.harness(["batch", inputURL.path, "--out", root.path + "/o2", "--report", root.path])
        #expect(r7.status == 2 && r7.stderrText.contains("folder"), "\(r7.stderrText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).allSatisfy { !$0.hasSuffix(".partial") })
        // One thread per job, unbounded, once exhausted the machine: --jobs is capped.
        let r5 = try TestSupport.harness(["batch", root.path, "--out", root.path + "/o", "--jobs", "100000"])
        #expect(r5.status == 2 && r5.stderrText.contains("--jobs 100000: at most"), "\(r5.stderrText)")
        #expect(!FileManager.default.fileExists(atPath: root.path + "/o"))
    }
}
