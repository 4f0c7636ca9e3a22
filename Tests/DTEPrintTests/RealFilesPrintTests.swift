import DTECore
@testable import DTEPrint
import Foundation
import Testing
import DTEKitTestSupport

/// Issue 12's acceptance, printed: the SII sample turned into each container, each schema
/// deviation and each TED escape form/encoding is read as for printing, rendered, and its
/// PDF417 decoded (zxing-cpp) to exactly the TED bytes of the file.
@Suite struct RealFilesPrintTests {
    static func sample() throws -> Data {
        try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent("33-EnvioDTE-F000005T33.xml"))
    }

    @Test func everyShapePrintsItsTimbreExactly() throws {
        let sample = try Self.sample()
        var cases: [(String, Data, [UInt8]?)] = try RealFileVariants.containers(of: sample).map { ($0.name, $0.data, $0.expectedTED) }
        let caf = try Data(contentsOf: try TestSupport.siiCAF(type: 33))
        cases += try RealFileVariants.escapeForms(of: sample, cafFile: caf).map { ($0.name, $0.data, $0.expectedTED) }
        let originalTED = try DTEReader().read(sample, source: "s.xml").documents.first?.ted?.bytes
        cases += try RealFileVariants.deviations(of: sample).map { ($0.name, $0.data, originalTED) }
        #expect(cases.count == 15)

        let printout = try Fixtures.printout("carta")
        let dir = try TestSupport.temporaryDirectory("real-files")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, data, expected) in cases {
            let env = try DTEReader.forPrinting.read(data, source: "\(name).xml")
            let doc = try #require(env.documents.first, "\(name)")
            let pdf = try printout.pdf(for: doc)
            let file = try Fixtures.write(pdf, "\(name).pdf", in: dir)
            let layout = try printout.layout(for: doc, copy: .tributaria)
            let decoded = try Fixtures.decodeTimbre(pdf: file, layout: layout, dir: dir)
            #expect(decoded == expected, "\(name): PDF417 must carry the file's TED bytes (\(decoded.count) vs \(expected?.count ?? 0))")
            #expect(decoded == doc.ted?.bytes, "\(name)")
        }
    }
}
