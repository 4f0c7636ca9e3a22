import COpenSSL
import Foundation

// The only file of DTECore's crypto that touches OpenSSL pointers. Keys are `EVP_PKEY`s owned by
// `PKeyBox` (freed in deinit). An EVP_PKEY is safe to share between threads for signing and
// verifying as long as nobody mutates it, and nothing here does: each operation makes its own
// EVP_MD_CTX.

/// Owns one `EVP_PKEY`.
final class PKeyBox: @unchecked Sendable {
    let pkey: OpaquePointer
    init(_ pkey: OpaquePointer) { self.pkey = pkey }
    deinit { EVP_PKEY_free(pkey) }
}

/// OpenSSL's error queue as text (and cleared).
func openSSLErrors() -> String {
    var parts: [String] = []
    while true {
        let code = ERR_get_error()
        if code == 0 { break }
        var buf = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buf, buf.count)
        parts.append(String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return parts.isEmpty ? "no detail" : parts.joined(separator: "; ")
}

/// `EVP_PKEY_PUBLIC_KEY` (OSSL_KEYMGMT_SELECT_ALL_PARAMETERS | OSSL_KEYMGMT_SELECT_PUBLIC_KEY):
/// the C macro is an expression Swift does not import.
private let selectPublicKey: Int32 = 0x84 | 0x02

/// Reads a PEM key with `reader` (PEM_read_bio_PUBKEY / PEM_read_bio_PrivateKey).
private func readPEM(_ pem: String, _ reader: (OpaquePointer) -> OpaquePointer?) throws(CryptoError) -> PKeyBox {
    let bytes = Array(pem.utf8)
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { throw .invalidPEM("empty or too large") }
    let key: OpaquePointer? = bytes.withUnsafeBytes { raw -> OpaquePointer? in
        guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
        defer { BIO_free(bio) }
        return reader(bio)
    }
    guard let key else { throw .invalidPEM(openSSLErrors()) }
    let box = PKeyBox(key)
    guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else { throw .notRSA }
    return box
}

/// An RSA public key (OpenSSL libcrypto), e.g. a CAF's `RSAPK` — CAF keys are 512-bit RSA,
/// which OpenSSL's raw EVP API still accepts.
package struct RSAPublicKey: Sendable {
    let box: PKeyBox

    /// Builds the key from big-endian modulus and exponent bytes (`RSAPK/M`, `RSAPK/E` decoded).
    public init(modulus: [UInt8], exponent: [UInt8]) throws(CryptoError) {
        let m = Array(modulus.drop { $0 == 0 }), e = Array(exponent.drop { $0 == 0 })
        guard m.count >= 8, m.count <= 2048 else { throw .invalidKeyComponents("modulus of \(modulus.count) bytes") }
        guard !e.isEmpty, e.count <= 16 else { throw .invalidKeyComponents("exponent of \(exponent.count) bytes") }
        guard let n = BN_bin2bn(m, Int32(m.count), nil) else { throw .openSSL(operation: "BN_bin2bn", detail: openSSLErrors()) }
        defer { BN_free(n) }
        guard let ebn = BN_bin2bn(e, Int32(e.count), nil) else { throw .openSSL(operation: "BN_bin2bn", detail: openSSLErrors()) }
        defer { BN_free(ebn) }
        // OSSL_PARAM_BLD and the OSSL_PARAM array it makes keep pointers to the key names, and an
        // EVP_PKEY_CTX keeps the algorithm name (OpenSSL 3.0): all must outlive the whole build.
        let made: OpaquePointer? = "n".withCString { keyN in
            "e".withCString { keyE in
                "RSA".withCString { algorithm in
                    guard let bld = OSSL_PARAM_BLD_new() else { return nil }
                    defer { OSSL_PARAM_BLD_free(bld) }
                    guard OSSL_PARAM_BLD_push_BN(bld, keyN, n) == 1, OSSL_PARAM_BLD_push_BN(bld, keyE, ebn) == 1,
                          let params = OSSL_PARAM_BLD_to_param(bld) else { return nil }
                    defer { OSSL_PARAM_free(params) }
                    guard let ctx = EVP_PKEY_CTX_new_from_name(nil, algorithm, nil) else { return nil }
                    defer { EVP_PKEY_CTX_free(ctx) }
                    var pkey: OpaquePointer? = nil
                    guard EVP_PKEY_fromdata_init(ctx) == 1, EVP_PKEY_fromdata(ctx, &pkey, selectPublicKey, params) == 1 else {
                        EVP_PKEY_free(pkey)
                        return nil
                    }
                    return pkey
                }
            }
        }
        guard let pkey = made else { throw .openSSL(operation: "EVP_PKEY_fromdata", detail: openSSLErrors()) }
        self.box = PKeyBox(pkey)
    }

    /// Reads a `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo) PEM.
    public init(pem: String) throws(CryptoError) {
        box = try readPEM(pem) { PEM_read_bio_PUBKEY($0, nil, nil, nil) }
    }

    /// Reads the RSA public key of a PEM X.509 certificate (`-----BEGIN CERTIFICATE-----`), e.g.
    /// the SII's `idk` certificates that verify a CAF's FRMA.
    public init(certificatePEM pem: String) throws(CryptoError) {
        let bytes = Array(pem.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { throw .invalidPEM("empty or too large") }
        let key: OpaquePointer? = bytes.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            guard let cert = PEM_read_bio_X509(bio, nil, nil, nil) else { return nil }
            defer { X509_free(cert) }
            return X509_get_pubkey(cert)
        }
        guard let key else { throw .invalidPEM(openSSLErrors()) }
        let box = PKeyBox(key)
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else { throw .notRSA }
        self.box = box
    }

    init(box: PKeyBox) { self.box = box }

    /// The modulus, big-endian, no leading zeros.
    public var modulus: [UInt8] { bigNumParam("n") }
    /// The public exponent, big-endian, no leading zeros.
    public var exponent: [UInt8] { bigNumParam("e") }
    /// The key size in bits (512 for CAF keys).
    public var bits: Int { Int(EVP_PKEY_get_bits(box.pkey)) }

    func bigNumParam(_ name: String) -> [UInt8] { bigNumParameter(box.pkey, name) }

    /// Whether `signature` is a valid RSA PKCS#1 v1.5 SHA-1 signature of `message`.
    public func verifySHA1(signature: [UInt8], message: [UInt8]) -> Bool {
        guard let md = EVP_MD_CTX_new() else { _ = openSSLErrors(); return false }
        defer { EVP_MD_CTX_free(md) }
        guard EVP_DigestVerifyInit(md, nil, EVP_sha1(), nil, box.pkey) == 1 else { _ = openSSLErrors(); return false }
        let ok = EVP_DigestVerify(md, signature, signature.count, message, message.count)
        if ok != 1 { _ = openSSLErrors() }
        return ok == 1
    }
}

func bigNumParameter(_ pkey: OpaquePointer, _ name: String) -> [UInt8] {
    var bn: OpaquePointer? = nil
    guard EVP_PKEY_get_bn_param(pkey, name, &bn) == 1, let bn else { _ = openSSLErrors(); return [] }
    defer { BN_free(bn) }
    let count = (Int(BN_num_bits(bn)) + 7) / 8
    var out = [UInt8](repeating: 0, count: count)
    _ = BN_bn2bin(bn, &out)
    return out
}

/// An RSA private key (OpenSSL libcrypto), e.g. a CAF's `RSASK`.
package struct RSAPrivateKey: Sendable {
    let box: PKeyBox

    /// Reads a `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1, as in CAF files) or a
    /// `-----BEGIN PRIVATE KEY-----` (PKCS#8) PEM; unencrypted only.
    public init(pem: String) throws(CryptoError) {
        box = try readPEM(pem) { PEM_read_bio_PrivateKey($0, nil, nil, nil) }
    }

    /// The key size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(box.pkey)) }

    /// RSA PKCS#1 v1.5 SHA-1 signature of `message` (`SHA1withRSA`, the TED's FRMT).
    public func signSHA1(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let md = EVP_MD_CTX_new() else { throw .openSSL(operation: "EVP_MD_CTX_new", detail: openSSLErrors()) }
        defer { EVP_MD_CTX_free(md) }
        guard EVP_DigestSignInit(md, nil, EVP_sha1(), nil, box.pkey) == 1 else {
            throw .openSSL(operation: "EVP_DigestSignInit", detail: openSSLErrors())
        }
        var length = 0
        guard EVP_DigestSign(md, nil, &length, message, message.count) == 1, length > 0 else {
            throw .openSSL(operation: "EVP_DigestSign", detail: openSSLErrors())
        }
        var sig = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(md, &sig, &length, message, message.count) == 1 else {
            throw .openSSL(operation: "EVP_DigestSign", detail: openSSLErrors())
        }
        return Array(sig.prefix(length))
    }

    /// The matching public key.
    public var publicKey: RSAPublicKey {
        // n and e of a loaded RSA key always rebuild a public key; fall back to sharing the
        // private EVP_PKEY (verification works with it too) if OpenSSL ever refuses.
        let n = bigNumParameter(box.pkey, "n"), e = bigNumParameter(box.pkey, "e")
        if let key = try? RSAPublicKey(modulus: n, exponent: e) { return key }
        return RSAPublicKey(box: box)
    }
}
