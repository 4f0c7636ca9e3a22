import DTECore
@testable import DTESkeleton
import Foundation
import Testing

/// The writer takes the reader's `Caratula` (one type for both): what it writes reads back as the
/// same Carátula, with the SubTotDTE counts computed from the documents, and what it cannot write
/// (a missing required field, counts that contradict the documents) is a DTEWriteError naming
/// the element.
@Suite("One Caratula for reading and writing")
struct CaratulaWriterTests {
    func documents() throws -> [DTEDocument] {
        let gen = SkeletonGenerator(emisor: try Fixtures.profile())
        var second = try gen.document(for: .factura, options: SkeletonOptions(folio: 2))
        second.id = "F2T33"
        return [try gen.document(for: .factura), try gen.document(for: .notaCredito), second]
    }

    func caratula(_ profile: EmisorProfile) -> Caratula {
        Caratula(rutEmisor: profile.rut, rutEnvia: profile.rut, fechaResolucion: profile.fechaResolucion,
                 numeroResolucion: profile.numeroResolucion, timestampFirmaEnvio: "2026-12-01T09:30:00")
    }

    @Test("write → read back: the same Carátula, SII as receptor, counts per type in order")
    func roundTrip() throws {
        let profile = try Fixtures.profile()
        let xml = try DTEXMLWriter().envelope(try documents(), caratula: caratula(profile))
        let env = try DTEReader().read(Data(xml), source: "envio.xml")
        let back = try #require(env.caratula)
        #expect(back.rutEmisor == profile.rut && back.rutEnvia == profile.rut)
        #expect(back.rutReceptor == RUT.sii)
        #expect(back.fechaResolucion == profile.fechaResolucion && back.numeroResolucion == profile.numeroResolucion)
        #expect(back.timestampFirmaEnvio == "2026-12-01T09:30:00")
        #expect(back.subtotales == [Caratula.Subtotal(tipoDTE: 33, cantidad: 2), Caratula.Subtotal(tipoDTE: 61, cantidad: 1)])
        // The Carátula read back writes the same bytes.
        #expect(try DTEXMLWriter().envelope(try documents(), caratula: back) == xml)
    }

    @Test("a missing required field is an error naming its element")
    func missingField() throws {
        let profile = try Fixtures.profile()
        let cases: [(WritableKeyPath<Caratula, String?>?, WritableKeyPath<Caratula, RUT?>?, String)] = [
            (nil, \.rutEmisor, "RutEmisor"), (nil, \.rutEnvia, "RutEnvia"), (\.timestampFirmaEnvio, nil, "TmstFirmaEnv"),
        ]
        for (text, rut, element) in cases {
            var c = caratula(profile)
            if let text { c[keyPath: text] = nil }
            if let rut { c[keyPath: rut] = nil }
            #expect(throws: DTEWriteError.invalidValue(element: element, value: "", rule: "is required in the Caratula of an envelope")) {
                try DTEXMLWriter().envelope(try documents(), caratula: c)
            }
        }
        var c = caratula(profile)
        c.fechaResolucion = nil
        #expect(throws: DTEWriteError.self) { try DTEXMLWriter().envelope(try documents(), caratula: c) }
        c = caratula(profile)
        c.numeroResolucion = nil
        #expect(throws: DTEWriteError.self) { try DTEXMLWriter().envelope(try documents(), caratula: c) }
    }

    @Test("SubTotDTE counts that contradict the documents are refused")
    func wrongCounts() throws {
        var c = caratula(try Fixtures.profile())
        c.subtotales = [Caratula.Subtotal(tipoDTE: 33, cantidad: 3)]
        do {
            _ = try DTEXMLWriter().envelope(try documents(), caratula: c)
            Issue.record("wrong counts were written")
        } catch let error as DTEWriteError {
            guard case let .invalidValue(element, value, rule) = error else { Issue.record("\(error)"); return }
            #expect(element == "SubTotDTE" && value == "33:3" && rule.contains("33:2,61:1"))
        }
    }
}
