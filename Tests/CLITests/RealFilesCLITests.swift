import Foundation
import Testing
import DTEKitTestSupport

/// `inspect`, `render` and `batch` on the shapes real files come in (built from an SII sample).
@Suite struct RealFilesCLITests {
    static func sample() throws -> Data {
        try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent("33-EnvioDTE-F000005T33.xml"))
    }

    @Test func inspectJSONSaysWhereEachDocumentCameFrom() throws {
        let dir = try TestSupport.temporaryDirectory("cli-real")
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String: String] = [:]
        for v in try RealFileVariants.containers(of: try Self.sample()) {
            let url = dir.appendingPathComponent("\(v.name).xml")
            try v.data.write(to: url)
            paths[url.path] = v.container
        }
        let r = try TestSupport.dtekit(["inspect", "--json"] + paths.keys.sorted())
        #expect(r.status == 0, "\(r.stderrText)")
        let array = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        #expect(array.count == paths.count)
        for entry in array {
            let file = try #require(entry["file"] as? String)
            #expect(entry["container"] as? String == paths[file], "\(file)")
            #expect(entry["folio"] as? Int == 5)
            #expect(entry["tedVerified"] as? Bool == true, "\(file)")
        }
        // The misplaced DTE of the 2010-style envelope is a warning on stderr, with file and line.
        #expect(r.stderrText.contains("envio-2010.xml:2: <DTE>: missing element <SetDTE/DTE>") || r.stderrText.contains("envio-2010.xml:2: missing element <SetDTE/DTE>"),
                "\(r.stderrText)")
        #expect(r.stderrText.contains("warning"))
        // Strict: that file is refused, exit 1.
        let strict = try TestSupport.dtekit(["inspect", "--strict", dir.appendingPathComponent("envio-2010.xml").path])
        #expect(strict.status == 1)
        #expect(strict.stderrText.contains("envio-2010.xml"))
    }

    @Test func aFileWithoutDocumentsIsAnError() throws {
        let dir = try TestSupport.temporaryDirectory("cli-real")
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty-envio.xml")
        try Data("<EnvioDTE xmlns=\"http://www.sii.cl/SiiDte\"><SetDTE><Caratula/></SetDTE></EnvioDTE>".utf8).write(to: empty)
        let aec = dir.appendingPathComponent("aec.xml")
        try Data("<AEC><DocumentoAEC><Cesiones/></DocumentoAEC></AEC>".utf8).write(to: aec)
        for args in [["inspect", empty.path], ["inspect", aec.path], ["render", "--out", dir.path, empty.path]] {
            let r = try TestSupport.dtekit(args)
            #expect(r.status == 1, "\(args): \(r.stdoutText) \(r.stderrText)")
            #expect(r.stderrText.contains(URL(fileURLWithPath: args.last ?? "").lastPathComponent), "\(args): \(r.stderrText)")
            #expect(!r.stdoutText.contains("sin documentos"))
        }
    }

    @Test func renderPrintsDeviationsWithWarningsAndStrictRefuses() throws {
        let dir = try TestSupport.temporaryDirectory("cli-real")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        var files: [String] = []
        for (name, data, _) in try RealFileVariants.deviations(of: try Self.sample()) {
            let url = dir.appendingPathComponent("\(name).xml")
            try data.write(to: url)
            files.append(url.path)
        }
        let r = try TestSupport.dtekit(["render", "--out", out.path] + files)
        #expect(r.status == 0, "\(r.stderrText)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }
        #expect(!pdfs.isEmpty)
        #expect(r.stderrText.contains("detalle-without-nmbitem.xml:"), "\(r.stderrText)")
        #expect(r.stderrText.contains("missing element <Detalle/NmbItem>"))
        #expect(r.stderrText.contains("fchemis-with-time.xml:"))
        #expect(r.stderrText.contains("2025-06-18T06:52:34"))
        let strict = try TestSupport.dtekit(["render", "--strict", "--out", dir.appendingPathComponent("strict").path] + files)
        #expect(strict.status == 1)
        #expect(strict.stderrText.contains("missing element <Detalle/NmbItem>"))
        #expect(!strict.stderrText.contains("warning"))
    }

    @Test func batchReportCarriesTheWarnings() throws {
        let dir = try TestSupport.temporaryDirectory("cli-real")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (name, data, _) in try RealFileVariants.deviations(of: try Self.sample()) {
            try data.write(to: input.appendingPathComponent("\(name).xml"))
        }
        for v in try RealFileVariants.containers(of: try Self.sample()) where v.name == "aec" {
            try v.data.write(to: input.appendingPathComponent("aec.xml"))
        }
        let report = dir.appendingPathComponent("report.json")
        let r = try TestSupport.dtekit(["batch", input.path, "--out", dir.appendingPathComponent("out").path,
                                        "--template", "carta", "--report", report.path, "--quiet", "--no-fsync"])
        #expect(r.status == 0, "\(r.stderrText)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let text = String(decoding: try Data(contentsOf: report), as: UTF8.self)
        #expect(text.contains("Detalle\\/NmbItem") || text.contains("Detalle/NmbItem"), "\(json)")
        #expect(text.contains("2025-06-18T06:52:34"))
        #expect(r.stderrText.contains("warning"))
        let strict = try TestSupport.dtekit(["batch", input.path, "--out", dir.appendingPathComponent("out-strict").path,
                                             "--template", "carta", "--strict", "--quiet", "--no-fsync"])
        #expect(strict.status != 0)
    }

    /// Bytes a windows-1252 file cannot hold (0x81) fail with our error only: libxml2 prints
    /// nothing of its own (it did: "encoding error : input conversion failed").
    @Test func encodingErrorsAreNotPrintedByLibxml2() throws {
        let dir = try TestSupport.temporaryDirectory("cli-real")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("cp1252.xml")
        try Data("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<DTE><Documento>".utf8 + [0x81] + Data("</Documento></DTE>".utf8)).write(to: url)
        let r = try TestSupport.dtekit(["inspect", url.path])
        #expect(r.status == 1)
        #expect(r.stderrText.contains("cp1252.xml:2:"), "\(r.stderrText)")
        #expect(!r.stderrText.contains("encoding error"), "\(r.stderrText)")
        #expect(!r.stderrText.contains("I/O error"), "\(r.stderrText)")
    }
}
