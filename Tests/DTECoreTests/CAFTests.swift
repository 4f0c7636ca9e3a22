import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

@Suite struct CAFTests {
    private func siiKey(idk: Int) throws -> RSAPublicKey {
        let url = try TestSupport.siiSamples().appendingPathComponent("sii-idk-\(idk).cer")
        return try RSAPublicKey(certificatePEM: String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    @Test(arguments: [33, 34, 39, 41, 46, 52, 56, 61, 110, 111, 112])
    func cafFileReadsVerifiesAndStamps(type: Int) throws {
        let url = try TestSupport.siiCAF(type: type)
        let file = try CAFFileContents.read(try Data(contentsOf: url), source: url.lastPathComponent)
        #expect(file.caf.tipoDTE == type)
        #expect(file.caf.rutEmisor == (try RUT("76235291-5")))
        #expect(file.caf.razonSocial.hasPrefix("DISEÑO"))     // Latin-1 byte, no encoding declaration
        #expect(file.caf.folioDesde == 1 && file.caf.folioHasta == 20 && file.caf.idk == 100)
        #expect(file.caf.verifyAuthorization(daBytes: file.daBytes, siiKey: try siiKey(idk: 100)))
        #expect(!file.caf.verifyAuthorization(daBytes: file.daBytes, siiKey: try siiKey(idk: 300)))
        // The shipped keys (SIIAuthorizationKeys) are the same as the shared certificates.
        #expect(file.caf.verifiesSIIAuthorization(daBytes: file.daBytes))
        #expect(SIIAuthorizationKeys.key(idk: 100)?.modulus == (try siiKey(idk: 100)).modulus)
        #expect(SIIAuthorizationKeys.key(idk: 300)?.modulus == (try siiKey(idk: 300)).modulus)
        var widened = file
        widened.caf.folioHasta += 1
        #expect(!widened.caf.verifiesSIIAuthorization(daBytes: TEDBytesTestHelper.replacing(file.daBytes, "<H>\(file.caf.folioHasta)</H>", "<H>\(file.caf.folioHasta + 1)</H>")))
        #expect(file.cafBytes.starts(with: Array("<CAF version=\"1.0\"><DA><RE>76235291-5</RE><RS>DISE".utf8) + [0xD1]))
        let key = try RSAPrivateKey(pem: try #require(file.privateKeyPEM))
        #expect(key.publicKey.modulus == file.caf.modulus)
        #expect(try RSAPublicKey(pem: try #require(file.publicKeyPEM)).modulus == file.caf.modulus)
    }

    @Test func everyTEDsCAFIsAuthorisedByTheSII() throws {
        let reader = DTEReader()
        var checked = 0
        for url in try TestSupport.siiDocumentSamples() {
            for doc in try reader.read(contentsOf: url).documents {
                let ted = try #require(doc.ted)
                let start = try #require(ted.ddBytes.firstRange(of: Array("<DA>".utf8)))
                let end = try #require(ted.ddBytes.firstRange(of: Array("</DA>".utf8)))
                let da = Array(ted.ddBytes[start.lowerBound..<end.upperBound])
                #expect(ted.dd.caf.verifyAuthorization(daBytes: da, siiKey: try siiKey(idk: ted.dd.caf.idk)),
                        "\(url.lastPathComponent) folio \(doc.folio)")
                checked += 1
            }
        }
        #expect(checked == 29)
    }

    @Test func certificateParsingRefusesGarbage() {
        #expect(throws: CryptoError.self) { try RSAPublicKey(certificatePEM: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") }
    }
}

enum TEDBytesTestHelper {
    static func replacing(_ bytes: [UInt8], _ a: String, _ b: String) -> [UInt8] {
        bytes.replacing([UInt8](a.utf8), with: [UInt8](b.utf8))
    }
}
