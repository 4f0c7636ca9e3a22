import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

@Suite struct SchemaValidatorTests {
    /// PASS/FAIL as recorded in ../shared/sii/README.md (xmllint --schema).
    static let passing = [
        "33-DTE--76354771-K--33--170--cleaned.xml", "61-DTE--96670340-7--61--110616--cleaned.xml",
        "33-EnvioDTE-F60T33-ejemplo-oficial-SII.xml", "33-EnvioDTE-F000005T33.xml", "33-56-61-EnvioDTE-BASICO_762352915.xml",
        "46-EnvioDTE-F000001T46.xml", "52-EnvioDTE-F000002T52.xml", "52-EnvioDTE-F000003T52.xml", "56-EnvioDTE-F000002T56.xml",
        "61-EnvioDTE-F000004T61.xml", "110-EnvioDTE-F000002T110.xml", "110-EnvioDTE-F000003T110.xml",
        "110-EnvioDTE-F000004T110.xml", "111-EnvioDTE-F000001T111.xml", "112-EnvioDTE-F000001T112.xml",
    ]
    static let failingNoNamespace = [
        "33-DTE--60910000-1--33--2336600.xml", "33-DTE--76354771-K--33--170.xml",
        "33-DTE--76399752-9--33--25568.xml", "61-DTE--96670340-7--61--110616.xml",
    ]

    private func validator(for data: Data) throws -> SchemaValidator {
        let kind = try #require(SchemaValidator.kind(forRootOf: data))
        return try SchemaValidator(schemaDirectory: try TestSupport.siiSchemas(), schema: kind)
    }

    @Test func samplesPassOrFailAsRecorded() throws {
        let dir = try TestSupport.siiSamples()
        let schemas = try TestSupport.siiSchemas()
        let dte = try SchemaValidator(schemaDirectory: schemas, schema: .dte)
        let envio = try SchemaValidator(schemaDirectory: schemas, schema: .envioDTE)
        for name in Self.passing + Self.failingNoNamespace {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let v = SchemaValidator.kind(forRootOf: data) == .dte ? dte : envio
            let violations = try v.validate(data, source: name)
            if Self.passing.contains(name) {
                #expect(violations.isEmpty, "\(name): \(violations)")
            } else {
                #expect(violations.count == 1, "\(name)")
                #expect(violations.first?.message.contains("No matching global declaration") == true, "\(name)")
            }
        }
    }

    @Test func negativeSampleFailsNamingLine11() throws {
        let data = try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent("invalid-52-EnvioDTE-GUIAS_762352915.xml"))
        let violations = try validator(for: data).validate(data, source: "invalid.xml")
        #expect(violations.count == 1)
        #expect(violations.first?.line == 11)
        #expect(violations.first?.message.contains("TipoDTE") == true)
        #expect(violations.first?.message.contains("TpoDTE") == true)
    }

    @Test func everyViolationIsReportedWithItsLine() throws {
        // Break three things in a valid envelope: all three come back, each with its own line.
        let url = try TestSupport.siiSamples().appendingPathComponent("33-EnvioDTE-F000005T33.xml")
        var text = Latin1.decode([UInt8](try Data(contentsOf: url)))
        text = text.replacingOccurrences(of: "<NroResol>0</NroResol>", with: "<NroResol>x</NroResol>")
        text = text.replacingOccurrences(of: "<FchEmis>2025-06-18</FchEmis>", with: "<FchEmis>18-06-2025</FchEmis>")
        text = text.replacingOccurrences(of: "<RUTRecep>77447842-6</RUTRecep>", with: "<RUTRecep>77.447.842-6</RUTRecep>")
        let data = Data(try #require(Latin1.encode(text)))
        let violations = try validator(for: data).validate(data, source: "broken.xml")
        #expect(violations.count >= 3, "\(violations)")
        #expect(Set(violations.map(\.line)).count >= 3)
        #expect(violations.allSatisfy { $0.line > 0 })
    }

    @Test func oneValidatorManyThreads() async throws {
        let dir = try TestSupport.siiSamples()
        let envio = try SchemaValidator(schemaDirectory: try TestSupport.siiSchemas(), schema: .envioDTE)
        let good = try Data(contentsOf: dir.appendingPathComponent("33-56-61-EnvioDTE-BASICO_762352915.xml"))
        let bad = try Data(contentsOf: dir.appendingPathComponent("invalid-52-EnvioDTE-GUIAS_762352915.xml"))
        let results = try await withThrowingTaskGroup(of: (Bool, [SchemaViolation]).self) { group in
            for i in 0..<16 {
                group.addTask { (i % 2 == 0, try envio.validate(i % 2 == 0 ? good : bad, source: "t\(i).xml")) }
            }
            var out: [(Bool, [SchemaViolation])] = []
            for try await r in group { out.append(r) }
            return out
        }
        #expect(results.count == 16)
        for (isGood, v) in results { #expect(isGood ? v.isEmpty : v.map(\.line) == [11]) }
    }

    @Test func kindsAndErrors() throws {
        #expect(SchemaValidator.kind(forRootOf: Data("<?xml version=\"1.0\"?>\n<!-- c --><EnvioBOLETA/>".utf8)) == .envioBoleta)
        #expect(SchemaValidator.kind(forRootOf: Data("<DTE version=\"1.0\"/>".utf8)) == .dte)
        #expect(SchemaValidator.kind(forRootOf: Data("<x:EnvioDTE xmlns:x=\"http://www.sii.cl/SiiDte\"/>".utf8)) == .envioDTE)
        #expect(SchemaValidator.kind(forRootOf: Data("<Factura/>".utf8)) == nil)
        #expect(SchemaValidator.kind(forRootOf: Data([0x89, 0x50, 0x4E, 0x47])) == nil)
        #expect(throws: SchemaError.self) { try SchemaValidator(schemaDirectory: URL(fileURLWithPath: "/nonexistent"), schema: .dte) }
        let boleta = try SchemaValidator(schemaDirectory: try TestSupport.siiSchemas(), schema: .envioBoleta)
        #expect(throws: SchemaError.self) {
            try boleta.validate(Data("<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><EnvioBOLETA>&a;</EnvioBOLETA>".utf8), source: "x.xml")
        }
        #expect(try !boleta.validate(Data("<EnvioBOLETA/>".utf8), source: "b.xml").isEmpty)
    }
}
