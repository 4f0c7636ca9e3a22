import DTECore
@testable import DTEPrint
import Foundation
import Testing
import DTEKitTestSupport

@Suite struct BoletaAndDocImageTests {
    /// A boleta (39) with the generic receptor on the 57 mm roll: receptor hidden, timbre decodes.
    @Test func boletaOn57mmRoll() throws {
        var doc = try Fixtures.sample170()
        doc.idDoc.tipoDTE = .boleta
        doc.receptor = Receptor(rut: RUT.genericReceptor)
        let p = try Fixtures.printout("termica-57mm")
        let dir = try TestSupport.temporaryDirectory("print-boleta")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Fixtures.write(try p.pdf(for: doc), "b.pdf", in: dir)
        let info = try Fixtures.pdfinfo(file)
        #expect(info.pages == 1 && abs(info.width - Units.cm(5.7)) < 0.5)
        let text = Fixtures.normalized(try Fixtures.pdftotext(file))
        #expect(text.contains("BOLETA ELECTRÓNICA") && text.contains("N° 170"))
        #expect(!text.contains("66.666.666-6"), "boletas hide the generic receptor")
        let bytes = try Fixtures.decodeTimbre(pdf: file, layout: try p.layout(for: doc, copy: .tributaria), dir: dir)
        #expect(bytes == doc.ted?.bytes)
        #expect(throws: PrintError.self) { try p.pdf(for: doc, copy: .cedible) }
    }

    /// `DTEKIT_WRITE_DOC_IMAGES=1 swift test --filter docImages` rewrites docs/images/*.png.
    /// Reported as skipped, not passed, in ordinary runs.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DTEKIT_WRITE_DOC_IMAGES"] == "1",
                   "writes docs/images: set DTEKIT_WRITE_DOC_IMAGES=1"))
    func docImages() throws {
        let doc = try Fixtures.sample170()
        let dir = TestSupport.repositoryRoot.appendingPathComponent("docs/images")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, copy) in [("carta", CopyKind.cedible), ("termica-80mm", .tributaria)] {
            let png = try #require(try Fixtures.printout(name).png(for: doc, copy: copy, dpi: 100).first)
            try png.write(to: dir.appendingPathComponent("\(name).png"))
        }
    }
}
