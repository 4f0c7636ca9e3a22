import DTECore
@testable import DTEPrint
import Foundation
import Testing
import DTEKitTestSupport

/// What the printout says, checked without fonts or Pango: ``DocumentContent`` is pure, so these
/// tests build templates from the defaults (no font check, no probe layout) and read real SII samples.
@Suite struct DocumentContentTests {
    static func document(_ file: String, index: Int = 0) throws -> DTEDocument {
        let url = try TestSupport.siiSamples().appendingPathComponent(file)
        let documents = try DTEReader().read(contentsOf: url).documents
        return try #require(documents.count > index ? documents[index] : nil, "\(file) has no document \(index)")
    }

    static func content(_ file: String, paper: PrintTemplate.Paper = .letter,
                        edit: (inout PrintTemplate) -> Void = { _ in }) throws -> DocumentContent {
        var template = PrintTemplate.defaults(paper: paper, name: "test", source: "test.yaml")
        edit(&template)
        return DocumentContent(document: try document(file), template: template)
    }

    static func rows(_ rows: [DocumentContent.Row]) -> [String] { rows.map { $0.label + " " + $0.value } }

    @Test func facturaRecuadroEmisorAndReceptor() throws {
        let content = try Self.content("33-DTE--76354771-K--33--170.xml")
        #expect(content.recuadroLines == ["R.U.T.: 76.354.771-K", "FACTURA ELECTRÓNICA", "N° 170"])
        #expect(content.siiUnitLine == "S.I.I. - SANTIAGO CENTRO")
        let emisor = content.emisorLines
        #expect(emisor.razonSocial == "INGENIERIA ENACON SPA")
        #expect(emisor.giro == "Ingenieria y Construccion")
        // The city equals the comuna: printed once.
        #expect(emisor.casaMatriz == "Casa Matriz: MERCED 753  16 ARBOLEDA DE QUIILOTA, QUILLOTA")
        #expect(emisor.sucursal == nil)
        #expect(emisor.contact == "Correo: ENACONLTDA@GMAIL.COM")
        #expect(Self.rows(content.receptorRows) == [
            "Señor(es): MINERA LOS PELAMBRES", "R.U.T.: 96.790.240-3", "Giro: EXTRACCION Y PROCESAMIENTO DE COBRE",
            "Dirección: Av. Apoquindo 4001  1802", "Comuna: LAS CONDES", "Ciudad: SANTIAGO", "Contacto: Felipe Barria",
        ])
        #expect(Self.rows(content.conditionRows) == ["Fecha de emisión: 1 de abril de 2019", "Forma de pago: Crédito"])
        #expect(content.transportRows.isEmpty)
        #expect(!content.isGenericBoletaReceptor)
        #expect(content.cedibleText == "CEDIBLE")
    }

    @Test func facturaTotalsAndReferences() throws {
        let content = try Self.content("33-DTE--76354771-K--33--170.xml")
        #expect(content.totalLines == [
            .init(label: "Monto Neto", value: "$ 2.517.900", emphasized: false),
            .init(label: "IVA (19%)", value: "$ 478.401", emphasized: false),
            .init(label: "MONTO TOTAL", value: "$ 2.996.301", emphasized: true),
        ])
        let reference = try #require(content.document.referencias.first)
        #expect(content.referenceCells(reference) == .init(documentName: "ORDEN DE COMPRA", folio: "4510083633",
                                                           date: "22-03-2019", reason: ""))
        #expect(content.referenceLine(reference) == "ORDEN DE COMPRA N° 4510083633 del 22-03-2019")
    }

    @Test func detailTableFollowsTheTemplatesColumns() throws {
        let sheet = try Self.content("33-DTE--76354771-K--33--170.xml").detailTable
        #expect(sheet.titles == ["Código", "Descripción", "Cantidad", "Unidad", "P. Unitario", "Desc./Rec.", "Valor"])
        #expect(sheet.descriptionIndex == 1)
        let row = try #require(sheet.rows.first)
        #expect(row.cells == ["", "", "2", "Unid", "1.258.950", "", "$ 2.517.900"])
        #expect(row.name == "Tableros electricos 3 tom")
        #expect(row.description?.hasPrefix("as 3p + t; 380v") == true)

        let rollContent = try Self.content("33-DTE--76354771-K--33--170.xml", paper: .roll80)
        let roll = rollContent.detailTable
        #expect(roll.titles == ["Descripción", "Cantidad", "P. Unitario", "Valor"])
        #expect(roll.descriptionIndex == 0)
        #expect(roll.rows.allSatisfy { $0.cells.count == roll.titles.count })
        let item = rollContent.rollItem(try #require(rollContent.document.detalle.first))
        #expect(item.quantityLine == "2 Unid x 1.258.950")
        #expect(item.amount == "$ 2.517.900")
    }

    @Test func exportDocumentPrintsAduanasNames() throws {
        let content = try Self.content("110-EnvioDTE-F000002T110.xml")
        #expect(content.currency == "DOLAR USA")
        #expect(content.transportTitle == "Datos de exportación")
        #expect(Self.rows(content.transportRows) == [
            "Cláusula de venta: FOB 9,00", "Vía de transporte: Aéreo", "Puerto de embarque: ANTOFAGASTA",
            "Puerto de desembarque: BREMEN", "Total bultos: 1", "País receptor: ALEMANIA",
        ])
        #expect(Self.rows(content.conditionRows).contains("Moneda: DOLAR USA (USD)"))
        // An exempt type: only Monto Exento and the total, in the document's currency with
        // decimals; then OtraMoneda in pesos (9,00 USD × 937,89 = $ 8.441).
        #expect(content.totalLines == [
            .init(label: "Monto Exento", value: "9,00", emphasized: false),
            .init(label: "MONTO TOTAL (DOLAR USA)", value: "9,00", emphasized: true),
            .init(label: "Tipo de cambio (PESO CL)", value: "937,89", emphasized: false),
            .init(label: "Monto exento en PESO CL", value: "$ 8.441", emphasized: false),
            .init(label: "Total en PESO CL", value: "$ 8.441", emphasized: true),
        ])
        let reference = try #require(content.document.referencias.first)
        #expect(content.referenceLine(reference).hasPrefix("SET DE PRUEBAS N° 4329510-1 del 26-06-2025 — "))
    }

    @Test func templateTextsAndLegends() throws {
        let content = try Self.content("33-DTE--76354771-K--33--170.xml") { template in
            template.footer = "{{emisor.rut}} · {{documento.tipo}} {{documento.folio}} · {{receptor.rut}}"
            template.observations = "Sin placeholders"
            template.resolutionNumber = 80
            template.resolutionYear = 2014
        }
        #expect(content.footer == "76.354.771-K · FACTURA ELECTRÓNICA 170 · 96.790.240-3")
        #expect(content.observations == "Sin placeholders")
        #expect(content.timbreLegends == ["Timbre Electrónico SII", "Res. 80 de 2014", "Verifique documento: www.sii.cl"])
        #expect(DocumentContent.pageNumber(0, of: 3) == "Página 1 de 3")
    }

    @Test func genericBoletaReceptorIsRecognised() throws {
        let url = TestSupport.samplesDirectory.appendingPathComponent("39-41-EnvioBOLETA-76235291-5.xml")
        let boleta = try #require(try DTEReader().read(contentsOf: url).documents.first)
        let template = PrintTemplate.defaults(paper: .roll80, name: "test", source: "test.yaml")
        #expect(boleta.receptor.rut == RUT.genericReceptor)
        #expect(DocumentContent(document: boleta, template: template).isGenericBoletaReceptor)
    }

    @Test func guiaCedibleLegend() throws {
        let content = try Self.content("52-EnvioDTE-F000003T52.xml")
        #expect(content.cedibleText == "CEDIBLE CON SU FACTURA")
        #expect(content.conditionRows.contains { $0.label == "Tipo de traslado:" })
    }
}
