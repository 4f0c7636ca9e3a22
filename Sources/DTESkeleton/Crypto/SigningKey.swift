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

/// The signer's credentials for XMLDSig: an RSA private key and its X.509 certificate, from a
/// PKCS#12 file (`.p12`/`.pfx`, as the SII's certification authorities issue them) or PEM files.
public struct SigningIdentity: Sendable {
    let key: RSAPrivateKey
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
        let opened: (key: RSAPrivateKey, certificate: X509Certificate)
        do throws(PKCS12Error) {
            opened = try PKCS12.open(bytes, password: password)
        } catch {
            switch error {
            case .notPKCS12(let detail): throw .badCertificate(source: source, reason: "not a PKCS#12 file (\(detail))")
            case .wrongPassword: throw .wrongPassword(source: source)
            case .cannotDecrypt(let detail): throw .badCertificate(source: source, reason: "cannot decrypt the PKCS#12 contents (\(detail))")
            case .noPrivateKey: throw .badKey(source: source, reason: "the PKCS#12 file holds no private key")
            case .noCertificate: throw .badCertificate(source: source, reason: "the PKCS#12 file holds no certificate")
            case .notRSA: throw .badKey(source: source, reason: "not an RSA key")
            }
        }
        guard opened.certificate.matches(opened.key) else { throw .keyMismatch(source: source) }
        self.key = opened.key; self.certificate = opened.certificate
    }

    /// Loads a PEM private key (PKCS#1 or unencrypted PKCS#8) and a PEM certificate.
    public init(keyPEM: String, certificatePEM: String, source: String = "PEM") throws(SigningError) {
        let k: RSAPrivateKey, c: X509Certificate
        do { k = try RSAPrivateKey(pem: keyPEM) } catch { throw .badKey(source: source + " (key)", reason: error.description) }
        do { c = try X509Certificate(pem: certificatePEM) } catch {
            throw .badCertificate(source: source + " (certificate)", reason: error.description)
        }
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
    public func signSHA1(_ message: [UInt8]) throws(SigningError) -> [UInt8] {
        do { return try key.signSHA1(message) } catch { throw .signing(reason: error.description) }
    }

    /// The certificate, DER.
    public func certificateDER() throws(SigningError) -> [UInt8] {
        do { return try certificate.der() } catch { throw .badCertificate(source: "certificate", reason: error.description) }
    }

    /// The public key's modulus and exponent, big-endian.
    public func publicComponents() throws(SigningError) -> (modulus: [UInt8], exponent: [UInt8]) {
        let m = key.modulus, e = key.exponent
        guard !m.isEmpty, !e.isEmpty else { throw .badKey(source: "key", reason: "no RSA modulus or exponent") }
        return (m, e)
    }
}
