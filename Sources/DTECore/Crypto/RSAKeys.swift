internal import COpenSSL
import Foundation

// The only file of the package's crypto that touches OpenSSL key and certificate pointers (the
// digests are in Digest.swift). Keys are `EVP_PKEY`s owned by `PKeyBox`, certificates `X509`s
// owned by `X509Box` (freed in deinit): DTESkeleton's signing identity and CAF keys use these. An EVP_PKEY is safe to share between threads for signing and
// verifying as long as nobody mutates it, and nothing here does: each operation makes its own
// EVP_MD_CTX.

/// Owns one `EVP_PKEY`.
// Unchecked: owns a C pointer (freed in deinit), never mutated after init (see above).
final class PKeyBox: @unchecked Sendable {
    let pkey: OpaquePointer
    init(_ pkey: OpaquePointer) { self.pkey = pkey }
    deinit { EVP_PKEY_free(pkey) }
}

/// OpenSSL's error queue as text (and cleared): the package's one OpenSSL error-text helper.
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

    init(box: PKeyBox) { self.box = box }

    /// A fresh RSA key of `bits` bits with public exponent `exponent` (e.g. a test CAF's
    /// 512-bit, exponent-3 key).
    package static func generate(bits: Int32, exponent: UInt) throws(CryptoError) -> RSAPrivateKey {
        guard let ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else { throw .openSSL(operation: "EVP_PKEY_CTX_new_id", detail: openSSLErrors()) }
        defer { EVP_PKEY_CTX_free(ctx) }
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) == 1 else {
            throw .openSSL(operation: "EVP_PKEY_keygen_init", detail: openSSLErrors())
        }
        guard let e = BN_new() else { throw .openSSL(operation: "BN_new", detail: openSSLErrors()) }
        defer { BN_free(e) }
        guard BN_set_word(e, exponent) == 1, EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e) == 1 else {
            throw .openSSL(operation: "EVP_PKEY_CTX_set1_rsa_keygen_pubexp", detail: openSSLErrors())
        }
        var pkey: OpaquePointer? = nil
        guard EVP_PKEY_generate(ctx, &pkey) == 1, let pkey else { throw .openSSL(operation: "EVP_PKEY_generate", detail: openSSLErrors()) }
        return RSAPrivateKey(box: PKeyBox(pkey))
    }

    /// The key as `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1) PEM, the form of a CAF's `RSASK`.
    package func traditionalPEM() throws(CryptoError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw .openSSL(operation: "BIO_new", detail: openSSLErrors()) }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey_traditional(bio, box.pkey, nil, nil, 0, nil, nil) == 1 else {
            throw .openSSL(operation: "PEM_write_bio_PrivateKey_traditional", detail: openSSLErrors())
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

    /// The modulus, big-endian, no leading zeros.
    package var modulus: [UInt8] { bigNumParameter(box.pkey, "n") }
    /// The public exponent, big-endian, no leading zeros.
    package var exponent: [UInt8] { bigNumParameter(box.pkey, "e") }

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

/// Owns one `X509`.
// Unchecked: owns a C pointer (freed in deinit), never mutated after init.
final class X509Box: @unchecked Sendable {
    let cert: OpaquePointer
    init(_ cert: OpaquePointer) { self.cert = cert }
    deinit { X509_free(cert) }
}

/// An X.509 certificate (OpenSSL libcrypto), e.g. the one an XMLDSig signature carries.
package struct X509Certificate: Sendable {
    let box: X509Box

    init(box: X509Box) { self.box = box }

    /// Reads a `-----BEGIN CERTIFICATE-----` PEM.
    package init(pem: String) throws(CryptoError) {
        let bytes = Array(pem.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { throw .invalidPEM("empty or too large") }
        let cert: OpaquePointer? = bytes.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil)
        }
        guard let cert else { throw .invalidPEM(openSSLErrors()) }
        box = X509Box(cert)
    }

    /// The DER encoding (what an XMLDSig `X509Certificate` element carries, in base64).
    package func der() throws(CryptoError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>? = nil
        let n = i2d_X509(box.cert, &out)
        guard n > 0, let p = out else { throw .openSSL(operation: "i2d_X509", detail: openSSLErrors()) }
        defer { CRYPTO_free(p, #fileID, #line) }
        return Array(UnsafeBufferPointer(start: p, count: Int(n)))
    }

    /// Whether `key` is the private half of this certificate's public key.
    package func matches(_ key: RSAPrivateKey) -> Bool {
        let ok = X509_check_private_key(box.cert, key.box.pkey) == 1
        _ = openSSLErrors()
        return ok
    }
}

/// Why a PKCS#12 file could not be opened.
package enum PKCS12Error: Error, Sendable, Equatable {
    /// The bytes are not PKCS#12; the text is OpenSSL's.
    case notPKCS12(String)
    /// The password does not open the file.
    case wrongPassword
    /// The contents cannot be decrypted; the text is OpenSSL's.
    case cannotDecrypt(String)
    /// The file holds no private key.
    case noPrivateKey
    /// The file holds no certificate.
    case noCertificate
    /// The private key is not an RSA key.
    case notRSA
}

/// PKCS#12 files (`.p12`/`.pfx`, as the SII's certification authorities issue them).
package enum PKCS12 {
    /// The private key and certificate of a PKCS#12 file's bytes, opened with `password`.
    package static func open(_ bytes: [UInt8], password: String) throws(PKCS12Error) -> (key: RSAPrivateKey, certificate: X509Certificate) {
        guard bytes.count < Int(Int32.max) else { throw .notPKCS12("too large") }
        let p12: OpaquePointer? = bytes.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return d2i_PKCS12_bio(bio, nil)
        }
        guard let p12 else { throw .notPKCS12(openSSLErrors()) }
        defer { PKCS12_free(p12) }
        guard PKCS12_verify_mac(p12, password, -1) == 1 else {
            _ = openSSLErrors()
            throw .wrongPassword
        }
        var pkey: OpaquePointer? = nil
        var cert: OpaquePointer? = nil
        var ok = PKCS12_parse(p12, password, &pkey, &cert, nil)
        if ok != 1 {
            // Certificates from Chilean CAs often use RC2/3DES PKCS#12 encryption, which
            // OpenSSL 3 keeps in its "legacy" provider: load it (with "default") and retry.
            _ = openSSLErrors()
            _ = legacyProviders
            ok = PKCS12_parse(p12, password, &pkey, &cert, nil)
        }
        guard ok == 1 else { throw .cannotDecrypt(openSSLErrors()) }
        guard let pkey else {
            if let cert { X509_free(cert) }
            throw .noPrivateKey
        }
        let key = RSAPrivateKey(box: PKeyBox(pkey))
        guard let cert else { throw .noCertificate }
        let certificate = X509Certificate(box: X509Box(cert))
        guard EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA else { throw .notRSA }
        return (key, certificate)
    }

    /// Loads OpenSSL's legacy and default providers once per process.
    private static let legacyProviders: Bool = {
        let legacy = OSSL_PROVIDER_load(nil, "legacy")
        let base = OSSL_PROVIDER_load(nil, "default")
        return legacy != nil && base != nil
    }()
}
