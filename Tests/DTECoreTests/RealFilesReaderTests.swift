import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

/// The shapes real third-party files come in (issue 12), built from the SII samples inside the
/// test: containers, schema deviations, TED escape forms and encodings.
@Suite struct RealFilesReaderTests {
    static let sampleName = "33-EnvioDTE-F000005T33.xml"

    static func sample(_ name: String = sampleName) throws -> Data {
        try Data(contentsOf: try TestSupport.siiSamples().appendingPathComponent(name))
    }

    /// Every container holds the sample's document, is named in `container`, and its TED is the
    /// sample's TED to the byte (and still verifies).
    @Test func everyContainerGivesTheStampedDocument() throws {
        let original = try DTEReader().read(try Self.sample(), source: "s.xml").documents[0]
        let variants = try RealFileVariants.containers(of: try Self.sample())
        #expect(variants.count == 6)
        for v in variants {
            let env = try DTEReader(mode: .lenient).read(v.data, source: "\(v.name).xml")
            #expect(env.container == v.container, "\(v.name)")
            #expect(env.documents.count == 1, "\(v.name)")
            let doc = try #require(env.documents.first)
            #expect(doc.folio == original.folio && doc.type == original.type, "\(v.name)")
            #expect(doc.detalle == original.detalle, "\(v.name)")
            let ted = try #require(doc.ted, "\(v.name)")
            #expect(ted.bytes == v.expectedTED, "\(v.name): TED bytes")
            #expect(ted.bytes == original.ted?.bytes, "\(v.name): same TED as the EnvioDTE")
            #expect(ted.verify(), "\(v.name): FRMT verifies")
            if v.name != "envio-2010" {
                // Containers are not deviations: strict reads them alike, with no warning.
                #expect(env.warnings.isEmpty, "\(v.name): \(env.warnings)")
                let strict = try DTEReader().read(v.data, source: "\(v.name).xml")
                #expect(strict.documents == env.documents, "\(v.name)")
            }
        }
    }

    /// An EnvioDTE whose DTE is outside SetDTE: strict refuses it naming SetDTE/DTE; lenient
    /// finds the document and says so in a warning.
    @Test func misplacedDTEIsAWarningLenientlyAndAnErrorStrictly() throws {
        let v = try #require(try RealFileVariants.containers(of: try Self.sample()).first { $0.name == "envio-2010" })
        #expect(throws: DTEReadError.self) { try DTEReader().read(v.data, source: "e.xml") }
        do { _ = try DTEReader().read(v.data, source: "e.xml") } catch {
            #expect(error.reason == .missingElement("SetDTE/DTE"))
            #expect(error.line == 2)
        }
        let env = try DTEReader(mode: .lenient).read(v.data, source: "e.xml")
        #expect(env.warnings.count == 1)
        #expect(env.warnings.first?.deviation.reason == .missingElement("SetDTE/DTE"))
    }

    /// A file with no document is an error with a reason, in both modes — never "0 documents".
    @Test func noDocumentIsAnError() throws {
        let cases: [(String, DTEReadError.Reason)] = [
            ("<AEC xmlns=\"http://www.sii.cl/SiiDte\"><DocumentoAEC/></AEC>", .notADTE(root: "AEC")),
            ("<xml-fragment xmlns:siid=\"http://www.sii.cl/SiiDte\"><siid:Documento ID=\"x\"/></xml-fragment>", .notADTE(root: "xml-fragment")),
            ("<EnvioDTE xmlns=\"http://www.sii.cl/SiiDte\"><SetDTE><Caratula/></SetDTE></EnvioDTE>", .noDocuments(root: "EnvioDTE")),
            ("<EnvioBOLETA><SetDTE/></EnvioBOLETA>", .noDocuments(root: "EnvioBOLETA")),
            ("<Factura><Documento><Folio>1</Folio></Documento></Factura>", .notADTE(root: "Factura")),
        ]
        for (xml, reason) in cases {
            for mode in [DTEReader.Mode.strict, .lenient] {
                do {
                    let env = try DTEReader(mode: mode).read(Data(xml.utf8), source: "x.xml")
                    Issue.record("\(xml) (\(mode)): read \(env.documents.count) document(s), expected an error")
                } catch {
                    #expect(error.reason == reason, "\(xml) (\(mode))")
                    #expect(error.description.hasPrefix("x.xml"))
                }
            }
        }
    }

    /// Each deviation: strict throws exactly the error it throws today (file, line, element);
    /// lenient reads the document and keeps that very error as its one warning.
    @Test func deviationsAreWarningsLenientlyAndTheSameErrorsStrictly() throws {
        for (name, data, element) in try RealFileVariants.deviations(of: try Self.sample()) {
            var strictError: DTEReadError?
            do { _ = try DTEReader().read(data, source: "d.xml") } catch { strictError = error }
            let e = try #require(strictError, "\(name): strict must refuse")
            #expect(e.element == element, "\(name)")
            #expect(e.line != nil, "\(name)")
            let env = try DTEReader(mode: .lenient).read(data, source: "d.xml")
            #expect(env.documents.count == 1, "\(name)")
            #expect(env.warnings == [DTEReadWarning(deviation: e)], "\(name)")
            #expect(env.warnings.first?.description.contains("d.xml:\(e.line ?? 0): ") == true, "\(name)")
            let doc = try #require(env.documents.first)
            #expect(doc.ted?.verify() == true, "\(name)")
            if name == "fchemis-with-time" {
                #expect(doc.idDoc.fechaEmision.description == "2025-06-18")
                #expect(e.description.contains("2025-06-18T06:52:34"))
            } else {
                #expect(e.reason == .missingElement("Detalle/NmbItem"))
                #expect(doc.detalle.first?.nombre == "")
            }
        }
    }

    /// Each escape form and encoding: the TED's bytes are the file's, flattened, in ISO-8859-1
    /// (never re-escaped: `&#39;` stays `&#39;`), and FRMT verifies over them.
    @Test func tedBytesAreTheFilesThroughEveryEscapeFormAndEncoding() throws {
        let caf = try Data(contentsOf: try TestSupport.siiCAF(type: 33))
        let variants = try RealFileVariants.escapeForms(of: try Self.sample(), cafFile: caf)
        #expect(variants.count == 7)
        for v in variants {
            for mode in [DTEReader.Mode.strict, .lenient] {
                let env = try DTEReader(mode: mode).read(v.data, source: "\(v.name).xml")
                let ted = try #require(env.documents.first?.ted, "\(v.name)")
                #expect(ted.bytes == v.expectedTED, "\(v.name): \(String(decoding: ted.bytes.prefix(0), as: UTF8.self))")
                #expect(ted.verify(), "\(v.name): FRMT over the DD as written")
            }
        }
        // The issue's case, spelled out: the character reference reaches the barcode as written.
        let dec = try #require(variants.first { $0.name == "rsr-decimal-reference" })
        let ted = try #require(try DTEReader().read(dec.data, source: "d.xml").documents.first?.ted)
        let text = String(decoding: ted.bytes, as: UTF8.self)
        #expect(text.contains("<RSR>The John Doe&#39;s Foundation &#38; Co</RSR>"))
        #expect(!text.contains("&apos;"))
        #expect(ted.dd.razonSocialReceptor == "The John Doe's Foundation & Co")
    }

    /// The UTF-8 file's TED is transcoded to ISO-8859-1 (ñ is one byte, 0xF1); windows-1252
    /// bytes stay as the issuer wrote them.
    @Test func encodingsOfTheTED() throws {
        let caf = try Data(contentsOf: try TestSupport.siiCAF(type: 33))
        let variants = try RealFileVariants.escapeForms(of: try Self.sample(), cafFile: caf)
        let utf8 = try #require(variants.first { $0.name == "rsr-utf8" })
        let t8 = try #require(try DTEReader().read(utf8.data, source: "u.xml").documents.first?.ted)
        #expect(t8.bytes.contains(0xF1) && !t8.bytes.contains(0xC3))
        let cp = try #require(variants.first { $0.name == "rsr-windows-1252" })
        let t1252 = try #require(try DTEReader().read(cp.data, source: "w.xml").documents.first?.ted)
        #expect(t1252.bytes.contains(0x92) && t1252.bytes.contains(0x80))
    }

    /// Every SII sample's TED still verifies over the bytes taken from the file, and equals
    /// the TED flattened from the source text.
    @Test func everySampleTEDIsItsSourceBytes() throws {
        var teds = 0
        for url in try TestSupport.siiDocumentSamples() {
            let data = try Data(contentsOf: url)
            let env = try DTEReader().read(data, source: url.lastPathComponent)
            let text = RealFileVariants.latin1(data)
            var rest = text[...]
            for doc in env.documents {
                guard let ted = doc.ted else { continue }
                let r = try #require(RealFileVariants.element("TED", in: String(rest)), "\(url.lastPathComponent)")
                let s = String(rest)
                let expected = RealFileVariants.bytes(RealFileVariants.flattened(String(s[r])))
                #expect(ted.bytes == expected, "\(url.lastPathComponent) folio \(doc.folio)")
                #expect(ted.verify(), "\(url.lastPathComponent) folio \(doc.folio)")
                rest = s[r.upperBound...]
                teds += 1
            }
        }
        #expect(teds >= 25)
    }

    /// The source scanner on its own: nested and self-closing elements, prefixes, attributes
    /// with `>` and quotes, comments and CDATA that look like tags.
    @Test func sourceScanner() throws {
        let xml = Array("""
            <r><!-- <TED> --><x:TED a='1>"2"' xmlns:x="u"><DD><![CDATA[<TED>]]> <E/></DD>  <F>y</F>\
            </x:TED><TED/></r>
            """.utf8)
        let ranges = try #require(SourceTED.elementRanges(named: "TED", in: xml))
        #expect(ranges.count == 2)
        let flat = try #require(SourceTED.flatten(xml, ranges[0], utf8: true, stripPrefixes: true))
        #expect(String(decoding: flat, as: UTF8.self) == "<TED a=\"1>&quot;2&quot;\"><DD><![CDATA[<TED>]]><E/></DD><F>y</F></TED>")
        let dd = try #require(SourceTED.childRange(named: "DD", in: flat))
        #expect(String(decoding: flat[dd], as: UTF8.self) == "<DD><![CDATA[<TED>]]><E/></DD>")
        #expect(SourceTED.elementRanges(named: "TED", in: Array("<a><TED>".utf8)) == nil)
        #expect(SourceTED.flatten(Array("<a b=>".utf8), 0..<6, utf8: false, stripPrefixes: false) == nil)
    }
}
