import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

/// No signed EnvioBOLETA exists in public test data, so this one is built here and stamped with the
/// real certification CAF for type 39: reading it back must give the boleta-shaped fields and a TED
/// whose DD bytes are exactly the bytes that were signed.
@Suite struct EnvioBoletaTests {
    /// A stamped `EnvioBOLETA` (ISO-8859-1, indented like real files) and the DD bytes signed.
    private func makeEnvelope(item: String, escapeQuotesInDD: Bool, namespace: Bool = true) throws -> (Data, [UInt8]) {
        let url = try TestSupport.siiCAF(type: 39)
        let caf = try CAFFileContents.read(try Data(contentsOf: url), source: url.lastPathComponent)
        let key = try RSAPrivateKey(pem: try #require(caf.privateKeyPEM))
        func esc(_ s: String, quotes: Bool) -> String {
            var out = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
            if quotes { out = out.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;") }
            return out
        }
        let ddHead = "<DD><RE>76235291-5</RE><TD>39</TD><F>7</F><FE>2025-07-01</FE><RR>66666666-6</RR>"
            + "<RSR>Consumidor Final</RSR><MNT>11900</MNT><IT1>\(esc(item, quotes: escapeQuotesInDD))</IT1>"
        var dd = try #require(Latin1.encode(ddHead)) + caf.cafBytes
        dd += Array("<TSTED>2025-07-01T10:00:00</TSTED></DD>".utf8)
        let frmt = Base64.encode(try key.signSHA1(dd))
        // The file: the same TED, but indented over many lines, and the CAF written with line breaks.
        let cafText = Latin1.decode(caf.cafBytes).replacingOccurrences(of: "><", with: ">\n            <")
        let xmlns = namespace ? " xmlns=\"http://www.sii.cl/SiiDte\"" : ""
        let xml = """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <EnvioBOLETA\(xmlns) version="1.0">
          <SetDTE ID="SetDoc">
            <Caratula version="1.0">
              <RutEmisor>76235291-5</RutEmisor><RutEnvia>17605402-6</RutEnvia><RutReceptor>60803000-K</RutReceptor>
              <FchResol>2025-03-26</FchResol><NroResol>0</NroResol><TmstFirmaEnv>2025-07-01T10:00:05</TmstFirmaEnv>
              <SubTotDTE><TpoDTE>39</TpoDTE><NroDTE>1</NroDTE></SubTotDTE>
            </Caratula>
            <DTE version="1.0">
              <Documento ID="B7T39">
                <Encabezado>
                  <IdDoc><TipoDTE>39</TipoDTE><Folio>7</Folio><FchEmis>2025-07-01</FchEmis><IndServicio>3</IndServicio></IdDoc>
                  <Emisor><RUTEmisor>76235291-5</RUTEmisor><RznSocEmisor>DISEÑO Y ENTRETENIMIENTOS WITHIN PLAY</RznSocEmisor>
                    <GiroEmisor>IMPRESION</GiroEmisor><DirOrigen>San Lucio 138</DirOrigen><CmnaOrigen>Los Andes</CmnaOrigen></Emisor>
                  <Receptor><RUTRecep>66666666-6</RUTRecep><RznSocRecep>Consumidor Final</RznSocRecep></Receptor>
                  <Totales><MntNeto>10000</MntNeto><IVA>1900</IVA><MntTotal>11900</MntTotal></Totales>
                </Encabezado>
                <Detalle><NroLinDet>1</NroLinDet><NmbItem>\(esc(item, quotes: false))</NmbItem><QtyItem>1</QtyItem>
                  <PrcItem>11900</PrcItem><MontoItem>11900</MontoItem></Detalle>
                <TED version="1.0">
                  <DD>
                    <RE>76235291-5</RE>
                    <TD>39</TD>
                    <F>7</F>
                    <FE>2025-07-01</FE>
                    <RR>66666666-6</RR>
                    <RSR>Consumidor Final</RSR>
                    <MNT>11900</MNT>
                    <IT1>\(esc(item, quotes: escapeQuotesInDD))</IT1>
                    \(cafText)
                    <TSTED>2025-07-01T10:00:00</TSTED>
                  </DD>
                  <FRMT algoritmo="SHA1withRSA">\(frmt)</FRMT>
                </TED>
                <TmstFirma>2025-07-01T10:00:00</TmstFirma>
              </Documento>
            </DTE>
          </SetDTE>
        </EnvioBOLETA>
        """
        return (Data(try #require(Latin1.encode(xml))), dd)
    }

    @Test(arguments: [true, false])
    func readsAStampedEnvioBoleta(namespace: Bool) throws {
        let (data, dd) = try makeEnvelope(item: "Café & té <grande>", escapeQuotesInDD: true, namespace: namespace)
        let env = try DTEReader().read(data, source: "boleta.xml")
        #expect(env.kind == .envioBoleta)
        #expect(env.caratula?.subtotales == [Caratula.Subtotal(tipoDTE: 39, cantidad: 1)])
        let doc = try #require(env.documents.first)
        #expect(doc.type == .boleta && doc.folio == 7)
        #expect(doc.emisor.razonSocial == "DISEÑO Y ENTRETENIMIENTOS WITHIN PLAY")   // boleta shape RznSocEmisor
        #expect(doc.emisor.giro == "IMPRESION")                                   // GiroEmisor
        #expect(doc.receptor.rut == RUT.genericReceptor)
        #expect(doc.totales.montoTotal == Money(11900))
        #expect(doc.detalle.first?.nombre == "Café & té <grande>")
        let ted = try #require(doc.ted)
        #expect(ted.ddBytes == dd)                  // exactly the signed bytes, despite the indentation
        #expect(ted.verify())
        #expect(ted.dd.item1 == "Café & té <grande>")
        #expect(ted.bytes.starts(with: Array("<TED version=\"1.0\">".utf8) + dd))
        #expect(ted.bytes.suffix(6) == ArraySlice(Array("</TED>".utf8)))
    }

    @Test(arguments: [true, false])
    func quotesKeepTheFormThatWasSigned(escaped: Bool) throws {
        // The SII's rule escapes quotes in the TED; some signers do not. Either way the bytes read
        // back are the ones that were signed.
        let (data, dd) = try makeEnvelope(item: "Tornillo 1/2\" O'Higgins", escapeQuotesInDD: escaped)
        let ted = try #require(try DTEReader().read(data, source: "q.xml").documents.first?.ted)
        #expect(ted.ddBytes == dd)
        #expect(ted.verify())
        #expect(String(decoding: ted.ddBytes, as: UTF8.self).contains("&quot;") == escaped)
    }
}
