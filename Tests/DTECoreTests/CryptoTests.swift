import Foundation
import Testing
import DTEKitTestSupport
@testable import DTECore

/// Text between `<tag>` and `</tag>` (the CAF files are tiny and regular).
private func between(_ text: String, _ tag: String) throws -> String {
    guard let a = text.range(of: "<\(tag)>"), let b = text.range(of: "</\(tag)>", range: a.upperBound..<text.endIndex)
    else { throw CryptoTestError.missing(tag) }
    return String(text[a.upperBound..<b.lowerBound])
}
private enum CryptoTestError: Error { case missing(String) }

@Suite struct CryptoTests {
    @Test(arguments: [33, 34, 39, 41, 46, 52, 56, 61, 110, 111, 112])
    func cafPrivateKeySignsAndItsRSAPKVerifies(type: Int) throws {
        let caf = Latin1.decode([UInt8](try Data(contentsOf: try TestSupport.siiCAF(type: type))))
        let priv = try RSAPrivateKey(pem: try between(caf, "RSASK"))
        #expect(priv.bits == 512)
        let m = try #require(Base64.decode(try between(caf, "M")))
        let e = try #require(Base64.decode(try between(caf, "E")))
        let fromComponents = try RSAPublicKey(modulus: m, exponent: e)
        let fromPEM = try RSAPublicKey(pem: try between(caf, "RSAPUBK"))
        #expect(fromComponents.modulus == m)
        #expect(fromPEM.modulus == m)
        #expect(priv.publicKey.modulus == m)
        #expect(fromComponents.exponent == [3])

        let message = Array("<DD><RE>76235291-5</RE><TD>\(type)</TD><F>1</F></DD>".utf8)
        let sig = try priv.signSHA1(message)
        #expect(sig.count == 64)
        #expect(fromComponents.verifySHA1(signature: sig, message: message))
        #expect(fromPEM.verifySHA1(signature: sig, message: message))
        var tampered = message; tampered[5] ^= 1
        #expect(!fromComponents.verifySHA1(signature: sig, message: tampered))
        var badSig = sig; badSig[10] ^= 0x40
        #expect(!fromComponents.verifySHA1(signature: badSig, message: message))
    }

    @Test func refusesGarbageKeys() {
        #expect(throws: CryptoError.self) { try RSAPrivateKey(pem: "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n") }
        #expect(throws: CryptoError.self) { try RSAPublicKey(pem: "not a key") }
        #expect(throws: CryptoError.self) { try RSAPublicKey(modulus: [], exponent: [3]) }
        #expect(throws: CryptoError.self) { try RSAPublicKey(modulus: [UInt8](repeating: 0xAB, count: 64), exponent: []) }
    }

    @Test func base64IgnoresWhiteSpaceAndRefusesJunk() {
        #expect(Base64.decode("QUJD\nREVG\r\n ") == Array("ABCDEF".utf8))
        #expect(Base64.decode("QUJ*") == nil)
        #expect(Base64.encode(Array("ABCDEF".utf8)) == "QUJDREVG")
    }

    @Test func latin1RoundTrips() {
        #expect(Latin1.encode("DISEÑO") == [0x44, 0x49, 0x53, 0x45, 0xD1, 0x4F])
        #expect(Latin1.decode([0x44, 0x49, 0x53, 0x45, 0xD1, 0x4F]) == "DISEÑO")
        #expect(Latin1.encode("€") == nil)
        let all = (0...255).map { UInt8($0) }
        #expect(Latin1.encode(Latin1.decode(all)) == all)
    }
}
