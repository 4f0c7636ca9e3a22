import DTECore
@testable import DTEPrint
import Foundation
import Testing
import DTEKitTestSupport

/// Aduana's code tables: the compiled-in Swift tables are the TSV files (the reviewed data with
/// its source), and export printouts show names, not codes.
@Suite struct AduanaTablesTests {
    static let files: [(String, AduanaTables.Table)] = [
        ("paises.tsv", .country), ("puertos.tsv", .port), ("vias_transporte.tsv", .transportMode),
        ("monedas.tsv", .currency), ("clausulas_venta.tsv", .saleClause), ("modalidades_venta.tsv", .saleModality),
        ("unidades_medida.tsv", .unit), ("tipos_bulto.tsv", .packageType),
    ]

    @Test func swiftTablesAreTheTSVFiles() throws {
        let dir = TestSupport.repositoryRoot.appendingPathComponent("Sources/DTEPrint/Aduana/data")
        #expect(Self.files.count == AduanaTables.Table.allCases.count)
        for (file, table) in Self.files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            let tsv = rows.map { (code: Int($0[0]) ?? -1, name: String($0[1])) }
            let swift = AduanaTables.entries(of: table)
            #expect(tsv.map(\.code) == swift.map(\.code), "\(file): codes (run scripts/aduana-tables.py)")
            #expect(tsv.map(\.name) == swift.map(\.name), "\(file): names (run scripts/aduana-tables.py)")
            #expect(tsv.count >= 5, "\(file)")
        }
    }

    @Test func lookups() {
        #expect(AduanaTables.name(563, in: .country) == "ALEMANIA")
        #expect(AduanaTables.name(997, in: .country) == "CHILE")
        #expect(AduanaTables.name(903, in: .port) == "ANTOFAGASTA")
        #expect(AduanaTables.name(591, in: .port) == "BREMEN")
        #expect(AduanaTables.name(4, in: .transportMode) == "Aéreo")
        #expect(AduanaTables.name(5, in: .saleClause) == "FOB")
        #expect(AduanaTables.name(1, in: .saleModality) == "A firme")
        #expect(AduanaTables.name(6, in: .unit) == "KN")
        #expect(AduanaTables.name(22, in: .packageType) == "CAJA DE CARTON")
        #expect(AduanaTables.name(13, in: .currency) == "DOLAR USA")
        #expect(AduanaTables.display(4242, in: .country) == "4242")
        #expect(AduanaTables.currencyDisplay("DOLAR USA") == "DOLAR USA (USD)")
        #expect(AduanaTables.currencyDisplay("13") == "DOLAR USA (USD)")
        #expect(AduanaTables.currencyDisplay("eur") == "EURO (EUR)")
        #expect(AduanaTables.currencyDisplay("MONEDA RARA") == "MONEDA RARA")
    }

    /// The export factura sample: country, ports, currency, clause, modality and transport
    /// print as names.
    @Test func exportFacturaPrintsNames() throws {
        let url = try TestSupport.siiSamples().appendingPathComponent("110-EnvioDTE-F000003T110.xml")
        let doc = try #require(try DTEReader().read(contentsOf: url).documents.first)
        let printout = try Fixtures.printout("carta")
        let dir = try TestSupport.temporaryDirectory("aduana")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Fixtures.write(try printout.pdf(for: doc), "110.pdf", in: dir)
        let text = Fixtures.normalized(try Fixtures.pdftotext(file))
        for expected in ["País receptor: ALEMANIA", "ANTOFAGASTA", "BREMEN", "DOLAR USA (USD)", "FOB", "A firme", "Aéreo"] {
            #expect(text.contains(expected), "110 printout must show \(expected)")
        }
        #expect(!text.contains("código 563"))
    }
}
