import COpenSSL
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
        let key = try EVPKey.generateRSA(bits: 512, exponent: 3)
        let (m, e) = try key.publicComponents()
        let da = "<DA><RE>\(emisor.canonical)</RE><RS>\(testRazonSocial)</RS><TD>\(type.code)</TD>"
            + "<RNG><D>\(folios.lowerBound)</D><H>\(folios.upperBound)</H></RNG><FA>\(fechaAutorizacion)</FA>"
            + "<RSAPK><M>\(Data(m).base64EncodedString())</M><E>\(Data(e).base64EncodedString())</E></RSAPK><IDK>0</IDK></DA>"
        let frma = Data(try key.signSHA1(Array(da.utf8))).base64EncodedString()
        let xml = "<?xml version=\"1.0\"?>\n<AUTORIZACION>\n<CAF version=\"1.0\">\n\(da)\n"
            + "<FRMA algoritmo=\"SHA1withRSA\">\(frma)</FRMA>\n</CAF>\n"
            + "<RSASK>\(try key.traditionalPEM())</RSASK>\n</AUTORIZACION>\n"
        return try CAF(bytes: Array(xml.utf8), source: "CAF-\(type.code)-PRUEBA.xml")
    }

}

extension EVPKey {
    /// A fresh RSA key.
    static func generateRSA(bits: Int32, exponent: UInt) throws(SigningError) -> EVPKey {
        guard let ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else { throw .signing(reason: openSSLErrorText()) }
        defer { EVP_PKEY_CTX_free(ctx) }
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) == 1 else {
            throw .signing(reason: openSSLErrorText())
        }
        guard let e = BN_new() else { throw .signing(reason: "out of memory") }
        defer { BN_free(e) }
        guard BN_set_word(e, exponent) == 1, EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e) == 1 else {
            throw .signing(reason: openSSLErrorText())
        }
        var pkey: OpaquePointer? = nil
        guard EVP_PKEY_generate(ctx, &pkey) == 1, let pkey else { throw .signing(reason: openSSLErrorText()) }
        return EVPKey(owning: pkey)
    }

    /// "-----BEGIN RSA PRIVATE KEY-----" (PKCS#1), the form of a CAF's RSASK.
    func traditionalPEM() throws(SigningError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw .signing(reason: "out of memory") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey_traditional(bio, pkey, nil, nil, 0, nil, nil) == 1 else {
            throw .signing(reason: openSSLErrorText())
        }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1024)
        while true {
            let n = buf.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32($0.count)) }
            if n <= 0 { break }
            out += buf.prefix(Int(n))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
