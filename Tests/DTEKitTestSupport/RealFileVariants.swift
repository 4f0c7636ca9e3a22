import DTECore
import Foundation

/// The shapes real third-party DTE files come in, built from an SII sample inside the test (no
/// third-party file is shipped): other containers, schema deviations, every escape form and
/// encoding of the TED's text. Each variant says what a reader must find in it.
///
/// Strings here hold the file's bytes one `Unicode.Scalar` per byte (ISO-8859-1), so editing
/// them never changes a byte it does not touch.
public enum RealFileVariants {
    public struct Variant: Sendable {
        /// Short label (`aec`, `rsr-hex`, …).
        public var name: String
        public var data: Data
        /// The root element the reader must report as ``DTEEnvelope/container``.
        public var container: String
        /// The TED bytes the barcode must carry (ISO-8859-1), computed here independently of
        /// the reader: the TED's source text with the white space between tags removed.
        public var expectedTED: [UInt8]
    }

    public static func latin1(_ d: Data) -> String {
        var s = String.UnicodeScalarView()
        for b in d { s.append(Unicode.Scalar(b)) }
        return String(s)
    }

    public static func bytes(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// The first `<name …>…</name>` of `s` (plain, unprefixed names).
    public static func element(_ name: String, in s: String) -> Range<String.Index>? {
        guard let start = s.range(of: "<\(name)[ >]", options: .regularExpression),
              let end = s.range(of: "</\(name)>", range: start.upperBound..<s.endIndex) else { return nil }
        return start.lowerBound..<end.upperBound
    }

    /// White space between tags removed (how the SII flattens the TED).
    public static func flattened(_ s: String) -> String {
        s.replacingOccurrences(of: ">[ \t\r\n]+<", with: "><", options: .regularExpression)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The sample put into each container real files come in: a cesión (AEC), the SII portal's
    /// export (`xml-fragment`, prefixed `siid:`, an `xml-stylesheet` instruction), a provider's
    /// envelope, a bare `Documento`, a `SetDTE` alone, and an `EnvioDTE` whose `DTE` sits
    /// outside its `SetDTE` (as an envelope of 2010 has it). The TED is unchanged.
    public static func containers(of sample: Data) throws -> [Variant] {
        let s = latin1(sample)
        guard let dteRange = element("DTE", in: s), let tedRange = element("TED", in: s) else {
            throw Failure(description: "the sample has no DTE/TED")
        }
        let dte = String(s[dteRange])
        guard let docRange = element("Documento", in: dte) else { throw Failure(description: "no Documento") }
        let documento = String(dte[docRange])
        let ted = bytes(flattened(String(s[tedRange])))
        let decl = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
        let ns = "http://www.sii.cl/SiiDte"
        // Every element of the Documento prefixed, as the portal writes it.
        let prefixed = documento.replacingOccurrences(of: "<(/?)([A-Za-z])", with: "<$1siid:$2", options: .regularExpression)
        let variants: [(String, String, String)] = [
            ("aec", "AEC", decl + """
                <AEC xmlns="\(ns)" version="1.0"><DocumentoAEC ID="AEC1"><Caratula version="1.0"><RutCedente>76235291-5</RutCedente>\
                <RutCesionario>11111111-1</RutCesionario></Caratula><Cesiones><DTECedido version="1.0">\
                <DocumentoDTECedido ID="DTEC1">
                \(dte)
                <TmstFirma>2025-06-19T10:00:00</TmstFirma></DocumentoDTECedido></DTECedido><Cesion version="1.0">\
                <DocumentoCesion ID="C1"><SeqCesion>1</SeqCesion><IdDTE><TipoDTE>33</TipoDTE></IdDTE></DocumentoCesion>\
                </Cesion></Cesiones></DocumentoAEC></AEC>
                """),
            ("portal-fragment", "xml-fragment", decl + """
                <?xml-stylesheet type="text/xsl" href="https://www4.sii.cl/dte.xsl"?>
                <xml-fragment xmlns:siid="\(ns)">
                \(prefixed)
                </xml-fragment>
                """),
            ("provider-envelope", "Document", decl + """
                <Document Domain="proveedor.example"><Header><Id>42</Id></Header><Content>
                \(dte)
                </Content></Document>
                """),
            ("bare-documento", "Documento",
             decl + documento.replacingOccurrences(of: "<Documento ", with: "<Documento xmlns=\"\(ns)\" ", options: .anchored)),
            ("setdte-alone", "SetDTE", decl + "<SetDTE xmlns=\"\(ns)\" ID=\"SetDoc\">\n\(dte)\n</SetDTE>"),
            ("envio-2010", "EnvioDTE", decl + """
                <EnvioDTE xmlns="\(ns)" version="1.0"><SetDTE ID="SetDoc"><Caratula version="1.0"><RutEmisor>76235291-5</RutEmisor>\
                </Caratula></SetDTE>
                \(dte)
                </EnvioDTE>
                """),
        ]
        return variants.map { Variant(name: $0.0, data: Data(bytes($0.2)), container: $0.1, expectedTED: ted) }
    }

    /// The sample with the TED's `RSR` written in each escape form and the file in each
    /// encoding, the DD re-signed with the CAF's private key so FRMT verifies over the bytes
    /// as written. Expected TED: those bytes, flattened, in ISO-8859-1.
    public static func escapeForms(of sample: Data, cafFile: Data) throws -> [Variant] {
        let caf = try CAFFileContents.read(cafFile, source: "caf.xml")
        guard let pem = caf.privateKeyPEM else { throw Failure(description: "the CAF has no RSASK") }
        let key = try RSAPrivateKey(pem: pem)
        let s = latin1(sample)
        // (name, RSR as written, encoding of the file)
        let forms: [(String, String, String)] = [
            ("rsr-decimal-reference", "The John Doe&#39;s Foundation &#38; Co", "ISO-8859-1"),
            ("rsr-hex-reference", "The John Doe&#x27;s Foundation &#x26; Co", "ISO-8859-1"),
            ("rsr-predefined-entities", "The John Doe&apos;s &quot;Foundation&quot; &amp; Co", "ISO-8859-1"),
            ("rsr-raw-characters", "The John Doe's \"Foundation\" > Compa\u{F1}\u{ED}a", "ISO-8859-1"),
            ("rsr-cdata", "<![CDATA[The John Doe's Foundation & <Co>]]>", "ISO-8859-1"),
            ("rsr-windows-1252", "Comercial \u{92}La Tienda\u{92} \u{80}", "windows-1252"),
            ("rsr-utf8", "Compa\u{F1}\u{ED}a Se\u{F1}or &#39;Jos\u{E9}&#39;", "UTF-8"),
        ]
        var out: [Variant] = []
        for (name, rsr, encoding) in forms {
            guard let rsrRange = s.range(of: "<RSR>[^<]*</RSR>", options: .regularExpression) else {
                throw Failure(description: "the sample's TED has no RSR")
            }
            var x = s.replacingCharacters(in: rsrRange, with: "<RSR>\(rsr)</RSR>")
            // Re-sign the DD as written (flattened, ISO-8859-1).
            guard let ddRange = element("DD", in: x) else { throw Failure(description: "no DD") }
            let dd = bytes(flattened(String(x[ddRange])))
            let frmt = Base64.encode(try key.signSHA1(dd))
            guard let frmtRange = x.range(of: "<FRMT algoritmo=\"SHA1withRSA\">[^<]*</FRMT>", options: .regularExpression) else {
                throw Failure(description: "no FRMT")
            }
            x.replaceSubrange(frmtRange, with: "<FRMT algoritmo=\"SHA1withRSA\">\(frmt)</FRMT>")
            guard let tedRange = element("TED", in: x) else { throw Failure(description: "no TED") }
            let ted = bytes(flattened(String(x[tedRange])))
            let data: Data
            if encoding == "UTF-8" {
                data = Data(x.replacingOccurrences(of: "encoding=\"ISO-8859-1\"", with: "encoding=\"UTF-8\"").utf8)
            } else {
                data = Data(bytes(x.replacingOccurrences(of: "encoding=\"ISO-8859-1\"", with: "encoding=\"\(encoding)\"")))
            }
            out.append(Variant(name: name, data: data, container: "EnvioDTE", expectedTED: ted))
        }
        return out
    }

    /// The sample with one schema deviation real files have: a `Detalle` without `NmbItem`,
    /// `FchEmis` written with a time. (name, data, the element strict mode names)
    public static func deviations(of sample: Data) throws -> [(name: String, data: Data, element: String)] {
        let s = latin1(sample)
        guard let nmb = s.range(of: "<NmbItem>[^<]*</NmbItem>", options: .regularExpression),
              let fch = s.range(of: "<FchEmis>[^<]*</FchEmis>", options: .regularExpression) else {
            throw Failure(description: "the sample has no NmbItem/FchEmis")
        }
        let date = String(s[fch]).replacingOccurrences(of: "<FchEmis>", with: "").replacingOccurrences(of: "</FchEmis>", with: "")
        return [
            ("detalle-without-nmbitem", Data(bytes(s.replacingCharacters(in: nmb, with: ""))), "NmbItem"),
            ("fchemis-with-time", Data(bytes(s.replacingCharacters(in: fch, with: "<FchEmis>\(date)T06:52:34</FchEmis>"))), "FchEmis"),
        ]
    }
}
