import DTEKit
import DTEKitTestSupport
@testable import DTEKitServer
import Foundation
import Testing

/// A multipart/form-data body for the service tests and for curl-free clients.
struct Form {
    var parts: [FormPart] = []
    mutating func add(_ name: String, _ text: String) { parts.append(FormPart(name: name, filename: nil, data: Data(text.utf8))) }
    mutating func add(_ name: String, file: URL) throws {
        parts.append(FormPart(name: name, filename: file.lastPathComponent, data: try Data(contentsOf: file)))
    }
    var data: FormData { FormData(parts: parts) }
}

private let service: OnboardingService = {
    do { return try OnboardingService(templatesDirectory: TestSupport.repositoryRoot.appendingPathComponent("Templates")) }
    catch { fatalError("cannot start the service: \(error)") }
}()

private func isPNG(_ d: Data) -> Bool { d.starts(with: [0x89, 0x50, 0x4E, 0x47]) }
private func isPDF(_ d: Data) -> Bool { d.starts(with: Array("%PDF".utf8)) }

/// The PDF417 of the last page of `pdf`, decoded by ZXingReader from a 300-dpi raster.
private func timbreBytes(_ pdf: Data, in dir: URL) throws -> [UInt8] {
    let file = dir.appendingPathComponent("p-\(UUID().uuidString).pdf")
    try pdf.write(to: file)
    let base = dir.appendingPathComponent("r-\(UUID().uuidString)")
    let r = try TestSupport.run(tool: "pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", file.path, base.path])
    #expect(r.status == 0, "\(r.stderrText)")
    return [UInt8](try TestSupport.run(tool: "ZXingReader", ["-bytes", "-format", "PDF417", base.path + ".png"]).stdout)
}

@Suite(.timeLimit(.minutes(30))) struct ServiceTests {
    @Test("Templates are listed with their paper")
    func templates() {
        let names = service.templates().compactMap { $0["name"] }
        #expect(names.contains("carta") && names.contains("termica-80mm"), "\(names)")
    }

    @Test("A preview of every type is a PNG; the PDF's timbre decodes to the sample's TED")
    func previews() throws {
        let dir = try TestSupport.temporaryDirectory("server-preview")
        defer { try? FileManager.default.removeItem(at: dir) }
        for type in [33, 34, 39, 52, 61, 110] {
            var f = Form()
            f.add("type", String(type))
            f.add("template", type == 39 ? "termica-80mm" : "carta")
            let png = try service.preview(f.data, pdf: false)
            #expect(png.contentType == "image/png" && isPNG(png.data), "\(type)")
        }
        var f = Form()
        f.add("type", "33")
        let pdf = try service.preview(f.data, pdf: true)
        #expect(isPDF(pdf.data))
        let sample = try #require(try service.documents(f.data, sampleType: true).first?.ted?.bytes)
        #expect(try timbreBytes(pdf.data, in: dir) == sample)
    }

    @Test("Overrides and a logo change the preview; a recuadro colour the SII does not allow is a 422 naming the key")
    func personalisation() throws {
        var plain = Form()
        plain.add("template", "carta")
        let base = try service.preview(plain.data, pdf: false).data
        var black = plain
        black.add("overrides", #"{"colors": {"recuadro": "black"}}"#)
        let blackPNG = try service.preview(black.data, pdf: false).data
        #expect(blackPNG != base)
        var logo = plain
        try logo.add("logo", file: TestSupport.samplesDirectory.appendingPathComponent("logo.png"))
        #expect(try service.preview(logo.data, pdf: false).data != base)

        var green = plain
        green.add("overrides", #"{"colors": {"recuadro": "green"}}"#)
        do {
            _ = try service.preview(green.data, pdf: false)
            Issue.record("a green recuadro was accepted")
        } catch {
            #expect(error.status == 422 && error.description.contains("colors.recuadro"), "\(error)")
            let json = try #require(try JSONSerialization.jsonObject(with: error.json) as? [String: Any])
            #expect(json["code"] as? String == "unprocessable" && (json["message_es"] as? String)?.isEmpty == false
                    && (json["message_en"] as? String)?.contains("colors.recuadro") == true, "\(json)")
        }
        var bad = plain
        bad.add("overrides", "[1, 2]")
        #expect(throws: ServiceError.self) { try service.preview(bad.data, pdf: false) }
    }

    @Test("Printouts: one document gives its PDF, an envelope a ZIP of one PDF per document; bad XML is a 422")
    func printouts() throws {
        let dir = try TestSupport.temporaryDirectory("server-printouts")
        defer { try? FileManager.default.removeItem(at: dir) }
        var one = Form()
        let single = try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml")
        try one.add("xml", file: single)
        one.add("copy", "cedible")
        let pdf = try service.printouts(one.data)
        #expect(pdf.contentType == "application/pdf" && isPDF(pdf.data))
        let ted = try #require(try DTEReader.forPrinting.read(contentsOf: single).documents.first?.ted?.bytes)
        #expect(try timbreBytes(pdf.data, in: dir) == ted)

        var envelope = Form()
        try envelope.add("xml", file: try TestSupport.siiSamples().appendingPathComponent("33-56-61-EnvioDTE-BASICO_762352915.xml"))
        let zip = try service.printouts(envelope.data)
        #expect(zip.contentType == "application/zip")
        let zipFile = dir.appendingPathComponent("p.zip")
        try zip.data.write(to: zipFile)
        let listing = try TestSupport.run(tool: "python3", ["-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print('\\n'.join(z.namelist()))", zipFile.path])
        #expect(listing.status == 0, "\(listing.stderrText)")
        #expect(listing.stdoutText.split(separator: "\n").count == 8, "\(listing.stdoutText)")

        var broken = Form()
        broken.parts.append(FormPart(name: "xml", filename: "roto.xml", data: Data("<DTE><Documento>".utf8)))
        do { _ = try service.printouts(broken.data); Issue.record("broken XML accepted") } catch {
            #expect(error.status == 422 && error.description.contains("roto.xml"), "\(error)")
        }
        #expect(throws: ServiceError.self) { try service.printouts(Form().data) }
    }

    @Test("ID check: the report JSON; a logo instead of the cédula is rejected in Spanish and English; a bad RUN is a 400")
    func idChecks() throws {
        var f = Form()
        try f.add("image", file: TestSupport.samplesDirectory.appendingPathComponent("logo.png"))
        f.add("run", "12.345.678-5")
        f.add("on", "2026-11-30")
        let json = try service.idCheck(f.data)
        let object = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String: Any])
        #expect(object["verdict"] as? String == "reject")
        let text = String(decoding: json.data, as: UTF8.self)
        #expect(text.contains("card-not-found") && text.contains("message_es") && text.contains("message_en"))
        var bad = f
        bad.parts.removeAll { $0.name == "run" }
        bad.add("run", "12.345.678-9")
        do { _ = try service.idCheck(bad.data); Issue.record("a wrong RUN check digit was accepted") } catch {
            #expect(error.status == 400)
        }
    }

    @Test("Multipart parsing: fields, file names, repeated fields; a body that is not multipart is a 400")
    func multipart() throws {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n33\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nAAA\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"b.jpg\"\r\n\r\nBB\r\n--XyZ--\r\n"
        let form = try FormData.parse(Data(body.utf8), contentType: "multipart/form-data; boundary=XyZ")
        #expect(form.text("type") == "33")
        #expect(form.all("image").map(\.filename) == ["a.jpg", "b.jpg"])
        #expect(form.all("image").map(\.text) == ["AAA", "BB"])
        #expect(throws: ServiceError.self) { try FormData.parse(Data("{}".utf8), contentType: "application/json") }
    }

    @Test("Skeletons: a ZIP of stamped XML with an SII CAF; a tampered CAF is a 422; test CAFs on request")
    func skeletons() throws {
        let dir = try TestSupport.temporaryDirectory("server-skeletons")
        defer { try? FileManager.default.removeItem(at: dir) }
        var f = Form()
        try f.add("emisor", file: TestSupport.samplesDirectory.appendingPathComponent("emisor.yaml"))
        f.add("types", "33,34")
        try f.add("caf", file: try TestSupport.siiCAF(type: 33))
        f.add("test_caf", "true")
        let zip = try service.skeletons(f.data)
        #expect(zip.contentType == "application/zip")
        let file = dir.appendingPathComponent("s.zip")
        try zip.data.write(to: file)
        let script = "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(' '.join(z.namelist())); d=z.read('T33.xml').decode('latin-1'); print('TED' in d, 'FRMT' in d)"
        let r = try TestSupport.run(tool: "python3", ["-c", script, file.path])
        #expect(r.stdoutText == "T33.xml T34.xml\nTrue True\n", "\(r.stdoutText) \(r.stderrText)")

        // The CAF's folio range widened: its SII signature no longer verifies.
        var caf = try String(contentsOf: try TestSupport.siiCAF(type: 33), encoding: .isoLatin1)
        let h = try #require(caf.range(of: #"<H>\d+</H>"#, options: .regularExpression))
        caf.replaceSubrange(h, with: "<H>99999999</H>")
        var tampered = Form()
        try tampered.add("emisor", file: TestSupport.samplesDirectory.appendingPathComponent("emisor.yaml"))
        tampered.add("types", "33")
        tampered.parts.append(FormPart(name: "caf", filename: "caf33.xml", data: try #require(caf.data(using: .isoLatin1))))
        do { _ = try service.skeletons(tampered.data); Issue.record("a tampered CAF was accepted") } catch {
            #expect(error.status == 422 && error.description.contains("caf33.xml"), "\(error)")
        }
    }

    @Test("The OpenAPI document is valid YAML, version 3.1, and lists every route the server answers")
    func openAPI() throws {
        let text = String(decoding: service.openAPIDocument(), as: UTF8.self)
        #expect(text.hasPrefix("openapi: 3.1.0"))
        for path in ["/", "/healthz", "/metrics", "/openapi.yaml", "/v1/templates", "/v1/templates/export", "/v1/previews",
                     "/v1/printouts", "/v1/skeletons", "/v1/id-checks", "/v1/samples/{name}"] {
            #expect(text.contains("\n  \(path):"), "\(path) missing")
        }
        // Debian's python3 (python3-yaml, installed by the bootstrap), whatever python3 comes first in PATH.
        let parsed = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", "import sys,yaml; d=yaml.safe_load(sys.stdin); print(len(d['paths']))"],
                                         stdin: service.openAPIDocument())
        #expect(parsed.stdoutText == "11\n", "\(parsed.stderrText)")
    }

    @Test("Descargar plantilla: the merged YAML loads as a template with the overrides; the page has the form and calls the API")
    func exportAndPage() throws {
        var f = Form()
        f.add("template", "carta")
        f.add("overrides", #"{"colors": {"recuadro": "black"}, "font": {"body": 9}}"#)
        let yaml = String(decoding: try service.exportTemplate(f.data).data, as: UTF8.self)
        let template = try PrintTemplate.load(yaml: yaml, source: "plantilla.yaml", baseDirectory: nil)
        #expect(template.fonts.body == 9)
        #expect(yaml.contains("recuadro: black"), "\(yaml)")
        let page = String(decoding: service.page(), as: UTF8.self)
        for needle in ["<form", "id=\"logo\"", "id=\"recuadro\"", "/v1/previews", "/v1/templates/export", "Descargar plantilla"] {
            #expect(page.contains(needle), "\(needle)")
        }
        #expect(!page.contains("http://") && !page.contains("https://"), "no CDN: the page works offline")
    }
}
