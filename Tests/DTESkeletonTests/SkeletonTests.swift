import DTECore
@testable import DTESkeleton
import Foundation
import Testing
import DTEKitTestSupport

/// Every type: stamped + signed skeleton → XSD-valid, xmlsec1-verified, TED verified, read back equal.
@Suite("Skeletons per type")
struct SkeletonTests {
    static let options = SkeletonOptions(fechaEmision: Fixtures.fixedDate)

    func build(_ type: DocumentType, envelope: Bool) throws -> SkeletonOutput {
        let builder = SkeletonBuilder(profile: try Fixtures.profile(), cafs: [try Fixtures.caf(for: type)],
                                      identity: try Fixtures.identity(), envelope: envelope,
                                      options: Self.options, timestamp: Fixtures.timestamp)
        let outputs = try builder.build(types: [type])
        return try #require(outputs.first)
    }

    @Test("signed, stamped skeleton is valid, verifies and reads back", arguments: DocumentType.allCases)
    func signedSkeleton(type: DocumentType) throws {
        for envelope in [false, true] where !(type.isBoleta && !envelope) {
            let o = try build(type, envelope: envelope)
            let data = Data(o.xml)
            // 1. XSD: the right schema for the root, and no violation.
            let kind = try #require(SchemaValidator.kind(forRootOf: data))
            let expected: SchemaKind = type.isBoleta ? .envioBoleta : (envelope ? .envioDTE : .dte)
            #expect(kind == expected)
            let violations = try Fixtures.validator(kind).validate(data, source: o.fileName)
            #expect(violations.isEmpty, "\(type.code): \(violations)")
            // Encoded and declared ISO-8859-1 (the ñ of "Diseño" is the one byte 0xF1).
            let declared = o.xml.starts(with: Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".utf8))
            let latin1 = o.xml.contains(0xF1) && !o.xml.contains(0xC3)
            #expect(declared && latin1)

            // 2. Independent signature check: xmlsec1 over the Documento's signature…
            let dir = try TestSupport.temporaryDirectory("dtekit-skeleton")
            let file = dir.appendingPathComponent(o.fileName)
            try data.write(to: file)
            let r = try Fixtures.xmlsecVerify(file)
            #expect(r.status == 0, "xmlsec1 \(type.code): \(r.stderrText)")
            #expect(r.stderrText.contains("OK") || r.stdoutText.contains("OK"))
            // …and over the SetDTE's signature of an envelope.
            if o.envelope {
                let s = try Fixtures.xmlsecVerify(file, xpath: "/*/*[local-name()='Signature']")
                #expect(s.status == 0, "xmlsec1 SetDTE \(type.code): \(s.stderrText)")
                #expect(s.stderrText.contains("Reference URI=\"#SetDoc\"") || s.status == 0)
            }

            // 3. The TED's FRMT verifies with the CAF's public key.
            let ted = try #require(o.document.ted)
            #expect(ted.verify())
            let caf = try Fixtures.caf(for: type)
            #expect(ted.dd.caf.modulus.drop { $0 == 0 }.elementsEqual(try Fixtures.caf(for: type).data.modulus.drop { $0 == 0 }) || type == .liquidacionFactura)
            _ = caf

            // 4. Read back with the foundation's reader: the same values.
            let env = try DTEReader().read(data, source: o.fileName)
            #expect(env.documents.count == 1)
            let back = try #require(env.documents.first)
            try expectSameValues(back, o.document)
            let backTED = try #require(back.ted)
            #expect(backTED.bytes == ted.bytes, "TED bytes differ after read-back for \(type.code)")
            #expect(backTED.ddBytes == ted.ddBytes)
            #expect(backTED.verify())
            if o.envelope {
                let c = try #require(env.caratula)
                #expect(c.rutReceptor == RUT.sii)
            }
            try? FileManager.default.removeItem(at: dir)
        }
    }

    func expectSameValues(_ a: DTEDocument, _ b: DTEDocument) throws {
        #expect(a.type == b.type)
        #expect(a.folio == b.folio)
        #expect(a.idDoc.fechaEmision == b.idDoc.fechaEmision)
        #expect(a.idDoc.indTraslado == b.idDoc.indTraslado)
        #expect(a.idDoc.indServicio == b.idDoc.indServicio)
        #expect(a.emisor.rut == b.emisor.rut)
        #expect(a.emisor.razonSocial == b.emisor.razonSocial)
        #expect(a.emisor.giro == b.emisor.giro)
        #expect(a.emisor.direccion == b.emisor.direccion)
        #expect(a.emisor.comuna == b.emisor.comuna)
        #expect(a.receptor.rut == b.receptor.rut)
        #expect(a.receptor.razonSocial == b.receptor.razonSocial)
        #expect(a.totales.montoNeto == b.totales.montoNeto)
        #expect(a.totales.montoExento == b.totales.montoExento)
        #expect(a.totales.iva == b.totales.iva)
        #expect(a.totales.montoTotal == b.totales.montoTotal)
        #expect(a.totales.impuestosRetenidos.map(\.codigo) == b.totales.impuestosRetenidos.map(\.codigo))
        #expect(a.totales.impuestosRetenidos.map(\.monto) == b.totales.impuestosRetenidos.map(\.monto))
        #expect(a.detalle.map(\.nombre) == b.detalle.map(\.nombre))
        #expect(a.detalle.map(\.montoItem) == b.detalle.map(\.montoItem))
        #expect(a.detalle.map(\.indicadorExencion) == b.detalle.map(\.indicadorExencion))
        #expect(a.referencias.map(\.tipoDocumento) == b.referencias.map(\.tipoDocumento))
        #expect(a.referencias.map(\.folio) == b.referencias.map(\.folio))
        #expect(a.referencias.map(\.codigo) == b.referencias.map(\.codigo))
        #expect(a.comisiones.map(\.valorNeto) == b.comisiones.map(\.valorNeto))
        #expect(a.transporte?.aduana?.codigoClausulaVenta == b.transporte?.aduana?.codigoClausulaVenta)
        #expect(a.otraMoneda?.montoTotal == b.otraMoneda?.montoTotal)
    }

    @Test("what each type needs is there")
    func typeSpecifics() throws {
        let gen = SkeletonGenerator(emisor: try Fixtures.profile())
        let f33 = try gen.document(for: .factura, options: Self.options)
        #expect(f33.detalle.contains { $0.isExempt } && f33.detalle.contains { !$0.isExempt })
        let f34 = try gen.document(for: .facturaExenta, options: Self.options)
        #expect(f34.totales.iva == nil && f34.totales.montoNeto == nil && f34.totales.montoExento == f34.totales.montoTotal)
        let f46 = try gen.document(for: .facturaCompra, options: Self.options)
        #expect(f46.totales.impuestosRetenidos.map(\.codigo) == [15])
        #expect(f46.totales.impuestosRetenidos.first?.monto == f46.totales.iva)
        let g = try gen.document(for: .guiaDespacho, options: SkeletonOptions(fechaEmision: Fixtures.fixedDate, traslado: .trasladoInterno))
        #expect(g.idDoc.indTraslado == .trasladoInterno && g.transporte?.patente != nil)
        #expect(try gen.document(for: .guiaDespacho, options: Self.options).idDoc.indTraslado == .operacionConstituyeVenta)
        for t in [DocumentType.notaDebito, .notaCredito] {
            let n = try gen.document(for: t, options: Self.options)
            let ref = try #require(n.referencias.first)
            #expect(ref.tipoDocumento == "33" && ref.fecha != nil && ref.razon != nil && (1...3).contains(ref.codigo ?? 0))
        }
        for t in [DocumentType.notaDebitoExportacion, .notaCreditoExportacion] {
            #expect(try gen.document(for: t, options: Self.options).referencias.first?.tipoDocumento == "110")
        }
        let b = try gen.document(for: .boleta, options: Self.options)
        #expect(b.receptor.rut == .genericReceptor && b.idDoc.indServicio == 3)
        let e = try gen.document(for: .facturaExportacion, options: Self.options)
        #expect(e.receptor.extranjeroNumId != nil && e.totales.moneda == "DOLAR USA" && e.otraMoneda?.tipoMoneda == "PESO CL")
        let a = try #require(e.transporte?.aduana)
        #expect(a.codigoModalidadVenta != nil && a.codigoClausulaVenta != nil && a.totalClausulaVenta != nil
                && a.codigoViaTransporte != nil && a.codigoPuertoEmbarque != nil && a.codigoPuertoDesembarque != nil
                && a.totalBultos != nil && a.codigoPaisReceptor != nil && a.codigoPaisDestino != nil)
        let l = try gen.document(for: .liquidacionFactura, options: Self.options)
        #expect(!l.comisiones.isEmpty && l.detalle.allSatisfy { $0.tipoDocumentoLiquidado != nil })
        // Example values say they are examples.
        #expect(f33.receptor.razonSocial == "RECEPTOR DE EJEMPLO SPA")
        #expect(f33.detalle.allSatisfy { $0.nombre.contains("EJEMPLO") })
    }

    @Test("PKCS#12: modern and legacy (RC2/3DES) files load; a wrong password is named as such")
    func pkcs12() throws {
        let c = try Fixtures.credentials.get()
        let pem = try Fixtures.identity()
        for file in [c.p12, c.legacyP12] {
            let id = try SigningIdentity(pkcs12: file, password: Fixtures.Credentials.p12Password)
            #expect(try id.certificateDER() == pem.certificateDER())
            #expect(throws: SigningError.wrongPassword(source: file.lastPathComponent)) {
                try SigningIdentity(pkcs12: file, password: "otra")
            }
        }
    }

    @Test("one EnvioDTE holding several types: valid, SubTotDTE per type, every signature verifies")
    func singleEnvelope() throws {
        let types: [DocumentType] = [.factura, .notaCredito, .notaDebito]
        let builder = SkeletonBuilder(profile: try Fixtures.profile(), cafs: try types.map { try Fixtures.caf(for: $0) },
                                      identity: try Fixtures.identity(), options: Self.options, timestamp: Fixtures.timestamp)
        let o = try builder.buildSingleEnvelope(types: types, fileName: "set.xml")
        let data = Data(o.xml)
        #expect(SchemaValidator.kind(forRootOf: data) == .envioDTE)
        #expect(try Fixtures.validator(.envioDTE).validate(data, source: "set.xml").isEmpty)
        let env = try DTEReader().read(data, source: "set.xml")
        #expect(env.documents.map(\.type) == types)
        #expect(env.documents.allSatisfy { $0.ted?.verify() == true })
        let dir = try TestSupport.temporaryDirectory("dtekit-skeleton")
        let file = dir.appendingPathComponent("set.xml")
        try data.write(to: file)
        for k in 1...4 {
            let r = try Fixtures.xmlsecVerify(file, xpath: "(//*[local-name()='Signature'])[\(k)]")
            #expect(r.status == 0, "signature \(k): \(r.stderrText)")
        }
        #expect(throws: DTEWriteError.self) {
            try SkeletonBuilder(profile: try Fixtures.profile(), options: Self.options, timestamp: Fixtures.timestamp)
                .buildSingleEnvelope(types: [.factura, .boleta], fileName: "mixed.xml")
        }
    }

    @Test("tampering breaks the signature")
    func tamper() throws {
        let o = try build(.factura, envelope: false)
        let text = String(decoding: o.xml, as: UTF8.self)
        let tampered = text.replacingOccurrences(of: "<MntTotal>31775</MntTotal>", with: "<MntTotal>31776</MntTotal>")
        #expect(tampered != text)
        let dir = try TestSupport.temporaryDirectory("dtekit-skeleton")
        let file = dir.appendingPathComponent("T33.xml")
        try Data(tampered.utf8).write(to: file)
        #expect(try Fixtures.xmlsecVerify(file).status != 0)
    }

    @Test("stamping refuses CAFs of another type or emisor and folios outside the range")
    func stampingErrors() throws {
        let profile = try Fixtures.profile()
        let gen = SkeletonGenerator(emisor: profile)
        let doc = try gen.document(for: .factura, options: Self.options)
        let caf34 = try CAF.load(contentsOf: try TestSupport.siiCAF(type: 34))
        #expect(throws: CAFError.typeMismatch(file: caf34.source, cafType: 34, documentType: 33)) {
            try Stamper(caf: caf34).stamp(doc, timestamp: Fixtures.timestamp)
        }
        let caf33 = try CAF.load(contentsOf: try TestSupport.siiCAF(type: 33))
        var out = doc
        out.idDoc.folio = 21
        #expect(throws: CAFError.folioOutOfRange(file: caf33.source, folio: 21, desde: 1, hasta: 20)) {
            try Stamper(caf: caf33).stamp(out, timestamp: Fixtures.timestamp)
        }
        var other = doc
        other.emisor.rut = try RUT("76354771-K")
        #expect(throws: CAFError.emisorMismatch(file: caf33.source, cafRUT: "76235291-5", documentRUT: "76354771-K")) {
            try Stamper(caf: caf33).stamp(other, timestamp: Fixtures.timestamp)
        }
        let msg = CAFError.folioOutOfRange(file: "CAF.xml", folio: 21, desde: 1, hasta: 20).description
        #expect(msg.contains("folio 21") && msg.contains("1–20"))
    }

    @Test("CAF: verbatim CAF bytes in the TED, RSR and IT1 cut to 40, DD escaped")
    func tedContents() throws {
        let profile = try Fixtures.profile()
        var doc = try SkeletonGenerator(emisor: profile).document(for: .factura, options: Self.options)
        doc.receptor.razonSocial = "COMERCIAL A & B " + String(repeating: "X", count: 60)
        doc.receptor.giro = "GIRO \"CON\" COMILLAS"
        doc.detalle[0].nombre = "PRODUCTO <ESPECIAL> " + String(repeating: "Y", count: 60)
        let caf = try CAF.load(contentsOf: try TestSupport.siiCAF(type: 33))
        let stamped = try Stamper(caf: caf).stamp(doc, timestamp: Fixtures.timestamp)
        let ted = try #require(stamped.ted)
        #expect(ted.dd.razonSocialReceptor.count == 40 && ted.dd.item1.count == 40)
        let dd = String(decoding: ted.ddBytes, as: UTF8.self)
        #expect(dd.contains("<RSR>COMERCIAL A &amp; B XXXX"))
        #expect(dd.contains("<IT1>PRODUCTO &lt;ESPECIAL&gt; YYY"))
        // The CAF as in the file, only the white space between tags removed.
        #expect(ted.ddBytes.count > caf.flattenedBytes.count)
        #expect(CAF.flatten(caf.verbatimBytes) == caf.flattenedBytes)
        let tedText = ted.bytes
        #expect(XMLSigner.position(of: caf.flattenedBytes, in: tedText, occurrence: 0) != nil)
        #expect(caf.verify(signature: ted.signature, message: ted.ddBytes))
        #expect(ted.verify())
        // The written XML carries exactly these TED bytes.
        let xml = try DTEXMLWriter().dte(stamped)
        #expect(XMLSigner.position(of: ted.bytes, in: xml, occurrence: 0) != nil)
        // Quotes in the timbre follow the SII's rule (&quot; &apos;), and the reader agrees.
        var quoted = doc
        quoted.receptor.razonSocial = "O'HIGGINS \"EJEMPLO\" LTDA"
        let q = try Stamper(caf: caf).stamp(quoted, timestamp: Fixtures.timestamp)
        let qted = try #require(q.ted)
        #expect(String(decoding: qted.ddBytes, as: UTF8.self).contains("<RSR>O&apos;HIGGINS &quot;EJEMPLO&quot; LTDA</RSR>"))
        let identity = try Fixtures.identity()
        let back = try DTEReader().read(Data(try XMLSigner(identity: identity).sign(try DTEXMLWriter().dte(q))), source: "q")
        #expect(back.documents.first?.ted?.bytes == qted.bytes)
        #expect(back.documents.first?.ted?.verify() == true)
    }

    @Test("a self-made test CAF stamps verifiable TEDs but says it is not the SII's")
    func testCAF() throws {
        let caf = try CAF.makeTestCAF(type: .liquidacionFactura, emisor: try RUT("76235291-5"))
        #expect(caf.data.razonSocial == CAF.testRazonSocial && caf.data.idk == 0)
        let reloaded = try CAF(bytes: caf.fileBytes, source: "reloaded")
        #expect(reloaded.data == caf.data)
    }
}

/// The committed samples made by scripts/make-samples.sh.
@Suite("Samples/")
struct SampleFilesTests {
    static let files = ["34-DTE-76235291-5-F1.xml", "39-41-EnvioBOLETA-76235291-5.xml", "43-DTE-76235291-5-F1-CAF-PRUEBA.xml"]

    @Test("each sample is XSD-valid and its TED verifies (34/39/41 with the SII certification CAF)", arguments: files)
    func sample(name: String) throws {
        let url = TestSupport.samplesDirectory.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        let kind = try #require(SchemaValidator.kind(forRootOf: data))
        #expect(try Fixtures.validator(kind).validate(data, source: name).isEmpty)
        let env = try DTEReader().read(data, source: name)
        #expect(env.documents.map(\.type.code) == (name.hasPrefix("39-41") ? [39, 41] : [Int(name.prefix(2)) ?? 0]))
        for doc in env.documents {
            let ted = try #require(doc.ted)
            #expect(ted.verify())
            if doc.type == .liquidacionFactura {
                #expect(ted.dd.caf.razonSocial == CAF.testRazonSocial)
            } else {
                let caf = try CAF.load(contentsOf: try TestSupport.siiCAF(type: doc.type.code))
                #expect(ted.dd.caf == caf.data)
                #expect(XMLSigner.position(of: caf.flattenedBytes, in: ted.bytes, occurrence: 0) != nil)
            }
        }
        // Signed: every Signature (each DTE's, and the SetDTE's) verifies with xmlsec1, with the key
        // in its KeyInfo (the samples' certificate is a throwaway one, hence --insecure).
        let signatures = env.documents.count + (env.caratula == nil ? 0 : 1)
        for k in 1...signatures {
            let r = try TestSupport.run(tool: "xmlsec1", ["--verify", "--insecure",
                                                          "--id-attr:ID", "http://www.sii.cl/SiiDte:Documento",
                                                          "--id-attr:ID", "http://www.sii.cl/SiiDte:Liquidacion",
                                                          "--id-attr:ID", "http://www.sii.cl/SiiDte:SetDTE",
                                                          "--node-xpath", "(//*[local-name()='Signature'])[\(k)]", url.path])
            #expect(r.status == 0, "\(name) signature \(k): \(r.stderrText)")
        }
    }
}
