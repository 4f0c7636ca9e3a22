import DTECore
@testable import DTEPrint
import Foundation
import Testing
import DTEKitTestSupport

/// Shared fixtures: templates, printouts and the documents of ../shared/sii/samples and Samples/.
enum Fixtures {
    static func template(_ name: String) throws -> PrintTemplate {
        try PrintTemplate.named(name, in: TestSupport.templatesDirectory)
    }
    static var logoURL: URL { TestSupport.samplesDirectory.appendingPathComponent("logo.png") }
    static func printout(_ name: String, logo: Bool = true) throws -> Printout {
        try Printout(template: try template(name), logo: logo ? try Logo(contentsOf: logoURL) : nil)
    }

    /// Every readable document: (label, document). The `invalid-*` sample is excluded (it is
    /// invalid on purpose for the validator's tests).
    static func documents() throws -> [(String, DTEDocument)] {
        var files = try TestSupport.siiDocumentSamples().filter { !$0.lastPathComponent.hasPrefix("invalid-") }
        let own = ((try? FileManager.default.contentsOfDirectory(at: TestSupport.samplesDirectory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "xml" }
        files += own.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var out: [(String, DTEDocument)] = []
        for f in files {
            let env = try DTEReader().read(contentsOf: f)
            for d in env.documents { out.append(("\(f.lastPathComponent) \(d.type.rawValue)/\(d.folio)", d)) }
        }
        return out
    }

    static func sample170() throws -> DTEDocument {
        let url = try TestSupport.siiSamples().appendingPathComponent("33-DTE--76354771-K--33--170.xml")
        return try #require(try DTEReader().read(contentsOf: url).documents.first)
    }

    /// The printed total as the renderer formats it.
    static func printedTotal(_ d: DTEDocument) -> String {
        let cur = d.totales.moneda.flatMap { Formatting.isCLP($0) ? nil : $0 }
        return Formatting.amount(d.totales.montoTotal, currency: cur)
    }

    static func write(_ data: Data, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    static func pdftotext(_ pdf: URL, first: Int? = nil, last: Int? = nil) throws -> String {
        var args = ["-enc", "UTF-8"]
        if let first { args += ["-f", String(first)] }
        if let last { args += ["-l", String(last)] }
        let r = try TestSupport.run(tool: "pdftotext", args + [pdf.path, "-"])
        #expect(r.status == 0, "pdftotext failed: \(r.stderrText)")
        return r.stdoutText
    }

    static func pdfinfo(_ pdf: URL) throws -> (pages: Int, width: Double, height: Double) {
        let r = try TestSupport.run(tool: "pdfinfo", [pdf.path])
        #expect(r.status == 0, "pdfinfo failed: \(r.stderrText)")
        var pages = 0, w = 0.0, h = 0.0
        for line in r.stdoutText.split(separator: "\n") {
            if line.hasPrefix("Pages:") { pages = Int(line.split(separator: " ").last ?? "") ?? 0 }
            if line.hasPrefix("Page size:") {
                let parts = line.split(separator: " ")
                if parts.count >= 5 { w = Double(parts[2]) ?? 0; h = Double(parts[4]) ?? 0 }
            }
        }
        return (pages, w, h)
    }

    /// Rasterises the timbre area of `page` at 300 dpi and decodes it with ZXingReader.
    static func decodeTimbre(pdf: URL, layout: DocumentLayout, dir: URL) throws -> [UInt8] {
        let r = try #require(layout.facts.timbre)
        let page = layout.facts.timbrePage + 1
        let k = 300.0 / 72
        let pad = 24.0
        let x = Int(((r.x - pad) * k).rounded(.down)), y = Int(((r.y - pad) * k).rounded(.down))
        let w = Int(((r.width + 2 * pad) * k).rounded(.up)), h = Int(((r.height + 2 * pad) * k).rounded(.up))
        let base = dir.appendingPathComponent("timbre-\(UUID().uuidString)")
        let raster = try TestSupport.run(tool: "pdftoppm", ["-r", "300", "-f", String(page), "-l", String(page),
                                                           "-x", String(max(0, x)), "-y", String(max(0, y)),
                                                           "-W", String(w), "-H", String(h), "-gray", "-png", "-singlefile",
                                                           pdf.path, base.path])
        #expect(raster.status == 0, "pdftoppm failed: \(raster.stderrText)")
        let decoded = try TestSupport.run(tool: "ZXingReader", ["-bytes", "-format", "PDF417", base.path + ".png"])
        return [UInt8](decoded.stdout)
    }

    /// The PrintError `body` throws, or nil.
    static func printError(_ body: () throws -> Void) -> PrintError? {
        do { try body() } catch { return error as? PrintError }
        return nil
    }

    /// Whitespace collapsed; "$ 1.234" and "$1.234" compare equal (pdftotext may drop the narrow space).
    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            .replacingOccurrences(of: "$ ", with: "$")
    }
}

@Suite struct SampleRenderTests {
    /// Every sample document, with each shipped template that applies: the PDF opens, has the
    /// right page size and count, carries the key data as text, and its PDF417 decodes to the TED.
    @Test func everySampleWithEveryApplicableTemplate() throws {
        let docs = try Fixtures.documents()
        #expect(docs.count >= 15)
        let dir = try TestSupport.temporaryDirectory("print-samples")
        defer { try? FileManager.default.removeItem(at: dir) }
        for templateName in ["carta", "oficio", "termica-80mm", "termica-57mm", "marca-ejemplo"] {
            let printout = try Fixtures.printout(templateName)
            let t = printout.template
            for (label, doc) in docs {
                if let allowed = t.documentTypes, !allowed.contains(doc.type.rawValue) {
                    #expect(throws: PrintError.self) { try printout.pdf(for: doc) }
                    continue
                }
                // Decoding every document with every template would take minutes: decode the
                // barcode for carta and termica-80mm (all docs) and check text for the others.
                let decode = templateName == "carta" || templateName == "termica-80mm" || templateName == "termica-57mm"
                let pdf = try printout.pdf(for: doc)
                let file = try Fixtures.write(pdf, "\(templateName)-\(doc.type.rawValue)-\(doc.folio).pdf", in: dir)
                let layout = try printout.layout(for: doc, copy: .tributaria)
                let info = try Fixtures.pdfinfo(file)
                #expect(info.pages == layout.pages.count, "\(label) \(templateName): pages")
                #expect(abs(info.width - t.paper.width) < 0.5, "\(label) \(templateName): width \(info.width)")
                if let h = t.paper.height { #expect(abs(info.height - h) < 0.5, "\(label) \(templateName): height") }
                else { #expect(info.pages == 1, "\(label): a roll is one page") }
                let text = Fixtures.normalized(try Fixtures.pdftotext(file))
                #expect(text.contains(doc.emisor.rut.formatted), "\(label) \(templateName): RUT \(doc.emisor.rut.formatted)")
                #expect(text.contains(Fixtures.normalized(doc.type.printedName)), "\(label) \(templateName): type name")
                #expect(text.contains("N° \(doc.folio)"), "\(label) \(templateName): folio")
                #expect(text.contains(Fixtures.normalized(Fixtures.printedTotal(doc))), "\(label) \(templateName): total \(Fixtures.printedTotal(doc))")
                #expect(text.contains("Timbre Electrónico SII"), "\(label) \(templateName): legend")
                #expect(text.contains("S.I.I. - \(t.siiUnit)"), "\(label) \(templateName): SII unit")
                if decode {
                    let bytes = try Fixtures.decodeTimbre(pdf: file, layout: layout, dir: dir)
                    #expect(bytes == doc.ted?.bytes, "\(label) \(templateName): PDF417 must decode to exactly the TED bytes (\(bytes.count) vs \(doc.ted?.bytes.count ?? 0))")
                }
            }
        }
    }

    @Test func totalsRules() throws {
        let docs = try Fixtures.documents()
        let printout = try Fixtures.printout("carta", logo: false)
        let dir = try TestSupport.temporaryDirectory("print-totals")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (label, doc) in docs where !doc.type.isBoleta {
            let text = Fixtures.normalized(try Fixtures.pdftotext(try Fixtures.write(try printout.pdf(for: doc), "d.pdf", in: dir)))
            if doc.type.isExempt {
                #expect(!text.contains("IVA ("), "\(label): exempt documents show no IVA")
                #expect(!text.contains("Monto Neto"), "\(label): exempt documents show no neto")
                #expect(text.contains("Monto Exento"), "\(label): Monto Exento")
            } else if doc.totales.iva != nil {
                let rate = Formatting.percent(doc.totales.tasaIVA ?? 19)
                #expect(text.contains("IVA (\(rate))"), "\(label): IVA with its rate")
            }
            if doc.detalle.contains(where: \.isExempt) { #expect(text.contains("Monto Exento"), "\(label): exempt line → Monto Exento") }
            for r in doc.totales.impuestosRetenidos {
                let name = doc.type == .facturaCompra && [15, 16].contains(r.codigo) ? "IVA retenido" : r.name
                #expect(text.contains(name), "\(label): ImptoReten \(r.codigo) named")
            }
            if doc.type == .guiaDespacho, let tr = doc.idDoc.indTraslado { #expect(text.contains(tr.gloss), "\(label): traslado gloss") }
            for ref in doc.referencias {
                #expect(text.contains(Fixtures.normalized(ref.documentName)), "\(label): reference in words")
                if let c = ref.codigoText { #expect(text.contains(c), "\(label): CodRef text") }
            }
            if doc.type.isExport, let m = doc.totales.moneda { #expect(text.contains(m), "\(label): currency \(m)") }
        }
    }
}

@Suite struct CedibleTests {
    @Test func cedibleCopyHasAcuseAndLegend() throws {
        let docs = try Fixtures.documents()
        let printout = try Fixtures.printout("carta")
        let dir = try TestSupport.temporaryDirectory("print-cedible")
        defer { try? FileManager.default.removeItem(at: dir) }
        var checked = 0
        for (label, doc) in docs where doc.allowsCedibleCopy {
            let file = try Fixtures.write(try printout.pdf(for: doc, copy: .cedible), "c.pdf", in: dir)
            let text = Fixtures.normalized(try Fixtures.pdftotext(file))
            #expect(text.contains("Acuse de Recibo"), "\(label)")
            for field in ["Nombre:", "RUT:", "Fecha:", "Recinto:", "Firma:"] { #expect(text.contains(field), "\(label): \(field)") }
            #expect(text.contains(Fixtures.normalized(SIIPrintRules.acuseText)), "\(label): Res. Ex. 51/2005 text")
            #expect(text.contains(doc.type == .guiaDespacho ? "CEDIBLE CON SU FACTURA" : "CEDIBLE"), "\(label)")
            let tributaria = Fixtures.normalized(try Fixtures.pdftotext(try Fixtures.write(try printout.pdf(for: doc), "t.pdf", in: dir)))
            #expect(!tributaria.contains("Acuse de Recibo") && !tributaria.contains("CEDIBLE"), "\(label): no acuse on the tributaria copy")
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test func notesAndBoletasRefuseCedible() throws {
        let docs = try Fixtures.documents()
        let printout = try Fixtures.printout("carta", logo: false)
        var refused = Set<Int>()
        for (_, doc) in docs where [56, 61, 39, 41, 110, 111, 112].contains(doc.type.rawValue) {
            let e = Fixtures.printError { _ = try printout.pdf(for: doc, copy: .cedible) }
            if let e, case .cedibleNotAllowed = e {
                #expect(e.description.contains("no cedible copy"))
                refused.insert(doc.type.rawValue)
            } else {
                Issue.record("\(doc.type.rawValue) N° \(doc.folio): expected cedibleNotAllowed, got \(String(describing: e))")
            }
        }
        #expect(refused.isSuperset(of: [56, 61]))
    }

    @Test func guiaTrasladoInternoRefusesCedible() throws {
        var doc = try Fixtures.sample170()
        doc.idDoc.tipoDTE = .guiaDespacho
        doc.idDoc.indTraslado = .trasladoInterno
        let printout = try Fixtures.printout("carta", logo: false)
        #expect(throws: PrintError.self) { try printout.pdf(for: doc, copy: .cedible) }
        doc.idDoc.indTraslado = .operacionConstituyeVenta
        let pdf = try printout.pdf(for: doc, copy: .cedible)
        #expect(pdf.count > 1000)
    }
}

/// A 60-line factura with 1000-character descriptions.
enum LongDocument {
    static func make() throws -> DTEDocument {
        var doc = try Fixtures.sample170()
        let words = (0..<200).map { "desc\($0 % 97)x" }
        var desc = ""
        for w in words where desc.count + w.count + 1 <= 1000 { desc += (desc.isEmpty ? "" : " ") + w }
        desc += String(repeating: "Z", count: max(0, 1000 - desc.count))   // an unbreakable tail too
        doc.detalle = (1...60).map { i in
            DetailLine(numero: i, codigos: [ItemCode(tipo: "INT1", valor: "COD\(i)")], nombre: "Ítem número \(i) con nombre largo",
                       descripcion: String(desc.prefix(1000)), cantidad: Decimal(i), unidad: "Unid",
                       precioUnitario: 1_258_950, montoItem: Money(Int64(i) * 1_258_950))
        }
        return doc
    }
}

@Suite struct PaginationTests {
    @Test func longFacturaPaginatesWithinColumns() throws {
        let doc = try LongDocument.make()
        let printout = try Fixtures.printout("carta")
        let dir = try TestSupport.temporaryDirectory("print-long")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Fixtures.write(try printout.pdf(for: doc), "long.pdf", in: dir)
        let layout = try printout.layout(for: doc, copy: .tributaria)
        let info = try Fixtures.pdfinfo(file)
        #expect(info.pages > 3)
        #expect(info.pages == layout.pages.count)
        for p in 1...info.pages {
            let text = try Fixtures.pdftotext(file, first: p, last: p)
            #expect(text.contains("Página \(p) de \(info.pages)"))
            #expect(text.contains("R.U.T.: 76.354.771-K"), "recuadro repeated on page \(p)")
            #expect(text.contains("Timbre Electrónico SII") == (p == info.pages), "timbre only on the last page")
        }
        #expect(layout.facts.timbrePage == layout.pages.count - 1)
        // Description column: every text run of a description lies inside it, and every word
        // pdftotext finds for it does too.
        let descRuns = layout.pages.flatMap(\.elements).compactMap { el -> TextRun? in
            if case let .text(r) = el, r.text.hasPrefix("desc") { return r }; return nil
        }
        let col = try #require(descRuns.first).frame
        let bbox = try TestSupport.run(tool: "pdftotext", ["-bbox", file.path, "-"]).stdoutText
        var words = 0
        for line in bbox.split(separator: "\n") where line.contains("<word ") {
            guard let close = line.range(of: ">"), let end = line.range(of: "</word>") else { continue }
            let word = line[close.upperBound..<end.lowerBound]
            guard word.hasPrefix("desc") || word.hasPrefix("ZZZ") else { continue }
            func attr(_ n: String) -> Double {
                guard let r = line.range(of: n + "=\"") else { return .nan }
                return Double(line[r.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            #expect(attr("xMin") >= col.x - 0.6 && attr("xMax") <= col.maxX + 0.6,
                    "word '\(word)' at \(attr("xMin"))…\(attr("xMax")) outside the column \(col.x)…\(col.maxX)")
            words += 1
        }
        #expect(words > 1000)
        // Every numeric cell stays inside its column too (right-aligned, measured widths).
        for page in layout.pages {
            let inner = Rect(x: Units.cm(1) - 0.01, y: 0, width: page.width - 2 * Units.cm(1) + 0.02, height: page.height)
            for case let .text(r) in page.elements where r.role == .keyData { #expect(inner.contains(r.frame)) }
        }
    }

    @Test func longFacturaOnRollIsOneTallPage() throws {
        let doc = try LongDocument.make()
        let printout = try Fixtures.printout("termica-80mm")
        let dir = try TestSupport.temporaryDirectory("print-roll")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Fixtures.write(try printout.pdf(for: doc), "roll.pdf", in: dir)
        let info = try Fixtures.pdfinfo(file)
        #expect(info.pages == 1)
        #expect(abs(info.width - Units.cm(8)) < 0.5)
        #expect(info.height > 5000)
    }

    @Test func onePageOptionFailsClearly() throws {
        var t = try Fixtures.template("carta")
        t.onePage = true
        let printout = try Printout(template: t)
        #expect(try printout.pdf(for: try Fixtures.sample170()).count > 0)
        let long = try LongDocument.make()
        let e = Fixtures.printError { _ = try printout.pdf(for: long) }
        if let e, case let .doesNotFitOnOnePage(_, pages) = e {
            #expect(pages > 1)
            #expect(e.description.contains("one-page"))
        } else {
            Issue.record("expected doesNotFitOnOnePage, got \(String(describing: e))")
        }
    }
}

@Suite struct TimbreRulesTests {
    @Test func timbreGeometryFollowsTheRules() throws {
        let doc = try Fixtures.sample170()
        for name in ["carta", "oficio", "termica-80mm", "marca-ejemplo"] {
            let p = try Fixtures.printout(name)
            for copy in [CopyKind.tributaria, .cedible] where copy == .tributaria || p.template.copies.cedible > 0 || true {
                let layout = try p.layout(for: doc, copy: copy)
                let r = try #require(layout.facts.timbre)
                #expect(Units.toCm(r.x) >= 2 - 0.001, "\(name): ≥ 2 cm from the left")
                #expect((5...9).contains(Units.toCm(r.width)), "\(name): width \(Units.toCm(r.width))")
                #expect((2...3.05).contains(Units.toCm(r.height)), "\(name): height \(Units.toCm(r.height))")
                #expect(Units.toMm(layout.facts.timbreModule) >= 0.17)
                #expect(try p.preflight(for: doc, copy: copy).isEmpty)
                let rec = try #require(layout.facts.recuadro)
                #expect((5.5...8).contains(Units.toCm(rec.width)) && (1.5...4).contains(Units.toCm(rec.height)))
            }
        }
    }

    @Test func pdfSizeAndFonts() throws {
        let p = try Fixtures.printout("carta")
        let pdf = try p.pdf(for: try Fixtures.sample170(), copy: .cedible)
        #expect(pdf.count <= 45 * 1024, "letter page with logo: \(pdf.count) bytes")
        let dir = try TestSupport.temporaryDirectory("print-fonts")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fonts = try TestSupport.run(tool: "pdffonts", [try Fixtures.write(pdf, "f.pdf", in: dir).path]).stdoutText
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for r in rows { #expect(r.contains(" yes yes "), "embedded subset: \(r)") }
        let images = try TestSupport.run(tool: "pdfimages", ["-list", dir.appendingPathComponent("f.pdf").path]).stdoutText
        #expect(images.contains("jpeg"), "the logo is passed through as JPEG")
        #expect(images.contains("stencil") || images.contains("smask") || images.contains(" 1 "), "the timbre is a 1-bit image: \(images)")
    }

    /// Issue 13: a CMYK JPEG logo was refused ("not a JPEG", later "not CMYK"). It is converted
    /// to RGB (Adobe's inverted CMYK handled) and the PDF embeds the RGB conversion.
    @Test func cmykJPEGLogoIsConvertedToRGB() throws {
        let url = TestSupport.repositoryRoot.appendingPathComponent("Tests/DTEPrintTests/Resources/logo-cmyk-adobe.jpg")
        let logo = try Logo(contentsOf: url)
        let image = try LogoImage(logo: logo, embedding: .jpeg)
        func near(_ p: (r: UInt8, g: UInt8, b: UInt8)?, _ r: Int, _ g: Int, _ b: Int) -> Bool {
            guard let p else { return false }
            return abs(Int(p.r) - r) <= 16 && abs(Int(p.g) - g) <= 16 && abs(Int(p.b) - b) <= 16
        }
        #expect(near(image.rgb(x: 40, y: 40), 220, 20, 30), "red block: \(String(describing: image.rgb(x: 40, y: 40)))")
        #expect(near(image.rgb(x: 120, y: 20), 20, 160, 60), "green block: \(String(describing: image.rgb(x: 120, y: 20)))")
        #expect(near(image.rgb(x: 120, y: 60), 25, 50, 200), "blue block: \(String(describing: image.rgb(x: 120, y: 60)))")
        let pdf = try Printout(template: try Fixtures.template("carta"), logo: logo).pdf(for: try Fixtures.sample170())
        let dir = try TestSupport.temporaryDirectory("print-cmyk")
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = try TestSupport.run(tool: "pdfimages", ["-list", try Fixtures.write(pdf, "c.pdf", in: dir).path]).stdoutText
        let logoRow = list.split(separator: "\n").first { $0.contains("jpeg") }.map(String.init) ?? ""
        #expect(logoRow.contains("rgb") && !logoRow.contains("cmyk"), "\(list)")
    }

    @Test func reRendersAreByteIdenticalAndDatedByEmission() throws {
        let doc = try Fixtures.sample170()
        let first = try Fixtures.printout("carta").pdf(for: doc)
        Thread.sleep(forTimeInterval: 1.1)      // a PDF dated by the clock would differ by now
        let second = try Fixtures.printout("carta").pdf(for: doc)
        #expect(first == second, "two renders of the same document and template differ")
        let dir = try TestSupport.temporaryDirectory("print-date")
        defer { try? FileManager.default.removeItem(at: dir) }
        let info = try TestSupport.run(tool: "pdfinfo", ["-isodates", try Fixtures.write(first, "d.pdf", in: dir).path]).stdoutText
        let created = info.split(separator: "\n").first { $0.hasPrefix("CreationDate:") }.map(String.init) ?? ""
        #expect(created.contains("\(doc.idDoc.fechaEmision)T00:00:00"), "creation date is the emission date: \(created)")
    }

    @Test func concurrentRendersAreSafe() async throws {
        let p = try Fixtures.printout("carta")
        let doc = try Fixtures.sample170()
        let reference = try p.pdf(for: doc).count
        try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<8 {
                group.addTask { try (0..<5).map { _ in try p.pdf(for: doc, copy: i % 2 == 0 ? .tributaria : .cedible).count }.min() ?? 0 }
            }
            for try await n in group { #expect(n > reference / 2) }
        }
    }
}

@Suite struct VisualRegressionTests {
    static let dpi = 40.0
    /// A pixel differs when any channel differs by more than 40/255; at most 0.5 % may differ.
    static let channelTolerance: UInt32 = 40
    static let maxDifferingFraction = 0.005

    static func differingFraction(_ a: RasterImage, _ b: RasterImage) -> Double {
        guard a.width == b.width, a.height == b.height else { return 1 }
        var n = 0
        for i in 0..<a.pixels.count {
            let x = a.pixels[i], y = b.pixels[i]
            for s in [0, 8, 16] {
                let ca = (x >> UInt32(s)) & 0xFF, cb = (y >> UInt32(s)) & 0xFF
                if (ca > cb ? ca - cb : cb - ca) > channelTolerance { n += 1; break }
            }
        }
        return Double(n) / Double(max(1, a.pixels.count))
    }

    static var referenceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/reference")
    }

    @Test(arguments: ["carta", "termica-80mm"])
    func rendersMatchReferences(_ name: String) throws {
        let docs = try Fixtures.documents()
        let picks = docs.filter { ["33-DTE--76354771-K--33--170.xml 33/170", "52-EnvioDTE-F000002T52.xml"].contains(where: $0.0.hasPrefix) }
        #expect(!picks.isEmpty)
        let p = try Fixtures.printout(name)
        for (label, doc) in picks.prefix(2) {
            let png = try #require(try p.png(for: doc, dpi: Self.dpi).first)
            let ref = Self.referenceDirectory.appendingPathComponent("\(name)-\(doc.type.rawValue)-\(doc.folio).png")
            if ProcessInfo.processInfo.environment["DTEKIT_UPDATE_REFERENCES"] == "1" {
                try FileManager.default.createDirectory(at: Self.referenceDirectory, withIntermediateDirectories: true)
                try png.write(to: ref)
            }
            let expected = try RasterImage(png: try Data(contentsOf: ref))
            let actual = try RasterImage(png: png)
            let diff = Self.differingFraction(expected, actual)
            #expect(diff <= Self.maxDifferingFraction, "\(label) \(name): \(diff * 100)% of pixels differ from \(ref.lastPathComponent)")
        }
    }

    /// A deliberate layout change (recuadro 1 cm narrower) must fail the comparison.
    @Test func deliberateLayoutChangeIsDetected() throws {
        var t = try Fixtures.template("carta")
        t.recuadroWidth -= 1
        let p = try Printout(template: t, logo: try Logo(contentsOf: Fixtures.logoURL))
        let doc = try Fixtures.sample170()
        let png = try #require(try p.png(for: doc, dpi: Self.dpi).first)
        let ref = Self.referenceDirectory.appendingPathComponent("carta-33-170.png")
        let diff = Self.differingFraction(try RasterImage(png: try Data(contentsOf: ref)), try RasterImage(png: png))
        #expect(diff > Self.maxDifferingFraction, "a narrower recuadro went unnoticed (\(diff))")
    }
}

@Suite struct TemplateAndLogoErrorTests {
    func load(_ yaml: String) -> TemplateError? {
        do { _ = try PrintTemplate.load(yaml: yaml, source: "test.yaml", baseDirectory: nil); return nil } catch { return error as? TemplateError }
    }

    @Test func shippedTemplatesLoad() throws {
        for n in ["carta", "oficio", "termica-80mm", "termica-57mm", "marca-ejemplo"] {
            let t = try Fixtures.template(n)
            #expect(t.name == n)
        }
        #expect(try Fixtures.template("termica-57mm").documentTypes == [39, 41])
    }

    @Test("PNG output has a pixel budget checked before drawing: a letter page at 1200 dpi is refused with the dpi that fits")
    func pngPixelBudget() throws {
        let doc = try Fixtures.sample170()
        let printout = try Fixtures.printout("carta")
        do {
            _ = try printout.png(for: doc, dpi: 1200)
            Issue.record("a 1200 dpi letter page (135 MP) was rendered")
        } catch {
            #expect("\(error)".contains("megapixel limit per page") && "\(error)".contains("--dpi"), "\(error)")
        }
        let fine = try printout.png(for: doc, dpi: 600)     // 33.7 MP: inside the budget
        #expect(fine.count == 1 && fine[0].starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("Deeply nested YAML is refused before the parser sees it (it crashed Yams' recursive loader)")
    func deeplyNestedTemplates() throws {
        let flow = try #require(load("name: " + String(repeating: "[", count: 5000) + "\n"))
        #expect(flow.description.contains("nests") && flow.description.contains("test.yaml"), "\(flow)")
        var block = ""
        for level in 0..<3000 { block += String(repeating: " ", count: level) + "k\(level):\n" }
        let deep = try #require(load(block))
        #expect(deep.description.contains("nests") || deep.description.contains("bytes"), "\(deep)")
        let compact = try #require(load("texts:\n" + String(repeating: "- ", count: 2000) + "x\n"))
        #expect(compact.description.contains("nests"), "\(compact)")
        // Found by TemplateFuzz/ProfileFuzz: a comment ended by CR (a YAML line break) hid the
        // brackets after it from the scan, and Yams overflowed the stack. Now the scan knows every
        // YAML line break, and Yams runs on a stack large enough for any text within 64 KiB.
        let cr = try #require(load("#c: 0 }\r" + String(repeating: "{", count: 3000) + "\r"))
        #expect(cr.description.contains("nests"), "\(cr)")
        for lineBreak in ["\u{85}", "\u{2028}", "\r\n"] {
            #expect(load("#c\(lineBreak)" + String(repeating: "[", count: 3000)) != nil)
        }
        // Quotes the parser does not see as quotes cannot hide brackets from the scan; and
        // whatever the scan misses, the parse cannot crash.
        let midQuote = try #require(load("texts:\n  footer: it's\nname: " + String(repeating: "[", count: 20000) + "\nx: y 'z\n"))
        #expect(!midQuote.description.isEmpty)
        // Inside a double-quoted scalar, `\"` does not end it: the brackets are text, accepted…
        #expect(load(#"name: "a\" "# + String(repeating: "[", count: 200) + "\"\n") == nil)
        // …while after `\\` the quote ends, and the brackets are structure, refused.
        let escaped = try #require(load(#"name: "a\\" "# + String(repeating: "[", count: 20000) + "\n"))
        #expect(escaped.description.contains("nests"), "\(escaped)")
        // Anchors and aliases (an alias bomb grows exponentially in Yams' tree) are refused.
        let alias = try #require(load("name: &a x\ntexts:\n  footer: *a\n"))
        #expect(alias.description.contains("aliases"), "\(alias)")
        // Every shipped template is far inside the bounds.
        for n in ["carta", "oficio", "termica-80mm", "termica-57mm", "marca-ejemplo"] {
            let text = try String(contentsOf: TestSupport.templatesDirectory.appendingPathComponent(n + ".yaml"), encoding: .utf8)
            #expect(YAMLBounds.problem(in: text) == nil, "\(n)")
        }
    }

    @Test func brokenTemplatesNameFileKeyValueAndAllowed() throws {
        let green = try #require(load("paper: letter\ncolors:\n  recuadro: green\n"))
        #expect(green.key == "colors.recuadro" && green.value == "green" && green.description.contains("red, black"))
        #expect(green.description.contains("test.yaml"))
        let paper = try #require(load("paper: a4\n"))
        #expect(paper.key == "paper" && paper.description.contains("letter, oficio, roll-80, roll-75, roll-57"))
        let unknown = try #require(load("paper: letter\nfont:\n  colour: red\n"))
        #expect(unknown.key == "font.colour" && unknown.description.contains("allowed here"))
        let margin = try #require(load("margins: 0.2\n"))
        #expect(margin.key == "margins.top" && margin.description.contains("0.5"))
        let recuadro = try #require(load("recuadro:\n  width_cm: 9\n"))
        #expect(recuadro.key == "recuadro.width_cm")
        let rule = try #require(load("recuadro:\n  rule_mm: 2\n"))
        #expect(rule.key == "recuadro.rule_mm")
        let small = try #require(load("font:\n  recuadro: 8\n"))
        #expect(small.key == "font.recuadro")
        let placeholder = try #require(load("texts:\n  footer: \"{{emisor.secreto}}\"\n"))
        #expect(placeholder.key == "texts.footer" && placeholder.description.contains("{{emisor.correo}}"))
        let narrow = try #require(load("paper: roll-57\ndocument_types: [33]\n"))
        #expect(narrow.key == "document_types")
        let twice = try #require(load("paper: letter\ncolors:\n  accent: '#000000'\n  accent: '#ff0000'\n"))
        #expect(twice.key == "colors.accent" && twice.description.contains("twice"), "\(twice)")
        // Issue 13: an unknown family printed silently in a fallback font; now refused at load,
        // naming installed ones. Installed families (any case) and generic names still load.
        let font = try #require(load("font:\n  family: Comic Sans MS\n"))
        #expect(font.key == "font.family" && font.value == "Comic Sans MS" && font.description.contains("DejaVu Sans"), "\(font)")
        #expect(load("font:\n  family: dejavu serif\n") == nil)
        #expect(load("font:\n  family: Sans\n") == nil)
        let notYAML = try #require(load("paper: [letter\n"))
        #expect(notYAML.description.contains("YAML"))
        let missing = try #require({ () -> TemplateError? in
            do { _ = try PrintTemplate.named("no-such-template", in: TestSupport.templatesDirectory); return nil } catch { return error as? TemplateError }
        }())
        #expect(missing.description.contains("carta"))
    }

    @Test func fiftySevenMillimetreRollPrintsBoletasOnly() throws {
        let p = try Fixtures.printout("termica-57mm")
        let doc = try Fixtures.sample170()
        let e = Fixtures.printError { _ = try p.pdf(for: doc) }
        if let e, case .documentTypeNotAllowed = e {
            #expect(e.description.contains("39, 41"))
        } else {
            Issue.record("expected documentTypeNotAllowed, got \(String(describing: e))")
        }
    }

    @Test func badLogos() throws {
        let dir = try TestSupport.temporaryDirectory("print-logo")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect { try Logo(contentsOf: dir.appendingPathComponent("missing.png")) } throws: { e in
            "\(e)".contains("missing.png") && "\(e)".contains("cannot read")
        }
        let text = dir.appendingPathComponent("logo.png")
        try Data("this is not an image".utf8).write(to: text)
        #expect { try Logo(contentsOf: text) } throws: { "\($0)".contains("not a PNG or JPEG") }
        // A valid-looking PNG header claiming 20000 × 20000 pixels.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        png += Array("IHDR".utf8)
        png += [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        #expect { try Logo(data: Data(png), source: "huge.png") } throws: { "\($0)".contains("20000 × 20000") }
        // A truncated PNG body.
        let real = try Data(contentsOf: Fixtures.logoURL)
        #expect { try Logo(data: real.prefix(200), source: "cut.png") } throws: { "\($0)".contains("cut.png") }
        // Truncated JPEG.
        let jpeg = try Data(contentsOf: TestSupport.samplesDirectory.appendingPathComponent("logo.jpg"))
        #expect { try Logo(data: jpeg.prefix(jpeg.count / 2), source: "cut.jpg") } throws: { "\($0)".contains("cut.jpg") }
        // A JPEG whose markers look fine but whose Huffman table is bogus (counts sum past 256):
        // libjpeg's fatal error is caught behind setjmp and named, not a crash.
        var bogus = [UInt8](jpeg)
        let dht = try #require((0..<(bogus.count - 1)).first { bogus[$0] == 0xFF && bogus[$0 + 1] == 0xC4 })
        for k in 0..<16 where dht + 5 + k < bogus.count { bogus[dht + 5 + k] = 0xFF }
        #expect { try Logo(data: Data(bogus), source: "bogus-huffman.jpg") } throws: { e in
            "\(e)".contains("bogus-huffman.jpg") && "\(e)".contains("cannot be decoded")
        }
        // The JPEG variant renders.
        let p = try Printout(template: try Fixtures.template("carta"), logo: try Logo(data: jpeg, source: "logo.jpg"))
        #expect(try p.pdf(for: try Fixtures.sample170()).count > 1000)
    }
}

@Suite struct FormattingAndNamingTests {
    @Test func chileanNumbers() throws {
        #expect(Formatting.clp(Money(2_996_301)) == "$ 2.996.301")
        #expect(Formatting.clp(Money(-1000)) == "$ -1.000")
        #expect(Formatting.clp(Money(999)) == "$ 999")
        #expect(Formatting.amount(try #require(Money(parsing: "1234.5")), currency: "DOLAR USA") == "1.234,50")
        #expect(Formatting.decimal(Decimal(string: "1258950.00") ?? 0) == "1.258.950")
        #expect(Formatting.decimal(Decimal(string: "2.50") ?? 0) == "2,5")
        #expect(Formatting.percent(19) == "19%")
        #expect(Formatting.longDate(try CalendarDate("2019-04-01")) == "1 de abril de 2019")
    }

    @Test func outputNames() throws {
        let doc = try Fixtures.sample170()
        #expect(try OutputNaming.fileName(for: doc, copy: .tributaria, extension: "pdf") == "76354771-K_33_170.pdf")
        #expect(try OutputNaming.fileName(for: doc, copy: .cedible, extension: "pdf") == "76354771-K_33_170_cedible.pdf")
        #expect(try OutputNaming.fileName(for: doc, copy: .tributaria, page: 2, pages: 3, extension: "png") == "76354771-K_33_170_p2.png")
        #expect(throws: PrintError.self) { try OutputNaming.fileName(for: doc, copy: .tributaria, extension: "../x") }
        var bad = doc
        bad.idDoc.folio = -1
        #expect(throws: PrintError.self) { try OutputNaming.fileName(for: bad, copy: .tributaria, extension: "pdf") }
    }
}
