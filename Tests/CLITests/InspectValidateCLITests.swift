import Foundation
import Testing
import DTEKitTestSupport

/// Runs the built `dtekit` binary.
@Suite(.timeLimit(.minutes(30))) struct InspectValidateCLITests {
    private func samples() throws -> [String] { try TestSupport.siiDocumentSamples().map(\.path) }

    @Test func inspectJSONListsEveryDocumentOfEverySample() throws {
        let files = try samples()
        let r = try TestSupport.dtekit(["inspect", "--json"] + files)
        #expect(r.status == 0, "\(r.stderrText)")
        let array = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        #expect(array.count == 29)
        let basico = array.filter { ($0["file"] as? String)?.hasSuffix("BASICO_762352915.xml") == true }
        #expect(basico.count == 8)
        #expect(basico.compactMap { $0["folio"] as? Int } == [17, 18, 19, 20, 12, 13, 14, 7])
        for entry in array {
            for key in ["file", "type", "folio", "emisor", "receptor", "date", "total"] {
                #expect(entry[key] != nil, "missing \(key) in \(entry)")
            }
            #expect(entry["tedVerified"] as? Bool == true, "\(entry["file"] ?? "?")")
        }
        let f = try #require(array.first { ($0["file"] as? String)?.hasSuffix("33-DTE--60910000-1--33--2336600.xml") == true })
        #expect((f["emisor"] as? [String: Any])?["rut"] as? String == "60910000-1")
        #expect((f["receptor"] as? [String: Any])?["rut"] as? String == "76555835-2")
        #expect(f["total"] as? String == "10642")
        #expect(f["date"] as? String == "2019-08-08")
    }

    @Test func inspectTextIsOneLinePerDocument() throws {
        let basico = try TestSupport.siiSamples().appendingPathComponent("33-56-61-EnvioDTE-BASICO_762352915.xml").path
        let r = try TestSupport.dtekit(["inspect", basico])
        #expect(r.status == 0)
        let lines = r.stdoutText.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.first?.contains("33 FACTURA ELECTRÓNICA N° 17") == true)
        #expect(lines.first?.contains("76.235.291-5") == true)
        #expect(lines.first?.contains("77.447.842-6") == true)
        #expect(lines.first?.contains("2025-07-08") == true)
        #expect(lines.first?.contains("1188861") == true)
    }

    @Test func inspectFailsNamingTheBadFile() throws {
        let dir = try TestSupport.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("xxe.xml")
        try Data("<?xml version=\"1.0\"?><!DOCTYPE DTE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><DTE>&x;</DTE>".utf8).write(to: bad)
        let good = try TestSupport.siiSamples().appendingPathComponent("33-EnvioDTE-F000005T33.xml").path
        let r = try TestSupport.dtekit(["inspect", good, bad.path])
        #expect(r.status != 0)
        #expect(r.stderrText.contains("xxe.xml"))
        #expect(!r.stderrText.contains("root:") && !r.stdoutText.contains("root:"))
        #expect(r.stdoutText.contains("N° 5"))   // the good file still listed
        let missing = try TestSupport.dtekit(["inspect", "/nonexistent/nada.xml"])
        #expect(missing.status != 0)
        #expect(missing.stderrText.contains("nada.xml"))
    }

    @Test func validateExitCodes() throws {
        let dir = try TestSupport.siiSamples()
        let schemas = try TestSupport.siiSchemas().path
        let valid = dir.appendingPathComponent("33-56-61-EnvioDTE-BASICO_762352915.xml").path
        let cleaned = dir.appendingPathComponent("33-DTE--76354771-K--33--170--cleaned.xml").path
        let invalid = dir.appendingPathComponent("invalid-52-EnvioDTE-GUIAS_762352915.xml").path

        let ok = try TestSupport.dtekit(["validate", "--schemas", schemas, valid, cleaned])
        #expect(ok.status == 0, "\(ok.stdoutText)\(ok.stderrText)")

        let bad = try TestSupport.dtekit(["validate", "--schemas", schemas, valid, invalid])
        #expect(bad.status == 1)
        #expect(bad.stdoutText.contains("invalid-52-EnvioDTE-GUIAS_762352915.xml:11: "))
        #expect(bad.stdoutText.contains("TpoDTE"))

        // Default schema folder from DTEKIT_SII_DIR.
        let env = try TestSupport.dtekit(["validate", valid], environment: ["DTEKIT_SII_DIR": try TestSupport.siiDirectory().path])
        #expect(env.status == 0, "\(env.stderrText)")

        let noSchemas = try TestSupport.dtekit(["validate", "--schemas", "/nonexistent", valid])
        #expect(noSchemas.status != 0)
        #expect(noSchemas.stderrText.contains("BASICO_762352915.xml"))

        let caf = try TestSupport.siiCAF(type: 33).path
        let notDTE = try TestSupport.dtekit(["validate", "--schemas", schemas, caf])
        #expect(notDTE.status != 0)
        #expect(notDTE.stderrText.contains("AUTORIZACION"))
    }

    @Test func helpDescribesTheCommands() throws {
        let r = try TestSupport.dtekit(["--help"])
        #expect(r.stdoutText.contains("inspect") && r.stdoutText.contains("validate"))
        let v = try TestSupport.dtekit(["validate", "--help"])
        #expect(v.stdoutText.contains("--schemas"))
    }

    @Test("A FIFO given as input is refused at once by inspect, validate and render (it used to block forever)")
    func fifoIsNotARegularFile() throws {
        let dir = try TestSupport.temporaryDirectory("cli-fifo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("entrada.xml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for args in [["inspect", fifo.path], ["validate", fifo.path],
                     ["render", fifo.path, "--template", "carta", "--out", dir.appendingPathComponent("o").path]] {
            let r = try TestSupport.dtekit(args)
            #expect(r.status != 0, "\(args[0])")
            #expect(r.stderrText.contains("entrada.xml") && r.stderrText.contains("not a regular file"), "\(args[0]): \(r.stderrText)")
        }
    }

    /// Issue 13: logos, templates and emisor profiles were read with Foundation's whole-file read:
    /// `/dev/zero` or a FIFO named there blocked or ate memory, and errors were raw NSError text.
    @Test("A FIFO or /dev/zero as logo, template or emisor profile is refused at once as not a regular file")
    func userNamedFilesAreRegularFilesOnly() throws {
        let dir = try TestSupport.temporaryDirectory("cli-special")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("plantilla.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let sample = try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml").path
        let out = dir.appendingPathComponent("o").path
        for (args, named) in [(["render", sample, "--logo", "/dev/zero", "--out", out], "/dev/zero"),
                              (["render", sample, "--template", fifo.path, "--out", out], "plantilla.yaml"),
                              (["skeleton", "--emisor", "/dev/zero", "--types", "33", "--out", out], "/dev/zero"),
                              (["skeleton", "--emisor", fifo.path, "--types", "33", "--out", out], "plantilla.yaml")] {
            let r = try TestSupport.dtekit(args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderrText.contains(named) && r.stderrText.contains("not a regular file"), "\(args): \(r.stderrText)")
            #expect(!r.stderrText.contains("NSCocoaErrorDomain") && !r.stderrText.contains("Error Domain"), "\(r.stderrText)")
        }
        let missing = try TestSupport.dtekit(["render", sample, "--logo", dir.appendingPathComponent("no-hay.png").path, "--out", out])
        #expect(missing.status != 0 && missing.stderrText.contains("no-hay.png") && missing.stderrText.contains("no such file"), "\(missing.stderrText)")
    }

    /// Issue 13, case 5 and "messages a person can act on": a write that fails (here the
    /// file-size limit, as a full disk would) leaves the previous PDF intact and says so.
    @Test("A render whose write fails keeps the previous PDF byte for byte and says so; an uncreatable --out is named")
    func failedWriteKeepsThePreviousPDF() throws {
        let dir = try TestSupport.temporaryDirectory("cli-efbig")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml").path
        let out = dir.appendingPathComponent("out")
        let first = try TestSupport.dtekit(["render", sample, "--copies", "tributaria", "--out", out.path])
        #expect(first.status == 0, "\(first.stderrText)")
        let pdf = try #require(try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil).first)
        let before = try Data(contentsOf: pdf)
        // 8 KiB file-size limit (the PDF is ≈ 40 KB), SIGXFSZ ignored so write() fails with EFBIG.
        let script = "ulimit -f 8; trap '' XFSZ; exec \"$0\" \"$@\""
        let r = try TestSupport.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script, TestSupport.dtekitBinary().path,
                                    "render", sample, "--copies", "tributaria", "--template", "oficio", "--out", out.path])
        #expect(r.status == 1, "\(r.stderrText)")
        #expect(r.stderrText.contains(pdf.lastPathComponent) && r.stderrText.contains("the previous file was kept"), "\(r.stderrText)")
        #expect(try Data(contentsOf: pdf) == before, "the previous PDF is intact")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [pdf.lastPathComponent], "no temporary file left")

        let blocked = dir.appendingPathComponent("archivo")
        try Data("x".utf8).write(to: blocked)
        let m = try TestSupport.dtekit(["render", sample, "--out", blocked.appendingPathComponent("sub").path])
        #expect(m.status != 0 && m.stderrText.contains("cannot create the folder") && !m.stderrText.contains("Error Domain"), "\(m.stderrText)")
    }

    @Test("render replaces a symlink at the output name instead of writing through it, and leaves no temporary file")
    func renderNeverWritesThroughASymlink() throws {
        let dir = try TestSupport.temporaryDirectory("cli-symlink")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = try TestSupport.siiSamples().appendingPathComponent("33-DTE--76354771-K--33--170.xml").path
        let out = dir.appendingPathComponent("out")
        let first = try TestSupport.dtekit(["render", sample, "--template", "carta", "--out", out.path])
        #expect(first.status == 0, "\(first.stderrText)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let name = try #require(names.first { $0.hasSuffix(".pdf") }, "\(names)")
        // Put a symlink to a file outside --out at the output name.
        let victim = dir.appendingPathComponent("fuera.txt")
        try Data("no tocar".utf8).write(to: victim)
        let target = out.appendingPathComponent(name)
        try FileManager.default.removeItem(at: target)
        try FileManager.default.createSymbolicLink(at: target, withDestinationURL: victim)
        let second = try TestSupport.dtekit(["render", sample, "--template", "carta", "--out", out.path])
        #expect(second.status == 0, "\(second.stderrText)")
        #expect(try Data(contentsOf: victim) == Data("no tocar".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try Data(contentsOf: target).starts(with: Data("%PDF".utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == names.sorted())
    }

    @Test("Two inputs with the same document: render keeps both (second with a hash suffix), says so, and counts what is on disk")
    func renderOutputNameCollision() throws {
        let dir = try TestSupport.temporaryDirectory("cli-collision")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = try TestSupport.siiSamples().appendingPathComponent("33-DTE--76354771-K--33--170.xml")
        let copy = dir.appendingPathComponent("otra-carpeta/mismo.xml")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sample, to: copy)
        let out = dir.appendingPathComponent("out")
        let args = ["render", sample.path, copy.path, "--template", "carta", "--copies", "tributaria", "--out", out.path]
        let r = try TestSupport.dtekit(args)
        #expect(r.status == 0, "\(r.stderrText)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names.count == 2, "\(names)")
        #expect(names.filter { $0.contains("~") }.count == 1, "\(names)")
        #expect(r.stdoutText.contains("2 file(s) written"), "\(r.stdoutText)")
        #expect(r.stderrText.contains("warning") && r.stderrText.contains("mismo.xml"), "\(r.stderrText)")
        // Deterministic: the same inputs give the same names.
        let again = try TestSupport.dtekit(args)
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == names)
    }

    /// Issue 13: `MntTotal` 1 under a timbre whose MNT is the real total was printed without a word.
    @Test("A document its timbre contradicts: render and batch print it with a warning (also in the report), --strict refuses and writes nothing, inspect --json lists it")
    func timbreContradictingTheDocument() throws {
        let dir = try TestSupport.temporaryDirectory("cli-timbre")
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml"))
        let text = try #require(String(data: original, encoding: .isoLatin1))
        let bad = dir.appendingPathComponent("in/forjado.xml")
        try FileManager.default.createDirectory(at: bad.deletingLastPathComponent(), withIntermediateDirectories: true)
        try #require(text.replacingOccurrences(of: "<MntTotal>10642</MntTotal>", with: "<MntTotal>1</MntTotal>")
            .data(using: .isoLatin1)).write(to: bad)

        let out = dir.appendingPathComponent("out")
        let r = try TestSupport.dtekit(["render", bad.path, "--copies", "tributaria", "--out", out.path])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stderrText.contains("forjado.xml") && r.stderrText.contains("MNT") && r.stderrText.contains("10642"), "\(r.stderrText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 1)

        let strictOut = dir.appendingPathComponent("strict")
        let s = try TestSupport.dtekit(["render", "--strict", bad.path, "--copies", "tributaria", "--out", strictOut.path])
        #expect(s.status == 1)
        #expect(s.stderrText.contains("timbre-field-mismatch"), "\(s.stderrText)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: strictOut.path)) ?? []).isEmpty)

        let report = dir.appendingPathComponent("report.json")
        let b = try TestSupport.dtekit(["batch", "--template", "carta", bad.deletingLastPathComponent().path, "--out", dir.appendingPathComponent("batch").path,
                                        "--report", report.path, "--quiet"])
        #expect(b.status == 0, "\(b.stderrText)")
        let json = String(decoding: try Data(contentsOf: report), as: UTF8.self)
        #expect(json.contains("timbre-field-mismatch"), "\(json)")

        let i = try TestSupport.dtekit(["inspect", "--json", bad.path])
        let entries = try #require(try JSONSerialization.jsonObject(with: i.stdout) as? [[String: Any]])
        let problems = entries.first?["timbreProblems"] as? [[String: Any]] ?? []
        #expect(problems.map { $0["field"] as? String } == ["MNT"])
    }

    @Test("preview exits 1 when a sample fails (it used to exit 0), and still writes the good ones")
    func previewFailsWhenASampleFails() throws {
        let dir = try TestSupport.temporaryDirectory("cli-preview")
        defer { try? FileManager.default.removeItem(at: dir) }
        let samples = dir.appendingPathComponent("muestras")
        try FileManager.default.createDirectory(at: samples, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try TestSupport.siiSamples().appendingPathComponent("33-DTE--76354771-K--33--170.xml"),
                                         to: samples.appendingPathComponent("bueno.xml"))
        try Data("<DTE><roto".utf8).write(to: samples.appendingPathComponent("roto.xml"))
        let out = dir.appendingPathComponent("out")
        let r = try TestSupport.dtekit(["preview", "--template", "carta", "--samples", samples.path, "--out", out.path])
        #expect(r.status == 1, "\(r.stdoutText) \(r.stderrText)")
        #expect(r.stderrText.contains("roto.xml"))
        #expect(r.stdoutText.contains("1 failure(s)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).contains { $0.hasSuffix(".pdf") })
    }
}
