import DTECore
@testable import DTESkeleton
import Foundation
import Testing
import DTEKitTestSupport

/// The shared writer on documents it did not generate: every DTE in ../shared/sii/samples, read
/// with DTEReader, written back, signed with a throwaway key, is XSD-valid and reads back with the
/// same values and the same (verifying) TED bytes.
@Suite("DTEXMLWriter round trip of the SII samples")
struct WriterRoundTripTests {
    @Test("read → write → sign → XSD-valid → read back equal")
    func roundTrip() throws {
        let signer = XMLSigner(identity: try Fixtures.identity())
        let validator = try Fixtures.validator(.dte)
        var count = 0
        for url in try TestSupport.siiDocumentSamples() {
            let env = try DTEReader().read(contentsOf: url)
            for doc in env.documents where !doc.type.isBoleta {
                let xml = try signer.sign(try DTEXMLWriter().dte(doc))
                let name = "\(url.lastPathComponent)#\(doc.type.code)-\(doc.folio)"
                let violations = try validator.validate(Data(xml), source: name)
                #expect(violations.isEmpty, "\(name): \(violations.prefix(3))")
                let back = try #require(try DTEReader().read(Data(xml), source: name).documents.first)
                #expect(back.type == doc.type && back.folio == doc.folio && back.totales == doc.totales, "\(name)")
                #expect(back.detalle.map(\.montoItem) == doc.detalle.map(\.montoItem), "\(name)")
                #expect(back.detalle.map(\.otraMoneda) == doc.detalle.map(\.otraMoneda), "\(name): Detalle/OtrMnda")
                #expect(back.detalle.map(\.tipoDocumentoLiquidado) == doc.detalle.map(\.tipoDocumentoLiquidado), "\(name)")
                #expect(back.referencias.count == doc.referencias.count, "\(name)")
                #expect(back.ted?.bytes == doc.ted?.bytes, "\(name): TED bytes changed")
                #expect(back.ted?.verify() == true, "\(name)")
                count += 1
            }
        }
        #expect(count >= 25)
    }
}
