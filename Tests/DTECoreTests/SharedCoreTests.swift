import Foundation
import Testing
@testable import DTECore

/// What the other modules get from DTECore instead of reaching for libxml2/libcrypto or writing
/// their own lock (issue 14, steps 1 and 6).
@Suite struct SharedCoreTests {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("Digest: SHA-1 and SHA-256 of the FIPS 180 test vectors")
    func digests() {
        #expect(hex(Digest.sha1(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(Digest.sha1([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(Digest.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(Digest.sha256(Data())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        var into = [UInt8](repeating: 0, count: 32)
        long.withUnsafeBytes { input in into.withUnsafeMutableBytes { Digest.sha256(input, into: $0) } }
        #expect(hex(into) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var tooShort = [UInt8](repeating: 7, count: 31)
        long.withUnsafeBytes { input in tooShort.withUnsafeMutableBytes { Digest.sha256(input, into: $0) } }
        #expect(tooShort == [UInt8](repeating: 7, count: 31))   // untouched, not overrun
    }

    @Test("Locked: increments from many threads are all counted")
    func lockedCounts() {
        let counter = Locked(0)
        let threads = 8, perThread = 10_000
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<perThread { counter.withLock { $0 += 1 } }
        }
        #expect(counter.current == threads * perThread)
        let returned = counter.withLock { v -> String in v = -1; return "done" }
        #expect(returned == "done" && counter.current == -1)
    }

    @Test("XMLTree: XPath and C14N of a signed-style document")
    func xmlTreeCanonicalises() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<DTE xmlns=\"http://www.sii.cl/SiiDte\" version=\"1.0\">\n<Documento ID=\"F1T33\"><A b='1'  a=\"2\">x&amp;y</A><B/></Documento>\n</DTE>\n"
        let tree = try XMLTree(bytes: Array(xml.utf8), source: "t.xml")
        #expect(tree.rootName == "DTE")
        #expect(try tree.attributeValues(xpath: "//sii:DTE/*[@ID]", attribute: "ID") == ["F1T33"])
        let c14n = String(decoding: try tree.canonicalizeElement(withID: "F1T33"), as: UTF8.self)
        // Inherited default namespace on the apex, attributes sorted, empty element expanded.
        #expect(c14n == "<Documento xmlns=\"http://www.sii.cl/SiiDte\" ID=\"F1T33\"><A a=\"2\" b=\"1\">x&amp;y</A><B></B></Documento>")
        #expect(throws: XMLTreeError.self) { try tree.canonicalizeElement(withID: "nope") }
    }

    @Test("XMLTree: SafeXML's limits hold (DOCTYPE, size, depth)")
    func xmlTreeRefusesWhatSafeXMLRefuses() throws {
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE DTE [<!ENTITY e \"x\">]><DTE>&e;</DTE>"
        #expect(throws: XMLTreeError.unreadable(DTEReadError(source: "d.xml", reason: .forbiddenDTD))) {
            try XMLTree(bytes: Array(doctype.utf8), source: "d.xml")
        }
        var limits = DTEReader.Limits()
        limits.maxBytes = 10
        #expect(throws: XMLTreeError.unreadable(DTEReadError(source: "s.xml", reason: .tooLarge(size: 13, limit: 10)))) {
            try XMLTree(bytes: Array("<a>12345</a>\n".utf8), source: "s.xml", limits: limits)
        }
        limits = DTEReader.Limits()
        limits.maxDepth = 3
        do {
            _ = try XMLTree(bytes: Array("<a><b><c><d/></c></b></a>".utf8), source: "deep.xml", limits: limits)
            Issue.record("four levels passed a limit of three")
        } catch {
            guard case let .unreadable(e) = error else { Issue.record("\(error)"); return }
            #expect(e.reason == .tooDeep(limit: 3) && e.element == "d")
        }
        #expect(throws: Never.self) { try XMLTree(bytes: Array("<a><b><c/></b></a>".utf8), source: "ok.xml", limits: limits) }
    }

    @Test("Keys: a generated key round-trips through PKCS#1 PEM; a certificate matches only its own key")
    func keysAndCertificates() throws {
        let key = try RSAPrivateKey.generate(bits: 512, exponent: 3)
        #expect(key.bits == 512 && key.exponent == [3] && key.modulus.count == 64)
        let pem = try key.traditionalPEM()
        #expect(pem.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        let again = try RSAPrivateKey(pem: pem)
        #expect(again.modulus == key.modulus)
        let message = Array("DD".utf8)
        #expect(key.publicKey.verifySHA1(signature: try again.signSHA1(message), message: message))
        #expect(throws: CryptoError.self) { try X509Certificate(pem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") }
        #expect(throws: PKCS12Error.self) { try PKCS12.open(Array("not pkcs12".utf8), password: "x") }
        let cert = try X509Certificate(pem: SIIAuthorizationKeys.idk100)
        #expect(try cert.der().count > 500)
        #expect(!cert.matches(key))
    }
}
