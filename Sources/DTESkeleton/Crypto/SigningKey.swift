import COpenSSL
import DTECore
import Foundation

/// Why a key or certificate could not be loaded or used.
public enum SigningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A key or certificate file cannot be read; `reason` says why.
    case unreadable(file: String, reason: String)
    /// Not a usable RSA private key.
    case badKey(source: String, reason: String)
    /// Not a usable X.509 certificate (or not a PKCS#12 file).
    case badCertificate(source: String, reason: String)
    /// The password does not open the PKCS#12 file (or it is not one).
    case wrongPassword(source: String)
    /// The private key does not belong to the certificate.
    case keyMismatch(source: String)
    /// OpenSSL failed (making a test CAF's key, signing, digesting); `reason` has its message.
    case signing(reason: String)
    /// The XML to sign could not be parsed or canonicalised.
    case xml(reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot be read: \(reason)"
        case let .badKey(source, reason): return "\(source): not a usable RSA private key: \(reason)"
        case let .badCertificate(source, reason): return "\(source): not a usable X.509 certificate: \(reason)"
        case let .wrongPassword(source): return "\(source): wrong password for the PKCS#12 certificate (or not a PKCS#12 file)"
        case let .keyMismatch(source): return "\(source): the private key does not belong to the certificate"
        case let .signing(reason): return "signing failed: \(reason)"
        case let .xml(reason): return "XML signature: \(reason)"
        }
    }
}

/// The last OpenSSL error as text (and the queue cleared).
func openSSLErrorText() -> String {
    let code = ERR_get_error()
    ERR_clear_error()
    guard code != 0 else { return "unknown OpenSSL error" }
    var buf = [CChar](repeating: 0, count: 256)
    ERR_error_string_n(code, &buf, buf.count)
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// An RSA private key held by OpenSSL (`EVP_PKEY`), freed with the value.
final class EVPKey: @unchecked Sendable {
    // Immutable after init; OpenSSL keys may be used for signing from several threads.
    let pkey: OpaquePointer

    init(owning pkey: OpaquePointer) { self.pkey = pkey }
    deinit { EVP_PKEY_free(pkey) }

    /// Reads a PEM private key: "RSA PRIVATE KEY" (PKCS#1, the CAF's RSASK) or "PRIVATE KEY" (PKCS#8).
    convenience init(pem: String, source: String) throws(SigningError) {
        let bytes = Array(pem.utf8)
        let key: OpaquePointer? = bytes.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let key else { throw .badKey(source: source, reason: openSSLErrorText()) }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            EVP_PKEY_free(key)
            throw .badKey(source: source, reason: "not an RSA key")
        }
        self.init(owning: key)
    }

    /// RSA-SHA1 (PKCS#1 v1.5) signature of `message`.
    func signSHA1(_ message: [UInt8]) throws(SigningError) -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { throw .signing(reason: "out of memory") }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestSignInit(ctx, nil, EVP_sha1(), nil, pkey) == 1 else { throw .signing(reason: openSSLErrorText()) }
        var length = 0
        let ok1 = message.withUnsafeBufferPointer { EVP_DigestSign(ctx, nil, &length, $0.baseAddress, $0.count) }
        guard ok1 == 1, length > 0 else { throw .signing(reason: openSSLErrorText()) }
        var sig = [UInt8](repeating: 0, count: length)
        let ok2 = message.withUnsafeBufferPointer { m in
            sig.withUnsafeMutableBufferPointer { EVP_DigestSign(ctx, $0.baseAddress, &length, m.baseAddress, m.count) }
        }
        guard ok2 == 1 else { throw .signing(reason: openSSLErrorText()) }
        return Array(sig.prefix(length))
    }

    /// The RSA modulus and public exponent, big-endian.
    func publicComponents() throws(SigningError) -> (modulus: [UInt8], exponent: [UInt8]) {
        func bn(_ name: String) -> [UInt8]? {
            var b: OpaquePointer? = nil
            guard EVP_PKEY_get_bn_param(pkey, name, &b) == 1, let bnv = b else { return nil }
            defer { BN_free(bnv) }
            let n = (BN_num_bits(bnv) + 7) / 8
            var out = [UInt8](repeating: 0, count: Int(n))
            _ = out.withUnsafeMutableBufferPointer { BN_bn2bin(bnv, $0.baseAddress) }
            return out
        }
        guard let m = bn(OSSL_PKEY_PARAM_RSA_N), let e = bn(OSSL_PKEY_PARAM_RSA_E) else {
            throw .badKey(source: "key", reason: openSSLErrorText())
        }
        return (m, e)
    }

    /// Whether an RSA-SHA1 signature verifies with this key's public half.
    func verifySHA1(signature: [UInt8], message: [UInt8]) -> Bool {
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, EVP_sha1(), nil, pkey) == 1 else { return false }
        let r = signature.withUnsafeBufferPointer { s in
            message.withUnsafeBufferPointer { EVP_DigestVerify(ctx, s.baseAddress, s.count, $0.baseAddress, $0.count) }
        }
        ERR_clear_error()
        return r == 1
    }
}

/// An X.509 certificate held by OpenSSL, freed with the value.
final class X509Certificate: @unchecked Sendable {
    let cert: OpaquePointer
    init(owning cert: OpaquePointer) { self.cert = cert }
    deinit { X509_free(cert) }

    convenience init(pem: String, source: String) throws(SigningError) {
        let bytes = Array(pem.utf8)
        let c: OpaquePointer? = bytes.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil)
        }
        guard let c else { throw .badCertificate(source: source, reason: openSSLErrorText()) }
        self.init(owning: c)
    }

    /// DER encoding (the X509Certificate element's content, base64).
    func der() throws(SigningError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>? = nil
        let n = i2d_X509(cert, &out)
        guard n > 0, let p = out else { throw .badCertificate(source: "certificate", reason: openSSLErrorText()) }
        defer { CRYPTO_free(p, #fileID, #line) }
        return Array(UnsafeBufferPointer(start: p, count: Int(n)))
    }

    func matches(_ key: EVPKey) -> Bool {
        let ok = X509_check_private_key(cert, key.pkey) == 1
        ERR_clear_error()
        return ok
    }
}

/// The signer's credentials for XMLDSig: an RSA private key and its X.509 certificate, from a
/// PKCS#12 file (`.p12`/`.pfx`, as the SII's certification authorities issue them) or PEM files.
public struct SigningIdentity: Sendable {
    let key: EVPKey
    let certificate: X509Certificate

    /// Loads a PKCS#12 file with its password.
    /// - Throws: ``SigningError/wrongPassword(source:)`` when the password does not open it.
    public init(pkcs12 url: URL, password: String) throws(SigningError) {
        let data: Data
        switch BoundedFile.read(url, limit: 1 << 20) {
        case .success(let d): data = d
        case .failure(let f): throw .unreadable(file: url.path, reason: f.reason)
        }
        try self.init(pkcs12: [UInt8](data), password: password, source: url.lastPathComponent)
    }

    /// Loads a PKCS#12 file's bytes with its password; `source` names it in errors.
    /// - Throws: ``SigningError/wrongPassword(source:)`` when the password does not open it,
    ///   ``SigningError/badCertificate(source:reason:)`` when the bytes are not PKCS#12.
    public init(pkcs12 bytes: [UInt8], password: String, source: String) throws(SigningError) {
        let p12: OpaquePointer? = bytes.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return d2i_PKCS12_bio(bio, nil)
        }
        guard let p12 else {
            throw .badCertificate(source: source, reason: "not a PKCS#12 file (\(openSSLErrorText()))")
        }
        defer { PKCS12_free(p12) }
        guard PKCS12_verify_mac(p12, password, -1) == 1 else {
            ERR_clear_error()
            throw .wrongPassword(source: source)
        }
        var pkey: OpaquePointer? = nil
        var cert: OpaquePointer? = nil
        var ok = PKCS12_parse(p12, password, &pkey, &cert, nil)
        if ok != 1 {
            // Certificates from Chilean CAs often use RC2/3DES PKCS#12 encryption, which
            // OpenSSL 3 keeps in its "legacy" provider: load it (with "default") and retry.
            ERR_clear_error()
            _ = SigningIdentity.legacyProviders
            ok = PKCS12_parse(p12, password, &pkey, &cert, nil)
        }
        guard ok == 1 else {
            throw .badCertificate(source: source, reason: "cannot decrypt the PKCS#12 contents (\(openSSLErrorText()))")
        }
        guard let pkey else {
            if let cert { X509_free(cert) }
            throw .badKey(source: source, reason: "the PKCS#12 file holds no private key")
        }
        let k = EVPKey(owning: pkey)
        guard let cert else { throw .badCertificate(source: source, reason: "the PKCS#12 file holds no certificate") }
        let c = X509Certificate(owning: cert)
        guard EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA else { throw .badKey(source: source, reason: "not an RSA key") }
        guard c.matches(k) else { throw .keyMismatch(source: source) }
        self.key = k; self.certificate = c
    }

    /// Loads OpenSSL's legacy and default providers once per process.
    static let legacyProviders: Bool = {
        let legacy = OSSL_PROVIDER_load(nil, "legacy")
        let base = OSSL_PROVIDER_load(nil, "default")
        return legacy != nil && base != nil
    }()

    /// Loads a PEM private key (PKCS#1 or unencrypted PKCS#8) and a PEM certificate.
    public init(keyPEM: String, certificatePEM: String, source: String = "PEM") throws(SigningError) {
        let k = try EVPKey(pem: keyPEM, source: source + " (key)")
        let c = try X509Certificate(pem: certificatePEM, source: source + " (certificate)")
        guard c.matches(k) else { throw .keyMismatch(source: source) }
        self.key = k; self.certificate = c
    }

    /// Loads a PEM private key and a PEM certificate from files (each at most 1 MiB).
    /// - Throws: ``SigningError`` naming the file that cannot be read or used, or
    ///   ``SigningError/keyMismatch(source:)`` when the key is not the certificate's.
    public init(keyFile: URL, certificateFile: URL) throws(SigningError) {
        func read(_ u: URL) throws(SigningError) -> String {
            switch BoundedFile.read(u, limit: 1 << 20) {
            case .success(let d):
                guard let text = String(data: d, encoding: .utf8) else { throw .unreadable(file: u.path, reason: "not UTF-8 text") }
                return text
            case .failure(let f): throw .unreadable(file: u.path, reason: f.reason)
            }
        }
        try self.init(keyPEM: try read(keyFile), certificatePEM: try read(certificateFile),
                      source: keyFile.lastPathComponent + " + " + certificateFile.lastPathComponent)
    }

    /// RSA-SHA1 over `message`.
    public func signSHA1(_ message: [UInt8]) throws(SigningError) -> [UInt8] { try key.signSHA1(message) }

    /// The certificate, DER.
    public func certificateDER() throws(SigningError) -> [UInt8] { try certificate.der() }

    /// The public key's modulus and exponent, big-endian.
    public func publicComponents() throws(SigningError) -> (modulus: [UInt8], exponent: [UInt8]) { try key.publicComponents() }
}
