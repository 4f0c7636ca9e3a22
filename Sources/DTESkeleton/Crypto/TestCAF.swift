import DTECore
import Foundation

extension CAF {
    /// The `RS` of self-made test CAFs: says plainly that the SII did not issue it.
    public static let testRazonSocial = "CAF DE PRUEBA - NO EMITIDO POR EL SII"

    /// A self-made CAF **for development only**, for types the SII's certification CAFs do not
    /// cover (e.g. 43): a fresh 512-bit RSA key (exponent 3, like the SII's), `RS` =
    /// ``testRazonSocial``, `IDK` 0 and an `FRMA` that is *not* an SII signature (SHA1withRSA by
    /// the CAF's own key over `DA`). A TED stamped with it verifies (FRMT) against the CAF's
    /// public key; the CAF itself fails any check against the SII's keys, as it should.
    public static func makeTestCAF(type: DocumentType, emisor: RUT, folios: ClosedRange<Int64> = 1...20,
                                   fechaAutorizacion: String = "2025-01-01") throws -> CAF {
        let key: RSAPrivateKey
        do { key = try RSAPrivateKey.generate(bits: 512, exponent: 3) } catch { throw SigningError.signing(reason: error.description) }
        let m = key.modulus, e = key.exponent
        let da = "<DA><RE>\(emisor.canonical)</RE><RS>\(testRazonSocial)</RS><TD>\(type.code)</TD>"
            + "<RNG><D>\(folios.lowerBound)</D><H>\(folios.upperBound)</H></RNG><FA>\(fechaAutorizacion)</FA>"
            + "<RSAPK><M>\(Data(m).base64EncodedString())</M><E>\(Data(e).base64EncodedString())</E></RSAPK><IDK>0</IDK></DA>"
        let frma: String, pem: String
        do {
            frma = Data(try key.signSHA1(Array(da.utf8))).base64EncodedString()
            pem = try key.traditionalPEM()
        } catch { throw SigningError.signing(reason: error.description) }
        let xml = "<?xml version=\"1.0\"?>\n<AUTORIZACION>\n<CAF version=\"1.0\">\n\(da)\n"
            + "<FRMA algoritmo=\"SHA1withRSA\">\(frma)</FRMA>\n</CAF>\n"
            + "<RSASK>\(pem)</RSASK>\n</AUTORIZACION>\n"
        return try CAF(bytes: Array(xml.utf8), source: "CAF-\(type.code)-PRUEBA.xml")
    }

}
