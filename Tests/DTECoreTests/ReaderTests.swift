import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

/// Expected values, read off the XML with xmllint (not with DTEKit).
struct SampleExpectation: Sendable, CustomStringConvertible {
    var file: String
    var index = 0
    var type: DocumentType
    var folio: Int64
    var emisor: String
    var receptor: String
    var date: String
    var total: String
    var lines: Int
    var references: Int
    var description: String { "\(file)#\(index)" }
}

let sampleExpectations: [SampleExpectation] = [
    .init(file: "33-DTE--60910000-1--33--2336600.xml", type: .factura, folio: 2336600, emisor: "60910000-1", receptor: "76555835-2", date: "2019-08-08", total: "10642", lines: 1, references: 0),
    .init(file: "33-DTE--76354771-K--33--170.xml", type: .factura, folio: 170, emisor: "76354771-K", receptor: "96790240-3", date: "2019-04-01", total: "2996301", lines: 1, references: 1),
    .init(file: "33-DTE--76399752-9--33--25568.xml", type: .factura, folio: 25568, emisor: "76399752-9", receptor: "96874030-K", date: "2019-03-29", total: "230992", lines: 1, references: 1),
    .init(file: "33-EnvioDTE-F000005T33.xml", type: .factura, folio: 5, emisor: "76235291-5", receptor: "77447842-6", date: "2025-06-18", total: "281941", lines: 2, references: 1),
    .init(file: "33-EnvioDTE-F60T33-ejemplo-oficial-SII.xml", type: .factura, folio: 60, emisor: "97975000-5", receptor: "77777777-7", date: "2003-10-13", total: "119000", lines: 3, references: 0),
    .init(file: "33-56-61-EnvioDTE-BASICO_762352915.xml", index: 2, type: .factura, folio: 19, emisor: "76235291-5", receptor: "77908275-K", date: "2025-07-08", total: "1679163", lines: 3, references: 1),
    .init(file: "33-56-61-EnvioDTE-BASICO_762352915.xml", index: 5, type: .notaCredito, folio: 13, emisor: "76235291-5", receptor: "77470948-7", date: "2025-07-08", total: "3901508", lines: 2, references: 2),
    .init(file: "33-56-61-EnvioDTE-BASICO_762352915.xml", index: 7, type: .notaDebito, folio: 7, emisor: "76235291-5", receptor: "77447842-6", date: "2025-07-08", total: "0", lines: 1, references: 2),
    .init(file: "46-EnvioDTE-F000001T46.xml", type: .facturaCompra, folio: 1, emisor: "76235291-5", receptor: "55555555-5", date: "2025-07-04", total: "2278105", lines: 2, references: 1),
    .init(file: "52-EnvioDTE-F000002T52.xml", type: .guiaDespacho, folio: 2, emisor: "76235291-5", receptor: "76235291-5", date: "2025-06-19", total: "0", lines: 3, references: 1),
    .init(file: "52-EnvioDTE-F000003T52.xml", type: .guiaDespacho, folio: 3, emisor: "76235291-5", receptor: "76143352-0", date: "2025-06-19", total: "0", lines: 2, references: 1),
    .init(file: "56-EnvioDTE-F000002T56.xml", type: .notaDebito, folio: 2, emisor: "76235291-5", receptor: "77447842-6", date: "2025-06-18", total: "0", lines: 1, references: 2),
    .init(file: "61-DTE--96670340-7--61--110616.xml", type: .notaCredito, folio: 110616, emisor: "96670340-7", receptor: "81675600-6", date: "2019-08-02", total: "57347078", lines: 1, references: 1),
    .init(file: "61-EnvioDTE-F000004T61.xml", type: .notaCredito, folio: 4, emisor: "76235291-5", receptor: "77447842-6", date: "2025-06-18", total: "0", lines: 1, references: 2),
    .init(file: "110-EnvioDTE-F000002T110.xml", type: .facturaExportacion, folio: 2, emisor: "76235291-5", receptor: "55555555-5", date: "2025-06-26", total: "9.00", lines: 1, references: 2),
    .init(file: "110-EnvioDTE-F000003T110.xml", type: .facturaExportacion, folio: 3, emisor: "76235291-5", receptor: "55555555-5", date: "2025-06-26", total: "28689.40", lines: 2, references: 2),
    .init(file: "111-EnvioDTE-F000001T111.xml", type: .notaDebitoExportacion, folio: 1, emisor: "76235291-5", receptor: "55555555-5", date: "2025-06-26", total: "27448.00", lines: 1, references: 2),
    .init(file: "112-EnvioDTE-F000001T112.xml", type: .notaCreditoExportacion, folio: 1, emisor: "76235291-5", receptor: "55555555-5", date: "2025-06-26", total: "27448.00", lines: 1, references: 2),
    .init(file: "invalid-52-EnvioDTE-GUIAS_762352915.xml", index: 1, type: .guiaDespacho, folio: 17, emisor: "76235291-5", receptor: "9039454-1", date: "2025-07-07", total: "1929471", lines: 2, references: 0),
]

@Suite struct ReaderTests {
    let reader = DTEReader()

    private func read(_ name: String) throws -> DTEEnvelope {
        try reader.read(contentsOf: try TestSupport.siiSamples().appendingPathComponent(name))
    }

    @Test func readsEverySample() throws {
        let files = try TestSupport.siiDocumentSamples()
        #expect(files.count >= 20)
        var total = 0
        for url in files {
            let env = try reader.read(contentsOf: url)
            #expect(!env.documents.isEmpty, "\(url.lastPathComponent)")
            #expect(env.source == url.lastPathComponent)
            total += env.documents.count
        }
        #expect(total == 29)
    }

    @Test(arguments: sampleExpectations)
    func fieldsOfOneDocumentPerType(_ x: SampleExpectation) throws {
        let env = try read(x.file)
        let doc = try #require(env.documents.count > x.index ? env.documents[x.index] : nil)
        #expect(doc.type == x.type)
        #expect(doc.folio == x.folio)
        #expect(doc.emisor.rut == (try RUT(x.emisor)))
        #expect(doc.receptor.rut == (try RUT(x.receptor)))
        #expect(doc.idDoc.fechaEmision.description == x.date)
        #expect(doc.totales.montoTotal.description == x.total)
        #expect(doc.detalle.count == x.lines)
        #expect(doc.referencias.count == x.references)
        #expect(!doc.emisor.razonSocial.isEmpty)
    }

    @Test(arguments: SampleExpectationTypes.allCases)
    func everyTypePresentIsCovered(_ t: SampleExpectationTypes) {
        #expect(sampleExpectations.contains { $0.type.code == t.rawValue })
    }

    /// Values read off 110-EnvioDTE-F000003T110.xml and Samples/43… with grep, not with DTEKit.
    @Test func detailLinesInAnotherCurrencyAndLiquidatedType() throws {
        let doc = try #require(try read("110-EnvioDTE-F000003T110.xml").documents.first)
        let first = try #require(doc.detalle.first?.otraMoneda)
        #expect(first.precio == Money(parsing: "102230"))
        #expect(first.moneda == "CLP")
        #expect(first.factorConversion == Decimal(string: "937.89"))
        #expect(first.descuento == Money(parsing: "960962"))
        #expect(first.recargo == nil)
        #expect(first.montoItem == Money(parsing: "18258280"))
        let second = try #require(doc.detalle.dropFirst().first?.otraMoneda)
        #expect(second.descuento == nil && second.montoItem == Money(parsing: "8649222"))

        let liq = TestSupport.samplesDirectory.appendingPathComponent("43-DTE-76235291-5-F1-CAF-PRUEBA.xml")
        let factura = try #require(try reader.read(contentsOf: liq).documents.first)
        #expect(factura.detalle.first?.tipoDocumentoLiquidado == "33")
        #expect(factura.detalle.first?.otraMoneda == nil)
    }

    @Test func basicoHasEightDocumentsAndItsCaratula() throws {
        let env = try read("33-56-61-EnvioDTE-BASICO_762352915.xml")
        #expect(env.kind == .envioDTE)
        #expect(env.documents.count == 8)
        #expect(env.documents.map(\.folio) == [17, 18, 19, 20, 12, 13, 14, 7])
        #expect(env.documents.map(\.type.code) == [33, 33, 33, 33, 61, 61, 61, 56])
        let c = try #require(env.caratula)
        #expect(c.rutEmisor == (try RUT("76235291-5")))
        #expect(c.rutReceptor == RUT.sii)
        #expect(c.subtotales.reduce(0) { $0 + $1.cantidad } == 8)
        // IT1 with an escaped ampersand: the model has the character, the TED bytes the escape.
        let amp = try #require(env.documents.first { $0.ted?.dd.item1.contains("&") == true })
        let bytes = try #require(amp.ted?.bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains("&amp;"))
    }

    @Test func namespaceMakesNoDifference() throws {
        let plain = try read("33-DTE--76354771-K--33--170.xml")
        let withNS = try read("33-DTE--76354771-K--33--170--cleaned.xml")
        #expect(plain.kind == .dte)
        #expect(plain.documents == withNS.documents)
        #expect(try read("61-DTE--96670340-7--61--110616.xml").documents == read("61-DTE--96670340-7--61--110616--cleaned.xml").documents)
    }

    @Test func windows1252AndLatin1AndUTF8ReadAlike() throws {
        // The windows-1252 sample, re-encoded as UTF-8 and as ISO-8859-1: same document, same TED bytes.
        let url = try TestSupport.siiSamples().appendingPathComponent("33-DTE--60910000-1--33--2336600.xml")
        let original = try reader.read(contentsOf: url)
        let doc = try #require(original.documents.first)
        #expect(doc.receptor.contacto == "Germán Enrique Larraín Muñoz")
        #expect(doc.emisor.giro.hasPrefix("Corporación Educacional"))
        let text = Latin1.decode([UInt8](try Data(contentsOf: url)))   // bytes < 0x80 and Latin letters here
        let utf8 = Data(text.replacingOccurrences(of: "encoding=\"windows-1252\"", with: "encoding=\"UTF-8\"").utf8)
        let latin1 = Data(try #require(Latin1.encode(text.replacingOccurrences(of: "windows-1252", with: "ISO-8859-1"))))
        for data in [utf8, latin1] {
            let other = try reader.read(data, source: "re-encoded.xml")
            #expect(other.documents == original.documents)
        }
        // A windows-1252-only character (0x93/0x94 curly quotes, 0x80 euro) decodes as such.
        var bytes = [UInt8](try Data(contentsOf: url))
        let needle = Array("<CmnaRecep>Las Condes".utf8)
        let at = try #require(bytes.firstRange(of: needle))
        bytes.replaceSubrange(at, with: Array("<CmnaRecep>".utf8) + [0x93, 0x80, 0x94])
        let quoted = try reader.read(Data(bytes), source: "cp1252.xml")
        #expect(quoted.documents.first?.receptor.comuna == "“€”")
    }

    @Test func everyTEDVerifiesAndATamperedByteFails() throws {
        var count = 0
        for url in try TestSupport.siiDocumentSamples() {
            for doc in try reader.read(contentsOf: url).documents {
                let ted = try #require(doc.ted, "\(url.lastPathComponent) folio \(doc.folio)")
                #expect(ted.verify(), "\(url.lastPathComponent) folio \(doc.folio)")
                #expect(ted.bytes.starts(with: Array("<TED version=\"1.0\"><DD><RE>".utf8)))
                #expect(ted.bytes.firstRange(of: ted.ddBytes) != nil)
                #expect(ted.bytes.firstRange(of: Array("xmlns".utf8)) == nil)
                // Flattened: no white space between tags (FRMT's base64 may wrap inside its text).
                #expect(ted.bytes.firstRange(of: Array(">\n".utf8)) == nil && ted.bytes.firstRange(of: Array("\n<".utf8)) == nil)
                #expect(ted.dd.folio == doc.folio && ted.dd.tipoDTE == doc.type.code)
                var tampered = ted.ddBytes
                let mnt = try #require(tampered.firstRange(of: Array("<MNT>".utf8)))
                tampered[mnt.upperBound] ^= 0x01
                #expect(!TED(bytes: ted.bytes, ddBytes: tampered, dd: ted.dd, signature: ted.signature).verify())
                count += 1
            }
        }
        #expect(count == 29)
    }

    @Test func tamperedXMLFailsVerification() throws {
        // Change the amount inside the DD in the file itself: the document still reads, the stamp no longer verifies.
        let url = try TestSupport.siiSamples().appendingPathComponent("33-EnvioDTE-F000005T33.xml")
        var bytes = [UInt8](try Data(contentsOf: url))
        let at = try #require(bytes.firstRange(of: Array("<MNT>281941</MNT>".utf8)))
        bytes.replaceSubrange(at, with: Array("<MNT>281942</MNT>".utf8))
        let doc = try #require(try reader.read(Data(bytes), source: "tampered.xml").documents.first)
        #expect(doc.ted?.verify() == false)
    }

    @Test func exportAmountsAreDecimalsInTheirCurrency() throws {
        let doc = try #require(try read("110-EnvioDTE-F000003T110.xml").documents.first)
        #expect(doc.totales.moneda == "DOLAR USA")
        #expect(doc.totales.montoTotal == Money(minorUnits: 2868940, scale: 2))
        #expect(doc.otraMoneda?.tipoMoneda == "PESO CL")
        #expect(doc.otraMoneda?.montoTotal == Money(26907502))
        #expect(doc.transporte?.aduana?.codigoClausulaVenta == 5)
        #expect(doc.transporte?.aduana?.montoFlete == Money(minorUnits: 468700, scale: 4))
        #expect(doc.receptor.extranjeroNacionalidad == "563")
        #expect(doc.detalle.first?.descuentoPorcentaje == Decimal(5))
    }

    @Test func guiaHasTrasladoAndTransporte() throws {
        let doc = try #require(try read("52-EnvioDTE-F000002T52.xml").documents.first)
        #expect(doc.idDoc.indTraslado == .trasladoInterno)
        #expect(!doc.allowsCedibleCopy)
        #expect(doc.transporte != nil)
        let sale = try #require(try read("52-EnvioDTE-F000003T52.xml").documents.first)
        #expect(sale.idDoc.indTraslado == .operacionConstituyeVenta)
        #expect(sale.allowsCedibleCopy)
    }
}

/// The types present in ../shared/sii/samples (no signed 34, 39, 41, 43 exist publicly).
enum SampleExpectationTypes: Int, CaseIterable, Sendable { case t33 = 33, t46 = 46, t52 = 52, t56 = 56, t61 = 61, t110 = 110, t111 = 111, t112 = 112 }
