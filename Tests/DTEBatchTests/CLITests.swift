import Foundation
import Testing
import DTECore
import DTEBatch
import DTEKitTestSupport

/// Starts `dtekit` without waiting (for kill and watch tests); output goes to files.
private final class Running: @unchecked Sendable {
    let process = Process()
    let stdoutURL: URL, stderrURL: URL
    init(_ arguments: [String], in dir: URL) throws {
        stdoutURL = dir.appendingPathComponent("stdout.txt"); stderrURL = dir.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = TestSupport.dtekitBinary()
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }
    func wait(timeout: Double) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < end { usleep(20_000) }
        if process.isRunning { process.terminate(); return false }
        return true
    }
}

/// Polls `condition` every 50 ms up to `timeout` seconds.
private func waitUntil(_ timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
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
        let r = try TestSupport.dtekit(["batch", "--renderer", "stub", input.path, "--out", out.path,
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
        #expect(r.stdoutText.contains("Renderizados: 300"))
        #expect(r.stdoutText.contains("fallidos: 5"))
        // Not a TTY: plain progress lines with done/total.
        #expect(r.stderrText.contains("/305 ("))
        // Unchanged re-run: nothing rendered, still exit 1 because of the 5 broken inputs.
        let again = try TestSupport.dtekit(["batch", "--renderer", "stub", input.path, "--out", out.path, "--quiet"])
        #expect(again.status == 1)
        #expect(again.stdoutText.isEmpty)
        // Without the broken ones: exit 0.
        try FileManager.default.removeItem(at: input.appendingPathComponent("rotos"))
        let clean = try TestSupport.dtekit(["batch", "--renderer", "stub", input.path, "--out", out.path])
        #expect(clean.status == 0, "\(clean.stderrText)")
        #expect(clean.stdoutText.contains("Renderizados: 0 · sin cambios: 300 · fallidos: 0"))
    }

    @Test("SIGKILL mid-run leaves only complete PDFs; the re-run finishes without re-rendering finished ones")
    func sigkill() throws {
        let root = try TestSupport.temporaryDirectory("cli-kill")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(300, in: input)
        let run = try Running(["batch", "--renderer", "stub", "--stub-work", "400", input.path, "--out", out.path,
                               "--jobs", "2", "--quiet"], in: root)
        let started = try waitUntil(60) { try Fixtures.pdfs(in: out).count >= 30 }
        #expect(started, "outputs appeared: \(run.stderr)")
        run.signal(SIGKILL)
        _ = run.wait(timeout: 10)
        #expect(run.process.terminationReason == .uncaughtSignal)

        let present = try Fixtures.pdfs(in: out)
        #expect(present.count >= 30 && present.count < 300, "killed mid-run: \(present.count)")
        for url in present {
            let data = try Data(contentsOf: url)
            #expect(data.count > 0 && Fixtures.isCompletePDF(data), "\(url.lastPathComponent)")
        }
        for url in present.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            #expect(try TestSupport.run(tool: "pdfinfo", [url.path]).status == 0, "\(url.lastPathComponent)")
        }
        let inodes = Dictionary(uniqueKeysWithValues: present.map { ($0.lastPathComponent, inode($0)) })

        let reportURL = root.appendingPathComponent("report.json")
        let rerun = try TestSupport.dtekit(["batch", "--renderer", "stub", input.path, "--out", out.path,
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
        let run = try Running(["batch", "--renderer", "stub", "--stub-work", "400", input.path, "--out", out.path,
                               "--jobs", "2"], in: root)
        #expect(try waitUntil(60) { try Fixtures.pdfs(in: out).count >= 10 })
        run.signal(SIGTERM)
        #expect(run.wait(timeout: 30))
        #expect(run.process.terminationStatus == 130)
        #expect(run.stdout.contains("INTERRUMPIDO"))
        let present = try Fixtures.pdfs(in: out).count
        let rerun = try TestSupport.dtekit(["batch", "--renderer", "stub", input.path, "--out", out.path])
        #expect(rerun.status == 0)
        #expect(rerun.stdoutText.contains("Renderizados: \(150 - present) · sin cambios: \(present)"), "\(rerun.stdoutText)")
    }

    @Test("--watch re-renders on template change and on new inputs (inotify and polling)", arguments: [false, true])
    func watch(polling: Bool) throws {
        let root = try TestSupport.temporaryDirectory("cli-watch")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try Fixtures.generate(6, in: input)
        let template = root.appendingPathComponent("plantilla.yaml")
        try Data("color: '#000000'\n".utf8).write(to: template)
        var args = ["batch", "--renderer", "stub", "--template", template.path, input.path, "--out", out.path, "--watch"]
        if polling { args.append("--poll") }
        let run = try Running(args, in: root)
        defer { if run.process.isRunning { run.signal(SIGKILL) } }
        #expect(try waitUntil(30) { try Fixtures.pdfs(in: out).count == 6 }, "\(run.stderr)")
        #expect(try waitUntil(10) { run.stderr.contains("vigilando") })
        let first = Dictionary(uniqueKeysWithValues: try Fixtures.pdfs(in: out).map { ($0.lastPathComponent, inode($0)) })

        // Template change: every PDF is replaced.
        try Data("color: '#0055aa'\n".utf8).write(to: template)
        let rerendered = try waitUntil(30) {
            try Fixtures.pdfs(in: out).allSatisfy { inode($0) != first[$0.lastPathComponent] }
        }
        #expect(rerendered, "\(run.stderr)")
        #expect(try waitUntil(10) { run.stdout.contains("Renderizados: 6 · sin cambios: 0") }, "\(run.stdout)")

        // A new input: only it renders.
        try Fixtures.generate(1, in: input.appendingPathComponent("nuevo"), firstFolio: 90_000, prefix: "nuevo")
        #expect(try waitUntil(30) { try Fixtures.pdfs(in: out).count == 7 }, "\(run.stderr)")
        #expect(try waitUntil(10) { run.stdout.contains("Renderizados: 1 · sin cambios: 6") }, "\(run.stdout)")

        run.signal(SIGINT)
        #expect(run.wait(timeout: 20))
        #expect(run.process.terminationStatus != 0)
    }

    @Test("Bad arguments: shard out of range, unknown copy, missing template")
    func badArguments() throws {
        let root = try TestSupport.temporaryDirectory("cli-args")
        defer { try? FileManager.default.removeItem(at: root) }
        let r1 = try TestSupport.dtekit(["batch", "--renderer", "stub", root.path, "--out", root.path + "/o", "--shard", "4/4"])
        #expect(r1.status != 0 && r1.stderrText.contains("shard"))
        let r2 = try TestSupport.dtekit(["batch", "--renderer", "stub", root.path, "--out", root.path + "/o", "--copies", "original"])
        #expect(r2.status != 0 && r2.stderrText.contains("original"))
        let r3 = try TestSupport.dtekit(["batch", root.path, "--out", root.path + "/o"])
        #expect(r3.status != 0 && r3.stderrText.contains("--template"))
        let r4 = try TestSupport.dtekit(["batch", "--renderer", "stub", root.path + "/no-existe", "--out", root.path + "/o"])
        #expect(r4.status == 2 && r4.stderrText.contains("no-existe"))
    }
}
