import DTECore
import DTEPrint
@testable import DTESkeleton
import Foundation
import Testing
import DTEKitTestSupport

/// Every stamped skeleton renders with the printout, and the PDF417 in the rendered page decodes
/// (zxing-cpp's ZXingReader) to exactly the TED's bytes.
@Suite("Printed skeletons")
struct PrintedSkeletonTests {
    static let printout: Result<Printout, Error> = Result {
        try Printout(template: try PrintTemplate.named("carta", in: TestSupport.templatesDirectory))
    }

    @Test("stamped skeleton renders; its barcode decodes to its TED", arguments: DocumentType.allCases)
    func renders(type: DocumentType) throws {
        let builder = SkeletonBuilder(profile: try Fixtures.profile(), cafs: [try Fixtures.caf(for: type)],
                                      options: SkeletonOptions(fechaEmision: Fixtures.fixedDate), timestamp: Fixtures.timestamp)
        let o = try #require(try builder.build(types: [type]).first)
        let ted = try #require(o.document.ted)
        let printout = try Self.printout.get()
        let pdf = try printout.pdf(for: o.document)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let pages = try printout.png(for: o.document, dpi: 300)
        let first = try #require(pages.last)   // the timbre is on the last page
        let dir = try TestSupport.temporaryDirectory("dtekit-skeleton-print")
        let png = dir.appendingPathComponent("T\(type.code).png")
        try first.write(to: png)
        let r = try TestSupport.run(tool: "ZXingReader", ["-format", "PDF417", "-bytes", png.path])
        #expect(r.status == 0, "T\(type.code): \(r.stderrText)")
        #expect([UInt8](r.stdout) == ted.bytes, "T\(type.code): the barcode does not carry the TED bytes")
        try? FileManager.default.removeItem(at: dir)
    }
}
